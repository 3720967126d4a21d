import { useRef } from 'react';
import { useBasket, useBasketState } from '../../bus';

export function SearchBox() {
  const basket = useBasket();
  const text = useBasketState((s) => s.search);
  const input = useRef<HTMLInputElement>(null);

  return (
    <div className="search" role="search">
      <label htmlFor="search" className="visually-hidden">
        Search
      </label>
      <input
        id="search"
        ref={input}
        type="search"
        placeholder="Search the list"
        autoComplete="off"
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
          Clear search
        </button>
      )}
    </div>
  );
}
