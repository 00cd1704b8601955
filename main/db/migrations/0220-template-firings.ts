import type { Migration } from './types.js';

/**
 * What each firing of a message template did: the message it enqueued, or the error that stopped
 * it (a missing variable, no recipient). Settings → Templates shows the latest ones; a template
 * whose latest firing failed is a failure in the tray until it fires well or is edited.
 *
 * Template ids become AUTOINCREMENT: a firing's message identity holds the template id, so a new
 * template must never take the id of a deleted one (its 09:00 would count as already sent).
 */
export const templateFirings: Migration = {
  version: 220,
  name: 'outbox: template firings; template ids never reused',
  up: `
    CREATE TABLE message_templates_v2 (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      channel TEXT,
      content_kind TEXT NOT NULL DEFAULT 'text' CHECK (content_kind IN ('text','markdown')),
      body TEXT NOT NULL,
      variables TEXT NOT NULL DEFAULT '[]',
      kind TEXT NOT NULL CHECK (kind IN ('scheduled','realtime')),
      cron TEXT,
      event TEXT,
      keywords TEXT NOT NULL DEFAULT '[]',
      recipient TEXT,
      enabled INTEGER NOT NULL DEFAULT 1,
      updated_at INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO message_templates_v2 (id, name, channel, content_kind, body, variables, kind, cron, event, keywords, recipient, enabled, updated_at)
      SELECT id, name, channel, content_kind, body, variables, kind, cron, event, keywords, recipient, enabled, updated_at FROM message_templates;
    DROP TABLE message_templates;
    ALTER TABLE message_templates_v2 RENAME TO message_templates;

    CREATE TABLE template_firings (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      template_id INTEGER NOT NULL,
      trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('cron', 'catch-up', 'event')),
      event_name TEXT,
      scheduled_at INTEGER NOT NULL,
      fired_at INTEGER NOT NULL,
      message_id TEXT,
      error_code TEXT,
      error_message TEXT
    );
    CREATE INDEX template_firings_by_template ON template_firings (template_id, id);
  `,
};
