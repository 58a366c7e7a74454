import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ChatDelivery, DeliveryTarget, OutboundMessage } from '../../src/delivery/port.js';
import { noChatDelivery } from '../../src/delivery/port.js';
import { createDossier } from '../../src/domain/dossiers/index.js';
import type { TemplateInput } from '../../src/domain/templates/index.js';
import { addressPolicy } from '../../src/outbound/address-policy.js';
import { createSmtpMailer } from '../../src/outbound/smtp-mailer.js';
import { createWebhookClient } from '../../src/outbound/webhook-client.js';
import { toDocument } from '../../src/store/documents.js';
import type { Stores } from '../../src/store/stores.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import type { ExecutionSettings } from '../../src/workflow/execution/lease.js';
import type { Mailer } from '../../src/workflow/processes/index.js';

export const FAST_SETTINGS: ExecutionSettings = { leaseMs: 60_000, retryBaseMs: 1_000, maxAttempts: 3 };

export function executionPorts(
  options: {
    mailer?: Mailer;
    chat?: ChatDelivery;
    secrets?: Record<string, string>;
    settings?: Partial<ExecutionSettings>;
    defaultSender?: string;
    allowedTargets?: string[];
  } = {},
): ExecutionPorts {
  return {
    processes: {
      mailer: options.mailer,
      chat: options.chat ?? noChatDelivery,
      secret: (name) => options.secrets?.[name],
      // The receivers of these tests listen on loopback, which the default policy refuses.
      webhooks: createWebhookClient({
        policy: addressPolicy({ allowed: options.allowedTargets ?? ['127.0.0.1'], requireHttps: false }),
        // A bound for a receiver that never answers, not a speed requirement: generous for a loaded machine.
        timeoutMs: 30_000,
      }),
      defaultSender: options.defaultSender,
    },
    settings: { ...FAST_SETTINGS, ...options.settings },
  };
}

/** A real SMTP server on loopback (the smtp-server library) that keeps every message it receives. */
export async function startSmtpServer(): Promise<{
  url: string;
  received: ParsedMail[];
  envelopes: string[][];
  stop(): Promise<void>;
}> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      envelopes.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    envelopes,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function smtpMailer(url: string): Mailer {
  return createSmtpMailer(url, { timeoutMs: 30_000 });
}

export interface ReceivedHook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  signatureValid: boolean | undefined;
}

/**
 * A local webhook receiver that verifies the HMAC signature like an integrator would, and answers with the
 * statuses given in order (the last one repeats).
 */
export async function startWebhookReceiver(
  options: { secret?: string; statuses?: number[]; delayMs?: number } = {},
): Promise<{ url: string; received: ReceivedHook[]; stop(): Promise<void> }> {
  const received: ReceivedHook[] = [];
  const statuses = options.statuses ?? [200];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['x-stempel-signature'];
      const timestamp = req.headers['x-stempel-timestamp'];
      const signatureValid = options.secret
        ? signature ===
          `sha256=${createHmac('sha256', options.secret).update(`${timestamp}.${body}`).digest('hex')}`
        : undefined;
      received.push({ headers: req.headers, body, signatureValid });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      setTimeout(() => res.writeHead(status).end(), options.delayMs ?? 0);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/stempel`,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A chat surface at the network edge: records what the bot sends, as a chat platform API would. */
export function recordingChat(): ChatDelivery & {
  sent: Array<{ target: DeliveryTarget; message: OutboundMessage }>;
} {
  const sent: Array<{ target: DeliveryTarget; message: OutboundMessage }> = [];
  return {
    available: true,
    sent,
    send: async (target, message) => {
      sent.push({ target, message });
      return { ok: true, ref: `msg-${sent.length}` };
    },
  };
}

/**
 * An automatic participant template that marks attendance the moment its course goes definitive: a course
 * event fans it out into one due action per participant — the due work of the sweep tests and benchmark.
 */
export function markAttendanceTemplate(courseTypeId: string): TemplateInput {
  return {
    key: 'mark-attendance',
    name: 'Attendance for [Person:FirstName]',
    execution: 'automatic',
    dataGroup: 'participant',
    event: { type: 'status-changed', group: 'course', to: 'definitive' },
    process: { type: 'set-field', field: 'attendanceMet', value: true },
    timing: {
      start: { amount: 0, unit: 'minutes', direction: 'after', anchor: 'event' },
      end: { amount: 1, unit: 'days', direction: 'after', anchor: 'event' },
    },
    courseTypeIds: [courseTypeId],
  };
}

/**
 * Stores planned participants of a course in one batch, ids `<prefix>-<n>`. Load tests use it: thousands
 * of participants through the use case would only slow them down, and the course's status change that
 * follows is what they are about.
 */
export async function storeParticipants(
  stores: Stores,
  course: { courseId: string; personId: string },
  count: number,
  options: { now: Date; prefix: string },
): Promise<void> {
  const records = Array.from({ length: count }, (_, index) => ({
    ...createDossier(
      'participant',
      { ...course, status: 'planned', active: true, attendanceMet: false, passMet: false },
      { id: `${options.prefix}-${index}`, now: options.now },
    ),
    version: 1,
  }));
  await stores.db.collection('dossiers').insertMany(records.map(toDocument) as never[]);
}
