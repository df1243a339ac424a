// Dates and numbers in the reader's locale (the request's i18next language): 2022年10月3日 in 中文, October 3, 2022
// in English. Intl formatters are made once per language and kept: i18next's own formatter keys its cache by
// the value too, so it made a new Intl object (about 1 ms) for every number and date it formatted, and kept each.

import type { ViewContext } from './view-context.ts';
import { dayOfDateLine } from '../server/domain/page-date.ts';

const FORMATS = {
  number: (lang: string) => new Intl.NumberFormat(lang),
  decimal1: (lang: string) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  decimal2: (lang: string) => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  percent: (lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
  day: (lang: string) => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  time: (lang: string) => new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC',
  }),
};
const made = new Map<string, { format(value: number | Date): string }>();

function formatter(ctx: ViewContext, kind: keyof typeof FORMATS) {
  const key = `${ctx.lang}\u0000${kind}`;
  let f = made.get(key);
  if (!f) made.set(key, (f = FORMATS[kind](ctx.lang)));
  return f;
}

export const formatNumber = (ctx: ViewContext, value: number): string => formatter(ctx, 'number').format(value);

/** A number with exactly `digits` decimals (a score, an HTER, minutes). */
export const formatDecimal = (ctx: ViewContext, value: number, digits: 1 | 2 = 2): string => formatter(ctx, `decimal${digits}`).format(value);

/**
 * A time spent, to the nearest second, in the reader's words: "42 s", "12 min 34 s"; undefined under one second,
 * which rounds to a "0 s" that tells nothing.
 */
export function formatDuration(ctx: ViewContext, seconds: number): string | undefined {
  if (!(seconds >= 1)) return undefined;
  const whole = Math.round(seconds);
  if (whole < 60) return ctx.t('format.seconds', { seconds: formatNumber(ctx, whole) });
  const minutes = formatNumber(ctx, Math.floor(whole / 60));
  return whole % 60 ? ctx.t('format.minutesSeconds', { minutes, seconds: whole % 60 }) : ctx.t('format.minutes', { minutes });
}

/** A share (0.25) as a whole percentage the way the reader's locale writes one: 25% in English and 中文 alike. */
export const formatPercent = (ctx: ViewContext, share: number): string => formatter(ctx, 'percent').format(share);

/** A stored ISO time as a day: dates are kept in UTC, and a day shown is the UTC day. */
export const formatDay = (ctx: ViewContext, value: Date | string): string => formatter(ctx, 'day').format(new Date(value));

/** A stored ISO time to the minute, in UTC as stored, with the zone said in the reader's words. */
export const formatTime = (ctx: ViewContext, value: Date | string): string =>
  ctx.t('format.inUtc', { time: formatter(ctx, 'time').format(new Date(value)) });

/** An imported page's date line as a day in the reader's locale; the line as it is when it names no day. */
export function formatDateLine(ctx: ViewContext, line: string): string {
  const day = dayOfDateLine(line);
  return day ? formatDay(ctx, day) : line;
}
