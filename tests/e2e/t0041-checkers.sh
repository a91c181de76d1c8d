#!/bin/sh
# t0041-checkers: every page (list empty and with hosts, form empty, with
# errors, for a Modify and a Copy, delete confirmation, History, a host's page
# (two), What ddclient reads, the error page) in English and Italian, at 390 px (a phone) and
# 1280 px wide, in Debian's Chromium, with what DNS answers shown (rows,
# host pages, their timelines, Check DNS now): axe-core finds no violation, nothing
# is wider than the screen, no hostname breaks inside a label, each state
# is a badge with words (tests/browser/checkers.js); then the Nu Html
# Checker (vnu.jar, on the java of tools/deps.sh) finds no error in any.
# Installs tests/browser's npm packages on first use (npm ci).
# T0041_SHOTS=DIR keeps the phone and wide screenshots of the list there
# (doc/ holds the README's).
. "$(dirname "$0")/lib.sh"
BR="$TOP/tests/browser"
VNU="$BR/node_modules/vnu-jar/build/dist/vnu.jar"

if [ ! -x /usr/bin/chromium ] || ! command -v java > /dev/null; then
	not_ok "/usr/bin/chromium and java are installed (tools/deps.sh installs them)"
	done_testing
	exit 1
fi
need_npm playwright-core axe-core vnu-jar

# DNS is shown (state_dir/dns written by checkers.js); no lookup is made.
# Two address sources: the form has their field (issue 21). Neither has
# an address here (no such interface, no check server): the verdicts
# never depend on the machine's own interfaces.
make_instance "dns_check = authoritative" "dnscheck = /bin/true" \
	"sources = wan1 lte" "source.wan1.v4 = if ddnstest0" \
	"source.wan1.label.en = Fibre" "source.wan1.label.it = Fibra" \
	"source.lte.v4 = web http://127.0.0.1:9/" \
	"source.lte.label.en = LTE backup" "source.lte.label.it = Riserva LTE"
start_lighttpd
mkdir -p "$T/html"

STATE_DIR="$T/state" CACHE_FILE="$T/ddclient.cache" SHOT_PHONE="$T/phone.png" SHOT_WIDE="$T/wide.png" \
	timeout 300 node "$BR/checkers.js" "$URL" admin "$apw" "$T/html" > "$T/ck.out" 2> "$T/ck.err"
rc=$?
relay checkers.js "$T/ck.out" "$T/ck.err" $rc

# The Nu Html Checker, once over every page saved (a JVM start is slow).
n=$(ls "$T/html" | wc -l)
check "the pages were saved for the Nu Html Checker ($n, both languages)" [ "$n" -ge 16 ]
java -jar "$VNU" --errors-only --format gnu "$T/html"/*.html > "$T/vnu.out" 2>&1
for f in "$T/html"/*.html; do
	name=$(basename "$f" .html)
	if grep -qF "$f" "$T/vnu.out"; then
		not_ok "Nu Html Checker: $name has no error"
		grep -F "$f" "$T/vnu.out" | sed "s|^.*/||; s/^/#   /" | head -10
	else
		ok "Nu Html Checker: $name has no error"
	fi
done
check "Nu Html Checker: it ran and said nothing else" sh -c "! grep -v '^\"*file:' '$T/vnu.out' | grep -q ."

for s in phone wide; do
	check "the $s screenshot of the list is a PNG" \
		sh -c "head -c 8 '$T/$s.png' | od -An -c | grep -q 'P   N   G'"
	[ -n "${T0041_SHOTS:-}" ] && [ -f "$T/$s.png" ] && cp "$T/$s.png" "$T0041_SHOTS/list-$s.png"
done
check "no CGI error in the web server's log" \
	sh -c "! grep -v '^ddns-apply: ddclient not signalled' '$T/cgi-stderr.log' | grep -q ."

"$TOP/tools/lighttpd.sh" stop "$T"
check "lighttpd stopped" wait_for 100 sh -c "! curl -s -o /dev/null 'http://127.0.0.1:$P/static/ddns.css'"
done_testing
