import { lazy, Suspense } from 'react';
import { AddProductForm } from '../features/add-product/AddProductForm';
import { SearchBox } from '../features/search/SearchBox';
import { ShoppingList } from '../features/shopping-list/ShoppingList';
import { UndoButtons } from '../features/undo/UndoButtons';
import { Notices } from './Notices';
import { StorageBanner } from './StorageBanner';

const BackupPanel = lazy(() => import('../features/backup/BackupPanel'));

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="title-row">
          <h1>Basket</h1>
          <UndoButtons />
        </div>
        <StorageBanner />
      </header>
      <main>
        <AddProductForm />
        <Notices />
        <SearchBox />
        <ShoppingList />
        <Suspense fallback={null}>
          <BackupPanel />
        </Suspense>
      </main>
    </div>
  );
}
