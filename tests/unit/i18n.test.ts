import { en } from '@/utils/i18n/en';
import { fr } from '@/utils/i18n/fr';
import { langFrom, setLang, t, tn } from '@/utils/i18n/index';
import { statusLabel } from '@/utils/format';
import { describeOutcome } from '@/utils/outcomes';
import { grantStatus } from '@/utils/status';
import { DAY } from '@/utils/time';

const NOW = Date.UTC(2026, 10, 26, 12);

describe('English and French', () => {
  afterEach(() => setLang('en'));

  it('French has every English string, with the same parameters', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key], key).toBeTruthy();
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(fr[key]), key).toEqual(params(en[key]));
    }
  });

  it('picks the page language from the browser', () => {
    expect(langFrom('fr-FR')).toBe('fr');
    expect(langFrom('fr')).toBe('fr');
    expect(langFrom('en-US')).toBe('en');
    expect(langFrom('de')).toBe('en');
    expect(langFrom(undefined)).toBe('en');
  });

  it('labels, plurals and dates in French', () => {
    setLang('fr');
    const label = (exp: number) => statusLabel(grantStatus({ expiresAt: exp, invalidSince: null }, NOW), exp, NOW);
    expect(label(NOW + 3 * DAY)).toBe('Expire dans 3 jours');
    expect(label(NOW + DAY)).toBe('Expire dans 1 jour');
    expect(label(Date.UTC(2027, 2, 12))).toBe("Valide jusqu'au 12 mars 2027");
    expect(tn('outcome.connected', 0)).toBe('0 profil connecté');
    expect(describeOutcome({ kind: 'cancelled' })).toBe("Annulé : rien n'a changé");
    setLang('en');
    expect(label(Date.UTC(2027, 2, 12))).toBe('Valid until 12 Mar 2027');
    expect(t('row.renewLabel', { name: 'A', network: 'X' })).toBe('Renew A (X)');
  });
});

describe('reminders in French', () => {
  afterEach(() => setLang('en'));
  it('titles and bodies follow the language', async () => {
    const { reminderTitle, reminderBody } = await import('@/utils/reminders/messages');
    const m = {
      key: 'k',
      profileId: 'p',
      profileName: 'Café',
      network: 'facebook' as const,
      threshold: 3,
      invalid: false,
      expiresAt: null,
    };
    setLang('fr');
    expect(reminderTitle(m)).toBe('Café (Facebook) expire dans les 3 jours');
    expect(reminderBody({ ...m, invalid: true })).toMatch(/^Renouvelez-le dans Token Warden pour reprendre la publication\. Il faut : /);
    setLang('en');
    expect(reminderTitle(m)).toBe('Café (Facebook) expires within 3 days');
  });
});

describe('the pages’ own texts (view-texts)', () => {
  it('French has every English string, with the same parameters', async () => {
    const { VIEW_TEXTS } = await import('@/utils/i18n/view-texts');
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(VIEW_TEXTS.en) as (keyof typeof VIEW_TEXTS.en)[]) {
      expect(VIEW_TEXTS.fr[key], key).toBeTruthy();
      expect(params(VIEW_TEXTS.fr[key]), key).toEqual(params(VIEW_TEXTS.en[key]));
    }
  });
});

describe('the options page’s texts', () => {
  it('French has every English string, with the same parameters', async () => {
    const { OPTIONS_TEXTS } = await import('@/utils/i18n/options-texts');
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(OPTIONS_TEXTS.en) as (keyof typeof OPTIONS_TEXTS.en)[]) {
      expect(OPTIONS_TEXTS.fr[key], key).toBeTruthy();
      expect(params(OPTIONS_TEXTS.fr[key]), key).toEqual(params(OPTIONS_TEXTS.en[key]));
    }
  });
});
