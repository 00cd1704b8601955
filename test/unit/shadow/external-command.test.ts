import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExternalCommandSchema, type ExternalCommand } from '../../../main/shadow/config.js';
import { runExternalCommand } from '../../../main/shadow/external-command.js';
import { fixturePath, readFixtureJson } from '../../helpers/fixtures.js';

const FAKE_V1 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures-app/fake-v1.mjs');

function command(behaviour: string, extra: Partial<ExternalCommand> = {}): ExternalCommand {
  return ExternalCommandSchema.parse({ command: process.execPath, args: [FAKE_V1, '{input}', '{scheduledAt}'], env: { FAKE_V1: behaviour }, timeoutMs: 5000, ...extra });
}

const input = {
  campaign: 'BJ-TEST',
  contracts: [
    { id: 'C1', housekeeper: '张三', amount: 20000, signedAt: '2025-09-01T10:00:00+08:00' },
    { id: 'C2', housekeeper: '张三', amount: 5000.5, signedAt: '2025-09-02T10:00:00+08:00' },
  ],
};
const run = (cmd: ExternalCommand) => runExternalCommand({ jobId: 'bj-test', runId: 7, pipelineId: 'v1', command: cmd, input, scheduledAt: new Date('2025-09-02T01:00:00Z') });

describe('external command pipeline', () => {
  it('passes the input file and the scheduled time, and reads records and messages from its output', async () => {
    const result = await run(command('ok'));
    expect(result.side.records.map((r) => r.key)).toEqual(['C1', 'C2']);
    expect(result.side.records[1]!.fields).toMatchObject({ '合同金额(adjustRefundMoney)': '5000.5', 管家累计单数: 2, 管家累计金额: '25000.5' });
    // Only the contract signed on the scheduled day is announced: the scheduled time reached the command.
    expect(result.side.messages).toEqual([{ recipient: '（测试）运营群', text: '恭喜 张三 签约合同 C2\n\n个人累计签约第 2 单，累计 25000.5 元\n' }]);
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('reads v1 fixture output as printed: the last batch, records keyed by contract id, messages in order', async () => {
    const file = fixturePath('scenarios', 'out', 'SH-2025-09.json');
    const fixture = readFixtureJson<{ batches: Array<{ records: Array<Record<string, unknown>>; messages: Array<{ message: string }> }> }>('scenarios', 'out', 'SH-2025-09.json');
    const result = await run(command(`fixture:${file}`));
    const last = fixture.batches.at(-1)!;
    expect(result.side.records.map((r) => r.key)).toEqual(last.records.map((r) => r['合同ID(_id)']));
    expect(result.side.messages.map((m) => m.text)).toEqual(last.messages.map((m) => m.message));
  });

  it('stops a command that runs past its timeout with a clear error', async () => {
    const started = Date.now();
    await expect(run(command('hang', { timeoutMs: 300 }))).rejects.toMatchObject({
      code: 'EXTERNAL_COMMAND_TIMEOUT',
      message: expect.stringContaining('did not finish within 300 ms'),
      context: { jobId: 'bj-test', pipeline: 'v1', command: process.execPath, timeoutMs: 300 },
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a non-zero exit with the exit code and an excerpt of stderr', async () => {
    await expect(run(command('exit'))).rejects.toMatchObject({
      code: 'EXTERNAL_COMMAND_FAILED',
      message: expect.stringContaining("exited with code 3: Traceback (most recent call last):"),
      context: { exitCode: 3, stderr: expect.stringContaining("KeyError: '合同ID(_id)'") },
    });
  });

  it('rejects output that is not JSON, or JSON of the wrong shape, naming what is wrong', async () => {
    await expect(run(command('garbage'))).rejects.toMatchObject({ code: 'EXTERNAL_OUTPUT_MALFORMED', message: expect.stringContaining('处理完成 12 条记录') });
    await expect(run(command('bad-shape'))).rejects.toMatchObject({ code: 'EXTERNAL_OUTPUT_MALFORMED', context: { path: 'batches.0.messages.0.message' } });
  });

  it('reports a command that does not exist', async () => {
    await expect(run(ExternalCommandSchema.parse({ command: '/nonexistent/v1-python' }))).rejects.toMatchObject({ code: 'EXTERNAL_COMMAND_NOT_FOUND' });
  });

  it('stops the command when the run is cancelled', async () => {
    const controller = new AbortController();
    const pending = runExternalCommand({ jobId: 'j', runId: null, pipelineId: 'v1', command: command('hang'), input, scheduledAt: new Date(), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'EXTERNAL_COMMAND_CANCELLED' });
  });
});
