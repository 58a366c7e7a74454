import type { ChatDelivery } from '../../delivery/port.js';
import type { Action } from '../../domain/actions/index.js';
import type { RecordContext } from '../../domain/dossiers/index.js';
import type { User } from '../../domain/rights/user.js';
import type { Process } from '../../domain/templates/index.js';
import type { ChatPlatformId } from '../../domain/templates/process.js';
import type { VersionedDossier } from '../../store/dossiers.js';
import type { WorkflowDeps, Workspace } from '../deps.js';

export interface OutgoingMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  /** Stable per action, so a resend after a crash is recognisable as the same message. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }>;
}

/** The outside world as processes see it. Every port is replaceable in tests by a real local server. */
export interface ProcessPorts {
  /** Absent when no SMTP server is configured: e-mail actions are then rejected, with that reason. */
  mailer?: Mailer | undefined;
  chat: ChatDelivery;
  /** Looks up a named secret (webhook signing keys); never stored in templates. */
  secret(name: string): string | undefined;
  webhookTimeoutMs: number;
  /** Used when an e-mail template names no sender; must still be an approved sender. */
  defaultSender?: string | undefined;
}

export interface ProcessInput {
  deps: WorkflowDeps;
  ports: ProcessPorts;
  action: Action;
  /** The action's record as just read, and its context. */
  record: VersionedDossier;
  context: RecordContext;
  workspace: Workspace;
  /** The bot itself, as the actor of the record changes a process makes. */
  system: User;
  /** Which execution attempt this is (1 for the first). */
  attempt: number;
}

/** What Execute would do, shown before a person confirms a semi-automatic action. */
export type ProcessPreview =
  | { type: 'email'; from: string; to: string[]; cc: string[]; bcc: string[]; subject: string; body: string }
  | {
      type: 'set-status';
      record: { group: string; id: string };
      field: string;
      from: string;
      to: string;
      changes: boolean;
    }
  | {
      type: 'set-field';
      record: { group: string; id: string };
      field: string;
      from: unknown;
      to: unknown;
      changes: boolean;
    }
  | { type: 'person-category'; personId: string; category: string; mode: 'add' | 'remove'; changes: boolean }
  | {
      type: 'create-invoice';
      requestId: string;
      invoiceId: string;
      amount: number;
      dueDate: Date | null;
      exists: boolean;
    }
  | { type: 'webhook'; url: string; signed: boolean; body: unknown }
  | {
      type: 'chat-message';
      target:
        | { kind: 'channel'; platform: ChatPlatformId; channel: string }
        | { kind: 'user'; userId: string };
      text: string;
    }
  | {
      type: 'stamp';
      templates: Array<
        { key: string; name: string; start: Date; end: Date } | { key: string; skipped: string }
      >;
    };

export type ProcessOutcome =
  | { status: 'done'; summary: string; details?: Record<string, unknown> }
  /** retryable: a timeout or 5xx; the action is tried again later with backoff. */
  | { status: 'failed'; code: string; error: string; retryable: boolean };

export interface Rejection {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A process checked against the record: either what it will do and how, or why it cannot work. */
export type PreparedProcess =
  | { ok: true; preview: ProcessPreview; run(): Promise<ProcessOutcome> }
  | { ok: false; rejection: Rejection };

export type ProcessHandler<P extends Process = Process> = (
  input: ProcessInput,
  process: P,
) => Promise<PreparedProcess>;

export function rejected(code: string, message: string, details?: Record<string, unknown>): PreparedProcess {
  return { ok: false, rejection: { code, message, ...(details ? { details } : {}) } };
}

export function failure(error: unknown, code: string, retryable: boolean): ProcessOutcome {
  return { status: 'failed', code, error: error instanceof Error ? error.message : String(error), retryable };
}
