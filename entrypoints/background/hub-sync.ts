import { applyHubSync, recordHubProblem } from '@/utils/db/hub-writes';
import { syncAnswerParser } from '@/utils/hub-protocol';
import type { ProfileRow } from '@/utils/db/profile-rows';
import type { Deps } from './deps';
import { callOwnHub, hubRecord } from './hub-client';

/** How many grants a sync brought (or, fresh, the hub says it checked); every profile with its grant as committed, when it wrote any (else null). */
export interface Synced {
  grants: number;
  rows: ProfileRow[] | null;
}

const NOTHING: Synced = { grants: 0, rows: null };

/**
 * Hub mode's poll: one request for what changed since the last cursor, whatever the number of
 * profiles; the badge, reminders and pages follow from IndexedDB as in personal mode. Offline
 * or hub down: the problem is recorded for the pages and nothing else changes. An answer that
 * another sync overtook is dropped and asked again from the newer cursor (a renewal's sync must
 * land even when a poll's older one committed first).
 */
export async function syncFromHub(deps: Deps, fresh?: boolean, tries = 3): Promise<Synced> {
  const hub = await hubRecord(deps);
  if (!hub) return NOTHING;
  // Fresh ("Check now"): the hub first checks what this member sees, then answers.
  const answer = await callOwnHub(deps, `/v1/sync?since=${hub.cursor}${fresh ? '&fresh=1' : ''}`, syncAnswerParser);
  if (!answer) return NOTHING;
  if (!answer.ok) {
    await recordHubProblem(deps.db, answer.reason);
    return NOTHING;
  }
  const rows = await applyHubSync(deps.db, answer.value, deps.now(), hub.cursor);
  const grants = answer.value.checked ?? answer.value.grants.length;
  if (rows === false) return tries > 1 ? { ...(await syncFromHub(deps, false, tries - 1)), grants } : NOTHING;
  return { grants, rows };
}
