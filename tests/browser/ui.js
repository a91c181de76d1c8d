'use strict';
/*
 * ui.js: the Dynamic DNS page driven in a real browser (Debian's
 * /usr/bin/chromium, headless, through playwright-core), as a user would
 * use it. Run by tests/e2e/t0040-browser.sh:
 *
 *   node tests/browser/ui.js URL USER PASS
 *
 * URL is the CGI (http://127.0.0.1:PORT/cgi-bin/ddns.cgi), USER and PASS
 * the web server's basic authentication. Environment:
 *   HOST_PASSWORD  the provider password typed into the form (the shell
 *                  script checks the stored one afterwards)
 *   SCREENSHOT     where to write a PNG of the list page (optional)
 *
 * Prints "ok N - what" / "not ok N - what" per assertion and "# ..."
 * diagnostics; exits 1 if any assertion failed. Never asserts durations:
 * every wait is Playwright's, bounded by a generous timeout.
 *
 * It leaves exactly one host behind, arthur-rimbaud.dyndns.org, created
 * with HOST_PASSWORD and then modified with the password left empty.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
/* Chromium's flags on this machine */
const { ARGS } = require('./tap');

const [url, user, pass] = process.argv.slice(2);
if (!url || !user || pass === undefined) {
  console.error('usage: node ui.js URL USER PASS');
  process.exit(2);
}
const hostPassword = process.env.HOST_PASSWORD || 'S3c\'r#t "x\\';
const screenshot = process.env.SCREENSHOT || '';
const stateDir = process.env.STATE_DIR || '';
const cacheFile = process.env.CACHE_FILE || '';
const ddv = process.env.DDV || '3.10';
const WAIT = 15000;		/* per wait; a bound, not an assertion */
const HOST = 'arthur-rimbaud.dyndns.org';
const XSS = '<img src=x onerror=alert(1)>';


let n = 0;
let failed = 0;
function ok(cond, what, diag) {
  n++;
  if (cond) {
    console.log(`ok ${n} - ${what}`);
  } else {
    failed++;
    console.log(`not ok ${n} - ${what}`);
    if (diag !== undefined) {
      for (const line of String(diag).split('\n')) console.log(`#   ${line}`);
    }
  }
  return cond;
}

