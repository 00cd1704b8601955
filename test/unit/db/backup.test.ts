import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, pruneBackups } from '../../../main/db/backup.js';
import { tempDir } from '../../helpers/tmp.js';

function seed(dir: string, names: string[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of names) fs.writeFileSync(path.join(dir, name), 'x');
}

describe('backup files', () => {
  it('lists backups newest first and ignores other files', () => {
    const dir = tempDir();
    seed(dir, ['herald-20260102-030000-daily.sqlite', 'herald-20260103-030000-manual.sqlite', 'herald-20260101-030000-daily.sqlite', 'notes.txt', 'herald.sqlite']);
    expect(listBackups(dir).map((b) => b.name)).toEqual(['herald-20260103-030000-manual.sqlite', 'herald-20260102-030000-daily.sqlite', 'herald-20260101-030000-daily.sqlite']);
    expect(listBackups(path.join(dir, 'missing'))).toEqual([]);
  });

  it('keeps the newest backups of one label and leaves manual and pre-restore copies alone', () => {
    const dir = tempDir();
    const daily = Array.from({ length: 9 }, (_, i) => `herald-202601${String(i + 1).padStart(2, '0')}-030000-daily.sqlite`);
    const others = ['herald-20251231-120000-manual.sqlite', 'herald-20251230-120000-pre-restore.sqlite'];
    // A second daily copy in the same second gets a number; it counts as a daily backup too.
    seed(dir, [...daily, ...others, 'herald-20260109-030000-daily1.sqlite']);
    const removed = pruneBackups(dir, 'daily', 7);
    expect(removed.sort()).toEqual(['herald-20260101-030000-daily.sqlite', 'herald-20260102-030000-daily.sqlite', 'herald-20260103-030000-daily.sqlite']);
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual([...others, ...daily.slice(3), 'herald-20260109-030000-daily1.sqlite'].sort());
    expect(pruneBackups(dir, 'daily', 7)).toEqual([]);
  });
});
