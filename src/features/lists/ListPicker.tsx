import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_STREAM, parseListName } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { openLists } from '../../model';
import type { Sentence } from '../../events/sentence';
import { useI18n } from '../../i18n';
import { shownListName } from '../../ui/list-name';

type Mode = 'browse' | 'new' | 'rename' | 'delete';

/** Which list is open, and making, renaming and deleting lists. */
export function ListPicker() {
  const basket = useBasket();
  const list = useBasketState((s) => s.list);
  const current = useBasketState((s) => s.currentList);
  const lists = useMemo(() => openLists(list.lists, list.versions, DEFAULT_STREAM), [list]);
  const i18n = useI18n();
  const { t, say } = i18n;
  const shown = lists.find((l) => l.streamId === current);
  const name = shown ? shownListName(shown, i18n) : '';
  const [mode, setMode] = useState<Mode>('browse');
  const [text, setText] = useState('');
  const [error, setError] = useState<Sentence | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  function open(next: Mode) {
    setMode(next);
    setError(null);
    setText(next === 'rename' ? name : '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseListName(text);
    if (!parsed.ok) {
      setError(parsed.message);
      input.current?.focus();
      return;
    }
    const outcome = await basket.dispatch(
      mode === 'new'
        ? { type: 'CreateList', name: parsed.value }
        : { type: 'RenameList', streamId: current, name: parsed.value },
    );
    if (!outcome.ok) return;
    const made = outcome.events[0];
    if (mode === 'new' && made) basket.selectList(made.streamId);
    setMode('browse');
  }

  async function remove() {
    const outcome = await basket.dispatch({ type: 'DeleteList', streamId: current });
    if (outcome.ok) setMode('browse');
  }

  return (
    <div className="list-picker">
      <div className="tool-row">
        <label htmlFor={`${id}-list`} className="visually-hidden">
          {t('list')}
        </label>
        <select
          id={`${id}-list`}
          value={current}
          onChange={(e) => basket.selectList(e.target.value)}
        >
          {lists.map((l) => (
            <option key={l.streamId} value={l.streamId}>
              {shownListName(l, i18n)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => open('new')}>
          {t('newList')}
        </button>
        <button type="button" aria-label={t('renameList')} onClick={() => open('rename')}>
          {t('rename')}
        </button>
        <button
          type="button"
          aria-label={t('deleteList')}
          disabled={lists.length < 2}
          title={lists.length < 2 ? t('deleteListFirst') : undefined}
          onClick={() => open('delete')}
        >
          {t('delete')}
        </button>
      </div>
      {(mode === 'new' || mode === 'rename') && (
        <form
          className="list-name-form"
          noValidate
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setMode('browse');
          }}
        >
          <label htmlFor={`${id}-name`}>{t('listName')}</label>
          <input
            id={`${id}-name`}
            ref={input}
            type="text"
            autoFocus
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" className="primary">
            {mode === 'new' ? t('create') : t('save')}
          </button>
          <button type="button" onClick={() => setMode('browse')}>
            {t('cancel')}
          </button>
          {error && (
            <p id={`${id}-error`} role="alert" className="field-error">
              {say(error)}
            </p>
          )}
        </form>
      )}
      {mode === 'delete' && (
        <div role="group" aria-label={t('deleteListQuestion')} className="banner warning">
          <span>{t('deleteListWarning', { name })}</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('deleteNamed', { name })}
          </button>
          <button type="button" onClick={() => setMode('browse')}>
            {t('keepIt')}
          </button>
        </div>
      )}
    </div>
  );
}
