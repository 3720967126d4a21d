import { lazy, Suspense, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { History, RefreshCw, X } from 'lucide-react';
import { ListActions, type ListMode } from '../features/lists/ListActions';
import { useI18n } from '../i18n';
import { CurrencyPicker } from './CurrencyPicker';
import { LanguagePicker } from './LanguagePicker';

const BackupPanel = lazy(() => import('../features/backup/BackupPanel'));

interface Props {
  /** Which list form is open when the menu opens ("browse": none). */
  lists: ListMode;
  syncOpen: boolean;
  /** Whether the browser promised to keep Basket's storage (see `usePersistence`). */
  persisted: boolean | null;
  onClose(): void;
  onHistory(): void;
  onSync(): void;
}

/**
 * Everything a person does rarely, out of the list's way: lists, history, sync, language,
 * currency, backup. A modal sheet: the page behind is inert, Escape closes it, and the caller
 * puts focus back on the Menu button.
 */
export default function Menu({ lists, syncOpen, persisted, onClose, onHistory, onSync }: Props) {
  const { t } = useI18n();
  const heading = useId();
  const close = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    // A form opened from the sidebar takes focus itself (autoFocus); otherwise start at Close.
    // In the commit that shows the sheet, so focus is never left on the inert page behind it.
    if (lists === 'browse') close.current?.focus();
  }, [lists]);
  useEffect(() => {
    // On the document, so Escape closes the sheet wherever focus was left (say, after a file
    // was chosen); a form inside that handles Escape itself stops it first.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="menu-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={heading}
        className="menu-sheet"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="menu-header">
          <h2 id={heading}>{t('menu')}</h2>
          <button
            ref={close}
            type="button"
            className="icon-button"
            aria-label={t('closeMenu')}
            onClick={onClose}
          >
            <X aria-hidden="true" className="icon" />
          </button>
        </div>

        <section className="menu-section" aria-labelledby={`${heading}-lists`}>
          <h3 id={`${heading}-lists`}>{t('lists')}</h3>
          <ListActions initial={lists} onDone={onClose} />
        </section>

        <section className="menu-section menu-row">
          <button type="button" className="menu-item" onClick={onHistory}>
            <History aria-hidden="true" className="icon" />
            {t('history')}
          </button>
          <button type="button" className="menu-item" aria-expanded={syncOpen} onClick={onSync}>
            <RefreshCw aria-hidden="true" className="icon" />
            {t('sync')}
          </button>
        </section>

        <section className="menu-section" aria-labelledby={`${heading}-settings`}>
          <h3 id={`${heading}-settings`}>{t('settings')}</h3>
          <LanguagePicker />
          <CurrencyPicker />
        </section>

        <Suspense fallback={null}>
          <BackupPanel persisted={persisted} />
        </Suspense>
      </div>
    </div>
  );
}
