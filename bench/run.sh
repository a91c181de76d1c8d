#!/bin/sh
# bench/run.sh: what a request to ddns.cgi costs, as ratios against the
# fork+exec floor (bench/floor.c) measured in the same run, so the figures
# mean the same on any machine. `make bench`. Nothing here is asserted.
#   wall:  N sequential runs of each command, total time / floor's total
#   instr: valgrind --tool=callgrind instruction counts (repeatable)
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
B=${BUILD:-$TOP/build}
N=${N:-300}
T=$(mktemp -d /tmp/ddns-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
cc -O2 -o "$T/floor" "$TOP/bench/floor.c"
mkdir "$T/state"
BUILD="$B" "$TOP/tools/instance-conf.sh" "$T" apply=/bin/true checkip=/bin/true \
	require_auth=no > "$T/conf"
printf 'ip=203.0.113.7\ntime=%s\nerror=\n' "$(date +%s)" > "$T/state/publicip"
sqlite3 "$T/ddns.db" < "$TOP/schema.sql"
i=0
while [ $i -lt 20 ]; do
	sqlite3 "$T/ddns.db" "insert into hosts (hostname, provider, login, password, created, updated) values ('h$i.example.com', 'dyn', 'user', 'pw', 0, 0)"
	i=$((i + 1))
done

run() {	# run N times: env -i QUERY_STRING=... cmd
	q=$1; shift
	i=0
	while [ $i -lt "$N" ]; do
		env -i DDNS_ADMIN_CONFIG="$T/conf" REQUEST_METHOD=GET QUERY_STRING="$q" "$@" > /dev/null
		i=$((i + 1))
	done
}
wall() {	# wall QUERY CMD: milliseconds for N runs
	s=$(date +%s%N); run "$@"; e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
}
instr() {
	env -i DDNS_ADMIN_CONFIG="$T/conf" REQUEST_METHOD=GET QUERY_STRING="$1" \
		valgrind --tool=callgrind --callgrind-out-file="$T/cg" "$2" > /dev/null 2> "$T/vg"
	sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$T/vg"
}

floor=$(wall "" "$T/floor")
list=$(wall "" "$B/ddns.cgi")
edit=$(wall "action=edit" "$B/ddns.cgi")
hist=$(wall "action=history" "$B/ddns.cgi")
echo "ddns.cgi, $N runs each, 20 hosts (wall time / floor's, same run):"
awk -v f="$floor" -v l="$list" -v e="$edit" -v h="$hist" -v n="$N" 'BEGIN {
	printf "  floor (fixed page)   %6.2f ms/run   1.00\n", f / n
	printf "  list page            %6.2f ms/run   %.2f\n", l / n, l / f
	printf "  create form          %6.2f ms/run   %.2f\n", e / n, e / f
	printf "  history              %6.2f ms/run   %.2f\n", h / n, h / f }'
if command -v valgrind > /dev/null; then
	fi=$(instr "" "$T/floor"); li=$(instr "" "$B/ddns.cgi")
	echo "instructions (callgrind): floor $fi, list page $li (x$(awk -v a="$li" -v b="$fi" 'BEGIN { printf "%.1f", a / b }'))"
fi
echo "shared libraries: ddns.cgi $(ldd "$B/ddns.cgi" | wc -l), ddns-checkip $(ldd "$B/ddns-checkip" | wc -l)"
