import type { CanRenew } from '@/utils/db/schema';

const MARK: Record<CanRenew, { icon: string; words: string }> = {
  yes: { icon: '✓', words: 'can renew' },
  no: { icon: '✗', words: 'cannot renew' },
  unknown: { icon: '?', words: 'unknown: held a token before, permission not known now' },
};

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
      <h2 id="managers-title">Who can renew {profileName}</h2>
      <p class="muted">
        To renew it on {networkName}, a person needs: {permissionNeeded}.
      </p>
      {identities.length === 0 ? (
        <p>No one has connected this profile yet.</p>
      ) : (
        <ul class="managers">
          {identities.map((i) => (
            <li key={i.id} data-can={i.can}>
              <span class={`mark mark-${i.can}`} aria-hidden="true">
                {MARK[i.can].icon}
              </span>{' '}
              <strong>{i.name}</strong> <span>{MARK[i.can].words}</span>
              {i.reason && i.can !== 'unknown' && <span class="muted"> ({i.reason})</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
