/**
 * Migration 8 (shipped: never edit; add the next file): the audit log by time, for its retention
 * (HUB_AUDIT_DAYS: older entries are deleted, a bounded batch at a time) and for
 * `npm run hub -- audit --since`. A publishing tool reading tokens all day writes millions of rows.
 */
export const auditAt = `
create index audit_at on audit (at);
`;
