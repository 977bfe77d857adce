/**
 * The toolbar: text, entity (fuzzy suggestions), type, document (found by the host), kinds, lanes, zoom and
 * export. It only reads and writes FilterState through callbacks; main.ts owns the state.
 */
import { ENTITY_TYPES } from '../../core/catalog/types';
import type { DocumentSummary, EntitySummary, ExportFormat, FilterState, TimelineData, TimelineEventKind } from '../protocol';
import { Combobox } from './combobox';
import { el } from './dom';
import type { EntityFinder } from './filter';

export interface ToolbarCallbacks {
  change(patch: Partial<FilterState>): void;
  zoom(factor: number | 'fit'): void;
  exportAs(format: ExportFormat): void;
  /** Asks the host for the documents matching what the document box holds (answered by showDocumentMatches). */
  findDocuments(query: string): void;
}

const KIND_LABELS: Record<TimelineEventKind, string> = { mention: 'Sentences', document: 'Documents', agreement: 'Agreements', event: 'Events' };
const LANE_LABELS: Record<FilterState['lanes'], string> = { document: 'By document', type: 'By entity type', entity: 'By entity' };
/** Keystrokes closer together than this make one question to the host. */
const FIND_DELAY_MS = 150;

export class Toolbar {
  readonly root = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Timeline filters' });
  private readonly text = el('input', { type: 'search', placeholder: 'Filter text…', 'aria-label': 'Filter by text', dir: 'auto' });
  private readonly entity: Combobox;
  private readonly doc: Combobox;
  private readonly type = el('select', { 'aria-label': 'Entity type' });
  private readonly lanes = el('select', { 'aria-label': 'Lanes' });
  private readonly kinds = new Map<TimelineEventKind, HTMLInputElement>();
  private finder: EntityFinder | undefined;
  private entities = new Map<string, EntitySummary>();
  private documents = new Map<string, DocumentSummary>();
  /** The document chosen in the box (the filter's documentId). */
  private documentId: string | null = null;
  private findTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cb: ToolbarCallbacks) {
    this.entity = new Combobox('entity', 'Entity…', 'Filter by entity (any spelling)', {
      input: (value) => {
        cb.change({ entityQuery: value, entityId: null });
        this.entity.show((this.finder?.find(value) ?? []).map((e) => ({ id: e.id, label: e.label, detail: e.type })));
      },
      choose: (o) => cb.change({ entityId: o.id, entityQuery: o.label }),
    });
    this.doc = new Combobox('document', 'Document…', 'Filter by document (title or path)', {
      input: (value) => {
        // Typing leaves the chosen document: the filter holds only a chosen one.
        if (this.documentId !== null) {
          this.documentId = null;
          cb.change({ documentId: null });
        }
        this.findSoon(value);
      },
      choose: (o) => {
        this.documentId = o.id;
        cb.change({ documentId: o.id });
      },
      focus: () => {
        // A chosen document's title is selected, so that typing replaces it.
        if (this.documentId !== null) this.doc.input.select();
        this.findSoon(this.documentId === null ? this.doc.value : '');
      },
    });
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
    this.root.append(
      this.text,
      this.entity.root,
      this.type,
      this.doc.root,
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
    this.lanes.addEventListener('change', () => cb.change({ lanes: this.lanes.value as FilterState['lanes'] }));
  }

  setData(data: TimelineData, finder: EntityFinder): void {
    this.finder = finder;
    this.entities = new Map(data.entities.map((e) => [e.id, e]));
    this.documents = new Map(data.documents.map((d) => [d.id, d]));
    if (this.documentId !== null) this.doc.value = this.documentLabel(this.documentId);
  }

  /** Shows a state (from saved state or a "Show on Timeline" focus) in the controls. */
  show(state: FilterState): void {
    this.text.value = state.text;
    this.entity.value = state.entityId ? (this.entities.get(state.entityId)?.label ?? state.entityQuery) : state.entityQuery;
    this.type.value = state.entityType;
    this.documentId = state.documentId;
    this.doc.value = state.documentId === null ? '' : this.documentLabel(state.documentId);
    this.lanes.value = state.lanes;
    for (const [k, b] of this.kinds) b.checked = state.kinds.includes(k);
  }

  /** The host's answer to findDocuments; an answer to an older query than the box holds is dropped. */
  showDocumentMatches(query: string, documents: DocumentSummary[], total: number): void {
    const asked = this.documentId === null ? this.doc.value : '';
    if (query !== asked || document.activeElement !== this.doc.input) return;
    for (const d of documents) this.documents.set(d.id, d);
    const more = total - documents.length;
    this.doc.show(
      documents.map((d) => ({ id: d.id, label: d.title || d.path, detail: d.title ? d.path : undefined })),
      more > 0 ? `${more.toLocaleString()} more: type to narrow` : undefined,
    );
  }

  private findSoon(query: string): void {
    clearTimeout(this.findTimer);
    this.findTimer = setTimeout(() => this.cb.findDocuments(query), FIND_DELAY_MS);
  }

  private documentLabel(id: string): string {
    const d = this.documents.get(id);
    return d ? d.title || d.path : id;
  }
}
