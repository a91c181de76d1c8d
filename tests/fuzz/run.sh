#!/bin/sh
# run.sh MODE BUILDDIR SECONDS NAME...: run the libFuzzer harnesses built
# by fuzz.mk (called by `make fuzz` and `make fuzz-smoke`; run from the
# top of the tree).
#   fuzz   fuzz each NAME for SECONDS on a fresh copy of
#          tests/fuzz/corpus/NAME in BUILDDIR/corpus-NAME
#   smoke  replay every seed and every tests/fuzz/regress/NAME-* file once
#          (the regression tests of fixed crashes), then fuzz as above
# One result line per harness with libFuzzer's final stats; a crash leaves
# its input in BUILDDIR/artifacts/. Exits 1 if any harness failed.
set -u
mode=$1 dir=$2 secs=$3
shift 3
src=tests/fuzz
failed=""
mkdir -p "$dir/artifacts" || exit 1

# libFuzzer's options per harness: the longest input worth trying.
maxlen() {
	case $1 in
	form|ddconf) echo 8192 ;;
	*) echo 4096 ;;
	esac
}

opts() {
	echo "-max_len=$(maxlen "$1") -timeout=10 -rss_limit_mb=2048" \
	    "-dict=$src/$1.dict -print_final_stats=1" \
	    "-artifact_prefix=$dir/artifacts/$1-"
}

# replay NAME: each seed once, then each tests/fuzz/regress/NAME-* file
# once, on its own so that every failing one is named. Files, not a
# corpus directory, so that nothing is written into the source tree.
replay() {
	n=$1
	set --
	for f in "$src/corpus/$n"/*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	[ $# -gt 0 ] && replay_files "$n" "seeds" "$@"
	for f in "$src/regress/$n"-*; do
		[ -f "$f" ] && replay_files "$n" "$(basename "$f")" "$f"
	done
}

replay_files() {
	n=$1 what=$2 log=$dir/replay-$1-$2.log
	shift 2
	if "$dir/fuzz_$n" -runs=1 $(opts "$n") "$@" >"$log" 2>&1; then
		printf 'fuzz_%-8s replay %s: %d ok\n' "$n" "$what" "$#"
	else
		printf 'fuzz_%-8s replay %s: FAILED (log %s)\n' "$n" "$what" "$log"
		grep '^Running: ' "$log" | tail -1 | sed 's/^/    /'
		grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_[a-z]+: |[^ ]*\.c:[0-9]+:[0-9]+: runtime error|    #[0-9] .* in [a-z_]+ [^ ]*(backend|tests)/)' \
		    "$log" | head -12 | sed 's/^/    /'
		failed="$failed $n:$what"
	fi
}

fuzz() {
	n=$1 corpus=$dir/corpus-$1 log=$dir/fuzz-$1.log
	rm -rf "$corpus"
	mkdir -p "$corpus" "$dir/artifacts"
	cp "$src/corpus/$n"/* "$corpus"/ 2>/dev/null
	start=$(date +%s)
	"$dir/fuzz_$n" -max_total_time="$secs" $(opts "$n") "$corpus" \
	    >"$log" 2>&1
	rc=$?
	took=$(( $(date +%s) - start ))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*\(corp: [0-9]*\/[^ ]*\).*/\1 \2 \3/p')
	if [ "$rc" -eq 0 ]; then
		printf 'fuzz_%-8s ok: %s runs in %ss (%s/s), %s, %s inputs\n' \
		    "$n" "${runs:-?}" "$took" "${speed:-?}" "${cov:-?}" \
		    "$(ls "$corpus" | wc -l)"
	else
		printf 'fuzz_%-8s CRASHED (exit %d) after %ss: %s runs (log %s)\n' \
		    "$n" "$rc" "$took" "${runs:-?}" "$log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_[a-z]+: |[^ ]*\.c:[0-9]+:[0-9]+: runtime error|    #[0-9] .* in [a-z_]+ [^ ]*(backend|tests)/|Test unit written)' \
		    "$log" | head -14 | sed 's/^/    /'
		failed="$failed $n"
	fi
}

for n in "$@"; do
	[ -x "$dir/fuzz_$n" ] || { echo "fuzz_$n: not built"; failed="$failed $n"; continue; }
	[ "$mode" = smoke ] && replay "$n"
	fuzz "$n"
done
if [ -n "$failed" ]; then
	echo "fuzz: FAILED:$failed"
	exit 1
fi
echo "fuzz: all $# harnesses ok"
