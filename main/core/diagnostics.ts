import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Herald } from './herald.js';
import { appVersion } from './app-info.js';

const MAX_LOG_BYTES = 20 * 1024 * 1024;

/**
 * Writes a zip a person can send to support: recent logs, settings, schema state and whatever the
 * capabilities contribute (run summaries, channel settings with secrets masked).
 */
export function exportDiagnostics(herald: Herald): { file: string; sizeBytes: number } {
  const files: Record<string, Uint8Array> = {};
  const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));
  files['about.json'] = json({
    version: appVersion,
    mode: herald.mode,
    platform: process.platform,
    arch: process.arch,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    exportedAt: new Date(herald.clock.now()).toISOString(),
    dataDir: herald.paths.dataDir,
    integrity: herald.integrity,
  });
  files['settings.json'] = json(herald.settings());
  files['schema.json'] = json({
    version: herald.schemaVersion(),
    applied: herald.db.prepare('SELECT version, name, applied_at FROM schema_version ORDER BY version').all(),
  });
  for (const [name, section] of herald.diagnosticsSections) {
    try {
      files[`${name}.json`] = json(section());
    } catch (err) {
      files[`${name}.error.txt`] = strToU8((err as Error).message);
    }
  }
  let budget = MAX_LOG_BYTES;
  const logs = fs.existsSync(herald.paths.logsDir) ? fs.readdirSync(herald.paths.logsDir).sort().reverse() : [];
  for (const name of logs) {
    const full = path.join(herald.paths.logsDir, name);
    const size = fs.statSync(full).size;
    if (size > budget) continue;
    budget -= size;
    files[`logs/${name}`] = fs.readFileSync(full);
  }
  fs.mkdirSync(herald.paths.diagnosticsDir, { recursive: true });
  const stamp = new Date(herald.clock.now()).toISOString().replace(/[:.]/g, '-');
  const file = path.join(herald.paths.diagnosticsDir, `herald-diagnostics-${stamp}.zip`);
  fs.writeFileSync(file, zipSync(files, { level: 6 }));
  return { file, sizeBytes: fs.statSync(file).size };
}
