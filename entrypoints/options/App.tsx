import { useEffect } from 'preact/hooks';
import { Banner } from '@/components/Banner';
import { ConfirmUrls } from '@/components/ConfirmUrls';
import { LockSettings } from '@/components/LockSettings';
import { DeliveryFailures } from '@/components/DeliveryFailures';
import { HubPanel } from '@/components/HubPanel';
import { ReminderSettings } from '@/components/ReminderSettings';
import { SettingsFile } from '@/components/SettingsFile';
import { SettingsForm } from '@/components/SettingsForm';
import { SetupChecklist } from '@/components/SetupChecklist';
import { to } from '@/utils/i18n/options-texts';
import { setupLines } from '@/utils/setup-lines';
import { NETWORK_IDS, type NetworkId } from '@/utils/networks/catalog';
import type { OptionsModel } from './model';
import type { SetupModel } from './setup-model';

export function App({ model, setup, focusNetwork = null }: { model: OptionsModel; setup: SetupModel; focusNetwork?: NetworkId | null }) {
  const loaded = model.loaded.value.value;
  const message = model.message.value;
  const pendingUrls = model.pendingUrls.value;
  const settingsKey = loaded ? JSON.stringify(loaded.settings) : '';
  // A base URL change moves a network to other hosts: the granted ones are asked again.
  useEffect(() => void setup.refreshHosts(), [settingsKey, setup]);
  return (
    <main class="options">
      <header class="bar">
        <h1>{to('opt.title')}</h1>
      </header>
      <div class="options-body">
        {message && <Banner tone={message.tone} text={message.text} />}
        {pendingUrls && (
          <ConfirmUrls changes={pendingUrls.changes} onConfirm={() => void model.confirmUrls()} onCancel={() => model.cancelUrls()} />
        )}
        {loaded?.repaired && <Banner tone="bad" text={to('opt.repaired')} />}
        <h2 id="setup-title">{to('setup.title')}</h2>
        {loaded ? (
          <SetupChecklist
            lines={setupLines(loaded.settings, model.hub.value !== null, setup.hosts.value, model.profiles.value)}
            tests={setup.tests.value}
            onTest={(n) => void setup.test(n)}
            initiallyOpen={focusNetwork}
          />
        ) : (
          <p class="muted">{to('opt.loading')}</p>
        )}
        <h2 id="hub-title">{to('hub.title')}</h2>
        <HubPanel hub={model.hub.value} onEnroll={(url, code) => void model.enrollHub(url, code)} onLeave={() => void model.leaveHub()} />
        <h2>{to('opt.reminders')}</h2>
        {loaded ? (
          <ReminderSettings
            key={`r-${JSON.stringify(loaded.settings)}`}
            settings={loaded.settings}
            profiles={model.profiles.value}
            onSave={(s) => void model.save(s)}
            onSendTest={(channel, url) => void model.sendTest(channel, url)}
          />
        ) : (
          <p class="muted">{to('opt.loading')}</p>
        )}
        <DeliveryFailures rows={model.deliveryProblems.value} />
        <LockSettings command={model.command} />
        <h2>{to('opt.file')}</h2>
        <SettingsFile onExport={(includeWebhooks) => model.exportFile(includeWebhooks)} onImport={(t) => void model.importText(t)} />
        <h2>{to('opt.advanced')}</h2>
        {loaded ? (
          <SettingsForm
            key={JSON.stringify(loaded.settings)}
            settings={loaded.settings}
            supported={[...NETWORK_IDS]}
            onSave={(s) => void model.save(s)}
          />
        ) : (
          <p class="muted">{to('opt.loading')}</p>
        )}
      </div>
    </main>
  );
}
