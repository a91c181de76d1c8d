'use strict';
/*
 * live.js: after a Save, the list turns the row "up to date" once ddclient
 * has updated the host at the (fake) provider: with JavaScript, by itself,
 * without a reload (the page follows the status JSON); without it, through
 * the summary's refresh link. Run by tests/e2e/t0040-browser.sh, with the
 * real ddclient running as a daemon and a fake dyndns2 provider on
 * 127.0.0.1:PORT:
 *
 *   node tests/browser/live.js URL USER PASS PORT CONTROL
 *
 * CONTROL is the fake's control file: {"hold": true} there keeps its
 * answer back until the row has been seen waiting (no race with ddclient).
 * Prints "ok N - what" / "not ok N - what"; exits 1 if any failed. Every
 * wait is bounded (WAIT); nothing asserts a duration.
 */
const fs = require('fs');
const { chromium } = require('playwright-core');
const { ARGS, ok, run } = require('./tap');

const [url, user, pass, port, control] = process.argv.slice(2);
if (!url || !user || pass === undefined || !port || !control) {
  console.error('usage: node live.js URL USER PASS PORT CONTROL');
  process.exit(2);
}
const WAIT = 40000;	/* ddclient's answer after a Save: a bound, not a check */

/* Create HOST through the form (Custom, dyndns2 at the fake); back on the list. */
async function save(page, host) {
  await page.goto(`${url}?action=edit`, { waitUntil: 'load' });
  await page.selectOption('#f-provider', 'custom');
  await page.selectOption('#f-protocol', 'dyndns2');
  await page.fill('#f-hostname', host);
  await page.fill('#f-server', `127.0.0.1:${port}`);
  await page.fill('#f-login', 'live');
  await page.fill('#f-password', 'live-secret');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
    page.click('form.host-form button[type=submit]')]);
}
/* What the fake provider does: hold its answers back, or give them. */
function hold(on) {
  fs.writeFileSync(`${control}.tmp`, JSON.stringify(on ? { hold: true } : {}));
  fs.renameSync(`${control}.tmp`, control);
}
const rowOf = (page, host) => page.locator('table.hosts tbody tr', { has: page.locator('td.hostname', { hasText: host }) });
const badgeOf = (page, host) => rowOf(page, host).locator('.badge').innerText().catch(() => '');

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    /* 1. with JavaScript: the row changes in place */
    let ctx = await browser.newContext({ httpCredentials: { username: user, password: pass } });
    let page = await ctx.newPage();
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url || '')) errors.push(`${m.text()} [${m.location().url}]`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    let loads = 0;
    page.on('load', () => { loads++; });
    const JS = 'live-js.example.com';
    hold(true);
    await save(page, JS);
    const before = await badgeOf(page, JS);
    ok(before === 'Waiting', 'with JavaScript: after Save the row says Waiting', before);
    loads = 0;
    await page.evaluate(() => { window.__same = 1; });
    hold(false);
    const turned = await page.waitForFunction((h) => Array.from(document.querySelectorAll('table.hosts tbody tr'))
      .some((tr) => tr.cells[1].textContent.trim() === h && tr.querySelector('.badge').textContent === 'Up to date'),
    JS, { timeout: WAIT, polling: 250 }).then(() => true, () => false);
    ok(turned, 'with JavaScript: the row turns "Up to date" once ddclient has updated it', await badgeOf(page, JS));
    ok(loads === 0 && await page.evaluate(() => window.__same === 1),
      'with JavaScript: without a reload (the same document)', `loads ${loads}`);
    const summary = await page.locator('#summary').innerText();
    ok(/1 up to date, 0 failing, 0 waiting/.test(summary) && await page.locator('#refresh').count() === 0,
      'with JavaScript: the summary follows, and offers no refresh any more', summary);
    const addr = await rowOf(page, JS).locator('td.address').innerText();
    ok(/203\.0\.113\.7/.test(addr), 'with JavaScript: the row shows the address set', addr);
    ok(errors.length === 0, 'with JavaScript: no console error (the CSP lets the page ask its server)', errors.join('\n'));
    await ctx.close();

    /* 2. without JavaScript: the refresh link gets there */
    ctx = await browser.newContext({ httpCredentials: { username: user, password: pass }, javaScriptEnabled: false });
    page = await ctx.newPage();
    const NOJS = 'live-nojs.example.com';
    hold(true);
    await save(page, NOJS);
    const b0 = await badgeOf(page, NOJS);
    ok(b0 === 'Waiting' && await page.locator('#refresh').count() === 1,
      'without JavaScript: after Save the row says Waiting, and the summary offers a refresh link', b0);
    hold(false);
    let b = b0;
    for (let i = 0; i < WAIT / 1000 && b !== 'Up to date' && await page.locator('#refresh').count() === 1; i++) {
      await page.waitForTimeout(1000);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#refresh')]);
      b = await badgeOf(page, NOJS);
    }
    ok(b === 'Up to date', 'without JavaScript: the refresh link gets the row to "Up to date"', b);
    ok(await page.locator('#refresh').count() === 0, 'without JavaScript: then no refresh link (nothing waits)');
    await ctx.close();
  } finally {
    await browser.close().catch(() => {});
  }
}

run('live.js', main, 150000);
