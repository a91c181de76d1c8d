# lib.sh: sourced by every tests/e2e/t*.sh. TAP-like output: "ok N - what"
# or "not ok N - what" per assertion; run-all.sh counts them. Each script
# gets its own temporary instance (database, configs, state) in $T, removed
# at exit together with any server it started (register pids with
# `cleanup_pid PID`).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B=${BUILD:-build}
case "$B" in /*) ;; *) B="$TOP/$B" ;; esac
CGI="$B/ddns.cgi"
T=$(mktemp -d /tmp/ddns-e2e.XXXXXX)
_n=0 _fail=0 _pids=""

cleanup_pid() { _pids="$_pids $1"; }
_cleanup() {
	for p in $_pids; do kill "$p" 2>/dev/null; done
	for p in $_pids; do wait "$p" 2>/dev/null; done
	[ -z "${KEEP_T:-}" ] || cp -a "$T" "$KEEP_T"
	rm -rf "$T"
}
trap _cleanup EXIT
trap '_cleanup; trap - EXIT; exit 143' INT TERM

# python3, resolved once: where it is a version manager's shim (pyenv's is
# a bash script that forks a chain of others), every one of the scripts'
# hundreds of calls paid that again; the same interpreter, called direct.
case $(command -v python3) in
*/shims/*)
	mkdir -p "$T/bin"
	ln -s "$(python3 -c 'import sys; print(sys.executable)')" "$T/bin/python3"
	PATH="$T/bin:$PATH" ;;
esac

# DDCLIENT: the ddclient program the tests run (default the system's,
# Debian 12's 3.10). run-all.sh runs every script that names DDCLIENT once
# per ddclient version (tools/fetch-ddclient.sh puts 3.11.2 in
# build/ddclient-3.11), setting DDCLIENT; DDV is its version (3.10, 3.11),
# read from the script's version line without running perl.
DDCLIENT=${DDCLIENT:-/usr/bin/ddclient}
case "$DDCLIENT" in /*) ;; *) DDCLIENT="$TOP/$DDCLIENT" ;; esac
export DDCLIENT
# ddclient_version [PROGRAM]: "3.10" for `...version->declare('v3.10.0');`,
# "3.11" for `...version->declare('3.11.2');`; empty if neither.
ddclient_version() {
	sed -n "s/^use version [0-9.]*; our \$VERSION = version->declare('v\{0,1\}\([0-9]*\.[0-9]*\)[.'].*/\1/p" \
		"${1:-$DDCLIENT}" 2> /dev/null | head -1
}
DDV=$(ddclient_version)
# need_ddclient: end the script unless $DDCLIENT is a ddclient.
need_ddclient() {
	[ -f "$DDCLIENT" ] && [ -n "$DDV" ] ||
		{ echo "Bail out! no ddclient at $DDCLIENT (make deps)"; exit 1; }
}

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
not_ok() { _n=$((_n + 1)); _fail=$((_fail + 1)); echo "not ok $_n - $1"; }
# check "what" command...: ok when the command succeeds.
check() { what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
done_testing() { echo "# $(basename "$0")${DDCLIENT_TAG:+ [ddclient $DDV]}: $((_n - _fail)) passed, $_fail failed"; [ "$_fail" -eq 0 ]; }

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# make_instance [key=value ...]: the module config of a private instance
# in $T/ddns-admin.conf (tools/instance-conf.sh), with the given settings.
# The fake servers speak plain HTTP: ddclient_ssl is off, and the
# integrator allows it for the providers the tests point at them.
make_instance() {
	mkdir -p "$T/state"
	BUILD="$B" "$TOP/tools/instance-conf.sh" "$T" \
		checkip_url=http://127.0.0.1:9/ "checkip6_url=http://[::1]:9/" \
		ddclient_ssl=no "plain_http=custom dyn" "$@" \
		> "$T/ddns-admin.conf"
}

# cgi METHOD QUERY [BODY]: run the real CGI as a web server would; the
# response (headers and body) goes to $T/out; REMOTE_USER is $USER_NAME.
# The server is 127.0.0.1, port 80 (SERVER_ADDR, SERVER_PORT); EXTRA_ENV
# (VAR=VALUE words) adds variables or replaces these.
USER_NAME=admin
cgi() {
	method=$1 query=$2 body=${3-}
	len=$(printf %s "$body" | wc -c)
	printf %s "$body" | env -i DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" \
		REQUEST_METHOD="$method" QUERY_STRING="$query" \
		REMOTE_USER="$USER_NAME" CONTENT_TYPE=application/x-www-form-urlencoded \
		CONTENT_LENGTH=$len SERVER_ADDR=127.0.0.1 SERVER_PORT=80 ${EXTRA_ENV:-} \
		${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS=$UBSAN_OPTIONS} \
		${CGI_WRAP:-} "$CGI" > "$T/out" 2> "$T/err"
	_rc=$?
	sanitizer_clean "cgi $method $query"
	return $_rc
}

# sanitizer_clean WHAT: under `make check-asan` / `check-valgrind`, any
# report in the CGI's stderr fails the test that caused it.
sanitizer_clean() {
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|== ERROR SUMMARY: [1-9]|definitely lost: [1-9]' "$T/err" 2>/dev/null; then
		not_ok "no memory error in: $1"
		sed -n '1,40p' "$T/err" | sed 's/^/# /'
	fi
}
status() { sed -n '1s/^Status: \([0-9]*\).*/\1/p' "$T/out" | tr -d '\r'; }
location() { sed -n 's/^Location: //p' "$T/out" | tr -d '\r'; }
body_has() { grep -qF -- "$1" "$T/out"; }
# no_leak TEXT [FILE]: FILE ($T/out by default) holds TEXT neither raw nor
# once its HTML entities are decoded (a leaked value is shown escaped:
# r"d as r&quot;d), so a grep for the raw text alone could never fail.
no_leak() {
	python3 -c 'import html, sys
t = open(sys.argv[2], encoding="utf-8", errors="replace").read()
sys.exit(sys.argv[1] in t or sys.argv[1] in html.unescape(t))' "$1" "${2:-$T/out}"
}
# token: the csrf_token of the last page.
token() { grep -o 'name="csrf_token" value="[^"]*"' "$T/out" | head -1 | sed 's/.*value="//; s/"$//'; }
# form_version: the row version the last page's form carries (Modify,
# Delete); a Save or Delete must send it back.
form_version() { grep -o 'name="version" value="[^"]*"' "$T/out" | head -1 | sed 's/.*value="//; s/"$//'; }
# urlencode STRING
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
sql() { sqlite3 "$T/ddns.db" "$1"; }
# schema_version: the user_version schema.sql makes.
schema_version() { sed -n 's/^PRAGMA user_version = \([0-9]*\);.*/\1/p' "$TOP/schema.sql"; }
# unguard_hosts: what a web-side attacker can do to the file it owns: the
# hosts table again with every column but no CHECK, UNIQUE or NOT NULL.
unguard_hosts() {
	_cols=$(sql "SELECT group_concat(name, ', ') FROM pragma_table_info('hosts') WHERE name <> 'id'")
	_ddl=$(sql "SELECT group_concat(name || ' DEFAULT ' || ifnull(dflt_value, '0'), ', ') FROM pragma_table_info('hosts') WHERE name <> 'id'")
	sql "CREATE TABLE h2 (id INTEGER PRIMARY KEY, $_ddl);
		INSERT INTO h2 (id, $_cols) SELECT id, $_cols FROM hosts;
		DROP TABLE hosts; ALTER TABLE h2 RENAME TO hosts;"
}

# wait_for TENTHS command...: run the command every 0.1 s until it
# succeeds; fails after TENTHS tries. A bound, never a timing assertion.
wait_for() {
	_w=$1; shift
	while ! "$@"; do
		_w=$((_w - 1))
		[ "$_w" -gt 0 ] || return 1
		sleep 0.1
	done
}
# row_has ID TEXT: the list page in $T/out shows TEXT in host ID's row.
row_has() {
	sed -n "/<tr id=\"host-$1\"/,/<\/tr>/p" "$T/out" | grep -qF -- "$2"
}
# host_shown NAME: the list page in $T/out has a row whose Hostname cell
# reads NAME (the page breaks it into labels with markup in between).
host_shown() {
	grep -o '<td class="hostname"[^>]*>.*</td>' "$T/out" | sed 's/<[^>]*>//g' | grep -qxF -- "$1"
}
# FAKE: the fake provider / check server (tests/tools/fake_provider.py).
FAKE="$TOP/tests/tools/fake_provider.py"
# start_fake MODE NAME [options...]: start it in the background on a free
# port of 127.0.0.1, logging to $T/NAME.log; sets FAKE_PORT, registers
# the pid for cleanup. Fails if it does not listen within 15 s.
start_fake() {
	_mode=$1 _name=$2; shift 2
	python3 "$FAKE" "$_mode" --port-file "$T/$_name.port" \
		--log "$T/$_name.log" "$@" 2> "$T/$_name.err" &
	cleanup_pid $!
	wait_for 150 test -s "$T/$_name.port" || return 1
	FAKE_PORT=$(cat "$T/$_name.port")
}
# start_fake6 MODE NAME [options...]: the same, listening on [::1] too;
# also sets FAKE_PORT6 (the [::1] port).
start_fake6() {
	start_fake "$@" --port6-file "$T/$2.port6" || return 1
	wait_for 150 test -s "$T/$2.port6" || return 1
	FAKE_PORT6=$(cat "$T/$2.port6")
}
# test_ca DIR: a test CA (DIR/ca.pem) and a server certificate for
# 127.0.0.1 and ::1 signed by it (DIR/server.pem, DIR/server.key), for
# two days (tools/make-ca.sh).
test_ca() {
	"$TOP/tools/make-ca.sh" "$1" 2 "ddns-admin test CA"
}

# counted FILE: FILE's "ok - ..." / "not ok - ..." lines (a checker's
# verdicts) counted as this script's own.
counted() {
	while IFS= read -r _line; do
		case $_line in
		"ok - "*) ok "${_line#ok - }" ;;
		"not ok - "*) not_ok "${_line#not ok - }" ;;
		esac
	done < "$1"
}

