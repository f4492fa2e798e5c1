import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { openPageStore } from '@/utils/db/page-store';
import { createCommandClient } from '@/utils/messages';
import { App } from './App';
import { lang, langFrom, setLang } from '@/utils/i18n/index';

// The browser's UI language, as for _locales.
setLang(langFrom(browser.i18n.getUILanguage()));
document.documentElement.lang = lang();
import { createOptionsModel } from './model';

const model = createOptionsModel({
  store: openPageStore(),
  command: createCommandClient((m) => browser.runtime.sendMessage(m)),
  requestHosts: (origins) => browser.permissions.request({ origins }),
  download: (name, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
});
render(<App model={model} />, document.getElementById('app')!);
