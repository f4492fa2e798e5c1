import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { STATUSES, type ListFilter } from '@/utils/list-filter';
import type { TokenStatus } from '@/utils/status';

const LABELS: Record<TokenStatus, string> = {
  expired: 'Expired',
  expiring: 'Expiring within 7 days',
  valid: 'Valid',
  'no-expiry': 'No expiration date',
};
const SHORT: Record<TokenStatus, string> = { expired: 'Expired', expiring: 'Expiring', valid: 'Valid', 'no-expiry': 'No expiry' };

export interface ListToolbarProps {
  filter: ListFilter;
  counts: Record<TokenStatus, number>;
  networks: NetworkId[];
  onChange: (filter: ListFilter) => void;
}

/** Status filter with counts, network filter and text search; they combine. */
export function ListToolbar({ filter, counts, networks, onChange }: ListToolbarProps) {
  const toggle = (s: TokenStatus) =>
    onChange({ ...filter, statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : [...filter.statuses, s] });
  return (
    <div class="toolbar" role="search">
      <div class="chips" role="group" aria-label="Filter by status">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            class={`chip chip-${s}`}
            aria-pressed={filter.statuses.includes(s)}
            // Starts with the visible text (voice control users say what they see), then the full meaning.
            aria-label={`${SHORT[s]} ${counts[s]}: ${LABELS[s].toLowerCase()}`}
            data-status={s}
            onClick={() => toggle(s)}
          >
            {SHORT[s]} <span class="chip-count">{counts[s]}</span>
          </button>
        ))}
      </div>
      <div class="inline">
        <label class="sr-only" for="filter-network">
          Network
        </label>
        <select
          id="filter-network"
          value={filter.network}
          onChange={(e) => onChange({ ...filter, network: e.currentTarget.value as ListFilter['network'] })}
        >
          <option value="all">All networks</option>
          {networks.map((id) => (
            <option key={id} value={id}>
              {NETWORKS[id].name}
            </option>
          ))}
        </select>
        <label class="sr-only" for="filter-text">
          Search profiles by name or handle
        </label>
        <input
          id="filter-text"
          type="search"
          placeholder="Search profiles"
          value={filter.text}
          onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
