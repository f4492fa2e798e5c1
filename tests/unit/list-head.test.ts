import { signal } from '@preact/signals';
import { createListModel } from '@/utils/pages/list-model';
import type { PageStore } from '@/utils/pages/page-store';
import type { ProfileRow } from '@/utils/db/profile-rows';
import { fakeCommands } from './support/fake-commands';
import { LIST_HEAD_ROWS, listHead } from '@/utils/list-head';
import { sortedRowViews } from '@/utils/profile-view';
import { DAY } from '@/utils/time';
import { grantRecord } from './support/grant';

const NOW = 1_800_000_000_000;

function row(i: number, expiresAt: number | null, invalidSince: number | null = null): ProfileRow {
  return {
    profile: {
      id: `facebook:${i}`,
      network: 'facebook',
      nativeId: `${i}`,
      kind: 'page',
      name: `Page ${i}`,
      grantId: `g${i}`,
      createdAt: 0,
    },
    grant: grantRecord(NOW, { id: `g${i}`, identityId: 'u', issuedAt: 0, expiresAt, accessExpiresAt: null, invalidSince }),
  };
}

const rows = Array.from({ length: 200 }, (_, i) => row(i, i % 10 === 0 ? null : NOW + (i - 20) * DAY, i === 150 ? NOW - DAY : null));

describe('the list head', () => {
  it('holds the most urgent rows in the list’s own order, the total and the counts of the whole list', () => {
    const head = listHead(rows, NOW);
    expect(head.total).toBe(200);
    expect(head.rows).toHaveLength(LIST_HEAD_ROWS);
    const order = sortedRowViews(rows, NOW).map((v) => v.id);
    expect(head.rows.map((r) => r.profile.id)).toEqual(order.slice(0, LIST_HEAD_ROWS));
    expect(head.counts).toEqual({ expired: 19, expiring: 7, valid: 155, 'no-expiry': 19 });
  });

  it('is what the list shows while every row is still being read, and gives way to them', async () => {
    let finish: (rows: unknown[]) => void = () => undefined;
    const pending = new Promise<unknown[]>((r) => (finish = r));
    const store: PageStore = {
      all: <T>(table: string) =>
        table === 'profiles' ? (pending.then((p) => p) as Promise<T[]>) : (pending.then(() => rows.map((r) => r.grant)) as Promise<T[]>),
      get: <T>() => Promise.resolve(listHead(rows, NOW) as T),
      between: () => Promise.resolve([]),
      newest: () => Promise.resolve([]),
      onChange: () => () => undefined,
      close: () => undefined,
    };
    const list = createListModel({ store, command: fakeCommands({}).command, now: () => NOW }, () => true, signal({}));
    await vi.waitFor(() => expect(list.partial.value).toBe(true));
    expect(list.views.value).toHaveLength(LIST_HEAD_ROWS);
    expect(list.headCounts.value?.expired).toBe(19);
    finish(rows.map((r) => r.profile));
    await vi.waitFor(() => expect(list.partial.value).toBe(false));
    expect(list.views.value).toHaveLength(200);
    list.dispose();
  });
});
