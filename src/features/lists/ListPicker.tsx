import { useId } from 'react';
import { ChevronDown } from 'lucide-react';
import { useBasket } from '../../bus';
import { useI18n } from '../../i18n';
import { useLists } from './useLists';

/**
 * The header's title: the open list's name, which is also the control that switches lists. A
 * native select, so every phone offers its own picker and every reader names it "List".
 */
export function ListPicker() {
  const basket = useBasket();
  const { lists, current } = useLists();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="list-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('list')}
      </label>
      <select id={id} value={current} onChange={(e) => basket.selectList(e.target.value)}>
        {lists.map((l) => (
          <option key={l.streamId} value={l.streamId}>
            {l.name}
          </option>
        ))}
      </select>
      <ChevronDown aria-hidden="true" className="icon" />
    </div>
  );
}
