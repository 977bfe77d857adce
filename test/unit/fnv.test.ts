import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/core/text/fnv';
import { hashWord, tokenize } from '../../src/core/dates/tokens';

describe('fnv1a', () => {
  it('gives the published FNV-1a values for ASCII text (one unit per byte)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes a range as it hashes the cut-out string', () => {
    expect(fnv1a('xxfoobaryy', 2, 8)).toBe(fnv1a('foobar'));
  });

  it('is the hash tokenize() computes inline for each word', () => {
    const tokens = tokenize('وصل أردوغان إلى سوتشي');
    for (let j = 0; j < tokens.count; j++) expect(tokens.hashAt(j)).toBe(hashWord(tokens.get(j)!.text));
  });
});
