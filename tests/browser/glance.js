'use strict';
/*
 * glance.js: the list of 20 healthy hosts read at a glance, measured in
 * Debian's Chromium (playwright-core). Run by tests/e2e/t0040-browser.sh
 * on an instance whose list holds them, in English and in Italian:
 *
 *   node tests/browser/glance.js URL USER PASS
 *
 * At 1280 px: the whole page fits in one screen height (1,000 px), and
 * each healthy row is one line (every cell's text on one line box). At
 * 390 px: nothing is wider than the screen, and every action of every
 * row (the menu's too, once opened) can be reached: scrolled to, it is
 * the element under its own centre. Environment: SHOT_WIDE, SHOT_PHONE
 * (PNGs of the English list, optional).
 * Prints "ok N - what" / "not ok N - what"; exits 1 if any failed.
 */
const { chromium } = require('playwright-core');
const { ARGS, ok, run } = require('./tap');

const [url, user, pass] = process.argv.slice(2);
if (!url || !user || pass === undefined) {
  console.error('usage: node glance.js URL USER PASS');
  process.exit(2);
}
const LANGS = [
  { code: 'en', header: 'en-US,en;q=0.9' },
  { code: 'it', header: 'it-IT,it;q=0.9,en;q=0.5' },
];
const SCREEN = 1000;

/* The rows that wrap: a healthy row's cell whose visible text lies on
 * more than one line (its line boxes do not all share a height band). */
function wrappedRows() {
  const bad = [];
  for (const tr of document.querySelectorAll('table.hosts tbody tr.state-ok')) {
    for (const td of tr.cells) {
      /* the text a sighted user sees: not the words kept for screen
       * readers only (.vh) */
      const rects = [];
      const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        if (!t.textContent.trim() || t.parentElement.closest('.vh') || !t.parentElement.checkVisibility()) continue;
        const r = document.createRange();
        r.selectNodeContents(t);
        rects.push(...Array.from(r.getClientRects()).filter((x) => x.width > 0 && x.height > 0));
      }
      if (rects.length === 0) continue;
      const top = Math.max(...rects.map((x) => x.top));
      const bottom = Math.min(...rects.map((x) => x.bottom));
      if (top >= bottom) bad.push(`${tr.cells[1].textContent.trim()}: ${td.dataset.label} wraps ("${td.innerText.trim()}")`);
    }
  }
  return bad;
}

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    for (const lang of LANGS) {
      const ctx = await browser.newContext({
        httpCredentials: { username: user, password: pass },
        viewport: { width: 1280, height: SCREEN },
        extraHTTPHeaders: { 'Accept-Language': lang.header },
      });
      const page = await ctx.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const rows = await page.locator('table.hosts tbody tr.state-ok').count();
      ok(rows === 20, `[${lang.code}] the list shows 20 healthy hosts`, rows);
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      ok(h <= SCREEN, `[${lang.code}, 1280 px] 20 healthy hosts fit in one screen height (${h} of ${SCREEN} px)`, h);
      const wide0 = await page.evaluate(() => document.documentElement.scrollWidth);
      ok(wide0 <= 1280, `[${lang.code}, 1280 px] no horizontal scroll (${wide0} px)`, wide0);
      const w = await page.evaluate(wrappedRows);
      ok(w.length === 0, `[${lang.code}, 1280 px] each healthy row is one line`, w.slice(0, 5).join('\n'));
      const hidden = await page.evaluate(() => Array.from(document.querySelectorAll('tr.state-ok .status'))
        .filter((s) => s.offsetParent !== null).length);
      ok(hidden === 0, `[${lang.code}, 1280 px] a healthy row shows no sentence (the badge says it)`, hidden);
      if (lang.code === 'en' && process.env.SHOT_WIDE) await page.screenshot({ path: process.env.SHOT_WIDE, fullPage: true });

      await page.setViewportSize({ width: 390, height: 844 });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      ok(wide <= 390, `[${lang.code}, 390 px] no horizontal scroll (${wide} px)`, wide);
      /* every action: the visible ones, then the menu's once opened */
      const unreachable = [];
      const ids = await page.evaluate(() => Array.from(document.querySelectorAll('table.hosts tbody tr')).map((r) => r.id));
      let actions = 0;
      for (const id of ids) {
        const menu = page.locator(`#${id} details.menu`);
        for (const open of [false, true]) {
          if (open) await menu.locator('summary').click();
          const sel = open ? `#${id} details.menu .menu-items > *` : `#${id} td.actions > a, #${id} td.actions > button, #${id} details.menu summary`;
          const els = page.locator(sel);
          for (let i = 0; i < await els.count(); i++) {
            const el = els.nth(i);
            await el.scrollIntoViewIfNeeded();
            const hit = await el.evaluate((e) => {
              const r = e.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              const top = document.elementFromPoint(x, y);
              return r.left >= 0 && r.right <= window.innerWidth && top !== null && (top === e || e.contains(top));
            });
            actions++;
            if (!hit) unreachable.push(`${id}: ${await el.innerText()}`);
          }
          if (open) await menu.locator('summary').click();
        }
      }
      ok(unreachable.length === 0 && actions >= 20 * 5,
        `[${lang.code}, 390 px] every action of every row can be reached (${actions})`, unreachable.slice(0, 5).join('\n'));
      if (lang.code === 'en' && process.env.SHOT_PHONE) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: process.env.SHOT_PHONE, fullPage: true });
      }
      await ctx.close();
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

run('glance.js', main, 120000);
