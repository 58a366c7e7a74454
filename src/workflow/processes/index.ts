import type { Process } from '../../domain/templates/index.js';
import { chatMessage } from './chat-message.js';
import { email } from './email.js';
import { createInvoice, personCategory, setField, setStatus } from './record-processes.js';
import { stamp } from './stamp.js';
import type { PreparedProcess, ProcessInput } from './types.js';
import { webhook } from './webhook.js';

/** Checks a process against its record and returns what it would do (preview) and how to do it (run). */
export function prepareProcess(input: ProcessInput, process: Process): Promise<PreparedProcess> {
  switch (process.type) {
    case 'email':
      return email(input, process);
    case 'set-status':
      return setStatus(input, process);
    case 'set-field':
      return setField(input, process);
    case 'person-category':
      return personCategory(input, process);
    case 'create-invoice':
      return createInvoice(input, process);
    case 'webhook':
      return webhook(input, process);
    case 'chat-message':
      return chatMessage(input, process);
    case 'stamp':
      return stamp(input, process);
  }
}

export type {
  Mailer,
  OutgoingMail,
  PreparedProcess,
  ProcessOutcome,
  ProcessPorts,
  ProcessPreview,
  Rejection,
  WebhookAnswer,
  WebhookCall,
  WebhookSender,
} from './types.js';
