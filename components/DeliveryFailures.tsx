import { t } from '@/utils/i18n/index';
import { formatDateTime } from '@/utils/format';
import type { OutboxRecord } from '@/utils/db/schema';

/** Slack and webhook messages still retrying or given up on: shown, never lost silently. */
export function DeliveryFailures({ rows }: { rows: OutboxRecord[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={t('opt.deliveryProblems')}>
      <h2>{t('opt.deliveryProblems')}</h2>
      <ul class="deliveries">
        {rows.map((r) => (
          <li key={r.id} data-status={r.status}>
            <strong>{r.channel === 'slack' ? 'Slack' : 'Webhook'}</strong>:{' '}
            {r.status === 'failed' ? t('opt.notDelivered') : t('opt.retrying', { n: r.attempts })},{' '}
            {t('opt.lastError', { error: r.lastError ?? '' })},{' '}
            <span class="muted">{t('opt.since', { date: formatDateTime(r.createdAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
