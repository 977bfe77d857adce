/**
 * The timeline webview. Plain DOM + SVG, no charting library, on purpose:
 * - CSP: the page runs under `style-src ${cspSource}` with no 'unsafe-inline'; most timeline
 *   and chart libraries (vis-timeline, d3 helpers, chart.js plugins) set inline styles or
 *   inject <style> tags, which that policy blocks;
 * - RTL: labels are Arabic; we control `dir="auto"`/<bdi> on every text container and keep the
 *   long sentences in HTML rather than canvas or absolutely positioned SVG text;
 * - size: the whole view (axis, lanes, zoom/pan, filters) is a few hundred lines, smaller
 *   than any library's CSS alone.
 * Messages follow ../protocol.ts and are validated on arrival (checkHostMessage).
 */
import { checkFilterState, checkHostMessage, DEFAULT_FILTER, type FilterState, type TimelineData, type TimelineEvent, type WebviewMessage } from '../protocol';
import { Details, EventList } from './details';
import { el } from './dom';
import { EntityFinder, applyFilter, lanesOf } from './filter';
import { Toolbar } from './controls';
import { serializeChart } from './exportSvg';
import { Interaction } from './interaction';
import { EventNodes, LABEL_WIDTH, renderTimeline } from './render';
import { TimeScale, extentOf, openUntilOf, spanOfIso } from './scale';
import { applyPatch } from '../timelinePatch';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage): void => vscode.postMessage(m);

let data: TimelineData = { events: [], entities: [], documents: [] };
let finder = new EntityFinder([]);
const saved = savedState();
let filter: FilterState = saved ?? { ...DEFAULT_FILTER };
let scale = new TimeScale(0, 1, 800);
let visible: TimelineEvent[] = [];
let selectedId: string | null = null;
let openUntil = 0;
/** Nothing is drawn (or reported) before the host's first `init`. */
let initialized = false;
/**
 * The page holds a sample, and the filter or window changed since the host sent it: the host
 * is finding the new view's events (seconds, for a million), and the status says so.
 */
let awaitingHost = false;

const svgRoot = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svgRoot.setAttribute('role', 'group');
svgRoot.setAttribute('aria-label', 'Events on a time axis');
const chart = el('div', { class: 'chart', tabindex: 0, 'aria-label': 'Timeline. Arrow keys pan, + and - zoom, Tab moves through events, Enter opens one.' });
chart.append(svgRoot);
const toolbar = new Toolbar({ change: (patch) => setFilter(patch), zoom, exportAs, findDocuments: (query) => post({ type: 'findDocuments', query }) });
const details = new Details(open);
const list = new EventList(open, (id) => select(id));
const eventNodes = new EventNodes();
// Until the host's first data: on a large corpus it reads every document's sentences first.
const status = el('p', { class: 'status muted', role: 'status' }, 'Reading the corpus’s dated sentences…');
const legend = el('p', { class: 'legend muted', 'aria-hidden': 'true' },
  el('span', { class: 'key point' }), 'day ', el('span', { class: 'key span' }), 'span ', el('span', { class: 'key uncertain' }), 'month/year (approximate) ',
  el('span', { class: 'key open' }), 'ongoing ', el('span', { class: 'key linked' }), 'names an agreement by its date');
document.getElementById('app')?.append(toolbar.root, el('div', { class: 'legend-row' }, status, legend), chart, el('div', { class: 'bottom' }, details.root, list.root));

const interaction = new Interaction(chart, svgRoot, {
  pan: (dx) => setScale(scale.pan(dx)),
  zoom: (factor, atX) => setScale(scale.zoom(factor, atX === undefined ? undefined : atX - LABEL_WIDTH)),
  open,
  select,
});

window.addEventListener('message', (ev: MessageEvent<unknown>) => {
  const checked = checkHostMessage(ev.data);
  if (!checked.ok) {
    console.warn(`corpus-lens timeline: ignored a malformed message (${checked.error})`);
    return;
  }
  const m = checked.value;
  if (m.type === 'focus') return focusEntity(m.entityId);
  if (m.type === 'documentMatches') return toolbar.showDocumentMatches(m.query, m.documents, m.total);
  if (m.type === 'progress') {
    if (!initialized) status.textContent = `Reading the corpus’s dated sentences: ${m.done.toLocaleString()} of ${m.total.toLocaleString()} documents…`;
    return;
  }
  const next = m.type === 'patch' ? applyPatch(data, m.patch) : m.data;
  // A patch that does not fit what this page holds (a message lost on the way): the host sends everything.
  if (!next) return post({ type: 'resync' });
  setData(next);
  awaitingHost = false;
  if (m.type === 'init') {
    initialized = true;
    // The page's own saved state is the freshest; the host's copy serves after a reload.
    if (m.state && !saved) filter = m.state;
    // A sample was drawn for the host's copy of the filter: when the page's own differs, ask for its sample.
    else if (saved && m.data.total !== undefined && JSON.stringify(saved) !== JSON.stringify(m.state)) post({ type: 'filterChanged', state: filter });
    toolbar.show(filter);
    if (m.focusEntity) return focusEntity(m.focusEntity);
    if (filter.view) scale = new TimeScale(filter.view.from, filter.view.to, chartWidth());
    else scale = fitScale();
  }
  render();
});
// A new width keeps the same window of time; it is not a view change worth saving.
new ResizeObserver(() => {
  if (!initialized || chartWidth() === scale.width) return;
  scale = scale.withWidth(chartWidth());
  render();
}).observe(chart);
post({ type: 'ready' });

