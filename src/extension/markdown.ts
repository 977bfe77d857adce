/**
 * Safe pieces for hover markdown built from untrusted corpus and catalog text.
 * Every ASCII punctuation character is backslash-escaped (CommonMark allows it), so
 * Markdown, HTML, links and `$(icon)` syntax in the text render as inert characters.
 * Arabic runs are wrapped in Unicode isolates, because the hover sanitizer drops `dir`
 * (vscode#112606) and a bare RTL run would reorder the punctuation around it.
 */

const PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>~$&"'=:;,?@^%/]/g;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const FSI = '\u2068';
const PDI = '\u2069';

/** Escapes text for Markdown and collapses line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(PUNCTUATION, (c) => `\\${c}`);
}

/** Wraps text that contains right-to-left letters in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE. */
export function isolate(text: string): string {
  return RTL.test(text) ? `${FSI}${text}${PDI}` : text;
}

/** Escaped and isolated: the form for any untrusted text in a hover. */
export function safe(text: string): string {
  return isolate(escapeMarkdown(text));
}

/** A command link with JSON arguments; the label is escaped. Only enable the extension's own commands. */
export function commandLink(label: string, command: string, args: unknown[], tooltip?: string): string {
  // encodeURIComponent leaves ( and ) alone; an unbalanced one would end the link destination.
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${safe(label)}](command:${command}?${query}${title})`;
}
