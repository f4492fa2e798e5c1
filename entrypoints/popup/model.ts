import { t, tn } from '@/utils/i18n/index';
import { isAtRisk } from '@/utils/at-risk';
import { tp } from '@/utils/i18n/page-texts';
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { toCsv, toIcs, toJson } from '@/utils/export';
import { bannerOf, createListModel, type ListDeps } from '@/utils/pages/list-model';
import { liveSignal, type LiveSignal } from '@/utils/pages/live';
import type { HistoryRecord, HubRecord, InboxRecord } from '@/utils/db/schema';
import { SETTINGS_ID, settingsFromRecord } from '@/utils/db/settings-store';
import { applyFilter, parseFilter, statusCounts, type ListFilter } from '@/utils/list-filter';
import { NETWORKS, NETWORK_IDS, type NetworkId } from '@/utils/networks/catalog';
import { DEFAULT_SETTINGS, networkConfig } from '@/utils/settings';
import type { StorageProblem } from '@/utils/storage-problem';

export interface PopupDeps extends ListDeps {
  requestHosts: (origins: string[]) => Promise<boolean>;
  openOptions: () => void;
  /** Options opened on one network's line of the setup checklist. */
  openSetup?: (network: NetworkId) => void;
  openInTab: () => void;
  download: (fileName: string, text: string, type: string) => void;
  /** Page storage for the filter choice (it is UI state, not token state). */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Set while the browser refuses the background's writes for lack of space. */
  storageProblem?: ReadonlySignal<StorageProblem | null>;
}

const FILTER_KEY = 'token-warden.filter';

