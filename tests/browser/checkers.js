'use strict';
/*
 * checkers.js: every page of the module, in English and in Italian, on a
 * phone (390 px wide) and on a wide screen (1280 px), through axe-core in
 * Debian's Chromium; and the HTML of each page saved for the Nu Html
 * Checker, which tests/e2e/t0041-checkers.sh runs on them afterwards.
 * Run by that script:
 *
 *   node tests/browser/checkers.js URL USER PASS OUTDIR
 *
 * The host pages (?action=host&id=N) of the long name and of the failing
 * host are among them.
 * Environment: STATE_DIR (the page's state_dir: what ddns-dnscheck would
 * write there, so that the rows and host pages show DNS), CACHE_FILE
 * (ddclient's cache, written here so that the list
 * shows every state), SHOT_PHONE and SHOT_WIDE (PNGs of the list page).
 * Prints "ok N - what" / "not ok N - what"; exits 1 if any failed. Every
 * wait is Playwright's, bounded; nothing asserts a duration.
 *
 * axe-core is given to the page through page.evaluate (DevTools' own
 * channel, which the page's strict CSP does not govern): the CSP stays
 * on, as users get it.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { ARGS, ok, run } = require('./tap');

const [url, user, pass, outdir] = process.argv.slice(2);
if (!url || !user || pass === undefined || !outdir) {
  console.error('usage: node checkers.js URL USER PASS OUTDIR');
  process.exit(2);
}
const stateDir = process.env.STATE_DIR || '';
const cacheFile = process.env.CACHE_FILE || '';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LANGS = [
  { code: 'en', header: 'en-US,en;q=0.9' },
  { code: 'it', header: 'it-IT,it;q=0.9,en;q=0.5' },
];
const WIDTHS = [390, 1280];
const LONG = 'arthur-rimbaud-charleville-mezieres.dyndns.org';
const OK = 'ok-host.example.org';
const BAD = 'bad-login.example.org';
const OFF = 'switched-off.example.org';

/* axe-core on the loaded page: its violations, one line each. */
async function axe(page) {
  if (!await page.evaluate(() => typeof window.axe === 'object')) await page.evaluate(AXE);
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ` +
      v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', '));
  });
  return res;
}

/* What a user sees at this width: nothing wider than the screen (no
 * sideways scrolling), and no hostname broken inside a label. */
async function layout(page) {
  return page.evaluate(() => {
    const bad = [];
    const de = document.documentElement;
    if (de.scrollWidth > window.innerWidth) {
      bad.push(`page is ${de.scrollWidth} px wide on a ${window.innerWidth} px screen`);
      /* the innermost elements that reach past the screen's edge */
      const past = Array.from(document.querySelectorAll('main *')).filter((e) =>
        e.getBoundingClientRect().right > window.innerWidth + 1 &&
        !Array.from(e.children).some((k) => k.getBoundingClientRect().right > window.innerWidth + 1));
      for (const e of past.slice(0, 4)) bad.push(`  ${e.tagName.toLowerCase()}.${e.className}: "${e.textContent.trim().slice(0, 60)}"`);
    }
    for (const td of document.querySelectorAll('td.hostname')) {
      for (const t of td.querySelectorAll('.label')) {
        const r = document.createRange();
        r.selectNodeContents(t);
        /* one line box per label: never broken inside it */
        const lines = new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top)));
        if (lines.size > 1) bad.push(`"${t.textContent}" is broken over ${lines.size} lines`);
      }
    }
    return bad;
  });
}

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const saved = new Set();
  const ctxs = [];
  try {
    for (const lang of LANGS) {
      for (const width of WIDTHS) {
        const ctx = await browser.newContext({
          httpCredentials: { username: user, password: pass },
          viewport: { width, height: 860 },
          extraHTTPHeaders: { 'Accept-Language': lang.header },
        });
        ctxs.push({ ctx, page: await ctx.newPage(), lang: lang.code, width });
      }
    }

    /* check: axe, layout and the language of the page loaded in c.page;
     * its HTML (resp) saved once per language for the Nu checker. */
    async function check(c, name, resp, status) {
      const what = `${name} [${c.lang}, ${c.width} px]`;
      ok(resp && resp.status() === status, `${what}: answers ${status}`, resp && resp.status());
      const html = resp ? await resp.text() : '';
      const key = `${c.lang}-${name.replace(/[^a-z0-9]+/gi, '-')}`;
      if (!saved.has(key)) {
        saved.add(key);
        fs.writeFileSync(path.join(outdir, `${key}.html`), html);
      }
      const lang = await c.page.evaluate(() => document.documentElement.lang);
      ok(lang === c.lang, `${what}: the page is in ${c.lang}`, lang);
      const v = await axe(c.page);
      ok(v.length === 0, `${what}: axe-core finds no violation`, v.join('\n'));
      const l = await layout(c.page);
      ok(l.length === 0, `${what}: fits the screen, no hostname broken inside a label`, l.join('\n'));
    }
    async function visit(c, name, query, status) {
      const resp = await c.page.goto(`${url}${query}`, { waitUntil: 'load' });
      await check(c, name, resp, status);
    }

    /* 1. the empty list, everywhere */
    for (const c of ctxs) await visit(c, 'list, empty', '', 200);

    /* 2. hosts through the form, in one context */
    const p = ctxs[0].page;
    for (const [host, login] of [[LONG, 'arthur'], [OK, 'ok'], [BAD, 'bad'], [OFF, 'off']]) {
      await p.goto(`${url}?action=edit`, { waitUntil: 'load' });
      await p.selectOption('#f-provider', 'dyn');
      await p.fill('#f-hostname', host);
      await p.fill('#f-login', login);
      await p.fill('#f-password', 'not-shown');
      await p.fill('#f-description', host === LONG ? 'The office line at Charleville, on the second floor' : '');
      await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('form.host-form button[type=submit]')]);
    }
    const offRow = p.locator('table.hosts tbody tr', { has: p.locator('td.hostname', { hasText: OFF }) });
    await offRow.locator('details.menu summary').click();
    await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), offRow.locator('button', { hasText: 'Disable' }).click()]);
    if (cacheFile) {
      const now = Math.floor(Date.now() / 1000);
      fs.writeFileSync(cacheFile, `## ddclient-3.10.0\n## last updated\n` +
        `atime=${now},host=${OK},ip=192.0.2.7,mtime=${now},status=good ${OK}\n` +
        `atime=${now},host=${BAD},ip=,mtime=0,status=badauth ${BAD}\n`);
      /* What ddns-dnscheck would leave (STATE_DIR): OK propagating, BAD
       * with an address nobody set (grey), LONG without a record (red),
       * and changes of verdict for the host pages' timelines. */
      if (stateDir) {
        const lines = [
          `${BAD} ipv4 ${now} NOERROR 300 insecure 198.51.100.9 -`,
          `${LONG} ipv4 ${now} NXDOMAIN 300 insecure - -`,
          `${OK} ipv4 ${now} NOERROR 60 insecure 192.0.2.7 -`,
        ].sort();
        fs.writeFileSync(path.join(stateDir, 'dns'),
          `ddns-dnscheck 1\nmode authoritative\ntime ${now}\n${lines.join('\n')}\n`);
        fs.writeFileSync(path.join(stateDir, 'dns.log'), `ddns-dnslog 1\n` +
          `${now - 600} ${BAD} ipv4 could_not_check -\n` +
          `${now} ${BAD} ipv4 not_checked 198.51.100.9\n` +
          `${now} ${LONG} ipv4 no_record -\n`);
      }
    }
    const ids = await p.evaluate(() => Array.from(document.querySelectorAll('table.hosts tbody tr')).map((r) => r.id.replace('host-', '')));
    ok(ids.length === 4, 'four hosts were made through the form', ids.join(' '));
    /* the host pages: the long name (changes only), and the failing host
     * (an attempt from the cache, a change, "next try") */
    const idOf = await p.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('table.hosts tbody tr'))
      .map((r) => [r.querySelector('td.hostname').textContent.trim(), r.id.replace('host-', '')])));

    /* 3. every page, everywhere */
    for (const c of ctxs) {
      await visit(c, 'list, with hosts', '', 200);
      if (c.lang === 'en') {
        const badges = await c.page.locator('table.hosts .badge').allInnerTexts();
        ok(['Up to date', 'Error', 'Waiting', 'Disabled'].every((b) => badges.includes(b)),
          `list [${c.width} px]: each state is a badge with words`, badges.join(', '));
        if (stateDir) {
          const rows = await c.page.locator('table.hosts').innerText();
          ok(/DNS: Propagating until \d\d:\d\d/.test(rows) && /DNS: No record — /.test(rows) &&
            /DNS: Not checked — /.test(rows) && await c.page.locator('#dns-check button').count() === 1,
          `list [${c.width} px]: what DNS answers, per row, and Check DNS now`, rows);
        }
        if (c.width === 390 && process.env.SHOT_PHONE) await c.page.screenshot({ path: process.env.SHOT_PHONE, fullPage: true });
        if (c.width === 1280 && process.env.SHOT_WIDE) await c.page.screenshot({ path: process.env.SHOT_WIDE, fullPage: true });
      }
      if (c.width === 390) {
        const stacked = await c.page.evaluate(() => getComputedStyle(document.querySelector('table.hosts tr')).display);
        ok(stacked === 'block' || stacked === 'flex', `list [${c.lang}, 390 px]: each host is a block of its own (a card)`, stacked);
      }
      await visit(c, 'form, empty', '?action=edit', 200);
      await c.page.fill('#f-hostname', '-bad.example.com');
      await c.page.fill('#f-login', '');
      const [resp] = await Promise.all([c.page.waitForNavigation({ waitUntil: 'load' }),
        c.page.click('form.host-form button[type=submit]')]);
      await check(c, 'form, with errors', resp, 422);
      ok(await c.page.locator('[autofocus]').count() === 1, `form with errors [${c.lang}, ${c.width} px]: one field has the focus`);
      await visit(c, 'form, modify', `?action=edit&id=${ids[0]}`, 200);
      await visit(c, 'form, copy', `?action=edit&copy=${ids[0]}`, 200);
      await visit(c, 'delete confirmation', `?action=delete&id=${ids[0]}`, 200);
      await visit(c, 'history', '?action=history', 200);
      await visit(c, 'host page, long name', `?action=host&id=${idOf[LONG]}`, 200);
      await visit(c, 'host page, failing', `?action=host&id=${idOf[BAD]}`, 200);
      if (stateDir && c.lang === 'en') {
        const dns = (await c.page.locator('#dns').innerText().catch(() => '')) || '';
        const tl = (await c.page.locator('#timeline').innerText().catch(() => '')) || '';
        ok(/DNS: Not checked/.test(dns) && await c.page.locator('#dns-check button').count() === 1 &&
          /DNS verdict \(IPv4\): Not checked/.test(tl) && /DNS verdict \(IPv4\): Could not check/.test(tl),
        `host page [${c.width} px]: what DNS answers, the Check DNS now button, the verdicts in the timeline`,
        `${dns}\n${tl}`);
      }
      await visit(c, 'what ddclient reads', '?action=config', 200);
      await visit(c, 'error page', '?action=edit&id=999999', 404);
    }
  } finally {
    for (const c of ctxs) await c.ctx.close().catch(() => {});
    await browser.close().catch(() => {});
  }
}

run('checkers.js', main, 240000);
