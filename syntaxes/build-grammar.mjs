// Writes syntaxes/corpus-text.tmLanguage.json (run: node syntaxes/build-grammar.mjs). The regexes are
// written here once, readable, and escaped by JSON.stringify; the JSON is the file VS Code loads.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
const D = '[0-9٠-٩۰-۹]';
// Oniguruma's \b is Unicode-aware (letters, marks, digits, _), and unlike a lookbehind with
// \p{…} classes it is cheap to compile and keeps the first-character search optimisation.
const notWordBefore = '\\b';
// Before a digit, an Arabic proclitic is fine («و5 مارس», «بـ1500»); a Latin letter or digit is not (F16).
// Written after the first digit (a two-character lookbehind) so the pattern still starts with a character class.
const notLatinBefore = '(?<![A-Za-z0-9٠-٩۰-۹_].)';
const notWordAfter = '(?!\\w)';
const AR_MONTHS = [
  // Levantine / Iraqi
  'كانون الثاني', 'كانون الأول', 'كانون الاول', 'شباط', '[آا]ذار', 'نيسان', '[أا]يار', 'حزيران', 'تموز', '[آا]ب', '[أا]يلول', 'تشرين الأول', 'تشرين الاول', 'تشرين الثاني',
  // Egyptian / Gulf
  'يناير', 'فبراير', 'مارس', '[أإا]بريل', 'مايو', 'يوني[وه]', 'يولي[وه]', '[أا]غسطس', 'سبتمبر', '[أا]كتوبر', 'نوفمبر', 'ديسمبر',
  // Maghrebi
  'ماي', 'يوليوز', 'غشت', 'شتنبر', 'نونبر', 'دجنبر', 'جانفي', 'فيفري', '[أا]فريل', 'جوان', 'جويلية', '[أا]وت',
  // Hijri
  'محرم', 'صفر', 'ربيع الأول', 'ربيع الاول', 'ربيع الآخر', 'ربيع الثاني', 'جمادى الأولى', 'جمادى الاولى', 'جمادى الآخرة', 'جمادى الثانية', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة',
].map((m) => m.replace(/ /g, '\\s+'));
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan\\.?', 'Feb\\.?', 'Mar\\.?', 'Apr\\.?', 'Jun\\.?', 'Jul\\.?', 'Aug\\.?', 'Sept?\\.?', 'Oct\\.?', 'Nov\\.?', 'Dec\\.?'];
// Clitics و ف ب ل may stick to an Arabic month («وأيار»); not worth the ambiguity, so months stand alone.
const MONTH = `(?:${AR_MONTHS.join('|')}|${EN_MONTHS.join('|')})`;
const MONTH_PAIR = `${MONTH}(?:\\s*[/(]\\s*${MONTH}\\s*\\)?)?`; // «أيار/مايو», «أيار (مايو)»
// A year may carry the era: «1440 هـ», «2018م».
const ERA = `(?:\\s?(?:هـ|م)${notWordAfter})?`;
const YEAR = `${D}{4}${ERA}`;
const ORDINAL = '(?:st|nd|rd|th)?';

