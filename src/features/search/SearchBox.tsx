import Plus from 'lucide-react/icons/plus';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { nameKey, parseEntry, parseName, parseQuantity, parseUnit } from '../../events';
import type { Sentence } from '../../events/sentence';
import { useBasket, useBasketState } from '../../bus';
import { matchName } from '../../model';
import { typingIn } from '../../ui/keyboard';
import { useI18n } from '../../i18n';

/**
 * Filters the list as the person types (the rule the suggestions follow too: `matchName`). When
 * nothing on the list matches, it offers to add what was typed, as the Add form would; Enter
 * does the same, so the search field adds as well.
 */
export function SearchBox() {
  const basket = useBasket();
  const text = useBasketState((s) => s.search);
  const products = useBasketState((s) => s.list.products);
  const streamId = useBasketState((s) => s.currentList);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<Sentence | null>(null);
  const { t, say } = useI18n();
  const query = nameKey(text);
  const missed = useMemo(() => {
    if (!query) return false;
    for (const p of products.values()) {
      if (p.streamId === streamId && matchName(p.key, query)) return false;
    }
    return true;
  }, [products, streamId, query]);

  // "/" jumps to search from anywhere but a text field, as on many sites.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function clear() {
    basket.search('');
    setError(null);
    input.current?.focus();
  }

  async function add() {
    // Read as the Product field reads it: "2 milk" searched for and added is two of milk.
    const entry = parseEntry(text);
    const name = parseName(entry.name);
    const quantity = parseQuantity(entry.quantity ?? 1);
    const unit = parseUnit(entry.unit ?? '');
    if (!name.ok || !quantity.ok || !unit.ok) {
      setError(!name.ok ? name.message : !quantity.ok ? quantity.message : null);
      input.current?.focus();
      return;
    }
    const outcome = await basket.dispatch({
      type: 'AddProduct',
      streamId,
      name: name.value,
      quantity: quantity.value,
      unit: unit.value,
    });
    // The status line says what was added; the search is done, so the whole list shows again.
    if (outcome.ok) clear();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !missed) return;
    event.preventDefault();
    void add();
  }

  const shown = text.trim();
  return (
    <div className="search" role="search">
      <label htmlFor="search" className="visually-hidden">
        {t('search')}
      </label>
      <input
        id="search"
        ref={input}
        type="search"
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        enterKeyHint={missed ? 'done' : 'search'}
        aria-keyshortcuts="/"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'search-error' : undefined}
        value={text}
        onChange={(e) => {
          basket.search(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      {text && (
        <button type="button" onClick={clear}>
          {t('clearSearch')}
        </button>
      )}
      {missed && (
        <button type="button" className="search-add" onClick={() => void add()}>
          <Plus aria-hidden="true" size={16} />
          {t('addNamed', { name: shown })}
        </button>
      )}
      {error && (
        <p id="search-error" className="field-error" role="alert">
          {say(error)}
        </p>
      )}
    </div>
  );
}
