import type { SandboxState } from './state';

const DAY_SEC = 86_400;

export interface DemoLogin {
  network: 'facebook' | 'tiktok';
  accountId: string;
}

/**
 * A small demo organisation: one Facebook login with three pages, and TikTok
 * accounts in several states. Returns the logins to connect, in order.
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
  const soon = state.addAccount({ network: 'tiktok', name: 'Blue Fern Café', username: 'bluefern', refreshLifetimeSec: 3 * DAY_SEC });
  const today = state.addAccount({ network: 'tiktok', name: 'Fern Kitchen Tips', username: 'fernkitchen', refreshLifetimeSec: 20 * 3600 });
  const healthy = state.addAccount({ network: 'tiktok', name: 'Fern Coffee Lab', username: 'ferncoffeelab' });
  return [
    { network: 'facebook', accountId: fb.id },
    { network: 'tiktok', accountId: soon.id },
    { network: 'tiktok', accountId: today.id },
    { network: 'tiktok', accountId: healthy.id },
  ];
}
