import { describe, expect, it } from 'vitest';
import { Herald } from '../../../main/core/herald.js';
import { builtInValues, eventValues, matchesKeywords, templateBusinessId, templateScheduledJob } from '../../../main/outbox/template-firing.js';
import { deleteTemplate, saveTemplate, type TemplateInput } from '../../../main/outbox/templates.js';
import { tempDir } from '../../helpers/tmp.js';

const NINE = Date.parse('2026-03-02T09:00:00+08:00');

const input: TemplateInput = {
  name: 'daily',
  channel: null,
  contentKind: 'text',
  body: '{{date}}',
  variables: [{ name: 'date' }],
  kind: 'scheduled',
  cron: '0 9 * * *',
  event: null,
  keywords: [],
  recipient: 'ops',
  enabled: true,
};

describe('template firing', () => {
  it('supplies the firing’s date, time and date-time in Asia/Shanghai', () => {
    expect(builtInValues(NINE + 5_000)).toEqual({ date: '2026-03-02', time: '09:00', datetime: '2026-03-02 09:00:05' });
    expect(builtInValues(Date.parse('2026-03-02T23:30:00Z'))).toEqual({ date: '2026-03-03', time: '07:30', datetime: '2026-03-03 07:30:00' });
  });

  it('takes an event’s top-level texts, numbers and booleans as variables; a text payload is {{text}}', () => {
    expect(eventValues({ orderNum: 'A-1', count: 3, urgent: false, nested: { a: 1 }, list: [1], none: null })).toEqual({ orderNum: 'A-1', count: '3', urgent: 'false' });
    expect(eventValues('这是一条测试消息')).toEqual({ text: '这是一条测试消息' });
    expect(eventValues(undefined)).toEqual({});
    expect(eventValues([1, 2])).toEqual({});
  });

  it('matches keywords in any of the event’s texts, ignoring case; no keywords match everything', () => {
    expect(matchesKeywords(['测试', 'test'], { text: '这是一条测试消息' })).toBe(true);
    expect(matchesKeywords(['测试', 'test'], { title: 'A TEST', text: 'x' })).toBe(true);
    expect(matchesKeywords(['测试', 'test'], { text: 'hello', n: 5 })).toBe(false);
    expect(matchesKeywords(['测试'], undefined)).toBe(false);
    expect(matchesKeywords([], undefined)).toBe(true);
  });

  it('identifies a firing by template and scheduled time, or by event (its eventId when given)', () => {
    expect(templateBusinessId({ id: 4 }, { scheduledAt: NINE })).toBe('4:2026-03-02T01:00:00.000Z');
    expect(templateBusinessId({ id: 4 }, { scheduledAt: NINE, eventName: 'order.created', payload: { eventId: 'e-1', x: 1 } })).toBe('4:order.created:e-1');
    const a = templateBusinessId({ id: 4 }, { scheduledAt: NINE, eventName: 'order.created', payload: { x: 1 } });
    const b = templateBusinessId({ id: 4 }, { scheduledAt: NINE, eventName: 'order.created', payload: { x: 2 } });
    expect(a).toMatch(/^4:order\.created:2026-03-02T01:00:00\.000Z:[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('schedules a scheduled template by its cron in Asia/Shanghai, a keyword-only realtime one on every event', () => {
    const herald = Herald.open({ dataDir: tempDir(), mode: 'cli', logToConsole: false });
    try {
      const t = saveTemplate(herald.db, input, NINE);
      expect(templateScheduledJob(t)).toEqual({ jobId: `template:${t.id}`, triggers: [{ kind: 'cron', expression: '0 9 * * *', timeZone: 'Asia/Shanghai' }], active: true, misfire: 'run-once', maxCatchUp: 1 });
      const k = saveTemplate(herald.db, { ...input, name: 'kw', kind: 'realtime', cron: null, keywords: ['测试'], enabled: false }, NINE);
      expect(templateScheduledJob(k)).toMatchObject({ triggers: [{ kind: 'event', name: '*' }], active: false });
      // A new template never takes a deleted one's id: its firings' identities hold the id.
      deleteTemplate(herald.db, k.id);
      expect(saveTemplate(herald.db, { ...input, name: 'new' }, NINE).id).toBe(k.id + 1);
    } finally {
      void herald.close();
    }
  });
});
