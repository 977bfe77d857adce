/**
 * Mouse and keyboard on the chart. On the chart itself: wheel zooms at the pointer, drag
 * pans, ←/→ pan, +/- zoom, Home fits nothing (left to the Fit button). On an event: Enter
 * or Space opens it, ←/→ go to the previous/next event in the lane order, ↑/↓ to the
 * nearest event in the lane above/below, Escape returns to the chart.
 */
export interface InteractionCallbacks {
  pan(dx: number): void;
  zoom(factor: number, atX?: number): void;
  open(id: string): void;
  select(id: string): void;
}

const PAN_STEP = 0.1;
const DRAG_THRESHOLD = 4;

export class Interaction {
  private nodes: SVGGElement[] = [];
  private drag: { x: number; moved: boolean; pointer: number } | undefined;

  constructor(private readonly chart: HTMLElement, svgRoot: SVGSVGElement, private readonly cb: InteractionCallbacks) {
    chart.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const rect = svgRoot.getBoundingClientRect();
      // Horizontal wheels (trackpads) pan; vertical wheels zoom.
      if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) cb.pan(ev.deltaX);
      else cb.zoom(Math.exp(ev.deltaY * 0.0015), ev.clientX - rect.left);
    }, { passive: false });
    chart.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      this.drag = { x: ev.clientX, moved: false, pointer: ev.pointerId };
    });
    chart.addEventListener('pointermove', (ev) => {
      if (!this.drag || ev.pointerId !== this.drag.pointer) return;
      const dx = ev.clientX - this.drag.x;
      if (!this.drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
      if (!this.drag.moved) chart.setPointerCapture(ev.pointerId);
      this.drag.moved = true;
      this.drag.x = ev.clientX;
      cb.pan(-dx);
    });
    const end = (ev: PointerEvent): void => {
      const drag = this.drag;
      this.drag = undefined;
      if (!drag || drag.moved || ev.type !== 'pointerup') return;
      const id = this.eventIdAt(ev.target);
      if (id) cb.open(id);
    };
    chart.addEventListener('pointerup', end);
    chart.addEventListener('pointercancel', end);
    chart.addEventListener('focusin', (ev) => {
      const id = this.eventIdAt(ev.target);
      if (id) cb.select(id);
    });
    chart.addEventListener('keydown', (ev) => this.onKey(ev));
  }

  setNodes(nodes: SVGGElement[]): void {
    this.nodes = nodes;
  }

  private eventIdAt(target: EventTarget | null): string | undefined {
    const node = (target as Element | null)?.closest?.('.ev') as SVGGElement | null | undefined;
    return node?.dataset.id;
  }

  private onKey(ev: KeyboardEvent): void {
    const onEvent = this.nodes.indexOf(ev.target as SVGGElement);
    const width = this.chart.clientWidth;
    if (onEvent < 0) {
      if (ev.target !== this.chart) return;
      if (ev.key === 'ArrowLeft') this.cb.pan(-width * PAN_STEP);
      else if (ev.key === 'ArrowRight') this.cb.pan(width * PAN_STEP);
      else if (ev.key === '+' || ev.key === '=') this.cb.zoom(0.5);
      else if (ev.key === '-' || ev.key === '_') this.cb.zoom(2);
      else if (ev.key === 'ArrowDown' && this.nodes[0]) this.nodes[0].focus();
      else return;
      ev.preventDefault();
      return;
    }
    const node = this.nodes[onEvent]!;
    let next: SVGGElement | undefined;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      if (node.dataset.id) this.cb.open(node.dataset.id);
      return;
    } else if (ev.key === 'ArrowRight') next = this.nodes[onEvent + 1];
    else if (ev.key === 'ArrowLeft') next = this.nodes[onEvent - 1];
    else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') next = this.nearestInOtherLane(node, ev.key === 'ArrowDown' ? 1 : -1);
    else if (ev.key === 'Escape') next = undefined;
    else if (ev.key === '+' || ev.key === '=' || ev.key === '-') {
      this.cb.zoom(ev.key === '-' ? 2 : 0.5);
      ev.preventDefault();
      return;
    } else return;
    ev.preventDefault();
    if (next) next.focus();
    else if (ev.key === 'Escape') this.chart.focus();
  }

  /** The event in the next lane (up or down) closest horizontally to `node`. */
  private nearestInOtherLane(node: SVGGElement, direction: 1 | -1): SVGGElement | undefined {
    const lane = node.closest('.lane');
    const lanes = [...new Set(this.nodes.map((n) => n.closest('.lane')))];
    const target = lanes[lanes.indexOf(lane) + direction];
    if (!target) return undefined;
    const x = node.getBoundingClientRect().left;
    let best: SVGGElement | undefined;
    let bestDist = Infinity;
    for (const n of this.nodes) {
      if (n.closest('.lane') !== target) continue;
      const d = Math.abs(n.getBoundingClientRect().left - x);
      if (d < bestDist) {
        best = n;
        bestDist = d;
      }
    }
    return best;
  }
}
