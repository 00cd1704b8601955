import { defineConfig } from 'vitest/config';

// One runner for the whole suite: unit tests (pure logic, real SQLite files in temp folders),
// integration tests (real HTTP on 127.0.0.1, child processes killed with SIGKILL) and the browser
// tests (Playwright driving Debian's chromium against headless mode).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Tests that spawn several CLI or headless processes take ~25 s on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    // expect.poll waits for live UI and background work; a loaded CI machine needs more than 1 s.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
  },
});
