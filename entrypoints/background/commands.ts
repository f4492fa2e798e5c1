import { t } from '@/utils/i18n/index';
import { renewableAtRisk } from '@/utils/db/at-risk';
import { loadSettings, storeSettings } from '@/utils/db/settings-store';
import { COMMANDS, envelope, type CommandHandlers, type Reply, type SaveResult } from '@/utils/messages';
import { tokenUrlChanges } from '@/utils/token-urls';
import { keepAbsentWebhooks, parseSettingsFile, type Settings } from '@/utils/settings';
import { markInboxRead, sendTest, snoozeProfile } from './channel-actions';
import { connectNetwork } from './connect';
import { hostAccess, testNetwork } from './network-setup';
import { enrollInHub, leaveHub, sharePreferences } from './hub-enroll';
import { disconnectThroughHub } from './hub-login';
import type { Deps } from './deps';
import { deliverOutbox } from './outbox';
import { pollGrants } from './poll';
import { isQuotaError } from '@/utils/storage-problem';
import { renewProfile } from './renew';
import { stateChanged } from './state-changed';
import { gateUrlChanges } from './url-gate';
import { forgetLockedTokens, lockNow, turnLockOff, turnLockOn, unlock } from './vault-lock';
import { vaultMode } from '@/utils/db/vault';
import { cancelRenewAll, disconnectProfile, renewAll } from './renew-all';

/** Who may command the background: this extension's own pages, nobody else. */
export interface Sender {
  id?: string;
  url?: string;
}

export interface SelfIdentity {
  id: string;
  origin: string;
}

export function isOwnPage(sender: Sender, self: SelfIdentity): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && originOf(sender.url) === self.origin;
}

/** The exact origin (a prefix test would let `chrome-extension://<id>-evil` pass); spelt out, as
 * `URL.origin` is "null" for a scheme the URL parser does not know (outside the browser). */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

const HANDLERS: CommandHandlers<Deps> = {
  connect: (deps, p) => connectNetwork(deps, p.network),
  renew: (deps, p) => renewProfile(deps, p.profileId),
  pollNow: async (deps) => {
    // The poll ends with the state-changed step: what it found due is delivered now.
    return { checked: await pollGrants(deps, { force: true, fresh: true }) };
  },
  saveSettings: (deps, p) => applySettings(deps, p.settings, p.confirmed),
  importSettings: async (deps, p) => {
    const parsed = parseSettingsFile(p.text);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const { settings: current } = await loadSettings(deps.db);
    return applySettings(deps, keepAbsentWebhooks(p.text, parsed.value, current), p.confirmed);
  },
  snooze: (deps, p) => snoozeProfile(deps, p.profileId),
  markInboxRead: (deps, p) => markInboxRead(deps, p.ids),
  sendTest: (deps, p) => sendTest(deps, p.channel, p.url),
  renewAll: (deps, p) => renewAll(deps, p.network),
  cancelRenewAll: (deps, p) => cancelRenewAll(deps, p.network),
  hubEnroll: (deps, p) => enrollInHub(deps, p.url, p.code, deviceName(), p.confirmed),
  hubLeave: (deps) => leaveHub(deps),
  hostAccess: (deps) => hostAccess(deps),
  testNetwork: async (deps, p) => ({ checks: await testNetwork(deps, p.network) }),
  vaultState: async (deps) => ({ mode: await vaultMode(deps.db) }),
  lockOn: (deps, p) => turnLockOn(deps, p.passphrase),
  unlock: (deps, p) => unlock(deps, p.passphrase),
  lockNow: () => lockNow(),
  lockOff: (deps) => turnLockOff(deps),
  lockReset: (deps) => forgetLockedTokens(deps),
  disconnect: async (deps, p) => {
    const profile = await deps.db.profiles.get(p.profileId);
    const hubGrant = profile && (await deps.db.grants.get(profile.grantId))?.hub;
    const r = hubGrant ? await disconnectThroughHub(deps, p.profileId) : await disconnectProfile(deps, p.profileId);
    await stateChanged(deps);
    return r;
  },
};

/** How the hub lists this browser among a member's devices. */
function deviceName(): string {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : 'Chrome';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : 'another system';
  return `${browser} on ${os}`;
}

/**
 * Preferences apply at once (the alarms and the reminders follow the new
 * document), except a change of a URL that receives tokens: that waits for the
 * person's confirmation and the browser's grant of its host (`gateUrlChanges`).
 */
async function applySettings(deps: Deps, settings: Settings, confirmed: string[] = []): Promise<SaveResult> {
  const { settings: current } = await loadSettings(deps.db);
  const refused = await gateUrlChanges(deps, tokenUrlChanges(current, settings), confirmed);
  if (refused) return refused;
  await storeSettings(deps.db, settings);
  await sharePreferences(deps, settings);
  await deps.ensurePollAlarm(settings.polling.intervalMinutes);
  await stateChanged(deps);
  return { ok: true };
}

/**
 * The one door into the background: checks the sender, parses the envelope
 * and the payload with zod, runs the command. Never throws; a bad message is
 * an error reply and changes nothing.
 */
export async function handleMessage(deps: Deps, message: unknown, sender: Sender, self: SelfIdentity): Promise<Reply> {
  if (!isOwnPage(sender, self)) return { ok: false, error: 'Refused: not sent by a Token Warden page' };
  const env = envelope.safeParse(message);
  if (!env.success) return { ok: false, error: 'Refused: not a Token Warden command' };
  const spec = COMMANDS[env.data.command];
  const payload = spec.payload.safeParse(env.data.payload);
  if (!payload.success) return { ok: false, error: `Refused: invalid ${env.data.command} request` };
  try {
    // Parsed by the command's own schema just above: the payload is that command's.
    const handler = HANDLERS[env.data.command] as (deps: Deps, payload: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(deps, payload.data) };
  } catch (error) {
    if (isQuotaError(error)) {
      await deps.storageProblem({ at: deps.now(), error: 'QuotaExceededError' }).catch(() => undefined);
      return { ok: false, error: t('storage.full') };
    }
    // The message only: a cause could echo a request that held a token.
    return { ok: false, error: error instanceof Error ? error.message : 'Unexpected error' };
  }
}

/** On every worker start: alarms exist, overdue reminders and deliveries go out. */
export async function onWorkerStart(deps: Deps): Promise<void> {
  const { settings } = await loadSettings(deps.db);
  await deps.ensurePollAlarm(settings.polling.intervalMinutes);
  await stateChanged(deps);
  await deliverOutbox(deps);
}

/**
 * Browser start (SPEC §5 startup warning): when enabled, a small window lists
 * the at-risk profiles this person can renew, only when there is one.
 */
export async function onBrowserStartup(deps: Deps): Promise<void> {
  const { settings } = await loadSettings(deps.db);
  if (!settings.channels.startupWarning) return;
  if ((await renewableAtRisk(deps.db, deps.now())).length > 0) await deps.openStartupWindow();
}
