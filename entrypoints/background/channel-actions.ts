import { DAY } from '@/utils/time';
import { markRead, snoozeUntil } from '@/utils/db/profile-writes';
import { CHANNELS, type ChannelId } from '@/utils/reminders/channels';
import type { Deps } from './deps';
import { postJson } from './outbox';
import { stateChanged } from './state-changed';

/** "Snooze 1 day": no reminder for this profile until then; the pending one comes after. */
export async function snoozeProfile(deps: Deps, profileId: string): Promise<{ until: number }> {
  const until = deps.now() + DAY;
  await snoozeUntil(deps.db, profileId, until, deps.now());
  await stateChanged(deps);
  return { until };
}

export async function markInboxRead(deps: Deps, ids: number[] | undefined): Promise<{ marked: number }> {
  return { marked: await markRead(deps.db, ids) };
}

/** "Send test": one message to the URL being set up, answered at once (not queued). */
export async function sendTest(deps: Deps, channel: ChannelId, url: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const error = await postJson(deps, url, CHANNELS[channel].testBody());
  return error === null ? { ok: true } : { ok: false, message: `The test message was not delivered: ${error}` };
}
