import { lazy, Suspense, useState } from 'react';
import { AddProductForm } from '../features/add-product/AddProductForm';
import { BuyAgain } from '../features/buy-again/BuyAgain';
import { QuickPicks } from '../features/first-visit/QuickPicks';
import { ListPicker } from '../features/lists/ListPicker';
import { ReorderButton } from '../features/reorder/ReorderButton';
import { SearchBox } from '../features/search/SearchBox';
import { ShoppingList } from '../features/shopping-list/ShoppingList';
import { offeredInvite } from '../features/sync/offered';
import { SyncStatus } from '../features/sync/SyncStatus';
import { UndoButtons } from '../features/undo/UndoButtons';
import { useI18n } from '../i18n';
import { LanguagePicker } from './LanguagePicker';
import { Notices } from './Notices';
import { SetAsideBanner } from './SetAsideBanner';
import { StorageBanner } from './StorageBanner';

const BackupPanel = lazy(() => import('../features/backup/BackupPanel'));
const HistoryView = lazy(() => import('../features/history/HistoryView'));
const SyncPanel = lazy(() => import('../features/sync/SyncPanel'));

export function App() {
  const [view, setView] = useState<'list' | 'history'>('list');
  const { t } = useI18n();
  const [offered] = useState(offeredInvite);
  const [syncOpen, setSyncOpen] = useState(offered !== undefined);
  return (
    <div className="app">
      <header className="app-header">
        <div className="title-row">
          <h1>{t('appName')}</h1>
          <div className="header-actions">
            <UndoButtons />
            <button
              type="button"
              aria-pressed={view === 'history'}
              onClick={() => setView(view === 'history' ? 'list' : 'history')}
            >
              {t('history')}
            </button>
            <button type="button" aria-expanded={syncOpen} onClick={() => setSyncOpen(!syncOpen)}>
              {t('sync')}
            </button>
            <LanguagePicker />
          </div>
        </div>
        {syncOpen ? (
          <Suspense fallback={null}>
            <SyncPanel offered={offered} />
          </Suspense>
        ) : (
          <SyncStatus />
        )}
        <ListPicker />
        <StorageBanner />
        <SetAsideBanner />
      </header>
      <main>
        {view === 'history' ? (
          <>
            <Notices />
            <Suspense fallback={<p role="status">{t('loadingHistory')}</p>}>
              <HistoryView onClose={() => setView('list')} />
            </Suspense>
          </>
        ) : (
          <>
            <AddProductForm />
            <Notices />
            <SearchBox />
            <ShoppingList tools={<ReorderButton />} />
            <BuyAgain />
            <QuickPicks />
            <Suspense fallback={null}>
              <BackupPanel />
            </Suspense>
          </>
        )}
      </main>
    </div>
  );
}
