import type { ProfileRowView } from '@/utils/profile-view';

/** A list row for component and list tests: a valid Facebook page unless told otherwise. */
export function rowView(over: Partial<ProfileRowView> = {}): ProfileRowView {
  return {
    id: 'facebook:1',
    name: 'Blue Fern Café',
    handle: undefined,
    network: 'facebook',
    networkName: 'Facebook',
    status: 'valid',
    statusText: 'Valid until 1 Jan 2027',
    expiresAt: null,
    renewByPolicy: false,
    expiredSince: null,
    lastCheckText: 'Checked',
    lastCheckFailed: false,
    lastError: null,
    renewing: false,
    outcome: null,
    outcomeText: null,
    consequences: null,
    ...over,
  };
}
