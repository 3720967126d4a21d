import { useEffect, useMemo, useRef, useState } from 'react';
import type { StoredEvent } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { shoppingView, stateAt, type HistoryEntry } from '../../model';
import { dayOf, timeOf } from './when';
import { useI18n } from '../../i18n';

interface Props {
  entry: HistoryEntry;
  log: readonly StoredEvent[];
  onBack(): void;
  onRestored(): void;
}

/** The list exactly as it was just after one moment of its history: read-only. */
export function LookBack({ entry, log, onBack, onRestored }: Props) {
  const basket = useBasket();
  const streamId = useBasketState((s) => s.currentList);
  const then = useMemo(() => stateAt(log, entry.seq), [log, entry.seq]);
  const view = useMemo(() => shoppingView(then, streamId, ''), [then, streamId]);
  const [note, setNote] = useState<string | null>(null);
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function restore() {
    const products = [...view.toBuy, ...view.bought];
    const outcome = await basket.dispatch({
      type: 'RestoreList',
      streamId,
      asOf: entry.at,
      products,
    });
    if (outcome.ok && outcome.events.length === 0) setNote(t('alreadyLikeThis'));
    else if (outcome.ok) onRestored();
  }

  const day = dayOf(entry.at, language);
  const time = timeOf(entry.at, language);
  return (
    <section className="look-back" aria-labelledby="look-back-heading">
      <h2 id="look-back-heading" ref={heading} tabIndex={-1}>
        {t('asItWasOn', { day, time })}
      </h2>
      <p className="banner warning">{t('lookingBack', { what: entry.what })}</p>
      {view.total === 0 ? (
        <p className="empty">{t('emptyThen')}</p>
      ) : (
        <ul role="list" aria-label={t('asItWas')} className="past-products">
          {[...view.toBuy, ...view.bought].map((p) => (
            <li key={p.productId} className={p.checked ? 'bought' : undefined}>
              <span className="product-name">{p.name}</span>
              {p.quantity !== 1 && <span className="quantity"> × {p.quantity}</span>}
              {p.checked && <span className="visually-hidden">{t('boughtMark')}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="tool-row">
        <button type="button" className="primary" onClick={() => void restore()}>
          {t('restoreThis')}
        </button>
        <button type="button" onClick={onBack}>
          {t('backToNow')}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
