/**
 * Migration 5 (shipped: never edit; add the next file): room on each grants page, so a lease
 * (leased_until, leased_by: no indexed column) is a HOT update: no new entry in any of the
 * table's indexes, one row version on the same page. A check writes two row versions (its lease,
 * then its verdict); without room the lease's went to another page with three new index entries.
 * Pages written from now on keep 30% free; existing ones gain it as they are rewritten.
 */
export const grantsFillfactor = `
alter table grants set (fillfactor = 70);
`;
