// A stored time (ISO 8601, UTC) as the interface language writes a date and time.

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(lang: string, iso: string): string {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })));
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${format.format(time)} UTC`;
}
