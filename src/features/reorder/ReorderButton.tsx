import { ArrowUpDown } from 'lucide-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { useBasketState } from '../../bus';
import { useI18n } from '../../i18n';

// Dragging (dnd-kit) is loaded only when the person asks to reorder: the list opens without it.
const ReorderSheet = lazy(() => import('./ReorderSheet'));

/** Opens the sheet where aisles and the products in them are dragged into the order of the walk. */
export function ReorderButton() {
  const { t } = useI18n();
  const streamId = useBasketState((s) => s.currentList);
  // Something to put in order: a product still to buy on this list.
  const disabled = useBasketState((s) => {
    for (const p of s.list.products.values())
      if (p.streamId === streamId && !p.checked) return false;
    return true;
  });
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={t('reorder')}
        title={t('reorder')}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        <ArrowUpDown aria-hidden size={20} />
      </button>
      {open && (
        <Suspense fallback={<p role="status">{t('loadingReorder')}</p>}>
          <ReorderSheet onClose={close} />
        </Suspense>
      )}
    </>
  );
}
