import { NETWORK_IDS, type NetworkId } from '../../utils/networks/catalog';
import { createHash, randomBytes } from 'node:crypto';

/** The sandbox serves every network of the catalog. */
export const SANDBOX_NETWORKS = NETWORK_IDS;
export type SandboxNetwork = NetworkId;
export type RevokeReason = 'password' | 'revoked' | 'expired' | 'app-removed';

/**
 * Something an account manages: a Facebook page (tasks: MANAGE = full
 * control), a YouTube channel or Business Profile location (any task = a
 * role), a LinkedIn organisation (tasks[0] = its role, ADMINISTRATOR = Super Admin).
 */
export interface PageRole {
  id: string;
  name: string;
  tasks: string[];
  /** The Instagram professional account linked to this Facebook page. */
  instagram?: { id: string; username: string };
}

export interface Account {
  id: string;
  network: SandboxNetwork;
  name: string;
  username: string;
  pages: PageRole[];
  /** Lifetime of the governing token (Facebook long-lived token). */
  tokenLifetimeSec: number;
  /** Lifetime of refresh tokens issued from now on (TikTok). */
  refreshLifetimeSec: number;
  accessLifetimeSec: number;
  passwordVersion: number;
  appRemoved: boolean;
}

export interface TokenRecord {
  value: string;
  network: SandboxNetwork;
  accountId: string;
  kind: 'access' | 'refresh' | 'short';
  issuedAt: number;
  expiresAt: number | null;
  dataAccessExpiresAt: number | null;
  passwordVersion: number;
  revoked: RevokeReason | null;
  /** A rotated refresh token, replaced by a newer one. */
  retired: boolean;
  /** YouTube: the channel chosen on Google's consent screen; the grant reaches that channel only. */
  channelId?: string;
}

export interface CodeRecord {
  network: SandboxNetwork;
  accountId: string;
  redirectUri: string;
  challenge: string;
  used: boolean;
  expiresAt: number;
  /** YouTube: the channel the person chose on the consent screen. */
  channelId?: string;
}

/** echo: a 401 whose error message repeats the whole request (URL, Authorization header, body), as careless APIs do. */
export type FaultMode = 'none' | '5xx' | 'timeout' | '429' | 'malformed' | 'echo';

export interface Fault {
  mode: FaultMode;
  /** Requests still affected; undefined = until cleared. */
  remaining?: number;
  retryAfterSec?: number;
  latencyMs?: number;
  /** Share of requests affected (0..1), drawn from `random` (seeded: runs repeat). Default: all. */
  rate?: number;
  random?: () => number;
}

/** A small seeded generator (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type AuthorizeMode = 'auto' | 'interactive' | 'deny';

export interface LogEntry {
  at: number;
  network: string;
  method: string;
  /** Host and path only: the sandbox never logs query strings (they can hold tokens). */
  path: string;
  status: number;
}

const DAY_SEC = 86_400;

/** Real access-token lifetimes, per network (NETWORKS.md). */
const ACCESS_LIFETIME_SEC: Record<SandboxNetwork, number> = {
  youtube: 3599,
  'google-business': 3599,
  threads: 60 * DAY_SEC,
  facebook: 60 * DAY_SEC,
  instagram: 60 * DAY_SEC,
  linkedin: 60 * DAY_SEC,
  pinterest: 30 * DAY_SEC,
  tiktok: DAY_SEC,
  x: 7200,
};

/** All the sandbox knows, in memory; reset by the control API. */
export class SandboxState {
  accounts = new Map<string, Account>();
  tokens = new Map<string, TokenRecord>();
  codes = new Map<string, CodeRecord>();
  faults = new Map<string, Fault>();
  authorizeMode = new Map<string, AuthorizeMode>();
  nextLogin = new Map<string, string>();
  /** Per network, the channel the next consent chooses (YouTube); none = the account's first channel. */
  nextChannel = new Map<string, string>();
  /** Per network, who answers the next authorize requests, in order ('deny' = the person refuses). */
  loginQueue = new Map<string, string[]>();
  log: LogEntry[] = [];
  private seq = 0;

  constructor(public now: () => number = () => Date.now()) {}

