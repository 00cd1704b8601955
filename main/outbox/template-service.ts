import type { Herald, Service } from '../core/herald.js';
import { jobsFor, type TriggerOwner } from '../jobs/service.js';
import { createLogger } from '../logging/logger.js';
import { listTemplates } from './templates.js';
import { failingTemplates, fireTemplate, TEMPLATE_TRIGGER_PREFIX, templateScheduledJobs, type FiringOutcome } from './template-firing.js';

const refreshers = new WeakMap<Herald, () => void>();

/** After templates were saved or deleted: their triggers follow at once. */
export function templatesChanged(herald: Herald): void {
  refreshers.get(herald)?.();
}

/**
 * Message templates that fire on their own, as triggers of the jobs' scheduler (registered when
 * the services are created, so the scheduler's start keeps their persisted due times). A firing
 * that fails (missing variable, no recipient) raises an alert and shows as a failure in the tray
 * until the template fires well or is edited.
 */
export function templatesService(herald: Herald): Service {
  const log = createLogger('templates');
  const jobs = jobsFor(herald);
  const report = (outcomes: FiringOutcome[]) => {
    for (const o of outcomes) {
      if ('messageId' in o) {
        log.info(o.created ? 'Template fired; its message is in the outbox' : 'Template fired again for the same time or event; its message was already in the outbox', { template: o.name, message: o.messageId });
        herald.events.invalidate('outbox', o.messageId);
      } else if ('error' in o) {
        log.error('Template could not be sent', { template: o.name, code: o.error.code, error: o.error.message });
        const zh = herald.settings().language === 'zh-CN';
        herald.events.emit({ type: 'alert', kind: 'template-failed', title: zh ? `消息模板未能发送：${o.name}` : `Template not sent: ${o.name}`, body: o.error.message });
        herald.events.invalidate('status');
      }
    }
    herald.events.invalidate('channels');
  };
  const owner: TriggerOwner = {
    prefix: TEMPLATE_TRIGGER_PREFIX,
    list: () => templateScheduledJobs(herald.db),
    fire: (firings) => {
      const now = herald.clock.now();
      const templates = new Map(listTemplates(herald.db).map((t) => [t.id, t]));
      const outcomes = firings.flatMap((f) => {
        const t = templates.get(Number(f.jobId.slice(TEMPLATE_TRIGGER_PREFIX.length)));
        return t ? [fireTemplate(herald.db, t, f, now)] : [];
      });
      // Reported once the claim's transaction has committed.
      if (outcomes.length) setImmediate(() => report(outcomes));
    },
  };
  jobs.addTriggerOwner(owner);
  refreshers.set(herald, () => jobs.syncTriggers());
  let withdraw: (() => unknown) | undefined;
  return {
    name: 'templates',
    start() {
      withdraw = herald.status.contribute(() => ({
        failures: failingTemplates(herald.db).map(({ template, firing }) => ({
          kind: 'message' as const,
          summary: `Template "${template.name}": ${firing.error_message ?? firing.error_code}`.slice(0, 300),
          at: new Date(firing.fired_at).toISOString(),
        })),
      }));
    },
    stop() {
      withdraw?.();
    },
  };
}
