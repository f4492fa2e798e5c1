import type pg from 'pg';
import { seesAll, type Member } from '../store/members';
import type { CheckRunner } from './runner';

/**
 * "Check now" in a member's popup re-checks the grants this member sees whose last check is
 * older than this: a click (or ten) cannot spend the organisation's rate limits with the
 * networks on tokens checked a moment ago.
 */
export const FRESH_MS = 60_000;
/** The longest an answer waits for those checks (the extension gives up on an answer at 30 s). */
export const WAIT_MS = 20_000;

/** The grants this member sees ($1: a role that sees all, else member $2's given profiles only), as `g`. */
const VISIBLE = `exists (
  select 1 from profiles p where p.grant_id = g.id and p.deleted_at is null
    and ($1::boolean or exists (select 1 from member_profiles m where m.member_id = $2 and m.profile_id = p.id)))`;

export interface OnDemandChecks {
  /** The member's grants whose last check is fresh (within FRESH_MS) now: a dead one just found dead counts too. */
  checked: number;
  /** Those still waiting for their check (a network paused by a 429, or past the wait): the next sync brings them. */
  pending: number;
}

/**
 * Makes every live grant this member sees due now unless it was checked within FRESH_MS, has the
 * checks run (this process's runner; another process may take some: its verdicts count as well),
 * and waits for them, at most `waitMs`. Without a runner it only makes them due.
 */
export async function checkNowFor(
  pool: pg.Pool,
  runner: CheckRunner | undefined,
  member: Member,
  now: () => number,
  waitMs = WAIT_MS,
): Promise<OnDemandChecks> {
  const asked = now();
  const scope = [seesAll(member), member.id];
  const { rows } = await pool.query<{ id: string }>(
    `select g.id from grants g where ${VISIBLE} and g.invalid_since is null and (g.last_check_at is null or g.last_check_at < $3)`,
    [...scope, asked - FRESH_MS],
  );
  const ids = rows.map((r) => r.id);
  // Only rows not yet due are written, in one order, skipping any a verdict is being written to
  // (it is being checked already): no deadlock with a batch of verdicts, no rewrite of what waits.
  await pool.query(
    `update grants set next_check_at = $2 where id in (
       select id from grants where id = any($1) and next_check_at > $2 order by id for update skip locked)`,
    [ids, asked],
  );
  const deadline = performance.now() + waitMs;
  const untilDeadline = () => new Promise((r) => setTimeout(r, Math.max(0, deadline - performance.now())));
  let before = Infinity;
  for (let left = ids.length; left > 0 && performance.now() < deadline;) {
    // A round already running serves (it leases until nothing is due); the answer waits no longer than the deadline.
    if (runner) await Promise.race([runner.runOnce(), untilDeadline()]);
    const { rows: state } = await pool.query<{ pending: number; leased: number }>(
      `select count(*)::int as pending, count(*) filter (where leased_until >= $3)::int as leased
       from grants where id = any($1) and (last_check_at is null or last_check_at < $2)`,
      [ids, asked, now()],
    );
    left = state[0]!.pending;
    if (state[0]!.leased > 0)
      await new Promise((r) => setTimeout(r, 200)); // another process is checking them
    else if (left >= before)
      break; // a paused network, or nobody here to check: waiting brings nothing
    else before = left;
  }
  // Checked: within the minute before the click (what it skipped counts too). Pending: still due (a
  // check that began just before the click and was written since is not).
  const { rows: counts } = await pool.query<{ checked: number; pending: number }>(
    `select count(*) filter (where g.last_check_at >= $3)::int as checked,
       count(*) filter (where g.id = any($4) and (g.last_check_at is null or g.last_check_at < $5) and g.next_check_at <= $6)::int as pending
     from grants g where ${VISIBLE}`,
    [...scope, asked - FRESH_MS, ids, asked, now()],
  );
  return counts[0]!;
}
