import { tp } from '@/utils/i18n/page-texts';
import { useEffect, useState } from 'preact/hooks';
import type { CommandClient } from '@/utils/messages';

/** The popup's Unlock, shown only while the vault is locked (the opt-in lock). */
export function UnlockPanel({ command }: { command: CommandClient }) {
  const [locked, setLocked] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    command('vaultState', {}).then(
      (s) => setLocked(s.mode === 'locked'),
      () => setLocked(false),
    );
  }, [command]);
  if (!locked) return null;
  return (
    <form
      class="unlock banner banner-neutral"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          const r = await command('unlock', { passphrase });
          if (r.ok) setLocked(false);
          else setError(r.message);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        } finally {
          setBusy(false);
          setPassphrase('');
        }
      }}
    >
      <div>
        <p>{tp('lock.popupLocked')}</p>
        <label for="unlock-passphrase">{tp('lock.passphraseShort')}</label>{' '}
        <input
          id="unlock-passphrase"
          type="password"
          autocomplete="current-password"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />{' '}
        <button type="submit" class="primary" disabled={busy || !passphrase}>
          {tp('lock.unlock')}
        </button>
        {error && (
          <p role="alert" class="unlock-error">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
