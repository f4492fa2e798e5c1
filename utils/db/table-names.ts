/** The tables pages may read. `secrets`, `keys` and `ledger` are not among them (ARCHITECTURE §3.8). */
export type TableName =
  'profiles' | 'grants' | 'identities' | 'inbox' | 'history' | 'settings' | 'outbox' | 'jobs' | 'networkState' | 'snapshots' | 'hub';
