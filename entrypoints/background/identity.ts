import { browser } from 'wxt/browser';

/** The only caller of browser.identity. */
export type AuthFlowResult =
  { ok: true; redirectUrl: string } | { ok: false; kind: 'cancelled' | 'unreachable' | 'failed'; reason: string };

export type AuthFlow = (url: string, interactive: boolean) => Promise<AuthFlowResult>;

export function redirectUrl(): string {
  return browser.identity.getRedirectURL();
}

/** Runs the browser's OAuth window; a closed window is an outcome, not an error. */
export const launchAuthFlow: AuthFlow = async (url, interactive) => {
  try {
    const redirect = await browser.identity.launchWebAuthFlow({ url, interactive });
    return redirect ? { ok: true, redirectUrl: redirect } : { ok: false, kind: 'cancelled', reason: 'No answer' };
  } catch (error) {
    return classifyAuthError(error instanceof Error ? error.message : String(error));
  }
};

/** Chrome and Firefox word these differently; both are mapped here. */
function classifyAuthError(message: string): Extract<AuthFlowResult, { ok: false }> {
  if (/did not approve|cancel|closed|user interaction required/i.test(message)) return { ok: false, kind: 'cancelled', reason: message };
  if (/could not be loaded|network|unreachable/i.test(message)) return { ok: false, kind: 'unreachable', reason: message };
  return { ok: false, kind: 'failed', reason: message };
}
