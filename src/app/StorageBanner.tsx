import { useBasketState } from '../bus';

/** Says plainly when changes are not being kept, for as long as that is true. */
export function StorageBanner() {
  const storage = useBasketState((s) => s.storage);
  switch (storage) {
    case 'saved':
      return null;
    case 'memory':
      return (
        <aside className="banner warning" aria-label="Storage">
          <strong>Not saved on this device.</strong> This browser would not let Basket store data (a
          private window?), so your list lasts only until this tab closes.
        </aside>
      );
    case 'blocked':
      return (
        <aside className="banner warning" aria-label="Storage">
          <strong>Close other Basket tabs</strong> so this one can finish updating.
        </aside>
      );
    case 'outdated':
      return (
        <aside className="banner warning" aria-label="Storage" role="alert">
          <strong>Basket was updated — reload.</strong> A newer Basket is open in another tab; this
          one stopped saving so it cannot damage your list.{' '}
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </aside>
      );
    default: {
      const _exhaustive: never = storage;
      return _exhaustive;
    }
  }
}
