import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, createLogger, logFileName, onLogEntry, parseLogLine, pruneOldLogs, setLogLevel, tailLog } from '../../../main/logging/logger.js';
import { tempDir } from '../../helpers/tmp.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('log files', () => {
  it('names one file per local day', () => {
    expect(logFileName(new Date(2026, 10, 5, 23, 59))).toBe('herald-2026-11-05.log');
  });

  it('parses a structured line back into its parts', () => {
    expect(parseLogLine('2026-11-25T09:00:00.000+08:00 warn [outbox] Retry scheduled {"message":"MSG1","attempt":2}')).toEqual({
      time: '2026-11-25T09:00:00.000+08:00',
      level: 'warn',
      scope: 'outbox',
      message: 'Retry scheduled',
      context: { message: 'MSG1', attempt: 2 },
    });
    expect(parseLogLine('not a log line')).toBeUndefined();
  });

  it('prunes files older than the retention and keeps the rest', () => {
    const dir = tempDir();
    const old = path.join(dir, 'herald-2026-01-01.log');
    const fresh = path.join(dir, 'herald-2026-11-24.log');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(fresh, 'y');
    const now = new Date('2026-11-25T12:00:00Z');
    fs.utimesSync(old, new Date('2026-01-01'), new Date('2026-01-01'));
    fs.utimesSync(fresh, new Date('2026-11-24'), new Date('2026-11-24'));
    expect(pruneOldLogs(dir, 30, now)).toEqual(['herald-2026-01-01.log']);
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it('tails the newest entries across files, filtered by level and text', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'herald-2026-11-24.log'),
      ['2026-11-24T10:00:00.000+08:00 error [jobs] Run failed {"run":1}', '2026-11-24T10:00:01.000+08:00 debug [jobs] noise'].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'herald-2026-11-25.log'), '2026-11-25T08:00:00.000+08:00 info [core] Herald started\n');
    const entries = tailLog({ logsDir: dir, limit: 10, minLevel: 'info' });
    expect(entries.map((e) => e.message)).toEqual(['Run failed', 'Herald started']);
    expect(tailLog({ logsDir: dir, limit: 10, search: 'noise' }).map((e) => e.level)).toEqual(['debug']);
  });

  it('drops entries below the configured level, for the file and for live listeners', () => {
    const dir = tempDir();
    configureLogging({ logsDir: dir, console: false, level: 'info' });
    const seen: string[] = [];
    const off = onLogEntry((e) => seen.push(`${e.level} ${e.message}`));
    const log = createLogger('test');
    log.debug('hidden');
    log.info('shown');
    setLogLevel('debug');
    log.debug('now shown');
    setLogLevel('info');
    off();
    expect(seen).toEqual(['info shown', 'debug now shown']);
    expect(tailLog({ logsDir: dir, limit: 10 }).map((e) => e.message)).toEqual(['shown', 'now shown']);
  });

  it('starts a new file at local midnight and prunes files past the retention then, without a restart', () => {
    const dir = tempDir();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 23, 59, 58));
    // Last written at midnight 30 days before the new day: kept at start, past the retention after midnight.
    const aging = path.join(dir, 'herald-2026-10-26.log');
    fs.writeFileSync(aging, 'z');
    fs.utimesSync(aging, new Date(2026, 9, 27), new Date(2026, 9, 27));
    configureLogging({ logsDir: dir, console: false, retentionDays: 30 });
    const log = createLogger('test');
    log.info('before midnight');
    expect(fs.existsSync(aging)).toBe(true);
    vi.setSystemTime(new Date(2026, 10, 26, 0, 0, 1));
    log.info('after midnight');
    expect(fs.readdirSync(dir).sort()).toEqual(['herald-2026-11-25.log', 'herald-2026-11-26.log']);
    expect(fs.readFileSync(path.join(dir, 'herald-2026-11-25.log'), 'utf8')).toMatch(/^\S+ info \[test\] before midnight\n$/);
    expect(fs.readFileSync(path.join(dir, 'herald-2026-11-26.log'), 'utf8')).toMatch(/^\S+ info \[test\] after midnight\n$/);
  });
});
