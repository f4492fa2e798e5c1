import { to } from '@/utils/i18n/options-texts';
import { useState } from 'preact/hooks';
import { NETWORKS, NETWORK_IDS, type NetworkId } from '@/utils/networks/catalog';
import { exchangeUrlNeeded, type NetworkSettings, type Settings } from '@/utils/settings';

const EMPTY: NetworkSettings = { clientId: '', baseUrl: '', exchangeUrl: '' };

export interface SettingsFormProps {
  settings: Settings;
  /** Networks that can be connected today (others are listed for completeness). */
  supported: NetworkId[];
  onSave: (settings: Settings) => void;
}

/** The Advanced settings: each network's client ID, endpoint base URL and token-exchange URL, opened on demand. */
export function SettingsForm({ settings, supported, onSave }: SettingsFormProps) {
  const [draft, setDraft] = useState<Settings>(settings);
  const setNetwork = (id: NetworkId, field: keyof NetworkSettings, value: string) =>
    setDraft((d) => ({ ...d, networks: { ...d.networks, [id]: { ...EMPTY, ...d.networks[id], [field]: value.trim() } } }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <fieldset>
        <legend>{to('opt.polling')}</legend>
        <div class="field">
          <label for="poll-interval">{to('opt.pollEvery')}</label>
          <input
            id="poll-interval"
            type="number"
            min={0.1}
            max={1440}
            step="any"
            value={draft.polling.intervalMinutes}
            onInput={(e) => setDraft((d) => ({ ...d, polling: { intervalMinutes: Number(e.currentTarget.value) } }))}
          />
          <small>{to('opt.pollHint')}</small>
        </div>
      </fieldset>
      {NETWORK_IDS.filter((id) => supported.includes(id)).map((id) => {
        const n = draft.networks[id] ?? EMPTY;
        return (
          <details key={id} id={`net-${id}`} class="net-settings" data-network={id}>
            <summary>{NETWORKS[id].name}</summary>
            <div class="field">
              <label for={`${id}-client`}>{to('opt.clientId')}</label>
              <input
                id={`${id}-client`}
                value={n.clientId}
                onInput={(e) => setNetwork(id, 'clientId', e.currentTarget.value)}
                autocomplete="off"
              />
            </div>
            <div class="field">
              <label for={`${id}-base`}>{to('opt.baseUrl')}</label>
              <input
                id={`${id}-base`}
                type="url"
                value={n.baseUrl}
                placeholder="https://"
                onInput={(e) => setNetwork(id, 'baseUrl', e.currentTarget.value)}
              />
            </div>
            {NETWORKS[id].needsSecret && !n.exchangeUrl && (
              <p class="note" data-needs-exchange={id}>
                {exchangeUrlNeeded(id)}
              </p>
            )}
            {!NETWORKS[id].needsSecret && <p class="note muted">{to('opt.publicClient', { network: NETWORKS[id].name })}</p>}
            <div class="field">
              <label for={`${id}-history`}>{to('opt.historyLimit', { n: NETWORKS[id].historyLimitDays ?? '-' })}</label>
              <input
                id={`${id}-history`}
                type="number"
                min={0}
                max={3650}
                value={draft.historyLimits[id] ?? ''}
                onInput={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, historyLimits: { ...d.historyLimits, [id]: v === '' ? undefined : Math.trunc(Number(v)) } }));
                }}
              />
            </div>
            <div class="field">
              <label for={`${id}-exchange`}>{to('opt.exchangeUrl')}</label>
              <input
                id={`${id}-exchange`}
                type="url"
                value={n.exchangeUrl}
                placeholder="https://"
                onInput={(e) => setNetwork(id, 'exchangeUrl', e.currentTarget.value)}
              />
            </div>
          </details>
        );
      })}
      <button type="submit" class="primary">
        {to('opt.save')}
      </button>
    </form>
  );
}
