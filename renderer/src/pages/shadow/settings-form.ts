import type { MethodInput, MethodOutput } from '../../../../main/api/contract/index.js';

export type ShadowConfig = MethodOutput<'shadow.settings'>['config'];
type ConfigPatch = NonNullable<MethodInput<'shadow.saveSettings'>['config']>;

/**
 * The settings form's shape. Rates are edited in percent and durations in seconds (the API keeps
 * fractions and milliseconds); an external command's environment as `NAME=VALUE` lines.
 */
export interface CommandRow {
  id: string;
  command: string;
  args: string[];
  cwd?: string;
  env: string[];
  timeoutSeconds: number;
  keyField: string;
  batches: 'last' | 'all';
}

export interface SettingsValues {
  plannedOrder: number | null;
  windowDays: number;
  minRuns: number;
  minSpanDays: number;
  thresholds: { maxTimeRatio: number; maxMemoryRatio: number; maxErrorRatePercent: number; minConsistencyPercent: number; minNotificationSuccessPercent: number };
  triggers: { errorRatePercent: number; notificationFailurePercent: number; timeRatio: number; inconsistency: boolean };
  autoRollback: boolean;
  noiseCalibration: boolean;
  verifyAfterPromotion: boolean;
  timeFloorSeconds: number;
  sideTimeoutSeconds: number;
  diff: {
    fields: string[];
    ignoreFields: string[];
    ignorePrefixes: string[];
    listFields: string[];
    tolerance: number;
    trim: boolean;
    collapseWhitespace: boolean;
    fieldsOnOneSide: 'differ' | 'ignore';
    compareRecipients: boolean;
    maxDetails: number;
  };
  commands: CommandRow[];
}

/** Fractions as percent without float noise (0.07 → 7, not 7.000000000000001). */
const toPercent = (fraction: number) => Math.round(fraction * 1e6) / 1e4;
const fromPercent = (percent: number) => Math.round(percent * 1e4) / 1e6;
const toSeconds = (ms: number) => ms / 1000;
const fromSeconds = (s: number) => Math.round(s * 1000);

export function toSettingsValues(config: ShadowConfig, plannedOrder: number | null): SettingsValues {
  const { thresholds: th, triggers: tr, diff } = config;
  return {
    plannedOrder,
    windowDays: config.windowDays,
    minRuns: config.minRuns,
    minSpanDays: config.minSpanDays,
    thresholds: {
      maxTimeRatio: th.maxTimeRatio,
      maxMemoryRatio: th.maxMemoryRatio,
      maxErrorRatePercent: toPercent(th.maxErrorRate),
      minConsistencyPercent: toPercent(th.minConsistency),
      minNotificationSuccessPercent: toPercent(th.minNotificationSuccess),
    },
    triggers: { errorRatePercent: toPercent(tr.errorRate), notificationFailurePercent: toPercent(tr.notificationFailure), timeRatio: tr.timeRatio, inconsistency: tr.inconsistency },
    autoRollback: config.autoRollback,
    noiseCalibration: config.noiseCalibration,
    verifyAfterPromotion: config.verifyAfterPromotion,
    timeFloorSeconds: toSeconds(config.timeFloorMs),
    sideTimeoutSeconds: toSeconds(config.sideTimeoutMs),
    diff: {
      fields: diff.fields ?? [],
      ignoreFields: diff.ignoreFields,
      ignorePrefixes: diff.ignorePrefixes,
      listFields: diff.listFields,
      tolerance: diff.tolerance,
      trim: diff.trim,
      collapseWhitespace: diff.collapseWhitespace,
      fieldsOnOneSide: diff.fieldsOnOneSide,
      compareRecipients: diff.compareRecipients,
      maxDetails: diff.maxDetails,
    },
    commands: Object.entries(config.externalCommands).map(([id, c]) => ({
      id,
      command: c.command,
      args: c.args,
      ...(c.cwd ? { cwd: c.cwd } : {}),
      env: Object.entries(c.env).map(([k, v]) => `${k}=${v}`),
      timeoutSeconds: toSeconds(c.timeoutMs),
      keyField: c.keyField,
      batches: c.batches,
    })),
  };
}