# preset_instance: the instance of the preset fakes' tests: a test CA
# ($T/ca), ddclient_ssl on, ddclient's addresses fixed at V4 and V6;
# presets.py's plan for the ddclient under test in $T/plan, which
# field ID N reads (column N of ID's line).
V4=203.0.113.7 V6=2001:db8::7
preset_instance() {
	check "a test CA and a server certificate for 127.0.0.1" test_ca "$T/ca"
	make_instance "ddclient = $DDCLIENT" ddclient_ssl=yes plain_http= \
		"ddclient_use = ip, ip=$V4" "ddclient_usev4 = ipv4, ipv4=$V4" \
		"ddclient_usev6 = ipv6, ipv6=$V6"
	python3 "$TOP/tests/tools/presets.py" plan39 "$DDV" > "$T/plan"
}
field() { awk -F '\t' -v k="$1" -v c="$2" '$1 == k { print $c }' "$T/plan"; }

# start_presets ID...: fresh fakes of those providers of presets.py's
# ANSWERS table (fake_provider.py preset), one HTTPS port each, with the
# certificate of test_ca "$T/ca"; no record, no log ($T/fake.log,
# $T/fake.state), no control ($T/control), no ddclient cache; the fakes
# started before are stopped. Sets PORTS ("ID=PORT ...").
start_presets() {
	[ -z "${_presets_pid:-}" ] || { kill "$_presets_pid"; wait "$_presets_pid" 2>/dev/null; }
	rm -f "$T/fake.log" "$T/fake.state" "$T/fake.port" "$T/ddclient.cache" "$T/control"
	start_fake preset fake --preset "$(echo "$@" | tr ' ' ,)" --state "$T/fake.state" \
		--control "$T/control" --cert "$T/ca/server.pem" --key "$T/ca/server.key" ||
		return 1
	_presets_pid=$!
	PORTS=$(echo "$*|$FAKE_PORT" | awk -F '|' '{ n = split($1, k, " "); split($2, p, " ")
		for (i = 1; i <= n; i++) printf "%s=%s ", k[i], p[i] }')
}
# preset_pass NAME [CONF]: one pass of the ddclient under test over
# ddns-apply's configuration (or CONF), each host's server pointed at its
# preset's fake (the first label of the hostname names the preset),
# trusting the test CA; its output in $T/NAME.out.
preset_pass() {
	python3 "$TOP/tests/tools/presets.py" retarget "${2:-$T/ddclient.conf}" "$PORTS" \
		> "$T/run.conf"
	chmod 600 "$T/run.conf"
	PERLIO=:unix DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" "$DDCLIENT" -file "$T/run.conf" -cache "$T/ddclient.cache" \
		-foreground -daemon=0 -noquiet -verbose -ssl_ca_file="$T/ca/ca.pem" \
		> "$T/$1.out" 2>&1
}

