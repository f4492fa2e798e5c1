import { tp } from '@/utils/i18n/page-texts';
import { hostOf, type UrlChange } from '@/utils/url-policy';

export interface ConfirmUrlsProps {
  changes: UrlChange[];
  onConfirm: () => void;
  onCancel: () => void;
}

/** Shown before a change of a URL that receives tokens applies: each one, old host → new host. */
export function ConfirmUrls({ changes, onConfirm, onCancel }: ConfirmUrlsProps) {
  const shown = (c: UrlChange, url: string) => hostOf(url) || (c.field.endsWith('.baseUrl') ? tp('url.production') : tp('url.none'));
  return (
    <section class="confirm-urls" role="alertdialog" aria-labelledby="confirm-urls-title">
      <h3 id="confirm-urls-title">{tp('url.confirmTitle')}</h3>
      <p>{tp('url.confirmIntro')}</p>
      <ul>
        {changes.map((c) => (
          <li key={c.field} data-field={c.field}>
            {c.label}: <span class="url-from">{shown(c, c.from)}</span> → <strong class="url-to">{shown(c, c.to)}</strong>
          </li>
        ))}
      </ul>
      <button type="button" class="primary" data-action="confirm-urls" onClick={onConfirm}>
        {tp('url.apply')}
      </button>{' '}
      <button type="button" data-action="cancel-urls" onClick={onCancel}>
        {tp('url.cancel')}
      </button>
    </section>
  );
}
