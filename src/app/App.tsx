import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Menu as MenuIcon, X } from 'lucide-react';
import { AddProductForm } from '../features/add-product/AddProductForm';
import { usePersistence } from '../features/backup/usePersistence';
import { BuyAgain } from '../features/buy-again/BuyAgain';
import { useAfterPaint } from '../ui/useAfterPaint';
import type { ListMode } from '../features/lists/ListActions';
import { ListNav } from '../features/lists/ListNav';
import { QuickPicks } from '../features/first-visit/QuickPicks';
import { ListPicker } from '../features/lists/ListPicker';
import { ReorderButton } from '../features/reorder/ReorderButton';
import { SearchBox } from '../features/search/SearchBox';
import { ShoppingList } from '../features/shopping-list/ShoppingList';
import { offeredInvite } from '../features/sync/offered';
import { SyncStatus } from '../features/sync/SyncStatus';
import { UndoButtons } from '../features/undo/UndoButtons';
import { useI18n } from '../i18n';
import { Notices } from './Notices';
import { SetAsideBanner } from './SetAsideBanner';
import { StorageBanner } from './StorageBanner';
import { useWide } from './useWide';

// The menu too arrives on first use: it holds only what a person does rarely.
const Menu = lazy(() => import('./Menu'));
const HistoryView = lazy(() => import('../features/history/HistoryView'));
const SyncPanel = lazy(() => import('../features/sync/SyncPanel'));

/**
 * The frame: a compact header (the open list's name, which switches lists; Undo, Redo and the
 * Menu), the list beneath it, and on a wide screen the lists in a sidebar beside it.
 */
export function App() {
  const [view, setView] = useState<'list' | 'history'>('list');
  const { t } = useI18n();
  const wide = useWide();
  // Asked for after the first save whether or not the menu is open; the menu's Backup tells it.
  const persisted = usePersistence();
  const [offered] = useState(offeredInvite);
  // Someone arriving by an invite link sees the offer at once, above the list.
  const [syncOpen, setSyncOpen] = useState(offered !== undefined);
  // What is below the list comes a frame after the list: the first rows show without waiting.
  const belowTheList = useAfterPaint();
  const [menu, setMenu] = useState<ListMode | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Back to the Menu button once the page behind is no longer inert.
    if (wasOpen.current && menu === null) menuButton.current?.focus();
    wasOpen.current = menu !== null;
  }, [menu]);

  return (
    <>
      <div className={wide ? 'app wide' : 'app'} inert={menu !== null}>
        <header className="app-header">
          <h1 className="visually-hidden">{t('appName')}</h1>
          <ListPicker />
          <div className="header-actions">
            <UndoButtons />
            <button
              ref={menuButton}
              type="button"
              className="icon-button"
              aria-label={t('menu')}
              aria-haspopup="dialog"
              aria-expanded={menu !== null}
              onClick={() => setMenu('browse')}
            >
              <MenuIcon aria-hidden="true" className="icon" />
            </button>
          </div>
          {!syncOpen && <SyncStatus />}
        </header>
        <div className="app-body">
          {wide && <ListNav onNewList={() => setMenu('new')} />}
          <main>
            <StorageBanner />
            <SetAsideBanner />
            {syncOpen && (
              <div className="sync-sheet">
                <button
                  type="button"
                  className="icon-button sync-close"
                  aria-label={t('closeSync')}
                  onClick={() => setSyncOpen(false)}
                >
                  <X aria-hidden="true" className="icon" />
                </button>
                <Suspense fallback={null}>
                  <SyncPanel offered={offered} />
                </Suspense>
              </div>
            )}
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
                {belowTheList && (
                  <>
                    <BuyAgain />
                    <QuickPicks />
                  </>
                )}
              </>
            )}
          </main>
        </div>
      </div>
      {menu !== null && (
        <Suspense fallback={null}>
          <Menu
            lists={menu}
            syncOpen={syncOpen}
            persisted={persisted}
            onClose={() => setMenu(null)}
            onHistory={() => {
              setView('history');
              setMenu(null);
            }}
            onSync={() => {
              setSyncOpen(!syncOpen);
              setMenu(null);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
