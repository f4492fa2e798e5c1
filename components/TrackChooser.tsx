import { useState } from 'preact/hooks';
import { tp } from '@/utils/i18n/page-texts';

export interface TrackChooserProps {
  listed: { id: string; name: string; alreadyTracked: boolean }[];
  onDone: (untrack: string[]) => void;
}

/** After a connect: which of the pages / channels / locations to keep tracking; already-tracked ones are marked. */
export function TrackChooser({ listed, onDone }: TrackChooserProps) {
  const [keep, setKeep] = useState(() => new Set(listed.map((p) => p.id)));
  const toggle = (id: string) =>
    setKeep((k) => {
      const next = new Set(k);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form
      class="chooser"
      aria-labelledby="chooser-title"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(listed.filter((p) => !keep.has(p.id) && !p.alreadyTracked).map((p) => p.id));
      }}
    >
      <h2 id="chooser-title">{tp('chooser.title')}</h2>
      {listed.map((p) => (
        <label key={p.id} class="check">
          <input type="checkbox" checked={keep.has(p.id)} disabled={p.alreadyTracked} onChange={() => toggle(p.id)} /> {p.name}
          {p.alreadyTracked && <span class="muted"> ({tp('chooser.already')})</span>}
        </label>
      ))}
      <button type="submit" class="primary">
        {tp('chooser.keep')}
      </button>
    </form>
  );
}
