import type { NetworkId } from './catalog';
import type { ChallengeEncoding } from './pkce';

/** The three kinds every network answer is classified into (NETWORKS.md). */
export type CheckResult =
  | { kind: 'valid'; expiresAt?: number | null; scopes?: string[] }
  | { kind: 'invalid'; reason: string; code?: string }
  | { kind: 'unknown'; reason: string; retryAfterMs?: number };

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms at which the access token lapses; null = no expiry. */
  accessExpiresAt: number | null;
  /** Epoch ms at which the refresh token lapses, when there is one and the network says. */
  refreshExpiresAt?: number | null;
  scopes: string[];
}

export interface NativeIdentity {
  id: string;
  name: string;
}

/** A profile (page, channel, account…) a login gives access to. */
export interface ListedProfile {
  nativeId: string;
  kind: 'page' | 'channel' | 'company' | 'personal' | 'location' | 'account';
  name: string;
  handle?: string;
  avatar?: string;
  /** False when the identity lacks the native permission to manage it (SPEC §4). */
  canManage: boolean;
}

/** Per-network settings the adapters need (set on the options page). */
export interface NetworkEndpointConfig {
  clientId: string;
  /** Base URL that replaces the production hosts (ARCHITECTURE §5); '' = production. */
  baseUrl: string;
  /** The organisation's token-exchange URL for networks that need a client secret; '' = none. */
  exchangeUrl: string;
  /**
   * The app's client secret. Only a server runtime (the hub) sets it, from its own environment:
   * token requests then go straight to the network with the secret. The extension never has one.
   */
  clientSecret?: string;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface AdapterContext {
  fetch: Fetch;
  config: NetworkEndpointConfig;
  now: number;
}

/** A failure to obtain tokens, classified so the person gets a clear reason. */
export type TokenOutcome = { ok: true; tokens: TokenSet } | { ok: false; result: Exclude<CheckResult, { kind: 'valid' }> };

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}

export interface NetworkAdapter {
  id: NetworkId;
  /**
   * The consent binds a grant to the one profile chosen there (Google: a YouTube grant reaches
   * the channel picked on the consent screen, the account's own or a brand account's): each such
   * profile keeps a grant of its own, checked and renewed with its own consent.
   */
  grantPerProfile?: boolean;
  /** How this network wants the PKCE challenge written; default RFC 7636's base64url. */
  challengeEncoding?: ChallengeEncoding;
  authorizeUrl(params: AuthorizeParams): string;
  exchangeCode(ctx: AdapterContext, code: string, codeVerifier: string, redirectUri: string): Promise<TokenOutcome>;
  /** Present only where the network has a refresh grant; takes the stored token set (Threads refreshes with the access token). */
  refresh?(ctx: AdapterContext, tokens: TokenSet): Promise<TokenOutcome>;
  /**
   * True where a refresh never replaces the refresh token (Google, LinkedIn): its answer can
   * wait for the poll's batched write. Elsewhere (rotation) it is stored the moment it arrives.
   */
  keepsRefreshToken?: boolean;
  /** When a refresh is allowed at all (Threads: token ≥ 24 h old and unexpired); default: always. */
  canRefresh?(grant: { issuedAt: number; accessExpiresAt: number | null }, now: number): boolean;
  inspect(ctx: AdapterContext, tokens: TokenSet): Promise<CheckResult>;
  /**
   * Where a live token does not prove the role a profile needs (LinkedIn: a member who lost Super
   * Admin keeps an active token): which of these tracked profiles the identity no longer manages.
   * The call also proves the token alive (it replaces `inspect` for that check); null when none
   * of these profiles has a role to confirm (then `inspect` checks the token).
   */
  lostRoles?(
    ctx: AdapterContext,
    accessToken: string,
    nativeIds: string[],
  ): Promise<string[] | Exclude<CheckResult, { kind: 'valid' }> | null>;
  whoAmI(ctx: AdapterContext, accessToken: string): Promise<NativeIdentity | Exclude<CheckResult, { kind: 'valid' }>>;
  listProfiles(
    ctx: AdapterContext,
    accessToken: string,
    identity: NativeIdentity,
  ): Promise<ListedProfile[] | Exclude<CheckResult, { kind: 'valid' }>>;
}
