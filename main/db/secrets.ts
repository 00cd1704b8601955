import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HeraldError } from '../shared/errors.js';

/**
 * Secrets at rest (webhook keys, app secrets, SMTP and Metabase passwords): AES-256-GCM with a
 * per-installation key in an owner-only file of the data folder — outside the database, so a
 * copied database or backup alone reveals nothing, yet the app, headless mode and the CLI of the
 * same OS user can all read it (Electron's safeStorage would lock out the latter two).
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const PREFIX = 'v1:';

export function loadOrCreateKey(keyFile: string): Buffer {
  if (fs.existsSync(keyFile)) {
    const key = Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new HeraldError('SECRET_KEY_INVALID', `The key file ${keyFile} is damaged; secrets cannot be read.`, { file: keyFile });
    return key;
  }
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new HeraldError('SECRET_UNREADABLE', 'A stored secret has an unknown format.');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch (err) {
        throw new HeraldError('SECRET_UNREADABLE', 'A stored secret cannot be decrypted with this installation\'s key (was the database copied from another PC?). Enter it again.', {}, { cause: err });
      }
    },
  };
}

/** How a secret is shown anywhere outside the sender: its last 4 characters at most. */
export function maskSecret(secret: string | null | undefined): string {
  if (!secret) return '';
  return secret.length <= 8 ? '****' : `****${secret.slice(-4)}`;
}
