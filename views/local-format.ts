// Dates and numbers in the reader's locale, through i18next's formatters (Intl): 2022年10月3日 in 中文, October 3, 2022 in English.

import type { ViewContext } from './view-context.ts';
import { dayOfDateLine } from '../server/domain/page-date.ts';

export const formatNumber = (ctx: ViewContext, value: number): string => ctx.t('format.number', { value });

/** A number with exactly `digits` decimals (a score, an HTER, minutes). */
export const formatDecimal = (ctx: ViewContext, value: number, digits: 1 | 2 = 2): string => ctx.t(`format.decimal${digits}`, { value });

export const formatPercent = (ctx: ViewContext, share: number): string => ctx.t('format.percent', { value: share });

/** A stored ISO time as a day: dates are kept in UTC, and a day shown is the UTC day. */
export const formatDay = (ctx: ViewContext, value: Date | string): string => ctx.t('format.day', { value: new Date(value) });

/** A stored ISO time to the minute, in UTC as stored. */
export const formatTime = (ctx: ViewContext, value: Date | string): string => ctx.t('format.time', { value: new Date(value) });

/** An imported page's date line as a day in the reader's locale; the line as it is when it names no day. */
export function formatDateLine(ctx: ViewContext, line: string): string {
  const day = dayOfDateLine(line);
  return day ? formatDay(ctx, day) : line;
}
