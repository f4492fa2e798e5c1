import type { MessageKey } from './i18n/en';

/**
 * Why a token died before its expiry, in the words a person understands. Each network says it
 * its own way: Graph by error 190's subcode, the others in their message; `permission` is a role
 * lost on the page. Unknown signals are `ended` (the network ended the access early).
 */
export type SignInCause = 'password' | 'app-removed' | 'role-lost' | 'revoked' | 'logged-out' | 'checkpoint' | 'ended';

/** null: the network says the token simply expired (a lapse, told as "Expired"). */
const BY_CODE: Record<string, SignInCause | null> = {
  '190/463': null,
  token_expired: null,
  '190/460': 'password',
  '190/458': 'app-removed',
  '190/459': 'checkpoint',
  '190/467': 'logged-out',
  permission: 'role-lost',
};

/** In order: "expired or revoked" (Google) is a revocation for all we know. */
const BY_WORDS: [RegExp, SignInCause | null][] = [
  [/password/i, 'password'],
  [/not authori[sz]ed application|app was removed|removed the app/i, 'app-removed'],
  [/logged out/i, 'logged-out'],
  [/revoked/i, 'revoked'],
  [/expired/i, null],
];

function signInCause(code: string | null | undefined, reason: string | null): SignInCause | null {
  if (code && code in BY_CODE) return BY_CODE[code]!;
  const found = BY_WORDS.find(([words]) => words.test(reason ?? ''));
  return found ? found[1] : 'ended';
}

/** What the status says about a grant killed early; null when it lapsed at its expiry (a normal "Expired"). */
export function killedEarly(grant: {
  invalidSince: number | null;
  expiresAt: number | null;
  invalidCode?: string | null;
  invalidReason: string | null;
}): SignInCause | null {
  if (grant.invalidSince === null) return null;
  if (grant.expiresAt !== null && grant.expiresAt <= grant.invalidSince) return null;
  return signInCause(grant.invalidCode, grant.invalidReason);
}

export const CAUSE_KEYS: Record<SignInCause, MessageKey> = {
  password: 'cause.password',
  'app-removed': 'cause.appRemoved',
  'role-lost': 'cause.roleLost',
  revoked: 'cause.revoked',
  'logged-out': 'cause.loggedOut',
  checkpoint: 'cause.checkpoint',
  ended: 'cause.ended',
};
