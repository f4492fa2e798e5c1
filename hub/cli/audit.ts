import type pg from 'pg';

export interface AuditFilter {
  /** `network:profileId`: one profile's entries. */
  profile?: string;
  /** Entries after this instant (epoch ms). */
  since: number;
  limit: number;
}

/**
 * The audit log, newest first: token reads by publishing tools, connects, renewals and
 * disconnects, each with who (the service key's name, or the member and device) and what came
 * of it. Never a token: none is ever written there.
 */
export async function listAudit(pool: pg.Pool, filter: AuditFilter): Promise<string[]> {
  const { rows } = await pool.query<{ at: number; action: string; profile_id: string | null; detail: string | null; who: string }>(
    `select a.at, a.action, a.profile_id, a.detail,
       coalesce('tool "' || k.name || '"', m.email || ' (' || d.name || ')', a.actor) as who
     from audit a
     left join service_keys k on k.id = a.actor
     left join devices d on d.id = a.actor
     left join members m on m.id = d.member_id
     where a.at >= $1 and ($2::text is null or a.profile_id = $2)
     order by a.id desc limit $3`,
    [filter.since, filter.profile ?? null, filter.limit],
  );
  if (rows.length === 0) return ['No audit entry matches.'];
  return rows.map((r) =>
    printable(
      `${new Date(r.at).toISOString()}  ${r.action.padEnd(10)}  ${(r.profile_id ?? '-').padEnd(24)}  ${r.who}  ${r.detail ?? ''}`,
    ).trimEnd(),
  );
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `24h`, `7d` in milliseconds; null when not such a duration. */
export function durationMs(text: string): number | null {
  const m = /^(\d{1,5})([mhd])$/.exec(text);
  return m ? Number(m[1]) * UNITS[m[2]!]! : null;
}

/** Control characters shown as escapes: a device's name (typed by whoever enrolled it) cannot fake a line. */
function printable(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}
