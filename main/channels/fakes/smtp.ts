import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A local SMTP server for tests (smtp-server, a dev dependency: the demo does not start it).
 * Accepts plain connections with login `user`/`password`; rejects recipients listed in `reject`.
 */
export class FakeSmtpServer {
  readonly mails: ReceivedMail[] = [];
  readonly reject = new Set<string>();
  private server: SMTPServer | undefined;
  port = 0;

  constructor(readonly credentials = { user: 'herald', password: 'smtp-password-4242' }) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      hideSTARTTLS: true,
      allowInsecureAuth: true,
      authOptional: false,
      logger: false,
      onAuth: (auth, _session, cb) => {
        if (auth.username === this.credentials.user && auth.password === this.credentials.password) cb(null, { user: auth.username });
        else cb(new Error('Invalid username or password'));
      },
      onRcptTo: (address, _session, cb) => {
        if (this.reject.has(address.address)) {
          const err = new Error(`550 mailbox ${address.address} unavailable`) as Error & { responseCode: number };
          err.responseCode = 550;
          cb(err);
        } else cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
