import { t } from '@/utils/i18n/index';
import { disableLock, enableLock, MIN_PASSPHRASE, resetLock, unwrapVaultKey } from '@/utils/db/vault-lock';
import { vaultMode } from '@/utils/db/vault';
import type { Deps } from './deps';
import { pollGrants } from './poll';
import { sessionVaultRaw, setSessionVaultKey } from './session';

type Result = { ok: true } | { ok: false; message: string };

/** Options → "Lock with a passphrase": from now on the key is stored only wrapped. */
export async function turnLockOn(deps: Deps, passphrase: string): Promise<Result> {
  if (passphrase.length < MIN_PASSPHRASE) return { ok: false, message: t('lock.tooShort', { n: MIN_PASSPHRASE }) };
  if ((await vaultMode(deps.db)) !== 'open') return { ok: false, message: t('lock.alreadyOn') };
  const raw = await enableLock(deps.db, passphrase);
  // This session stays unlocked: the person just typed the passphrase.
  await setSessionVaultKey(raw);
  return { ok: true };
}

/** Popup → Unlock: the key is unwrapped into the session; the checks that waited run now. */
export async function unlock(deps: Deps, passphrase: string): Promise<Result> {
  const raw = await unwrapVaultKey(deps.db, passphrase);
  if (!raw) return { ok: false, message: t('lock.wrong') };
  await setSessionVaultKey(raw);
  await pollGrants(deps, { force: false });
  return { ok: true };
}

/** "Lock now": the session forgets the key; checks that need a token wait again. */
export async function lockNow(): Promise<{ ok: true }> {
  await setSessionVaultKey(null);
  return { ok: true };
}

/** Options → "Turn the lock off" (unlocked only): back to the default, the key stored as is. */
export async function turnLockOff(deps: Deps): Promise<Result> {
  const raw = await sessionVaultRaw();
  if ((await vaultMode(deps.db)) !== 'unlocked' || !raw) return { ok: false, message: t('lock.unlockFirst') };
  await disableLock(deps.db, raw);
  await setSessionVaultKey(null);
  return { ok: true };
}

/** Options → "Forgot the passphrase": the locked tokens are erased; each login then asks for a renewal. */
export async function forgetLockedTokens(deps: Deps): Promise<{ ok: true }> {
  await resetLock(deps.db);
  await setSessionVaultKey(null);
  await pollGrants(deps, { force: true });
  return { ok: true };
}
