import type { Account, PageRole, SandboxNetwork, SandboxState } from './state';

const role = (network: SandboxNetwork): string[] => (network === 'linkedin' ? ['ADMINISTRATOR'] : ['MANAGE', 'CREATE_CONTENT']);

/** What each network's login lists: a page, a channel, a location, an organisation, or the account itself. */
export function profilesFor(network: SandboxNetwork, name: string, id: string): PageRole[] {
  switch (network) {
    case 'facebook':
    case 'youtube':
    case 'google-business':
    case 'linkedin':
      return [{ id, name, tasks: role(network) }];
    case 'instagram':
      return [
        {
          id,
          name: `${name} (page)`,
          tasks: role(network),
          instagram: { id: `17${id}`, username: name.toLowerCase().replace(/\W+/g, '') },
        },
      ];
    default:
      return [];
  }
}

/** The native id under which Token Warden tracks the profile created by `profilesFor` (or the account). */
export function trackedId(network: SandboxNetwork, account: Account, pageId: string): string {
  switch (network) {
    case 'instagram':
      return `instagram:17${pageId}`;
    case 'linkedin':
      return `linkedin:org-${pageId}`;
    case 'facebook':
    case 'youtube':
    case 'google-business':
      return `${network}:${pageId}`;
    default:
      return `${network}:${account.id}`;
  }
}

/** One account with one profile on a network. */
export function addOne(state: SandboxState, network: SandboxNetwork, name: string, pageId: string, extra: Partial<Account> = {}) {
  const account = state.addAccount({ network, name, pages: profilesFor(network, name, pageId), ...extra });
  return { account, profileId: trackedId(network, account, pageId) };
}