/* Hard bound on the whole run, so that a hang never blocks the suite. */
const watchdog = setTimeout(() => {
  ok(false, 'ui.js finished within its overall bound (hung?)');
  process.exit(1);
}, 150000);

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-profile-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ARGS,
      httpCredentials: { username: user, password: pass },
      viewport: { width: 1280, height: 800 },
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    await run(page);
  } catch (e) {
    ok(false, 'the browser run ended without an exception', e && e.stack || e);
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function run(page) {
  page.setDefaultTimeout(WAIT);
  page.setDefaultNavigationTimeout(WAIT);

  /* Everything the page reports: console errors (a CSP violation is one),
   * uncaught exceptions, dialogs (an executed alert), and the page's own
   * securitypolicyviolation events. */
  const errors = [];
  const dialogs = [];
  let favicon = 0;
  let refused422 = 0;
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    /* The browser's own request for /favicon.ico (the page links none,
     * and the test server has none) is not the page's doing. */
    if (/^Failed to load resource: .*\b404\b/.test(m.text()) &&
        new URL(m.location().url || 'about:blank', url).pathname === '/favicon.ico') {
      favicon++;
      return;
    }
    /* The form sent back with its errors is answered 422 by design;
     * Chromium logs that status of the document itself as an error. */
    if (/^Failed to load resource: .*\b422\b/.test(m.text()) &&
        /[?&]action=save\b/.test(m.location().url || '')) {
      refused422++;
      return;
    }
    errors.push(`${m.text()} [${m.location().url} on ${page.url()}]`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message} [on ${page.url()}]`));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  let seen = 0;
  /* The console errors since the last call. */
  function newErrors() {
    const e = errors.slice(seen);
    seen = errors.length;
    return e;
  }
  const cspEvents = () => page.evaluate(() => window.__csp || []);
  const cspText = (list) => list.filter((t) => /Content Security Policy/i.test(t));

  /* Helpers: waits bounded by WAIT; a miss is false, not an exception. */
  async function shown(sel) {
    try { await page.locator(sel).waitFor({ state: 'visible', timeout: WAIT }); return true; } catch { return false; }
  }
  async function gone(sel) {
    try { await page.locator(sel).waitFor({ state: 'hidden', timeout: WAIT }); return true; } catch { return false; }
  }
  /* Field boxes of the form: visible (and enabled) or hidden (and disabled). */
  async function fieldsShown(names) {
    for (const f of names) {
      if (!await shown(`#f-${f}`)) return `${f} is not visible`;
      if (await page.locator(`#f-${f}`).isDisabled()) return `${f} is visible but disabled`;
    }
    return '';
  }
  async function fieldsHidden(names) {
    for (const f of names) {
      if (!await gone(`#f-${f}`)) return `${f} is visible`;
      if (!await page.locator(`#f-${f}`).isDisabled()) return `${f} is hidden but not disabled (it would be sent)`;
    }
    return '';
  }
  /* Click and wait for the page that the click loads. */
  async function clickAndLoad(locator) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  }
  const row = (host) => page.locator('table.hosts tbody tr', {
    has: page.locator('td.hostname', { hasText: host }),
  });
  const notice = async () => ((await page.locator('#notice').textContent({ timeout: WAIT }).catch(() => '')) || '').trim();

  /* ---- 1. the list page, under the strict CSP ---- */
  let jsStatus = 0;
  page.on('response', (r) => { if (r.url().endsWith('/ddns.js')) jsStatus = r.status(); });
  const resp = await page.goto(url, { waitUntil: 'load' });
  ok(resp && resp.status() === 200, 'list page loads (200)', resp && resp.status());
  const csp = (resp && resp.headers()['content-security-policy']) || '';
  ok(/default-src 'none'/.test(csp) && /script-src 'self'/.test(csp),
    'list page is served with the strict Content-Security-Policy', csp);
  ok(jsStatus === 200, 'list page loaded ddns.js', `status ${jsStatus}`);
  ok(await shown('#empty'), 'list page: empty state shown on a new instance');
  /* The Create button must be readable: its text against its own
   * background, WCAG contrast of at least 4.5 (computed colours). */
  const cr = await page.locator('#create').evaluate((el) => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const st = getComputedStyle(el);
    const [l1, l2] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))].sort((a, b) => b - a);
    return { ratio: (l1 + 0.05) / (l2 + 0.05), color: st.color, background: st.backgroundColor, text: el.innerText };
  });
  ok(cr.ratio >= 4.5 && /Create/.test(cr.text),
    'list page: the Create button is readable (text contrasts with its background)',
    `contrast ${cr.ratio.toFixed(2)}: color ${cr.color} on background ${cr.background}`);
  let e = newErrors();
  ok(e.length === 0, 'list page: no console error, no uncaught exception', e.join('\n'));
  ok(cspText(e).length === 0 && (await cspEvents()).length === 0,
    'list page: no Content-Security-Policy violation', cspText(e).concat(await cspEvents()).join('\n'));

  /* ---- 2. the create form shows only the provider's fields ---- */
  await clickAndLoad(page.locator('#create'));
  ok(await shown('form.host-form'), 'Create opens the form');
  e = newErrors();
  ok(e.length === 0 && (await cspEvents()).length === 0,
    'create form: no console error, no CSP violation (ddns.js runs under the CSP)',
    e.concat(await cspEvents()).join('\n'));
  await page.selectOption('#f-provider', 'dyn');
  let why = await fieldsShown(['login', 'password', 'mx']);
  ok(!why, 'Dyn: Login, Password and MX are shown', why);
  why = await fieldsHidden(['server', 'protocol', 'zone']);
  ok(!why, 'Dyn: Server, Protocol and Zone are hidden', why);

  await page.selectOption('#f-provider', 'duckdns');
  why = await fieldsHidden(['login', 'mx']);
  ok(!why, 'Duck DNS: Login and MX are hidden', why);
  why = await fieldsShown(['password']);
  ok(!why, 'Duck DNS: Password is shown', why);
  const hint = (await page.locator('#provider-hint').textContent()) || '';
  ok(await shown('#provider-hint') && /token/i.test(hint),
    'Duck DNS: the hint under the dropdown mentions the token', hint);

  /* issue 19: the hint says what the choice updates on this ddclient */
  await page.selectOption('#f-provider', 'opendns');
  const fams = (await page.locator('#provider-families').textContent()) || '';
  ok(/IPv4 address \(A record\) only/.test(fams),
    'OpenDNS: the hint says it updates IPv4 only', fams);
  await page.selectOption('#f-provider', 'cloudflare');
  const fams2 = (await page.locator('#provider-families').textContent()) || '';
  ok(/or both/.test(fams2), 'Cloudflare: the hint says IPv4, IPv6 or both', fams2);

  await page.selectOption('#f-provider', 'custom');
  why = await fieldsShown(['server', 'protocol']);
  ok(!why, 'Custom: Server and Protocol are shown', why);
  why = await fieldsHidden(['login', 'password', 'mx', 'zone']);
  ok(!why, 'Custom without a protocol: Login, Password, MX, Zone hidden', why);
  await page.selectOption('#f-protocol', 'dyndns2');
  why = await fieldsShown(['login', 'password', 'mx', 'server', 'protocol']);
  ok(!why, 'Custom + dyndns2: Login, Password and MX are shown too', why);

  await page.selectOption('#f-provider', 'cloudflare');
  why = await fieldsShown(['zone', 'login', 'password']);
  ok(!why, 'Cloudflare: Zone (and Login, Password) shown', why);
  why = await fieldsHidden(['server', 'protocol', 'mx']);
  ok(!why, 'Cloudflare: Server, Protocol and MX hidden', why);

  /* ---- 3. an invalid hostname is refused next to the field ---- */
  await page.selectOption('#f-provider', 'dyn');
  await page.fill('#f-hostname', '-bad.example.com');
  await page.fill('#f-description', 'kept after the error');
  await page.fill('#f-login', 'arthur');
  await page.fill('#f-password', hostPassword);
  await clickAndLoad(page.locator('form.host-form button[type=submit]'));
  ok(await shown('#e-hostname'), 'invalid hostname: an error is shown next to the hostname field');
  const eh = (await page.locator('#e-hostname').textContent().catch(() => '')) || '';
  ok(/hyphen/i.test(eh), 'invalid hostname: the error says why (hyphen)', eh);
  ok(await page.locator('.field[data-field="hostname"] #e-hostname').count() === 1,
    'invalid hostname: the error is inside the hostname field');
  ok(await page.inputValue('#f-hostname') === '-bad.example.com', 'invalid hostname: the typed hostname is kept',
    await page.inputValue('#f-hostname'));
  ok(await page.inputValue('#f-description') === 'kept after the error',
    'invalid hostname: the typed description is kept', await page.inputValue('#f-description'));
  ok(await page.inputValue('#f-password') === hostPassword,
    'invalid hostname: the typed password is kept (one typo does not cost the secret)');
  ok(await page.inputValue('#f-provider') === 'dyn' && !await fieldsHidden(['server', 'protocol', 'zone']),
    'invalid hostname: the form still shows only Dyn\'s fields');
  e = newErrors();
  ok(e.length === 0 && (await cspEvents()).length === 0,
    'invalid hostname: no console error, no CSP violation', e.concat(await cspEvents()).join('\n'));

  /* ---- 4. create, with a hostile description ---- */
  await page.fill('#f-hostname', HOST);
  await page.fill('#f-description', XSS);
  await page.fill('#f-login', 'arthur');
  await page.fill('#f-password', hostPassword);
  await clickAndLoad(page.locator('form.host-form button[type=submit]'));
  ok(/[?&]action=list/.test(page.url()), 'create: back on the list', page.url());
  ok(/Saved\./.test(await notice()), 'create: the list says "Saved."', await notice());
  ok(await row(HOST).count() === 1, 'create: the list has a row for the host');
  ok(!/[?&](msg|apply)=/.test(page.url()) && /[?&]action=list/.test(page.url()),
    'create: once shown, the notice leaves the URL', page.url());
  await page.reload();
  ok(await page.locator('#notice').count() === 0 && await row(HOST).count() === 1,
    'create: a reload shows the list without "Saved." again', page.url());
  const desc = (await row(HOST).locator('td.description').textContent().catch(() => '')) || '';
  ok(desc === XSS, 'create: the description is shown as literal text', desc);
  ok(await row(HOST).locator('img').count() === 0, 'create: no <img> element made from the description');
  ok(dialogs.length === 0, 'create: no dialog fired', dialogs.join('\n'));

  /* ---- 5. disable and enable from the row (Disable is in its menu) ---- */
  await row(HOST).locator('details.menu summary').click();
  await clickAndLoad(row(HOST).getByRole('button', { name: 'Disable', exact: true }));
  let rt = (await row(HOST).innerText().catch(() => '')) || '';
  ok(/Disabled/.test(await notice()), 'disable: the notice says disabled', await notice());
  const badge = async () => (await row(HOST).locator('.badge').innerText().catch(() => '')) || '';
  ok(await badge() === 'Disabled' && await row(HOST).getByRole('button', { name: 'Enable', exact: true }).isVisible(),
    'disable: the row shows the disabled badge and an Enable button', rt);
  ok(!/Disabled: not in ddclient/.test(rt), 'disable: the row does not say it twice (the badge is enough)', rt);
  await clickAndLoad(row(HOST).getByRole('button', { name: 'Enable', exact: true }));
  rt = (await row(HOST).innerText().catch(() => '')) || '';
  ok(/Enabled\./.test(await notice()), 'enable: the notice says enabled', await notice());
  ok(await badge() !== 'Disabled' && await row(HOST).locator('details.menu button', { hasText: /^Disable$/ }).count() === 1,
    'enable: the row is back to the enabled state with a Disable button in its menu', `${await badge()}: ${rt}`);

  /* ---- 6. delete through the confirmation page ---- */
  await row(HOST).locator('details.menu summary').click();
  await clickAndLoad(row(HOST).getByRole('link', { name: 'Delete', exact: true }));
  const conf = (await page.locator('main').innerText().catch(() => '')) || '';
  ok(/Delete this hostname\?/.test(conf) && conf.includes(HOST), 'delete: a confirmation page names the host', conf);
  ok(await page.locator('main button.danger').count() === 1, 'delete: the confirmation page has a Delete button');
  await clickAndLoad(page.locator('main button.danger'));
  ok(/[?&]action=list/.test(page.url()), 'delete: back on the list', page.url());
  ok(/Deleted\./.test(await notice()), 'delete: the list says "Deleted."', await notice());
  ok(await row(HOST).count() === 0, 'delete: the row is gone');
  ok(await shown('#empty') && /No dynamic hostname yet/.test(await page.locator('#empty').innerText()),
    'delete: the empty-state message appears');

  /* ---- 7. modify: create it again, then change only the description ---- */
  await clickAndLoad(page.locator('#create'));
  await page.selectOption('#f-provider', 'dyn');
  await page.fill('#f-hostname', HOST);
  await page.fill('#f-description', 'home');
  await page.fill('#f-login', 'arthur');
  await page.fill('#f-password', hostPassword);
  await clickAndLoad(page.locator('form.host-form button[type=submit]'));
  ok(await row(HOST).count() === 1, 'the deleted hostname can be created again');
  await clickAndLoad(row(HOST).getByRole('link', { name: 'Modify', exact: true }));
  ok(await page.locator('form.host-form input[name=id]').count() === 1,
    'modify: the form is for the existing host');
  const pre = {
    hostname: await page.inputValue('#f-hostname'),
    description: await page.inputValue('#f-description'),
    login: await page.inputValue('#f-login'),
    provider: await page.inputValue('#f-provider'),
  };
  ok(pre.hostname === HOST && pre.description === 'home' && pre.login === 'arthur' && pre.provider === 'dyn',
    'modify: the form is prefilled (hostname, description, login, provider)', JSON.stringify(pre));
  ok(await page.inputValue('#f-password') === '', 'modify: the password field is empty (never prefilled)');
  const html = await page.content();
  ok(!html.includes(hostPassword) && !html.includes(hostPassword.replace(/'/g, '&#39;')),
    'modify: the stored password is nowhere in the page');
  why = await fieldsShown(['login', 'password', 'mx']) || await fieldsHidden(['server', 'protocol', 'zone']);
  ok(!why, 'modify: only Dyn\'s fields are shown', why);
  await page.fill('#f-description', 'office');
  await clickAndLoad(page.locator('form.host-form button[type=submit]'));
  ok(/Saved\./.test(await notice()), 'modify with an empty password: saved', await notice());
  const d2 = (await row(HOST).locator('td.description').textContent().catch(() => '')) || '';
  ok(d2 === 'office', 'modify: the list shows the new description', d2);

  /* ---- 7b. the host's page, reached by the row's name (a link: no
   * JavaScript needed), then in Italian on a phone ---- */
  await clickAndLoad(row(HOST).locator('td.hostname a'));
  ok(/[?&]action=host&id=\d+/.test(page.url()), 'host page: the row\'s name leads to it', page.url());
  const htitle = (await page.locator('#host-title').innerText().catch(() => '')) || '';
  ok(htitle.replace(/\s+/g, '').includes(HOST), 'host page: its title names the host', htitle);
  const changes = await page.locator('#timeline li.event-change').count();
  ok(changes >= 2, 'host page: the timeline lists the changes made here (create, modify)', `${changes} changes`);
  e = newErrors();
  ok(e.length === 0 && (await cspEvents()).length === 0,
    'host page: no console error, no CSP violation', e.concat(await cspEvents()).join('\n'));
  await page.setViewportSize({ width: 390, height: 800 });
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'it-IT,it;q=0.9' });
  await page.reload({ waitUntil: 'load' });
  const hl = await page.evaluate(() => ({ lang: document.documentElement.lang,
    wide: document.documentElement.scrollWidth > window.innerWidth }));
  const ititle = (await page.locator('#host-title').innerText().catch(() => '')) || '';
  ok(hl.lang === 'it' && /Cronologia di/.test(ititle), 'host page in Italian: its title in Italian', `${hl.lang}: ${ititle}`);
  ok(!hl.wide, 'host page at 390 px: nothing wider than the screen');
  e = newErrors();
  ok(e.length === 0 && (await cspEvents()).length === 0,
    'host page in Italian at 390 px: no console error, no CSP violation', e.concat(await cspEvents()).join('\n'));
  await page.setExtraHTTPHeaders({});
  await page.setViewportSize({ width: 1280, height: 800 });
  await clickAndLoad(page.locator('a[href="?action=list"]').first());

  /* ---- 8. IPv6: a dual-stack host, and both public addresses ---- */
  const DUAL = 'dual6.example.com';
  await clickAndLoad(page.locator('#create'));
  await page.selectOption('#f-provider', 'custom');
  await page.selectOption('#f-protocol', 'dyndns2');
  const dualOff = await page.locator('#f-family option[value="dual"]').isDisabled();
  ok(ddv === '3.11' ? !dualOff : dualOff,
    `ipv6: with dyndns2 on ddclient ${ddv} "both" is ${ddv === '3.11' ? 'offered' : 'not offered'}`);
  await page.selectOption('#f-protocol', 'cloudflare');
  ok(!await page.locator('#f-family option[value="dual"]').isDisabled(),
    'ipv6: with cloudflare "both" is offered');
  await page.fill('#f-hostname', DUAL);
  await page.fill('#f-server', '127.0.0.1:9');
  await page.fill('#f-zone', 'example.com');
  await page.fill('#f-login', 'token');
  await page.fill('#f-password', 'tok');
  await page.selectOption('#f-family', 'dual');
  await clickAndLoad(page.locator('form.host-form button[type=submit]'));
  ok(/Saved\./.test(await notice()), 'ipv6: the dual-stack host is saved', await notice());
  /* What ddns-checkip and ddclient (3.11's per-family cache) would leave. */
  const now = Math.floor(Date.now() / 1000);
  const V4 = '198.51.100.4', V6 = '2001:db8::4';
  if (stateDir && cacheFile) {
    fs.writeFileSync(path.join(stateDir, 'publicip'), `ip=${V4}\ntime=${now}\nerror=\n`);
    fs.writeFileSync(path.join(stateDir, 'publicip6'), `ip=${V6}\ntime=${now}\nerror=\n`);
    fs.writeFileSync(cacheFile, `## ddclient-3.11.2\n## last updated\natime=${now},host=${DUAL},` +
      `ip=${V4},ipv4=${V4},ipv6=${V6},mtime=${now},status=good,status-ipv4=good,status-ipv6=good ${DUAL}\n`);
  }
  await clickAndLoad(page.locator('a[href="?action=list"]').first());
  const p4 = (await page.locator('#public-ipv4').innerText().catch(() => '')) || '';
  const p6 = (await page.locator('#public-ipv6').innerText().catch(() => '')) || '';
  ok(p4.includes(V4), 'ipv6: the list shows the public IPv4 address', p4);
  ok(p6.includes(V6), 'ipv6: the list shows the public IPv6 address', p6);
  const dt = (await row(DUAL).innerText().catch(() => '')) || '';
  ok(/IPv4:\s*198\.51\.100\.4\s*✓\s*matches the public address/.test(dt),
    'ipv6: the host row shows its IPv4 in sync', dt);
  ok(/IPv6:\s*2001:db8::4\s*✓\s*matches the public address/.test(dt),
    'ipv6: the host row shows its IPv6 in sync', dt);
  ok(/Up to date/.test(dt), 'ipv6: the host row says up to date', dt);
  await row(DUAL).locator('details.menu summary').click();
  await clickAndLoad(row(DUAL).getByRole('link', { name: 'Delete', exact: true }));
  await clickAndLoad(page.locator('main button.danger'));
  ok(await row(DUAL).count() === 0, 'ipv6: the dual-stack host is deleted again');

  /* ---- the list page as a user sees it ---- */
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
    ok(fs.statSync(screenshot).size > 0, 'screenshot of the list page taken');
  }

  if (refused422) console.log(`# note: ignored ${refused422} console error(s) for the form's own 422 answer`);
  if (favicon) console.log(`# note: ignored ${favicon} console error(s) for the browser's own /favicon.ico request (404)`);
  e = newErrors();
  ok(e.length === 0, 'no console error or uncaught exception anywhere in the run', e.join('\n'));
  const ev = await cspEvents();
  ok(ev.length === 0, 'no CSP violation event on the last page', ev.join('\n'));
  ok(dialogs.length === 0, 'no dialog fired anywhere in the run', dialogs.join('\n'));

  /* ---- control: the CSP detector itself works ---- */
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = 1;';
    document.body.appendChild(s);
  });
  await page.waitForFunction(() => window.__csp.length > 0, null, { timeout: WAIT }).catch(() => {});
  const ran = await page.evaluate(() => window.__inlineRan === 1);
  const ctl = newErrors();
  ok(!ran && cspText(ctl).length > 0 && (await cspEvents()).length > 0,
    'control: an injected inline script is refused by the CSP and reported as a console error',
    `ran=${ran} console=${JSON.stringify(ctl)} events=${JSON.stringify(await cspEvents())}`);
}

main().then(() => {
  clearTimeout(watchdog);
  console.log(`# ui.js: ${n - failed} passed, ${failed} failed`);
  process.exitCode = failed || n === 0 ? 1 : 0;
}, (err) => {
  clearTimeout(watchdog);
  ok(false, 'ui.js ran to its end', err && err.stack || err);
  process.exitCode = 1;
});
