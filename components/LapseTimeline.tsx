import { formatDate } from '@/utils/format';
import { tv, tvn } from '@/utils/i18n/view-texts';
import { lapseMarks, todayAt, type LapseRow } from '@/utils/lapse-marks';
import { NETWORKS } from '@/utils/networks/catalog';
import { DAY } from '@/utils/time';
import { NetworkMark } from './NetworkMark';

export interface LapseTimelineProps {
  rows: LapseRow[];
  now: number;
  onOpen: (profileId: string) => void;
}

/** What lapses when: the next 90 days, a strip per network, a mark per day (expiry or renewal policy), today a line. */
export function LapseTimeline({ rows, now, onOpen }: LapseTimelineProps) {
  const strips = lapseMarks(rows, now);
  if (strips.size === 0) return null;
  const today = todayAt();
  return (
    <section class="lapse" aria-labelledby="lapse-title">
      <h2 id="lapse-title">{tv('timeline.title')}</h2>
      <ul class="lapse-strips">
        {[...strips].map(([network, marks]) => (
          <li key={network} class="lapse-strip" data-network={network}>
            <span class="lapse-label">
              <NetworkMark network={network} size={14} />
              <span class="sr-only">{NETWORKS[network].name}</span>
            </span>
            <span class="lapse-track">
              <span class="lapse-today" style={{ left: `${today}%` }} aria-hidden="true" />
              {marks.map((m) => {
                const names = m.rows.map((r) => r.name).join(', ');
                const label = `${NETWORKS[network].name}, ${formatDate(m.day * DAY)}: ${tvn('timeline.profiles', m.rows.length, { names })}`;
                return (
                  <button
                    key={m.day}
                    type="button"
                    class={`lapse-mark lapse-${m.status}${m.policy ? ' lapse-policy' : ''}`}
                    style={{ left: `${m.at}%` }}
                    aria-label={label}
                    title={label}
                    data-day={m.day}
                    onClick={() => onOpen(m.rows[0]!.id)}
                  >
                    {m.rows.length > 1 ? m.rows.length : ''}
                  </button>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      <div class="lapse-axis" aria-hidden="true">
        <span style={{ left: `${today}%` }}>{tv('timeline.today')}</span>
        {[30, 60, 90].map((d) => (
          <span key={d} style={{ left: `${todayAt() + (d / 98) * 100}%` }}>
            {formatDate(now + d * DAY).replace(/ \d{4}$/, '')}
          </span>
        ))}
      </div>
    </section>
  );
}
