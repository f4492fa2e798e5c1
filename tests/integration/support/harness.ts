import type { BadgeState } from '@/utils/badge';
import type { ReminderMessage } from '@/utils/reminders/messages';
import type { StorageProblem } from '@/utils/storage-problem';
import { WardenDb } from '@/utils/db/schema';
import { storeSettings } from '@/utils/db/settings-store';
import { settingsSchema } from '@/utils/settings';
import type { Deps } from '@/entrypoints/background/deps';
import type { AuthFlow } from '@/entrypoints/background/identity';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { sandboxSettings } from '../../sandbox/settings-for';

export const REDIRECT = 'https://omfcflfnflfbndddpemfkaghdhgfanel.chromiumapp.org/';

/**
 * The OAuth window without a browser: follows the authorize URL on the real
 * sandbox and returns where it redirects, as launchWebAuthFlow would.
 */
export const followRedirect: AuthFlow = async (url) => {
  const res = await fetch(url, { redirect: 'manual' }).catch(() => null);
  if (!res) return { ok: false, kind: 'unreachable', reason: 'Authorization page could not be loaded.' };
  const location = res.headers.get('location');
  return location ? { ok: true, redirectUrl: location } : { ok: false, kind: 'failed', reason: `authorize answered ${res.status}` };
};

export interface Harness {
  deps: Deps;
  sandbox: Sandbox;
  badges: BadgeState[];
  authCalls: string[];
  alarms: Map<string, number | null>;
  notifications: ReminderMessage[];
  /** Tabs and windows opened: a profile id, 'list' or 'startup'. */
  opened: string[];
  /** What the background recorded about refused writes (null = cleared). */
  storageProblems: (StorageProblem | null)[];
  setNow(t: number): void;
  control(action: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

let dbSeq = 0;

/** Background logic over fake-indexeddb, talking to a real sandbox over HTTP. */
export async function harness(options: { authFlow?: AuthFlow } = {}): Promise<Harness> {
  const sandbox = await startSandbox();
  const db = new WardenDb(`test-${++dbSeq}`);
  await storeSettings(db, settingsSchema.parse(sandboxSettings(sandbox.url)));
  let now = Date.now();
  const badges: BadgeState[] = [];
  const authCalls: string[] = [];
  const alarms = new Map<string, number | null>();
  const notifications: ReminderMessage[] = [];
  const opened: string[] = [];
  const storageProblems: (StorageProblem | null)[] = [];
  const flow = options.authFlow ?? followRedirect;
  const deps: Deps = {
    db,
    fetch: (input, init) => fetch(input, init),
    now: () => now,
    authFlow: (url, interactive) => {
      authCalls.push(url);
      return flow(url, interactive);
    },
    redirectUrl: () => REDIRECT,
    setBadge: (s) => {
      badges.push(s);
      return Promise.resolve();
    },
    scheduleAlarm: (name, at) => {
      alarms.set(name, at);
      return Promise.resolve();
    },
    ensurePollAlarm: () => Promise.resolve(),
    notify: (messages) => {
      notifications.push(...messages);
      return Promise.resolve();
    },
    openAtRisk: (profileId) => {
      opened.push(profileId ?? 'list');
      return Promise.resolve();
    },
    openStartupWindow: () => {
      opened.push('startup');
      return Promise.resolve();
    },
    hasHosts: () => Promise.resolve(true),
    storageProblem: (problem) => {
      storageProblems.push(problem);
      return Promise.resolve();
    },
  };
  return {
    deps,
    sandbox,
    badges,
    authCalls,
    alarms,
    notifications,
    opened,
    storageProblems,
    setNow: (t) => (now = t),
    control: async (action, body = {}) =>
      (await fetch(`${sandbox.url}/_control/${action}`, { method: 'POST', body: JSON.stringify(body) })).json(),
    async close() {
      db.close();
      await db.delete();
      await sandbox.close();
    },
  };
}
