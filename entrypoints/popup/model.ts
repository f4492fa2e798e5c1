import { computed, signal } from '@preact/signals';
import { bannerOf, createListModel, type ListDeps } from '@/utils/db/list-model';
import { liveSignal } from '@/utils/db/live';
import type { InboxRecord } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings-store';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { supportedNetworks } from '@/utils/networks/index';
import { DEFAULT_SETTINGS, networkConfig } from '@/utils/settings';

export interface PopupDeps extends ListDeps {
  requestHosts: (origins: string[]) => Promise<boolean>;
  openOptions: () => void;
}

/** The popup's state and actions, built from its dependencies so tests can build it with fakes. */
export function createPopupModel(deps: PopupDeps) {
  const list = createListModel(deps);
  const settings = liveSignal(async () => (await loadSettings(deps.db)).settings, DEFAULT_SETTINGS);
  const inbox = liveSignal<InboxRecord[]>(() => deps.db.inbox.orderBy('createdAt').reverse().limit(50).toArray(), []);
  const unread = computed(() => inbox.value.value.filter((e) => e.read === 0).length);
  const highlighted = signal<string | null>(null);
  const connecting = signal(false);
  const checking = signal(false);

  return {
    ...list,
    inbox: inbox.value,
    unread,
    highlighted,
    connecting,
    checking,
    networks: supportedNetworks(),
    openOptions: deps.openOptions,

    /** An inbox entry opens its profile: the row is highlighted and scrolled to. */
    async openEntry(entry: InboxRecord) {
      highlighted.value = entry.profileId;
      if (entry.read === 0 && entry.id !== undefined) await deps.command('markInboxRead', { ids: [entry.id] }).catch(list.fail);
    },

    async markAllRead() {
      await deps.command('markInboxRead', {}).catch(list.fail);
    },

    async connect(network: NetworkId) {
      // Host access is asked for on this click (a user gesture), before any other await.
      const origins = networkConfig(settings.value.value, network).baseUrl ? [] : [...NETWORKS[network].hosts];
      if (origins.length > 0 && !(await deps.requestHosts(origins).catch(() => false))) {
        list.banner.value = {
          tone: 'bad',
          text: `Token Warden needs access to ${NETWORKS[network].name} to check its tokens. Nothing was changed.`,
        };
        return;
      }
      connecting.value = true;
      try {
        list.banner.value = bannerOf(await deps.command('connect', { network }));
      } catch (error) {
        list.fail(error);
      } finally {
        connecting.value = false;
      }
    },

    async checkNow() {
      checking.value = true;
      try {
        const { checked } = await deps.command('pollNow', {});
        list.banner.value = { tone: 'neutral', text: `Checked ${checked} login${checked === 1 ? '' : 's'}` };
      } catch (error) {
        list.fail(error);
      } finally {
        checking.value = false;
      }
    },

    dispose() {
      list.dispose();
      settings.dispose();
      inbox.dispose();
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
