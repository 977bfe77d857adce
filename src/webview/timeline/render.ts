/**
 * Draws the lanes and events as SVG: one row group per lane, events packed into sub-rows
 * so they do not overlap. Points are circles; catalog spans are solid bars; open-ended spans
 * fade out with a dashed end; month/year dates are hatched, dash-outlined bars, so an
 * uncertain date never looks like a precise one.
 */
import type { TimelineEvent } from '../protocol';
import { ellipsis, svg } from './dom';
import type { Lane } from './filter';
import { extentOf, ticks, type TimeScale } from './scale';

export const LABEL_WIDTH = 210;
export const AXIS_HEIGHT = 30;
const ROW = 18;
const LANE_GAP = 8;
const MAX_ROWS = 8;
const POINT_R = 5;

export interface Rendered {
  /** Focusable event nodes in visual order (lane by lane, left to right). */
  nodes: SVGGElement[];
  /** Distinct events drawn. */
  count: number;
  height: number;
}

/** Accessible name: kind, date, label. */
export function describe(e: TimelineEvent): string {
  const when = e.endDate ? `${e.date} to ${e.endDate}` : e.openEnded ? `from ${e.date}` : e.date;
  const kind = e.kind === 'mention' ? 'Sentence' : e.kind === 'document' ? 'Document' : e.kind === 'agreement' ? 'Agreement' : 'Event';
  return `${kind}, ${when}${e.uncertain ? ' (approximate)' : ''}: ${e.label}`;
}

/**
 * The event nodes of the last drawing, by event object, with what they were drawn as. A
 * change of the corpus patches a few of the 2,000 events the page holds (timelinePatch.ts):
 * the others keep their objects, and so their nodes, when they sit where they sat. Creating
 * every node again took most of the page's 60-130 ms per update.
 */
export class EventNodes {
  private drawn = new Map<TimelineEvent, Map<string, { look: string; node: SVGGElement }>>();
  private next = new Map<TimelineEvent, Map<string, { look: string; node: SVGGElement }>>();

  /** The node drawn for `e` in this lane with this look, or a new one from `make` (an event may sit in several lanes). */
  take(e: TimelineEvent, lane: string, look: string, make: () => SVGGElement): SVGGElement {
    const had = this.drawn.get(e)?.get(lane);
    const node = had && had.look === look ? had.node : make();
    let lanes = this.next.get(e);
    if (!lanes) this.next.set(e, (lanes = new Map()));
    lanes.set(lane, { look, node });
    return node;
  }

  /** Ends a drawing: the nodes it did not take are let go. */
  finish(): void {
    this.drawn = this.next;
    this.next = new Map();
  }
}

export function renderTimeline(root: SVGSVGElement, lanes: Lane[], scale: TimeScale, openUntil: number, selectedId: string | null, cache = new EventNodes()): Rendered {
  root.replaceChildren();
  const chartX = LABEL_WIDTH;
  const defs = svg('defs', {},
    svg('pattern', { id: 'hatch', patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' },
      svg('rect', { width: 6, height: 6, class: 'hatch-bg' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' })),
    svg('clipPath', { id: 'chart-clip' }, svg('rect', { x: 0, y: 0, width: scale.width, height: 100_000 })),
  );
  root.append(defs);

  // Axis with gridlines.
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true', transform: `translate(${chartX},0)`, 'clip-path': 'url(#chart-clip)' });
  for (const t of ticks(scale)) {
    const x = scale.x(t.day);
    grid.append(svg('line', { x1: x, x2: x, y1: AXIS_HEIGHT - 6, y2: 100_000, class: t.major ? 'tick major' : 'tick' }));
    axis.append(svg('text', { x: chartX + x + 3, y: AXIS_HEIGHT - 10, class: t.major ? 'tick-label major' : 'tick-label' }, t.label));
  }
  root.append(grid, axis);

  const nodes: SVGGElement[] = [];
  const drawn = new Set<string>();
  let y = AXIS_HEIGHT + 4;
  lanes.forEach((lane, laneIndex) => {
    const rows: number[] = []; // right edge (px) of the last item in each sub-row
    const items: Array<{ e: TimelineEvent; x1: number; x2: number; row: number; shape: string }> = [];
    for (const e of lane.events) {
      const ext = extentOf(e, openUntil);
      let x1 = scale.x(ext.start);
      let x2 = scale.x(ext.end);
      if (ext.shape === 'point') {
        const c = (x1 + x2) / 2;
        x1 = c - POINT_R;
        x2 = c + POINT_R;
      } else if (x2 - x1 < 6) x2 = x1 + 6;
      if (x2 < -20 || x1 > scale.width + 20) continue; // off screen
      let row = rows.findIndex((right) => right + 3 < x1);
      if (row < 0) row = rows.length < MAX_ROWS ? rows.length : rows.indexOf(Math.min(...rows));
      rows[row] = Math.max(rows[row] ?? -Infinity, x2);
      items.push({ e, x1, x2, row, shape: ext.shape });
    }
    const laneHeight = Math.max(1, rows.length) * ROW + LANE_GAP;
    const g = svg('g', { class: `lane ${laneIndex % 2 ? 'odd' : 'even'}`, role: 'group', 'aria-label': `Lane ${lane.label}, ${items.length} events` });
    g.append(svg('rect', { x: 0, y, width: chartX + scale.width, height: laneHeight, class: 'lane-bg' }));
    g.append(svg('text', { x: 6, y: y + 13, class: 'lane-label' }, ellipsis(lane.label, 30), svg('title', {}, lane.label)));
    // Events sit in lane coordinates, so a lane moving down (one above it grew) keeps their nodes.
    const body = svg('g', { transform: `translate(${chartX},${y})`, 'clip-path': 'url(#chart-clip)' });
    for (const it of items) {
      const cy = it.row * ROW + ROW / 2 + 2;
      const cls = `ev kind-${it.e.kind} shape-${it.shape}${it.e.uncertain ? ' uncertain' : ''}${it.e.linkedAgreements ? ' linked' : ''}${it.e.id === selectedId ? ' selected' : ''}`;
      const node = cache.take(it.e, lane.key, `${cls} ${it.x1} ${it.x2} ${cy}`, () => {
        const made = svg('g', { class: cls, tabindex: 0, role: 'button', 'aria-label': describe(it.e), 'data-id': it.e.id });
        made.append(svg('title', {}, describe(it.e)));
        if (it.shape === 'point') made.append(svg('circle', { cx: (it.x1 + it.x2) / 2, cy, r: POINT_R, class: 'mark' }));
        else made.append(svg('rect', { x: it.x1, y: cy - 6, width: it.x2 - it.x1, height: 12, rx: it.shape === 'span' ? 3 : 0, class: 'mark', ...(it.shape === 'uncertain' ? { fill: 'url(#hatch)' } : {}) }));
        return made;
      });
      body.append(node);
      nodes.push(node);
      drawn.add(it.e.id);
    }
    g.append(body);
    root.append(g);
    y += laneHeight;
  });
  const height = Math.max(y + 4, AXIS_HEIGHT + 40);
  root.setAttribute('width', String(chartX + scale.width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${chartX + scale.width} ${height}`);
  cache.finish();
  return { nodes, count: drawn.size, height };
}
