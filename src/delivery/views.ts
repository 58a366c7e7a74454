import type { DeliveryContent, DeliveryViewer } from '../store/deliveries.js';
import type { OutgoingMessage } from './platform.js';

/** A message ready for a platform, with what it shows so that it can follow changes. */
export interface BuiltMessage {
  views: OutgoingMessage['views'];
  locale: OutgoingMessage['locale'];
  /** The actions shown, with the versions shown. */
  versions: Record<string, number>;
  /** Nothing shown can change any more: the copy needs no further updates. */
  final: boolean;
}

/**
 * Turns stored content into views at the moment of sending (and again for every update), so a message
 * always shows its actions as they are now. The chat layer implements it (src/chat/message-views.ts).
 * Undefined: nothing to show (an App Home of a user who is gone).
 */
export interface MessageViews {
  build(content: DeliveryContent, viewer: DeliveryViewer): Promise<BuiltMessage | undefined>;
}
