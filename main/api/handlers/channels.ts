import crypto from 'node:crypto';
import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { channelsMethods } from '../contract/channels.js';
import { CHANNEL_TYPES, type ChannelType } from '../contract/channel-model.js';
import { HeraldError } from '../../shared/errors.js';
import { createLogger } from '../../logging/logger.js';
import { createSenders } from '../../channels/registry.js';
import { loadChannelConfigs, maskedChannelConfig, updateChannelConfig, type ChannelConfigRecord } from '../../channels/config-store.js';
import { enqueueMessage } from '../../outbox/enqueue.js';
import { deleteRecipient, listRecipients, resolveRoute, saveRecipient } from '../../outbox/recipients.js';
import { lastErrors } from '../../outbox/queries.js';
import { builtInValues, latestFirings, templateTriggerId } from '../../outbox/template-firing.js';
import { templatesChanged } from '../../outbox/template-service.js';
import { jobsFor } from '../../jobs/service.js';
import { deleteTemplate, getTemplate, listTemplates, previewValues, renderTemplate, saveTemplate, type Template } from '../../outbox/templates.js';

const log = createLogger('channels');
const LAST_ERRORS = 5;

const iso = (ms: number) => new Date(ms).toISOString();

function templateViews(herald: Herald, templates: Template[]) {
  const latest = latestFirings(herald.db);
  const nextRun = (id: number) => {
    try {
      return jobsFor(herald).scheduler.nextRuns(templateTriggerId(id))[0] ?? null;
    } catch {
      return null; // no scheduler in this Herald
    }
  };
  return templates.map((t) => {
    const f = latest.get(t.id);
    const next = nextRun(t.id);
    return {
      ...t,
      channel: t.channel as ChannelType | null,
      updatedAt: iso(t.updatedAt),
      nextRunAt: next === null ? null : iso(next),
      lastFiring: f
        ? {
            at: iso(f.fired_at),
            scheduledAt: iso(f.scheduled_at),
            kind: f.trigger_kind,
            eventName: f.event_name,
            messageId: f.message_id,
            error: f.error_code ? { code: f.error_code, message: f.error_message ?? '' } : null,
          }
        : null,
    };
  });
}

export function channelsHandlers(herald: Herald): HandlersOf<typeof channelsMethods> {
  const senders = createSenders({ clock: herald.clock, power: herald.power });
  const view = (record: ChannelConfigRecord, errors: ReturnType<typeof lastErrors>) => ({
    ...maskedChannelConfig(record),
    unconfigured: record.secretError ?? senders[record.type].unconfigured(record) ?? null,
    lastErrors: (errors.get(record.type) ?? []).map((e) => ({ at: new Date(e.at).toISOString(), messageId: e.message_id, kind: e.kind, code: e.code, detail: e.detail })),
  });
  const recipientView = (id: string) => {
    const r = listRecipients(herald.db, herald.secrets).find((x) => x.id === id);
    if (!r) throw new HeraldError('RECIPIENT_NOT_FOUND', `There is no recipient "${id}".`, { recipient: id });
    return r;
  };
  const testMessage = (recipient: string, content: { kind: 'text' | 'markdown'; text: string }, onlyChannel: string | undefined, what: string) => {
    const route = resolveRoute(herald.db, herald.secrets, recipient);
    if (!route) throw new HeraldError('RECIPIENT_UNKNOWN', `Recipient "${recipient}" has no configured channel. Add it in Settings → Recipients.`, { recipient });
    if (onlyChannel && !route.entries.some((e) => e.channel === onlyChannel)) {
      throw new HeraldError('RECIPIENT_NO_ADDRESS', `Recipient "${recipient}" has no address on ${onlyChannel}.`, { recipient, channel: onlyChannel });
    }
    const now = herald.clock.now();
    const businessId = `${what}:${new Date(now).toISOString()}:${crypto.randomBytes(3).toString('hex')}`;
    const { id } = enqueueMessage(herald.db, { businessType: 'test', businessId, recipient, content }, { now, ...(onlyChannel ? { onlyChannel } : {}) });
    log.info('Test message enqueued', { message: id, recipient, channel: onlyChannel ?? 'route' });
    herald.events.invalidate('outbox', id);
    return id;
  };

  return {
    'channels.list': () => {
      const errors = lastErrors(herald.db, LAST_ERRORS);
      const configs = loadChannelConfigs(herald.db, herald.secrets);
      return { channels: CHANNEL_TYPES.map((type) => view(configs[type], errors)) };
    },
    'channels.update': ({ type, secrets, ...rest }) => {
      const record = updateChannelConfig(herald.db, herald.secrets, type, { ...rest, ...(secrets ? { secrets } : {}) }, herald.clock.now());
      log.info('Channel settings changed', { channel: type, fields: Object.keys(rest), secretsChanged: Object.keys(secrets ?? {}) });
      herald.events.invalidate('channels');
      herald.events.invalidate('outbox');
      return view(record, lastErrors(herald.db, LAST_ERRORS));
    },
    'channels.testSend': ({ channel, recipient, text }) => ({ id: testMessage(recipient, { kind: 'text', text }, channel, `channel-test:${channel}`) }),
    'recipients.list': () => ({ recipients: listRecipients(herald.db, herald.secrets) }),
    'recipients.save': (input) => {
      saveRecipient(herald.db, herald.secrets, input, herald.clock.now());
      log.info('Recipient saved', { recipient: input.id, route: input.route.map((r) => r.channel) });
      herald.events.invalidate('channels');
      herald.events.invalidate('outbox');
      return recipientView(input.id);
    },
    'recipients.delete': ({ id }) => {
      const deleted = deleteRecipient(herald.db, id);
      if (deleted) log.info('Recipient deleted', { recipient: id });
      herald.events.invalidate('channels');
      return { deleted };
    },
    'templates.list': () => ({ templates: templateViews(herald, listTemplates(herald.db)) }),
    'templates.save': (input) => {
      const saved = saveTemplate(herald.db, input, herald.clock.now());
      templatesChanged(herald);
      log.info('Template saved', { template: saved.name, kind: saved.kind, enabled: saved.enabled });
      herald.events.invalidate('channels');
      herald.events.invalidate('status');
      return templateViews(herald, [saved])[0]!;
    },
    'templates.delete': ({ id }) => {
      const deleted = deleteTemplate(herald.db, id);
      templatesChanged(herald);
      herald.events.invalidate('channels');
      herald.events.invalidate('status');
      return { deleted };
    },
    'templates.preview': ({ id, body, variables }) => {
      const stored = id !== undefined ? getTemplate(herald.db, id) : undefined;
      const name = stored?.name ?? 'preview';
      const source = body ?? stored?.body;
      if (source === undefined) throw new HeraldError('TEMPLATE_NOT_FOUND', 'Give a template id or a body to preview.');
      // What a firing would supply (date, time, datetime of now), then the samples, then the given values.
      return { text: renderTemplate(name, source, { ...builtInValues(herald.clock.now()), ...(stored ? previewValues(stored, variables) : variables) }) };
    },
    'templates.testSend': ({ id, recipient, variables }) => {
      const t = getTemplate(herald.db, id);
      const text = renderTemplate(t.name, t.body, { ...builtInValues(herald.clock.now()), ...previewValues(t, variables) });
      return { id: testMessage(recipient, { kind: t.contentKind, text }, t.channel ?? undefined, `template:${t.id}`), text };
    },
  };
}
