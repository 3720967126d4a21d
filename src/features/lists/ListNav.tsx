import { Plus } from 'lucide-react';
import { useBasket } from '../../bus';
import { useI18n } from '../../i18n';
import { useLists } from './useLists';

/** On a wide screen, every list at a glance beside the open one, and a way to make another. */
export function ListNav({ onNewList }: { onNewList(): void }) {
  const basket = useBasket();
  const { lists, current } = useLists();
  const { t } = useI18n();
  return (
    <nav className="list-nav" aria-label={t('lists')}>
      <h2 className="list-nav-heading">{t('lists')}</h2>
      <ul>
        {lists.map((l) => (
          <li key={l.streamId}>
            <button
              type="button"
              aria-current={l.streamId === current ? 'page' : undefined}
              onClick={() => basket.selectList(l.streamId)}
            >
              {l.name}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="list-nav-new" onClick={onNewList}>
        <Plus aria-hidden="true" className="icon" />
        {t('newList')}
      </button>
    </nav>
  );
}
