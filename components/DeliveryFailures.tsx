import { formatDateTime } from '@/utils/format';
import type { OutboxRecord } from '@/utils/db/schema';

/** Slack and webhook messages still retrying or given up on: shown, never lost silently. */
export function DeliveryFailures({ rows }: { rows: OutboxRecord[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label="Delivery problems">
      <h2>Delivery problems</h2>
      <ul class="deliveries">
        {rows.map((r) => (
          <li key={r.id} data-status={r.status}>
            <strong>{r.channel === 'slack' ? 'Slack' : 'Webhook'}</strong>:{' '}
            {r.status === 'failed' ? 'not delivered' : `retrying (${r.attempts} tries so far)`}, last error “{r.lastError}”,{' '}
            <span class="muted">since {formatDateTime(r.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
