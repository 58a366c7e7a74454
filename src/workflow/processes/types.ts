import type { ChatDelivery } from '../../delivery/port.js';
import type { Action } from '../../domain/actions/index.js';
import type { RecordContext } from '../../domain/dossiers/index.js';
import type { User } from '../../domain/rights/user.js';
import type { Process } from '../../domain/templates/index.js';
import type { ChatPlatformId } from '../../domain/templates/process.js';
import type { Coded, ErrorCode, ResultCode, TextParams } from '../../i18n/coded/index.js';
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

export interface WebhookCall {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What became of a webhook call: the receiver's status, or why no answer came. */
export type WebhookAnswer =
  | { ok: true; status: number }
  | {
      ok: false;
      code: 'webhook.timeout' | 'webhook.network-error' | 'webhook.address-refused';
      message: string;
      retryable: boolean;
    };

/** Outbound HTTP for webhooks; the installation's policy decides which targets may be called. */
export interface WebhookSender {
  /** Why this URL may never be called here (plain http in production), or undefined when it may. */
  refusal(url: string): string | undefined;
  post(call: WebhookCall): Promise<WebhookAnswer>;
}

/** The outside world as processes see it. Every port is replaceable in tests by a real local server. */
export interface ProcessPorts {
  /** Absent when no SMTP server is configured: e-mail actions are then rejected, with that reason. */
  mailer?: Mailer | undefined;
  chat: ChatDelivery;
  /**
   * A webhook signing secret by the name a template gives in `secretRef` (`CRM` for WEBHOOK_SECRET_CRM);
   * never stored in templates.
   */
  secret(name: string): string | undefined;
  webhooks: WebhookSender;
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
        | { kind: 'user'; userId: string; name?: string };
      text: string;
    }
  | {
      type: 'stamp';
      templates: Array<
        { key: string; name: string; start: Date; end: Date } | { key: string; skipped: string }
      >;
    };

/** What a process did, coded so that each reader sees it in their language; `summary` is English. */
export interface ProcessResult extends Coded {
  readonly code: ResultCode;
}

export type ProcessOutcome =
  | { status: 'done'; summary: string; result: ProcessResult; details?: Record<string, unknown> }
  /**
   * retryable: a timeout or 5xx; the action is tried again later with backoff. `error` is the other
   * system's own message, for logs and API clients; people read the code's text.
   */
  | { status: 'failed'; code: ErrorCode; error: string; retryable: boolean; params?: TextParams };

export interface Rejection {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** What the translated text fills in (see DomainIssue.params). */
  params?: TextParams;
}

/** A process checked against the record: either what it will do and how, or why it cannot work. */
export type PreparedProcess =
  | { ok: true; preview: ProcessPreview; run(): Promise<ProcessOutcome> }
  | { ok: false; rejection: Rejection };

export type ProcessHandler<P extends Process = Process> = (
  input: ProcessInput,
  process: P,
) => Promise<PreparedProcess>;

export function rejected(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
  params?: TextParams,
): PreparedProcess {
  return {
    ok: false,
    rejection: { code, message, ...(details ? { details } : {}), ...(params ? { params } : {}) },
  };
}

/** A process that did its work, with its English summary and its coded result. */
export function done(
  summary: string,
  code: ResultCode,
  params?: TextParams,
  details?: Record<string, unknown>,
): ProcessOutcome {
  return {
    status: 'done',
    summary,
    result: { code, ...(params ? { params } : {}) },
    ...(details ? { details } : {}),
  };
}

export function failure(error: unknown, code: ErrorCode, retryable: boolean): ProcessOutcome {
  return { status: 'failed', code, error: error instanceof Error ? error.message : String(error), retryable };
}
