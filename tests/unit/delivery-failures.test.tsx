import { render } from '@testing-library/preact';
import { DeliveryFailures } from '@/components/DeliveryFailures';
import type { OutboxRecord } from '@/utils/db/schema';

const row = (over: Partial<OutboxRecord>): OutboxRecord => ({
  id: 1,
  channel: 'slack',
  url: 'https://hooks.slack.com/x',
  body: '{}',
  reminderKey: 'k',
  createdAt: Date.UTC(2026, 10, 26, 9),
  attempts: 2,
  nextAttemptAt: 0,
  status: 'pending',
  lastError: 'HTTP 500',
  ...over,
});

describe('DeliveryFailures', () => {
  it('shows retrying and failed deliveries with their last error', () => {
    const { container } = render(
      <DeliveryFailures
        rows={[row({}), row({ id: 2, channel: 'webhook', status: 'failed', attempts: 6, lastError: 'Network unreachable' })]}
      />,
    );
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toContain('Slack: retrying (2 tries so far), last error “HTTP 500”');
    expect(items[1]).toContain('Webhook: not delivered, last error “Network unreachable”');
  });
  it('shows nothing when all is delivered', () => {
    expect(render(<DeliveryFailures rows={[]} />).container.innerHTML).toBe('');
  });
});