function savedState(): FilterState | undefined {
  const s = checkFilterState(vscode.getState());
  return s.ok ? s.value : undefined;
}

function setData(next: TimelineData): void {
  // A patch that leaves the entities as they were keeps their array, and the finder built on it.
  if (next.entities !== data.entities) finder = new EntityFinder(next.entities);
  data = next;
  toolbar.setData(data, finder);
  openUntil = openUntilOf(data.events);
}

function chartWidth(): number {
  return Math.max(200, chart.clientWidth - LABEL_WIDTH - 2);
}

/**
 * The window that shows the corpus: when its documents were published (sentences recall
 * 1998 and catalog entries reach back further; zoom out to see them), else its sentences,
 * else whatever the filter shows.
 */
function fitScale(): TimeScale {
  const shown = applyFilter(data, filter, finder);
  const documents = shown.filter((e) => e.kind === 'document');
  const corpus = shown.filter((e) => e.documentId);
  const basis = documents.length ? documents : corpus.length ? corpus : shown;
  if (basis.length === 0) return new TimeScale(spanOfIso('2017').start, spanOfIso('2021').start, chartWidth());
  let from = Infinity;
  let to = -Infinity;
  for (const e of basis) {
    const x = extentOf(e, openUntil);
    from = Math.min(from, x.start);
    to = Math.max(to, x.end);
  }
  const pad = Math.max(30, (to - from) * 0.06);
  return new TimeScale(from - pad, to + pad, chartWidth());
}

function setFilter(patch: Partial<FilterState>): void {
  filter = { ...filter, ...patch };
  saveSoon();
  render();
}

function setScale(next: TimeScale): void {
  scale = next;
  filter = { ...filter, view: { from: scale.from, to: scale.to } };
  saveSoon();
  render();
}

function zoom(factor: number | 'fit'): void {
  if (factor === 'fit') {
    scale = fitScale();
    filter = { ...filter, view: null };
    saveSoon();
    render();
  } else setScale(scale.zoom(factor));
}

function focusEntity(entityId: string): void {
  const entity = data.entities.find((e) => e.id === entityId);
  filter = { ...filter, entityId, entityQuery: entity?.label ?? entityId, view: null, documentId: null };
  toolbar.show(filter);
  scale = fitScale();
  saveSoon();
  render();
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * Saved in the webview (survives hiding the panel) and sent to the host (survives reloads).
 * Called before render(), whose status then says when the host is finding the new view.
 */
function saveSoon(): void {
  vscode.setState(filter);
  if (data.total !== undefined) awaitingHost = true;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => post({ type: 'filterChanged', state: filter }), 300);
}

function render(): void {
  if (!initialized) return;
  const shown = applyFilter(data, filter, finder);
  const lanes = lanesOf(shown, data, filter.lanes);
  const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.id;
  const result = renderTimeline(svgRoot, lanes, scale, openUntil, selectedId, eventNodes);
  interaction.setNodes(result.nodes);
  visible = shown.filter((e) => {
    const x = extentOf(e, openUntil);
    return x.end >= scale.from && x.start <= scale.to;
  });
  list.show(visible);
  if (focusedId && chart.contains(document.activeElement)) result.nodes.find((n) => n.dataset.id === focusedId)?.focus();
  status.textContent = statusText(visible.length, lanes.length);
  details.show(visible.find((e) => e.id === selectedId) ?? data.events.find((e) => e.id === selectedId), new Map(data.entities.map((e) => [e.id, e])));
  post({ type: 'rendered', count: result.count, held: data.events.length });
}

/** What the status line says: how much is in view, and of what (everything, a sample, or all the host found for the filter). */
function statusText(inView: number, lanes: number): string {
  const had = data.events.length;
  if (data.total === undefined) return `${inView} of ${had} events in view · ${lanes} lanes`;
  if (awaitingHost) return `Finding this view’s events in the whole timeline… meanwhile ${inView} of the ${had.toLocaleString()} sampled events are in view · ${lanes} lanes`;
  if (data.total === had) return `${inView} of the ${had.toLocaleString()} events this filter shows are in view · ${lanes} lanes`;
  return `A sample of ${had.toLocaleString()} of the ${data.total.toLocaleString()} events this filter shows: zoom in or filter to see them all · ${inView} in view · ${lanes} lanes`;
}

function select(id: string): void {
  if (selectedId === id) return;
  selectedId = id;
  for (const n of svgRoot.querySelectorAll('.ev')) n.classList.toggle('selected', (n as SVGGElement).dataset.id === id);
  details.show(data.events.find((e) => e.id === id), new Map(data.entities.map((e) => [e.id, e])));
}

function open(id: string): void {
  select(id);
  post({ type: 'open', eventId: id });
}

function exportAs(format: 'csv' | 'json' | 'svg'): void {
  const eventIds = visible.map((e) => e.id);
  if (format === 'svg') post({ type: 'export', format, eventIds, svg: serializeChart(svgRoot) });
  else post({ type: 'export', format, eventIds });
}
