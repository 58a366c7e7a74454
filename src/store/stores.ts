import type { Db } from 'mongodb';
import { ActionStore } from './actions.js';
import { ApiTokenStore } from './api-tokens.js';
import { AuditLog } from './audit.js';
import { CounterStore } from './counters.js';
import { DeliveryStore } from './deliveries.js';
import { DigestStore } from './digests.js';
import { DossierStore } from './dossiers.js';
import { EventStore } from './events.js';
import { SenderStore } from './senders.js';
import { SettingsStore } from './settings.js';
import { TemplateStore } from './templates.js';
import { UserStore } from './users.js';

/** Every repository of one database. Nothing outside src/store talks to MongoDB collections directly. */
export interface Stores {
  readonly db: Db;
  readonly dossiers: DossierStore;
  readonly templates: TemplateStore;
  readonly actions: ActionStore;
  readonly events: EventStore;
  readonly users: UserStore;
  readonly senders: SenderStore;
  readonly settings: SettingsStore;
  readonly apiTokens: ApiTokenStore;
  readonly audit: AuditLog;
  readonly counters: CounterStore;
  readonly deliveries: DeliveryStore;
  readonly digests: DigestStore;
}

export function createStores(db: Db): Stores {
  const counters = new CounterStore(db);
  return {
    db,
    dossiers: new DossierStore(db),
    templates: new TemplateStore(db),
    actions: new ActionStore(db, counters),
    events: new EventStore(db),
    users: new UserStore(db),
    senders: new SenderStore(db),
    settings: new SettingsStore(db),
    apiTokens: new ApiTokenStore(db),
    audit: new AuditLog(db),
    counters,
    deliveries: new DeliveryStore(db),
    digests: new DigestStore(db),
  };
}

export async function ensureIndexes(stores: Stores): Promise<void> {
  await Promise.all([
    stores.dossiers.ensureIndexes(),
    stores.templates.ensureIndexes(),
    stores.actions.ensureIndexes(),
    stores.events.ensureIndexes(),
    stores.users.ensureIndexes(),
    stores.senders.ensureIndexes(),
    stores.apiTokens.ensureIndexes(),
    stores.audit.ensureIndexes(),
    stores.deliveries.ensureIndexes(),
    stores.digests.ensureIndexes(),
  ]);
}
