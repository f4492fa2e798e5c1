import { Banner } from '@/components/Banner';
import { BulkRenew } from '@/components/BulkRenew';
import { ConnectPanel } from '@/components/ConnectPanel';
import { Inbox } from '@/components/Inbox';
import { ListToolbar } from '@/components/ListToolbar';
import { ManagersDialog } from '@/components/ManagersDialog';
import { ProfileDetail } from '@/components/ProfileDetail';
import { ProfileList } from '@/components/ProfileList';
import { NETWORKS } from '@/utils/networks/catalog';
import type { PopupModel } from './model';

export function App({ model, inTab = false }: { model: PopupModel; inTab?: boolean }) {
  const all = model.views.value;
  const visible = model.visible.value;
  const banner = model.banner.value;
  const filter = model.filter.value;
  const detail = all?.find((r) => r.id === model.detailId.value) ?? null;
  const managers = all?.find((r) => r.id === model.managersId.value) ?? null;
  return (
    <main class={inTab ? 'popup tab' : 'popup'}>
      <header class="bar">
        <h1>Token Warden</h1>
        <div class="inline">
          <button type="button" onClick={() => void model.checkNow()} disabled={model.checking.value}>
            {model.checking.value ? 'Checking…' : 'Check now'}
          </button>
          {!inTab && (
            <button type="button" onClick={model.openInTab} aria-label="Open in a tab" title="Open in a tab">
              ⤢
            </button>
          )}
          <button type="button" onClick={model.openOptions} aria-label="Options" title="Options">
            ⚙
          </button>
        </div>
      </header>
      {banner && <Banner tone={banner.tone} text={banner.text} onDismiss={model.dismissBanner} />}
      {model.loadError.value && <Banner tone="bad" text={`Could not read the profiles: ${model.loadError.value}`} />}
      {all === null && !model.loadError.value && <p class="empty muted">Loading…</p>}
      {all?.length === 0 && (
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
        onOpen={(e) => void model.openEntry(e)}
        onMarkAllRead={() => void model.markAllRead()}
      />
      {detail ? (
        <ProfileDetail
          row={detail}
          history={model.history.value}
          onBack={() => model.openDetail(null)}
          onRenew={() => void model.renew(detail.id)}
          onManagers={() => (model.managersId.value = detail.id)}
          onDisconnect={() => void model.disconnect(detail.id)}
        />
      ) : (
        all &&
        all.length > 0 && (
          <>
            <ListToolbar filter={filter} counts={model.counts.value} networks={model.networks} onChange={(f) => model.setFilter(f)} />
            {filter.network !== 'all' && (
              <BulkRenew
                networkName={NETWORKS[filter.network].name}
                atRisk={model.networkAtRisk.value}
                job={model.networkJob.value}
                onStart={() => filter.network !== 'all' && void model.renewAll(filter.network)}
                onCancel={() => filter.network !== 'all' && void model.cancelRenewAll(filter.network)}
              />
            )}
            {visible?.length === 0 && <p class="empty muted">No profile matches these filters.</p>}
            {visible && visible.length > 0 && (
              <ProfileList
                rows={visible}
                highlighted={model.highlighted.value}
                onRenew={(id) => void model.renew(id)}
                onDetails={(id) => model.openDetail(id)}
                onManagers={(id) => (model.managersId.value = id)}
              />
            )}
          </>
        )
      )}
      {managers && (
        <ManagersDialog
          profileName={managers.name}
          networkName={managers.networkName}
          permissionNeeded={NETWORKS[managers.network].permissionNeeded}
          identities={model.identities.value
            .filter((i) => i.access[managers.id])
            .map((i) => ({ id: i.id, name: i.name, can: i.access[managers.id]!.can, reason: i.access[managers.id]!.reason }))}
          onClose={() => (model.managersId.value = null)}
        />
      )}
      <ConnectPanel networks={model.networks} busy={model.connecting.value} onConnect={(n) => void model.connect(n)} />
      {all && all.length > 0 && (
        <div class="footer-actions" role="group" aria-label="Export">
          <button type="button" onClick={() => model.exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => model.exportAs('json')}>
            Export JSON
          </button>
          <button type="button" onClick={() => model.exportAs('ics')}>
            Expiries to calendar (.ics)
          </button>
        </div>
      )}
    </main>
  );
}
