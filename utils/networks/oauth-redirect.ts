export type RedirectResult = { ok: true; code: string } | { ok: false; kind: 'cancelled' } | { ok: false; kind: 'refused'; reason: string };

/**
 * Reads the OAuth redirect. An address other than this extension's redirect URL
 * (`expectedRedirect`, from `identity.getRedirectURL()`) is refused before its
 * query is read; so is a missing or different `state` (CSRF / a code meant for
 * another flow); `error=access_denied` is the person saying no.
 */
export function parseRedirect(redirectUrl: string, expectedState: string, expectedRedirect: string): RedirectResult {
  let url: URL;
  let expected: URL;
  try {
    url = new URL(redirectUrl);
    expected = new URL(expectedRedirect);
  } catch {
    return { ok: false, kind: 'refused', reason: 'The sign-in window returned an unreadable address' };
  }
  if (url.protocol !== 'https:' || url.origin !== expected.origin || url.pathname !== expected.pathname || url.username || url.password) {
    return { ok: false, kind: 'refused', reason: 'The sign-in window ended at another address than this extension’s redirect URL' };
  }
  const params = new URLSearchParams(url.search || url.hash.slice(1));
  if (params.get('state') !== expectedState) {
    return { ok: false, kind: 'refused', reason: 'The sign-in answer did not match this request (state mismatch)' };
  }
  const error = params.get('error');
  if (error) {
    if (error === 'access_denied' || error === 'user_denied' || error === 'user_cancelled_authorize')
      return { ok: false, kind: 'cancelled' };
    return { ok: false, kind: 'refused', reason: params.get('error_description') ?? error };
  }
  const code = params.get('code');
  return code ? { ok: true, code } : { ok: false, kind: 'refused', reason: 'The sign-in answer carried no authorization code' };
}
