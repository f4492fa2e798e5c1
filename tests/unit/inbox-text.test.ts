import { setLang } from '@/utils/i18n/index';
import { inboxBody, inboxTitle, type ReminderMessage } from '@/utils/reminders/messages';

const message: ReminderMessage = {
  key: 'k',
  profileId: 'facebook:1',
  profileName: 'Café',
  network: 'facebook',
  threshold: 3,
  invalid: false,
  expiresAt: 0,
};

describe('an inbox entry is the reminder, said in the language of the page showing it', () => {
  afterEach(() => setLang('en'));

  it('the same stored entry in English, then in French', () => {
    expect(inboxTitle({ message })).toBe('Café (Facebook) expires within 3 days');
    setLang('fr');
    expect(inboxTitle({ message })).toMatch(/^Café \(Facebook\) expire/);
    expect(inboxBody({ message })).not.toBe('');
  });

  it('an entry written before keeps its words', () => {
    expect(inboxTitle({ title: 'Old words' })).toBe('Old words');
    expect(inboxBody({ body: 'Old body' })).toBe('Old body');
  });
});
