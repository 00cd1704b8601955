import { describe, expect, it } from 'vitest';
import { placeholders, previewValues, renderTemplate } from '../../../main/outbox/templates.js';
import { HeraldError } from '../../../main/shared/errors.js';

const daily = '📅 今日工作提醒（{{date}}）\n\n待处理工单：{{ pending }} ↑\n进行中工单：{{running}} ↑';

describe('templates', () => {
  it('renders every placeholder with its value', () => {
    expect(renderTemplate('daily', daily, { date: '2026-02-03', pending: 5, running: 12 })).toBe('📅 今日工作提醒（2026-02-03）\n\n待处理工单：5 ↑\n进行中工单：12 ↑');
  });

  it('never renders a message with a hole: a missing variable is an error naming it', () => {
    let error: unknown;
    try {
      renderTemplate('daily', daily, { date: '2026-02-03', pending: '' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HeraldError);
    expect(error).toMatchObject({ code: 'TEMPLATE_VARIABLE_MISSING', message: 'Template "daily" needs {{pending}}, {{running}}, which were not given.', context: { template: 'daily', missing: 'pending,running' } });
  });

  it('lists placeholders once each, and previews with samples unless given', () => {
    expect(placeholders('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
    expect(previewValues({ variables: [{ name: 'a', sample: 'A' }, { name: 'b' }] }, { b: 'given' })).toEqual({ a: 'A', b: 'given' });
  });
});
