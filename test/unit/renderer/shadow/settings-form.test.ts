import { describe, expect, it } from 'vitest';
import { ShadowConfigSchema } from '../../../../main/shadow/config.js';
import { EnvLineError, formPathOf, toSettingsPatch, toSettingsValues } from '../../../../renderer/src/pages/shadow/settings-form.js';

const config = ShadowConfigSchema.parse({
  thresholds: { maxErrorRate: 0.07 },
  triggers: { notificationFailure: 0.05 },
  timeFloorMs: 1500,
  externalCommands: { 'v1.2': { command: 'python', args: ['jobs.py', '{input}'], env: { PYTHONIOENCODING: 'utf-8' }, timeoutMs: 90_000 } },
});

describe('shadow settings form', () => {
  it('shows rates in percent and durations in seconds, environments as NAME=VALUE lines', () => {
    const v = toSettingsValues(config, 4);
    expect(v.thresholds.maxErrorRatePercent).toBe(7);
    expect(v.triggers.notificationFailurePercent).toBe(5);
    expect(v.timeFloorSeconds).toBe(1.5);
    expect(v.commands).toEqual([{ id: 'v1.2', command: 'python', args: ['jobs.py', '{input}'], env: ['PYTHONIOENCODING=utf-8'], timeoutSeconds: 90, keyField: '合同ID(_id)', batches: 'last' }]);
  });

  it('gives back the same settings when nothing is edited; no compared fields = every field (null)', () => {
    const { plannedOrder, config: patch } = toSettingsPatch(toSettingsValues(config, 4), config);
    expect(plannedOrder).toBe(4);
    const { diff, ...rest } = patch;
    const { diff: configDiff, ...configRest } = config;
    expect(rest).toEqual(configRest);
    expect(diff).toEqual({ ...configDiff, fields: null });
  });

  it('removes a command taken out of the form, and refuses an environment line without =', () => {
    const v = toSettingsValues(config, null);
    expect(toSettingsPatch({ ...v, commands: [] }, config).config.externalCommands).toEqual({ 'v1.2': null });
    const bad = { ...v, commands: [{ ...v.commands[0]!, env: ['PYTHONIOENCODING'] }] };
    expect(() => toSettingsPatch(bad, config)).toThrow(EnvLineError);
  });

  it('finds the form field of an API error, pipeline names with dots included', () => {
    const rows = toSettingsValues(config, null).commands;
    expect(formPathOf('config.thresholds.maxErrorRate', rows)).toEqual(['thresholds', 'maxErrorRatePercent']);
    expect(formPathOf('config.sideTimeoutMs', rows)).toEqual(['sideTimeoutSeconds']);
    expect(formPathOf('config.externalCommands.v1.2.timeoutMs', rows)).toEqual(['commands', 0, 'timeoutSeconds']);
    expect(formPathOf('config.externalCommands.v1.2', rows)).toEqual(['commands', 0, 'id']);
    expect(formPathOf('config.externalCommands.gone', rows)).toBeUndefined();
    expect(formPathOf('jobId', rows)).toBeUndefined();
  });
});
