import { describe, expect, it } from 'vitest';
import { parseDocumentsMetadata } from '../../src/core/metadata/documentsMetadata';

describe('parseDocumentsMetadata', () => {
  it('reads dates by relative path', () => {
    const m = parseDocumentsMetadata('{ "version": 1, "documents": { "a/b.txt": { "date": "2019-06-05" }, "c.txt": { "date": "2018" } } }');
    expect([...m.documents]).toEqual([
      ['a/b.txt', { date: '2019-06-05' }],
      ['c.txt', { date: '2018' }],
    ]);
    expect(m.problems).toEqual([]);
  });

  it('keeps the valid entries and reports the invalid ones', () => {
    const m = parseDocumentsMetadata('{ "documents": { "a.txt": { "date": "5/6/2019" }, "b.txt": { "date": "2019-06-05" } } }');
    expect([...m.documents.keys()]).toEqual(['b.txt']);
    expect(m.problems).toEqual(['.corpus/documents.json: "a.txt" has an invalid date "5/6/2019" (expected YYYY-MM-DD)']);
  });

  it('reports a file that is not JSON or has no documents object', () => {
    expect(parseDocumentsMetadata('{ "documents": [').problems.length).toBeGreaterThan(0);
    expect(parseDocumentsMetadata('[]').problems).toEqual(['.corpus/documents.json: expected { "documents": { "<path>": { "date": "YYYY-MM-DD" } } }']);
    expect(parseDocumentsMetadata('').problems).toEqual([]);
  });
});
