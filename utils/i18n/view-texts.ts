import { lang } from './index';

/**
 * Strings only the popup, options and at-risk pages show for the compact list, the inbox, the
 * timeline: kept out of the shared dictionary, which
 * the background carries too (its bundle has a budget). `_one` / `_other` are plural forms.
 */
const en = {
  'cons.pausedShort': 'paused since {date}',
  'inbox.unreadCount_one': '{n} unread',
  'inbox.unreadCount_other': '{n} unread',
  'inbox.empty': 'No reminder yet.',
  'timeline.title': 'What lapses when: the next 90 days',
  'timeline.today': 'Today',
  'timeline.profiles_one': '{names}',
  'timeline.profiles_other': '{n} profiles: {names}',
};

export type ViewTextKey = keyof typeof en;

const fr: Record<ViewTextKey, string> = {
  'cons.pausedShort': 'en pause depuis le {date}',
  'inbox.unreadCount_one': '{n} non lu',
  'inbox.unreadCount_other': '{n} non lus',
  'inbox.empty': 'Aucun rappel pour l’instant.',
  'timeline.title': 'Ce qui expire quand : les 90 prochains jours',
  'timeline.today': 'Aujourd’hui',
  'timeline.profiles_one': '{names}',
  'timeline.profiles_other': '{n} profils : {names}',
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