const dateRules = [
  // 29 ديسمبر 2018 ، 4 أيار/مايو 2017، 29 December 2018, 5 March
  `${D}${notLatinBefore}${D}?${ORDINAL}\\s+(?:من\\s+)?${MONTH_PAIR}${notWordAfter}(?:\\s*[،,]?\\s*${YEAR})?`,
  // December 29, 2018 / March 5
  `${notWordBefore}(?:${EN_MONTHS.join('|')})\\s+${D}{1,2}${ORDINAL}(?:,?\\s+${YEAR})?${notWordAfter}`,
  // أيار 2017 / May 2017
  `${notWordBefore}${MONTH_PAIR}\\s+${YEAR}${notWordAfter}`,
  // 29/12/2018, 29-12-18, 29.12.2018
  `${D}${notLatinBefore}${D}?([/.\\-])${D}{1,2}\\1(?:${D}{4}|${D}{2})${ERA}${notWordAfter}`,
  // 2018-12-29, 2018/12/29
  `${D}${notLatinBefore}${D}{3}([/\\-])${D}{1,2}\\1${D}{1,2}${notWordAfter}`,
];

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Corpus Text',
  scopeName: 'text.corpus',
  comment:
    'News articles (Arabic/English). Tokens break only at spaces, punctuation or digits, never between two letters of a word, so Arabic letters keep joining. Regexes use what Oniguruma has: \\A, Unicode-aware \\b and \\w, fixed-width lookbehind, backreferences, (?i:…) groups.',
  patterns: [{ include: '#headline' }, { include: '#boilerplate' }, { include: '#inline' }],
  repository: {
    headline: {
      comment:
        'The first non-blank line. \\A matches only at the start of the first line: vscode-textmate rewrites it to never match on later lines. The rule ends after the last non-space character of the first line that has one.',
      name: 'markup.heading.1.corpus',
      begin: '\\A',
      end: '(?<=\\S)(?=\\s*$)',
      patterns: [{ include: '#inline' }],
    },
    boilerplate: {
      comment: 'Page furniture, as in src/core/analysis/boilerplate.ts (a subset: TextMate sees raw, unnormalized text).',
      patterns: [
        {
          name: 'comment.line.boilerplate.corpus',
          match:
            // The prefix sits in a lookahead: a leading `^\\s*` makes Oniguruma try every position of the line.
            '^(?=\\s*(?:[اأإ]قر[أا]\\s+[أا]يض(?:اً|ًا|ا)|[اأإ]قر[أا]\\s+كذلك|شاهد\\s+[أا]يض(?:اً|ًا|ا)|مقالات\\s+ذات\\s+صل[ةه]|مواضيع\\s+ذات\\s+صل[ةه]|تعليقات\\s+فيسبوك|اترك\\s+تعليق(?:اً|ًا|ا)?|(?i:read\\s+also|also\\s+read|see\\s+also|related\\s+articles|leave\\s+a\\s+comment))).*$',
        },
        {
          name: 'comment.line.boilerplate.corpus',
          match: '^.*(?:ملفات\\s+تعريف\\s+الارتباط|الكوكيز|(?i:we\\s+use\\s+cookies|cookie\\s+policy)).*$',
        },
      ],
    },
    inline: { patterns: [{ include: '#quotes' }, { include: '#date' }, { include: '#number' }] },
    quotes: {
      comment: 'A quotation never runs past its line: an unbalanced mark must not colour the rest of the article.',
      patterns: [
        quote('«', '»', ['#quote-curly']),
        quote('“', '”', ['#quote-guillemet']),
        quote('"', '"', ['#quote-guillemet', '#quote-curly']),
      ],
    },
    'quote-guillemet': { patterns: [quote('«', '»', [])] },
    'quote-curly': { patterns: [quote('“', '”', [])] },
    date: { patterns: dateRules.map((match) => ({ name: 'constant.other.date.corpus', match })) },
    number: {
      patterns: [
        {
          comment: 'Western, Arabic-Indic and Persian digits; decimal and thousands separators (. , ٫ ٬) and per cent (% ٪).',
          name: 'constant.numeric.corpus',
          match: `${D}${notLatinBefore}${D}*(?:[.,٫٬]${D}+)*(?:\\s?[%٪])?`,
        },
      ],
    },
  },
};

function quote(open, close, nested) {
  return {
    name: 'string.quoted.corpus',
    begin: open,
    end: `${close}|$`,
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.corpus' } },
    endCaptures: { 0: { name: 'punctuation.definition.string.end.corpus' } },
    patterns: [...nested.map((n) => ({ include: n })), { include: '#date' }, { include: '#number' }],
  };
}

fs.writeFileSync(fileURLToPath(import.meta.resolve('./corpus-text.tmLanguage.json')), JSON.stringify(grammar, null, 2) + '\n');
