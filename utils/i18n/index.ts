import type { Locale } from 'date-fns';
import { enGB, fr as frLocale } from 'date-fns/locale';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Lang = 'en' | 'fr';
const DICTS: Record<Lang, Record<MessageKey, string>> = { en, fr };
const DATE_LOCALES: Record<Lang, Locale> = { en: enGB, fr: frLocale };

/**
 * The page's language, chosen once at start from the browser's (pages call
 * setLang before rendering); English when the browser speaks neither.
 */
let current: Lang = 'en';

export function langFrom(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

export function dateLocale(): Locale {
  return DATE_LOCALES[current];
}

type Params = Record<string, string | number>;

/** A UI string in the current language, with `{param}` filled in. */
export function t(key: MessageKey, params: Params = {}): string {
  return DICTS[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Plural form by count (`key_one` / `key_other`); French counts 0 and 1 as singular. */
export function tn(key: string, n: number, params: Params = {}): string {
  const one = current === 'fr' ? n <= 1 : n === 1;
  return t(`${key}_${one ? 'one' : 'other'}` as MessageKey, { n, ...params });
}
