import type pg from 'pg';
import { initial } from './migrations/001-initial';
import { teamReminders } from './migrations/002-team-reminders';
import { grantFacts } from './migrations/003-grant-facts';
import { historyFacts } from './migrations/004-history-facts';
import { grantsFillfactor } from './migrations/005-grants-fillfactor';
import { grantsDuePerNetwork } from './migrations/006-grants-due-per-network';
import { requestBudgets } from './migrations/007-request-budgets';
import { auditAt } from './migrations/008-audit-at';

/** Numbered migrations, applied in order, each once. A shipped one is never edited: add the next. */
export const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'team-reminders', sql: teamReminders },
  { id: 3, name: 'grant-facts', sql: grantFacts },
  { id: 4, name: 'history-facts', sql: historyFacts },
  { id: 5, name: 'grants-fillfactor', sql: grantsFillfactor },
  { id: 6, name: 'grants-due-per-network', sql: grantsDuePerNetwork },
  { id: 7, name: 'request-budgets', sql: requestBudgets },
  { id: 8, name: 'audit-at', sql: auditAt },
];

/** Any number to tell the hub's migration lock apart from other users of the database. */
const MIGRATION_LOCK = 702_001;

/**
 * Brings the database to the latest migration. Several hub processes may start together:
 * an advisory lock lets one migrate while the others wait, then find nothing left to do.
 */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'create table if not exists schema_migrations (id integer primary key, name text not null, applied_at bigint not null)',
    );
    const done = new Set((await client.query<{ id: number }>('select id from schema_migrations')).rows.map((r) => r.id));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('insert into schema_migrations (id, name, applied_at) values ($1, $2, $3)', [m.id, m.name, Date.now()]);
      applied.push(m.id);
    }
    await client.query('commit');
    return applied;
  } catch (error) {
    await client.query('rollback');
    throw new Error('The database could not be migrated', { cause: error });
  } finally {
    client.release();
  }
}
