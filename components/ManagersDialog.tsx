import { t } from '@/utils/i18n/index';
import type { CanRenew } from '@/utils/db/schema';

const ICON: Record<CanRenew, string> = { yes: '✓', no: '✗', unknown: '?' };
const WORDS = { yes: 'managers.yes', no: 'managers.no', unknown: 'managers.unknown' } as const;

export interface ManagersDialogProps {
  profileName: string;
  networkName: string;
  permissionNeeded: string;
  identities: { id: string; name: string; can: CanRenew; reason?: string }[];
  onClose: () => void;
}

/** "See who can renew" (SPEC §4): every identity that held a token for the profile, with ✓ ✗ ?. */
export function ManagersDialog({ profileName, networkName, permissionNeeded, identities, onClose }: ManagersDialogProps) {
  return (
    <dialog open class="dialog" aria-labelledby="managers-title" aria-modal="true" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id="managers-title">{t('managers.title', { name: profileName })}</h2>
      <p class="muted">{t('managers.needs', { network: networkName, permission: permissionNeeded })}</p>
      {identities.length === 0 ? (
        <p>{t('managers.none')}</p>
      ) : (
        <ul class="managers">
          {identities.map((i) => (
            <li key={i.id} data-can={i.can}>
              <span class={`mark mark-${i.can}`} aria-hidden="true">
                {ICON[i.can]}
              </span>{' '}
              <strong>{i.name}</strong> <span>{t(WORDS[i.can])}</span>
              {i.reason && i.can !== 'unknown' && <span class="muted"> ({i.reason})</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose} autoFocus>
        {t('common.close')}
      </button>
    </dialog>
  );
}
