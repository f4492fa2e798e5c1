import { connectNetwork } from '@/entrypoints/background/connect';
import { inboxTitle } from '@/utils/reminders/messages';
import { onBrowserStartup, onWorkerStart } from '@/entrypoints/background/commands';
import { snoozeProfile } from '@/entrypoints/background/channel-actions';
import { deliverOutbox } from '@/entrypoints/background/outbox';
import { pollGrants } from '@/entrypoints/background/poll';
import { runReminders } from '@/entrypoints/background/reminders';
import { renewProfile } from '@/entrypoints/background/renew';
import { loadSettings, storeSettings } from '@/utils/db/settings-store';
import { DAY, HOUR, MINUTE } from '@/utils/time';
import { addOne } from '../sandbox/fixtures';
import { startWebhookSink, type WebhookSink } from '../sandbox/webhook-sink';
import { harness, type Harness } from './support/harness';

const DAY_SEC = 86_400;

describe('reminders through the background (fake-indexeddb, real sandbox, local webhook sink)', () => {
  let h: Harness;
  let sink: WebhookSink;
  beforeEach(async () => {
    h = await harness();
    sink = await startWebhookSink();
  });
  afterEach(async () => {
    await h.close();
    await sink.close();
  });

  const configure = async (change: (s: Awaited<ReturnType<typeof loadSettings>>['settings']) => void) => {
    const { settings } = await loadSettings(h.deps.db);
    change(settings);
    await storeSettings(h.deps.db, settings);
  };
  /** A Facebook page whose token expires in `days`. */
  const connectExpiringIn = async (days: number, id = '9001') => {
    const { profileId } = addOne(h.sandbox.state, 'facebook', `Page ${id}`, id, { tokenLifetimeSec: days * DAY_SEC });
    await connectNetwork(h.deps, 'facebook');
    return profileId;
  };

  it('a token expiring in 6 days gives exactly one "7 days" reminder, delivered by the connect itself: inbox, notification, Slack, history', async () => {
    await configure((s) => (s.channels.slackUrl = `${sink.url}/services/T0/B0/x`));
    const profileId = await connectExpiringIn(6);
    // Due at once: the connect's own state-changed step delivered it (not the next poll alarm).
    expect(await runReminders(h.deps)).toBe(0);
    expect(h.notifications.map((n) => [n.profileId, n.threshold])).toEqual([[profileId, 7]]);
    const inbox = await h.deps.db.inbox.toArray();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ profileId, read: 0 });
    // Stored as the reminder itself, put into words when shown (in the page's language).
    expect(inbox[0]!.title).toBeUndefined();
    expect(inboxTitle(inbox[0]!)).toBe('Page 9001 (Facebook) expires within 7 days');
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.body).toEqual({ text: expect.stringContaining('*Page 9001* (Facebook) expires within 7 days') });
    expect((await h.deps.db.history.toArray()).some((e) => e.kind === 'reminder')).toBe(true);
    // The next crossing (3 days) is scheduled.
    expect(h.alarms.get('reminder')).toBeGreaterThan(h.deps.now());
  });

  it('asleep across two thresholds, then the clock jumping back and forth: one reminder, the most severe, on every channel', async () => {
    await configure((s) => (s.channels.slackUrl = `${sink.url}/hook`));
    const profileId = await connectExpiringIn(10);
    const start = h.deps.now();
    expect(await runReminders(h.deps)).toBe(0); // 10 days left: no threshold crossed yet
    // The machine sleeps from 10 days left to half a day left: 7, 3 and 1 were all crossed.
    h.setNow(start + 9 * DAY + 12 * HOUR);
    expect(await runReminders(h.deps)).toBe(1);
    expect(h.notifications.map((n) => [n.profileId, n.threshold])).toEqual([[profileId, 1]]);
    // The clock is set back four days, then forward again, twice: nothing more.
    for (const t of [start + 5 * DAY, start + 9 * DAY + 13 * HOUR, start + 6 * DAY, start + 9 * DAY + 14 * HOUR]) {
      h.setNow(t);
      await runReminders(h.deps);
    }
    expect(h.notifications).toHaveLength(1);
    expect(await h.deps.db.inbox.count()).toBe(1);
    await deliverOutbox(h.deps);
    expect(sink.received).toHaveLength(1);
  });

  it('Check now delivers what it finds due, without waiting for the poll alarm', async () => {
    const profileId = await connectExpiringIn(10);
    expect(h.notifications).toHaveLength(0);
    h.setNow(h.deps.now() + 4 * DAY); // the 7-day threshold is crossed
    await pollGrants(h.deps, { force: true });
    expect(h.notifications.map((n) => [n.profileId, n.threshold])).toEqual([[profileId, 7]]);
  });

  it('a notification the browser refuses stops neither the connect nor the other channels', async () => {
    await configure((s) => (s.channels.slackUrl = `${sink.url}/hook`));
    h.deps.notify = () => Promise.reject(new Error('Property "buttons" is unsupported'));
    // Due at once: the connect's own reminder run meets the refusal, and must not fail with it.
    await connectExpiringIn(6);
    expect(await h.deps.db.profiles.count()).toBe(1);
    expect(await h.deps.db.inbox.count()).toBe(1);
    expect(sink.received).toHaveLength(1);
  });

  it('restarts of the worker send nothing new', async () => {
    await configure((s) => (s.channels.slackUrl = `${sink.url}/hook`));
    await connectExpiringIn(6);
    await runReminders(h.deps);
    for (let i = 0; i < 5; i += 1) await onWorkerStart(h.deps);
    await Promise.all([runReminders(h.deps), runReminders(h.deps), runReminders(h.deps)]);
    expect(h.notifications).toHaveLength(1);
    expect(await h.deps.db.inbox.count()).toBe(1);
    expect(sink.received).toHaveLength(1);
  });

  it('several due at once are grouped into one notification call; each still has its inbox entry', async () => {
    for (const id of ['1', '2', '3']) await connectExpiringIn(10, `90${id}`);
    expect(h.notifications).toHaveLength(0);
    h.setNow(h.deps.now() + 8 * DAY); // all three cross "3 days" together
    expect(await runReminders(h.deps)).toBe(3);
    expect(await h.deps.db.inbox.count()).toBe(3);
  });

  it('a muted profile ("set by profile") sends nothing on any channel', async () => {
    await configure((s) => {
      s.channels.slackUrl = `${sink.url}/hook`;
      s.reminders.mode = 'per-profile';
      s.reminders.profiles['facebook:9001'] = { muted: true };
    });
    const profileId = await connectExpiringIn(6); // due at once: the connect would deliver it
    expect(profileId).toBe('facebook:9001');
    expect(await runReminders(h.deps)).toBe(0);
    expect(h.notifications).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
    expect(await h.deps.db.inbox.count()).toBe(0);
  });

  it('a revoked token gets the "expired" reminder once; a renewal re-arms the thresholds', async () => {
    const { account, profileId } = addOne(h.sandbox.state, 'facebook', 'Café', '77', { tokenLifetimeSec: 50 * DAY_SEC });
    await connectNetwork(h.deps, 'facebook');
    h.sandbox.state.revokeAccount(account.id, 'password');
    await pollGrants(h.deps, { force: true });
    await runReminders(h.deps);
    await runReminders(h.deps);
    expect(h.notifications.map((n) => [n.threshold, n.invalid])).toEqual([[0, true]]);
    h.sandbox.state.accounts.get(account.id)!.tokenLifetimeSec = 5 * DAY_SEC;
    await renewProfile(h.deps, profileId);
    await runReminders(h.deps);
    expect(h.notifications.map((n) => n.threshold)).toEqual([0, 7]);
  });

  it('snooze: nothing for a day, then the pending reminder', async () => {
    const profileId = await connectExpiringIn(20);
    h.setNow(h.deps.now() + 13 * DAY + HOUR); // 7-day threshold crossed
    await snoozeProfile(h.deps, profileId);
    expect(h.notifications).toHaveLength(0);
    h.setNow(h.deps.now() + 12 * HOUR);
    await runReminders(h.deps);
    expect(h.notifications).toHaveLength(0);
    h.setNow(h.deps.now() + 13 * HOUR);
    await runReminders(h.deps);
    expect(h.notifications.map((n) => n.threshold)).toEqual([7]);
  });

  it('a failing webhook is retried with backoff and, in the end, shown as failed; never sent twice', async () => {
    await configure((s) => (s.channels.webhookUrl = `${sink.url}/ntfy`));
    sink.failNext(2);
    await connectExpiringIn(6); // delivers the due reminder at once: the first attempt fails
    let [row] = await h.deps.db.outbox.toArray();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'The network had an error (HTTP 500)' });
    expect(h.alarms.get('outbox')).toBe(row!.nextAttemptAt);
    await deliverOutbox(h.deps); // not due yet: nothing
    expect(sink.received).toHaveLength(0);
    h.setNow(h.deps.now() + MINUTE);
    await deliverOutbox(h.deps);
    h.setNow(h.deps.now() + 5 * MINUTE);
    await deliverOutbox(h.deps);
    [row] = await h.deps.db.outbox.toArray();
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.body).toMatchObject({ event: 'token-warden.reminder', status: 'expiring', threshold: 7 });

    sink.failNext(100);
    await configure((s) => (s.channels.webhookUrl = `${sink.url}/down`));
    await connectExpiringIn(2, '9002');
    await runReminders(h.deps);
    for (let i = 0; i < 8; i += 1) {
      h.setNow(h.deps.now() + 7 * HOUR);
      await deliverOutbox(h.deps);
    }
    const failed = await h.deps.db.outbox.where('status').equals('failed').toArray();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 6, lastError: 'The network had an error (HTTP 500)' });
  });

  it('a webhook URL is a credential: no outbox row holds it, delivery reads it from the settings', async () => {
    await configure((s) => {
      s.channels.webhookUrl = `${sink.url}/old-topic`;
      s.channels.slackUrl = `${sink.url}/services/T0/B0/secret`;
    });
    sink.failNext(2);
    await connectExpiringIn(6);
    const rows = await h.deps.db.outbox.toArray();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(sink.url);
    expect(rows.every((r) => !('url' in r))).toBe(true);
    // The URL changed while a message waited: it goes to the URL set now.
    await configure((s) => (s.channels.webhookUrl = `${sink.url}/new-topic`));
    h.setNow(h.deps.now() + MINUTE);
    await deliverOutbox(h.deps);
    expect(sink.received.map((r) => r.path).sort()).toEqual(['/new-topic', '/services/T0/B0/secret']);
  });

  it('a row written by an older version loses its URL at delivery; a channel switched off fails its rows', async () => {
    await configure((s) => (s.channels.webhookUrl = `${sink.url}/topic`));
    const base = { reminderKey: 'k', createdAt: 0, attempts: 0, nextAttemptAt: 0, status: 'pending' as const, lastError: null };
    await h.deps.db.outbox.bulkAdd([
      { ...base, channel: 'webhook', url: `${sink.url}/topic`, body: '{}' },
      { ...base, channel: 'slack', url: 'https://hooks.slack.com/services/T/B/old', body: '{}' },
    ]);
    await deliverOutbox(h.deps);
    const rows = await h.deps.db.outbox.toArray();
    expect(rows.map((r) => [r.channel, r.status, r.lastError, 'url' in r])).toEqual([
      ['webhook', 'sent', null, false],
      ['slack', 'failed', 'The channel has no URL any more', false],
    ]);
  });

  it('the startup window opens when enabled and something renewable is at risk, and not otherwise', async () => {
    await onBrowserStartup(h.deps);
    expect(h.opened).toEqual([]);
    await connectExpiringIn(3);
    await onBrowserStartup(h.deps);
    expect(h.opened).toEqual([]); // not enabled
    await configure((s) => (s.channels.startupWarning = true));
    await onBrowserStartup(h.deps);
    expect(h.opened).toEqual(['startup']);
  });
});
