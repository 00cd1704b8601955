import { buildAll } from '../../scripts/build.mjs';

/** The browser tests need the built UI (and child processes the compiled main); build once per run. */
export default async function setup(): Promise<void> {
  await buildAll({ onlyIfStale: true });
}
