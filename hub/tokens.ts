import type { TokenSet } from '../utils/networks/types';

/** What the hub keeps sealed per grant: the secret half of a token set. */
export interface SecretTokens {
  accessToken: string;
  refreshToken?: string;
}

export function secretPart(tokens: TokenSet): SecretTokens {
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}
