import cronParser from 'cron-parser';
import type { Db } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';

/**
 * Message templates (seed 002): a body with `{{variable}}` placeholders, the channel it is meant
 * for, and when it is used — scheduled (a cron, e.g. daily 09:00) or realtime (on an event or a
 * keyword). Rendering never produces a message with a hole: a missing variable is an error.
 */
export interface TemplateVariable {
  name: string;
  /** Used by the preview when no value is given. */
  sample?: string;
}

export interface Template {
  id: number;
  name: string;
  channel: string | null;
  contentKind: 'text' | 'markdown';
  body: string;
  variables: TemplateVariable[];
  kind: 'scheduled' | 'realtime';
  cron: string | null;
  event: string | null;
  keywords: string[];
  recipient: string | null;
  enabled: boolean;
  updatedAt: number;
}

export type TemplateInput = Omit<Template, 'id' | 'updatedAt'> & { id?: number };

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function placeholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function renderTemplate(name: string, body: string, values: Record<string, string | number>): string {
  const missing = placeholders(body).filter((p) => values[p] === undefined || values[p] === null || String(values[p]) === '');
  if (missing.length) {
    throw new HeraldError('TEMPLATE_VARIABLE_MISSING', `Template "${name}" needs ${missing.map((m) => `{{${m}}}`).join(', ')}, which ${missing.length === 1 ? 'was' : 'were'} not given.`, {
      template: name,
      missing: missing.join(','),
    });
  }
  return body.replace(PLACEHOLDER, (_m, key: string) => String(values[key]));
}

/** The values a preview uses: the given ones, else each variable's sample. */
export function previewValues(t: Pick<Template, 'variables'>, given: Record<string, string | number> = {}): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const v of t.variables) if (v.sample !== undefined && v.sample !== '') values[v.name] = v.sample;
  return { ...values, ...given };
}

interface Row {
  id: number;
  name: string;
  channel: string | null;
  content_kind: 'text' | 'markdown';
  body: string;
  variables: string;
  kind: 'scheduled' | 'realtime';
  cron: string | null;
  event: string | null;
  keywords: string;
  recipient: string | null;
  enabled: number;
  updated_at: number;
}

const toTemplate = (r: Row): Template => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  contentKind: r.content_kind,
  body: r.body,
  variables: JSON.parse(r.variables) as TemplateVariable[],
  kind: r.kind,
  cron: r.cron,
  event: r.event,
  keywords: JSON.parse(r.keywords) as string[],
  recipient: r.recipient,
  enabled: r.enabled === 1,
  updatedAt: r.updated_at,
});

export function listTemplates(db: Db): Template[] {
  return (db.prepare('SELECT * FROM message_templates ORDER BY name').all() as Row[]).map(toTemplate);
}

export function getTemplate(db: Db, id: number): Template {
  const row = db.prepare('SELECT * FROM message_templates WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new HeraldError('TEMPLATE_NOT_FOUND', `There is no template ${id}.`, { template: id });
  return toTemplate(row);
}

function validate(t: TemplateInput): void {
  const ctx = { template: t.name };
  const declared = new Set(t.variables.map((v) => v.name));
  const undeclared = placeholders(t.body).filter((p) => !declared.has(p));
  if (undeclared.length) throw new HeraldError('TEMPLATE_INVALID', `Template "${t.name}" uses ${undeclared.map((u) => `{{${u}}}`).join(', ')}, which ${undeclared.length === 1 ? 'is' : 'are'} not among its variables.`, ctx);
  if (t.kind === 'scheduled') {
    if (!t.cron) throw new HeraldError('TEMPLATE_INVALID', `Scheduled template "${t.name}" needs a cron expression (e.g. "0 9 * * *" for 09:00 daily).`, ctx);
    try {
      cronParser.parseExpression(t.cron, { tz: 'Asia/Shanghai' });
    } catch (err) {
      throw new HeraldError('TEMPLATE_INVALID', `The cron expression "${t.cron}" of template "${t.name}" is invalid: ${(err as Error).message}`, ctx);
    }
  } else if (!t.event && t.keywords.length === 0) {
    throw new HeraldError('TEMPLATE_INVALID', `Realtime template "${t.name}" needs an event or at least one keyword.`, ctx);
  }
}

export function saveTemplate(db: Db, input: TemplateInput, now: number): Template {
  validate(input);
  const values = {
    name: input.name,
    channel: input.channel,
    content_kind: input.contentKind,
    body: input.body,
    variables: JSON.stringify(input.variables),
    kind: input.kind,
    cron: input.kind === 'scheduled' ? input.cron : null,
    event: input.kind === 'realtime' ? input.event : null,
    keywords: JSON.stringify(input.kind === 'realtime' ? input.keywords : []),
    recipient: input.recipient,
    enabled: input.enabled ? 1 : 0,
    updated_at: now,
  };
  try {
    if (input.id === undefined) {
      const id = db
        .prepare(
          `INSERT INTO message_templates (name, channel, content_kind, body, variables, kind, cron, event, keywords, recipient, enabled, updated_at)
           VALUES (@name, @channel, @content_kind, @body, @variables, @kind, @cron, @event, @keywords, @recipient, @enabled, @updated_at)`,
        )
        .run(values).lastInsertRowid;
      return getTemplate(db, Number(id));
    }
    getTemplate(db, input.id);
    db.prepare(
      `UPDATE message_templates SET name = @name, channel = @channel, content_kind = @content_kind, body = @body, variables = @variables, kind = @kind,
       cron = @cron, event = @event, keywords = @keywords, recipient = @recipient, enabled = @enabled, updated_at = @updated_at WHERE id = @id`,
    ).run({ ...values, id: input.id });
    return getTemplate(db, input.id);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new HeraldError('TEMPLATE_NAME_TAKEN', `A template named "${input.name}" already exists.`, { template: input.name });
    throw err;
  }
}

export function deleteTemplate(db: Db, id: number): boolean {
  return db.transaction(() => {
    db.prepare('DELETE FROM template_firings WHERE template_id = ?').run(id);
    return db.prepare('DELETE FROM message_templates WHERE id = ?').run(id).changes > 0;
  })();
}
