import { signal } from '@preact/signals';
import { liveSignal } from '@/utils/db/live';
import type { WardenDb } from '@/utils/db/schema';
import { loadSettings, type LoadedSettings } from '@/utils/db/settings-store';
import type { CommandClient } from '@/utils/messages';
import { serializeSettings, type Settings } from '@/utils/settings';

export interface OptionsDeps {
  db: WardenDb;
  command: CommandClient;
  download: (fileName: string, text: string) => void;
}

export function createOptionsModel(deps: OptionsDeps) {
  const loaded = liveSignal<LoadedSettings | null>(() => loadSettings(deps.db), null);
  const message = signal<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  const report = (r: { ok: true } | { ok: false; message: string }, okText: string) => {
    message.value = r.ok ? { tone: 'ok', text: okText } : { tone: 'bad', text: r.message };
  };
  const fail = (error: unknown) => {
    message.value = { tone: 'bad', text: error instanceof Error ? error.message : 'Something went wrong' };
  };

  return {
    loaded,
    message,
    async save(settings: Settings) {
      try {
        report(await deps.command('saveSettings', { settings }), 'Settings saved.');
      } catch (error) {
        fail(error);
      }
    },
    async importText(text: string) {
      try {
        report(await deps.command('importSettings', { text }), 'Settings imported.');
      } catch (error) {
        fail(error);
      }
    },
    exportFile() {
      const current = loaded.value.value;
      if (current) deps.download('token-warden-settings.json', serializeSettings(current.settings));
    },
  };
}
export type OptionsModel = ReturnType<typeof createOptionsModel>;
