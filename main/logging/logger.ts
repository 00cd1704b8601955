import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/node';
import type { LogMessage } from 'electron-log';

/**
 * Structured logging for every process (Electron app, headless server, CLI, workers): one file per
 * day in the data folder's `logs/`, rotated by size within a day and pruned after `retentionDays`
 * (at start and whenever a new day's file begins, so a tray app running for months stays pruned).
 * Each line is `<ISO time> <level> [<scope>] <message> <JSON context>`, so the Logs page and
 * diagnostics can parse what any process wrote. Secrets must never reach here: callers pass masked
 * values (see outbox/secrets).
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogContext = Record<string, unknown>;

export interface LogEntry {
  time: string;
  level: LogLevel;
  scope: string;
  message: string;
  context?: LogContext;
}

export interface Logger {
  error(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  debug(message: string, context?: LogContext): void;
  child(scope: string): Logger;
}

export interface LoggingOptions {
  logsDir: string;
  level?: LogLevel;
  console?: boolean;
  retentionDays?: number;
}

type Listener = (entry: LogEntry) => void;
const listeners = new Set<Listener>();
let configuredDir: string | undefined;
/** Entries below this level are dropped before anything is formatted, written or sent live. */
let threshold: LogLevel = 'info';
let consoleOn = true;

const FILE_PREFIX = 'herald-';
const LINE = /^(\S+) (error|warn|info|debug) \[([^\]]*)\] (.*?)(?: (\{.*\}))?$/;

export function logFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${FILE_PREFIX}${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.log`;
}

function formatLine(entry: LogEntry): string {
  const context = entry.context && Object.keys(entry.context).length > 0 ? ` ${safeJson(entry.context)}` : '';
  return `${entry.time} ${entry.level} [${entry.scope}] ${entry.message.replace(/\r?\n/g, ' ⏎ ')}${context}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v));
  } catch {
    return '"[unserialisable context]"';
  }
}

export function parseLogLine(line: string): LogEntry | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const entry: LogEntry = { time: m[1]!, level: m[2] as LogLevel, scope: m[3]!, message: m[4]! };
  if (m[5]) {
    try {
      entry.context = JSON.parse(m[5]) as LogContext;
    } catch {
      entry.message = `${entry.message} ${m[5]}`;
    }
  }
  return entry;
}

export function configureLogging(options: LoggingOptions): void {
  fs.mkdirSync(options.logsDir, { recursive: true });
  configuredDir = options.logsDir;
  const file = log.transports.file;
  file.maxSize = 10 * 1024 * 1024;
  const retentionDays = options.retentionDays ?? 30;
  let currentName = logFileName(new Date());
  // electron-log asks for the path on every line: the first line of a new day prunes old files.
  file.resolvePathFn = () => {
    const name = logFileName(new Date());
    if (name !== currentName) {
      currentName = name;
      try {
        pruneOldLogs(options.logsDir, retentionDays);
      } catch {
        // Pruning must never cost a log line; the next day (or start) tries again.
      }
    }
    return path.join(options.logsDir, name);
  };
  file.format = ({ message }: { message: LogMessage }) => [String(message.data[0])];
  log.transports.console.format = ({ message }: { message: LogMessage }) => [String(message.data[0])];
  consoleOn = options.console !== false;
  setLogLevel(options.level ?? 'info');
  pruneOldLogs(options.logsDir, retentionDays);
}

/** The least severe level logged (the `logLevel` setting), for the file, the console and live listeners. */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
  log.transports.file.level = level;
  log.transports.console.level = consoleOn ? level : false;
}

export function logsDirectory(): string | undefined {
  return configuredDir;
}

export function pruneOldLogs(logsDir: string, retentionDays: number, now = new Date()): string[] {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const removed: string[] = [];
  for (const name of fs.existsSync(logsDir) ? fs.readdirSync(logsDir) : []) {
    if (!name.startsWith(FILE_PREFIX)) continue;
    const full = path.join(logsDir, name);
    if (fs.statSync(full).mtimeMs < cutoff) {
      fs.rmSync(full, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export function onLogEntry(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function write(level: LogLevel, scope: string, message: string, context?: LogContext): void {
  if (LOG_LEVELS.indexOf(level) > LOG_LEVELS.indexOf(threshold)) return;
  const entry: LogEntry = { time: isoWithOffset(new Date()), level, scope, message, ...(context ? { context } : {}) };
  log[level](formatLine(entry));
  for (const listener of listeners) listener(entry);
}

export function createLogger(scope: string): Logger {
  return {
    error: (m, c) => write('error', scope, m, c),
    warn: (m, c) => write('warn', scope, m, c),
    info: (m, c) => write('info', scope, m, c),
    debug: (m, c) => write('debug', scope, m, c),
    child: (sub) => createLogger(`${scope}.${sub}`),
  };
}

/** Reads the last `limit` entries at or above `minLevel` from the newest log files. */
export function tailLog(options: { logsDir: string; limit: number; minLevel?: LogLevel; search?: string }): LogEntry[] {
  const rank = (l: LogLevel) => LOG_LEVELS.indexOf(l);
  const maxRank = rank(options.minLevel ?? 'debug');
  const files = fs.existsSync(options.logsDir)
    ? fs.readdirSync(options.logsDir).filter((n) => n.startsWith(FILE_PREFIX) && n.endsWith('.log') && !n.includes('.old')).sort()
    : [];
  const out: LogEntry[] = [];
  for (let i = files.length - 1; i >= 0 && out.length < options.limit; i -= 1) {
    const lines = fs.readFileSync(path.join(options.logsDir, files[i]!), 'utf8').split('\n');
    for (let j = lines.length - 1; j >= 0 && out.length < options.limit; j -= 1) {
      const entry = parseLogLine(lines[j]!);
      if (!entry || rank(entry.level) > maxRank) continue;
      if (options.search && !`${entry.scope} ${entry.message}`.includes(options.search)) continue;
      out.push(entry);
    }
  }
  return out.reverse();
}

/** ISO 8601 with the host's offset (the office PC runs on Asia/Shanghai time). */
export function isoWithOffset(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
