import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate.js';
import { openDatabase } from '../../../main/db/open.js';
import { createSecretBox } from '../../../main/db/secrets.js';
import { knownRecipient, registerKnownRecipients } from '../../../main/outbox/known-recipients.js';
import { listRecipients, saveRecipient } from '../../../main/outbox/recipients.js';
import { tempDir } from '../../helpers/tmp.js';

describe('known recipients', () => {
  it('are listed unconfigured until a route is saved, then as configured with their known name', () => {
    const db = openDatabase(path.join(tempDir(), 'h.sqlite'));
    migrate(db);
    const box = createSecretBox(Buffer.alloc(32, 7));
    const undo = registerKnownRecipients([{ id: 'kr-group', name: { 'zh-CN': '测试群', en: 'Test group' }, usedBy: { 'zh-CN': '测试', en: 'Tests' } }]);
    try {
      expect(listRecipients(db, box).find((r) => r.id === 'kr-group')).toEqual({
        id: 'kr-group',
        name: '',
        note: '',
        updatedAt: 0,
        configured: false,
        known: { name: { 'zh-CN': '测试群', en: 'Test group' }, usedBy: { 'zh-CN': '测试', en: 'Tests' } },
        route: [],
      });
      saveRecipient(db, box, { id: 'kr-group', name: '测试群', route: [{ channel: 'DRY_RUN', address: 'x' }] }, 1);
      expect(listRecipients(db, box).filter((r) => r.id === 'kr-group').map((r) => [r.configured, r.route.length])).toEqual([[true, 1]]);
    } finally {
      undo();
      db.close();
    }
    expect(knownRecipient('kr-group')).toBeUndefined();
  });
});
