/** Migration 3 (shipped: never edit; add the next file): where a grant's expiry comes from, and the network's code for its death. */
export const grantFacts = `
alter table grants add column expiry_source text;
alter table grants add column invalid_code text;
`;
