import type { TokenStatus } from '@/utils/status';

/** Colour is never the only signal: each status has an icon and words too. */
const ICONS: Record<TokenStatus, string> = { expired: '✕', expiring: '!', valid: '✓', 'no-expiry': '∞' };

export function StatusPill({ status, text }: { status: TokenStatus; text: string }) {
  return (
    <span class={`pill pill-${status}`} data-status={status}>
      <span class="pill-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      <span class="pill-text">{text}</span>
    </span>
  );
}
