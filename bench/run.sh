#!/bin/sh
# bench/run.sh: `make bench`. What a request to ddns.cgi costs beside the
# peers' languages, measured in one run on this machine, as ratios to a C
# program that prints a fixed page (the floor) and to Perl, Perl with
# CGI.pm and php-cgi doing the same. Every program is started the way a
# web server starts a CGI: bench/spawn.c posix_spawns it directly (no
# shell, no env(1)), with its environment set by the driver. It writes
# bench/results.md; nothing here is asserted by `make check`.
#   wall:   median of N runs (spawn.c), and the ratio to each floor
#   instr:  valgrind --tool=callgrind, one run (repeatable on one machine)
#   faults: minor page faults (median), peak RSS: wait4's rusage
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
B=${BUILD:-$TOP/build}
case "$B" in /*) ;; *) B="$TOP/$B" ;; esac
N=${N:-200}
OUT=${OUT:-$TOP/bench/results.md}
T=$(mktemp -d /tmp/ddns-bench.XXXXXX)
PIDS=""
trap 'for p in $PIDS; do kill $p 2>/dev/null; done; rm -rf "$T"' EXIT
start=$(date +%s)

cc -O2 -o "$T/floor" "$TOP/bench/floor.c"
cc -O2 -o "$T/spawn" "$TOP/bench/spawn.c"
PERL=$(command -v perl)
PHP=$(command -v php-cgi || true)
printf '<?php header("Content-Type: text/plain"); echo "hello\\n";\n' > "$T/floor.php"

# instance SIZE: a private instance with SIZE hosts, each with a cache
# entry (up to date), a fresh public address and a fresh DNS answer (In
# DNS: the page reads state_dir/dns; ddns-dnscheck is never due, and
# /bin/true if it were), in $T/sSIZE.
instance() {
	d=$T/s$1
	mkdir -p "$d/state"
	BUILD="$B" "$TOP/tools/instance-conf.sh" "$d" require_auth=no \
		checkip=/bin/true ddclient_ssl=no checkip6_url=none "plain_http = dyn" \
		"ddclient = /usr/bin/ddclient" "dns_check = authoritative" \
		dnscheck=/bin/true > "$d/conf"
	sqlite3 "$d/ddns.db" < "$TOP/schema.sql"
	sqlite3 "$d/ddns.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
		SELECT i + 1 FROM n WHERE i < $1) INSERT INTO hosts (hostname,
		description, login, password, provider, created, updated)
		SELECT 'host' || i || '.example.com', 'site ' || i, 'user' || i,
		'pw' || i, 'dyn', 1, 1 FROM n"
	now=$(date +%s)
	{
		echo "## ddclient-3.10.0"
		echo "## last updated"
		sqlite3 "$d/ddns.db" "SELECT 'atime=$now,host=' || hostname ||
			',ip=203.0.113.7,mtime=$now,status=good ' || hostname FROM hosts"
	} > "$d/ddclient.cache"
	printf 'ip=203.0.113.7\ntime=%s\nerror=\n' "$now" > "$d/state/publicip"
	{
		printf 'ddns-dnscheck 1\nmode authoritative\ntime %s\n' "$now"
		rest="ipv4 $now NOERROR 300 insecure 203.0.113.7 -"
		sqlite3 "$d/ddns.db" "SELECT hostname || ' $rest' FROM hosts
			ORDER BY hostname"
	} > "$d/state/dns"
}
for s in 10 100 1000 10000; do instance $s; done

# env_of SIZE METHOD QUERY [LENGTH]: spawn.c's -e words for a request.
env_of() {
	echo "-e DDNS_ADMIN_CONFIG=$T/s$1/conf -e REQUEST_METHOD=$2" \
	    "-e QUERY_STRING=$3 -e CONTENT_TYPE=application/x-www-form-urlencoded" \
	    "-e CONTENT_LENGTH=${4:-0} -e SERVER_ADDR=127.0.0.1 -e SERVER_PORT=80"
}
# measure NAME RUNS [-i FILE] SPAWN-ARGS...: one result line into $T/res.
measure() {
	name=$1 runs=$2; shift 2
	# shellcheck disable=SC2068
	line=$("$T/spawn" -n "$runs" "$@")
	echo "$name|$line" >> "$T/res"
}
# instr NAME STDIN PROGRAM ARGS (env from $ENVV): callgrind instructions.
instr() {
	name=$1 in=$2; shift 2
	# shellcheck disable=SC2086
	env -i $ENVV valgrind --tool=callgrind --callgrind-out-file="$T/cg" \
		"$@" < "$in" > /dev/null 2> "$T/vg" || true
	echo "$name|$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$T/vg")" >> "$T/ins"
}
# median_of NAME FILE: one result line into $T/res from FILE's one-run
# spawn.c lines (a request that changes the state runs once each): the
# median run's wall time, with that run's faults and RSS.
median_of() {
	awk '{ print $4, $8, $10 }' "$2" | sort -n | awk -v name="$1" '
	{ a[NR] = $1; f[NR] = $2; r[NR] = $3 } END { m = int(NR / 2) + 1
	  printf "%s|runs %d median_us %d mean_us 0 minflt %d maxrss_kb %d fails 0\n",
	      name, NR, a[m], f[m], r[m] }' >> "$T/res"
}
: > "$T/res"
: > "$T/ins"

# ---- the floors ----
measure "C floor" "$N" -e REQUEST_METHOD=GET -- "$T/floor"
measure "Perl floor" "$N" -e REQUEST_METHOD=GET -- "$PERL" -e \
	'print "Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n"'
measure "CGI.pm floor" "$N" -e REQUEST_METHOD=GET -- "$PERL" -MCGI -e \
	'my $q = CGI->new; print $q->header("text/plain"), "hello\n"'
[ -n "$PHP" ] && measure "php-cgi floor" "$N" -e REQUEST_METHOD=GET \
	-e REDIRECT_STATUS=200 -e SCRIPT_FILENAME="$T/floor.php" -- "$PHP"
ENVV="REQUEST_METHOD=GET"
instr "C floor" /dev/null "$T/floor"
instr "Perl floor" /dev/null "$PERL" -e \
	'print "Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n"'
instr "CGI.pm floor" /dev/null "$PERL" -MCGI -e \
	'my $q = CGI->new; print $q->header("text/plain"), "hello\n"'
ENVV="REQUEST_METHOD=GET REDIRECT_STATUS=200 SCRIPT_FILENAME=$T/floor.php"
[ -n "$PHP" ] && instr "php-cgi floor" /dev/null "$PHP"

# ---- the list page at 10 to 10,000 hosts, the form ----
for s in 10 100 1000 10000; do
	runs=$N; [ $s -ge 10000 ] && runs=$((N / 10 + 1))
	[ $s -eq 1000 ] && runs=$((N / 2))
	# shellcheck disable=SC2046
	measure "list, $s hosts" $runs $(env_of $s GET "") -- "$B/ddns.cgi"
	ENVV="DDNS_ADMIN_CONFIG=$T/s$s/conf REQUEST_METHOD=GET QUERY_STRING= SERVER_ADDR=127.0.0.1 SERVER_PORT=80"
	instr "list, $s hosts" /dev/null "$B/ddns.cgi"
done
# shellcheck disable=SC2046
measure "form (Create)" "$N" $(env_of 100 GET "action=edit") -- "$B/ddns.cgi"
ENVV="DDNS_ADMIN_CONFIG=$T/s100/conf REQUEST_METHOD=GET QUERY_STRING=action=edit SERVER_ADDR=127.0.0.1 SERVER_PORT=80"
instr "form (Create)" /dev/null "$B/ddns.cgi"

# ---- a host's page, the status as JSON (100 and 10,000 hosts) ----
for s in 100 10000; do
	runs=$N; [ $s -ge 10000 ] && runs=$((N / 10 + 1))
	# shellcheck disable=SC2046
	measure "host page, $s hosts" $runs $(env_of $s GET "action=host&id=50") -- "$B/ddns.cgi"
	ENVV="DDNS_ADMIN_CONFIG=$T/s$s/conf REQUEST_METHOD=GET QUERY_STRING=action=host&id=50 SERVER_ADDR=127.0.0.1 SERVER_PORT=80"
	instr "host page, $s hosts" /dev/null "$B/ddns.cgi"
	# shellcheck disable=SC2046
	measure "status JSON, $s hosts" $runs $(env_of $s GET "action=status") -- "$B/ddns.cgi"
	ENVV="DDNS_ADMIN_CONFIG=$T/s$s/conf REQUEST_METHOD=GET QUERY_STRING=action=status SERVER_ADDR=127.0.0.1 SERVER_PORT=80"
	instr "status JSON, $s hosts" /dev/null "$B/ddns.cgi"
done

# ---- a Save (Modify of one row, 100 hosts: validation, transaction,
# render, atomic write, signal: ddns-apply runs, no ddclient runs) and a
# Delete ----
tok=$(env -i DDNS_ADMIN_CONFIG="$T/s100/conf" REQUEST_METHOD=GET \
	QUERY_STRING=action=edit SERVER_ADDR=127.0.0.1 SERVER_PORT=80 "$B/ddns.cgi" |
	sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
# save_body: a Modify of row 50 with the version its form carries now
# (every Save bumps it; a stale one is a 409), into $T/save.body.
save_body() {
	ver=$(env -i DDNS_ADMIN_CONFIG="$T/s100/conf" REQUEST_METHOD=GET \
		QUERY_STRING='action=edit&id=50' SERVER_ADDR=127.0.0.1 SERVER_PORT=80 "$B/ddns.cgi" |
		sed -n 's/.*name="version" value="\([^"]*\)".*/\1/p' | head -1)
	printf 'csrf_token=%s&id=50&version=%s&hostname=host50.example.com&description=site%s&login=user50&password=pw&provider=dyn&family=ipv4' \
		"$tok" "$ver" "$1" > "$T/save.body"
	len=$(wc -c < "$T/save.body")
}
# The measured Save must be a real one: 303 to the list, ddns-apply run.
save_body 0
st=$(env -i DDNS_ADMIN_CONFIG="$T/s100/conf" REQUEST_METHOD=POST QUERY_STRING=action=save \
	CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH="$len" \
	SERVER_ADDR=127.0.0.1 SERVER_PORT=80 "$B/ddns.cgi" < "$T/save.body" | head -1 | tr -d '\r')
