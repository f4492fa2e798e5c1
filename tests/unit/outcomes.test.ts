import { setLang } from '@/utils/i18n/index';
import { describeOutcome, failureOutcome } from '@/utils/outcomes';

describe('failureOutcome: only a network that did not answer "could not be reached"', () => {
  afterEach(() => setLang('en'));
  const unknown = { kind: 'unknown' as const, reason: 'Requested version 202411 is not active' };

  it.each([
    [null, 'unreachable'],
    [426, 'refused'],
    [400, 'refused'],
    [503, 'refused'],
  ] as const)('last answer %s → %s', (lastAnswer, kind) => {
    expect(failureOutcome(unknown, { during: 'connect', network: 'LinkedIn', lastAnswer })).toMatchObject({ kind, during: 'connect' });
  });

  it('a 5xx or a 429 is the network’s own trouble (try later); a definitive answer failed', () => {
    expect(failureOutcome(unknown, { during: 'renewal', network: 'X', lastAnswer: 429 })).toMatchObject({ trouble: true });
    expect(failureOutcome({ kind: 'invalid', reason: 'Bad code' }, { during: 'connect', network: 'X', lastAnswer: 400 })).toEqual({
      kind: 'failed',
      reason: 'Bad code',
      during: 'connect',
    });
  });

  it('says connect or renewal, and what to do next, in French too', () => {
    const refused = failureOutcome(unknown, { during: 'connect', network: 'LinkedIn', lastAnswer: 426 });
    setLang('fr');
    expect(describeOutcome(refused)).toBe(
      "Non connecté : LinkedIn a refusé (Requested version 202411 is not active). Rien n'a changé : vérifiez ses réglages dans les options (avancé), puis réessayez.",
    );
    expect(describeOutcome({ kind: 'failed', reason: 'Bad code', during: 'connect' })).toBe('Non connecté : Bad code');
    expect(describeOutcome({ kind: 'unreachable', reason: 'Network unreachable', network: 'TikTok', during: 'renewal' })).toBe(
      "Non renouvelé : TikTok n'a pas pu être joint (Network unreachable). Rien n'a changé : réessayez une fois en ligne.",
    );
  });
});
