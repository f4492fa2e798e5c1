/** Migration 4 (shipped: never edit; add the next file): history entries as facts, put into words by each browser. */
export const historyFacts = `
alter table history add column fact jsonb;
alter table history alter column text drop not null;
`;
