import { applyHubSync, recordHubProblem } from '@/utils/db/hub-writes';
import { syncAnswer } from '@/utils/hub-protocol';
import type { Deps } from './deps';
import { callOwnHub, hubRecord } from './hub-client';

/**
 * Hub mode's poll: one request for what changed since the last cursor, whatever the number of
 * profiles; the badge, reminders and pages follow from IndexedDB as in personal mode. Offline
 * or hub down: the problem is recorded for the pages and nothing else changes.
 */
export async function syncFromHub(deps: Deps): Promise<number> {
  const hub = await hubRecord(deps);
  if (!hub) return 0;
  const answer = await callOwnHub(deps, `/v1/sync?since=${hub.cursor}`, syncAnswer);
  if (!answer) return 0;
  if (!answer.ok) {
    await recordHubProblem(deps.db, answer.reason);
    return 0;
  }
  await applyHubSync(deps.db, answer.value, deps.now());
  return answer.value.grants.length;
}
