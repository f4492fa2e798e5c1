/**
 * The nine networks of SPEC §1: what a person sees and what the status rules
 * need. Endpoint details live in each adapter.
 */
export const NETWORK_IDS = [
  'youtube',
  'threads',
  'facebook',
  'instagram',
  'google-business',
  'linkedin',
  'pinterest',
  'tiktok',
  'x',
] as const;

export type NetworkId = (typeof NETWORK_IDS)[number];

export interface NetworkInfo {
  id: NetworkId;
  name: string;
  /** Lifetime used for the status when the network reports no expiry; null = never expires. */
  defaultLifetimeDays: number | null;
  /** The native permission the person renewing needs (SPEC §1), in plain words. */
  permissionNeeded: string;
  /** Production hosts, asked for as optional host permissions on first connect. */
  hosts: readonly string[];
  /** The code exchange needs a client secret: it must go through the organisation's token-exchange URL. */
  needsSecret: boolean;
  /** Days of history a network lets an app recover after a gap (SPEC §7); null = no limit known. */
  historyLimitDays: number | null;
}

const GOOGLE_HOSTS = ['https://accounts.google.com/*', 'https://oauth2.googleapis.com/*', 'https://www.googleapis.com/*'];

export const NETWORKS: Readonly<Record<NetworkId, NetworkInfo>> = {
  youtube: {
    id: 'youtube',
    name: 'YouTube',
    defaultLifetimeDays: 30,
    permissionNeeded: 'Access to the Google account, or the Manager role on the brand account',
    hosts: GOOGLE_HOSTS,
    needsSecret: true,
    historyLimitDays: 7,
  },
  threads: {
    id: 'threads',
    name: 'Threads',
    defaultLifetimeDays: 60,
    permissionNeeded: 'Access to the Threads account',
    hosts: ['https://threads.net/*', 'https://graph.threads.net/*'],
    needsSecret: true,
    historyLimitDays: 30,
  },
  facebook: {
    id: 'facebook',
    name: 'Facebook',
    defaultLifetimeDays: 90,
    permissionNeeded: 'Full control of the Page (or of the Business Manager that owns it)',
    hosts: ['https://www.facebook.com/*', 'https://graph.facebook.com/*'],
    needsSecret: true,
    historyLimitDays: 90,
  },
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    defaultLifetimeDays: 90,
    permissionNeeded: 'Full control of the Facebook Page linked to the Instagram account, or of its Business Manager',
    hosts: ['https://www.facebook.com/*', 'https://graph.facebook.com/*'],
    needsSecret: true,
    historyLimitDays: 30,
  },
  'google-business': {
    id: 'google-business',
    name: 'Google Business Profile',
    defaultLifetimeDays: 180,
    permissionNeeded: 'Any role on the Business Profile',
    hosts: [
      ...GOOGLE_HOSTS,
      'https://mybusinessaccountmanagement.googleapis.com/*',
      'https://mybusinessbusinessinformation.googleapis.com/*',
    ],
    needsSecret: true,
    historyLimitDays: 180,
  },
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    defaultLifetimeDays: 365,
    permissionNeeded: 'Super Admin of the company page (or access to the personal account)',
    hosts: ['https://www.linkedin.com/*', 'https://api.linkedin.com/*'],
    needsSecret: true,
    historyLimitDays: 60,
  },
  pinterest: {
    id: 'pinterest',
    name: 'Pinterest',
    defaultLifetimeDays: 365,
    permissionNeeded: 'Access to the Pinterest account',
    hosts: ['https://www.pinterest.com/*', 'https://api.pinterest.com/*'],
    needsSecret: true,
    historyLimitDays: 90,
  },
  tiktok: {
    id: 'tiktok',
    name: 'TikTok',
    defaultLifetimeDays: 365,
    permissionNeeded: 'Access to the TikTok account',
    hosts: ['https://www.tiktok.com/*', 'https://open.tiktokapis.com/*'],
    needsSecret: true,
    historyLimitDays: 30,
  },
  x: {
    id: 'x',
    name: 'X (Twitter)',
    defaultLifetimeDays: null,
    permissionNeeded: 'Access to the X account',
    hosts: ['https://x.com/*', 'https://api.x.com/*'],
    needsSecret: false,
    historyLimitDays: 30,
  },
};

/** Every network host, deduplicated: the manifest's optional_host_permissions. */
export function optionalHostPermissions(): string[] {
  return [...new Set(NETWORK_IDS.flatMap((id) => NETWORKS[id].hosts))];
}

export function isNetworkId(value: string): value is NetworkId {
  return (NETWORK_IDS as readonly string[]).includes(value);
}
