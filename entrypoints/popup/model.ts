import { computed, signal } from '@preact/signals';
import { liveSignal } from '@/utils/db/live';
import { readProfileRows, type ProfileRow } from '@/utils/db/profile-rows';
import type { WardenDb } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings-store';
import type { CommandClient } from '@/utils/messages';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { supportedNetworks } from '@/utils/networks/index';
import { describeOutcome, type FlowOutcome } from '@/utils/outcomes';
import { sortedRowViews } from '@/utils/profile-view';
import { DEFAULT_SETTINGS, networkConfig } from '@/utils/settings';

export interface PopupDeps {
  db: WardenDb;
  command: CommandClient;
  requestHosts: (origins: string[]) => Promise<boolean>;
  openOptions: () => void;
  now: () => number;
}

export interface BannerState {
  tone: 'ok' | 'bad' | 'neutral';
  text: string;
}

function bannerOf(outcome: FlowOutcome): BannerState {
  const tone = outcome.kind === 'renewed' || outcome.kind === 'connected' ? 'ok' : outcome.kind === 'cancelled' ? 'neutral' : 'bad';
  return { tone, text: describeOutcome(outcome) };
}

/** The popup's state and actions, built from its dependencies so tests can build it with fakes. */
export function createPopupModel(deps: PopupDeps) {
  const rows = liveSignal<ProfileRow[] | null>(() => readProfileRows(deps.db), null);
  const settings = liveSignal(async () => (await loadSettings(deps.db)).settings, DEFAULT_SETTINGS);
  // Statuses depend on the clock: re-derive on every data change and on a tick, reading the time then.
  const tick = signal(0);
  const timer = setInterval(() => (tick.value += 1), 30_000);
  const views = computed(() => {
    void tick.value;
    const current = rows.value.value;
    return current ? sortedRowViews(current, deps.now()) : null;
  });
  const banner = signal<BannerState | null>(null);
  const connecting = signal(false);
  const checking = signal(false);

  const fail = (error: unknown) => {
    banner.value = { tone: 'bad', text: error instanceof Error ? error.message : 'Something went wrong' };
  };

  return {
    views,
    loadError: rows.error,
    banner,
    connecting,
    checking,
    networks: supportedNetworks(),
    openOptions: deps.openOptions,
    dismissBanner: () => (banner.value = null),

    async renew(profileId: string) {
      try {
        banner.value = bannerOf(await deps.command('renew', { profileId }));
      } catch (error) {
        fail(error);
      }
    },

    async connect(network: NetworkId) {
      // Host access is asked for on this click (a user gesture), before any other await.
      const origins = networkConfig(settings.value.value, network).baseUrl ? [] : [...NETWORKS[network].hosts];
      if (origins.length > 0 && !(await deps.requestHosts(origins).catch(() => false))) {
        banner.value = {
          tone: 'bad',
          text: `Token Warden needs access to ${NETWORKS[network].name} to check its tokens. Nothing was changed.`,
        };
        return;
      }
      connecting.value = true;
      try {
        banner.value = bannerOf(await deps.command('connect', { network }));
      } catch (error) {
        fail(error);
      } finally {
        connecting.value = false;
      }
    },

    async checkNow() {
      checking.value = true;
      try {
        const { checked } = await deps.command('pollNow', {});
        banner.value = { tone: 'neutral', text: `Checked ${checked} login${checked === 1 ? '' : 's'}` };
      } catch (error) {
        fail(error);
      } finally {
        checking.value = false;
      }
    },

    dispose() {
      clearInterval(timer);
      rows.dispose();
      settings.dispose();
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
