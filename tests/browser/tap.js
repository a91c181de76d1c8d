'use strict';
/*
 * tap.js: what the browser scripts (checkers.js, glance.js, labels.js,
 * live.js) share: Debian's Chromium's flags on this machine, the
 * "ok N - what" / "not ok N - what" lines (with "#   " diagnostics) that
 * tests/e2e/lib.sh's relay counts, and a run bounded as a whole, so that
 * a hang never blocks the suite: run() exits 1 if any check failed.
 */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let n = 0;
let failed = 0;
function ok(cond, what, diag) {
  n++;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${what}`);
  if (!cond) {
    failed++;
    if (diag !== undefined) for (const l of String(diag).split('\n')) console.log(`#   ${l}`);
  }
  return cond;
}

/* run: main() (a promise) within bound ms; the exit status says it all. */
function run(name, main, bound) {
  const watchdog = setTimeout(() => {
    ok(false, `${name} finished within its overall bound (hung?)`);
    process.exit(1);
  }, bound);
  main().then(() => {
    clearTimeout(watchdog);
    process.exit(failed ? 1 : 0);
  }, (err) => {
    ok(false, `${name} ran without an exception: ${err && err.message}`);
    console.log(String(err && err.stack).split('\n').map((l) => `#   ${l}`).join('\n'));
    process.exit(1);
  });
}

module.exports = { ARGS, ok, run };
