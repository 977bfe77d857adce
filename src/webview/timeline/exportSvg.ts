/**
 * The chart as a standalone SVG file: a clone of the live SVG with the theme's current
 * colours written into an embedded <style>, since the file will be opened outside VS Code
 * where the --vscode-* variables do not exist.
 */
import { SVG_NS } from './dom';

const VARS = ['--vscode-editor-background', '--vscode-foreground', '--vscode-descriptionForeground', '--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-orange', '--vscode-panel-border'];

export function serializeChart(live: SVGSVGElement): string {
  const computed = getComputedStyle(document.body);
  const value = (v: string, fallback: string): string => computed.getPropertyValue(v).trim() || fallback;
  const [bg, fg, muted, blue, green, purple, orange, border] = VARS.map((v, k) => value(v, ['#ffffff', '#1f1f1f', '#6f6f6f', '#3b6fd4', '#23863a', '#8250df', '#c8601d', '#cccccc'][k]!));
  const css = [
    `svg{background:${bg};font:12px sans-serif}`,
    `text{fill:${fg}}.tick-label{fill:${muted}}.tick{stroke:${border};stroke-opacity:.5}.tick.major{stroke-opacity:1}`,
    `.lane-bg{fill:${bg}}.lane.odd .lane-bg{fill:${muted};fill-opacity:.06}`,
    `.kind-mention .mark{fill:${blue}}.kind-document .mark{fill:${green}}.kind-agreement .mark{fill:${purple}}.kind-event .mark{fill:${orange}}`,
    `.shape-uncertain .mark{fill:url(#hatch);stroke:${fg};stroke-dasharray:3 2}.hatch-line{stroke:${muted};stroke-width:2}.hatch-bg{fill:none}`,
    `.shape-open .mark{fill-opacity:.5;stroke-dasharray:4 3;stroke:${fg}}.linked .mark{stroke:${purple};stroke-width:2}`,
  ].join('\n');
  const clone = live.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  for (const n of clone.querySelectorAll('[tabindex]')) n.removeAttribute('tabindex');
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = css;
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}
