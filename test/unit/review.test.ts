import { describe, expect, it } from 'vitest';
import { applyEdits, modify } from 'jsonc-parser';
import { mergeReview, parseReview, serializeReview, sortedInsertionIndex, type ReviewEntry } from '../../src/core/review/reviewFile';

const reviewed = (at = '2024-05-01T10:00:00.000Z'): ReviewEntry => ({ state: 'reviewed', at });
const flagged = (note?: string): ReviewEntry => ({ state: 'flagged', at: '2024-05-02T09:00:00.000Z', ...(note ? { note } : {}) });

describe('review.json parse/serialize', () => {
  it('round-trips, paths sorted, 2-space indent, final newline', () => {
    const text = serializeReview(new Map([['b.txt', flagged('date?')], ['a/c.txt', reviewed()]]));
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "documents": {',
        '    "a/c.txt": {',
        '      "state": "reviewed",',
        '      "at": "2024-05-01T10:00:00.000Z"',
        '    },',
        '    "b.txt": {',
        '      "state": "flagged",',
        '      "at": "2024-05-02T09:00:00.000Z",',
        '      "note": "date?"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const parsed = parseReview(text);
    expect(parsed.problems).toEqual([]);
    expect([...parsed.documents]).toEqual([
      ['a/c.txt', reviewed()],
      ['b.txt', flagged('date?')],
    ]);
  });

  it('keeps valid entries and reports bad ones', () => {
    const parsed = parseReview('{ "documents": { "a.txt": { "state": "done", "at": "x" }, "b.txt": { "state": "reviewed", "at": "t" } } }');
    expect([...parsed.documents.keys()]).toEqual(['b.txt']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(/"a\.txt"/);
  });

  it('treats an empty file as no reviews and a non-object as a problem', () => {
    expect(parseReview('').documents.size).toBe(0);
    expect(parseReview('[]').problems).toHaveLength(1);
  });

  it('keeps keys sorted when a new entry is inserted with jsonc modify', () => {
    const text = serializeReview(new Map([['a.txt', reviewed()], ['c.txt', reviewed()]]));
    const edits = modify(text, ['documents', 'b.txt'], flagged(), {
      formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
      getInsertionIndex: (keys) => sortedInsertionIndex(keys, 'b.txt'),
    });
    const next = applyEdits(text, edits);
    expect([...parseReview(next).documents.keys()]).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(next).toBe(serializeReview(new Map([['a.txt', reviewed()], ['b.txt', flagged()], ['c.txt', reviewed()]])));
  });
});

describe('mergeReview', () => {
  const base = new Map([['a.txt', reviewed()], ['b.txt', reviewed()]]);

  it('keeps the file’s changes to paths we did not touch, and ours to the paths we did', () => {
    const local = new Map(base);
    local.set('a.txt', flagged('ours'));
    const remote = new Map(base);
    remote.set('b.txt', flagged('theirs'));
    remote.set('c.txt', reviewed());
    const merged = mergeReview(base, local, remote);
    expect(Object.fromEntries(merged)).toEqual({ 'a.txt': flagged('ours'), 'b.txt': flagged('theirs'), 'c.txt': reviewed() });
  });

  it('applies our removals and keeps theirs', () => {
    const local = new Map(base);
    local.delete('a.txt');
    const remote = new Map(base);
    remote.delete('b.txt');
    expect([...mergeReview(base, local, remote).keys()]).toEqual([]);
  });

  it('is the file itself when we changed nothing', () => {
    const remote = new Map([['z.txt', reviewed()]]);
    expect(mergeReview(base, base, remote)).toEqual(remote);
  });
});
