const days = new Map<string, Intl.DateTimeFormat>();
const times = new Map<string, Intl.DateTimeFormat>();

function format(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: object) {
  let found = cache.get(locale);
  if (!found) cache.set(locale, (found = new Intl.DateTimeFormat(locale, options)));
  return found;
}

/** The day a moment fell on, in the person's own calendar and language. */
export const dayOf = (at: number, locale: string) =>
  format(days, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    at,
  );
export const timeOf = (at: number, locale: string) =>
  format(times, locale, { hour: '2-digit', minute: '2-digit' }).format(at);
