import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/shared/clock.js';
import type { Herald } from '../../../main/core/herald.js';
import type { HeraldEvent } from '../../../main/api/contract/events.js';
import { saveTemplate, type TemplateInput } from '../../../main/outbox/templates.js';
import { saveRecipient } from '../../../main/outbox/recipients.js';
import { templatesChanged } from '../../../main/outbox/template-service.js';
import { latestFirings } from '../../../main/outbox/template-firing.js';
import { tempDir } from '../../helpers/tmp.js';
import { ManualWaker, openTestHerald } from '../../helpers/jobs/herald.js';

const at = (iso: string) => Date.parse(iso);
const MONDAY_9 = at('2026-03-02T09:00:00+08:00');
const TUESDAY_9 = at('2026-03-03T09:00:00+08:00');
const opened: Herald[] = [];

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

const daily: TemplateInput = {
  name: '每日工作提醒',
  channel: null,
  contentKind: 'text',
  body: '📅 今日工作提醒（{{date}}）{{time}}\n请各位同事及时跟进，保证服务质量！',
  variables: [{ name: 'date' }, { name: 'time' }],
  kind: 'scheduled',
  cron: '0 9 * * *',
  event: null,
  keywords: [],
  recipient: 'ops',
  enabled: true,
};

async function open(dataDir: string, clock: ManualClock) {
  const waker = new ManualWaker();
  const { herald, jobs } = openTestHerald({ dataDir, clock, waker, only: [] });
  opened.push(herald);
  await herald.start();
  const alerts: HeraldEvent[] = [];
  herald.events.subscribe((e) => {
    if (e.type === 'alert') alerts.push(e);
  });
  return { herald, jobs, waker, alerts };
}

function addTemplate(herald: Herald, input: TemplateInput) {
  saveRecipient(herald.db, herald.secrets, { id: 'ops', route: [{ channel: 'DRY_RUN', address: 'ops' }] }, herald.clock.now());
  const t = saveTemplate(herald.db, input, herald.clock.now());
  templatesChanged(herald);
  return t;
}

const messages = (herald: Herald) =>
  herald.db.prepare("SELECT business_type, business_id, recipient, content FROM messages WHERE business_type = 'template' ORDER BY seq").all() as Array<{ business_type: string; business_id: string; recipient: string; content: string }>;

