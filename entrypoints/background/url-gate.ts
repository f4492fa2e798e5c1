import { t } from '@/utils/i18n/index';
import { allConfirmed, hostOf, originsToGrant, type UrlChange } from '@/utils/url-policy';
import type { Deps } from './deps';

/** A change refused until the person confirms it: what the page shows, then sends back confirmed. */
export type GateRefusal = { ok: false; message: string; confirm?: UrlChange[] };

/**
 * The gate in front of every URL that receives tokens (base and exchange URLs,
 * the hub URL): a change applies only when the person confirmed exactly it
 * (`confirmed` holds `confirmationKey`s) and the browser granted the new
 * origins (it asked, naming each host). Returns null when the change may apply.
 */
export async function gateUrlChanges(
  deps: Pick<Deps, 'hasHosts'>,
  changes: UrlChange[],
  confirmed: readonly string[],
): Promise<GateRefusal | null> {
  if (changes.length === 0) return null;
  // The page shows `confirm` (the changes, in the person's language), not this message.
  if (!allConfirmed(changes, confirmed)) return { ok: false, message: 'Not applied yet: confirm these URL changes.', confirm: changes };
  const origins = originsToGrant(changes);
  if (!(await deps.hasHosts(origins))) {
    const hosts = [...new Set(changes.filter((c) => c.to).map((c) => hostOf(c.to)))].join(', ');
    return { ok: false, message: t('url.notGranted', { hosts }) };
  }
  return null;
}
