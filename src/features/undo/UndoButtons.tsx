import { useCallback, useEffect } from 'react';
import { useBasket, useBasketState } from '../../bus';
import { NO_STACKS, ownTop, undoTarget } from '../../model';
import { typingIn } from '../../ui/keyboard';
import { useI18n } from '../../i18n';

export function UndoButtons() {
  const basket = useBasket();
  const streamId = useBasketState(undoTarget);
  const onScreen = useBasketState((s) => s.currentList);
  const stacks = useBasketState((s) => s.list.stacks.get(undoTarget(s)) ?? NO_STACKS);
  // This device's own actions: another device's are undone there (README, "Undo").
  const device = useBasketState((s) => s.device);
  const toUndo = ownTop(stacks.undo, device);
  const toRedo = ownTop(stacks.redo, device);
  const { t } = useI18n();

  // The action named is the one shown: if another tab's change lands on top first, nothing else
  // is undone in its place. A list brought back by Undo is opened, where the person can see it.
  const run = useCallback(
    async (type: 'Undo' | 'Redo') => {
      const entry = type === 'Undo' ? toUndo : toRedo;
      const outcome = await basket.dispatch({
        type,
        streamId,
        ...(entry ? { actionId: entry.id } : {}),
      });
      if (outcome.ok && streamId !== onScreen) basket.selectList(streamId);
    },
    [basket, streamId, onScreen, toUndo, toRedo],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typingIn(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      void run(redo ? 'Redo' : 'Undo');
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run]);

  return (
    <div className="undo-buttons">
      <button
        type="button"
        disabled={!toUndo}
        title={toUndo ? t('undoThis', { label: toUndo.label }) : t('nothingToUndo')}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => void run('Undo')}
      >
        {t('undo')}
      </button>
      <button
        type="button"
        disabled={!toRedo}
        title={toRedo ? t('redoThis', { label: toRedo.label }) : t('nothingToRedo')}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        onClick={() => void run('Redo')}
      >
        {t('redo')}
      </button>
    </div>
  );
}
