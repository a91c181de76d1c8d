#!/bin/sh
# run-all.sh: every test: the Check unit suites, then the end-to-end
# scripts. Ends with one summary line; exits 1 if anything failed.
#
# The end-to-end scripts run JOBS at a time (default 4: most of their time
# is spent waiting on servers, ddclient and deadlines, not on the CPU).
# Each has its own directory, its servers on ports the kernel chose, and
# reads the system's files only, so they do not see each other. Their
# reports are printed in the scripts' order, with each script's seconds.
set -u
cd "$(dirname "$0")/.."
B=${BUILD:-build}
JOBS=${JOBS:-4}
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
# by `make deps`). DDCLIENTS (program paths) narrows or widens the list;
# E2E (script numbers, e.g. "t0001 t0016") narrows the scripts, E2E_SKIP
# leaves some out.
DDCLIENTS=${DDCLIENTS:-/usr/bin/ddclient $PWD/build/ddclient-3.11/usr/bin/ddclient}
R=$(mktemp -d)
trap 'rm -rf "$R"' EXIT

# The plan: one line a run, "SCRIPT NAME DDCLIENT" (DDCLIENT - for none).
# The longest scripts first, so that the last to finish is a short one.
plan() {
	for t in tests/e2e/t[0-9]*.sh; do
		[ -f "$t" ] || continue
		base=$(basename "$t" .sh)
		if [ -n "${E2E:-}" ]; then
			case " $E2E " in *" ${base%%-*} "*) ;; *) continue ;; esac
		fi
		case " ${E2E_SKIP:-} " in *" ${base%%-*} "*) continue ;; esac
		if grep -q 'DDCLIENT' "$t"; then
			for d in $DDCLIENTS; do
				v=$(sed -n "s/^use version [0-9.]*; our \$VERSION = version->declare('v\{0,1\}\([0-9]*\.[0-9]*\)[.'].*/\1/p" "$d" 2> /dev/null | head -1)
				if [ -n "$v" ]; then echo "$t $(basename "$t")[$v] $d"
				else echo "$t $(basename "$t")[$d] none"; fi
			done
		else
			echo "$t $(basename "$t") -"
		fi
	done
}
plan | awk '{ print (index(SLOW, substr($2, 1, 5)) ? 0 : 1), NR, $0 }' \
	SLOW="$(cat tests/e2e/slow 2> /dev/null)" |
	sort -n -k1,1 -k2,2 | cut -d' ' -f2- > "$R/plan"

# One run: its report in $R/N.out, exit code in N.rc, seconds in N.s.
export B R
xargs -P "$JOBS" -L 1 sh -c '
	n=$1 t=$2 d=$4 start=$(date +%s)
	if [ "$d" = none ]; then
		exit 0
	elif [ "$d" = - ]; then
		env BUILD="$B" sh "$t" > "$R/$n.out" 2>&1
	else
		env BUILD="$B" DDCLIENT="$d" DDCLIENT_TAG=1 sh "$t" > "$R/$n.out" 2>&1
	fi
	echo $? > "$R/$n.rc"
	echo $(($(date +%s) - start)) > "$R/$n.s"' run < "$R/plan"

total=0
while read -r n t name d; do
	if [ "$d" = none ]; then
		e2e_fail=$((e2e_fail + 1)); broken="$broken $name"
		echo "$name: no ddclient there (make deps fetches 3.11)"; continue
	fi
	out=$(cat "$R/$n.out"); rc=$(cat "$R/$n.rc" 2> /dev/null || echo 1)
	printf '%s\n' "$out" | grep -E '^(not ok|# )' | sed "s|^|$name: |"
	echo "$name: $(cat "$R/$n.s" 2> /dev/null) s"
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
done <<PLAN
$(sort -n "$R/plan")
PLAN

[ -n "$broken" ] && echo "broken:$broken"
echo "Check: $checks checks, $cfail failed; end-to-end: $e2e_pass passed, $e2e_fail failed"
[ "$cfail" -eq 0 ] && [ "$e2e_fail" -eq 0 ]
