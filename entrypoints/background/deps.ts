import { WardenDb } from '@/utils/db/schema';
import type { BadgeState } from '@/utils/badge';
import type { Fetch } from '@/utils/networks/types';
import type { ReminderMessage } from '@/utils/reminders/messages';
import type { StorageProblem } from '@/utils/storage-problem';
import type { AuthFlow } from './identity';

/** Everything the background's logic touches, passed in so tests swap any of it. */
export interface Deps {
  db: WardenDb;
  fetch: Fetch;
  now: () => number;
  authFlow: AuthFlow;
  redirectUrl: () => string;
  setBadge: (state: BadgeState) => Promise<void>;
  /** A one-shot alarm by name at an instant (null clears it). */
  scheduleAlarm: (name: string, at: number | null) => Promise<void>;
  ensurePollAlarm: (periodInMinutes: number) => Promise<void>;
  /** Browser notifications for reminders just recorded. */
  notify: (messages: ReminderMessage[]) => Promise<void>;
  openAtRisk: (profileId: string | null) => Promise<void>;
  openStartupWindow: () => Promise<void>;
  /** Has the browser granted these host permission patterns (asked for by a page, naming each host)? */
  hasHosts: (origins: string[]) => Promise<boolean>;
  /** Writes refused for lack of space (recorded for the pages, said once), or null once a write succeeds again. */
  storageProblem: (problem: StorageProblem | null) => Promise<void>;
}

let shared: WardenDb | undefined;

/** One Dexie instance per worker (opening is lazy; holds no token state). */
export function sharedDb(): WardenDb {
  shared ??= new WardenDb();
  return shared;
}
