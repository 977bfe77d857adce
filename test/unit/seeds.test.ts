// The five seed articles of the team's shared folder (not copied into the project: read from
// ../shared/seeds beside the clone, where CI has them). Expected entities are our own reading
// of each article: every catalogued person, place, organization and agreement it names.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/core/analysis/analyzeDocument';
import { builtinCatalog } from '../../src/core/catalog/builtin';
import { Catalog } from '../../src/core/catalog/catalog';
import { AgreementsByDate } from '../../src/core/events/agreementLinks';
import { EntityMatcher } from '../../src/core/match/matcher';

const SEEDS = path.resolve(__dirname, '../../../shared/seeds');
const catalog = new Catalog([builtinCatalog()]);
const matcher = new EntityMatcher(catalog.aliases());
const agreements = new AgreementsByDate(catalog);

const expected: Record<string, string[]> = {
  '000_41894f4126aab709.txt': [
    'org.russian-foreign-ministry', 'place.moscow', 'place.ankara', 'place.syria', 'place.idlib', 'place.idlib-de-escalation-zone',
    'org.un-security-council', 'person.alexander-lavrentiev', 'person.sergey-vershinin', 'org.russian-defence-ministry',
    'person.sedat-onal', 'org.un', 'person.bashar-al-jaafari', 'person.recep-tayyip-erdogan', 'place.aleppo', 'place.latakia',
    'place.hama', 'org.syrian-arab-army', 'org.hezbollah', 'place.al-zarbah',
    // «مذكرة 4 أيار/مايو 2017 ومذكرة 17 أيلول/سبتمبر 2018»: named by their dates.
    'agreement.astana-memorandum-2017', 'agreement.sochi-memorandum-2018',
  ],
  '001_f29a8a812264a5c8.txt': [
    'org.kremlin', 'person.vladimir-putin', 'person.recep-tayyip-erdogan', 'place.ankara', 'place.moscow', 'place.syria',
    'org.syrian-constitutional-committee', 'place.geneva', 'place.idlib', 'org.turkish-presidency', 'place.saraqib', 'place.turkey',
    'place.russia', 'org.syria-response-coordinators', 'place.ariha', 'place.jabal-al-zawiya', 'org.anadolu', 'event.astana-process',
  ],
  '002_37a6c483a978ed9f.txt': [
    'place.moscow', 'person.bashar-al-assad', 'org.russian-foreign-ministry', 'place.damascus', 'org.sana', 'person.alexander-lavrentiev',
    'place.washington', 'place.ankara', 'org.ypg', 'person.recep-tayyip-erdogan', 'place.turkey', 'org.isis', 'place.ain-issa', 'place.syria',
  ],
  '003_d19f81a42a35f2d6.txt': [
    'place.moscow', 'place.idlib', 'org.russian-foreign-ministry', 'person.maria-zakharova', 'place.turkey', 'place.russia',
    'person.bashar-al-assad', 'org.ria-novosti', 'place.hmeimim-air-base', 'place.hama', 'place.latakia', 'place.qalaat-al-madiq',
    'place.kafr-nabudah', 'place.al-qasabiyah', 'place.sochi', 'person.recep-tayyip-erdogan', 'person.vladimir-putin',
    'agreement.sochi-memorandum-2018',
  ],
  '004_553f9cf3cf777886.txt': [
    'person.sergey-lavrov', 'person.mevlut-cavusoglu', 'place.syria', 'place.moscow', 'place.washington', 'place.ankara', 'place.tehran',
    'place.russia', 'place.iran', 'place.turkey', 'event.astana-process', 'person.ayman-safadi', 'place.united-states', 'place.al-tanf',
    'place.jordan', 'person.sergei-shoigu', 'person.hulusi-akar', 'place.euphrates',
  ],
};

describe.skipIf(!existsSync(SEEDS))('seed articles', () => {
  for (const [file, ids] of Object.entries(expected)) {
    it(`${file}: finds every catalogued entity it names, with no mention inside another`, () => {
      const text = readFileSync(path.join(SEEDS, file), 'utf8');
      const a = analyzeDocument(text, { matcher, agreements, fileName: file });
      const found = new Set(a.mentions.filter((m) => !m.boilerplate).map((m) => m.entityId));
      expect(ids.filter((id) => !found.has(id))).toEqual([]);
      for (let k = 1; k < a.mentions.length; k++) expect(a.mentions[k]!.start).toBeGreaterThanOrEqual(a.mentions[k - 1]!.end);
      for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  }

  it('dates the articles that carry a date, and resolves relative dates against it', () => {
    const analyse = (f: string) => analyzeDocument(readFileSync(path.join(SEEDS, f), 'utf8'), { matcher, agreements, fileName: f });
    const feb = analyse('001_f29a8a812264a5c8.txt');
    expect(feb.date).toMatchObject({ value: '2020-02-05', source: 'header' });
    expect(feb.dates.find((d) => d.text === 'مساء أمس الثلاثاء')?.value).toBe('2020-02-04');
    expect(analyse('004_553f9cf3cf777886.txt').date).toMatchObject({ value: '2018-12-29', source: 'header' });
    const june = analyse('003_d19f81a42a35f2d6.txt');
    expect(june.date).toMatchObject({ value: '2019-06-05', source: 'inferred' });
    const memoranda = analyse('000_41894f4126aab709.txt').dates.map((d) => d.value);
    expect(memoranda).toEqual(expect.arrayContaining(['2017-05-04', '2018-09-17']));
  });
});