/** setImmediate: reports of a firing come after its transaction. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('scheduled templates', () => {
  it('fire once per scheduled time through the outbox, with the date and time of that time', async () => {
    const clock = new ManualClock(MONDAY_9 - 60_000);
    const { herald, jobs, waker } = await open(tempDir(), clock);
    const t = addTemplate(herald, daily);
    expect(jobs.scheduler.nextRuns(`template:${t.id}`)).toEqual([MONDAY_9]);
    clock.set(MONDAY_9 + 2_000);
    waker.fireAlarms(clock.now());
    waker.tick();
    jobs.scan();
    expect(messages(herald)).toEqual([
      { business_type: 'template', business_id: `${t.id}:2026-03-02T01:00:00.000Z`, recipient: 'ops', content: '📅 今日工作提醒（2026-03-02）09:00\n请各位同事及时跟进，保证服务质量！' },
    ]);
    clock.set(TUESDAY_9);
    waker.fireAlarms(clock.now());
    waker.tick();
    expect(messages(herald).map((m) => m.content.split('\n')[0])).toEqual(['📅 今日工作提醒（2026-03-02）09:00', '📅 今日工作提醒（2026-03-03）09:00']);
    expect(latestFirings(herald.db).get(t.id)).toMatchObject({ trigger_kind: 'cron', scheduled_at: TUESDAY_9, error_code: null });
  });

  it('survive a restart without a second send, and catch a missed time up once when Herald was not running', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(MONDAY_9 - 60_000);
    const first = await open(dataDir, clock);
    addTemplate(first.herald, daily);
    clock.set(MONDAY_9);
    first.waker.fireAlarms(clock.now());
    expect(messages(first.herald)).toHaveLength(1);
    await first.herald.close();

    clock.set(MONDAY_9 + 30_000);
    const second = await open(dataDir, clock);
    second.waker.tick();
    second.jobs.scan();
    expect(messages(second.herald)).toHaveLength(1);
    await second.herald.close();

    // Off from Monday evening to Thursday 10:07: the latest missed time is sent once, with its date.
    clock.set(at('2026-03-05T10:07:00+08:00'));
    const third = await open(dataDir, clock);
    third.waker.tick();
    third.jobs.scan();
    expect(messages(third.herald).map((m) => m.content.split('\n')[0])).toEqual(['📅 今日工作提醒（2026-03-02）09:00', '📅 今日工作提醒（2026-03-05）09:00']);
    const t = [...latestFirings(third.herald.db).values()][0]!;
    expect(t).toMatchObject({ trigger_kind: 'catch-up', scheduled_at: at('2026-03-05T09:00:00+08:00') });
  });

  it('do not fire while disabled or while everything is paused, and follow an edited schedule', async () => {
    const clock = new ManualClock(MONDAY_9 - 60_000);
    const { herald, jobs, waker } = await open(tempDir(), clock);
    const t = addTemplate(herald, { ...daily, enabled: false });
    expect(jobs.scheduler.nextRuns(`template:${t.id}`)).toEqual([null]);
    clock.set(MONDAY_9);
    waker.fireAlarms(clock.now());
    waker.tick();
    expect(messages(herald)).toEqual([]);

    addTemplate(herald, { ...daily, id: t.id, enabled: true, cron: '30 9 * * *' });
    expect(jobs.scheduler.nextRuns(`template:${t.id}`)).toEqual([MONDAY_9 + 30 * 60_000]);
    jobs.pauseAll(true);
    clock.set(MONDAY_9 + 30 * 60_000);
    waker.fireAlarms(clock.now());
    waker.tick();
    expect(messages(herald)).toEqual([]);
    jobs.pauseAll(false);
    expect(jobs.scheduler.nextRuns(`template:${t.id}`)).toEqual([TUESDAY_9 + 30 * 60_000]);
  });

  it('record a clear error when a variable has no value — no message, no retry loop, a failure until fixed', async () => {
    const clock = new ManualClock(MONDAY_9 - 60_000);
    const { herald, jobs, waker, alerts } = await open(tempDir(), clock);
    const t = addTemplate(herald, { ...daily, body: '待处理工单：{{pending}}（{{date}}）', variables: [{ name: 'pending', sample: '5' }, { name: 'date' }] });
    clock.set(MONDAY_9);
    waker.fireAlarms(clock.now());
    waker.tick();
    await flush();
    expect(messages(herald)).toEqual([]);
    expect(latestFirings(herald.db).get(t.id)).toMatchObject({
      message_id: null,
      error_code: 'TEMPLATE_VARIABLE_MISSING',
      error_message: 'Template "每日工作提醒" needs {{pending}}, which was not given.',
    });
    expect(jobs.scheduler.nextRuns(`template:${t.id}`)).toEqual([TUESDAY_9]);
    expect(herald.status.current()).toMatchObject({ state: 'failed', failures: [{ kind: 'message', summary: 'Template "每日工作提醒": Template "每日工作提醒" needs {{pending}}, which was not given.' }] });
    expect(alerts).toEqual([{ type: 'alert', kind: 'template-failed', title: '消息模板未能发送：每日工作提醒', body: 'Template "每日工作提醒" needs {{pending}}, which was not given.' }]);
    clock.set(MONDAY_9 + 60_000);
    addTemplate(herald, { ...daily, id: t.id });
    expect(herald.status.current().failures).toEqual([]);
  });
});

describe('realtime templates', () => {
  const onOrder: TemplateInput = {
    ...daily,
    name: '新工单',
    body: '🔔 新工单 {{orderNum}}：{{customer}}（{{datetime}}）',
    variables: [{ name: 'orderNum' }, { name: 'customer' }, { name: 'datetime' }],
    kind: 'realtime',
    cron: null,
    event: 'order.created',
  };

  it('fire when their event is fired, the payload supplying the variables; an eventId makes a re-fired event send nothing new', async () => {
    const clock = new ManualClock(MONDAY_9 + 3_000);
    const { herald, jobs } = await open(tempDir(), clock);
    const t = addTemplate(herald, onOrder);
    expect(jobs.fireEvent('order.created', { orderNum: 'A-1', customer: '张三' })).toEqual([]);
    expect(jobs.fireEvent('other.event', { orderNum: 'A-9', customer: '李四' })).toEqual([]);
    jobs.fireEvent('order.created', { orderNum: 'A-2', customer: '王五', eventId: 'evt-2' });
    jobs.fireEvent('order.created', { orderNum: 'A-2', customer: '王五', eventId: 'evt-2' });
    expect(messages(herald).map((m) => [m.business_id.replace(/:[0-9a-f]{12}$/, ':<hash>'), m.content])).toEqual([
      [`${t.id}:order.created:2026-03-02T01:00:03.000Z:<hash>`, '🔔 新工单 A-1：张三（2026-03-02 09:00:03）'],
      [`${t.id}:order.created:evt-2`, '🔔 新工单 A-2：王五（2026-03-02 09:00:03）'],
    ]);
  });

  it('with keywords fire on an event whose text contains one (any event when no event is named)', async () => {
    const clock = new ManualClock(MONDAY_9);
    const { herald, jobs } = await open(tempDir(), clock);
    addTemplate(herald, { ...onOrder, name: '测试消息', body: '🔔 测试消息\n内容：{{text}}', variables: [{ name: 'text' }], event: null, keywords: ['测试', 'test'] });
    jobs.fireEvent('chat.message', { text: '这是一条测试消息' });
    jobs.fireEvent('chat.message', { text: 'hello' });
    jobs.fireEvent('another', 'A TEST from elsewhere');
    expect(messages(herald).map((m) => m.content)).toEqual(['🔔 测试消息\n内容：这是一条测试消息', '🔔 测试消息\n内容：A TEST from elsewhere']);
  });

  it('record a missing variable of the payload as the firing’s error and send nothing', async () => {
    const clock = new ManualClock(MONDAY_9);
    const { herald, jobs } = await open(tempDir(), clock);
    const t = addTemplate(herald, onOrder);
    jobs.fireEvent('order.created', { orderNum: 'A-3' });
    expect(messages(herald)).toEqual([]);
    expect(latestFirings(herald.db).get(t.id)).toMatchObject({ trigger_kind: 'event', event_name: 'order.created', error_code: 'TEMPLATE_VARIABLE_MISSING', error_message: 'Template "新工单" needs {{customer}}, which was not given.' });
  });
});
