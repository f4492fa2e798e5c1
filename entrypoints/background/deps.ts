import { WardenDb } from '@/utils/db/schema';
import type { BadgeState } from '@/utils/badge';
import type { Fetch } from '@/utils/networks/types';
import type { AuthFlow } from './identity';

/** Everything the background's logic touches, passed in so tests swap any of it. */
export interface Deps {
  db: WardenDb;
  fetch: Fetch;
  now: () => number;
  authFlow: AuthFlow;
  redirectUrl: () => string;
  setBadge: (state: BadgeState) => Promise<void>;
  scheduleStatusAlarm: (at: number | null) => Promise<void>;
  ensurePollAlarm: (periodInMinutes: number) => Promise<void>;
}

let shared: WardenDb | undefined;

/** One Dexie instance per worker (opening is lazy; holds no token state). */
export function sharedDb(): WardenDb {
  shared ??= new WardenDb();
  return shared;
}
