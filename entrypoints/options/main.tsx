import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { openPageStore } from '@/utils/pages/page-store';
import { createCommandClient } from '@/utils/messages';
import { App } from './App';
import { lang, langFrom, setLang } from '@/utils/i18n/index';

// The browser's UI language, as for _locales.
setLang(langFrom(browser.i18n.getUILanguage()));
document.documentElement.lang = lang();
import { createOptionsModel } from './model';
import { createSetupModel } from './setup-model';
import { isNetworkId } from '@/utils/networks/catalog';

const command = createCommandClient((m) => browser.runtime.sendMessage(m));
const model = createOptionsModel({
  store: openPageStore(),
  command,
  requestHosts: (origins) => browser.permissions.request({ origins }),
  download: (name, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
});
// The popup's Connect sends a person without a client ID to `#setup-<network>`: that line opens.
const focus = location.hash.replace(/^#setup-/, '');
const focusNetwork = isNetworkId(focus) ? focus : null;
render(<App model={model} setup={createSetupModel(command)} focusNetwork={focusNetwork} />, document.getElementById('app')!);
if (focusNetwork) requestAnimationFrame(() => document.getElementById(`setup-${focusNetwork}`)?.scrollIntoView());
