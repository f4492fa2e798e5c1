import { redirectWith, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxNetwork, SandboxState } from './state';

export interface AuthorizeRequest {
  network: SandboxNetwork;
  clientIdParam: string;
  req: SandboxRequest;
}

/**
 * The authorize step shared by the networks: straight back with a code
 * (auto), a consent page with Allow / Cancel (interactive), or a refusal (deny).
 */
export function authorize(state: SandboxState, { network, clientIdParam, req }: AuthorizeRequest): SandboxResponse {
  const q = req.query;
  const redirectUri = q.get('redirect_uri');
  const stateParam = q.get('state') ?? '';
  if (!redirectUri || !q.get(clientIdParam)) return { status: 400, text: `Missing redirect_uri or ${clientIdParam}` };
  if (q.get('response_type') !== 'code') return { status: 400, text: 'Only response_type=code is supported' };
  if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return { status: 400, text: 'PKCE S256 is required' };
  const queued = q.get('decision') ? undefined : state.loginQueue.get(network)?.shift();
  if (queued && queued !== 'deny') state.nextLogin.set(network, queued);
  const mode = queued === 'deny' ? 'deny' : (state.authorizeMode.get(network) ?? 'auto');
  const decision = q.get('decision');
  if (mode === 'deny' || decision === 'cancel') {
    return redirectWith(redirectUri, { error: 'access_denied', error_description: 'The user denied the request', state: stateParam });
  }
  const accountId = state.nextLogin.get(network);
  const account = accountId ? state.accounts.get(accountId) : undefined;
  if (!account) return { status: 400, text: `No ${network} account exists in the sandbox` };
  const channels = network === 'youtube' ? account.pages.filter((p) => p.tasks.length > 0) : [];
  if (mode === 'interactive' && decision !== 'allow') return consentPage(req.url, network, account.name, channels);
  // Google's consent binds a YouTube grant to the one channel chosen there (the account's own or a brand account's).
  const wanted = q.get('channel') ?? state.nextChannel.get(network);
  const channel = channels.find((c) => c.id === wanted) ?? channels[0];
  const code = state.createCode(network, account.id, redirectUri, q.get('code_challenge')!, channel?.id);
  return redirectWith(redirectUri, { code, state: stateParam });
}

function consentPage(url: URL, network: string, accountName: string, channels: { id: string; name: string }[]): SandboxResponse {
  const allow = new URL(url);
  allow.searchParams.set('decision', 'allow');
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  // YouTube: one "Allow as" link per channel, as Google's channel chooser.
  const choose = channels
    .map((c) => {
      const as = new URL(allow);
      as.searchParams.set('channel', c.id);
      return ` <a class="channel" data-channel="${esc(c.id)}" href="${esc(as.toString())}">Allow as ${esc(c.name)}</a>`;
    })
    .join('');
  const cancel = new URL(url);
  cancel.searchParams.set('decision', 'cancel');
  return {
    status: 200,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox ${esc(network)} login</title></head>
<body><main><h1>Sandbox ${esc(network)}</h1><p>Token Warden wants access as <b id="account">${esc(accountName)}</b>.</p>
<a id="allow" href="${esc(allow.toString())}">Allow</a>${choose} <a id="cancel" href="${esc(cancel.toString())}">Cancel</a></main></body></html>`,
  };
}
