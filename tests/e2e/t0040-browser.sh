#!/bin/sh
# t0040-browser: the page in a real browser. A private lighttpd (basic
# auth) serves the module; tests/browser/ui.js drives Debian's Chromium
# headless through playwright-core as a user would: the strict CSP lets
# ddns.js run, the form shows only the chosen provider's fields, errors
# appear next to their field, a hostile description stays text, modify
# never shows or loses the password, delete asks first, disable/enable.
# Needs /usr/bin/chromium (tools/deps.sh) and node + npm; installs
# playwright-core into tests/browser/node_modules on first use (npm ci).
# T0040_SHOT=FILE keeps a copy of the list page's screenshot.
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

"$TOP/tools/lighttpd.sh" stop "$T"
check "lighttpd stopped" wait_for 100 sh -c "! curl -s -o /dev/null 'http://127.0.0.1:$P/static/ddns.css'"
done_testing
