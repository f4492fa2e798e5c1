import { t } from '@/utils/i18n/index';
export interface SettingsFileProps {
  onExport: () => void;
  onImport: (text: string) => void;
}

/** Export and import of the settings as one JSON file. */
export function SettingsFile({ onExport, onImport }: SettingsFileProps) {
  return (
    <div class="settings-file">
      <button type="button" onClick={onExport}>
        {t('opt.export')}
      </button>{' '}
      <label for="import-file">{t('opt.import')}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onImport(await file.text());
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
