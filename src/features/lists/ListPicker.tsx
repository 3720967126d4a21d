import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_STREAM, parseListName } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { openLists } from '../../model';

type Mode = 'browse' | 'new' | 'rename' | 'delete';

/** Which list is open, and making, renaming and deleting lists. */
export function ListPicker() {
  const basket = useBasket();
  const list = useBasketState((s) => s.list);
  const current = useBasketState((s) => s.currentList);
  const lists = useMemo(() => openLists(list.lists, list.versions, DEFAULT_STREAM), [list]);
  const name = lists.find((l) => l.streamId === current)?.name ?? '';
  const [mode, setMode] = useState<Mode>('browse');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
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
          List
        </label>
        <select
          id={`${id}-list`}
          value={current}
          onChange={(e) => basket.selectList(e.target.value)}
        >
          {lists.map((l) => (
            <option key={l.streamId} value={l.streamId}>
              {l.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => open('new')}>
          New list
        </button>
        <button type="button" aria-label="Rename list" onClick={() => open('rename')}>
          Rename
        </button>
        <button
          type="button"
          aria-label="Delete list"
          disabled={lists.length < 2}
          title={lists.length < 2 ? 'Make another list before deleting this one' : undefined}
          onClick={() => open('delete')}
        >
          Delete
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
          <label htmlFor={`${id}-name`}>List name</label>
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
            {mode === 'new' ? 'Create' : 'Save'}
          </button>
          <button type="button" onClick={() => setMode('browse')}>
            Cancel
          </button>
          {error && (
            <p id={`${id}-error`} role="alert" className="field-error">
              {error}
            </p>
          )}
        </form>
      )}
      {mode === 'delete' && (
        <div role="group" aria-label="Delete this list?" className="banner warning">
          <span>Delete “{name}” and the products on it? Its history stays in your backups.</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete {name}
          </button>
          <button type="button" onClick={() => setMode('browse')}>
            Keep it
          </button>
        </div>
      )}
    </div>
  );
}
