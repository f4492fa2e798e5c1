import { enterHubMode, leaveHubMode, recordHubProblem } from '@/utils/db/hub-writes';
import type { Settings } from '@/utils/settings';
import { enrollAnswer, okAnswer } from '@/utils/hub-protocol';
import type { SaveResult } from '@/utils/messages';
import { urlChanges, urlProblem } from '@/utils/url-policy';
import type { Deps } from './deps';
import { callHub, callOwnHub, hubRecord } from './hub-client';
import { syncFromHub } from './hub-sync';
import { gateUrlChanges } from './url-gate';
import { stateChanged } from './state-changed';

/**
 * Options → Organisation hub: the hub URL (https, or http on loopback; shown to the person and
 * granted by the browser before anything is sent to it) and a one-time code, traded for this
 * device's key; then the first sync.
 */
export async function enrollInHub(
  deps: Deps,
  url: string,
  code: string,
  deviceName: string,
  confirmed: string[] = [],
): Promise<SaveResult> {
  const problem = urlProblem(url);
  if (problem || !url) return { ok: false, message: `Hub URL: ${problem ?? 'required'}` };
  const current = await hubRecord(deps);
  const refused = await gateUrlChanges(
    deps,
    urlChanges([{ field: 'hub', label: 'Organisation hub', from: current?.url ?? '', to: url }]),
    confirmed,
  );
  if (refused) return refused;
  const answer = await callHub(deps, url, '/v1/enroll', enrollAnswer, { body: { code: code.trim(), deviceName } });
  if (!answer.ok) return { ok: false, message: answer.reason };
  const { member, deviceId, deviceKey } = answer.value;
  await enterHubMode(
    deps.db,
    {
      id: 'hub',
      url: url.replace(/\/$/, ''),
      memberEmail: member.email,
      role: member.role,
      deviceId,
      enrolledAt: deps.now(),
      cursor: 0,
      lastSyncAt: null,
      lastError: null,
    },
    deviceKey,
  );
  const { rows } = await syncFromHub(deps);
  await stateChanged(deps, rows);
  return { ok: true };
}

export async function leaveHub(deps: Deps): Promise<{ ok: true }> {
  await leaveHubMode(deps.db);
  await stateChanged(deps);
  return { ok: true };
}

/** Hub mode: the member's reminder preferences go to the hub, so their other devices follow. */
export async function sharePreferences(deps: Deps, settings: Settings): Promise<void> {
  const { reminders, channels } = settings;
  const answer = await callOwnHub(deps, '/v1/preferences', okAnswer, {
    reminders,
    notifications: channels.notifications,
    startupWarning: channels.startupWarning,
  });
  if (answer && !answer.ok) await recordHubProblem(deps.db, answer.reason);
}
