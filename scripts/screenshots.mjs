// `npm run screenshots`: README images of the real workbench. Starts the VS Code server with the
// extension on (a copy of) samples/corpus, drives it with headless Chromium at 1400x900 and writes
// PNGs to media/:
//   screenshot-workbench.png  the Corpus view container and a highlighted Arabic document
//   screenshot-hover.png      the entity hover card over a person mention in that document
//   screenshot-tree.png       the Documents view (wide enough for dates and counts) and the
//                             Entities view with People and one person expanded to its mentions
//   screenshot-timeline.png   the timeline webview (command palette), side bar hidden
// Each shot is attempted on its own: if one fails the others are still written, the failing
// page is saved to out/screenshots-failure-<name>.png and the script exits 1 naming the failures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtension } from './build-tests.mjs';
import { launchBrowser, openTimeline } from './browser.mjs';
import { onShutdown, ROOT, startServer } from './vscode-server.mjs';

const SAMPLES = path.join(ROOT, 'samples', 'corpus');
const MEDIA = path.join(ROOT, 'media');
const OUT = path.join(ROOT, 'out');
const TIMEOUT_MS = Number(process.env.SCREENSHOTS_TIMEOUT_MS) || 5 * 60_000;
const SETTLE_MS = Number(process.env.SCREENSHOT_SETTLE_MS) || 0;
// Preferred document to show (Arabic text shows off the highlighting); else the first .txt.
const PREFERRED_DOC = process.env.SCREENSHOT_DOC || '2018-09-17-sochi-idlib-memorandum.txt';
// Person mentions to hover, first found in the open document wins.
const HOVER_WORDS = (process.env.SCREENSHOT_HOVER_WORD || 'بوتين,إردوغان,لافروف').split(',');
// Person to expand in the Entities view (a few mentions, so the list stays short); else the first
// person with 3 to 8 mentions.
const TREE_PERSON = process.env.SCREENSHOT_TREE_PERSON || 'لافروف';
// Review state seeded into the copy, so the Documents view shows its reviewed / flagged icons.
const DEMO_REVIEW = {
  '2017-05-04-astana-deescalation-memorandum.txt': { state: 'reviewed', at: '2024-05-02T09:12:00.000Z' },
  '2017-09-15-astana-6-idlib-zone.txt': { state: 'reviewed', at: '2024-05-02T09:40:00.000Z' },
  '2018-09-17-sochi-idlib-memorandum.txt': { state: 'reviewed', at: '2024-05-02T10:05:00.000Z' },
  '2019-10-17-pence-ankara-peace-spring-pause.txt': { state: 'flagged', at: '2024-05-02T10:31:00.000Z', note: 'check the date' },
};

let server = null;
let browser = null;
let tmp = null;
const cleanup = onShutdown(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});
const overall = setTimeout(async () => {
  console.error(`[screenshots] FAILED: timed out after ${TIMEOUT_MS / 1000} s`);
  await cleanup();
  process.exit(1);
}, TIMEOUT_MS);

const settle = (page, ms) => page.waitForTimeout(SETTLE_MS || ms);

async function shot(page, name) {
  const file = path.join(MEDIA, name);
  await page.screenshot({ path: file });
  console.log(`[screenshots] wrote ${path.relative(ROOT, file)}`);
}

// Where the pointer rests for a picture: an empty stretch of the title bar, which has no tooltip.
const REST = { x: 1150, y: 16 };
const rest = (page) => page.mouse.move(REST.x, REST.y);

/** Closes whatever a failed step left open (quick input, hover, context menu). */
async function reset(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => {});
  await rest(page).catch(() => {});
}

const failures = [];
/** Runs one shot; a failure is recorded (with a picture of the page) and does not stop the rest. */
async function attempt(name, page, fn) {
  try {
    await fn();
  } catch (err) {
    failures.push(name);
    console.error(`[screenshots] ${name} FAILED: ${err.stack || err}`);
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, `screenshots-failure-${name}.png`);
    await page.screenshot({ path: file }).then(() => console.error(`[screenshots]   page at failure: ${path.relative(ROOT, file)}`), () => {});
    await reset(page);
  }
}

/** Opens `doc` through Quick Open, so it does not depend on how the Documents view labels items. */
async function openDocument(page, doc) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(doc);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/**
 * Screen boxes of `word` in the active editor's rendered lines (one per occurrence, in document
 * order), measured with a DOM Range so right-to-left text is located exactly.
 */
