import { describe, expect, it } from 'vitest';
import { createPathFilter } from '../../src/core/io/pathFilter';

describe('createPathFilter', () => {
  it('takes what the default include matches, at any depth, and leaves out the default exclude', () => {
    const isDocument = createPathFilter('**/*.txt', '**/{node_modules,.git,.corpus}/**');
    expect(isDocument('2019-02-12-sochi.txt')).toBe(true);
    expect(isDocument('archive/2018/idlib.txt')).toBe(true);
    expect(isDocument('notes.md')).toBe(false);
    expect(isDocument('node_modules/pkg/readme.txt')).toBe(false);
    expect(isDocument('.git/description.txt')).toBe(false);
    expect(isDocument('sub/.corpus/x.txt')).toBe(false);
  });

  it('follows narrower settings: one folder in, one folder out; an empty exclude leaves nothing out', () => {
    const isDocument = createPathFilter('articles/**/*.txt', '**/drafts/**');
    expect(isDocument('articles/2019/lavrov.txt')).toBe(true);
    expect(isDocument('articles/drafts/lavrov.txt')).toBe(false);
    expect(isDocument('other/lavrov.txt')).toBe(false);
    expect(createPathFilter('**/*.{txt,TXT}', '')('.hidden/a.TXT')).toBe(true);
  });
});
