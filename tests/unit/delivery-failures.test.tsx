import { render } from '@testing-library/preact';
import { DeliveryFailures } from '@/components/DeliveryFailures';
import type { OutboxRecord } from '@/utils/db/schema';
import { setLang } from '@/utils/i18n/index';

const at = (h: number, m = 0) => new Date(2026, 10, 26, h, m).getTime();
const row = (over: Partial<OutboxRecord>): OutboxRecord => ({
  id: 1,
  channel: 'slack',
  body: '{}',
  reminderKey: 'k',
  createdAt: at(3, 53),
  attempts: 2,
  nextAttemptAt: 0,
  status: 'pending',
  lastError: 'HTTP 500',
  ...over,
});
const lines = (rows: OutboxRecord[]) =>
  [...render(<DeliveryFailures rows={rows} now={at(12)} />).container.querySelectorAll('li')].map((li) => li.textContent);

describe('DeliveryFailures', () => {
  afterEach(() => setLang('en'));

  it('groups by channel: a count, the latest error, since the oldest (a time today)', () => {
    const slack = Array.from({ length: 11 }, (_, i) =>
      row({ id: i, createdAt: at(3, 53) + i * 60_000, lastError: i === 10 ? 'HTTP 404' : 'HTTP 500' }),
    );
    expect(
      lines([
        ...slack,
        row({ id: 20, channel: 'webhook', status: 'failed', lastError: 'Network unreachable', createdAt: at(1, 2) - 86_400_000 }),
      ]),
    ).toEqual([
      'Slack: 11 messages waiting, last error HTTP 404 since 03:53',
      'Webhook: 1 message not delivered (given up), last error Network unreachable since 25 Nov 2026, 01:02',
    ]);
  });

  it('says one and many right in French', () => {
    setLang('fr');
    expect(lines([row({})])).toEqual(['Slack : 1 message en attente, dernière erreur HTTP 500 depuis 03:53']);
    expect(lines([row({}), row({ id: 2, lastError: 'HTTP 404' })])).toEqual([
      'Slack : 2 messages en attente, dernière erreur HTTP 404 depuis 03:53',
    ]);
  });

  it('shows nothing when all is delivered', () => {
    expect(render(<DeliveryFailures rows={[]} />).container.innerHTML).toBe('');
  });
});