[ "$st" = "Status: 303 See Other" ] || { echo "bench: the Save answers '$st', not 303" >&2; exit 1; }
: > "$T/save"
i=1
while [ $i -le 25 ]; do
	save_body $i
	# shellcheck disable=SC2046
	"$T/spawn" -n 1 -i "$T/save.body" $(env_of 100 POST action=save "$len") -- "$B/ddns.cgi" >> "$T/save"
	i=$((i + 1))
done
median_of "Save, 100 hosts" "$T/save"
save_body 99
ENVV="DDNS_ADMIN_CONFIG=$T/s100/conf REQUEST_METHOD=POST QUERY_STRING=action=save CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=$len SERVER_ADDR=127.0.0.1 SERVER_PORT=80"
instr "Save, 100 hosts" "$T/save.body" "$B/ddns.cgi"
: > "$T/del"
i=1
while [ $i -le 39 ]; do
	printf 'csrf_token=%s&id=%d&version=1' "$tok" $((i + 10)) > "$T/del.body"
	len=$(wc -c < "$T/del.body")
	# shellcheck disable=SC2046
	"$T/spawn" -n 1 -i "$T/del.body" $(env_of 100 POST action=delete "$len") -- "$B/ddns.cgi" >> "$T/del"
	i=$((i + 1))
