/**
 * The text side of the timeline: the selected event's details and a list of the visible
 * events. Corpus sentences are read here, in HTML with dir="auto", where Arabic renders and
 * wraps properly (the SVG only carries short labels and tooltips). The list is also a plain
 * keyboard and screen-reader path to every visible event.
 */
import type { EntitySummary, TimelineEvent } from '../protocol';
import { bdi, el } from './dom';
import { describe } from './render';

/** The list shows this many events; the chart shows them all. */
export const MAX_LIST = 300;

export class Details {
  readonly root = el('section', { class: 'details', 'aria-live': 'polite', 'aria-label': 'Selected event' });

  constructor(private readonly onOpen: (id: string) => void) {
    this.show(undefined, new Map());
  }

  show(e: TimelineEvent | undefined, entities: Map<string, EntitySummary>): void {
    if (!e) {
      this.root.replaceChildren(el('p', { class: 'muted' }, 'Select an event: click it, or Tab to it and press Enter to open its passage.'));
      return;
    }
    const when = e.endDate ? `${e.date} – ${e.endDate}` : e.openEnded ? `${e.date} –` : e.date;
    const names = e.entities.map((id) => entities.get(id)).filter((x): x is EntitySummary => !!x);
    const chips = el('p', { class: 'chips', dir: 'auto' });
    for (const n of names) {
      const linked = e.linkedAgreements?.includes(n.id);
      chips.append(el('span', { class: `chip type-${n.type}${linked ? ' linked' : ''}`, title: linked ? 'Referred to by its date' : n.type }, bdi(n.label)), ' ');
    }
    const open = el('button', { type: 'button', class: 'primary' }, e.documentId ? 'Open passage' : 'Open first mention');
    open.addEventListener('click', () => this.onOpen(e.id));
    this.root.replaceChildren(
      el('p', { class: 'meta' }, el('span', { class: `badge kind-${e.kind}` }, e.kind), ' ', when, e.uncertain ? ' (approximate)' : '', e.dateText ? ' · ' : '', e.dateText ? bdi(e.dateText) : ''),
      el('p', { class: 'label', dir: 'auto' }, e.label),
      ...(e.note ? [el('p', { class: 'muted' }, e.note)] : []),
      chips,
      open,
    );
  }
}

export class EventList {
  readonly root = el('ol', { class: 'event-list', 'aria-label': 'Visible events' });

  constructor(private readonly onOpen: (id: string) => void, private readonly onSelect: (id: string) => void) {}

  /** The rows of the last list, by event object: an update that keeps an event keeps its row. */
  private rows = new Map<TimelineEvent, HTMLLIElement>();

  show(events: TimelineEvent[]): void {
    const shown = events.slice(0, MAX_LIST);
    const rows = new Map<TimelineEvent, HTMLLIElement>();
    for (const e of shown) rows.set(e, this.rows.get(e) ?? this.row(e));
    this.rows = rows;
    this.root.replaceChildren(
      ...rows.values(),
      ...(events.length > MAX_LIST ? [el('li', { class: 'muted' }, `… ${events.length - MAX_LIST} more; narrow the filters or zoom in.`)] : []),
    );
  }

  private row(e: TimelineEvent): HTMLLIElement {
    const b = el('button', { type: 'button', class: 'row', 'aria-label': describe(e), 'data-id': e.id },
      el('span', { class: `date kind-${e.kind}${e.uncertain ? ' uncertain' : ''}` }, e.endDate ? `${e.date} – ${e.endDate}` : e.date),
      el('span', { class: 'text', dir: 'auto' }, e.label));
    b.addEventListener('click', () => this.onOpen(e.id));
    b.addEventListener('focus', () => this.onSelect(e.id));
    return el('li', {}, b);
  }
}
