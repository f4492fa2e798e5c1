import { t } from '@/utils/i18n/index';
import type { JobRecord } from '@/utils/db/schema';
import { describeOutcome } from '@/utils/outcomes';

export interface BulkRenewProps {
  networkName: string;
  atRisk: number;
  job: JobRecord | null;
  onStart: () => void;
  onCancel: () => void;
}

/** "Try renewing all" on one network: progress "3 of 12", Cancel, and a summary of what happened and why. */
export function BulkRenew({ networkName, atRisk, job, onStart, onCancel }: BulkRenewProps) {
  if (job?.state === 'running') {
    return (
      <div class="bulk" role="status" aria-live="polite">
        <progress max={job.total} value={job.done} aria-label={t('bulk.progressLabel', { network: networkName })} />
        <span class="bulk-progress">{t('bulk.progress', { done: job.done, total: job.total })}</span>{' '}
        <button type="button" onClick={onCancel} disabled={job.cancelRequested}>
          {job.cancelRequested ? t('bulk.stopping') : t('bulk.cancel')}
        </button>
      </div>
    );
  }
  const renewed = job?.results.filter((r) => r.outcome.kind === 'renewed') ?? [];
  const cancelled = job?.results.filter((r) => r.outcome.kind === 'cancelled') ?? [];
  const failed = job?.results.filter((r) => r.outcome.kind !== 'renewed' && r.outcome.kind !== 'cancelled') ?? [];
  return (
    <div class="bulk">
      {atRisk > 0 && (
        <button type="button" class="primary" onClick={onStart}>
          {t('bulk.start', { network: networkName, n: atRisk })}
        </button>
      )}
      {job && (
        <div class="bulk-summary" role="status">
          <p>
            {job.state === 'cancelled' ? t('bulk.stopped') : ''}
            {t('bulk.summary', { renewed: renewed.length, cancelled: cancelled.length, failed: failed.length })}
          </p>
          {failed.length > 0 && (
            <ul>
              {failed.map((r) => (
                <li key={r.profileId}>
                  {r.name}: {describeOutcome(r.outcome)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
