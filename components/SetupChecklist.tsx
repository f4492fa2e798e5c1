import { useState } from 'preact/hooks';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import type { SetupCheck } from '@/utils/messages';
import { to, ton } from '@/utils/i18n/options-texts';
import { lineReady, type SetupLine } from '@/utils/setup-lines';
import { NetworkMark } from './NetworkMark';

export type TestState = 'running' | SetupCheck[];

export interface SetupChecklistProps {
  lines: SetupLine[];
  tests: Partial<Record<NetworkId, TestState>>;
  onTest: (network: NetworkId) => void;
  /** The line opened on arrival (the popup's Connect sent a person without a client ID here). */
  initiallyOpen?: NetworkId | null;
}

const mark = (ok: boolean | null) => (ok === null ? '…' : ok ? '✓' : '✗');

function State({ ok, label }: { ok: boolean | null; label: string }) {
  return (
    <span class={`setup-state ${ok === null ? 'unknown' : ok ? 'ok' : 'bad'}`}>
      <span aria-hidden="true">{mark(ok)}</span> <span class="sr-only">{ok === null ? '' : ok ? to('setup.yes') : to('setup.no')}</span>{' '}
      {label}
    </span>
  );
}

/** What a failed step means, in words, with what to do. */
function checkText(c: SetupCheck, network: string): string {
  if (c.step === 'server')
    return c.ok
      ? to('setup.ok.server', { detail: c.detail === 'hub' ? ` (${to('setup.hub')})` : '' })
      : to('setup.fail.server', { network, detail: '' });
  if (c.ok) return to(`setup.ok.${c.step}`, { network, detail: c.detail ? ` (${c.detail})` : '' });
  return to(`setup.fail.${c.step}`, { network, detail: c.detail ?? '?' });
}

/** Options' setup: one line per network with its state (✓/✗), a Test, and details on demand. */
export function SetupChecklist({ lines, tests, onTest, initiallyOpen = null }: SetupChecklistProps) {
  const [open, setOpen] = useState<NetworkId | null>(initiallyOpen);
  return (
    <ul class="setup" aria-label={to('setup.title')}>
      {lines.map((l) => {
        const name = NETWORKS[l.network].name;
        const test = tests[l.network];
        const serverLabel = l.server === 'hub' ? to('setup.hub') : l.server === 'not-needed' ? to('setup.noServer') : to('setup.exchange');
        return (
          <li key={l.network} id={`setup-${l.network}`} class={`setup-line${lineReady(l) ? ' ready' : ''}`} data-network={l.network}>
            <div class="setup-row">
              <NetworkMark network={l.network} />
              <button
                type="button"
                class="setup-name"
                aria-expanded={open === l.network}
                aria-controls={`setup-more-${l.network}`}
                onClick={() => setOpen(open === l.network ? null : l.network)}
              >
                {name}
              </button>
              <State ok={l.clientId} label={to('setup.clientId')} />
              <State ok={l.server !== 'missing'} label={serverLabel} />
              <State ok={l.hosts} label={to('setup.hosts')} />
              <span class="setup-profiles">{ton('setup.profiles', l.profiles)}</span>
              <button type="button" class="setup-test" disabled={test === 'running'} onClick={() => onTest(l.network)}>
                {test === 'running' ? to('setup.testing') : to('setup.test')}
              </button>
            </div>
            {Array.isArray(test) && (
              <ul class="setup-result" role="status" aria-label={to('setup.resultOf', { network: name })}>
                {test.map((c) => (
                  <li key={c.step} class={c.ok ? 'ok' : 'bad'} data-step={c.step}>
                    <span aria-hidden="true">{mark(c.ok)}</span> {checkText(c, name)}
                  </li>
                ))}
              </ul>
            )}
            <div class="setup-more" id={`setup-more-${l.network}`} hidden={open !== l.network}>
              {!l.clientId && <p>{to('setup.fail.clientId', { network: name, detail: '' })}</p>}
              {l.server === 'missing' && <p>{to('setup.fail.server', { network: name, detail: '' })}</p>}
              {l.hosts === false && <p>{to('setup.fail.hosts', { network: name, detail: '' })}</p>}
              {lineReady(l) && <p>{to('setup.ready', { network: name })}</p>}
              <p class="muted">{to('setup.permission', { permission: NETWORKS[l.network].permissionNeeded })}</p>
              <a href={`#net-${l.network}`} onClick={() => document.getElementById(`net-${l.network}`)?.setAttribute('open', '')}>
                {to('setup.edit', { network: name })}
              </a>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
