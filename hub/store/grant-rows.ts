import type { GrantRecord } from '../../utils/domain';
import type { NetworkId } from '../../utils/networks/catalog';

/** A grants row as PostgreSQL returns it (snake_case, bigint as number). */
export interface GrantRow {
  id: string;
  network: NetworkId;
  identity_id: string;
  scopes: string[];
  issued_at: number;
  expires_at: number | null;
  access_expires_at: number | null;
  refreshable: boolean;
  invalid_since: number | null;
  invalid_reason: string | null;
  last_check_at: number | null;
  last_check_result: GrantRecord['lastCheckResult'];
  last_error: string | null;
  failures: number;
  next_check_at: number;
  refresh_started_at: number | null;
  expiry_source: GrantRecord['expirySource'] | null;
  invalid_code: string | null;
  token_iv: Buffer;
  token_ct: Buffer;
  change: number;
}

/** The same grant in the shape the pure status and check rules take (shared with the extension). */
export function toGrantRecord(row: GrantRow): GrantRecord {
  return {
    id: row.id,
    network: row.network,
    identityId: row.identity_id,
    scopes: row.scopes,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    accessExpiresAt: row.access_expires_at,
    invalidSince: row.invalid_since,
    invalidReason: row.invalid_reason,
    refreshable: row.refreshable,
    lastCheckAt: row.last_check_at,
    lastCheckResult: row.last_check_result,
    lastError: row.last_error,
    failures: row.failures,
    nextCheckAt: row.next_check_at,
    renewal: null,
    refreshStartedAt: row.refresh_started_at,
    expirySource: row.expiry_source ?? undefined,
    invalidCode: row.invalid_code,
  };
}

/** Column values of a grant's state (everything but its identity and its sealed tokens), in the order of GRANT_STATE_COLUMNS. */
export function grantStateValues(g: GrantRecord): unknown[] {
  return [
    g.scopes,
    g.issuedAt,
    g.expiresAt,
    g.accessExpiresAt,
    g.refreshable,
    g.invalidSince,
    g.invalidReason,
    g.lastCheckAt,
    g.lastCheckResult,
    g.lastError,
    g.failures,
    g.nextCheckAt,
    g.refreshStartedAt ?? null,
    g.expirySource ?? null,
    g.invalidCode ?? null,
  ];
}

export const GRANT_STATE_COLUMNS = [
  'scopes',
  'issued_at',
  'expires_at',
  'access_expires_at',
  'refreshable',
  'invalid_since',
  'invalid_reason',
  'last_check_at',
  'last_check_result',
  'last_error',
  'failures',
  'next_check_at',
  'refresh_started_at',
  'expiry_source',
  'invalid_code',
] as const;

/** Every column of a GrantRow, for a query that names them (a named statement must not say `*`: a new column would change its result). */
export const GRANT_ROW_COLUMNS = ['id', 'network', 'identity_id', ...GRANT_STATE_COLUMNS, 'change', 'token_iv', 'token_ct'] as const;

/** The same without the sealed tokens: what may leave the hub (a sync). */
export const GRANT_OPEN_COLUMNS = GRANT_ROW_COLUMNS.slice(0, -2);

/** `col = $n` for each state column, numbered from `first`. */
export function stateAssignments(first: number): string {
  return GRANT_STATE_COLUMNS.map((c, i) => `${c} = $${first + i}`).join(', ');
}
