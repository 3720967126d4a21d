import { useId, useRef, useState, type FormEvent } from 'react';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { parseListName } from '../../events';
import { useBasket } from '../../bus';
import type { Sentence } from '../../events/sentence';
import { useI18n } from '../../i18n';
import { useLists } from './useLists';

export type ListMode = 'browse' | 'new' | 'rename' | 'delete';

interface Props {
  /** Where to start: the sidebar's "New list" opens the menu with its form already open. */
  initial?: ListMode;
  /** After a list was made, renamed or deleted: the menu closes onto the list. */
  onDone(): void;
}

/** Making, renaming and deleting lists: in the menu, since a person does it rarely. */
export function ListActions({ initial = 'browse', onDone }: Props) {
  const basket = useBasket();
  const { lists, current, name } = useLists();
  const { t, say } = useI18n();
  const [mode, setMode] = useState<ListMode>(initial);
  const [text, setText] = useState(initial === 'rename' ? name : '');
  const [error, setError] = useState<Sentence | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const alone = lists.length < 2;

  function open(next: ListMode) {
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
    onDone();
  }

  async function remove() {
    const outcome = await basket.dispatch({ type: 'DeleteList', streamId: current });
    if (outcome.ok) {
      setMode('browse');
      onDone();
    }
  }

  // Leaving a form or the question gives focus back to the button that opened it, not to the
  // page: the openers stay, only the form goes.
  const openers = useRef<Partial<Record<ListMode, HTMLButtonElement | null>>>({});
  function back() {
    const from = mode;
    setMode('browse');
    openers.current[from]?.focus();
  }

  return (
    <div className="list-actions">
      <div className="menu-row">
        <button
          ref={(b) => {
            openers.current.new = b;
          }}
          type="button"
          className="menu-item"
          onClick={() => open('new')}
        >
          <Plus aria-hidden="true" className="icon" />
          {t('newList')}
        </button>
        <button
          type="button"
          className="menu-item"
          aria-label={t('renameList')}
          ref={(b) => {
            openers.current.rename = b;
          }}
          onClick={() => open('rename')}
        >
          <Pencil aria-hidden="true" className="icon" />
          {t('rename')}
        </button>
        <button
          type="button"
          className="menu-item"
          aria-label={t('deleteList')}
          ref={(b) => {
            openers.current.delete = b;
          }}
          aria-describedby={alone ? `${id}-alone` : undefined}
          disabled={alone}
          onClick={() => open('delete')}
        >
          <Trash2 aria-hidden="true" className="icon" />
          {t('delete')}
        </button>
      </div>
      {alone && (
        <p id={`${id}-alone`} className="hint">
          {t('deleteListFirst')}
        </p>
      )}
      {(mode === 'new' || mode === 'rename') && (
        <form
          className="list-name-form"
          noValidate
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Escape leaves the form, not the whole menu.
            e.stopPropagation();
            back();
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
          <button type="button" onClick={back}>
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
          <button type="button" onClick={back}>
            {t('keepIt')}
          </button>
        </div>
      )}
    </div>
  );
}
