/**
 * Migration 7 (shipped: never edit; add the next file): the per-key request budgets (HUB_RATE_LIMIT)
 * counted in the database, so that several hub processes behind one address share one budget per
 * device or service key (each kept its own: with two processes a device had twice the limit).
 * One row per key and one-minute window. Unlogged: no write-ahead log for a counter bumped by
 * every request (a crash empties it, which only restarts the current minute's counts).
 */
export const requestBudgets = `
create unlogged table request_budgets (
  key text not null,
  window_start bigint not null,
  used integer not null,
  primary key (key, window_start)
) with (fillfactor = 70);
`;