function wordBoxes(page, word) {
  return page.evaluate((word) => {
    const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines')
      ?? document.querySelector('.editor-group-container .monaco-editor .view-lines');
    if (!lines) return [];
    const boxes = [];
    for (const line of lines.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = node.data.indexOf(word); i >= 0; i = node.data.indexOf(word, i + word.length)) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + word.length);
          const r = range.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) boxes.push({ x: r.x, y: r.y, width: r.width, height: r.height, top: parseFloat(line.style.top) || r.y });
        }
      }
    }
    // View lines are not kept in document order in the DOM; their `top` is.
    return boxes.sort((a, b) => a.top - b.top || b.x - a.x);
  }, word);
}

let exitCode = 1;
let page = null;
try {
  buildExtension();
  // A copy named "corpus", so the extension's state files never land in samples/ and the
  // window title still reads "corpus".
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-shots-'));
  const folder = path.join(tmp, 'corpus');
  fs.cpSync(SAMPLES, folder, { recursive: true });
  const docs = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  const doc = docs.includes(PREFERRED_DOC) ? PREFERRED_DOC : docs[0];
  const review = Object.fromEntries(Object.entries(DEMO_REVIEW).filter(([p]) => docs.includes(p)));
  if (!fs.existsSync(path.join(folder, '.corpus', 'review.json')) && Object.keys(review).length) {
    fs.mkdirSync(path.join(folder, '.corpus'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.corpus', 'review.json'), JSON.stringify({ version: 1, documents: review }, null, 2) + '\n');
  }

  // Word wrap: Arabic lines are long, and wrapped they read in full in the picture. Hovers open
  // below the word (which the hover shot scrolls near the top) so the card has the most room.
  server = await startServer({
    folder,
    verbose: !!process.env.VERBOSE,
    settings: { 'editor.wordWrap': 'on', 'editor.hover.above': false, 'editor.hover.delay': 300, 'workbench.tree.indent': 12 },
  });
  browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  page = browser.page;
  page.setDefaultTimeout(30_000);
  await page.goto(server.url({ extensionDevelopmentPath: ROOT }));
  await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });

  // The Corpus view container.
  const corpusItem = page.locator('.part.activitybar .action-item a[aria-label^="Corpus"]').first();
  await corpusItem.waitFor({ state: 'visible' });
  await corpusItem.click();
  await page.locator('.part.sidebar .pane-header', { hasText: 'Documents' }).first().waitFor({ state: 'visible' });
  fs.mkdirSync(MEDIA, { recursive: true });

  // 1. Workbench: a document in the editor.
  await attempt('workbench', page, async () => {
    if (doc) {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }); // focus the workbench
      await openDocument(page, doc);
    } else {
      console.warn('[screenshots] samples/corpus has no .txt documents yet; the editor stays empty');
    }
    // Let the index, tree views and decorations settle (they update asynchronously).
    await settle(page, 3000);
    await rest(page); // no hover widgets or tooltips in the picture
    await page.waitForTimeout(300);
    await shot(page, 'screenshot-workbench.png');
  });

  // 2. Hover card over a person mention.
  await attempt('hover', page, async () => {
    if (!doc) throw new Error('no document to hover in');
    await openDocument(page, doc); // no-op if already active; recovers if the workbench shot failed
    await page.keyboard.press('Control+Home');
    await settle(page, 1000);
    let word = null;
    let boxes = [];
    for (const w of HOVER_WORDS) {
      boxes = await wordBoxes(page, w);
      if (boxes.length) { word = w; break; }
    }
    if (!word) throw new Error(`none of ${HOVER_WORDS.join(', ')} is visible in ${doc}`);
    // The topmost occurrence (the document is at its top): the card opens below it, with the
    // most room.
    const box = boxes[0];
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents').filter({ hasText: /\S/ }).first();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    let shown = false;
    for (const dx of [0, -box.width / 4, box.width / 4, -box.width / 3, box.width / 3]) {
      await rest(page);
      await page.waitForTimeout(200);
      await page.mouse.move(cx + dx - 3, cy, { steps: 2 });
      await page.mouse.move(cx + dx, cy, { steps: 2 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 4000 });
        shown = true;
        break;
      } catch { /* try another point on the glyphs */ }
    }
    if (!shown) throw new Error(`no hover card appeared over «${word}» at (${Math.round(cx)}, ${Math.round(cy)})`);
    // Wait for the card's full content (the entity card, not only a loading line).
    const card = page.locator('.monaco-resizable-hover', { has: page.locator('.monaco-hover:not(.hidden)') }).first();
    await card.filter({ hasText: 'mentions' }).waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    // The card starts at most 250 px tall (it scrolls); drag its bottom edge down so the whole card
    // (names, roles, mentions, "Said in the corpus") reads. VS Code keeps that size for the hover.
    const sash = card.locator('.monaco-sash.horizontal:not(.disabled)').last();
    const cardBox = await card.boundingBox();
    const sashBox = (await sash.count()) ? await sash.boundingBox() : null;
    if (cardBox && sashBox && sashBox.y > cardBox.y + cardBox.height / 2) {
      const sx = sashBox.x + sashBox.width / 2;
      const sy = sashBox.y + sashBox.height / 2;
      const bottom = (page.viewportSize()?.height ?? 900) - 40; // above the status bar
      await page.mouse.move(sx, sy, { steps: 3 });
      await page.mouse.down();
      await page.mouse.move(sx, sy + 50, { steps: 3 });
      await page.mouse.move(sx, bottom, { steps: 5 });
      await page.mouse.up();
      // Rest the pointer inside the card (the card stays; the sash loses its highlight).
      await page.mouse.move(cardBox.x + 20, cardBox.y + 20, { steps: 5 });
    } else {
      console.warn('[screenshots] hover card has no bottom resize edge; it keeps its default height');
    }
    await card.waitFor({ state: 'visible' });
    await settle(page, 800);
    await shot(page, 'screenshot-hover.png');
    await reset(page);
  });

  // 3. Corpus tree: Documents with dates, counts and review icons; Entities with People and one
  // person expanded.
  await attempt('tree', page, async () => {
    await reset(page);
    const sidebar = page.locator('.part.sidebar');
    await sidebar.waitFor({ state: 'visible' });
    // Widen the side bar by dragging its sash, so item descriptions (date · entities) show.
    const drag = async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
      await page.waitForTimeout(300);
    };
    const SIDEBAR_WIDTH = 780;
    const sb = await sidebar.boundingBox();
    if (sb && sb.width < SIDEBAR_WIDTH - 20) {
      await drag({ x: sb.x + sb.width - 1, y: sb.y + sb.height / 2 }, { x: sb.x + SIDEBAR_WIDTH, y: sb.y + sb.height / 2 });
    }
    const pane = (title) => page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
    const entities = pane('Entities');
    // Give the Entities view the room the Documents view does not need: move the split between
    // them up to just below the last document.
    const documentRows = pane('Documents').locator('.monaco-list-row');
    await documentRows.first().waitFor({ state: 'visible' });
    const lastDoc = await documentRows.last().boundingBox();
    const header = await entities.locator('.pane-header').boundingBox();
    if (lastDoc && header && header.y > lastDoc.y + lastDoc.height + 30) {
      const x = header.x + header.width / 2;
      await drag({ x, y: header.y }, { x, y: lastDoc.y + lastDoc.height + 12 });
    }
    const row = (text) => entities.locator('.monaco-list-row', { hasText: text }).first();
    const people = row('People');
    await people.waitFor({ state: 'visible' });
    if ((await people.getAttribute('aria-expanded')) !== 'true') await people.click();
    // The person: the preferred one if listed, else the first with a few mentions.
    const personRows = entities.locator('.monaco-list-row[aria-level="2"]');
    await personRows.first().waitFor({ state: 'visible' });
    let person = entities.locator('.monaco-list-row[aria-level="2"]', { hasText: TREE_PERSON }).first();
    if (!(await person.count())) {
      person = null;
      for (const r of await personRows.all()) {
        const m = /·\s*(\d+)/.exec((await r.textContent()) ?? '');
        if (m && +m[1] >= 3 && +m[1] <= 8) { person = r; break; }
      }
      person ??= personRows.first();
    }
    await person.scrollIntoViewIfNeeded();
    if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();
    await entities.locator('.monaco-list-row[aria-level="3"]').first().waitFor({ state: 'visible' });
    // Show the person near the top of the Entities list, with its mentions below it.
    await person.scrollIntoViewIfNeeded();
    await rest(page);
    await settle(page, 800);
    await shot(page, 'screenshot-tree.png');
  });

  // 4. The timeline, through the command palette as a user would run it. The side bar is
  // hidden so the chart gets the width; the webview sits in two nested iframes.
  await attempt('timeline', page, async () => {
    await reset(page);
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');
    const webview = await openTimeline(page);
    // Select an Arabic sentence that names an agreement by its date, so the details pane shows it.
    const linked = webview.locator('.ev.linked').first();
    if (await linked.count()) await linked.focus();
    await settle(page, 1500);
    await shot(page, 'screenshot-timeline.png');
  });

  if (failures.length) console.error(`[screenshots] FAILED: ${failures.join(', ')} (see the errors above and out/screenshots-failure-*.png)`);
  else exitCode = 0;
} catch (err) {
  console.error(`[screenshots] FAILED: ${err.stack || err}`);
  fs.mkdirSync(OUT, { recursive: true });
  if (page) await page.screenshot({ path: path.join(OUT, 'screenshots-failure.png') }).catch(() => {});
} finally {
  clearTimeout(overall);
  await cleanup();
}
process.exit(exitCode);
