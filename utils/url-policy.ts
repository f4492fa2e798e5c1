/**
 * Where tokens and webhook messages may be sent. Pure: the settings schema,
 * the background and the options page all apply the same rules.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What is wrong with a URL that will receive tokens or messages, or null when it may be used. */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a valid URL';
  }
  if (url.username || url.password) return 'a URL must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'must start with https:// (http:// only for 127.0.0.1, localhost or [::1])';
}

/**
 * The host permission pattern a URL needs (`https://host/*`), or null for an empty URL. No port:
 * a match pattern covers every port of its host, and Firefox finds no port-ful pattern inside a
 * granted one (`permissions.contains`).
 */
function originPattern(value: string): string | null {
  if (!value) return null;
  const url = new URL(value);
  return `${url.protocol}//${url.hostname}/*`;
}

/** One URL that receives tokens, before and after a change ('' = none, or production). */
export interface UrlChange {
  /** Where it is set, as in the settings file (`networks.facebook.baseUrl`, `hub.url`…). */
  field: string;
  /** In words, for the confirmation ("Facebook endpoint base URL"). */
  label: string;
  from: string;
  to: string;
}

/**
 * The changes among `fields` (label → [current, proposed]) that must be shown
 * and confirmed before they apply. Reusable for any URL that receives tokens.
 */
export function urlChanges(fields: { field: string; label: string; from: string; to: string }[]): UrlChange[] {
  return fields.filter((f) => f.from !== f.to);
}

/** The key a confirmation carries for a change: what exactly was accepted. */
export function confirmationKey(change: UrlChange): string {
  return `${change.field}=${change.to}`;
}

/** True when every change was confirmed as it stands now (a different URL needs a new confirmation). */
export function allConfirmed(changes: UrlChange[], confirmed: readonly string[]): boolean {
  const accepted = new Set(confirmed);
  return changes.every((c) => accepted.has(confirmationKey(c)));
}

/** The host a person is shown for a URL ("production hosts" when empty). */
export function hostOf(value: string): string {
  if (!value) return '';
  try {
    return new URL(value).host;
  } catch {
    return value;
  }
}

/** Host permission patterns the proposed URLs need, deduplicated. */
export function originsToGrant(changes: UrlChange[]): string[] {
  return [...new Set(changes.map((c) => originPattern(c.to)).filter((o): o is string => o !== null))];
}
