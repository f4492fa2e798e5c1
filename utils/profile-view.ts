import type { ProfileWithGrant as ProfileRow } from './domain';
import { profileStatus } from './at-risk';
import { consequencesOf, type ConsequenceFacts } from './consequences';
import { formatDateTime, type RenewalPolicy } from './format';
import { t } from './i18n/index';
import { statusLabel } from './format';
import { NETWORKS, type NetworkId } from './networks/catalog';
import { describeOutcome, type FlowOutcome } from './outcomes';
import { killedEarly } from './sign-in-cause';
import type { TokenStatus } from './status';
import { compareRows } from './row-order';

/** Everything a list row shows, computed once from a profile and its grant (pure). */
export interface ProfileRowView {
  id: string;
  name: string;
  handle?: string;
  network: NetworkId;
  networkName: string;
  status: TokenStatus;
  statusText: string;
  expiresAt: number | null;
  /** The date is the renewal policy's, not an expiry the network reported (Google's refresh tokens). */
  renewByPolicy: boolean;
  expiredSince: number | null;
  lastCheckText: string;
  lastCheckFailed: boolean;
  lastError: string | null;
  renewing: boolean;
  outcome: FlowOutcome | null;
  outcomeText: string | null;
  /** While expired (SPEC §7). */
  consequences: ConsequenceFacts | null;
}

/** Per network, days of history recoverable after a gap (options override the catalog). */
export type HistoryLimits = Partial<Record<NetworkId, number>>;

function toRowView({ profile, grant }: ProfileRow, now: number, limits: HistoryLimits = {}): ProfileRowView {
  const view = profileStatus(grant, now);
  const outcome = grant?.renewal?.state === 'done' ? (grant.renewal.outcome ?? null) : null;
  // Texts are formatted when first read: a list of 10,000 rows shows a dozen of them.
  let statusText: string | undefined;
  let lastCheckText: string | undefined;
  let outcomeText: string | null | undefined;
  return {
    id: profile.id,
    name: profile.name,
    handle: profile.handle,
    network: profile.network,
    networkName: NETWORKS[profile.network].name,
    status: view.status,
    get statusText() {
      return (statusText ??= statusLabel(view, grant?.expiresAt ?? null, now, grant ? killedEarly(grant) : null, policyOf(grant)));
    },
    expiresAt: grant?.expiresAt ?? null,
    renewByPolicy: grant?.expirySource === 'policy',
    expiredSince: view.expiredSince,
    get lastCheckText() {
      return (lastCheckText ??= grant?.lastCheckAt ? t('row.checked', { date: formatDateTime(grant.lastCheckAt) }) : t('row.notChecked'));
    },
    lastCheckFailed: grant?.lastCheckResult === 'unknown',
    lastError: grant?.lastError ?? null,
    renewing: grant?.renewal?.state === 'running',
    outcome,
    get outcomeText() {
      return outcomeText === undefined ? (outcomeText = outcome ? describeOutcome(outcome) : null) : outcomeText;
    },
    consequences: view.expiredSince === null ? null : consequencesOf(profile.network, view.expiredSince, now, limits[profile.network]),
  };
}

/** The renewal policy behind a grant's date, when the network gave none. */
function policyOf(grant: ProfileRow['grant']): RenewalPolicy | null {
  const every = grant && NETWORKS[grant.network].defaultLifetimeDays;
  return grant?.expirySource === 'policy' && every ? { network: NETWORKS[grant.network].name, everyDays: every } : null;
}

/** Offline: every checked login's last check failed to reach its network (nothing definitive was learned). */
export function looksOffline(rows: ProfileRow[]): boolean {
  const checked = rows.map((r) => r.grant).filter((g) => g?.lastCheckAt);
  return checked.length > 0 && checked.every((g) => g!.lastCheckResult === 'unknown' && g!.lastError === 'Network unreachable');
}

/** Rows in the urgency order. */
export function sortedRowViews(rows: ProfileRow[], now: number, limits: HistoryLimits = {}): ProfileRowView[] {
  return rows.map((r) => toRowView(r, now, limits)).sort(compareRows);
}
