import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metabaseConnection, readMetabaseSettings, sessionInfo, writeMetabaseSettings } from '../../../main/sources/config.js';
import { databaseSessionStore } from '../../../main/sources/metabase/session.js';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { createSecretBox } from '../../../main/db/secrets.js';
import { tempDir } from '../../helpers/tmp.js';

const box = createSecretBox(Buffer.alloc(32, 3));

function db() {
  const d = openDatabase(path.join(tempDir(), 'db.sqlite'));
  migrate(d);
  return d;
}

describe('Metabase settings', () => {
  it('starts empty with v1\'s 30 s timeout and says what is missing', () => {
    const d = db();
    expect(readMetabaseSettings(d)).toEqual({ url: '', username: '', passwordSet: false, timeoutMs: 30_000 });
    expect(() => metabaseConnection(d, box)).toThrow('Metabase is not set up: enter its address, user name, password in Settings → Data sources.');
    d.close();
  });

  it('stores the password sealed and hands it only to the connection', () => {
    const d = db();
    const after = writeMetabaseSettings(d, box, { url: 'http://mb.example:3000/question/2003', username: ' ops ', password: 'Pa55-word', timeoutMs: 45_000 });
    expect(after).toEqual({ url: 'http://mb.example:3000', username: 'ops', passwordSet: true, timeoutMs: 45_000 });
    const raw = d.prepare('SELECT password_sealed FROM metabase_config').get() as { password_sealed: string };
    expect(raw.password_sealed).not.toContain('Pa55-word');
    expect(metabaseConnection(d, box)).toEqual({ url: 'http://mb.example:3000', username: 'ops', password: 'Pa55-word', timeoutMs: 45_000 });
    // Leaving the password out keeps it; an explicit clear removes it.
    writeMetabaseSettings(d, box, { username: 'ops2' });
    expect(metabaseConnection(d, box).password).toBe('Pa55-word');
    expect(writeMetabaseSettings(d, box, { clearPassword: true }).passwordSet).toBe(false);
    d.close();
  });

  it('overlays a form\'s unsaved values for a connection test', () => {
    const d = db();
    writeMetabaseSettings(d, box, { url: 'http://a:3000', username: 'u', password: 'p' });
    expect(metabaseConnection(d, box, { url: 'http://b:3000', password: 'q', timeoutMs: 2_000 })).toEqual({ url: 'http://b:3000', username: 'u', password: 'q', timeoutMs: 2_000 });
    d.close();
  });

  it('drops the stored session when the server, user or password changes, not for a timeout change', () => {
    const d = db();
    writeMetabaseSettings(d, box, { url: 'http://a:3000', username: 'u', password: 'p' });
    const store = databaseSessionStore(() => d, () => box);
    const at = Date.parse('2026-01-01T00:00:00Z');
    store.save('http://a:3000', 'u', { token: 'tok-1', loggedInAtMs: at });
    expect(sessionInfo(d, at + 1000)).toEqual({ active: true, loggedInAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-15T00:00:00.000Z' });
    expect(sessionInfo(d, at + 14 * 86_400_000).active).toBe(false);
    writeMetabaseSettings(d, box, { timeoutMs: 10_000 });
    expect(store.load('http://a:3000', 'u')?.token).toBe('tok-1');
    writeMetabaseSettings(d, box, { password: 'new' });
    expect(store.load('http://a:3000', 'u')).toBeUndefined();
    expect(sessionInfo(d, at).active).toBe(false);
    d.close();
  });

  it('refuses a timeout out of range and a bad address', () => {
    const d = db();
    expect(() => writeMetabaseSettings(d, box, { timeoutMs: 10 })).toThrow('The timeout must be between 1 and 600 seconds.');
    expect(() => writeMetabaseSettings(d, box, { url: 'metabase' })).toThrow(/not a web address/);
    d.close();
  });
});
