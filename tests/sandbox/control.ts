import { json, type SandboxRequest, type SandboxResponse } from './http';
import {
  seededRandom,
  type AuthorizeMode,
  type FaultMode,
  type PageRole,
  type RevokeReason,
  type SandboxNetwork,
  type SandboxState,
} from './state';

type Body = Record<string, unknown>;

function parseBody(req: SandboxRequest): Body {
  try {
    return req.body ? (JSON.parse(req.body) as Body) : {};
  } catch {
    return {};
  }
}

/**
 * The control API (`/_control/...`): create accounts and pages, choose who
 * logs in next, script behaviour (revoke, role removal, faults), read the log.
 */
export function controlRoutes(state: SandboxState, req: SandboxRequest, action: string): SandboxResponse {
  const b = parseBody(req);
  const network = b.network as SandboxNetwork;
  switch (action) {
    case 'reset':
      state.reset();
      return json(200, { ok: true });
    case 'accounts': {
      const pages = ((b.pages as Partial<PageRole>[] | undefined) ?? []).map((p) => ({
        id: p.id ?? state.nextId('2000'),
        name: p.name ?? 'Page',
        tasks: p.tasks ?? ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'],
        ...(p.instagram ? { instagram: p.instagram } : {}),
      }));
      const account = state.addAccount({ ...(b as object), network, name: typeof b.name === 'string' ? b.name : 'Sandbox user', pages });
      return json(200, account);
    }
    case 'account': {
      const account = state.accounts.get(String(b.accountId));
      if (!account) return json(404, { error: 'no such account' });
      for (const key of ['tokenLifetimeSec', 'refreshLifetimeSec', 'accessLifetimeSec', 'name'] as const) {
        if (b[key] !== undefined) (account as unknown as Body)[key] = b[key];
      }
      if (Array.isArray(b.pages)) account.pages = b.pages as PageRole[];
      return json(200, account);
    }
    case 'login':
      state.nextLogin.set(network, String(b.accountId));
      if (typeof b.channelId === 'string') state.nextChannel.set(network, b.channelId);
      return json(200, { ok: true });
    case 'login-queue':
      state.loginQueue.set(network, (b.accountIds as string[] | undefined) ?? []);
      return json(200, { ok: true });
    case 'authorize-mode':
      state.authorizeMode.set(network, (b.mode as AuthorizeMode) ?? 'auto');
      return json(200, { ok: true });
    case 'revoke':
      state.revokeAccount(String(b.accountId), (b.reason as RevokeReason) ?? 'revoked', b.channelId as string | undefined);
      return json(200, { ok: true });
    case 'fault': {
      const mode = (b.mode as FaultMode) ?? 'none';
      if (mode === 'none' && b.latencyMs === undefined) state.faults.delete(network);
      else
        state.faults.set(network, {
          mode,
          remaining: b.count as number | undefined,
          retryAfterSec: b.retryAfter as number | undefined,
          latencyMs: b.latencyMs as number | undefined,
          rate: b.rate as number | undefined,
          random: seededRandom((b.seed as number | undefined) ?? 1),
        });
      return json(200, { ok: true });
    }
    case 'log':
      return json(200, state.log);
    case 'tokens': {
      // Token metadata for assertions; values are shortened so they never leak into test output whole.
      const list = [...state.tokens.values()]
        .filter((t) => (!network || t.network === network) && (!b.accountId || t.accountId === b.accountId))
        .map((t) => ({ ...t, value: `${t.value.slice(0, 8)}…`, dead: state.deadReason(t) }));
      return json(200, list);
    }
    default:
      return json(404, { error: `unknown control action ${action}` });
  }
}
