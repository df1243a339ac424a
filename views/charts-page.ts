// A document's charts as server-drawn SVG: burn-up, HTER per translator, alignment path, confidence, QA flags.

import { escapeHtml, html, raw, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { ChartFigures } from '../server/services/document-charts.ts';
import { band } from './align-page.ts';
import { WEAK_SCORE } from '../server/domain/types.ts';
import { bands, beadMarks, DAY, fractionTicks, integerTicks, linearScale, plotArea, round, stepPath, timeSpan, timeTicks } from './chart-geometry.ts';
import { axes, categoryAxis, dataTable, figure, formats, legend, type Formats, type Tick } from './chart-parts.ts';

const TOOLTIP_BEADS = 2_000;

/**
 * Round-time ticks: days for a span of days; within a day the date once, then the time of day alone (07:35, 07:40),
 * the date again where a tick starts a new day. A label by the plot's edge is anchored inside it.
 */
function timeAxisTicks(f: Formats, t0: number, t1: number, x: (t: number) => number): Tick[] {
  const { ticks, step } = timeTicks(t0, t1);
  const [left, right] = [x(t0), x(t1)];
  return ticks.map((t, k) => {
    const sameDay = k > 0 && Math.floor(t / DAY) === Math.floor(ticks[k - 1]! / DAY);
    const label = step >= DAY ? f.day(t) : sameDay ? f.clock(t) : f.time(t);
    const at = round(x(t));
    return { at, label, anchor: at - left < 30 ? 'start' : right - at < 30 ? 'end' : 'middle' };
  });
}

function burnUpChart(ctx: ViewContext, f: Formats, fig: ChartFigures, now: number): SafeHtml {
  const plot = plotArea();
  const points = fig.burnUp.map((p) => ({ ...p, t: Date.parse(p.at) }));
  const last = points.at(-1)!;
  // The counts hold until now, but a line run on for days after the last change would squeeze the history
  // into a corner: the axis ends a little after the last change, or now if that is sooner.
  const { t0, t1 } = timeSpan(points[0]!.t, last.t, now);
  const x = linearScale(t0, t1, plot.left, plot.left + plot.width);
  const yTicks = integerTicks(Math.max(fig.progress.total, last.done));
  const y = linearScale(0, yTicks.at(-1)!, plot.top + plot.height, plot.top);
  const line = (key: 'done' | 'approved') => stepPath([...points.map((p) => ({ x: x(p.t), y: y(p[key]) })), { x: x(t1), y: y(last[key]) }]);
  const svg = html`${axes(plot, { ticks: timeAxisTicks(f, t0, t1, x), title: ctx.t('charts.burnUp.x') },
    { ticks: yTicks.map((v) => ({ at: round(y(v)), label: f.whole(v) })), title: ctx.t('charts.burnUp.y') })}
    <line class="scope" data-testid="burnup-scope" data-count="${fig.progress.total}" x1="${plot.left}" x2="${plot.left + plot.width}" y1="${round(y(fig.progress.total))}" y2="${round(y(fig.progress.total))}"></line>
    <path class="series series-done" d="${line('done')}"></path>
    <path class="series series-approved" d="${line('approved')}"></path>
    <g data-testid="burnup-last" data-done="${last.done}" data-approved="${last.approved}" data-at="${last.at}">
      <circle class="point point-done" cx="${round(x(last.t))}" cy="${round(y(last.done))}" r="4"></circle>
      <circle class="point point-approved" cx="${round(x(last.t))}" cy="${round(y(last.approved))}" r="4"></circle></g>`;
  return figure(ctx, 'chart-burnup', {
    title: ctx.t('charts.burnUp.title'),
    desc: ctx.t('charts.burnUp.desc', { done: f.whole(last.done), approved: f.whole(last.approved), total: f.whole(fig.progress.total), changes: f.whole(fig.stateChanges) }),
    svg,
    legend: legend([{ cls: 'key-done', label: ctx.t('charts.burnUp.done') }, { cls: 'key-approved', label: ctx.t('states.approved') }, { cls: 'key-scope', label: ctx.t('charts.burnUp.scope') }]),
    table: dataTable(ctx.t('charts.burnUp.title'), [ctx.t('charts.burnUp.time'), ctx.t('charts.burnUp.done'), ctx.t('states.approved')],
      points.map((p) => [f.time(p.t), { num: f.whole(p.done) }, { num: f.whole(p.approved) }])),
  });
}

/** Horizontal bars, one per named category, with their value written at the end of the bar. */
function barRows(ctx: ViewContext, plot: ReturnType<typeof plotArea>, rows: { label: string; value: number; text: string; cls: string; data: SafeHtml }[], xTicks: number[], xLabel: (v: number) => string, xTitle: string) {
  const x = linearScale(0, xTicks.at(-1)!, plot.left, plot.left + plot.width);
  const slots = bands(rows.length, plot.top, plot.height, 0.3);
  return html`${axes(plot, { ticks: xTicks.map((v) => ({ at: round(x(v)), label: xLabel(v) })), title: xTitle }, { ticks: [], title: '' })}
    ${categoryAxis(plot, rows.map((r, k) => ({ at: round(slots[k]!.pos + slots[k]!.size / 2), label: r.label })))}
    ${rows.map((r, k) => html`<rect class="bar ${r.cls}" ${r.data} x="${plot.left}" y="${round(slots[k]!.pos)}" width="${round(x(r.value) - plot.left)}" height="${round(slots[k]!.size)}"><title>${r.label}${ctx.t('format.colon')}${r.text}</title></rect>
      <text class="bar-value" x="${round(x(r.value) + 4)}" y="${round(slots[k]!.pos + slots[k]!.size / 2 + 4)}">${r.text}</text>`)}`;
}

const barHeight = (n: number) => 14 + 44 + Math.max(1, n) * 30;

function effortChart(ctx: ViewContext, f: Formats, fig: ChartFigures): SafeHtml {
  const people = fig.translators;
  const name = (a: string | null) => a ?? ctx.t('charts.effort.nobody');
  if (!people.length) {
    return html`<section class="chart" id="chart-effort" data-testid="chart-effort"><h2>${ctx.t('charts.effort.title')}</h2><p class="muted">${ctx.t('charts.effort.none')}</p></section>`;
  }
  const height = barHeight(people.length);
  const plot = plotArea({ left: 130, right: 48, top: 14, bottom: 44 }, height);
  const ticks = fractionTicks(Math.max(...people.map((p) => p.effort.meanHter)));
  const svg = barRows(ctx, plot, people.map((p) => ({
    label: name(p.author), value: p.effort.meanHter, text: f.two(p.effort.meanHter), cls: 'bar-hter',
    data: html`data-testid="hter-bar" data-author="${p.author ?? ''}" data-hter="${p.effort.meanHter.toFixed(4)}" data-pairs="${p.effort.pairs}"`,
  })), ticks, f.fraction, ctx.t('charts.effort.x'));
  return figure(ctx, 'chart-effort', {
    title: ctx.t('charts.effort.title'), height,
    desc: ctx.t('charts.effort.desc', { people: f.whole(people.length) }),
    svg,
    table: dataTable(ctx.t('charts.effort.title'),
      [ctx.t('charts.effort.translator'), ctx.t('charts.effort.pairs'), ctx.t('charts.effort.changed'), ctx.t('charts.effort.hter'), ctx.t('charts.effort.edits'), ctx.t('charts.effort.minutes')],
      people.map((p) => [name(p.author), { num: f.whole(p.effort.pairs) }, { num: f.whole(p.effort.changed) }, { num: f.two(p.effort.meanHter) },
        { num: f.whole(p.effort.totalEdits) }, { num: f.one(p.effort.totalSeconds / 60) }])),
  });
}

function alignmentPath(ctx: ViewContext, f: Formats, fig: ChartFigures): SafeHtml {
  const plot = plotArea();
  const beads = fig.beads;
  const totalSrc = beads.reduce((n, b) => n + b.src, 0);
  const totalTgt = beads.reduce((n, b) => n + b.tgt, 0);
  const marks = beadMarks(beads, plot);
  const odd = marks.filter((m) => m.shape !== '1:1');
  const weak = beads.filter((b) => b.score !== null && b.score < WEAK_SCORE).length;
  const xs = integerTicks(totalSrc);
  const ys = integerTicks(totalTgt);
  const x = linearScale(0, Math.max(1, totalSrc), plot.left, plot.left + plot.width);
  const y = linearScale(0, Math.max(1, totalTgt), plot.top + plot.height, plot.top);
  const score = (s: number | null) => (s === null ? ctx.t('charts.path.noScore') : f.two(s));
  // The marks that are not 1:1 are drawn last, so no neighbour covers their outline.
  const ordered = [...marks.filter((m) => m.shape === '1:1'), ...odd];
  // A tooltip per bead is worth its bytes while a bead is wide enough to point at; the table lists the odd ones anyway.
  const tooltips = beads.length <= TOOLTIP_BEADS;
  const svg = html`${axes(plot,
    { ticks: xs.filter((v) => v <= Math.max(1, totalSrc)).map((v) => ({ at: round(x(v)), label: f.whole(v) })), title: ctx.t('charts.path.x') },
    { ticks: ys.filter((v) => v <= Math.max(1, totalTgt)).map((v) => ({ at: round(y(v)), label: f.whole(v) })), title: ctx.t('charts.path.y') })}
    <line class="diagonal" x1="${plot.left}" y1="${plot.top + plot.height}" x2="${plot.left + plot.width}" y2="${plot.top}"></line>
    ${raw(ordered.map((m) => {
      // Numbers and this file's own words only, joined as one string: 10,000 beads through the html template took
      // most of the page's time; the tooltip, which comes from the locale, is escaped.
      const s = beads[m.row]!.score;
      const tip = tooltips ? `<title>${escapeHtml(ctx.t('charts.path.bead', { row: m.row + 1, shape: m.shape, score: score(s) }))}</title>` : '';
      return `<rect class="bead band-${band(s)}${m.shape !== '1:1' ? ' odd' : ''}" data-testid="bead" data-row="${m.row + 1}" data-shape="${m.shape}" data-score="${s ?? ''}" x="${m.x}" y="${m.y}" width="${m.width}" height="${m.height}">${tip}</rect>`;
    }).join(''))}`;
  return figure(ctx, 'chart-path', {
    title: ctx.t('charts.path.title'),
    desc: ctx.t('charts.path.desc', { beads: f.whole(beads.length), src: f.whole(totalSrc), tgt: f.whole(totalTgt), odd: f.whole(odd.length), weak: f.whole(weak) }),
    svg,
    legend: legend([{ cls: 'key-high', label: ctx.t('charts.path.high') }, { cls: 'key-mid', label: ctx.t('charts.path.mid') }, { cls: 'key-low', label: ctx.t('charts.path.low') },
      { cls: 'key-none', label: ctx.t('charts.path.noScore') }, { cls: 'key-odd', label: ctx.t('charts.path.odd') }]),
    table: dataTable(ctx.t('charts.path.oddTable'), [ctx.t('charts.path.row'), ctx.t('charts.path.shape'), ctx.t('charts.path.srcFrom'), ctx.t('charts.path.tgtFrom'), ctx.t('charts.path.score')],
      odd.map((m) => [{ num: f.whole(m.row + 1) }, m.shape, { num: f.whole(m.src + 1) }, { num: f.whole(m.tgt + 1) }, { num: score(beads[m.row]!.score) }])),
  });
}

function histogramChart(ctx: ViewContext, f: Formats, fig: ChartFigures): SafeHtml {
  const plot = plotArea();
  const { bins, unscored } = fig.histogram;
  const columns = [
    ...bins.map((b) => ({ label: `${f.one(b.from)}–${f.one(b.to)}`, count: b.count, cls: `band-${band((b.from + b.to) / 2)}`, from: String(b.from) })),
    ...(unscored ? [{ label: ctx.t('charts.path.noScore'), count: unscored, cls: 'band-none', from: '' }] : []),
  ];
  const ticks = integerTicks(Math.max(...columns.map((c) => c.count)));
  const y = linearScale(0, ticks.at(-1)!, plot.top + plot.height, plot.top);
  const slots = bands(columns.length, plot.left, plot.width);
  const svg = html`${axes(plot,
    { ticks: columns.map((c, k) => ({ at: round(slots[k]!.pos + slots[k]!.size / 2), label: c.label })), title: ctx.t('charts.histogram.x') },
    { ticks: ticks.map((v) => ({ at: round(y(v)), label: f.whole(v) })), title: ctx.t('charts.histogram.y') })}
    ${columns.map((c, k) => html`<rect class="bar ${c.cls}" data-testid="histogram-bar" data-from="${c.from}" data-count="${c.count}" x="${round(slots[k]!.pos)}" y="${round(y(c.count))}" width="${round(slots[k]!.size)}" height="${round(plot.top + plot.height - y(c.count))}"><title>${c.label}${ctx.t('format.colon')}${f.whole(c.count)}</title></rect>`)}`;
  return figure(ctx, 'chart-histogram', {
    title: ctx.t('charts.histogram.title'),
    desc: ctx.t('charts.histogram.desc', { beads: f.whole(fig.beads.length), unscored: f.whole(unscored) }),
    svg,
    table: dataTable(ctx.t('charts.histogram.title'), [ctx.t('charts.histogram.x'), ctx.t('charts.histogram.y')], columns.map((c) => [c.label, { num: f.whole(c.count) }])),
  });
}

function qaChart(ctx: ViewContext, f: Formats, fig: ChartFigures): SafeHtml {
  const height = barHeight(fig.qa.length);
  const plot = plotArea({ left: 130, right: 48, top: 14, bottom: 44 }, height);
  const total = fig.qa.reduce((n, q) => n + q.count, 0);
  const svg = barRows(ctx, plot, fig.qa.map((q) => ({
    label: ctx.t(`qa.names.${q.code}`), value: q.count, text: f.whole(q.count), cls: 'bar-qa',
    data: html`data-testid="qa-bar" data-code="${q.code}" data-count="${q.count}"`,
  })), integerTicks(Math.max(...fig.qa.map((q) => q.count))), f.whole, ctx.t('charts.qa.x'));
  return figure(ctx, 'chart-qa', {
    title: ctx.t('charts.qa.title'), height,
    desc: ctx.t('charts.qa.desc', { flags: f.whole(total) }),
    svg,
    table: dataTable(ctx.t('charts.qa.title'), [ctx.t('charts.qa.kind'), ctx.t('charts.qa.x')], fig.qa.map((q) => [ctx.t(`qa.names.${q.code}`), { num: f.whole(q.count) }])),
  });
}

export function chartsPage(ctx: ViewContext, fig: ChartFigures, now: number): SafeHtml {
  const f = formats(ctx);
  return layout(ctx, `${ctx.t('charts.title')} · ${fig.doc.title}`, html`
  <p class="doc-actions"><a href="/documents/${fig.doc.id}" data-testid="back-to-document">${ctx.t('charts.backToDocument')}</a></p>
  <h1 hx-ignore>${ctx.t('charts.title')}${ctx.t('format.colon')}<span translate="no">${fig.doc.title}</span></h1>
  <p class="meta">${ctx.t('charts.utc')}</p>
  <div class="charts" hx-ignore>
    ${burnUpChart(ctx, f, fig, now)}
    ${effortChart(ctx, f, fig)}
    ${alignmentPath(ctx, f, fig)}
    ${histogramChart(ctx, f, fig)}
    ${qaChart(ctx, f, fig)}
  </div>`);
}
