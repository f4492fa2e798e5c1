import type pg from 'pg';
import type { NetworkId } from '../../utils/networks/catalog';
import { slackBody, webhookBody } from '../../utils/reminders/messages';
import { planReminders, type PlannerGrant } from '../../utils/reminders/planner';
import type { Fetch } from '../../utils/networks/types';
import type { HubConfig } from '../config';

const RETRY_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];

/**
 * The organisation's channels (Slack, a webhook): each due reminder is recorded once for the
 * whole organisation (the key is the table's primary key, so two hub processes cannot both
 * record it), then delivered with retries. Members' own reminders are their browsers'.
 */
export async function recordOrgReminders(pool: pg.Pool, config: HubConfig, now: number): Promise<number> {
  if (!config.slackUrl && !config.webhookUrl) return 0;
  const { rows } = await pool.query<{
    id: string;
    name: string;
    network: NetworkId;
    grant_id: string;
    expires_at: number | null;
    invalid_since: number | null;
  }>(
    `select p.id, p.name, p.network, p.grant_id, g.expires_at, g.invalid_since from profiles p join grants g on g.id = p.grant_id
     where p.deleted_at is null and (g.invalid_since is not null or g.expires_at is not null)`,
  );
  const grants = new Map<string, PlannerGrant>(rows.map((r) => [r.grant_id, { expiresAt: r.expires_at, invalidSince: r.invalid_since }]));
  const recorded = new Set((await pool.query<{ key: string }>('select key from org_reminders')).rows.map((r) => r.key));
  const due = planReminders({
    profiles: rows.map((r) => ({ id: r.id, grantId: r.grant_id })),
    grants,
    prefs: { thresholds: config.reminderThresholds, mode: 'all', profiles: {} },
    recorded,
    now,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  let added = 0;
  for (const d of due) {
    const p = byId.get(d.profileId)!;
    const message = {
      key: d.key,
      profileId: p.id,
      profileName: p.name,
      network: p.network,
      threshold: d.threshold,
      invalid: p.invalid_since !== null,
      expiresAt: p.expires_at,
    };
    const inserted = await pool.query(
      `insert into org_reminders (key, profile_id, created_at, slack_body, webhook_body, next_attempt_at) values ($1, $2, $3, $4, $5, $3)
       on conflict (key) do nothing`,
      [d.key, p.id, now, config.slackUrl ? slackBody(message) : null, config.webhookUrl ? webhookBody(message) : null],
    );
    added += inserted.rowCount ?? 0;
    // Less severe thresholds crossed at once (after downtime) are recorded as done: no burst.
    for (const key of d.superseded) {
      await pool.query(
        `insert into org_reminders (key, profile_id, created_at, slack_sent_at, webhook_sent_at, next_attempt_at) values ($1, $2, $3, $3, $3, $3) on conflict (key) do nothing`,
        [key, p.id, now],
      );
    }
  }
  return added;
}

/** Sends what is pending and due; each row is taken by one process at a time (its next attempt moved first). */
export async function deliverOrgReminders(pool: pg.Pool, config: HubConfig, now: number, fetchImpl: Fetch = fetch): Promise<number> {
  // One process delivers at a time (the others leave it to that one): the rows' claims alone let a
  // second process send a message twice under load.
  const lock = await pool.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [DELIVERY_LOCK]);
    if (!rows[0]?.locked) return 0;
    try {
      return await deliverDue(pool, config, now, fetchImpl);
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [DELIVERY_LOCK]);
    }
  } finally {
    lock.release();
  }
}

const DELIVERY_LOCK = 702_003;

async function deliverDue(pool: pg.Pool, config: HubConfig, now: number, fetchImpl: Fetch): Promise<number> {
  const { rows } = await pool.query<{
    key: string;
    slack_body: string | null;
    webhook_body: string | null;
    slack_sent_at: number | null;
    webhook_sent_at: number | null;
    attempts: number;
  }>(
    `update org_reminders set next_attempt_at = $2 + 120000 where key in (
       select key from org_reminders where (slack_sent_at is null or webhook_sent_at is null) and next_attempt_at <= $2
       order by created_at limit $1 for update skip locked)
       -- Checked again on the row as locked: another process may have taken and updated it meanwhile.
       and (slack_sent_at is null or webhook_sent_at is null) and next_attempt_at <= $2
     returning key, slack_body, webhook_body, slack_sent_at, webhook_sent_at, attempts`,
    [100, now],
  );
  let sent = 0;
  for (const r of rows) {
    const slack = r.slack_sent_at === null && r.slack_body && config.slackUrl ? await post(fetchImpl, config.slackUrl, r.slack_body) : null;
    const hook =
      r.webhook_sent_at === null && r.webhook_body && config.webhookUrl ? await post(fetchImpl, config.webhookUrl, r.webhook_body) : null;
    const slackDone = r.slack_sent_at !== null || !r.slack_body || !config.slackUrl || slack === null;
    const hookDone = r.webhook_sent_at !== null || !r.webhook_body || !config.webhookUrl || hook === null;
    const error = slack ?? hook;
    await pool.query(
      `update org_reminders set slack_sent_at = coalesce(slack_sent_at, $2), webhook_sent_at = coalesce(webhook_sent_at, $3),
         attempts = attempts + $4, next_attempt_at = $5, last_error = $6 where key = $1`,
      [
        r.key,
        slackDone ? now : null,
        hookDone ? now : null,
        error ? 1 : 0,
        now + (RETRY_MS[Math.min(r.attempts, RETRY_MS.length - 1)] ?? 0),
        error,
      ],
    );
    if (!error) sent++;
  }
  return sent;
}

/** null when delivered, else why not. Never follows a redirect (the URL is a credential). */
async function post(fetchImpl: Fetch, url: string, body: string): Promise<string | null> {
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'error',
      credentials: 'omit',
      signal: AbortSignal.timeout(15_000),
    });
    return res.ok ? null : `HTTP ${res.status}`;
  } catch {
    return 'unreachable';
  }
}
