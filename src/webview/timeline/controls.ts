/**
 * The toolbar: text, entity (fuzzy suggestions), type, document, kinds, lanes, zoom and
 * export. It only reads and writes FilterState through callbacks; main.ts owns the state.
 */
import { ENTITY_TYPES } from '../../core/catalog/types';
import type { EntitySummary, ExportFormat, FilterState, TimelineData, TimelineEventKind } from '../protocol';
import { bdi, el } from './dom';
import type { EntityFinder } from './filter';

export interface ToolbarCallbacks {
  change(patch: Partial<FilterState>): void;
  zoom(factor: number | 'fit'): void;
  exportAs(format: ExportFormat): void;
}

const KIND_LABELS: Record<TimelineEventKind, string> = { mention: 'Sentences', document: 'Documents', agreement: 'Agreements', event: 'Events' };
const LANE_LABELS: Record<FilterState['lanes'], string> = { document: 'By document', type: 'By entity type', entity: 'By entity' };

export class Toolbar {
  readonly root = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Timeline filters' });
  private readonly text = el('input', { type: 'search', placeholder: 'Filter text…', 'aria-label': 'Filter by text', dir: 'auto' });
  private readonly entity = el('input', { type: 'search', placeholder: 'Entity…', 'aria-label': 'Filter by entity (any spelling)', dir: 'auto', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'entity-suggestions' });
  private readonly suggestions = el('ul', { id: 'entity-suggestions', class: 'suggestions', role: 'listbox', hidden: true });
  private readonly type = el('select', { 'aria-label': 'Entity type' });
  private readonly doc = el('select', { 'aria-label': 'Document', dir: 'auto' });
  private readonly lanes = el('select', { 'aria-label': 'Lanes' });
  private readonly kinds = new Map<TimelineEventKind, HTMLInputElement>();
  private finder: EntityFinder | undefined;
  private entities = new Map<string, EntitySummary>();

  constructor(private readonly cb: ToolbarCallbacks) {
    this.type.append(el('option', { value: '' }, 'Any type'), ...ENTITY_TYPES.map((t) => el('option', { value: t }, t)));
    this.lanes.append(...Object.entries(LANE_LABELS).map(([v, l]) => el('option', { value: v }, l)));
    const kindBox = el('fieldset', { class: 'kinds' }, el('legend', { class: 'visually-hidden' }, 'Show'));
    for (const [kind, label] of Object.entries(KIND_LABELS) as Array<[TimelineEventKind, string]>) {
      const box = el('input', { type: 'checkbox', checked: true });
      box.addEventListener('change', () => cb.change({ kinds: [...this.kinds].filter(([, b]) => b.checked).map(([k]) => k) }));
      this.kinds.set(kind, box);
      kindBox.append(el('label', { class: `kind-toggle kind-${kind}` }, box, el('span', { class: 'swatch', 'aria-hidden': 'true' }), label));
    }
    const button = (label: string, title: string, onClick: () => void): HTMLButtonElement => {
      const b = el('button', { type: 'button', title, 'aria-label': title }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    const entityBox = el('div', { class: 'entity-box' }, this.entity, this.suggestions);
    this.root.append(
      this.text,
      entityBox,
      this.type,
      this.doc,
      kindBox,
      this.lanes,
      el('span', { class: 'group', role: 'group', 'aria-label': 'Zoom' },
        button('−', 'Zoom out (-)', () => cb.zoom(2)),
        button('+', 'Zoom in (+)', () => cb.zoom(0.5)),
        button('Fit', 'Fit the corpus', () => cb.zoom('fit'))),
      el('span', { class: 'group', role: 'group', 'aria-label': 'Export the visible events' },
        button('CSV', 'Export visible events as CSV', () => cb.exportAs('csv')),
        button('JSON', 'Export visible events as JSON', () => cb.exportAs('json')),
        button('SVG', 'Export the chart as SVG', () => cb.exportAs('svg'))),
    );
    this.text.addEventListener('input', () => cb.change({ text: this.text.value }));
    this.type.addEventListener('change', () => cb.change({ entityType: this.type.value as FilterState['entityType'] }));
    this.doc.addEventListener('change', () => cb.change({ documentId: this.doc.value || null }));
    this.lanes.addEventListener('change', () => cb.change({ lanes: this.lanes.value as FilterState['lanes'] }));
    this.entity.addEventListener('input', () => {
      cb.change({ entityQuery: this.entity.value, entityId: null });
      this.suggest();
    });
    this.entity.addEventListener('keydown', (ev) => this.onEntityKey(ev));
    this.entity.addEventListener('blur', () => setTimeout(() => this.hideSuggestions(), 150));
  }

  setData(data: TimelineData, finder: EntityFinder): void {
    this.finder = finder;
    this.entities = new Map(data.entities.map((e) => [e.id, e]));
    const current = this.doc.value;
    this.doc.replaceChildren(el('option', { value: '' }, 'All documents'), ...data.documents.map((d) => el('option', { value: d.id }, d.title || d.path)));
    this.doc.value = current;
  }

  /** Shows a state (from saved state or a "Show on Timeline" focus) in the controls. */
  show(state: FilterState): void {
    this.text.value = state.text;
    this.entity.value = state.entityId ? (this.entities.get(state.entityId)?.label ?? state.entityQuery) : state.entityQuery;
    this.type.value = state.entityType;
    this.doc.value = state.documentId ?? '';
    this.lanes.value = state.lanes;
    for (const [k, b] of this.kinds) b.checked = state.kinds.includes(k);
  }

  private suggest(): void {
    const hits = this.finder?.find(this.entity.value) ?? [];
    this.suggestions.replaceChildren(
      ...hits.map((e, k) => {
        const li = el('li', { role: 'option', id: `sugg-${k}`, 'data-id': e.id, 'aria-selected': k === 0 ? 'true' : 'false' }, bdi(e.label), el('span', { class: 'muted' }, ` · ${e.type}`));
        li.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          this.choose(e);
        });
        return li;
      }),
    );
    this.suggestions.hidden = hits.length === 0;
    this.entity.setAttribute('aria-expanded', String(hits.length > 0));
  }

  private onEntityKey(ev: KeyboardEvent): void {
    const items = [...this.suggestions.querySelectorAll('li')];
    if (this.suggestions.hidden || items.length === 0) return;
    const at = items.findIndex((li) => li.getAttribute('aria-selected') === 'true');
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const next = (at + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((li, k) => li.setAttribute('aria-selected', String(k === next)));
      this.entity.setAttribute('aria-activedescendant', items[next]!.id);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const e = this.entities.get(items[Math.max(0, at)]!.dataset.id ?? '');
      if (e) this.choose(e);
    } else if (ev.key === 'Escape') this.hideSuggestions();
  }

  private choose(e: EntitySummary): void {
    this.entity.value = e.label;
    this.hideSuggestions();
    this.cb.change({ entityId: e.id, entityQuery: e.label });
  }

  private hideSuggestions(): void {
    this.suggestions.hidden = true;
    this.entity.setAttribute('aria-expanded', 'false');
    this.entity.removeAttribute('aria-activedescendant');
  }
}
