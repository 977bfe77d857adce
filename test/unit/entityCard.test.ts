import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/core/analysis/analyzeDocument';
import { Catalog } from '../../src/core/catalog/catalog';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { EntityMatcher } from '../../src/core/match/matcher';
import { renderEntityCard } from '../../src/extension/features/entityCard';
import { escapeMarkdown, isolate } from '../../src/extension/markdown';

const hostile = '<script>alert(1)</script> [x](command:workbench.action.terminal.new) $(zap) **bold** javascript:alert(1)';
const catalog = Catalog.load([
  {
    path: 'c.json',
    text: JSON.stringify({
      entities: [
        {
          id: 'person.sergey-lavrov',
          type: 'person',
          names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' },
          aliases: ['لافروف'],
          description: { en: hostile },
          roles: [{ title: { en: 'Minister of Foreign Affairs' }, organization: 'organization.mfa', from: '2004-03-09' }],
        },
        { id: 'organization.mfa', type: 'organization', names: { ar: 'وزارة الخارجية الروسية', en: 'Russian Foreign Ministry' } },
        { id: 'place.moscow', type: 'place', names: { ar: 'موسكو', en: 'Moscow' } },
        { id: 'agreement.sochi', type: 'agreement', names: { ar: 'مذكرة سوتشي', en: 'Sochi memorandum' }, date: '2018-09-17', parties: ['place.moscow'] },
      ],
    }),
  },
]);
const matcher = new EntityMatcher(catalog.aliases());
const index = new CorpusIndex();
const docText = `عنوان ${hostile}\nوقال لافروف في موسكو: «${hostile} هذا نص طويل».\n`;
index.set({ id: 'file:///corpus/a.txt', path: 'a.txt', ...analyzeDocument(docText, { matcher, isPerson: (id) => id.startsWith('person.') }) });

describe('renderEntityCard', () => {
  const card = renderEntityCard(catalog.get('person.sergey-lavrov')!, catalog, index);

  it('shows names, role with dates and organization, and corpus counts', () => {
    expect(card).toContain(isolate('سيرغي لافروف'));
    expect(card).toContain('Sergey Lavrov');
    expect(card).toContain('- Minister of Foreign Affairs — Russian Foreign Ministry · 2004\\-03\\-09 – present');
    expect(card).toContain('**1 mention in 1 document**');
    expect(card).toContain('**Often with:**');
  });

  it('links the documents and the quotation only through our own openMention command', () => {
    const links = [...card.matchAll(/\]\((command:[^?)]+)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(new Set(links)).toEqual(new Set(['command:corpusLens.openMention']));
  });

  it('renders hostile text inert: no raw HTML, links, icons or emphasis from the corpus', () => {
    expect(card).not.toContain('<script>');
    expect(card).not.toContain('](command:workbench');
    expect(card).not.toContain('$(zap)');
    expect(card).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(card).toContain('\\<script\\>');
  });

  it('quotes what the person said', () => {
    expect(card).toContain('**Said in the corpus** (1)');
  });

  it('shows an agreement with its date and parties', () => {
    const a = renderEntityCard(catalog.get('agreement.sochi')!, catalog, index);
    expect(a).toContain('*Agreement* · 2018\\-09\\-17');
    // Only the Arabic run is isolated, so the parenthesis stays on the English side.
    expect(a).toContain(`**Parties:** ${isolate('موسكو')} (Moscow)`);
    expect(a).toContain('**0 mentions in 0 documents**');
  });
});

describe('markdown helpers', () => {
  it('escapes every Markdown-active character and folds line breaks', () => {
    expect(escapeMarkdown('a*b_[c](d)\n#e')).toBe('a\\*b\\_\\[c\\]\\(d\\) \\#e');
  });

  it('wraps only right-to-left text in isolates', () => {
    expect(isolate('Moscow')).toBe('Moscow');
    expect(isolate('موسكو')).toBe('\u2068موسكو\u2069');
  });
});
