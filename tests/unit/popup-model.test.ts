import 'fake-indexeddb/auto';
import { createPopupModel } from '@/entrypoints/popup/model';
import { announceChanges } from '@/utils/db/announce-changes';
import { openPageStore } from '@/utils/pages/page-store';
import { WardenDb } from '@/utils/db/schema';
import { storeSettings } from '@/utils/db/settings-store';
import { settingsSchema } from '@/utils/settings';
import { fakeCommands } from './support/fake-commands';

function setup(networks: object) {
  const db = new WardenDb(`popup-${Math.random()}`);
  const stopAnnouncing = announceChanges(db.name);
  const store = openPageStore({ name: db.name });
  onTestFinished(() => (stopAnnouncing(), store.close()));
  const asked: string[][] = [];
  const setupOpened: string[] = [];
  let grant = true;
  const fake = fakeCommands({ connect: () => ({ kind: 'connected', profiles: 1 }) });
  const command = fake.command;
  const model = createPopupModel({
    store,
    command,
    requestHosts: (origins) => {
      asked.push(origins);
      return Promise.resolve(grant);
    },
    openOptions: () => undefined,
    openSetup: (network) => setupOpened.push(network),
    openInTab: () => undefined,
    download: () => undefined,
    storage: { getItem: () => null, setItem: () => undefined },
    now: () => Date.now(),
  });
  return {
    db,
    model,
    sent: fake.sent,
    asked,
    setupOpened,
    deny: () => (grant = false),
    ready: () => storeSettings(db, settingsSchema.parse({ version: 2, networks })).then(() => new Promise((r) => setTimeout(r, 50))),
  };
}

describe('popup model: connecting asks for the network hosts on the click', () => {
  it('asks for the production hosts, then sends the command', async () => {
    const t = setup({ facebook: { clientId: 'c', exchangeUrl: 'https://t.example/x' } });
    await t.ready();
    await t.model.connect('facebook');
    expect(t.asked).toEqual([['https://www.facebook.com/*', 'https://graph.facebook.com/*']]);
    expect(t.sent).toEqual([{ name: 'connect', payload: { network: 'facebook' } }]);
    expect(t.model.banner.value).toEqual({ tone: 'ok', text: 'Connected 1 profile' });
    t.model.dispose();
  });

  it('a refused permission changes nothing and says why', async () => {
    const t = setup({ tiktok: { clientId: 'c', exchangeUrl: 'https://t.example/x' } });
    await t.ready();
    t.deny();
    await t.model.connect('tiktok');
    expect(t.sent).toEqual([]);
    expect(t.model.banner.value).toEqual({
      tone: 'bad',
      text: 'Token Warden needs access to TikTok to check its tokens. Nothing was changed.',
    });
    t.model.dispose();
  });

  it('without a client ID, leads to that network in the setup checklist instead of failing', async () => {
    const t = setup({ facebook: { clientId: 'c', exchangeUrl: 'https://t.example/x' } });
    await t.ready();
    await t.model.connect('youtube');
    expect(t.setupOpened).toEqual(['youtube']);
    expect(t.asked).toEqual([]);
    expect(t.sent).toEqual([]);
    t.model.dispose();
  });

  it('asks for nothing when the network is pointed at another base URL (the sandbox answers with CORS)', async () => {
    const t = setup({ x: { clientId: 'c', baseUrl: 'http://127.0.0.1:4010/x' } });
    await t.ready();
    await t.model.connect('x');
    expect(t.asked).toEqual([]);
    expect(t.sent).toHaveLength(1);
    t.model.dispose();
  });
});
