#!/bin/sh
# t0040-browser: the page in a real browser. A private lighttpd (basic
# auth) serves the module; tests/browser/ui.js drives Debian's Chromium
# headless through playwright-core as a user would: the strict CSP lets
# ddns.js run, the form shows only the chosen provider's fields, errors
# appear next to their field, a hostile description stays text, modify
# never shows or loses the password, delete asks first, disable/enable.
# Needs /usr/bin/chromium (tools/deps.sh) and node + npm; installs
# playwright-core into tests/browser/node_modules on first use (npm ci).
# Then, with the real ddclient as a daemon and a fake dyndns2 provider:
# after a Save the row turns "up to date" without a reload (with
# JavaScript; tests/browser/live.js) or through the refresh link (without);
# and a list of 20 healthy hosts is read at a glance (glance.js): one
# screen height at 1280 px, one line a row, nothing wider than a phone.
# The form, each preset in English and Italian: its login and password
# under that provider's words (labels.js).
# T0040_SHOT=FILE keeps a copy of the list page's screenshot;
# T0040_SHOTS=DIR the glance's list-wide.png and list-phone.png (doc/).
. "$(dirname "$0")/lib.sh"
BR="$TOP/tests/browser"

if [ ! -x /usr/bin/chromium ]; then
	not_ok "/usr/bin/chromium is installed (tools/deps.sh installs it)"
	done_testing
	exit 1
fi
need_npm playwright-core

make_instance
start_lighttpd

# The provider password typed into the form: quotes, #, backslash, space.
hpw="S3c'r#t \"x\\ $(python3 -c 'import secrets; print(secrets.token_hex(4))')"

# ui.js numbers its own lines; they are re-counted here so that the
# summary line covers both. timeout: a bound against a hang, not a check.
HOST_PASSWORD="$hpw" SCREENSHOT="$T/list.png" STATE_DIR="$T/state" \
	CACHE_FILE="$T/ddclient.cache" DDV="$DDV" \
	timeout 180 node "$BR/ui.js" "$URL" admin "$apw" > "$T/ui.out" 2> "$T/ui.err"
rc=$?
relay ui.js "$T/ui.out" "$T/ui.err" $rc

# What the browser left behind: arthur-rimbaud.dyndns.org, created with
# $hpw, then modified with the password field left empty.
h=arthur-rimbaud.dyndns.org
check "modify with an empty password: stored password unchanged" \
	[ "$(sql "select password from hosts where hostname='$h'")" = "$hpw" ]
check "modify: stored description is the new one" \
	[ "$(sql "select description from hosts where hostname='$h'")" = office ]
check "modify: the host is the only one, enabled" \
	[ "$(sql "select count(*) || ' ' || sum(enabled) from hosts")" = "1 1" ]
check "modify: ddclient's config still has the password" \
	grep -qxF -- "password='$hpw', \\" "$T/ddclient.conf"
check "screenshot of the list page is a PNG" \
	sh -c "head -c 8 '$T/list.png' | od -An -c | grep -q 'P   N   G'"
[ -n "${T0040_SHOT:-}" ] && [ -f "$T/list.png" ] && cp "$T/list.png" "$T0040_SHOT"
# No ddclient runs here, so ddns-apply says it did not signal it; any
# other line the CGI wrote to stderr is a fault.
check "the CGI's stderr reaches the web server's log" [ -s "$T/cgi-stderr.log" ]
check "no other CGI error in the web server's log" \
	sh -c "! grep -v '^ddns-apply: ddclient not signalled' '$T/cgi-stderr.log' | grep -q ."

