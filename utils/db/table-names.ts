import type { Table } from 'dexie';
import type { WardenDb } from './schema';

/** Every table of the schema, with the record it holds (derived from the schema: no list to keep by hand). */
type SchemaTables = {
  [K in keyof WardenDb as WardenDb[K] extends Table ? K : never]: WardenDb[K] extends Table<infer R, infer _Key, infer _Insert> ? R : never;
};

/** The tables pages may read. `secrets`, `keys` and `ledger` are not among them (ARCHITECTURE §3.8). */
export type TableName = Exclude<keyof SchemaTables, 'secrets' | 'keys' | 'ledger'>;

/** The record a page reads from a table. */
export type TableRecord<N extends TableName> = SchemaTables[N];
