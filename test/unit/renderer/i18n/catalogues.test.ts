import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'renderer', 'src', 'i18n');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key path of a catalogue, with i18next's plural suffixes folded (zh-CN has one form, English two). */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(PLURAL, '')];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const read = (language: string, file: string) => JSON.parse(fs.readFileSync(path.join(I18N, language, file), 'utf8')) as unknown;

describe('message catalogues', () => {
  it('have the same namespaces in zh-CN and English', () => {
    expect(fs.readdirSync(path.join(I18N, 'en')).sort()).toEqual(fs.readdirSync(path.join(I18N, 'zh-CN')).sort());
  });

  it('translate every zh-CN message into English and the other way round, none empty', () => {
    for (const file of fs.readdirSync(path.join(I18N, 'zh-CN'))) {
      const zh = read('zh-CN', file);
      const en = read('en', file);
      expect([...new Set(keys(en))].sort(), file).toEqual([...new Set(keys(zh))].sort());
      const empty = (v: unknown): boolean => (typeof v === 'string' ? v.trim() === '' : Object.values(v as object).some(empty));
      expect(empty(zh), `${file}: an empty zh-CN message`).toBe(false);
      expect(empty(en), `${file}: an empty English message`).toBe(false);
    }
  });
});
