import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import { WardenDb } from '@/utils/db/schema';
import { createCommandClient } from '@/utils/messages';
import { App } from './App';
import { createPopupModel } from './model';

const model = createPopupModel({
  db: new WardenDb(),
  command: createCommandClient((m) => browser.runtime.sendMessage(m)),
  requestHosts: (origins) => browser.permissions.request({ origins }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  now: () => Date.now(),
});
render(<App model={model} />, document.getElementById('app')!);