/** An environment line without `=` names no variable: the form says so at the command's row. */
export class EnvLineError extends Error {
  constructor(readonly row: number, readonly line: string) {
    super(line);
  }
}

function envOf(lines: string[], row: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf('=');
    if (at <= 0) throw new EnvLineError(row, line);
    env[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return env;
}

/**
 * Form values → the `shadow.saveSettings` input. The form holds every setting, so the patch is
 * complete; an external command no longer in the form is removed (null).
 */
export function toSettingsPatch(v: SettingsValues, current: ShadowConfig): { plannedOrder: number | null; config: ConfigPatch } {
  const commands: NonNullable<ConfigPatch['externalCommands']> = {};
  for (const id of Object.keys(current.externalCommands)) commands[id] = null;
  v.commands.forEach((c, i) => {
    const cwd = c.cwd?.trim();
    commands[c.id.trim()] = {
      command: c.command.trim(),
      args: c.args,
      ...(cwd ? { cwd } : {}),
      env: envOf(c.env, i),
      timeoutMs: fromSeconds(c.timeoutSeconds),
      keyField: c.keyField.trim(),
      batches: c.batches,
    };
  });
  const fields = v.diff.fields.map((f) => f.trim()).filter(Boolean);
  return {
    plannedOrder: v.plannedOrder ?? null,
    config: {
      windowDays: v.windowDays,
      minRuns: v.minRuns,
      minSpanDays: v.minSpanDays,
      thresholds: {
        maxTimeRatio: v.thresholds.maxTimeRatio,
        maxMemoryRatio: v.thresholds.maxMemoryRatio,
        maxErrorRate: fromPercent(v.thresholds.maxErrorRatePercent),
        minConsistency: fromPercent(v.thresholds.minConsistencyPercent),
        minNotificationSuccess: fromPercent(v.thresholds.minNotificationSuccessPercent),
      },
      triggers: {
        errorRate: fromPercent(v.triggers.errorRatePercent),
        notificationFailure: fromPercent(v.triggers.notificationFailurePercent),
        timeRatio: v.triggers.timeRatio,
        inconsistency: v.triggers.inconsistency,
      },
      autoRollback: v.autoRollback,
      noiseCalibration: v.noiseCalibration,
      verifyAfterPromotion: v.verifyAfterPromotion,
      timeFloorMs: fromSeconds(v.timeFloorSeconds),
      sideTimeoutMs: fromSeconds(v.sideTimeoutSeconds),
      // Every field counts when none is listed (null clears a list saved before).
      diff: { ...v.diff, fields: fields.length ? fields : null },
      externalCommands: commands,
    },
  };
}

const RENAMED: Record<string, string> = {
  maxErrorRate: 'maxErrorRatePercent',
  minConsistency: 'minConsistencyPercent',
  minNotificationSuccess: 'minNotificationSuccessPercent',
  errorRate: 'errorRatePercent',
  notificationFailure: 'notificationFailurePercent',
  timeoutMs: 'timeoutSeconds',
  timeFloorMs: 'timeFloorSeconds',
  sideTimeoutMs: 'sideTimeoutSeconds',
};
const COMMANDS = 'config.externalCommands.';

/**
 * Form field path of an API error's field (`config.thresholds.maxErrorRate` → the percent input;
 * `config.externalCommands.v1.2.timeoutMs` → that command's row, pipeline ids may hold dots).
 */
export function formPathOf(field: unknown, commands: CommandRow[]): Array<string | number> | undefined {
  if (typeof field !== 'string' || !field) return undefined;
  if (field === 'plannedOrder') return ['plannedOrder'];
  if (field.startsWith(COMMANDS)) {
    const rest = field.slice(COMMANDS.length);
    const row = commands.findIndex((c) => rest === c.id.trim() || rest.startsWith(`${c.id.trim()}.`));
    if (row < 0) return undefined;
    const prop = rest.slice(commands[row]!.id.trim().length + 1).split('.')[0];
    return ['commands', row, prop ? (RENAMED[prop] ?? prop) : 'id'];
  }
  const [root, head, name] = field.split('.');
  if (root !== 'config' || !head) return undefined;
  if ((head === 'thresholds' || head === 'triggers' || head === 'diff') && name) return [head, RENAMED[name] ?? name];
  return [RENAMED[head] ?? head];
}
