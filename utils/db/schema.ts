import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME } from './names';
import type { ListHead } from '../list-head';
import type {
  ProfileRecord,
  GrantRecord,
  SecretRecord,
  IdentityRecord,
  LedgerRecord,
  InboxRecord,
  HistoryRecord,
  SettingsRecord,
  KeyRecord,
  NetworkStateRecord,
  OutboxRecord,
  JobRecord,
  HubRecord,
} from '../domain';

export type * from '../domain';

export { DB_NAME } from './names';

/** Shipped schemas: never edit one; add the next version below. */
export const SCHEMA_V1 = {
  profiles: 'id, network, grantId',
  grants: 'id, network, identityId, nextCheckAt',
  secrets: 'grantId',
  identities: 'id, network',
  ledger: 'key, grantId',
  inbox: '++id, createdAt, read',
  history: '++id, [profileId+at]',
  settings: 'id',
  keys: 'id',
};
export const SCHEMA_V2 = { networkState: 'id' };
export const SCHEMA_V3 = { outbox: '++id, status, nextAttemptAt' };
export const SCHEMA_V4 = { jobs: 'id' };
export const SCHEMA_V5 = { snapshots: 'id' };
export const SCHEMA_V6 = { hub: 'id' };
/** v7: grants keep only the index a poll reads (nothing reads them by network or identity; each index cost a write per grant). */
export const SCHEMA_V7 = { grants: 'id, nextCheckAt' };
/** v8: profiles lose their network index (a profile's id begins with its network: its key says it; the index cost a write per profile). */
export const SCHEMA_V8 = { profiles: 'id, grantId' };

export class WardenDb extends Dexie {
  profiles!: EntityTable<ProfileRecord, 'id'>;
  grants!: EntityTable<GrantRecord, 'id'>;
  secrets!: EntityTable<SecretRecord, 'grantId'>;
  identities!: EntityTable<IdentityRecord, 'id'>;
  ledger!: EntityTable<LedgerRecord, 'key'>;
  inbox!: EntityTable<InboxRecord, 'id'>;
  history!: EntityTable<HistoryRecord, 'id'>;
  settings!: EntityTable<SettingsRecord, 'id'>;
  keys!: EntityTable<KeyRecord, 'id'>;
  networkState!: EntityTable<NetworkStateRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  jobs!: EntityTable<JobRecord, 'id'>;
  snapshots!: EntityTable<ListHead, 'id'>;
  hub!: EntityTable<HubRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // v2: rate-limit pauses per network (new table, nothing to migrate).
    this.version(2).stores(SCHEMA_V2);
    // v3: webhook and Slack deliveries (new table, nothing to migrate).
    this.version(3).stores(SCHEMA_V3);
    // v4: bulk renewal progress (new table, nothing to migrate).
    this.version(4).stores(SCHEMA_V4);
    // v5: the list's head, kept for the popup's first render (new table, nothing to migrate).
    this.version(5).stores(SCHEMA_V5);
    // v6: the organisation hub this browser is enrolled in (new table, nothing to migrate).
    this.version(6).stores(SCHEMA_V6);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8);
  }
}