done
median_of "Delete, 100 hosts" "$T/del"
# One more (row 60, never changed: version 1) under callgrind.
printf 'csrf_token=%s&id=60&version=1' "$tok" > "$T/del.body"
ENVV="DDNS_ADMIN_CONFIG=$T/s100/conf REQUEST_METHOD=POST QUERY_STRING=action=delete CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=$(wc -c < "$T/del.body") SERVER_ADDR=127.0.0.1 SERVER_PORT=80"
instr "Delete, 100 hosts" "$T/del.body" "$B/ddns.cgi"

# ---- ddns-apply alone ----
for s in 10 1000 10000; do
	runs=$((N / 4)); [ $s -ge 10000 ] && runs=5
	# the rows as the page hands them over (boundary.h)
	"$B/ddns-migrate" -c "$T/s$s/conf" --message > "$T/s$s/msg"
	measure "ddns-apply, $s hosts" $runs -i "$T/s$s/msg" -- "$B/ddns-apply" \
		-c "$T/s$s/conf" --message
	ENVV=
	instr "ddns-apply, $s hosts" "$T/s$s/msg" "$B/ddns-apply" -c "$T/s$s/conf" --message
done

# ---- Save -> the request at a fake dyndns2 provider, through the real
# ddclient daemon (20 saves, median) ----
python3 "$TOP/bench/latency.py" "$TOP" "$B" "$T/lat" 20 > "$T/latency" 2> "$T/latency.err" ||
	echo "latency: failed ($(tail -1 "$T/latency.err"))" > "$T/latency"

