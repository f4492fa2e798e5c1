import { useEffect, useRef } from 'preact/hooks';
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

/** Tab and Shift+Tab cycle through the dialog's own controls. */
function keepFocusInside(e: KeyboardEvent) {
  if (e.key !== 'Tab') return;
  const dialog = e.currentTarget as HTMLDialogElement;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href], input, select, [tabindex]:not([tabindex="-1"])')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = dialog.ownerDocument.activeElement;
  if (e.shiftKey ? active === first || !dialog.contains(active) : active === last || !dialog.contains(active)) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

/**
 * "See who can renew" (SPEC §4): every identity that held a token for the profile, with ✓ ✗ ?.
 * A modal <dialog>: centred over a backdrop, the page behind inert, focus kept inside, Escape closes.
 */
export function ManagersDialog({ profileName, networkName, permissionNeeded, identities, onClose }: ManagersDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="managers-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={keepFocusInside}
    >
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
      <button type="button" class="primary" onClick={onClose} autoFocus>
        {t('common.close')}
      </button>
    </dialog>
  );
}
