/**
 * A text box with a list of suggestions under it (the ARIA combobox pattern): arrows move
 * through the list, Enter or a click chooses, Escape closes. The owner says what to suggest:
 * the entity box at once from its own list, the document box when the host answers.
 */
import { bdi, el } from './dom';

export interface ComboOption {
  id: string;
  label: string;
  /** Shown muted after the label (an entity's type, a document's path). */
  detail?: string;
}

export interface ComboCallbacks {
  /** The user typed: `value` is what the box holds now. */
  input(value: string): void;
  choose(option: ComboOption): void;
  /** The box got the focus (the document box then asks for suggestions). */
  focus?(): void;
}

export class Combobox {
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  readonly root: HTMLDivElement;
  private options: ComboOption[] = [];

  constructor(id: string, placeholder: string, label: string, private readonly on: ComboCallbacks) {
    const listId = `${id}-suggestions`;
    this.input = el('input', { type: 'search', placeholder, 'aria-label': label, dir: 'auto', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId });
    this.list = el('ul', { id: listId, class: 'suggestions', role: 'listbox', hidden: true });
    this.root = el('div', { class: 'combo-box' }, this.input, this.list);
    this.input.addEventListener('input', () => on.input(this.input.value));
    this.input.addEventListener('focus', () => on.focus?.());
    this.input.addEventListener('keydown', (ev) => this.onKey(ev));
    // Later than a click on a suggestion, which would otherwise find the list gone.
    this.input.addEventListener('blur', () => setTimeout(() => this.hide(), 150));
  }

  get value(): string {
    return this.input.value;
  }

  set value(v: string) {
    this.input.value = v;
  }

  /** Lists `options` under the box (none: the list closes); `note` ends the list, not choosable. */
  show(options: ComboOption[], note?: string): void {
    this.options = options;
    const items = options.map((o, k) => {
      const title = o.detail ? `${o.label} · ${o.detail}` : o.label;
      const li = el('li', { role: 'option', id: `${this.list.id}-${k}`, 'aria-selected': k === 0 ? 'true' : 'false', title }, bdi(o.label));
      if (o.detail) li.append(el('span', { class: 'muted' }, ' · ', bdi(o.detail)));
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        this.choose(o);
      });
      return li;
    });
    if (note && options.length) items.push(el('li', { role: 'presentation', class: 'note muted' }, note));
    this.list.replaceChildren(...items);
    this.list.hidden = options.length === 0;
    this.input.setAttribute('aria-expanded', String(options.length > 0));
    this.input.removeAttribute('aria-activedescendant');
    if (options.length) this.fit();
  }

  /**
   * Long titles make a wide list: it opens from the box's start edge when it fits that way,
   * else toward the side with more room, and no wider than that room (the page is LTR).
   * A CSSOM width, which the page's CSP allows (it blocks only style attributes and tags).
   */
  private fit(): void {
    const box = this.input.getBoundingClientRect();
    const towardEnd = window.innerWidth - box.left;
    const towardStart = box.right;
    this.list.style.maxWidth = '';
    const wanted = this.list.scrollWidth;
    const flip = wanted > towardEnd && towardStart > towardEnd;
    this.list.classList.toggle('align-end', flip);
    this.list.style.maxWidth = `${Math.max(160, (flip ? towardStart : towardEnd) - 8)}px`;
  }

  hide(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(ev: KeyboardEvent): void {
    const items = [...this.list.querySelectorAll('li[role="option"]')];
    if (this.list.hidden || items.length === 0) return;
    const at = items.findIndex((li) => li.getAttribute('aria-selected') === 'true');
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const next = (at + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((li, k) => li.setAttribute('aria-selected', String(k === next)));
      this.input.setAttribute('aria-activedescendant', items[next]!.id);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const o = this.options[Math.max(0, at)];
      if (o) this.choose(o);
    } else if (ev.key === 'Escape') this.hide();
  }

  private choose(o: ComboOption): void {
    this.input.value = o.label;
    this.hide();
    this.on.choose(o);
  }
}
