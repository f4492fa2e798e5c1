import { t } from '@/utils/i18n/index';
import { Banner } from '@/components/Banner';
import { useState } from 'preact/hooks';
import { LapseTimeline } from '@/components/LapseTimeline';
import { ProfileList } from '@/components/ProfileList';
import type { createListModel } from '@/utils/pages/list-model';

export interface AtRiskProps {
  model: ReturnType<typeof createListModel>;
  highlighted: string | null;
  /** Opened by the startup warning: offer to close. */
  startup: boolean;
  onClose: () => void;
  now?: number;
}

/** The profiles that need renewal (expired or expiring), with Renew: the startup warning and a notification's target. */
export function App({ model, highlighted, startup, onClose, now = Date.now() }: AtRiskProps) {
  const views = model.views.value;
  // A timeline mark outlines its profile's row and scrolls to it.
  const [opened, setOpened] = useState(highlighted);
  const banner = model.banner.value;
  return (
    <main class="at-risk">
      <header class="bar">
        <h1>{t('atRisk.title')}</h1>
        {startup && (
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </header>
      {banner && <Banner tone={banner.tone} text={banner.text} onDismiss={model.dismissBanner} />}
      {views === null && <p class="empty muted">{t('popup.loading')}</p>}
      {views?.length === 0 && <p class="empty">{t('atRisk.nothing')}</p>}
      {views && views.length > 0 && <LapseTimeline rows={views} now={now} onOpen={setOpened} />}
      {views && views.length > 0 && (
        <ProfileList rows={views} highlighted={opened} label={t('atRisk.list')} onRenew={(id) => void model.renew(id)} />
      )}
    </main>
  );
}
