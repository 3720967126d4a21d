const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The day a moment fell on, in the person's own calendar and language. */
export const dayOf = (at: number) => dayFormat.format(at);
export const timeOf = (at: number) => timeFormat.format(at);
