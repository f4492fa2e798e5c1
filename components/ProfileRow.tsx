import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/index';
import type { ProfileRowView } from '@/utils/profile-view';
import { Consequences } from './Consequences';
import { StatusPill } from './StatusPill';

export interface ProfileRowProps {
  row: ProfileRowView;
  onRenew: (profileId: string) => void;
  onDetails?: (profileId: string) => void;
  onManagers?: (profileId: string) => void;
  /** The row an inbox entry or a notification pointed at: outlined and scrolled into view. */
  highlight?: boolean;
}

export function ProfileRow({ row, onRenew, onDetails, onManagers, highlight = false }: ProfileRowProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [highlight]);
  const outcomeClass =
    row.outcome?.kind === 'renewed' ? 'outcome-ok' : row.outcome?.kind === 'cancelled' ? 'outcome-neutral' : 'outcome-bad';
  return (
    <li ref={ref} class={`row row-${row.status}${highlight ? ' highlight' : ''}`} data-profile-id={row.id} data-status={row.status}>
      <span class={`net net-${row.network}`} title={row.networkName} aria-hidden="true">
        {row.networkName.slice(0, 2)}
      </span>
      <span class="avatar" aria-hidden="true">
        {row.name.trim().charAt(0).toLocaleUpperCase()}
      </span>
      <div class="row-main">
        <div class="row-title">
          <span class="row-name">{row.name}</span>
          <span class="row-network">{row.networkName}</span>
        </div>
        <StatusPill status={row.status} text={row.statusText} />
        {row.consequences && <Consequences c={row.consequences} />}
        <div class="row-meta">
          {row.lastCheckText}
          {row.lastCheckFailed && (
            <span class="check-failed" title={row.lastError ?? undefined}>
              {' '}
              · {t('row.lastCheckFailed')}
            </span>
          )}
        </div>
        {(onDetails || onManagers) && (
          <div class="row-links">
            {onManagers && (
              <button
                type="button"
                class="link"
                onClick={() => onManagers(row.id)}
                aria-label={t('row.whoCanRenewLabel', { name: row.name })}
              >
                {t('row.whoCanRenew')}
              </button>
            )}
            {onDetails && (
              <button type="button" class="link" onClick={() => onDetails(row.id)} aria-label={t('row.detailsLabel', { name: row.name })}>
                {t('row.details')}
              </button>
            )}
          </div>
        )}
        {row.renewing && (
          <div class="row-outcome outcome-neutral" role="status">
            {t('row.renewing')}
          </div>
        )}
        {!row.renewing && row.outcomeText && (
          <div class={`row-outcome ${outcomeClass}`} role="status" data-outcome={row.outcome?.kind}>
            {row.outcomeText}
          </div>
        )}
      </div>
      <button
        type="button"
        class="renew"
        disabled={row.renewing}
        onClick={() => onRenew(row.id)}
        aria-label={t('row.renewLabel', { name: row.name, network: row.networkName })}
      >
        {t('row.renew')}
      </button>
    </li>
  );
}
