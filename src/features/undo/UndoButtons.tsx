import { useEffect } from 'react';
import { useBasket, useBasketState } from '../../bus';
import { NO_STACKS } from '../../model';
import { typingIn } from '../../ui/keyboard';
import { useI18n } from '../../i18n';

export function UndoButtons() {
  const basket = useBasket();
  const streamId = useBasketState((s) => s.currentList);
  const stacks = useBasketState((s) => s.list.stacks.get(s.currentList) ?? NO_STACKS);
  const toUndo = stacks.undo.at(-1);
  const toRedo = stacks.redo.at(-1);
  const { t } = useI18n();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typingIn(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      void basket.dispatch({ type: redo ? 'Redo' : 'Undo', streamId });
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [basket, streamId]);

  return (
    <div className="undo-buttons">
      <button
        type="button"
        disabled={!toUndo}
        title={toUndo ? t('undoThis', { label: toUndo.label }) : t('nothingToUndo')}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => void basket.dispatch({ type: 'Undo', streamId })}
      >
        {t('undo')}
      </button>
      <button
        type="button"
        disabled={!toRedo}
        title={toRedo ? t('redoThis', { label: toRedo.label }) : t('nothingToRedo')}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        onClick={() => void basket.dispatch({ type: 'Redo', streamId })}
      >
        {t('redo')}
      </button>
    </div>
  );
}
