import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { openPeerDb, type PeerProduct } from './db';
import './peer.css';

/**
 * The plain app (issue 16): React + Dexie `useLiveQuery`, windowed with @tanstack/react-virtual
 * the way its window example does. Newest first, so what was just added shows at the top; what
 * was bought is struck through where it is.
 */
const db = openPeerDb(new URLSearchParams(location.search).get('db') ?? 'peer');

function App() {
  const products = useLiveQuery(() => db.products.orderBy('addedAt').reverse().toArray());
  if (!products) return null;
  const toBuy = products.filter((p) => !p.bought);
  return (
    <main>
      <h1>Shopping list</h1>
      <AddForm />
      <p className="summary">
        {toBuy.length.toLocaleString()} of {products.length.toLocaleString()} left to buy
      </p>
      <List products={products} />
    </main>
  );
}

function AddForm() {
  const [name, setName] = useState('');
  async function add(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setName('');
    await db.products.add({
      id: crypto.randomUUID(),
      name: trimmed,
      quantity: 1,
      bought: 0,
      addedAt: Date.now(),
      boughtAt: null,
    });
  }
  return (
    <form onSubmit={add}>
      <input
        aria-label="Product"
        name="product"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit">Add</button>
    </form>
  );
}

function List({ products }: { products: PeerProduct[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => setScrollMargin(listRef.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({
    count: products.length,
    estimateSize: () => 52,
    overscan: 10,
    scrollMargin,
    getItemKey: (i) => products[i]!.id,
  });
  return (
    <ul ref={listRef} className="products" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
        >
          <Row product={products[item.index]!} />
        </li>
      ))}
    </ul>
  );
}

function Row({ product }: { product: PeerProduct }) {
  const id = `product-${product.id}`;
  return (
    <div className={product.bought ? 'product bought' : 'product'}>
      <input
        id={id}
        type="checkbox"
        checked={!!product.bought}
        onChange={() =>
          db.products.update(product.id, {
            bought: product.bought ? 0 : 1,
            boughtAt: product.bought ? null : Date.now(),
          })
        }
      />
      <label htmlFor={id} className="product-name">
        {product.name}
      </label>
      {product.quantity !== 1 && <span className="quantity">× {product.quantity}</span>}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
