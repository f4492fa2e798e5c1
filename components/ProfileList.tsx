import type { ProfileRowView } from '@/utils/profile-view';
import { ProfileRow } from './ProfileRow';

export function ProfileList({ rows, onRenew }: { rows: ProfileRowView[]; onRenew: (id: string) => void }) {
  return (
    <ul class="profile-list" aria-label="Profiles by urgency">
      {rows.map((row) => (
        <ProfileRow key={row.id} row={row} onRenew={onRenew} />
      ))}
    </ul>
  );
}
