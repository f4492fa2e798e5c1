import { t } from '@/utils/i18n/index';
import { tp } from '@/utils/i18n/page-texts';
import { Banner } from '@/components/Banner';
import { BulkRenew } from '@/components/BulkRenew';
import { ConnectPanel } from '@/components/ConnectPanel';
import { Inbox, InboxButton } from '@/components/Inbox';
import { LapseTimeline } from '@/components/LapseTimeline';
import { ListToolbar } from '@/components/ListToolbar';
import { ManagersDialog } from '@/components/ManagersDialog';
import { ProfileDetail } from '@/components/ProfileDetail';
import { ProfileList } from '@/components/ProfileList';
import { TrackChooser } from '@/components/TrackChooser';
import { UnlockPanel } from '@/components/UnlockPanel';
import { NETWORKS } from '@/utils/networks/catalog';
import type { PopupModel } from './model';

export function App({ model, inTab = false }: { model: PopupModel; inTab?: boolean }) {
  const all = model.views.value;
  const visible = model.visible.value;
  const banner = model.banner.value;
  const hubRecord = model.hub.value;
  const filter = model.filter.value;
  const detail = all?.find((r) => r.id === model.detailId.value) ?? null;
  const managers = all?.find((r) => r.id === model.managersId.value) ?? null;
  return (
    <main class={inTab ? 'popup tab' : 'popup'}>
      <header class="bar">
        <h1>Token Warden</h1>
        <div class="inline">
          {model.inbox.value.length > 0 && (
            <InboxButton
              unread={model.unread.value}
              open={model.inboxOpen.value}
              onToggle={() => (model.inboxOpen.value = !model.inboxOpen.value)}
            />
          )}
          <button type="button" onClick={() => void model.checkNow()} disabled={model.checking.value}>
            {model.checking.value ? t('popup.checking') : t('popup.checkNow')}
          </button>
          {!inTab && (
            <button type="button" onClick={model.openInTab} aria-label={t('popup.openInTab')} title={t('popup.openInTab')}>
              ⤢
            </button>
          )}
          <button type="button" onClick={model.openOptions} aria-label={t('popup.options')} title={t('popup.options')}>
            ⚙
          </button>
        </div>
      </header>
      {hubRecord && (
        <p class="hub-line muted" id="hub-line">
          {t('hub.popupLine', { email: hubRecord.memberEmail, role: t(`hub.role.${hubRecord.role}`), host: new URL(hubRecord.url).host })}
        </p>
      )}
      {hubRecord?.lastError && <Banner tone="neutral" text={t('hub.problem', { reason: hubRecord.lastError })} />}
      <UnlockPanel command={model.command} />
      {banner && <Banner tone={banner.tone} text={banner.text} onDismiss={model.dismissBanner} />}
      {model.storageFull.value && <Banner tone="bad" text={t('storage.full')} />}
      {model.offline.value && <Banner tone="neutral" text={t('popup.offline')} />}
      {model.loadError.value && <Banner tone="bad" text={t('popup.readError', { error: model.loadError.value })} />}
      {all === null && !model.loadError.value && <p class="empty muted">{t('popup.loading')}</p>}
      {all?.length === 0 && (
        <section class="empty">
          <h2>{tp('popup.emptyTitle')}</h2>
          <p class="muted">{tp('popup.emptyText')}</p>
        </section>
      )}
      {model.choosing.value && <TrackChooser listed={model.choosing.value} onDone={(untrack) => void model.finishChoosing(untrack)} />}
      {model.inboxOpen.value ? (
        <Inbox
          entries={model.inbox.value}
          unread={model.unread.value}
          onOpen={(e) => void model.openEntry(e)}
          onMarkAllRead={() => void model.markAllRead()}
          onClose={() => (model.inboxOpen.value = false)}
        />
      ) : detail ? (
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
            {inTab && <LapseTimeline rows={all} now={model.now()} onOpen={(id) => model.openDetail(id)} />}
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
            {visible?.length === 0 && <p class="empty muted">{t('popup.noMatch')}</p>}
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
        <div class="footer-actions" role="group" aria-label={t('popup.exportGroup')}>
          <button type="button" onClick={() => model.exportAs('csv')}>
            {t('popup.exportCsv')}
          </button>
          <button type="button" onClick={() => model.exportAs('json')}>
            {t('popup.exportJson')}
          </button>
          <button type="button" onClick={() => model.exportAs('ics')}>
            {t('popup.exportIcs')}
          </button>
        </div>
      )}
    </main>
  );
}
