import { to, ton } from '@/utils/i18n/options-texts';
import { formatDateTime, formatTime } from '@/utils/format';
import type { OutboxRecord } from '@/utils/db/schema';

const CHANNEL_NAMES: Partial<Record<OutboxRecord['channel'], string>> = { slack: 'Slack', webhook: 'Webhook' };

interface Group {
  key: string;
  channel: OutboxRecord['channel'];
  status: OutboxRecord['status'];
  count: number;
  oldest: number;
  newest: number;
  lastError: string;
}

/** One line per channel and state: how many are waiting (or given up on), the latest error, since when. */
export function groupDeliveries(rows: OutboxRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = `${r.channel}:${r.status}`;
    const g = groups.get(key) ?? {
      key,
      channel: r.channel,
      status: r.status,
      count: 0,
      oldest: r.createdAt,
      newest: -Infinity,
      lastError: '',
    };
    g.count += 1;
    g.oldest = Math.min(g.oldest, r.createdAt);
    if (r.createdAt >= g.newest && r.lastError) [g.newest, g.lastError] = [r.createdAt, r.lastError];
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** A time today reads "03:53"; an older one carries its date. */
const sinceText = (at: number, now: number) =>
  new Date(at).toDateString() === new Date(now).toDateString() ? formatTime(at) : formatDateTime(at);

/** Slack and webhook messages still retrying or given up on: shown, never lost silently. */
export function DeliveryFailures({ rows, now = Date.now() }: { rows: OutboxRecord[]; now?: number }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={to('opt.deliveryProblems')}>
      <h2>{to('opt.deliveryProblems')}</h2>
      <ul class="deliveries">
        {groupDeliveries(rows).map((g) => (
          <li key={g.key} data-status={g.status} data-channel={g.channel}>
            {ton(g.status === 'failed' ? 'opt.undelivered' : 'opt.waiting', g.count, {
              channel: CHANNEL_NAMES[g.channel] ?? g.channel,
              error: g.lastError || '?',
              since: sinceText(g.oldest, now),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
