import type { Page, WebWorker } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { sandboxSettings } from '../../sandbox/settings-for';
import { launchExtension, type ExtensionBrowser } from './chromium';
import { importSettings } from './extension';

/** A sandbox + Chromium with the extension, already pointed at the sandbox through a settings import. */
export interface Session {
  sandbox: Sandbox;
  ext: ExtensionBrowser;
  worker: WebWorker;
  /** options.html, used to send commands as a page would. */
  page: Page;
  control(action: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const sandbox = await startSandbox();
  const ext = await launchExtension();
  const worker = await ext.worker();
  const page = await ext.openPage('options.html');
  await importSettings(page, sandboxSettings(sandbox.url));
  const control = async (action: string, body: unknown = {}) => {
    const res = await fetch(`${sandbox.url}/_control/${action}`, { method: 'POST', body: JSON.stringify(body) });
    return res.json();
  };
  return {
    sandbox,
    ext,
    worker,
    page,
    control,
    async close() {
      await ext.close();
      await sandbox.close();
    },
  };
}
