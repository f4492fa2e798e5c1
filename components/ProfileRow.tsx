import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n/index';
import type { ProfileRowView } from '@/utils/profile-view';
import { Consequences, ConsequenceLine } from './Consequences';
import { NetworkMark } from './NetworkMark';
import { StatusPill } from './StatusPill';

export interface ProfileRowProps {
  row: ProfileRowView;
  onRenew: (profileId: string) => void;
  onDetails?: (profileId: string) => void;
  onManagers?: (profileId: string) => void;
  /** The row's details (consequences, last check, who can renew, history) are shown. */
  open?: boolean;
  onToggle?: (profileId: string) => void;
  /** The row an inbox entry or a notification pointed at: outlined and scrolled into view. */
  highlight?: boolean;
}

/**
 * One line for a healthy profile (mark, name, status, Renew); a second for what needs saying
 * (an expired profile's consequences, a failed check, a renewal's outcome); details on demand.
 */
export function ProfileRow({ row, onRenew, onDetails, onManagers, open = false, onToggle, highlight = false }: ProfileRowProps) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [highlight]);
  const outcomeClass =
    row.outcome?.kind === 'renewed' ? 'outcome-ok' : row.outcome?.kind === 'cancelled' ? 'outcome-neutral' : 'outcome-bad';
  const moreId = `more-${row.id}`;
  return (
    <li ref={ref} class={`row row-${row.status}${highlight ? ' highlight' : ''}`} data-profile-id={row.id} data-status={row.status}>
      <div class="row-line">
        <span class="marks">
          <NetworkMark network={row.network} />
          <span class="avatar" aria-hidden="true">
            {row.name.trim().charAt(0).toLocaleUpperCase()}
          </span>
        </span>
        <button
          type="button"
          class="row-name"
          aria-expanded={open}
          aria-controls={open ? moreId : undefined}
          title={row.name}
          onClick={() => onToggle?.(row.id)}
        >
          {row.name}
        </button>
        {!row.consequences && <StatusPill status={row.status} text={row.statusText} />}
        <button
          type="button"
          class="renew"
          disabled={row.renewing}
          onClick={() => onRenew(row.id)}
          aria-label={t('row.renewLabel', { name: row.name, network: row.networkName })}
        >
          {t('row.renew')}
        </button>
      </div>
      {(row.consequences || row.lastCheckFailed) && (
        <div class="row-sub">
          {row.consequences && (
            <ConsequenceLine c={row.consequences}>
              <StatusPill status={row.status} text={row.statusText} />
            </ConsequenceLine>
          )}
          {row.lastCheckFailed && (
            <span class="check-failed" title={row.lastError ?? undefined}>
              {t('row.lastCheckFailed')}
            </span>
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
      {open && (
        <div class="row-more" id={moreId}>
          <div class="row-status-full">{row.statusText}</div>
          {row.consequences && <Consequences c={row.consequences} />}
          <div class="row-meta">{row.lastCheckText}</div>
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
        </div>
      )}
    </li>
  );
}
