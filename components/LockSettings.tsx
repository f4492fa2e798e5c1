import { tp } from '@/utils/i18n/page-texts';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CommandClient } from '@/utils/messages';
import { MIN_PASSPHRASE } from '@/utils/passphrase';

type Mode = 'open' | 'locked' | 'unlocked';

/** Options → Lock: what the default protects against and what not, and the opt-in passphrase lock. */
export function LockSettings({ command }: { command: CommandClient }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [note, setNote] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const refresh = useCallback(
    () =>
      command('vaultState', {}).then(
        (s) => setMode(s.mode),
        () => setMode(null),
      ),
    [command],
  );
  useEffect(() => void refresh(), [refresh]);
  const run = async (action: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) => {
    try {
      const r = await action();
      setNote(r.ok ? { tone: 'ok', text: done } : { tone: 'bad', text: r.message });
      if (r.ok) setPassphrase('');
    } catch (error) {
      setNote({ tone: 'bad', text: error instanceof Error ? error.message : String(error) });
    }
    await refresh();
  };
  return (
    <section class="lock-settings" aria-labelledby="lock-title">
      <h2 id="lock-title">{tp('lock.title')}</h2>
      <p class="note">{tp('lock.default')}</p>
      <p class="note">{tp('lock.withLock')}</p>
      {mode && (
        <p data-lock-mode={mode}>
          <strong>{tp(mode === 'open' ? 'lock.stateOpen' : mode === 'locked' ? 'lock.stateLocked' : 'lock.stateUnlocked')}</strong>
        </p>
      )}
      {note && (
        <p class={note.tone === 'bad' ? 'note' : 'muted'} role="status">
          {note.text}
        </p>
      )}
      {mode === 'open' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => command('lockOn', { passphrase }), tp('lock.turnedOn'));
          }}
        >
          <div class="field">
            <label for="lock-passphrase">{tp('lock.passphrase', { n: MIN_PASSPHRASE })}</label>
            <input
              id="lock-passphrase"
              type="password"
              autocomplete="new-password"
              minLength={MIN_PASSPHRASE}
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </div>
          <button type="submit">{tp('lock.turnOn')}</button>
        </form>
      )}
      {mode === 'locked' && (
        <p>
          <button
            type="button"
            data-action="lock-reset"
            onClick={() => {
              if (confirm(tp('lock.forgotConfirm'))) void run(() => command('lockReset', {}), tp('lock.forgotten'));
            }}
          >
            {tp('lock.forgot')}
          </button>
        </p>
      )}
      {mode === 'unlocked' && (
        <p>
          <button type="button" onClick={() => void run(() => command('lockNow', {}), tp('lock.stateLocked'))}>
            {tp('lock.lockNow')}
          </button>{' '}
          <button type="button" onClick={() => void run(() => command('lockOff', {}), tp('lock.turnedOff'))}>
            {tp('lock.turnOff')}
          </button>
        </p>
      )}
    </section>
  );
}
