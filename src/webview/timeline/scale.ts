/**
 * Time on the x axis: dates as days since 1970-01-01 (UTC, fractional while zooming), the
 * span an event covers given its precision, and tick marks from decades down to days.
 * Pure (no DOM) so it is unit-tested in node.
 */
import type { TimelineEvent } from '../protocol';

const MS_PER_DAY = 86_400_000;
/** Zoom limits, in days visible: from two centuries down to a few days. */
export const MIN_SPAN_DAYS = 4;
export const MAX_SPAN_DAYS = 365.25 * 200;

export function dayOf(year: number, month = 1, day = 1): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoOfDay(d: number): string {
  return new Date(Math.floor(d) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** [start, end) in days of an ISO date of any precision ('2018', '2018-09', '2018-09-17'). */
export function spanOfIso(iso: string): { start: number; end: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return { start: dayOf(y), end: dayOf(y + 1) };
  if (d === undefined) return { start: dayOf(y, m), end: dayOf(y, m + 1) };
  const start = dayOf(y, m, d);
  return { start, end: start + 1 };
}

/** How an event is drawn and where: a point, a span (catalog from/to) or an uncertain span. */
export interface EventExtent {
  start: number;
  end: number;
  shape: 'point' | 'span' | 'uncertain' | 'open';
}

/** Open-ended spans (a war "from 2011") run to `openUntil`, the end of the data. */
export function extentOf(e: TimelineEvent, openUntil: number): EventExtent {
  const first = spanOfIso(e.date);
  if (e.endDate) return { start: first.start, end: Math.max(first.end, spanOfIso(e.endDate).end), shape: 'span' };
  if (e.openEnded) return { start: first.start, end: Math.max(first.end, openUntil), shape: 'open' };
  if (e.precision !== 'day' || e.uncertain) return { ...first, shape: e.precision === 'day' ? 'point' : 'uncertain' };
  return { ...first, shape: 'point' };
}

/**
 * Where open-ended spans end: the latest end of the other events (a loop, not
 * Math.max(...spread): a spread of 130,000 values overflows the call stack).
 */
export function openUntilOf(events: readonly TimelineEvent[]): number {
  let until = 0;
  for (const e of events) until = laterEnd(until, e);
  return until;
}

/** openUntilOf's step: the later of `until` and the end of `e` (an open-ended span counts for nothing). */
export function laterEnd(until: number, e: TimelineEvent): number {
  return e.openEnded ? until : Math.max(until, spanOfIso(e.endDate ?? e.date).end);
}

/** The visible window and the pixels it maps to. */
export class TimeScale {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly width: number,
  ) {}

  x(day: number): number {
    return ((day - this.from) / (this.to - this.from)) * this.width;
  }

  day(x: number): number {
    return this.from + (x / this.width) * (this.to - this.from);
  }

  /** Zoom by `factor` (< 1 zooms in) keeping the day under pixel `atX` in place. */
  zoom(factor: number, atX = this.width / 2): TimeScale {
    const span = this.to - this.from;
    const next = Math.min(MAX_SPAN_DAYS, Math.max(MIN_SPAN_DAYS, span * factor));
    const anchor = this.day(atX);
    const ratio = atX / this.width;
    return new TimeScale(anchor - next * ratio, anchor - next * ratio + next, this.width);
  }

  /** Move by `dx` pixels (positive moves the view later in time). */
  pan(dx: number): TimeScale {
    const dd = (dx / this.width) * (this.to - this.from);
    return new TimeScale(this.from + dd, this.to + dd, this.width);
  }

  withWidth(width: number): TimeScale {
    return new TimeScale(this.from, this.to, width);
  }
}

export interface Tick {
  day: number;
  label: string;
  /** Year boundaries are drawn stronger than months and days. */
  major: boolean;
}

const STEPS: Array<{ unit: 'year' | 'month' | 'day'; step: number; approxDays: number }> = [
  { unit: 'year', step: 10, approxDays: 3652.5 },
  { unit: 'year', step: 5, approxDays: 1826 },
  { unit: 'year', step: 1, approxDays: 365.25 },
  { unit: 'month', step: 3, approxDays: 91 },
  { unit: 'month', step: 1, approxDays: 30.4 },
  { unit: 'day', step: 7, approxDays: 7 },
  { unit: 'day', step: 1, approxDays: 1 },
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Ticks at least `minGap` pixels apart, at the finest unit that allows it. */
export function ticks(scale: TimeScale, minGap = 80): Tick[] {
  const perDay = scale.width / (scale.to - scale.from);
  const s = [...STEPS].reverse().find((c) => c.approxDays * perDay >= minGap) ?? STEPS[0]!;
  const out: Tick[] = [];
  const startDate = new Date(Math.floor(scale.from) * MS_PER_DAY);
  let y = startDate.getUTCFullYear();
  if (s.unit === 'year') {
    y = Math.floor(y / s.step) * s.step;
    for (; dayOf(y) <= scale.to; y += s.step) if (dayOf(y) >= scale.from) out.push({ day: dayOf(y), label: String(y), major: true });
  } else if (s.unit === 'month') {
    let m = Math.floor(startDate.getUTCMonth() / s.step) * s.step;
    for (let d = dayOf(y, m + 1); d <= scale.to; d = dayOf(y, m + 1)) {
      if (d >= scale.from) out.push({ day: d, label: m === 0 ? String(y) : `${MONTHS[m]} ${y}`, major: m === 0 });
      m += s.step;
      if (m >= 12) {
        m -= 12;
        y++;
      }
    }
  } else {
    for (let d = Math.ceil(scale.from); d <= scale.to; d++) {
      const date = new Date(d * MS_PER_DAY);
      const dom = date.getUTCDate();
      if (s.step === 7 ? ![1, 8, 15, 22].includes(dom) : false) continue;
      const label = dom === 1 ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` : `${dom} ${MONTHS[date.getUTCMonth()]}`;
      out.push({ day: d, label, major: dom === 1 });
    }
  }
  return out;
}
