import { t } from '@/utils/i18n/index';
import { to } from '@/utils/i18n/options-texts';
import type { ChannelId } from '@/utils/reminders/channels';
import { CHANNEL_LIST, channelUrl } from '@/utils/reminders/channels';
import { tp } from '@/utils/i18n/page-texts';
import { signal } from '@preact/signals';
import { liveSignal } from '@/utils/pages/live';
import type { ProfileChoice } from '@/components/ReminderSettings';
import type { PageStore } from '@/utils/pages/page-store';
import type { HubRecord, OutboxRecord } from '@/utils/db/schema';
import { SETTINGS_ID, settingsFromRecord, type LoadedSettings } from '@/utils/db/settings-store';
import type { CommandClient, SaveResult } from '@/utils/messages';
import { createUrlConfirmation } from '@/utils/url-confirmation';
import { serializeSettings, type Settings } from '@/utils/settings';

export interface OptionsDeps {
  store: PageStore;
  command: CommandClient;
  requestHosts: (origins: string[]) => Promise<boolean>;
  download: (fileName: string, text: string) => void;
}

/** Asks the browser for the fixed host of each channel whose URL is on it (Slack's), on the Save click. */
async function hostsForChannels(settings: Settings, requestHosts: OptionsDeps['requestHosts']): Promise<boolean> {
  const needed = CHANNEL_LIST.flatMap((c) =>
    c.hostPermission && channelUrl(settings.channels, c.id).startsWith(c.hostPermission.replace(/\*$/, '')) ? [c.hostPermission] : [],
  );
  return needed.length === 0 || (await requestHosts(needed).catch(() => false));
}

export function createOptionsModel(deps: OptionsDeps) {
  const { store } = deps;
  const loaded = liveSignal<LoadedSettings | null>(
    store,
    ['settings'],
    async () => settingsFromRecord(await store.get('settings', SETTINGS_ID)),
    null,
  );
  const profiles = liveSignal<ProfileChoice[]>(
    store,
    ['profiles'],
    async () =>
      (await store.all('profiles'))
        .map((p) => ({ id: p.id, name: p.name, network: p.network }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [],
  );
  const deliveryProblems = liveSignal<OutboxRecord[]>(
    store,
    ['outbox'],
    async () => (await store.all('outbox')).filter((r) => r.status === 'failed' || (r.status === 'pending' && r.attempts > 0)),
    [],
  );
  const hub = liveSignal<HubRecord | null>(store, ['hub'], async () => (await store.get('hub', 'hub')) ?? null, null);
  const message = signal<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  const report = (r: { ok: true } | { ok: false; message: string }, okText: string) => {
    message.value = r.ok ? { tone: 'ok', text: okText } : { tone: 'bad', text: r.message };
  };
  // Token-receiving URLs change only after the person confirms the hosts shown (and the browser grants them).
  const urls = createUrlConfirmation(deps.requestHosts);
  let confirmedText = '';
  const submit = async (send: (confirmed?: string[]) => Promise<SaveResult>, okText: string) => {
    const r = await urls.submit(send);
    confirmedText = okText;
    if (r) report(r, okText);
    else message.value = null;
  };
  const fail = (error: unknown) => {
    message.value = { tone: 'bad', text: error instanceof Error ? error.message : to('opt.wrong') };
  };

  return {
    loaded,
    profiles: profiles.value,
    deliveryProblems: deliveryProblems.value,
    message,
    async sendTest(channel: ChannelId, url: string) {
      try {
        report(await deps.command('sendTest', { channel, url }), to('opt.testDelivered'));
      } catch (error) {
        fail(error);
      }
    },
    async save(settings: Settings) {
      // Asked on the Save click (a user gesture), before any other await.
      if (!(await hostsForChannels(settings, deps.requestHosts))) {
        message.value = { tone: 'bad', text: to('opt.slackNeedsHost') };
        return;
      }
      try {
        await submit((confirmed) => deps.command('saveSettings', { settings, confirmed }), to('opt.saved'));
      } catch (error) {
        fail(error);
      }
    },
    async importText(text: string) {
      try {
        await submit((confirmed) => deps.command('importSettings', { text, confirmed }), to('opt.imported'));
      } catch (error) {
        fail(error);
      }
    },
    hub: hub.value,
    async enrollHub(url: string, code: string) {
      try {
        await submit((confirmed) => deps.command('hubEnroll', { url: url.trim(), code, confirmed }), to('hub.enrolled'));
      } catch (error) {
        fail(error);
      }
    },
    async leaveHub() {
      try {
        await deps.command('hubLeave', {});
        message.value = { tone: 'ok', text: to('hub.left') };
      } catch (error) {
        fail(error);
      }
    },
    pendingUrls: urls.pending,
    /** The command door, for self-contained sections (Lock). */
    command: deps.command,
    async confirmUrls() {
      try {
        const r = await urls.confirm();
        if (r && 'notGranted' in r) message.value = { tone: 'bad', text: t('url.notGranted', { hosts: r.notGranted.join(', ') }) };
        else if (r) report(r, confirmedText);
      } catch (error) {
        fail(error);
      }
    },
    cancelUrls() {
      urls.cancel();
      message.value = { tone: 'ok', text: tp('url.cancelled') };
    },
    exportFile(includeWebhooks = false) {
      const current = loaded.value.value;
      if (current) deps.download('token-warden-settings.json', serializeSettings(current.settings, { includeWebhooks }));
    },
  };
}
export type OptionsModel = ReturnType<typeof createOptionsModel>;
