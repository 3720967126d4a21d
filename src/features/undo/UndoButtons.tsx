import { useEffect } from 'react';
import { DEFAULT_STREAM } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { NO_STACKS } from '../../model';
import { typingIn } from '../../ui/keyboard';

export function UndoButtons() {
  const basket = useBasket();
  const stacks = useBasketState((s) => s.list.stacks.get(DEFAULT_STREAM) ?? NO_STACKS);
  const toUndo = stacks.undo.at(-1);
  const toRedo = stacks.redo.at(-1);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typingIn(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      void basket.dispatch({ type: redo ? 'Redo' : 'Undo', streamId: DEFAULT_STREAM });
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [basket]);

  return (
    <div className="undo-buttons">
      <button
        type="button"
        disabled={!toUndo}
        title={toUndo ? `Undo: ${toUndo.label}` : 'Nothing to undo'}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => void basket.dispatch({ type: 'Undo', streamId: DEFAULT_STREAM })}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!toRedo}
        title={toRedo ? `Redo: ${toRedo.label}` : 'Nothing to redo'}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        onClick={() => void basket.dispatch({ type: 'Redo', streamId: DEFAULT_STREAM })}
      >
        Redo
      </button>
    </div>
  );
}
