import { useId } from 'react';
import { LANGUAGES, useI18n, type Language } from '../i18n';

/** The language Basket speaks on this device; each is named in itself. */
export function LanguagePicker() {
  const { t, language, languages, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('language')}
      </label>
      <span aria-hidden="true" className="globe">
        🌐
      </span>
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