  reset(): void {
    this.accounts.clear();
    this.tokens.clear();
    this.codes.clear();
    this.faults.clear();
    this.authorizeMode.clear();
    this.nextLogin.clear();
    this.nextChannel.clear();
    this.loginQueue.clear();
    this.log = [];
  }

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${100000 + this.seq}`;
  }

  addAccount(input: Partial<Account> & { network: SandboxNetwork; name: string }): Account {
    const account: Account = {
      id: input.id ?? this.nextId(input.network === 'facebook' || input.network === 'instagram' ? '10' : input.network.slice(0, 2)),
      username: input.username ?? input.name.toLowerCase().replace(/\W+/g, ''),
      pages: input.pages ?? [],
      tokenLifetimeSec: input.tokenLifetimeSec ?? 60 * DAY_SEC,
      refreshLifetimeSec: input.refreshLifetimeSec ?? 365 * DAY_SEC,
      accessLifetimeSec: input.accessLifetimeSec ?? ACCESS_LIFETIME_SEC[input.network],
      passwordVersion: 0,
      appRemoved: false,
      ...input,
    };
    this.accounts.set(account.id, account);
    this.nextLogin.set(account.network, account.id);
    return account;
  }

  issue(
    network: SandboxNetwork,
    accountId: string,
    kind: TokenRecord['kind'],
    lifetimeSec: number | null,
    dataAccessSec?: number,
  ): TokenRecord {
    const account = this.accounts.get(accountId);
    const now = this.now();
    const record: TokenRecord = {
      // `! * / ~ + .` like real TikTok and Google tokens: each changes under URL, form or JSON encoding.
      value: `${network === 'facebook' || network === 'instagram' ? 'EAA' : kind === 'refresh' ? 'rft.' : 'act.'}${randomBytes(4).toString('hex')}!*/~+.${randomBytes(20).toString('hex')}`,
      network,
      accountId,
      kind,
      issuedAt: now,
      expiresAt: lifetimeSec === null ? null : now + lifetimeSec * 1000,
      dataAccessExpiresAt: dataAccessSec === undefined ? null : now + dataAccessSec * 1000,
      passwordVersion: account?.passwordVersion ?? 0,
      revoked: null,
      retired: false,
    };
    this.tokens.set(record.value, record);
    return record;
  }

  /** Why a token no longer works, or null when it does. */
  deadReason(token: TokenRecord | undefined): RevokeReason | 'unknown' | 'retired' | null {
    if (!token) return 'unknown';
    const account = this.accounts.get(token.accountId);
    if (token.revoked) return token.revoked;
    if (account?.appRemoved) return 'app-removed';
    if (account && account.passwordVersion !== token.passwordVersion) return 'password';
    if (token.retired) return 'retired';
    if (token.expiresAt !== null && token.expiresAt <= this.now()) return 'expired';
    return null;
  }

  /**
   * Marks every token of an account dead, the way the network would; with `channelId`, only the
   * grant bound to that YouTube channel (access removed for that channel alone).
   */
  revokeAccount(accountId: string, reason: RevokeReason, channelId?: string): void {
    const account = this.accounts.get(accountId);
    if (!account) return;
    if (channelId) {
      for (const t of this.tokens.values()) if (t.accountId === accountId && t.channelId === channelId && !t.revoked) t.revoked = reason;
    } else if (reason === 'password') account.passwordVersion += 1;
    else if (reason === 'app-removed') account.appRemoved = true;
    else for (const t of this.tokens.values()) if (t.accountId === accountId && !t.revoked) t.revoked = reason;
  }

  createCode(network: SandboxNetwork, accountId: string, redirectUri: string, challenge: string, channelId?: string): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { network, accountId, redirectUri, challenge, used: false, expiresAt: this.now() + 10 * 60_000, channelId });
    return code;
  }

  /** Redeems a code once, checking the PKCE verifier and the redirect URI. */
  redeemCode(network: SandboxNetwork, code: string, verifier: string | null, redirectUri: string | null): CodeRecord | string {
    const record = this.codes.get(code);
    if (!record || record.network !== network) return 'unknown code';
    if (record.used) return 'code already used';
    if (record.expiresAt <= this.now()) return 'code expired';
    if (redirectUri !== null && redirectUri !== record.redirectUri) return 'redirect_uri mismatch';
    if (!verifier || pkceChallenge(network, verifier) !== record.challenge) return 'code_verifier does not match the code_challenge';
    record.used = true;
    return record;
  }
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * The challenge a network expects for a verifier: TikTok's Login Kit documents
 * HEX(SHA256(code_verifier)) (64 hex characters); the others RFC 7636's base64url.
 */
export function pkceChallenge(network: SandboxNetwork, verifier: string): string {
  return network === 'tiktok' ? createHash('sha256').update(verifier).digest('hex') : s256(verifier);
}
