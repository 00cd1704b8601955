import { afterEach, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { emailSubject } from '../../../main/channels/email.js';
import { FakeSmtpServer } from '../../../main/channels/fakes/smtp.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';

const smtps: FakeSmtpServer[] = [];
afterEach(async () => {
  for (const s of smtps.splice(0)) await s.close();
});

async function world(password?: string): Promise<{ w: OutboxWorld; smtp: FakeSmtpServer }> {
  const smtp = await new FakeSmtpServer().start();
  smtps.push(smtp);
  const w = await outboxWorld();
  w.configure('EMAIL', {
    settings: { host: '127.0.0.1', port: smtp.port, secure: false, user: smtp.credentials.user, from: 'herald@example.com', subjectPrefix: '[Herald] ', timeoutMs: 5000 },
    secrets: { password: password ?? smtp.credentials.password },
  });
  w.recipient({ id: 'finance', route: [{ channel: 'EMAIL', address: 'finance@example.com' }] });
  return { w, smtp };
}
const send = (w: OutboxWorld, text: string) => enqueueMessage(w.herald.db, { businessType: 'sla.weekly', businessId: text.slice(0, 10), recipient: 'finance', content: { kind: 'text', text } }).id;

describe('EMAIL (SMTP via nodemailer)', () => {
  it('sends the text with the first line as subject', async () => {
    const { w, smtp } = await world();
    const id = send(w, 'SLA weekly report\nAll providers compliant.');
    await w.worker.runOnce();
    expect(w.row(id).status).toBe('sent');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ from: 'herald@example.com', to: ['finance@example.com'] });
    expect(smtp.mails[0]!.raw).toContain('Subject: [Herald] SLA weekly report');
    expect(smtp.mails[0]!.raw).toContain('All providers compliant.');
  });

  it('makes a refused login a configuration error without revealing the password', async () => {
    const { w } = await world('not-the-password-999');
    const id = send(w, 'x');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'SMTP_AUTH' });
    expect(JSON.stringify([w.row(id), w.trace(id)])).not.toContain('not-the-password-999');
  });

  it('makes a rejected mailbox (5xx) undeliverable at once', async () => {
    const { w, smtp } = await world();
    smtp.reject.add('finance@example.com');
    const id = send(w, 'x');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'SMTP_550' });
  });

  it('builds subjects from the first non-empty line, shortened', () => {
    expect(emailSubject('[H] ', '\n\n  hello  \nworld')).toBe('[H] hello');
    expect(emailSubject('', 'x'.repeat(70))).toBe(`${'x'.repeat(60)}…`);
  });
});
