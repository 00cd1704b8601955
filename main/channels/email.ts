import crypto from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { ChannelSettingsSchemas } from '../api/contract/channel-model.js';
import type { ChannelRuntimeConfig, ChannelSender, SendOutcome } from './types.js';

const settingsOf = (config: ChannelRuntimeConfig) => ChannelSettingsSchemas.EMAIL.parse(config.settings);
const SUBJECT_MAX = 60;

/** The subject: the prefix and the message's first non-empty line. */
export function emailSubject(prefix: string, text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return `${prefix}${first.length > SUBJECT_MAX ? `${first.slice(0, SUBJECT_MAX)}…` : first}`;
}

function errorOutcome(err: unknown): SendOutcome {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const reason = e.message ?? String(err);
  if (e.code === 'EAUTH') return { kind: 'permanent', code: 'SMTP_AUTH', reason: `The mail server refused the login (${reason}). Check the user and password in Settings → Channels.` };
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { kind: 'permanent', code: `SMTP_${e.responseCode}`, reason: `The mail server refused the message: ${reason}` };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return { kind: 'retry', code: `SMTP_${e.responseCode}`, reason: `The mail server deferred the message: ${reason}` };
  return { kind: 'retry', code: e.code ?? 'SMTP_ERROR', reason: `The mail server could not be reached or failed: ${reason}` };
}

/** EMAIL: SMTP through nodemailer; one transport per configuration, re-created when it changes. */
export function emailSender(): ChannelSender {
  let cached: { key: string; transport: Transporter } | undefined;
  const transportFor = (config: ChannelRuntimeConfig): Transporter => {
    const s = settingsOf(config);
    const key = crypto.createHash('sha256').update(JSON.stringify([s, config.secrets.password ?? ''])).digest('hex');
    if (cached?.key !== key) {
      cached?.transport.close();
      const transport = nodemailer.createTransport({
        host: s.host,
        port: s.port,
        secure: s.secure,
        ...(s.user ? { auth: { user: s.user, pass: config.secrets.password ?? '' } } : {}),
        connectionTimeout: s.timeoutMs,
        greetingTimeout: s.timeoutMs,
        socketTimeout: s.timeoutMs,
        // Local test servers and office relays often use self-signed certificates.
        tls: { rejectUnauthorized: false },
      });
      cached = { key, transport };
    }
    return cached.transport;
  };

  return {
    type: 'EMAIL',
    unconfigured(config) {
      const s = settingsOf(config);
      const missing = [!s.host && 'server', !s.from && 'sender address'].filter(Boolean);
      return missing.length ? `E-mail is not set up (missing ${missing.join(', ')}).` : undefined;
    },
    refuse(content, address) {
      if (!/^[^@\s]+@[^@\s]+$/.test(address.trim())) return `"${address}" is not an e-mail address.`;
      if (content.kind !== 'text' && content.kind !== 'markdown') return `A ${content.kind} cannot be sent by e-mail.`;
      return undefined;
    },
    split: (content) => [content],
    rateLimit: () => undefined,
    async send(config, delivery) {
      const s = settingsOf(config);
      const c = delivery.content;
      if (c.kind !== 'text' && c.kind !== 'markdown') return { kind: 'permanent', code: 'CONTENT_UNSUPPORTED', reason: `A ${c.kind} cannot be sent by e-mail.` };
      try {
        const info = (await transportFor(config).sendMail({ from: s.from, to: delivery.address.trim(), subject: emailSubject(s.subjectPrefix, c.text), text: c.text })) as { response?: string; rejected?: unknown[] };
        if (Array.isArray(info.rejected) && info.rejected.length > 0) return { kind: 'permanent', code: 'SMTP_REJECTED', reason: `The mail server rejected ${delivery.address}.`, response: { body: info.response ?? '' } };
        return { kind: 'sent', response: { body: info.response ?? '' } };
      } catch (err) {
        return errorOutcome(err);
      }
    },
    secretValues: (config) => [config.secrets.password ?? ''].filter(Boolean),
  };
}
