import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';

/** One pooled SMTP transport per process, from SMTP_URL. */
const g = globalThis as unknown as { __kringloopMail?: Transporter };

export function transport(): Transporter {
  if (!g.__kringloopMail) {
    const url = new URL(env().SMTP_URL);
    g.__kringloopMail = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: 5,
      // A local sink has no certificate; STARTTLS is still used when the server offers it.
      ignoreTLS: url.searchParams.get('tls') === 'off',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }
  return g.__kringloopMail;
}

export function closeTransport() {
  g.__kringloopMail?.close();
  g.__kringloopMail = undefined;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  fromName?: string;
  headers?: Record<string, string>;
}

/** Sends one message; returns the SMTP message id. */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  const from = env().MAIL_FROM;
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  const info = await transport().sendMail({
    from: mail.fromName ? { name: mail.fromName, address } : from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
  });
  return info.messageId;
}
