import { useId } from 'react';
import { LANGUAGES, useI18n, type Language } from '../i18n';

/** The language Basket speaks on this device; each is named in itself. */
export function LanguagePicker() {
  const { t, language, languages, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          const chosen = LANGUAGES.find((l) => l === e.target.value);
          if (chosen) setLanguage(chosen as Language);
        }}
      >
        {languages.map((l) => (
          <option key={l.language} value={l.language} lang={l.language}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
