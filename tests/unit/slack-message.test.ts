import { slackBody, slackEscape, webhookBody, type ReminderMessage } from '@/utils/reminders/messages';

const message = (profileName: string): ReminderMessage => ({
  key: 'k',
  profileId: 'facebook:1',
  profileName,
  network: 'facebook',
  threshold: 3,
  invalid: false,
  expiresAt: 1_800_000_000_000,
});

describe('a Slack reminder says a network-provided name as text, never as Slack markup', () => {
  it('escapes & < > so a page name cannot ping the channel or disguise a link', () => {
    const text = (JSON.parse(slackBody(message('<!channel> Café & Co <https://evil.example/renew|Renew here>'))) as { text: string }).text;
    expect(text).toContain('*&lt;!channel&gt; Café &amp; Co &lt;https://evil.example/renew|Renew here&gt;*');
    expect(text).not.toMatch(/<!channel>|<https:/);
  });

  it('escapes exactly the three characters Slack reserves', () => {
    expect(slackEscape('a&b<c>d "e" \'f\'')).toBe('a&amp;b&lt;c&gt;d "e" \'f\'');
  });

  it('leaves the generic webhook’s JSON fields as they are (no Slack markup there)', () => {
    const body = JSON.parse(webhookBody(message('Café & Co <3'))) as { profile: { name: string } };
    expect(body.profile.name).toBe('Café & Co <3');
  });
});
