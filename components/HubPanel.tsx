import { useState } from 'preact/hooks';
import type { HubRecord } from '@/utils/domain';
import { formatDateTime } from '@/utils/format';
import { t } from '@/utils/i18n/index';
import { to } from '@/utils/i18n/options-texts';

export interface HubPanelProps {
  hub: HubRecord | null;
  onEnroll: (url: string, code: string) => void;
  onLeave: () => void;
}

/** Options → Organisation hub: enroll with a URL and a one-time code, or show the hub, the member and the role. */
export function HubPanel({ hub, onEnroll, onLeave }: HubPanelProps) {
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  if (hub) {
    return (
      <section class="hub-panel" aria-labelledby="hub-title">
        <p id="hub-status">{to('hub.signedIn', { url: hub.url, email: hub.memberEmail, role: t(`hub.role.${hub.role}`) })}</p>
        <p class="muted">{to('hub.lastSync', { when: hub.lastSyncAt ? formatDateTime(hub.lastSyncAt) : to('hub.never') })}</p>
        {hub.lastError && <p class="bad">{t('hub.problem', { reason: hub.lastError })}</p>}
        <button type="button" id="hub-leave" onClick={onLeave}>
          {to('hub.leave')}
        </button>
      </section>
    );
  }
  return (
    <form
      class="hub-panel"
      onSubmit={(e) => {
        e.preventDefault();
        onEnroll(url, code);
      }}
    >
      <p class="muted">{to('hub.intro')}</p>
      <label for="hub-url">{to('hub.url')}</label>
      <input
        id="hub-url"
        type="url"
        required
        placeholder="https://hub.example.org"
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      <label for="hub-code">{to('hub.code')}</label>
      <input id="hub-code" required autocomplete="off" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
      <button type="submit" id="hub-enroll">
        {to('hub.enroll')}
      </button>
    </form>
  );
}
