import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { openPageStore } from '@/utils/pages/page-store';
import { createListModel } from '@/utils/pages/list-model';
import { liveSignal } from '@/utils/pages/live';
import type { HubRecord, IdentityRecord } from '@/utils/db/schema';
import { isAtRisk, renewRule } from '@/utils/at-risk';
import { computed } from '@preact/signals';
import { createCommandClient } from '@/utils/messages';
import { App } from './App';
import { lang, langFrom, setLang } from '@/utils/i18n/index';

// The browser's UI language, as for _locales.
setLang(langFrom(browser.i18n.getUILanguage()));
document.documentElement.lang = lang();

const params = new URLSearchParams(location.search);
const store = openPageStore();
// The startup window lists what this person can renew (SPEC §5); a notification's profile is always shown.
const identities = liveSignal<IdentityRecord[]>(store, ['identities'], () => store.all('identities'), []);
const hub = liveSignal<HubRecord | null>(store, ['hub'], async () => (await store.get('hub', 'hub')) ?? null, null);
// The rule is rebuilt when the identities or the hub change, not for every row.
const canRenew = computed(() => renewRule(identities.value.value, hub.value.value?.memberEmail ?? null));
const model = createListModel(
  { store, command: createCommandClient((m) => browser.runtime.sendMessage(m)), now: () => Date.now() },
  (row) => isAtRisk(row.status) || row.id === params.get('profile'),
  undefined,
  (row) => row.profile.id === params.get('profile') || !params.has('startup') || canRenew.value(row.profile, row.grant),
);
render(
  <App model={model} highlighted={params.get('profile')} startup={params.has('startup')} onClose={() => window.close()} />,
  document.getElementById('app')!,
);