# form_body NAME VALUE [NAME VALUE...]: a whole urlencoded body in one
# python3 call (urlencode per field costs a process start each).
form_body() {
	python3 -c 'import sys, urllib.parse as u; a = sys.argv[1:]; print("&".join(u.quote(a[i], safe="") + "=" + u.quote(a[i + 1], safe="") for i in range(0, len(a), 2)))' "$@"
}

# start_lighttpd: serve the instance with a real lighttpd on a free port of
# 127.0.0.1 behind basic authentication (user admin, a fresh password in
# $apw). Sets P, BASE and URL, registers the pid for cleanup, and ends the
# test if it does not start.
start_lighttpd() {
	apw=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
	htpasswd -bcB "$T/htpasswd" admin "$apw" 2> /dev/null
	P=$(free_port)
	if ! BUILD="$B" "$TOP/tools/lighttpd.sh" start "$T" "$P" "$T/ddns-admin.conf"; then
		not_ok "lighttpd starts"
		done_testing
		exit 1
	fi
	cleanup_pid "$(cat "$T/lighttpd.pid")"
	ok "lighttpd starts on 127.0.0.1:$P"
	BASE="http://127.0.0.1:$P"
	URL="$BASE/cgi-bin/ddns.cgi"
}

# need_npm MODULE...: tests/browser's npm packages, installed on first use
# (npm ci); ends the test if they cannot be. Scripts run side by side
# (run-all.sh), and npm ci first deletes node_modules: one installs while
# the others wait on the lock, then find the modules there.
need_npm() {
	if ! (
		flock 9
		for _m in "$@"; do
			[ -d "$TOP/tests/browser/node_modules/$_m" ] && continue
			cd "$TOP/tests/browser" &&
				npm ci --no-audit --no-fund > "$T/npm.log" 2>&1
			exit
		done
	) 9> "$TOP/tests/browser/.npm.lock"; then
		not_ok "npm ci in tests/browser"
		sed 's/^/# /' "$T/npm.log" | tail -20
		done_testing
		exit 1
	fi
}
# relay NAME OUT ERR RC: count the "ok N - what" lines that the browser
# script NAME wrote to OUT as this test's own, and one more for its end:
# a crash or a hang (RC not 0 with no "not ok") is a failure too, and its
# stderr (ERR) is shown.
relay() {
	while IFS= read -r _line; do
		case $_line in
		"ok "*) ok "${_line#ok * - }" ;;
		"not ok "*) not_ok "${_line#not ok * - }" ;;
		*) printf '%s\n' "$_line" ;;
		esac
	done < "$2"
	if [ "$4" -eq 0 ]; then
		ok "$1 ran to its end"
	elif ! grep -q '^not ok ' "$2"; then
		not_ok "$1 ran to its end (exit $4)"
	fi
	[ "$4" -eq 0 ] || grep -v 'chromium: 9: \[' "$3" | sed "s/^/# $1 stderr: /" | tail -20
}

