import { useEffect, useRef } from 'react';
import { useBasket, useBasketState } from '../../bus';
import { typingIn } from '../../ui/keyboard';
import { useI18n } from '../../i18n';

export function SearchBox() {
  const basket = useBasket();
  const text = useBasketState((s) => s.search);
  const input = useRef<HTMLInputElement>(null);
  const { t } = useI18n();

  // "/" jumps to search from anywhere but a text field, as on many sites.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

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
        aria-keyshortcuts="/"
        value={text}
        onChange={(e) => basket.search(e.target.value)}
      />
      {text && (
        <button
          type="button"
          onClick={() => {
            basket.search('');
            input.current?.focus();
          }}
        >
          {t('clearSearch')}
        </button>
      )}
    </div>
  );
}
