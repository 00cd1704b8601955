import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { HeraldError } from '../shared/errors.js';

/**
 * A manual run's input from a file, in whichever form the job takes: contract rows (`.csv` with the
 * Chinese headers or a JSON list of rows, campaign jobs), card rows (a JSON list of rows or a raw
 * Metabase response, monitoring jobs), or the job's own input as JSON. The first reading the job's
 * input schema accepts wins; the run validates it again, as any manual input.
 */
export async function readRunInput(file: string, jobId: string, schema: z.ZodType<unknown>): Promise<unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new HeraldError('RUN_INPUT_UNREADABLE', `Cannot read the input file ${file}: ${(err as Error).message}`, { file });
  }
  const { readContractFile } = await import('../campaigns/index.js');
  const { MONITOR_JOBS } = await import('../monitors/definitions.js');
  const { cardFromFixtureText } = await import('../monitors/fixture-card.js');
  const readings: Array<() => unknown> = [
    () => readContractFile(file),
    ...(MONITOR_JOBS[jobId] ? [() => cardFromFixtureText(jobId, text)] : []),
    () => JSON.parse(text) as unknown,
  ];
  let firstProblem: string | undefined;
  for (const read of readings) {
    let value: unknown;
    try {
      value = read();
    } catch (err) {
      firstProblem ??= (err as Error).message;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return value;
    const issue = parsed.error.issues[0];
    firstProblem ??= `${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
  }
  throw new HeraldError('RUN_INPUT_NOT_FOR_JOB', `${path.basename(file)} is not an input the job ${jobId} takes (${firstProblem}).`, { file, jobId });
}