/** The popup's state and actions, built from its dependencies so tests can build it with fakes. */
export function createPopupModel(deps: PopupDeps) {
  const { store } = deps;
  const settings = liveSignal(
    store,
    ['settings'],
    async () => settingsFromRecord(await store.get('settings', SETTINGS_ID)).settings,
    DEFAULT_SETTINGS,
  );
  const limits = computed(() => settings.value.value.historyLimits);
  const list = createListModel(deps, () => true, limits);
  const inbox = liveSignal(store, ['inbox'], () => store.newest('inbox', 'createdAt', 50), []);
  const jobs = liveSignal(store, ['jobs'], () => store.all('jobs'), []);
  const identities = liveSignal(store, ['identities'], () => store.all('identities'), []);
  /** The organisation hub this browser is enrolled in (who is signed in, and whether its last sync failed). */
  const hub = liveSignal<HubRecord | null>(store, ['hub'], async () => (await store.get('hub', 'hub')) ?? null, null);
  const unread = computed(() => inbox.value.value.filter((e) => e.read === 0).length);
  const filter = signal<ListFilter>(parseFilter(deps.storage.getItem(FILTER_KEY)));
  const visible = computed(() => (list.views.value ? applyFilter(list.views.value, filter.value) : null));
  const counts = computed(() => {
    const whole = list.headCounts.value;
    // Until every row is read, the head's counts (of the whole list) stand in when nothing narrows it.
    if (list.partial.value && whole && filter.value.network === 'all' && !filter.value.text) return whole;
    return statusCounts(list.views.value ?? [], filter.value);
  });
  const highlighted = signal<string | null>(null);
  const detailId = signal<string | null>(null);
  const managersId = signal<string | null>(null);
  /** The inbox is shown in place of the list (opened from the header's count). */
  const inboxOpen = signal(false);
  /** The open profile's timeline, read live while its detail is open. */
  const detailHistory = signal<LiveSignal<HistoryRecord[]> | null>(null);
  const history = computed(() => detailHistory.value?.value.value ?? []);
  const connecting = signal(false);
  const choosing = signal<{ id: string; name: string; alreadyTracked: boolean }[] | null>(null);
  const checking = signal(false);
  const run = async (task: () => Promise<void>) => task().catch(list.fail);

  const networkJob = computed(() =>
    filter.value.network === 'all' ? null : (jobs.value.value.find((j) => j.network === filter.value.network) ?? null),
  );
  const networkAtRisk = computed(
    () => (visible.value ?? []).filter((r) => r.network === filter.value.network && isAtRisk(r.status)).length,
  );

  return {
    ...list,
    hub: hub.value,
    visible,
    counts,
    filter,
    inbox: inbox.value,
    unread,
    highlighted,
    detailId,
    managersId,
    inboxOpen,
    history,
    identities: identities.value,
    networkJob,
    networkAtRisk,
    connecting,
    choosing,
    checking,
    storageFull: computed(() => deps.storageProblem?.value != null),

    /** The chooser's answer: the newly listed profiles left unticked stop being tracked. */
    async finishChoosing(untrack: string[]) {
      choosing.value = null;
      await run(async () => {
        for (const profileId of untrack) await deps.command('disconnect', { profileId });
      });
    },
    // Every network of the catalog has an adapter (the background's); pages do not load the adapters.
    networks: [...NETWORK_IDS],
    openOptions: deps.openOptions,
    openInTab: deps.openInTab,
    now: deps.now,

    setFilter(next: ListFilter) {
      filter.value = next;
      deps.storage.setItem(FILTER_KEY, JSON.stringify(next));
    },

    openDetail(profileId: string | null) {
      detailHistory.value?.dispose();
      detailId.value = profileId;
      detailHistory.value = profileId
        ? liveSignal(store, ['history'], () => store.between('history', '[profileId+at]', [profileId, 0], [profileId, Infinity]), [])
        : null;
    },

    /** An inbox entry opens its profile: the row is highlighted and scrolled to. */
    async openEntry(entry: InboxRecord) {
      inboxOpen.value = false;
      detailId.value = null;
      highlighted.value = entry.profileId;
      if (entry.read === 0 && entry.id !== undefined)
        await run(async () => void (await deps.command('markInboxRead', { ids: [entry.id!] })));
    },

    markAllRead: () => run(async () => void (await deps.command('markInboxRead', {}))),
    renewAll: (network: NetworkId) => run(async () => void (await deps.command('renewAll', { network }))),
    cancelRenewAll: (network: NetworkId) => run(async () => void (await deps.command('cancelRenewAll', { network }))),
    disconnect: (profileId: string) =>
      run(async () => {
        const { revoked } = await deps.command('disconnect', { profileId });
        detailId.value = null;
        // Said when the network could not be told: the person should remove the app there.
        const text =
          revoked === 'failed'
            ? tp('popup.disconnectedNotRevoked')
            : revoked === 'no-endpoint'
              ? tp('popup.disconnectedNoRevoke')
              : t('popup.disconnected');
        list.banner.value = { tone: revoked === 'failed' ? 'bad' : 'neutral', text };
      }),

    exportAs(kind: 'csv' | 'json' | 'ics') {
      const rows = visible.value ?? [];
      const now = deps.now();
      if (kind === 'csv') deps.download('token-warden-profiles.csv', toCsv(rows), 'text/csv');
      if (kind === 'json') deps.download('token-warden-profiles.json', toJson(rows, now), 'application/json');
      if (kind === 'ics') deps.download('token-warden-expiries.ics', toIcs(rows, now), 'text/calendar');
    },

    async connect(network: NetworkId) {
      // No client ID (and no hub to hold it): the setup checklist says what is missing, instead of a failure.
      if (!hub.value.value && !networkConfig(settings.value.value, network).clientId) {
        (deps.openSetup ?? deps.openOptions)(network);
        return;
      }
      // Host access is asked for on this click (a user gesture), before any other await.
      const origins = networkConfig(settings.value.value, network).baseUrl ? [] : [...NETWORKS[network].hosts];
      if (origins.length > 0 && !(await deps.requestHosts(origins).catch(() => false))) {
        list.banner.value = {
          tone: 'bad',
          text: t('popup.needsHosts', { network: NETWORKS[network].name }),
        };
        return;
      }
      connecting.value = true;
      try {
        const outcome = await deps.command('connect', { network });
        list.banner.value = bannerOf(outcome);
        if (outcome.kind === 'connected' && (outcome.listed?.length ?? 0) > 1) choosing.value = outcome.listed!;
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
        list.banner.value = { tone: 'neutral', text: tn('popup.checked', checked) };
      } catch (error) {
        list.fail(error);
      } finally {
        checking.value = false;
      }
    },

    /** The command door, for self-contained panels (Unlock). */
    command: deps.command,

    dispose() {
      list.dispose();
      settings.dispose();
      inbox.dispose();
      jobs.dispose();
      identities.dispose();
      detailHistory.value?.dispose();
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
