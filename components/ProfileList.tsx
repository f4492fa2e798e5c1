import type { ProfileRowView } from '@/utils/profile-view';
import { ProfileRow } from './ProfileRow';

export interface ProfileListProps {
  rows: ProfileRowView[];
  onRenew: (id: string) => void;
  highlighted?: string | null;
  label?: string;
}

export function ProfileList({ rows, onRenew, highlighted = null, label = 'Profiles by urgency' }: ProfileListProps) {
  return (
    <ul class="profile-list" aria-label={label}>
      {rows.map((row) => (
        <ProfileRow key={row.id} row={row} onRenew={onRenew} highlight={row.id === highlighted} />
      ))}
    </ul>
  );
}