# ---- the form walked preset by preset, labels in both languages: the
# presets the system's ddclient (3.10) is offered, then, the instance
# naming the 3.11.2 that make check fetches, those of 3.11.
timeout 150 node "$BR/labels.js" "$URL" admin "$apw" "$TOP/templates/lang" > "$T/labels.out" 2> "$T/labels.err"
relay labels.js "$T/labels.out" "$T/labels.err" $?
D311=$TOP/build/ddclient-3.11/usr/bin/ddclient
check "ddclient 3.11.2 is in the build tree (make deps fetches it)" [ -x "$D311" ]
echo "ddclient = $D311" >> "$T/ddns-admin.conf"
timeout 150 node "$BR/labels.js" "$URL" admin "$apw" "$TOP/templates/lang" > "$T/labels311.out" 2> "$T/labels311.err"
relay labels.js "$T/labels311.out" "$T/labels311.err" $?
# walked N: labels.js walked N providers in both languages.
walked() { [ "$(grep -c "each of the $1 providers" "$2")" = 2 ]; }
if [ -x "$B/providers-table" ]; then
	for v in 3.10 3.11; do
		n=$("$B/providers-table" | awk -F'\t' -v v=$v '$1 == v && $2 == "preset" && $5 != "-"' | wc -l)
		f=$T/labels.out; [ $v = 3.11 ] && f=$T/labels311.out
		check "ddclient $v: the walk met every preset offered ($n) and Custom" walked $((n + 1)) "$f"
	done
fi

# ---- live: the real ddclient (a pass a minute) and a fake dyndns2
# provider. The browser's host is removed first: it names a real one.
sql "DELETE FROM hosts"
make_instance "ddclient_use = ip, ip=203.0.113.7" "ddclient_daemon = 60"
check "fake provider listens" start_fake provider prov --control "$T/prov.ctl"
PORT=$FAKE_PORT
apply_db 2> /dev/null
DLOG=$T/ddclient.log
start_ddclient "$DLOG"
# passes: ddclient's finished update passes ("sleep 60" follows each).
passes() { cat "$DLOG" 2> /dev/null | grep -c 'DEBUG: *sleep 60'; }
passes_gt() { [ "$(passes)" -gt "$1" ]; }
check "ddclient finishes its first pass" wait_for 300 passes_gt 0
timeout 180 node "$BR/live.js" "$URL" admin "$apw" "$PORT" "$T/prov.ctl" > "$T/live.out" 2> "$T/live.err"
relay live.js "$T/live.out" "$T/live.err" $?

# ---- at a glance: 20 healthy hosts, each updated by ddclient at the fake
sql "DELETE FROM hosts"
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
	INSERT INTO hosts (hostname, login, password, provider, server, protocol, description, created, updated)
	SELECT printf('office-%02d.example-company.dyndns.org', i), 'u', 'p', 'custom',
		'127.0.0.1:$PORT', 'dyndns2', printf('Branch office %d', i), 1, 1 FROM n"
# the appliance's public address, as ddns-checkip would have left it
printf 'ip=203.0.113.7\ntime=%s\nerror=\n' "$(date +%s)" > "$T/state/publicip"
apply_db 2> /dev/null
# good: how many hosts the status JSON says are up to date.
good() { cgi GET 'action=status'; grep -o '"verdict":"good"' "$T/out" | wc -l; }
all_good() { [ "$(good)" -eq 20 ]; }
check "ddclient updates the 20 hosts at the fake provider" wait_for 400 all_good
SHOT_WIDE="$T/wide.png" SHOT_PHONE="$T/phone.png" \
	timeout 120 node "$BR/glance.js" "$URL" admin "$apw" > "$T/glance.out" 2> "$T/glance.err"
relay glance.js "$T/glance.out" "$T/glance.err" $?
for s in phone wide; do
	[ -n "${T0040_SHOTS:-}" ] && [ -f "$T/$s.png" ] && cp "$T/$s.png" "$T0040_SHOTS/list-$s.png"
done
check "no CGI error in the web server's log since" \
	sh -c "! grep -v '^ddns-apply: ddclient not signalled' '$T/cgi-stderr.log' | grep -q ."

"$TOP/tools/lighttpd.sh" stop "$T"
check "lighttpd stopped" wait_for 100 sh -c "! curl -s -o /dev/null 'http://127.0.0.1:$P/static/ddns.css'"
done_testing
