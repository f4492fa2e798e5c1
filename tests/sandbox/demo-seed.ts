import { addOne } from './fixtures';
import type { SandboxNetwork, SandboxState } from './state';

const DAY_SEC = 86_400;

export interface DemoLogin {
  network: SandboxNetwork;
  accountId: string;
}

/**
 * A small demo organisation over all nine networks: one Facebook login with
 * three pages, and one profile on every other network, some near expiry.
 * Returns the logins to connect, in order.
 */
export function seedDemo(state: SandboxState): DemoLogin[] {
  const fb = state.addAccount({
    network: 'facebook',
    name: 'Alex Rivera',
    pages: [
      { id: '200101', name: 'Blue Fern Café', tasks: ['MANAGE', 'CREATE_CONTENT'] },
      { id: '200102', name: 'Blue Fern Bakery', tasks: ['MANAGE', 'CREATE_CONTENT'] },
      { id: '200103', name: 'Fern & Co. Catering', tasks: ['MANAGE', 'CREATE_CONTENT'] },
    ],
  });
  const one = (network: SandboxNetwork, name: string, id: string, extra = {}) => addOne(state, network, name, id, extra).account.id;
  const logins: [SandboxNetwork, string][] = [
    ['facebook', fb.id],
    ['instagram', one('instagram', 'Blue Fern Café', '300101')],
    ['youtube', one('youtube', 'Fern Kitchen TV', '300201')],
    ['google-business', one('google-business', 'Blue Fern Café, Main Street', '300301')],
    ['threads', one('threads', 'Blue Fern Café', '300401', { tokenLifetimeSec: 5 * DAY_SEC })],
    ['linkedin', one('linkedin', 'Fern & Co.', '300501')],
    ['pinterest', one('pinterest', 'Fern Recipes', '300601')],
    ['tiktok', one('tiktok', 'Fern Coffee Lab', '300701', { refreshLifetimeSec: 3 * DAY_SEC })],
    ['tiktok', one('tiktok', 'Fern Kitchen Tips', '300702', { refreshLifetimeSec: 20 * 3600 })],
    ['x', one('x', 'Blue Fern Café', '300801')],
  ];
  return logins.map(([network, accountId]) => ({ network, accountId }));
}
