// A catalog change re-matches the corpus from the text facts of the earlier analysis (title,
// boilerplate, dates), without the date and boilerplate passes. The result must be exactly
// what a full analysis with the new catalog gives.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine';

const SAMPLES = path.join(__dirname, '../../samples/corpus');

// A workspace catalog that adds a person and an alias to a built-in place: the new catalog
// finds mentions (and quotations) the built-in one did not.
const WORKSPACE_CATALOG = JSON.stringify({
  version: 1,
  entities: [
    { id: 'person.test-spokesman', type: 'person', names: { ar: 'المتحدث باسم الوزارة', en: 'The ministry spokesman' }, aliases: ['المتحدث', 'الوزير'] },
    { id: 'place.test-capital', type: 'place', names: { ar: 'العاصمة', en: 'The capital' }, aliases: ['العاصمة'] },
  ],
});

describe('rematch', () => {
  it('gives, for every sample document, what a full analysis with the new catalog gives', async () => {
    const before = createEngine({ catalogs: [], builtin: true });
    const after = createEngine({ catalogs: [{ path: '.corpus/catalog.json', text: WORKSPACE_CATALOG }], builtin: true });
    expect(after.catalog.get('person.test-spokesman')).toBeDefined();
    let changed = 0;
    for (const f of (await fs.readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort()) {
      const text = await fs.readFile(path.join(SAMPLES, f), 'utf8');
      const old = before.analyze(text, f);
      const full = after.analyze(text, f);
      const { title, boilerplate, date, dates } = old;
      expect(after.rematch(text, { title, boilerplate, date, dates }, f)).toEqual(full);
      // And back again: the old catalog from the new analysis's facts.
      expect(before.rematch(text, full, f)).toEqual(old);
      if (full.mentions.length !== old.mentions.length) changed++;
    }
    expect(changed).toBeGreaterThan(0); // the new catalog did change some documents
  });
});