# ---- the report ----
end=$(date +%s)
{
	echo "# ddns-admin benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -srm), $(nproc) cores,"
	echo "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1); $((end - start)) s for the whole run."
	echo "Each program spawned directly, as a web server does (bench/spawn.c);"
	echo "wall = median of the runs; ratios to each floor measured in this run."
	echo
	echo "| what | runs | wall ms | x C | x Perl | x CGI.pm | x php-cgi | instructions | faults | peak RSS KiB |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	awk -F'|' -v ins="$T/ins" 'BEGIN {
		while ((getline l < ins) > 0) { split(l, a, "|"); I[a[1]] = a[2] } }
	{ split($2, f, " "); name[NR] = $1; runs[NR] = f[2]; med[NR] = f[4] / 1000
	  flt[NR] = f[8]; rss[NR] = f[10]; base[$1] = f[4] / 1000 }
	END {
	  for (i = 1; i <= NR; i++) {
		printf "| %s | %d | %.2f | %.2f | %s | %s | %s | %s | %s | %s |\n", name[i], runs[i], med[i],
		    med[i] / base["C floor"],
		    ("Perl floor" in base) ? sprintf("%.2f", med[i] / base["Perl floor"]) : "-",
		    ("CGI.pm floor" in base) ? sprintf("%.2f", med[i] / base["CGI.pm floor"]) : "-",
		    ("php-cgi floor" in base) ? sprintf("%.2f", med[i] / base["php-cgi floor"]) : "-",
		    (name[i] in I) ? I[name[i]] : "", flt[i] ? flt[i] : "", rss[i] ? rss[i] : ""
	  } }' "$T/res"
	echo
	echo "Save -> request at the fake provider through the real ddclient 3.10 daemon:"
	echo "$(cat "$T/latency")"
	echo
	echo "Binary sizes (bytes): ddns.cgi $(stat -c %s "$B/ddns.cgi"), ddns-apply $(stat -c %s "$B/ddns-apply"), ddns-checkip $(stat -c %s "$B/ddns-checkip");"
	echo "shared libraries: ddns.cgi $(ldd "$B/ddns.cgi" 2>/dev/null | wc -l), ddns-checkip $(ldd "$B/ddns-checkip" | wc -l)."
} > "$OUT"
cat "$OUT"
