import type { DossierRecord, Participant, Request } from './schemas.js';

/**
 * Whether a record has ended so that its waiting and open actions should be cancelled: a course closed or
 * cancelled, a participant removed, a request or web request called off. A completed participant or a
 * paid invoice has not ended: follow-ups such as certificates still apply to them.
 */
export function isRecordClosed(record: DossierRecord): boolean {
  switch (record.group) {
    case 'course':
      return record.status === 'closed' || record.status === 'cancelled';
    case 'participant':
      return record.status === 'cancelled';
    case 'request':
      return record.status === 'cancelled';
    case 'web-request':
      return record.status === 'rejected';
    default:
      return false;
  }
}

/** Who a course event fans out to: every participant not removed (planned, waiting list or completed). */
export function isCurrentParticipant(participant: Pick<Participant, 'status' | 'active'>): boolean {
  return participant.active && participant.status !== 'cancelled';
}

/** Whether create-invoice may bill this request: an order that is still open. */
export function isBillable(request: Pick<Request, 'stage' | 'status'>): boolean {
  return request.stage === 'order' && request.status === 'open';
}
