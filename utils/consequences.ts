import { NETWORKS, type NetworkId } from './networks/catalog';
import { DAY } from './time';

/** YouTube deletes a channel's data this long after its token expired (SPEC §7). */
const YOUTUBE_DELETION_DAYS = 7;

export interface ConsequenceFacts {
  pausedSince: number;
  /** Days left before data from the gap can no longer be recovered; null when the network sets no limit. */
  historyDaysLeft: number | null;
  /** YouTube only: days before the data is deleted (0 = today). */
  deletionInDays: number | null;
}

/** What an expired token costs, per SPEC §7. */
export function consequencesOf(network: NetworkId, expiredSince: number, now: number, historyLimitDays?: number): ConsequenceFacts {
  const since = Math.max(0, now - expiredSince);
  const limit = historyLimitDays ?? NETWORKS[network].historyLimitDays;
  const left = (days: number) => Math.max(0, Math.ceil((days * DAY - since) / DAY));
  return {
    pausedSince: expiredSince,
    historyDaysLeft: limit === null ? null : left(limit),
    deletionInDays: network === 'youtube' ? left(YOUTUBE_DELETION_DAYS) : null,
  };
}
