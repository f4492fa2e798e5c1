import { to } from '@/utils/i18n/options-texts';
import { tp } from '@/utils/i18n/page-texts';
import { useState } from 'preact/hooks';
export interface SettingsFileProps {
  /** `includeWebhooks`: the Slack and webhook URLs (credentials) go into the file too. */
  onExport: (includeWebhooks: boolean) => void;
  onImport: (text: string) => void;
}

/** Export and import of the settings as one JSON file. */
export function SettingsFile({ onExport, onImport }: SettingsFileProps) {
  const [includeWebhooks, setIncludeWebhooks] = useState(false);
  return (
    <div class="settings-file">
      <button type="button" onClick={() => onExport(includeWebhooks)}>
        {to('opt.export')}
      </button>{' '}
      <label>
        <input type="checkbox" checked={includeWebhooks} onChange={(e) => setIncludeWebhooks(e.currentTarget.checked)} />{' '}
        {tp('opt.includeWebhooks')}
      </label>{' '}
      <label for="import-file">{to('opt.import')}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        onChange={async (e) => {
          // currentTarget is null once the event has been dispatched: take the input before any await.
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Emptied at once, so choosing the same file again fires a change again.
          input.value = '';
          if (file) onImport(await file.text());
        }}
      />
    </div>
  );
}
