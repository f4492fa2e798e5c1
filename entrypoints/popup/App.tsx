import { Banner } from '@/components/Banner';
import { ConnectPanel } from '@/components/ConnectPanel';
import { Inbox } from '@/components/Inbox';
import { ProfileList } from '@/components/ProfileList';
import type { PopupModel } from './model';

export function App({ model }: { model: PopupModel }) {
  const views = model.views.value;
  const banner = model.banner.value;
  return (
    <main class="popup">
      <header class="bar">
        <h1>Token Warden</h1>
        <div>
          <button type="button" onClick={() => void model.checkNow()} disabled={model.checking.value}>
            {model.checking.value ? 'Checking…' : 'Check now'}
          </button>{' '}
          <button type="button" onClick={model.openOptions} aria-label="Options">
            ⚙
          </button>
        </div>
      </header>
      {banner && <Banner tone={banner.tone} text={banner.text} onDismiss={model.dismissBanner} />}
      {model.loadError.value && <Banner tone="bad" text={`Could not read the profiles: ${model.loadError.value}`} />}
      {views === null && !model.loadError.value && <p class="empty muted">Loading…</p>}
      {views?.length === 0 && (
        <section class="empty">
          <h2>Never be surprised by a dead token</h2>
          <p class="muted">
            Token Warden watches the sign-in tokens of your social profiles, warns you before one lapses, and renews it in one click.
          </p>
        </section>
      )}
      <Inbox
        entries={model.inbox.value}
        unread={model.unread.value}
        onOpen={(entry) => void model.openEntry(entry)}
        onMarkAllRead={() => void model.markAllRead()}
      />
      {views && views.length > 0 && (
        <ProfileList rows={views} highlighted={model.highlighted.value} onRenew={(id) => void model.renew(id)} />
      )}
      <ConnectPanel networks={model.networks} busy={model.connecting.value} onConnect={(n) => void model.connect(n)} />
    </main>
  );
}
