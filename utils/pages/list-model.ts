import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CommandClient } from '../messages';
import { describeOutcome, type FlowOutcome } from '../outcomes';
import { looksOffline, sortedRowViews, type HistoryLimits, type ProfileRowView } from '../profile-view';
import { liveSignal } from './live';
import type { PageStore } from './page-store';
import { joinProfileRows, type ProfileRow } from '../db/profile-rows';
import { LIST_HEAD_ID, type ListHead } from '../list-head';

export interface ListDeps {
  store: PageStore;
  command: CommandClient;
  now: () => number;
}

export interface BannerState {
  tone: 'ok' | 'bad' | 'neutral';
  text: string;
}

export function bannerOf(outcome: FlowOutcome): BannerState {
  const tone = outcome.kind === 'renewed' || outcome.kind === 'connected' ? 'ok' : outcome.kind === 'cancelled' ? 'neutral' : 'bad';
  return { tone, text: describeOutcome(outcome) };
}

/**
 * The profile list shared by the popup and the at-risk page: rows read live
 * from IndexedDB, sorted by urgency (optionally filtered), and Renew.
 */
export function createListModel(
  deps: ListDeps,
  keep: (row: ProfileRowView) => boolean = () => true,
  limits: ReadonlySignal<HistoryLimits> = signal({}),
  /** Narrows by what a view does not show (whose login it is): the at-risk page's "this person can renew". */
  keepRow: (row: ProfileRow) => boolean = () => true,
) {
  // The head (the most urgent rows, kept by the background) is one small read, asked first:
  // shown until every row is in.
  const head = liveSignal<ListHead | undefined>(deps.store, [], () => deps.store.get('snapshots', LIST_HEAD_ID), undefined);
  const rows = liveSignal<ProfileRow[] | null>(
    deps.store,
    ['profiles', 'grants'],
    async () => {
      const [profiles, grants] = await Promise.all([deps.store.all('profiles'), deps.store.all('grants')]);
      return joinProfileRows(profiles, grants);
    },
    null,
  );
  const partial = computed(() => rows.value.value === null && head.value.value !== undefined);
  // Statuses depend on the clock: re-derive on every data change and on a tick, reading the time then.
  const tick = signal(0);
  const timer = setInterval(() => (tick.value += 1), 30_000);
  const views = computed(() => {
    void tick.value;
    const current = rows.value.value ?? head.value.value?.rows;
    return current ? sortedRowViews(current.filter(keepRow), deps.now(), limits.value).filter(keep) : null;
  });
  const offline = computed(() => looksOffline(rows.value.value ?? []));
  const banner = signal<BannerState | null>(null);
  const fail = (error: unknown) => {
    banner.value = { tone: 'bad', text: error instanceof Error ? error.message : 'Something went wrong' };
  };
  return {
    views,
    /** Only the head is shown yet: its counts stand for the whole list. */
    partial,
    headCounts: computed(() => head.value.value?.counts ?? null),
    offline,
    loadError: rows.error,
    banner,
    fail,
    dismissBanner: () => (banner.value = null),
    async renew(profileId: string) {
      try {
        banner.value = bannerOf(await deps.command('renew', { profileId }));
      } catch (error) {
        fail(error);
      }
    },
    dispose() {
      clearInterval(timer);
      rows.dispose();
      head.dispose();
    },
  };
}
