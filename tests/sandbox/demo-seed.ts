import type { PageRole, RevokeReason, SandboxNetwork, SandboxState } from './state';

const DAY_SEC = 86_400;
const HOUR_SEC = 3_600;
/** A lifetime that reads as "N days left" right after connecting. */
const days = (n: number) => n * DAY_SEC - HOUR_SEC;

export interface DemoLogin {
  network: SandboxNetwork;
  accountId: string;
  /** YouTube: the channel chosen on the consent screen (one grant per channel). */
  channelId?: string;
}

export interface DemoOrganisation {
  /** The logins to connect, in order. */
  logins: DemoLogin[];
  /** Logins that die once connected (a password change, a revoked app): the demo's Expired rows. */
  deaths: { accountId: string; reason: RevokeReason }[];
}

const full = (network: SandboxNetwork) => (network === 'linkedin' ? ['ADMINISTRATOR'] : ['MANAGE', 'CREATE_CONTENT']);
const pages = (network: SandboxNetwork, names: string[], firstId: number): PageRole[] =>
  names.map((name, i) => ({ id: String(firstId + i), name, tasks: full(network) }));

/**
 * Blue Fern, a café group with a realistic spread: 40 profiles over all nine networks, in
 * every status. Expired (a password change on Facebook, a revoked Pinterest app, a YouTube
 * channel in its deletion countdown), expiring in 1, 3 and 6 days, valid, no expiry (X), and
 * profiles whose login lacks the permission to renew them (a Facebook page without full
 * control, a LinkedIn page where the login is not Super Admin).
 */
export function seedDemo(state: SandboxState): DemoOrganisation {
  const logins: DemoLogin[] = [];
  const deaths: DemoOrganisation['deaths'] = [];
  const add = (network: SandboxNetwork, name: string, accountPages: PageRole[], extra: object = {}) => {
    const account = state.addAccount({ network, name, pages: accountPages, ...extra });
    logins.push({ network, accountId: account.id });
    return account.id;
  };

  // Facebook: Alex manages four pages (one without full control), Jordan's token lapses in 6 days, Sam changed a password.
  add('facebook', 'Alex Rivera', [
    ...pages('facebook', ['Blue Fern Café', 'Blue Fern Bakery', 'Fern & Co. Catering'], 200101),
    { id: '200104', name: 'Fern Farmers Market', tasks: ['CREATE_CONTENT', 'ANALYZE'] },
  ]);
  add('facebook', 'Jordan Park', pages('facebook', ['Fern Roastery', 'Fern Roastery Events', 'Fern Wholesale'], 200201), {
    tokenLifetimeSec: days(6),
  });
  deaths.push({
    accountId: add('facebook', 'Sam Lee', pages('facebook', ['Fern Harbour', 'Fern Harbour Kids'], 200301)),
    reason: 'password',
  });

  // Instagram (through Facebook Login): three professional accounts, one login lapsing in 3 days.
  const ig = (name: string, id: number): PageRole => ({
    id: String(id),
    name: `${name} (page)`,
    tasks: full('instagram'),
    instagram: { id: `17${id}`, username: name.toLowerCase().replace(/\W+/g, '') },
  });
  add('instagram', 'Alex Rivera', [ig('bluefern.cafe', 300101), ig('bluefern.bakery', 300102)]);
  add('instagram', 'Jordan Park', [ig('fern.roastery', 300111)], { tokenLifetimeSec: days(3) });

  // YouTube: two channels of one Google login (a grant each: Google binds a consent to one channel);
  // a third whose login was revoked (deletion countdown).
  const media = add('youtube', 'Fern Media', pages('youtube', ['Fern Kitchen TV', 'Fern Barista School'], 300201));
  logins[logins.length - 1]!.channelId = '300201';
  logins.push({ network: 'youtube', accountId: media, channelId: '300202' });
  deaths.push({ accountId: add('youtube', 'Fern Archive', pages('youtube', ['Fern Kitchen TV (2019)'], 300211)), reason: 'revoked' });

  // Google Business Profile: four locations.
  add(
    'google-business',
    'Alex Rivera',
    pages('google-business', ['Blue Fern Café, Main Street', 'Blue Fern Café, Harbour', 'Blue Fern Bakery, Old Town'], 300301),
  );
  add('google-business', 'Jordan Park', pages('google-business', ['Fern Roastery, Dock 4'], 300311));

  // Threads: one per account; one lapses in 1 day.
  add('threads', 'bluefern.cafe', []);
  add('threads', 'fern.roastery', [], { tokenLifetimeSec: days(1) });
  add('threads', 'fern.bakery', []);

  // LinkedIn: three pages on one login, Super Admin on two only.
  add('linkedin', 'Alex Rivera', [
    ...pages('linkedin', ['Fern & Co.', 'Fern Roastery Ltd'], 300501),
    { id: '300503', name: 'Blue Fern Foundation', tasks: ['CONTENT_ADMINISTRATOR'] },
  ]);
  add('linkedin', 'Jordan Park', pages('linkedin', ['Fern Wholesale Ltd'], 300511));

  // Pinterest: four boards' accounts; one app was removed.
  add('pinterest', 'Fern Recipes', []);
  add('pinterest', 'Fern Interiors', []);
  add('pinterest', 'Fern Weddings', []);
  deaths.push({ accountId: add('pinterest', 'Fern Seasonal', []), reason: 'app-removed' });

  // TikTok: refresh tokens lapsing in 1 and 3 days, and two healthy ones.
  add('tiktok', 'Fern Coffee Lab', [], { refreshLifetimeSec: days(3) });
  add('tiktok', 'Fern Kitchen Tips', [], { refreshLifetimeSec: 20 * HOUR_SEC });
  add('tiktok', 'Blue Fern Café', []);
  add('tiktok', 'Fern Bakery', []);

  // X: no expiry.
  for (const name of ['Blue Fern Café', 'Fern Roastery', 'Fern Bakery', 'Fern & Co.']) add('x', name, []);
  return { logins, deaths };
}
