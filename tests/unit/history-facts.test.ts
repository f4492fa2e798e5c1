import { historyText, type HistoryFact } from '@/utils/history-facts';
import { setLang } from '@/utils/i18n/index';

const facts: HistoryFact[] = [
  { code: 'connected', by: 'Alex' },
  { code: 'statusChanged', from: 'valid', to: 'expired', reason: 'The Facebook password was changed' },
  { code: 'disconnected', network: 'facebook', revoked: 'revoked' },
  {
    code: 'reminderSent',
    message: { key: 'k', profileId: 'facebook:1', profileName: 'Café', network: 'facebook', threshold: 7, invalid: false, expiresAt: 0 },
  },
  { code: 'snoozed' },
];

describe('the timeline stores facts and says them in the language of the page', () => {
  afterEach(() => setLang('en'));

  it('in English', () => {
    expect(facts.map((fact) => historyText({ fact }))).toEqual([
      'Connected by Alex',
      'Status changed from Valid to Expired: The Facebook password was changed',
      'Disconnected: access revoked at Facebook',
      'Reminder sent: Café (Facebook) expires within 7 days',
      'Reminders snoozed for a day',
    ]);
  });

  it('the same entries in French, without writing them again', () => {
    setLang('fr');
    const texts = facts.map((fact) => historyText({ fact }));
    expect(texts[0]).toBe('Connecté par Alex');
    expect(texts[1]).toMatch(/^Statut passé de Valide à Expiré/);
    expect(texts[2]).toBe('Déconnecté : accès révoqué chez Facebook');
    expect(texts[4]).toBe('Rappels reportés d’un jour');
    expect(texts.join(' ')).not.toMatch(/Connected|Disconnected|snoozed/);
  });

  it('an entry written before facts (or by the hub) keeps its words', () => {
    expect(historyText({ text: 'Renewed by Sam (sam@example.org)' })).toBe('Renewed by Sam (sam@example.org)');
  });
});