# apply_db [CONFIG]: hand the database's rows to ddns-apply as the web
# side does (ddns-migrate --message | ddns-apply --message, the package's
# postinst), with CONFIG (default $T/ddns-admin.conf). ddns-apply's exit
# code; its stderr is the caller's.
apply_db() {
	"$B/ddns-migrate" -c "${1:-$T/ddns-admin.conf}" --message |
	    "$B/ddns-apply" -c "${1:-$T/ddns-admin.conf}" --message
}

# start_ddclient LOG: the real $DDCLIENT as a daemon (a pass a minute,
# debug output in LOG) on the instance's ddclient.conf and cache; sets
# DPID, writes the pid file ddns-apply signals, registers it for cleanup.
start_ddclient() {
	PERLIO=:unix DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" "$DDCLIENT" -file "$T/ddclient.conf" -cache "$T/ddclient.cache" \
		-foreground -daemon=60 -noquiet -verbose -debug > "$1" 2>&1 &
	DPID=$!
	cleanup_pid $DPID
	echo $DPID > "$T/ddclient.pid"
}

# start_named: a real named on 127.0.0.1:$DPORT (a free port, unless the
# caller chose one) serving $ZONE, updates signed by the TSIG key ddns-key
# (its secret in $SECRET); its files in $DNS. answer NAME: the A record it
# gives for NAME; named_up: it answers. The caller checks it came up.
start_named() {
	DNS=$T/named
	DPORT=${DPORT:-$(free_port)}
	mkdir -p "$DNS"
	tsig-keygen -a hmac-sha256 ddns-key > "$DNS/ddns.key"
	SECRET=$(sed -n 's/.*secret "\([^"]*\)".*/\1/p' "$DNS/ddns.key")
	cat > "$DNS/$ZONE.zone" <<EOF
\$TTL 300
@   IN SOA ns1.$ZONE. hostmaster.$ZONE. ( 1 3600 600 86400 300 )
    IN NS  ns1.$ZONE.
ns1 IN A   127.0.0.1
EOF
	cat > "$DNS/named.conf" <<EOF
include "$DNS/ddns.key";
options { directory "$DNS"; pid-file "$DNS/named.pid";
	session-keyfile "$DNS/session.key"; listen-on port $DPORT { 127.0.0.1; };
	listen-on-v6 { none; }; recursion no; allow-query { 127.0.0.1; };
	dnssec-validation no; };
controls { };
zone "$ZONE" { type primary; file "$DNS/$ZONE.zone";
	update-policy { grant ddns-key zonesub ANY; }; };
EOF
	named -g -c "$DNS/named.conf" > "$DNS/named.log" 2>&1 &
	cleanup_pid $!
}
answer() { dig @127.0.0.1 -p "$DPORT" +short +time=1 +tries=1 "$1" A 2> /dev/null; }
named_up() { [ "$(answer ns1.$ZONE)" = 127.0.0.1 ]; }
