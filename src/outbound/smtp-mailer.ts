import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from '../workflow/processes/index.js';

/**
 * The e-mail port over SMTP (nodemailer), from a URL such as smtps://user:password@mail.example.org:465
 * or smtp://mail.example.org:587 (STARTTLS when the server offers it).
 */
export function createSmtpMailer(url: string, options: { timeoutMs?: number } = {}): Mailer {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 587)),
    secure,
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        bcc: mail.bcc,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
      return { messageId: info.messageId, accepted: info.accepted.map(String) };
    },
  };
}
