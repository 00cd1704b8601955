import type { Migration } from './types.js';

/**
 * The message system (seed 002): channel configurations, logical recipients and their routes,
 * templates, the outbox with its trace, the identities that outlive retention, and the persisted
 * rate-limit windows. Times are epoch milliseconds.
 */
export const outboxSchema: Migration = {
  version: 200,
  name: 'outbox: channels, recipients, templates, messages, trace, rate limits',
  up: `
    CREATE TABLE channel_configs (
      type TEXT PRIMARY KEY CHECK (type IN ('GROUP_BOT','WORK_WECHAT','WECHAT','SMS','EMAIL','AI','DRY_RUN')),
      enabled INTEGER NOT NULL DEFAULT 1,
      settings TEXT NOT NULL DEFAULT '{}',
      secrets TEXT,
      retry_policy TEXT NOT NULL DEFAULT '{"kind":"fixed","maxRetries":3,"delayMs":300000}',
      sending_window TEXT,
      on_interrupted TEXT NOT NULL DEFAULT 'hold' CHECK (on_interrupted IN ('hold','resend')),
      updated_at INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO channel_configs (type) VALUES ('GROUP_BOT'),('WORK_WECHAT'),('WECHAT'),('SMS'),('EMAIL'),('AI'),('DRY_RUN');

    CREATE TABLE recipients (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE customer_channel_identifiers (
      recipient_id TEXT NOT NULL REFERENCES recipients(id) ON DELETE CASCADE,
      channel TEXT NOT NULL,
      position INTEGER NOT NULL,
      address TEXT NOT NULL,
      address_sealed INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (recipient_id, channel)
    );

    CREATE TABLE message_templates (
      id INTEGER PRIMARY KEY,
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

    -- Kept forever (retention prunes messages, never identities): an identity once enqueued is
    -- never sent again.
    CREATE TABLE message_identities (
      seq INTEGER PRIMARY KEY,
      business_type TEXT NOT NULL,
      business_id TEXT NOT NULL,
      recipient TEXT NOT NULL,
      message_id TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      UNIQUE (business_type, business_id, recipient)
    );

    CREATE TABLE messages (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      business_type TEXT NOT NULL,
      business_id TEXT NOT NULL,
      recipient TEXT NOT NULL,
      job_id TEXT,
      run_id INTEGER,
      content_kind TEXT NOT NULL,
      content TEXT NOT NULL,
      metadata TEXT,
      only_channel TEXT,
      status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending','sending','sent','unknown','failed','dead','cancelled')),
      channel TEXT,
      exhausted_channels TEXT NOT NULL DEFAULT '[]',
      attempts INTEGER NOT NULL DEFAULT 0,
      total_attempts INTEGER NOT NULL DEFAULT 0,
      parts_sent INTEGER NOT NULL DEFAULT 0,
      parts_total INTEGER,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      wait_reason TEXT,
      lease_owner TEXT,
      lease_until INTEGER,
      last_error TEXT,
      last_error_code TEXT,
      possible_duplicate INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      sent_at INTEGER
    );
    CREATE INDEX messages_due ON messages (next_attempt_at, seq) WHERE status IN ('pending','failed');
    CREATE INDEX messages_sending ON messages (lease_until) WHERE status = 'sending';
    CREATE INDEX messages_status_created ON messages (status, created_at);
    CREATE INDEX messages_created ON messages (created_at);
    CREATE INDEX messages_business ON messages (business_id);
    CREATE INDEX messages_job ON messages (job_id, created_at);

    CREATE TABLE message_events (
      id INTEGER PRIMARY KEY,
      message_seq INTEGER NOT NULL,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      status TEXT,
      channel TEXT,
      attempt INTEGER,
      part INTEGER,
      code TEXT,
      response_status INTEGER,
      response_body TEXT,
      detail TEXT
    );
    CREATE INDEX message_events_message ON message_events (message_seq, id);
    CREATE INDEX message_events_at ON message_events (at, kind);

    CREATE TABLE rate_limit_state (
      endpoint TEXT PRIMARY KEY,
      sent_at TEXT NOT NULL DEFAULT '[]',
      blocked_until INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE outbox_control (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
