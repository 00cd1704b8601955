import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { readSettings, writeSettings } from '../../../main/settings/store.js';
import { tempDir } from '../../helpers/tmp.js';

describe('settings store', () => {
  it('changes only the settings a patch names; the others keep their stored values', () => {
    const db = openDatabase(`${tempDir()}/herald.sqlite`);
    try {
      migrate(db);
      expect(readSettings(db)).toMatchObject({ language: 'zh-CN', messageRetentionDays: 180, runRetentionDays: 180 });
      writeSettings(db, { language: 'en', messageRetentionDays: 90 });
      writeSettings(db, { runRetentionDays: 30 });
      writeSettings(db, { startAtLogin: true });
      expect(readSettings(db)).toEqual({ language: 'en', startAtLogin: true, backupKeep: 7, runRetentionDays: 30, messageRetentionDays: 90, logLevel: 'info' });
    } finally {
      db.close();
    }
  });
});
