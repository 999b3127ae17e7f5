import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';

/**
 * Two pooled SMTP transports per process, from SMTP_URL: `bulk` for survey invitations and
 * reminders, `direct` for mail to one person (alerts, member invitations, sign-in links). A send wave
 * keeps every connection of its pool busy; with a pool of their own, an alert never waits for one.
 */
export type TMailStream = 'bulk' | 'direct';
const g = globalThis as unknown as { __kringloopMail?: Map<TMailStream, Transporter> };

export function transport(stream: TMailStream = 'direct'): Transporter {
  g.__kringloopMail ??= new Map();
  let t = g.__kringloopMail.get(stream);
  if (!t) {
    const url = new URL(env().SMTP_URL);
    t = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: stream === 'bulk' ? 5 : 2,
      // A local sink has no certificate; STARTTLS is still used when the server offers it.
      ignoreTLS: url.searchParams.get('tls') === 'off',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    g.__kringloopMail.set(stream, t);
  }
  return t;
}

export function closeTransport() {
  for (const t of g.__kringloopMail?.values() ?? []) t.close();
  g.__kringloopMail = undefined;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  fromName?: string;
  headers?: Record<string, string>;
  /** Where a reply goes (a person of the organisation rather than our sending address). */
  replyTo?: { name?: string; address: string };
  /**
   * A Message-ID of our own (see messageIdFor): a retried send of the same mail carries the same one,
   * so a receiving system can tell it is the same message.
   */
  messageId?: string;
}

function senderAddress(): string {
  const from = env().MAIL_FROM;
  return from.match(/<([^>]+)>/)?.[1] ?? from;
}

/** A stable Message-ID for one mail of ours, e.g. messageIdFor('invitation', id). */
export function messageIdFor(kind: string, id: string): string {
  const domain = senderAddress().split('@')[1] ?? 'kringloop.local';
  return `<${kind}.${id}@${domain}>`;
}

/** Sends one message; resolves once the SMTP server accepted it, with its Message-ID. */
export async function sendMail(mail: OutgoingMail, stream: TMailStream = 'direct'): Promise<string> {
  const info = await transport(stream).sendMail({
    from: mail.fromName ? { name: mail.fromName, address: senderAddress() } : env().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
    replyTo: mail.replyTo ? { name: mail.replyTo.name ?? '', address: mail.replyTo.address } : undefined,
    messageId: mail.messageId,
  });
  return info.messageId;
}
