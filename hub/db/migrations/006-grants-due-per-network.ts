/**
 * Migration 6 (shipped: never edit; add the next file): the checks lease each network's due
 * grants apart (`where network = $1 … order by next_check_at`). On the index of next_check_at
 * alone, every lease walked past the other networks' due grants (nine networks: about nine rows
 * read for each one taken); on (network, next_check_at) it reads its own network's alone. The
 * `jobs` command's counts over every network read the table either way.
 */
export const grantsDuePerNetwork = `
create index grants_due_network on grants (network, next_check_at);
drop index grants_due;
`;
