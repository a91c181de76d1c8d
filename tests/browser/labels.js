'use strict';
/*
 * labels.js: the form walked preset by preset, in English and Italian:
 * each choice shows its fields under the words that provider uses for
 * its login and password (Lang.Label in templates/lang/LANG.hdf, else
 * Lang.Field's), and every field shown has a label. With JavaScript the
 * labels follow the choice; without it the server writes the chosen
 * provider's (a form sent back with an error). Run by
 * tests/e2e/t0040-browser.sh:
 *
 *   node tests/browser/labels.js URL USER PASS LANGDIR
 *
 * Prints "ok N - what" / "not ok N - what"; exits 1 if any failed.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { ARGS, ok, run } = require('./tap');

const [url, user, pass, langdir] = process.argv.slice(2);
if (!url || !user || pass === undefined || !langdir) {
  console.error('usage: node labels.js URL USER PASS LANGDIR');
  process.exit(2);
}
const LANGS = [
  { code: 'en', header: 'en-US,en;q=0.9' },
  { code: 'it', header: 'it-IT,it;q=0.9,en;q=0.5' },
];

/* The "  NAME {" block of Lang in a lang file, as key -> text. */
function block(file, name) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = {};
  let inside = false;
  for (const l of lines) {
    if (l === `  ${name} {`) inside = true;
    else if (inside && l === '  }') break;
    else if (inside) {
      const m = /^ {4}([a-z0-9_.]+) = (.*)$/.exec(l);
      if (m) out[m[1]] = m[2];
    }
  }
  return out;
}

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    for (const lang of LANGS) {
      const file = path.join(langdir, `${lang.code}.hdf`);
      const field = block(file, 'Field');
      const label = block(file, 'Label');
      const want = (id, f) => label[`${id}.${f}`] || field[f];
      const ctx = await browser.newContext({ httpCredentials: { username: user, password: pass },
        extraHTTPHeaders: { 'Accept-Language': lang.header } });
      const page = await ctx.newPage();
      await page.goto(`${url}?action=edit`, { waitUntil: 'load' });
      const ids = await page.locator('#f-provider option').evaluateAll((os) => os.map((o) => o.value));
      const wrong = [];
      let walked = 0, own = 0;
      for (const id of ids) {
        await page.selectOption('#f-provider', id);
        walked++;
        for (const f of ['login', 'password']) {
          if (!await page.locator(`#f-${f}`).isVisible()) continue;
          const text = (await page.locator(`label[for="f-${f}"]`).innerText()).trim();
          if (text !== want(id, f)) wrong.push(`${id} ${f}: "${text}", not "${want(id, f)}"`);
          if (label[`${id}.${f}`]) own++;
        }
        const empty = await page.locator('.field:not(.is-hidden)').evaluateAll((fs2) => fs2
          .filter((b) => { const l = b.querySelector('label'); return !l || !l.textContent.trim(); })
          .map((b) => b.getAttribute('data-field')));
        if (empty.length) wrong.push(`${id}: no label on ${empty.join(', ')}`);
      }
      ok(walked >= 20 && wrong.length === 0,
        `[${lang.code}] each of the ${walked} providers: its fields labelled, login and password in its own words (${own} own)`,
        wrong.slice(0, 8).join('\n'));
      ok(own >= 20 && label['cloudflare.password'] && label['nsupdate.login'],
        `[${lang.code}] providers name their secrets: Cloudflare's "${label['cloudflare.password']}", the own DNS server's "${label['nsupdate.login']}"`);
      await ctx.close();

      /* without JavaScript: the server labels the chosen provider's fields */
      const plain = await browser.newContext({ httpCredentials: { username: user, password: pass },
        extraHTTPHeaders: { 'Accept-Language': lang.header }, javaScriptEnabled: false });
      const p2 = await plain.newPage();
      await p2.goto(`${url}?action=edit`, { waitUntil: 'load' });
      await p2.selectOption('#f-provider', 'cloudflare');
      await p2.fill('#f-hostname', '-bad.example.com');
      const [resp] = await Promise.all([p2.waitForNavigation({ waitUntil: 'load' }),
        p2.click('form.host-form button[type=submit]')]);
      const got = {
        login: (await p2.locator('label[for="f-login"]').innerText()).trim(),
        password: (await p2.locator('label[for="f-password"]').innerText()).trim(),
      };
      ok(resp.status() === 422 && got.login === want('cloudflare', 'login') && got.password === want('cloudflare', 'password'),
        `[${lang.code}] without JavaScript, the form sent back for Cloudflare labels its login and password as Cloudflare does`,
        `${resp.status()} ${JSON.stringify(got)}`);
      await plain.close();
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

run('labels.js', main, 150000);
