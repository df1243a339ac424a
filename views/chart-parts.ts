// What every chart of the charts page shares: the figure with its title, description and data table, axes, formats.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { CHART, type Plot } from './chart-geometry.ts';

/** Number and date formats of the interface language; dates in UTC, which the axis says. */
export function formats(ctx: ViewContext) {
  const whole = new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 0 });
  const two = new Intl.NumberFormat(ctx.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const one = new Intl.NumberFormat(ctx.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(ctx.lang, { timeZone: 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat(ctx.lang, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const clock = new Intl.DateTimeFormat(ctx.lang, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const fraction = new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 3 });
  return {
    whole: (n: number) => whole.format(n),
    two: (n: number) => two.format(n),
    one: (n: number) => one.format(n),
    /** As many decimals as the number has, up to three: for ticks at steps such as 0.02 or 0.25. */
    fraction: (n: number) => fraction.format(n),
    time: (ms: number) => time.format(ms),
    day: (ms: number) => day.format(ms),
    /** The time of day alone, for a tick on the same day as the one before it. */
    clock: (ms: number) => clock.format(ms),
  };
}
export type Formats = ReturnType<typeof formats>;

export interface Tick {
  at: number;
  label: string;
  /** Where the label sits on the tick; the middle unless it would run past the plot's edge. */
  anchor?: 'start' | 'middle' | 'end';
}

/** Axis lines, ticks with labels and the axis titles around a plot. */
export function axes(plot: Plot, x: { ticks: Tick[]; title: string }, y: { ticks: Tick[]; title: string }): SafeHtml {
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  return html`<g class="axis axis-x" data-testid="axis-x">
    <line x1="${plot.left}" y1="${bottom}" x2="${right}" y2="${bottom}"></line>
    ${x.ticks.map((t) => html`<line class="tick" x1="${t.at}" y1="${bottom}" x2="${t.at}" y2="${bottom + 4}"></line><text x="${t.at}" y="${bottom + 16}" text-anchor="${t.anchor ?? 'middle'}">${t.label}</text>`)}
    <text class="axis-title" x="${plot.left + plot.width / 2}" y="${bottom + 36}" text-anchor="middle">${x.title}</text></g>
  <g class="axis axis-y" data-testid="axis-y">
    <line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${bottom}"></line>
    ${y.ticks.map((t) => html`<line class="grid" x1="${plot.left}" y1="${t.at}" x2="${right}" y2="${t.at}"></line><text x="${plot.left - 6}" y="${t.at + 4}" text-anchor="end">${t.label}</text>`)}
    <text class="axis-title" transform="rotate(-90)" x="${-(plot.top + plot.height / 2)}" y="14" text-anchor="middle">${y.title}</text></g>`;
}

/** Category labels to the left of horizontal bars (the y axis of a bar chart by name). */
export function categoryAxis(plot: Plot, labels: { at: number; label: string }[]): SafeHtml {
  return html`<g class="axis axis-y"><line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.top + plot.height}"></line>
    ${labels.map((l) => html`<text x="${plot.left - 6}" y="${l.at + 4}" text-anchor="end">${l.label}</text>`)}</g>`;
}

/**
 * One chart: a figure whose SVG names its title and description for screen readers, with the same figures as a
 * table underneath (open by a click) for anyone who cannot read the picture.
 */
export function figure(ctx: ViewContext, id: string, parts: { title: string; desc: string; svg: SafeHtml; legend?: SafeHtml; table: SafeHtml; height?: number }): SafeHtml {
  return html`<figure class="chart" id="${id}" data-testid="${id}">
    <figcaption><h2>${parts.title}</h2><p class="chart-desc" id="${id}-desc">${parts.desc}</p></figcaption>
    <svg class="chart-svg" viewBox="0 0 ${CHART.width} ${parts.height ?? CHART.height}" role="img" aria-labelledby="${id}-svg-title ${id}-svg-desc" preserveAspectRatio="xMinYMin meet">
      <title id="${id}-svg-title">${parts.title}</title><desc id="${id}-svg-desc">${parts.desc}</desc>
      ${parts.svg}
    </svg>
    ${parts.legend ?? ''}
    <details class="chart-data"><summary>${ctx.t('charts.dataTable')}</summary>${parts.table}</details>
  </figure>`;
}

/** A data table with a caption, a header row and rows of cells (numbers right-aligned). */
export function dataTable(caption: string, head: string[], rows: (string | number | { num: string })[][]): SafeHtml {
  return html`<table class="chart-table"><caption>${caption}</caption>
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c) => (typeof c === 'object' ? html`<td class="num">${c.num}</td>` : html`<td>${c}</td>`))}</tr>`)}</tbody></table>`;
}

/** A legend of coloured keys (classes from app.css) under a chart. */
export function legend(keys: { cls: string; label: string }[]): SafeHtml {
  return html`<p class="legend chart-legend">${keys.map((k) => html`<span class="key ${k.cls}">${k.label}</span> `)}</p>`;
}
