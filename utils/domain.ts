/**
 * The extension's domain records, as stored and as read (pure types: no Dexie, no browser).
 * `utils/db/schema.ts` stores them; pure `utils/` and the hub import them from here.
 */
import type { ChannelId } from './reminders/channels';
import type { ExpirySource } from './networks/grant-expiry';
import type { NetworkId } from './networks/catalog';
import type { FlowOutcome } from './outcomes';
import type { HistoryFact } from './history-facts';
import type { Settings } from './settings';
import type { ReminderMessage } from './reminders/messages';

export type ProfileKind = 'page' | 'channel' | 'company' | 'personal' | 'location' | 'account';
export type CheckKind = 'valid' | 'invalid' | 'unknown';

export interface ProfileRecord {
  /** `${network}:${nativeId}` */
  id: string;
  network: NetworkId;
  nativeId: string;
  kind: ProfileKind;
  name: string;
  handle?: string;
  avatar?: string;
  grantId: string;
  createdAt: number;
  /** No reminder for this profile before then ("Snooze 1 day"). */
  snoozedUntil?: number;
}

export interface RenewalState {
  state: 'running' | 'done';
  startedAt: number;
  finishedAt?: number;
  outcome?: FlowOutcome;
}

/** One login (one identity's token) that may cover several profiles. */
export interface GrantRecord {
  /** `${network}:${identity native id}` */
  id: string;
  network: NetworkId;
  identityId: string;
  scopes: string[];
  issuedAt: number;
  /** Governs the status; null = no expiry. */
  expiresAt: number | null;
  /** 'policy' when the network gave no expiry and expiresAt is the renewal policy's (absent: the network's). */
  expirySource?: ExpirySource;
  accessExpiresAt: number | null;
  invalidSince: number | null;
  invalidReason: string | null;
  /** The network's code for that signal (Graph `190/460`, `permission`…): why a sign-in is needed. */
  invalidCode?: string | null;
  refreshable: boolean;
  lastCheckAt: number | null;
  lastCheckResult: CheckKind | null;
  lastError: string | null;
  /** Consecutive transient failures, for backoff. */
  failures: number;
  /** Absent on the hub's grants: never polled here, so kept out of the index. */
  nextCheckAt?: number;
  renewal: RenewalState | null;
  /**
   * Set just before a refresh request is sent, cleared when its answer is
   * stored. Still set later = the answer was lost (worker killed): with a
   * rotating refresh token the grant then needs a sign-in, and says why.
   */
  refreshStartedAt?: number | null;
  /** Kept and checked by the organisation hub: no token here, never polled locally, renewed through the hub. */
  hub?: boolean;
  /** A poll holds the grant until then: no second check of it runs meanwhile. */
  leasedUntil?: number;
  /** Which life of the service worker holds the lease (a restarted worker releases the others'). */
  leasedBy?: string;
}

/** Encrypted access/refresh tokens (AES-GCM). The UI never reads this table. */
export interface SecretRecord {
  grantId: string;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

export type CanRenew = 'yes' | 'no' | 'unknown';

export interface IdentityRecord {
  /** `${network}:${native id}` */
  id: string;
  network: NetworkId;
  name: string;
  /** Hub mode: the organisation member whose browser used this native identity. */
  memberEmail?: string;
  /** Per profile id: can this identity renew it, and why not. */
  access: Record<string, { can: CanRenew; reason?: string; at: number }>;
}

export interface LedgerRecord {
  /** `${grantId}:${expiresAt}:${threshold}` */
  key: string;
  grantId: string;
  channel: string;
  sentAt: number;
}

export interface InboxRecord {
  id?: number;
  profileId: string | null;
  /** The reminder, put into words when shown (in the page's language): `inboxTitle`, `inboxBody`. */
  message?: ReminderMessage;
  /** The words of an entry written before messages were stored. */
  title?: string;
  body?: string;
  createdAt: number;
  read: 0 | 1;
}

export type HistoryKind = 'connected' | 'check' | 'status' | 'renewal' | 'reminder';

export interface HistoryRecord {
  id?: number;
  profileId: string;
  at: number;
  kind: HistoryKind;
  /** What happened, put into words when shown (utils/history-facts.ts). */
  fact?: HistoryFact;
  /** The words of an entry written before facts, or brought by the hub. */
  text?: string;
}

export interface SettingsRecord {
  id: 'prefs';
  doc: Settings;
}

/**
 * The vault key. By default a non-extractable AES-GCM CryptoKey (structured-cloneable; Chromium
 * writes its raw bytes into the IndexedDB files). With the lock on, only `wrapped` is stored: the
 * key's raw bytes encrypted (AES-GCM) under a key derived from the passphrase (PBKDF2-SHA256).
 */
export interface KeyRecord {
  id: 'vault';
  key?: CryptoKey;
  wrapped?: WrappedVaultKey;
}

export interface WrappedVaultKey {
  ciphertext: ArrayBuffer;
  iv: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
}

/** Per network: a pause after a 429, honoured by every poll until it ends. */
export interface NetworkStateRecord {
  id: NetworkId;
  pausedUntil: number;
  reason: string;
}

/** A message for Slack or a webhook, kept until delivered (retried with backoff) or given up on (shown in options). */
export interface OutboxRecord {
  id?: number;
  channel: ChannelId;
  /**
   * Rows written before 0.2 held the URL; none does now: a Slack or webhook URL is a credential,
   * read from the settings when the message is delivered (and dropped from an old row then).
   */
  url?: string;
  /** JSON body; never a token. */
  body: string;
  reminderKey: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: 'pending' | 'sent' | 'failed';
  lastError: string | null;
}

/** "Try renewing all" on a network: progress and summary, read live by the popup. */
export interface JobRecord {
  /** `renew-all:${network}` */
  id: string;
  network: NetworkId;
  state: 'running' | 'done' | 'cancelled';
  total: number;
  done: number;
  currentProfileId: string | null;
  results: { profileId: string; name: string; outcome: FlowOutcome }[];
  cancelRequested: boolean;
  startedAt: number;
  finishedAt: number | null;
}

/** Hub mode (organisation): where this browser is enrolled; the device key itself lives sealed in `secrets`. */
export interface HubRecord {
  id: 'hub';
  url: string;
  memberEmail: string;
  role: 'owner' | 'manager' | 'member';
  deviceId: string;
  enrolledAt: number;
  /** The hub's change cursor: the next sync asks for what changed after it. */
  cursor: number;
  lastSyncAt: number | null;
  /** Why the last sync failed (offline, hub down, key revoked), or null. */
  lastError: string | null;
}

/** What a list row needs: a profile and its grant (never its secret). (Not "ProfileRow": that is the component's name, and WXT auto-imports both.) */
export interface ProfileWithGrant {
  profile: ProfileRecord;
  grant: GrantRecord | undefined;
}
