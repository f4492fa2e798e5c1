import { render } from 'preact';
import { signal } from '@preact/signals';
import { STORAGE_PROBLEM_KEY as PROBLEM_KEY, type StorageProblem } from '@/utils/storage-problem';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { openPageStore } from '@/utils/pages/page-store';
import { createCommandClient } from '@/utils/messages';
import { App } from './App';
import { lang, langFrom, setLang } from '@/utils/i18n/index';

// The browser's UI language, as for _locales.
setLang(langFrom(browser.i18n.getUILanguage()));
document.documentElement.lang = lang();
import { createPopupModel } from './model';

const inTab = new URLSearchParams(location.search).get('view') === 'tab';
document.documentElement.classList.toggle('in-tab', inTab);

// The background records a full disk in session storage (it cannot write IndexedDB then).
const storageProblem = signal<StorageProblem | null>(null);
void browser.storage.session.get(PROBLEM_KEY).then((v) => (storageProblem.value = (v[PROBLEM_KEY] as StorageProblem | undefined) ?? null));
browser.storage.session.onChanged.addListener((changes) => {
  if (PROBLEM_KEY in changes) storageProblem.value = (changes[PROBLEM_KEY].newValue as StorageProblem | undefined) ?? null;
});

const model = createPopupModel({
  storageProblem,
  store: openPageStore(),
  command: createCommandClient((m) => browser.runtime.sendMessage(m)),
  requestHosts: (origins) => browser.permissions.request({ origins }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openSetup: (network) => void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#setup-${network}`) }),
  openInTab: () => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?view=tab') }),
  download: (name, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    Object.assign(document.createElement('a'), { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  storage: localStorage,
  now: () => Date.now(),
});
const root = document.getElementById('app')!;
// A mark for `npm run bench`: the moment the list's first rows are in the document.
const firstRows = new MutationObserver(() => {
  if (!root.querySelector('li.row')) return;
  performance.mark('token-warden:list-ready');
  firstRows.disconnect();
});
firstRows.observe(root, { childList: true, subtree: true });
render(<App model={model} inTab={inTab} />, root);
