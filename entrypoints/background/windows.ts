import { browser } from 'wxt/browser';

/** The only opener of tabs and windows. */
export async function openAtRiskTab(profileId: string | null): Promise<void> {
  const url = browser.runtime.getURL(profileId ? `/at-risk.html?profile=${encodeURIComponent(profileId)}` : '/at-risk.html');
  await browser.tabs.create({ url });
}

/** The startup warning: a small window listing what is at risk. */
export async function openStartupWindow(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL('/at-risk.html?startup=1'), type: 'popup', width: 440, height: 620 });
}
