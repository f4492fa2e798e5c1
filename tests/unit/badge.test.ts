import { BADGE_AMBER, BADGE_RED, badgeFor } from '@/utils/badge';
import { setLang } from '@/utils/i18n/index';

describe('badgeFor (SPEC §5)', () => {
  it('is empty when all is well', () => {
    expect(badgeFor(['valid', 'no-expiry']).text).toBe('');
    expect(badgeFor([]).text).toBe('');
  });
  it('counts Expired + Expiring, red when any is expired', () => {
    expect(badgeFor(['expired', 'expiring', 'valid'])).toMatchObject({
      text: '2',
      color: BADGE_RED,
      title: 'Token Warden: 1 expired, 1 expiring within 7 days',
    });
  });
  it('is amber when only expiring', () => {
    expect(badgeFor(['expiring', 'expiring', 'valid'])).toMatchObject({ text: '2', color: BADGE_AMBER });
  });
  it('says it in the browser language: the tooltip in French', () => {
    setLang('fr');
    try {
      expect(badgeFor(['expired', 'expired', 'expiring']).title).toBe('Token Warden : 2 expirés, 1 expire dans les 7 jours');
      expect(badgeFor(['valid']).title).toBe('Token Warden : tous les jetons sont en bonne santé');
    } finally {
      setLang('en');
    }
  });
  it('caps the text to fit the badge', () => {
    expect(badgeFor(Array.from({ length: 1500 }, () => 'expired' as const)).text).toBe('999+');
  });
});
