import { t } from '@/utils/i18n/index';
export function Banner({ tone, text, onDismiss }: { tone: 'ok' | 'bad' | 'neutral'; text: string; onDismiss?: () => void }) {
  return (
    <div class={`banner banner-${tone}`} role={tone === 'bad' ? 'alert' : 'status'}>
      <span>{text}</span>
      {onDismiss && (
        <button type="button" class="link" onClick={onDismiss} aria-label={t('popup.dismiss')}>
          ✕
        </button>
      )}
    </div>
  );
}
