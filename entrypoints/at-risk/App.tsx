import { Banner } from '@/components/Banner';
import { ProfileList } from '@/components/ProfileList';
import type { createListModel } from '@/utils/db/list-model';

export interface AtRiskProps {
  model: ReturnType<typeof createListModel>;
  highlighted: string | null;
  /** Opened by the startup warning: offer to close. */
  startup: boolean;
  onClose: () => void;
}

/** The profiles that need renewal (expired or expiring), with Renew: the startup warning and a notification's target. */
export function App({ model, highlighted, startup, onClose }: AtRiskProps) {
  const views = model.views.value;
  const banner = model.banner.value;
  return (
    <main class="at-risk">
      <header class="bar">
        <h1>Tokens at risk</h1>
        {startup && (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
      </header>
      {banner && <Banner tone={banner.tone} text={banner.text} onDismiss={model.dismissBanner} />}
      {views === null && <p class="empty muted">Loading…</p>}
      {views?.length === 0 && <p class="empty">Nothing is at risk right now: every token is healthy.</p>}
      {views && views.length > 0 && (
        <ProfileList rows={views} highlighted={highlighted} label="Profiles at risk" onRenew={(id) => void model.renew(id)} />
      )}
    </main>
  );
}
