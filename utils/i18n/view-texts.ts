import { lang } from './index';

/**
 * Strings only the popup, options and at-risk pages show for the compact list, the inbox, the
 * setup checklist, the timeline and delivery problems: kept out of the shared dictionary, which
 * the background carries too (its bundle has a budget). `_one` / `_other` are plural forms.
 */
const en = {
  'cons.pausedShort': 'paused since {date}',
  'inbox.unreadCount_one': '{n} unread',
  'inbox.unreadCount_other': '{n} unread',
  'inbox.empty': 'No reminder yet.',
  'opt.waiting_one': '{channel}: {n} message waiting, last error {error} since {since}',
  'opt.waiting_other': '{channel}: {n} messages waiting, last error {error} since {since}',
  'opt.undelivered_one': '{channel}: {n} message not delivered (given up), last error {error} since {since}',
  'opt.undelivered_other': '{channel}: {n} messages not delivered (given up), last error {error} since {since}',
};

export type ViewTextKey = keyof typeof en;

const fr: Record<ViewTextKey, string> = {
  'cons.pausedShort': 'en pause depuis le {date}',
  'inbox.unreadCount_one': '{n} non lu',
  'inbox.unreadCount_other': '{n} non lus',
  'inbox.empty': 'Aucun rappel pour l’instant.',
  'opt.waiting_one': '{channel} : {n} message en attente, dernière erreur {error} depuis {since}',
  'opt.waiting_other': '{channel} : {n} messages en attente, dernière erreur {error} depuis {since}',
  'opt.undelivered_one': '{channel} : {n} message non distribué (abandonné), dernière erreur {error} depuis {since}',
  'opt.undelivered_other': '{channel} : {n} messages non distribués (abandonnés), dernière erreur {error} depuis {since}',
};

type Params = Record<string, string | number>;

/** A page-only string in the page's language, with `{param}` filled in. */
export function tv(key: ViewTextKey, params: Params = {}): string {
  return (lang() === 'fr' ? fr : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The plural form by count (French counts 0 and 1 as singular). */
export function tvn(key: string, n: number, params: Params = {}): string {
  const one = lang() === 'fr' ? n <= 1 : n === 1;
  return tv(`${key}_${one ? 'one' : 'other'}` as ViewTextKey, { n, ...params });
}

export const VIEW_TEXTS = { en, fr };
