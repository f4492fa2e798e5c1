import { t } from '@/utils/i18n/index';
import { historyText } from '@/utils/history-facts';
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
        {t('detail.back')}
      </button>
      <h2 id="detail-title">
        {row.name} <span class="muted">{row.networkName}</span>
      </h2>
      <StatusPill status={row.status} text={row.statusText} />
      {row.consequences && <Consequences c={row.consequences} />}
      <div class="inline detail-actions">
        <button type="button" class="primary" onClick={onRenew} disabled={row.renewing}>
          {t('row.renew')}
        </button>
        <button type="button" onClick={onManagers}>
          {t('row.whoCanRenew')}
        </button>
        {confirming ? (
          <span role="alertdialog" aria-label={t('detail.confirmLabel')}>
            {t('detail.confirm', { name: row.name })}{' '}
            <button type="button" onClick={onDisconnect}>
              {t('detail.yes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('detail.no')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('detail.disconnect')}
          </button>
        )}
      </div>
      <h3>{t('detail.history')}</h3>
      <ol class="timeline" reversed>
        {[...history].reverse().map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> {historyText(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
