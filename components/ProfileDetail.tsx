import { useState } from 'preact/hooks';
import { formatDateTime } from '@/utils/format';
import type { HistoryRecord } from '@/utils/db/schema';
import type { ProfileRowView } from '@/utils/profile-view';
import { Consequences } from './Consequences';
import { StatusPill } from './StatusPill';

export interface ProfileDetailProps {
  row: ProfileRowView;
  history: HistoryRecord[];
  onBack: () => void;
  onRenew: () => void;
  onManagers: () => void;
  onDisconnect: () => void;
}

/** One profile: status, consequences, the timeline, and Disconnect (confirmed; the history stays). */
export function ProfileDetail({ row, history, onBack, onRenew, onManagers, onDisconnect }: ProfileDetailProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="detail" aria-labelledby="detail-title">
      <button type="button" class="link" onClick={onBack}>
        ← All profiles
      </button>
      <h2 id="detail-title">
        {row.name} <span class="muted">{row.networkName}</span>
      </h2>
      <StatusPill status={row.status} text={row.statusText} />
      {row.consequences && <Consequences c={row.consequences} />}
      <div class="inline detail-actions">
        <button type="button" class="primary" onClick={onRenew} disabled={row.renewing}>
          Renew
        </button>
        <button type="button" onClick={onManagers}>
          See who can renew
        </button>
        {confirming ? (
          <span role="alertdialog" aria-label="Confirm disconnect">
            Stop tracking {row.name}? The history is kept.{' '}
            <button type="button" onClick={onDisconnect}>
              Yes, disconnect
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              No
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Disconnect
          </button>
        )}
      </div>
      <h3>History</h3>
      <ol class="timeline" reversed>
        {[...history].reverse().map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
