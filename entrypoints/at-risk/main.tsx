import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { openPageStore } from '@/utils/db/page-store';
import { createListModel } from '@/utils/db/list-model';
import { createCommandClient } from '@/utils/messages';
import { App } from './App';
import { lang, langFrom, setLang } from '@/utils/i18n/index';

// The browser's UI language, as for _locales.
setLang(langFrom(browser.i18n.getUILanguage()));
document.documentElement.lang = lang();

const params = new URLSearchParams(location.search);
const model = createListModel(
  { store: openPageStore(), command: createCommandClient((m) => browser.runtime.sendMessage(m)), now: () => Date.now() },
  (row) => row.status === 'expired' || row.status === 'expiring' || row.id === params.get('profile'),
);
render(
  <App model={model} highlighted={params.get('profile')} startup={params.has('startup')} onClose={() => window.close()} />,
  document.getElementById('app')!,
);
