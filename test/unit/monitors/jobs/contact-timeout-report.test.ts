import { describe, expect, it } from 'vitest';
import { CONTACT_TIMEOUT_COLUMNS } from '../../../../main/monitors/transforms/contact-timeout.js';
import { card, monitorStore, runMonitor } from '../../../helpers/monitors.js';

const JOB = 'contact-timeout-report';
const row = (n: number) => [`GD20240601${String(n).padStart(5, '0')}`, null, `管家${n}`, '2024-06-08T15:30:00+0800'];

describe('contact-timeout-report (spec §7.6)', () => {
  it('posts one template card of the first six rows with the total', () => {
    const run = runMonitor(monitorStore(), JOB, card(CONTACT_TIMEOUT_COLUMNS, Array.from({ length: 8 }, (_, i) => row(i + 1))), '2024-06-10T18:00:00+08:00', { metabaseUrl: 'http://mb:3000' });
    expect(run.output.messages).toHaveLength(1);
    const content = run.output.messages[0]?.content;
    expect(content?.kind).toBe('template_card');
    const tc = content?.kind === 'template_card' ? content.card : {};
    expect(tc.emphasis_content).toEqual({ title: '8', desc: '联系超时汇总（上周）共计' });
    expect((tc.horizontal_content_list as unknown[]).length).toBe(6);
    expect((tc.horizontal_content_list as unknown[])[0]).toEqual({ keyname: '01. 单号', value: '100001，管家1，2024-06-08 15，超：2天 2小时' });
    expect(run.output.messages[0]?.recipient).toBe('contact-timeout-webhook');
  });

  it('leaves unreadable rows out with a warning; with no rows it sends nothing', () => {
    const run = runMonitor(monitorStore(), JOB, card(CONTACT_TIMEOUT_COLUMNS, [row(1), ['GD2', null, '王', 'soon']]), '2024-06-10T18:00:00+08:00');
    expect(run.warnings[0]?.message).toMatch(/row 2 \(assignTime\)/);
    expect(runMonitor(monitorStore(), JOB, card(CONTACT_TIMEOUT_COLUMNS, []), '2024-06-10T18:00:00+08:00').output.messages).toEqual([]);
  });
});
