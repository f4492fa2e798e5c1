import { t } from '@/utils/i18n/index';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { STATUSES, type ListFilter } from '@/utils/list-filter';
import type { TokenStatus } from '@/utils/status';

const short = (): Record<TokenStatus, string> => ({
  expired: t('status.expired'),
  expiring: t('status.expiring'),
  valid: t('status.valid'),
  'no-expiry': t('status.noExpiry'),
});
const long = (): Record<TokenStatus, string> => ({
  expired: t('status.expired'),
  expiring: t('status.expiringLong'),
  valid: t('status.valid'),
  'no-expiry': t('status.noExpiryLong'),
});

export interface ListToolbarProps {
  filter: ListFilter;
  counts: Record<TokenStatus, number>;
  networks: NetworkId[];
  onChange: (filter: ListFilter) => void;
}

/** Status filter with counts, network filter and text search; they combine. */
export function ListToolbar({ filter, counts, networks, onChange }: ListToolbarProps) {
  const words = short();
  const meaning = long();
  const toggle = (s: TokenStatus) =>
    onChange({ ...filter, statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : [...filter.statuses, s] });
  return (
    <div class="toolbar" role="search">
      <div class="chips" role="group" aria-label={t('toolbar.byStatus')}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            class={`chip chip-${s}`}
            aria-pressed={filter.statuses.includes(s)}
            // Starts with the visible text (voice control users say what they see), then the full meaning.
            aria-label={`${words[s]} ${counts[s]}: ${meaning[s].toLowerCase()}`}
            data-status={s}
            onClick={() => toggle(s)}
          >
            {words[s]} <span class="chip-count">{counts[s]}</span>
          </button>
        ))}
      </div>
      <div class="inline">
        <label class="sr-only" for="filter-network">
          {t('toolbar.network')}
        </label>
        <select
          id="filter-network"
          value={filter.network}
          onChange={(e) => onChange({ ...filter, network: e.currentTarget.value as ListFilter['network'] })}
        >
          <option value="all">{t('toolbar.allNetworks')}</option>
          {networks.map((id) => (
            <option key={id} value={id}>
              {NETWORKS[id].name}
            </option>
          ))}
        </select>
        <label class="sr-only" for="filter-text">
          {t('toolbar.search')}
        </label>
        <input
          id="filter-text"
          type="search"
          placeholder={t('toolbar.searchPlaceholder')}
          value={filter.text}
          onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
