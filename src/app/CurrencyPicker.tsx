import { useId, useMemo } from 'react';
import { useI18n } from '../i18n';
import { CURRENCIES } from '../i18n/currency';

/** The currency prices are shown in, chosen once on this device; each named in the person's words. */
export function CurrencyPicker() {
  const { t, language, currency, setCurrency } = useI18n();
  const id = useId();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'currency' });
    const codes: string[] = CURRENCIES.includes(currency as (typeof CURRENCIES)[number])
      ? [...CURRENCIES]
      : [currency, ...CURRENCIES];
    return codes.map((code) => ({ code, name: `${names.of(code) ?? code} (${code})` }));
  }, [language, currency]);
  return (
    <div className="setting">
      <label htmlFor={id}>{t('currency')}</label>
      <select id={id} value={currency} onChange={(e) => setCurrency(e.target.value)}>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
