import { browser } from 'wxt/browser';

/** The only caller of browser.permissions in the background: has the browser granted these origins? */
export async function hasHosts(origins: string[]): Promise<boolean> {
  return origins.length === 0 || (await browser.permissions.contains({ origins }));
}
