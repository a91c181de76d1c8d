#!/bin/sh
# run-all.sh: every test: the Check unit suites, then the end-to-end
# scripts. Ends with one summary line; exits 1 if anything failed.
set -u
cd "$(dirname "$0")/.."
B=${BUILD:-build}
checks=0 cfail=0 e2e_pass=0 e2e_fail=0 broken=""

for t in "$B"/tests/check_*; do
	[ -x "$t" ] || continue
	out=$(${CHECK_WRAP:-} "$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks|:[EF]:' | sed "s|^|$(basename "$t"): |"
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks' | tail -1)
	n=$(printf '%s' "$line" | sed -n 's/.*Checks: \([0-9]*\).*/\1/p')
	f=$(printf '%s' "$line" | sed -n 's/.*Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2/p')
	checks=$((checks + ${n:-0}))
	set -- $f
	cfail=$((cfail + ${1:-0} + ${2:-0}))
	# A suite that ran nothing, or crashed, is a failure too.
	if [ "$rc" -ne 0 ] || [ "${n:-0}" -eq 0 ]; then
		broken="$broken $(basename "$t")"
		[ "${1:-0}" -eq 0 ] && [ "${2:-0}" -eq 0 ] && cfail=$((cfail + 1))
	fi
done

# The ddclients every script naming DDCLIENT runs against, once each:
# Debian 12's (3.10) and Debian 13's 3.11.2 (tools/fetch-ddclient.sh, run
# by `make deps`). DDCLIENTS (program paths) narrows or widens the list.
DDCLIENTS=${DDCLIENTS:-/usr/bin/ddclient $PWD/build/ddclient-3.11/usr/bin/ddclient}

# run_e2e SCRIPT NAME [VAR=VALUE...]: one end-to-end script, counted.
run_e2e() {
	t=$1 name=$2; shift 2
	out=$(env BUILD="$B" "$@" sh "$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^(not ok|# )' | sed "s|^|$name: |"
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	e2e_pass=$((e2e_pass + p))
	e2e_fail=$((e2e_fail + f))
	# A script that asserted nothing, or died, is a failure too.
	if { [ "$rc" -ne 0 ] || [ "$p" -eq 0 ]; } && [ "$f" -eq 0 ]; then
		e2e_fail=$((e2e_fail + 1))
		broken="$broken $name"
		printf '%s\n' "$out" | tail -5 | sed "s|^|$name (exit $rc): |"
	fi
}

for t in tests/e2e/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	if grep -q 'DDCLIENT' "$t"; then
		for d in $DDCLIENTS; do
			v=$(sed -n "s/^use version [0-9.]*; our \$VERSION = version->declare('v\{0,1\}\([0-9]*\.[0-9]*\)[.'].*/\1/p" "$d" 2> /dev/null | head -1)
			if [ -z "$v" ]; then
				e2e_fail=$((e2e_fail + 1))
				broken="$broken $(basename "$t")[$d]"
				echo "$(basename "$t"): no ddclient at $d (make deps fetches 3.11)"
				continue
			fi
			run_e2e "$t" "$(basename "$t")[$v]" DDCLIENT="$d" DDCLIENT_TAG=1
		done
	else
		run_e2e "$t" "$(basename "$t")"
	fi
done

[ -n "$broken" ] && echo "broken:$broken"
echo "Check: $checks checks, $cfail failed; end-to-end: $e2e_pass passed, $e2e_fail failed"
[ "$cfail" -eq 0 ] && [ "$e2e_fail" -eq 0 ]
