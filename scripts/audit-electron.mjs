// `npm run audit:electron`: Doyensec's Electronegativity over the Electron code (main/app and
// preload). Findings not on the accepted list below fail the run; each accepted one says why (the
// docs/desktop-shell.md repeats them). The scanner cannot be pointed at two folders, so both are copied into one
// temporary folder first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** `<check id>@<file>` → why the finding is accepted. */
export const ACCEPTED = {
  'CSP_GLOBAL_CHECK@N/A':
    'The policy is a response header set by the app:// protocol handler (main/api/ui-assets.ts, a fresh nonce per load), which the scanner cannot see.',
  'OPEN_EXTERNAL_JS_CHECK@app/external-links.ts': 'Reviewed: only HTTPS URLs to allow-listed hosts reach shell.openExternal.',
  'PRELOAD_JS_CHECK@app/window.ts': 'Reviewed: the preload exposes one named function per API method and an event subscription; no ipcRenderer, no Node.',
};

/** Downloads Electron's release list at every run: no network in CI; `npm outdated` covers it. */
const OFFLINE_EXCLUDED = ['availablesecurityfixesglobalcheck'];

/** What is scanned: folder name in the scan → source folder. */
export const ELECTRON_SOURCES = { app: path.join(root, 'main', 'app'), preload: path.join(root, 'preload') };

export async function auditElectron(sources = ELECTRON_SOURCES) {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron;
  const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-electronegativity-'));
  try {
    for (const [name, dir] of Object.entries(sources)) fs.cpSync(dir, path.join(scan, name), { recursive: true });
    const run = require('@doyensec/electronegativity');
    const result = await run({ input: scan, electronVersionOverride: electronVersion, isRelative: true, excludeFromScan: OFFLINE_EXCLUDED });
    const findings = result.issues.map((i) => ({
      key: `${i.id}@${i.file}`,
      id: i.id,
      file: i.file,
      line: i.location?.line ?? 0,
      severity: i.severity.name,
      description: i.description,
    }));
    return {
      errors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
      accepted: findings.filter((f) => f.key in ACCEPTED),
      unexpected: findings.filter((f) => !(f.key in ACCEPTED)),
    };
  } finally {
    fs.rmSync(scan, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { errors, accepted, unexpected } = await auditElectron();
  for (const f of accepted) console.log(`accepted  ${f.id} ${f.file}: ${ACCEPTED[f.key]}`);
  for (const f of unexpected) console.log(`FINDING   ${f.id} ${f.file}:${f.line} [${f.severity}] ${f.description}`);
  for (const e of errors) console.log(`ERROR     ${e}`);
  console.log(unexpected.length || errors.length ? 'Electronegativity found problems.' : 'Electronegativity: nothing beyond the accepted findings.');
  process.exit(unexpected.length || errors.length ? 1 : 0);
}
