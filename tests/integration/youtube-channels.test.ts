import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { renewProfile } from '@/entrypoints/background/renew';
import { openTokens, vaultKey } from '@/utils/db/vault';
import { grantStatus } from '@/utils/status';
import { harness, type Harness } from './support/harness';

/**
 * Google's consent screen has the person pick one channel (their own, or a brand account's) and
 * binds the grant to it: two channels of one Google login are two grants, each checked and
 * renewed with its own consent.
 */
describe('YouTube: one grant per channel of a Google login', () => {
  let h: Harness;
  afterEach(() => h?.close());

  async function twoChannels() {
    h = await harness();
    const alex = h.sandbox.state.addAccount({
      network: 'youtube',
      name: 'Alex Rivera',
      pages: [
        { id: 'UCkitchen', name: 'Fern Kitchen TV', tasks: ['MANAGE'] },
        { id: 'UCbarista', name: 'Fern Barista School', tasks: ['MANAGE'] },
      ],
    });
    const choose = (channelId: string) => h.sandbox.state.nextChannel.set('youtube', channelId);
    choose('UCkitchen');
    expect(await connectNetwork(h.deps, 'youtube')).toMatchObject({ kind: 'connected', profiles: 1 });
    choose('UCbarista');
    expect(await connectNetwork(h.deps, 'youtube')).toMatchObject({ kind: 'connected', profiles: 1 });
    const status = async (profileId: string) => {
      const profile = (await h.deps.db.profiles.get(profileId))!;
      return grantStatus((await h.deps.db.grants.get(profile.grantId))!, h.deps.now()).status;
    };
    return { alex, choose, status };
  }

  it('the sandbox binds a grant to the chosen channel: channels?mine=true answers that one only', async () => {
    await twoChannels();
    const lists = await h.deps.db.profiles.toArray();
    expect(lists.map((p) => p.id).sort()).toEqual(['youtube:UCbarista', 'youtube:UCkitchen']);
    const live = [...h.sandbox.state.tokens.values()].filter((t) => t.network === 'youtube' && t.kind === 'access');
    expect(live.map((t) => t.channelId)).toEqual(['UCkitchen', 'UCbarista']);
  });

  it('connecting the second channel keeps the first channel’s grant and tokens', async () => {
    await twoChannels();
    const grants = await h.deps.db.grants.toArray();
    expect(grants).toHaveLength(2);
    const [kitchen, barista] = await Promise.all(['youtube:UCkitchen', 'youtube:UCbarista'].map((id) => h.deps.db.profiles.get(id)));
    expect(kitchen!.grantId).not.toBe(barista!.grantId);
    const key = await vaultKey(h.deps.db);
    const tokens = await Promise.all(grants.map(async (g) => (await openTokens(key, (await h.deps.db.secrets.get(g.id))!)).refreshToken));
    expect(new Set(tokens).size).toBe(2);
  });

  it('each channel is checked with its own grant: a revocation of one channel’s grant is seen, the other stays valid', async () => {
    const { alex, status } = await twoChannels();
    h.sandbox.state.revokeAccount(alex.id, 'revoked', 'UCkitchen');
    await pollGrants(h.deps, { force: true });
    expect(await status('youtube:UCkitchen')).toBe('expired');
    expect(await status('youtube:UCbarista')).toBe('valid');
  });

  it('renews each channel with its own consent; a consent that chose the other channel says so and blames no one', async () => {
    const { alex, choose, status } = await twoChannels();
    h.sandbox.state.revokeAccount(alex.id, 'revoked', 'UCkitchen');
    await pollGrants(h.deps, { force: true });
    const baristaGrant = (await h.deps.db.profiles.get('youtube:UCbarista'))!.grantId;

    choose('UCbarista');
    const wrong = await renewProfile(h.deps, 'youtube:UCkitchen');
    expect(wrong).toMatchObject({ kind: 'failed', during: 'renewal' });
    expect(JSON.stringify(wrong)).toContain('choose “Fern Kitchen TV”');
    const identity = (await h.deps.db.identities.toArray())[0]!;
    expect(identity.access['youtube:UCkitchen']?.can).toBe('yes');

    choose('UCkitchen');
    expect(await renewProfile(h.deps, 'youtube:UCkitchen')).toMatchObject({ kind: 'renewed', profiles: 1 });
    expect(await status('youtube:UCkitchen')).toBe('valid');
    expect(await status('youtube:UCbarista')).toBe('valid');
    expect((await h.deps.db.profiles.get('youtube:UCbarista'))!.grantId).toBe(baristaGrant);
    expect(await h.deps.db.grants.count()).toBe(2);
  });
});
