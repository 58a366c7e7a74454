import { courseContactUserId } from '../../domain/dossiers/context.js';
import { renderMergeText } from '../../domain/merge-codes/index.js';
import { type Process, resolveRecipients } from '../../domain/templates/index.js';
import { recipientWords } from '../../i18n/labels.js';
import { done, failure, type ProcessHandler, rejected } from './types.js';

type EmailProcess = Extract<Process, { type: 'email' }>;

/**
 * E-mail (docs/domain.md §5): merge codes rendered in the workspace language, symbolic recipients resolved from
 * the record, the sender checked against the approved list at the moment of sending (approval can be
 * withdrawn after the template was saved). Setup problems reject; SMTP problems fail.
 */
export const email: ProcessHandler<EmailProcess> = async (input, process) => {
  const { deps, ports, action, context, workspace } = input;
  const sender = process.sender ?? ports.defaultSender;
  if (!sender)
    return rejected('email.no-sender', 'The e-mail has no sender and no default sender is configured');
  const approved = (await deps.stores.senders.approvedAddresses()).map((address) => address.toLowerCase());
  if (!approved.includes(sender.toLowerCase())) {
    return rejected('email.sender-not-approved', `${sender} is not an approved sender address`, { sender });
  }
  if (!ports.mailer) return rejected('email.smtp-not-configured', 'No SMTP server is configured');

  const userIds = [action.ownerUserId, courseContactUserId(context)].filter((id): id is string =>
    Boolean(id),
  );
  const emails = new Map((await deps.stores.users.getMany(userIds)).map((user) => [user.id, user.email]));
  const lookup = { ownerUserId: action.ownerUserId, userEmail: (id: string) => emails.get(id) };
  const to = resolveRecipients(process.to, context, lookup);
  const cc = resolveRecipients(process.cc, context, lookup);
  const bcc = resolveRecipients(process.bcc, context, lookup);
  if (to.addresses.length === 0) {
    return rejected(
      'email.no-recipient',
      `No recipient address could be found (${to.unresolved.join(', ')})`,
      { unresolved: to.unresolved },
      { unresolved: recipientWords(to.unresolved) },
    );
  }
  const render = { locale: workspace.locale, timeZone: workspace.calendar.timeZone };
  const subject = renderMergeText(process.documentTemplate.subject, context, render);
  const body = renderMergeText(process.documentTemplate.body, context, render);
  const mail = {
    from: sender,
    to: to.addresses,
    cc: cc.addresses,
    bcc: bcc.addresses,
    subject,
    text: body,
    messageId: `<${action.id}@stempel>`,
  };
  const mailer = ports.mailer;
  return {
    ok: true,
    preview: { type: 'email', from: sender, to: mail.to, cc: mail.cc, bcc: mail.bcc, subject, body },
    run: async () => {
      try {
        const sent = await mailer.send(mail);
        return done(
          `e-mail sent to ${sent.accepted.join(', ')}`,
          'email.sent',
          { to: sent.accepted },
          { messageId: sent.messageId },
        );
      } catch (error) {
        // Connection problems and 4xx replies are temporary in SMTP; 5xx replies are permanent.
        const code = (error as { responseCode?: number }).responseCode;
        return failure(error, 'email.smtp-error', code === undefined || code < 500);
      }
    },
  };
};
