import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractRowsSchema } from '../../../main/campaigns/index.js';
import { readRunInput } from '../../../main/cli/run-input.js';
import { cardResultSchema } from '../../../main/monitors/pipeline.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/tmp.js';

describe('readRunInput', () => {
  it('reads a campaign CSV with the Chinese headers as contract rows', async () => {
    const rows = (await readRunInput(fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), 'campaign-sh-2025-05', contractRowsSchema)) as Array<{ values: Record<string, unknown> }>;
    expect(rows.map((r) => r.values['合同ID(_id)'])).toEqual(['6997900857389134380', '3414993247885901615']);
  });

  it('reads a monitor fixture (a list of row objects) as the card, floats kept', async () => {
    const card = (await readRunInput(fixturePath('monitors', 'sla-02', 'run-1.json'), 'sla-daily-report', cardResultSchema)) as { cols: Array<{ name: string }>; rows: unknown[][] };
    expect(card.cols.map((c) => c.name).slice(0, 4)).toEqual(['_id', 'sid', 'saCreateTime', 'orderNum']);
    expect(card.rows).toHaveLength(3);
  });

  it("takes a job's own input as JSON", async () => {
    const file = path.join(tempDir(), 'input.json');
    fs.writeFileSync(file, '{"values": [1, 2, 3]}');
    expect(await readRunInput(file, 'rows', z.object({ values: z.array(z.number()) }))).toEqual({ values: [1, 2, 3] });
  });

  it('names the file and the job when no reading fits', async () => {
    const file = path.join(tempDir(), 'other.json');
    fs.writeFileSync(file, '{"hello": 1}');
    await expect(readRunInput(file, 'sla-daily-report', cardResultSchema)).rejects.toThrow(/^other\.json is not an input the job sla-daily-report takes/);
    await expect(readRunInput(path.join(tempDir(), 'missing.json'), 'rows', z.object({}))).rejects.toThrow(/Cannot read the input file/);
  });
});
