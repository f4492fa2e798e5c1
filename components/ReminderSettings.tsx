import { t } from '@/utils/i18n/index';
import { to } from '@/utils/i18n/options-texts';
import { CHANNEL_LIST, type ChannelId } from '@/utils/reminders/channels';
import { useState } from 'preact/hooks';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { formatDays, parseDays } from '@/utils/reminders/thresholds-text';
import type { Settings } from '@/utils/settings';

export interface ProfileChoice {
  id: string;
  name: string;
  network: NetworkId;
}

export interface ReminderSettingsProps {
  settings: Settings;
  profiles: ProfileChoice[];
  onSave: (settings: Settings) => void;
  onSendTest: (channel: ChannelId, url: string) => void;
}

/** Reminders and channels (SPEC §5): thresholds, channels, and "apply to all" or "set by profile". */
export function ReminderSettings({ settings, profiles, onSave, onSendTest }: ReminderSettingsProps) {
  const [days, setDays] = useState(formatDays(settings.reminders.thresholds));
  const [atExpiry, setAtExpiry] = useState(settings.reminders.thresholds.includes(0));
  const [channels, setChannels] = useState(settings.channels);
  const [mode, setMode] = useState(settings.reminders.mode);
  const [overrides, setOverrides] = useState(settings.reminders.profiles);
  const [error, setError] = useState<string | null>(null);
  const setChannel = <K extends keyof Settings['channels']>(key: K, value: Settings['channels'][K]) =>
    setChannels((c) => ({ ...c, [key]: value }));
  const setOverride = (id: string, change: { muted?: boolean; thresholds?: number[] | undefined }) =>
    setOverrides((o) => ({ ...o, [id]: { ...o[id], ...change } }));

  const save = (e: Event) => {
    e.preventDefault();
    const thresholds = parseDays(days, atExpiry);
    if (!thresholds.ok) return setError(thresholds.message);
    setError(null);
    onSave({ ...settings, channels, reminders: { thresholds: thresholds.value, mode, profiles: overrides } });
  };

  return (
    <form onSubmit={save} aria-label={to('opt.remindersForm')}>
      <fieldset>
        <legend>{to('opt.when')}</legend>
        <div class="field">
          <label for="reminder-days">{to('opt.days')}</label>
          <input id="reminder-days" value={days} onInput={(e) => setDays(e.currentTarget.value)} inputMode="numeric" />
        </div>
        <label class="check">
          <input type="checkbox" checked={atExpiry} onChange={(e) => setAtExpiry(e.currentTarget.checked)} /> {to('opt.atExpiry')}
        </label>
        {error && (
          <p class="note" role="alert">
            {error}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{to('opt.channels')}</legend>
        <p class="muted">{to('opt.inboxAlways')}</p>
        <label class="check">
          <input type="checkbox" checked={channels.notifications} onChange={(e) => setChannel('notifications', e.currentTarget.checked)} />{' '}
          {to('opt.notifications')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={channels.startupWarning}
            onChange={(e) => setChannel('startupWarning', e.currentTarget.checked)}
          />{' '}
          {to('opt.startup')}
        </label>
        {CHANNEL_LIST.map(({ id: channel, settingsKey: key, label }) => {
          return (
            <div class="field" key={channel}>
              <label for={`${channel}-url`}>{t(label)}</label>
              <div class="inline">
                <input
                  id={`${channel}-url`}
                  type="url"
                  placeholder="https://"
                  value={channels[key]}
                  onInput={(e) => setChannel(key, e.currentTarget.value.trim())}
                />
                <button type="button" disabled={!channels[key]} onClick={() => onSendTest(channel, channels[key])}>
                  {to('opt.sendTest')}
                </button>
              </div>
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{to('opt.profiles')}</legend>
        <label class="check">
          <input type="radio" name="reminder-mode" checked={mode === 'all'} onChange={() => setMode('all')} /> {to('opt.applyAll')}
        </label>
        <label class="check">
          <input type="radio" name="reminder-mode" checked={mode === 'per-profile'} onChange={() => setMode('per-profile')} />{' '}
          {to('opt.byProfile')}
        </label>
        {mode === 'per-profile' && (
          <table class="per-profile">
            <caption class="muted">{to('opt.tableHint')}</caption>
            <thead>
              <tr>
                <th scope="col">{to('opt.profile')}</th>
                <th scope="col">{to('opt.muted')}</th>
                <th scope="col">{to('opt.days')}</th>
              </tr>
            </thead>
            <tbody>
              {profiles.map((p) => {
                const own = overrides[p.id];
                return (
                  <tr key={p.id} data-profile-id={p.id}>
                    <th scope="row">
                      {p.name} <span class="muted">{NETWORKS[p.network].name}</span>
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={to('opt.mute', { name: p.name, network: NETWORKS[p.network].name })}
                        checked={own?.muted ?? false}
                        onChange={(e) => setOverride(p.id, { muted: e.currentTarget.checked })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={to('opt.daysFor', { name: p.name, network: NETWORKS[p.network].name })}
                        value={own?.thresholds ? formatDays(own.thresholds) : ''}
                        onChange={(e) => {
                          const parsed = parseDays(e.currentTarget.value, true);
                          setOverride(p.id, { thresholds: e.currentTarget.value.trim() && parsed.ok ? parsed.value : undefined });
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </fieldset>
      <button type="submit" class="primary">
        {to('opt.saveReminders')}
      </button>
    </form>
  );
}
