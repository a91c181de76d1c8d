#!/bin/sh
# check-package.sh: `make check-package`. Build the package (and it again
# at a higher version for the upgrade, and the previous release from git
# history), run lintian (an error fails), then tests/package/chroot.sh:
# install, use, upgrade, remove and purge it in a fresh Debian 12 chroot,
# then the same in a fresh Debian 13 chroot, where the package is built
# from source inside the chroot (so it links Debian 13's libraries). Needs
# root. debootstrap's tarballs and apt's downloads are kept in
# DDNS_ADMIN_CACHE (default build/package-cache, inside the build tree), so
# later runs skip the download. CHECK_SUITES (default "bookworm trixie")
# names the releases to run.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
if [ "$(id -u)" -ne 0 ]; then
	echo "check-package: needs root (debootstrap, chroot, mount)" >&2
	exit 1
fi
tools/deps.sh package
B=${BUILD:-build}
case "$B" in /*) ;; *) B=$TOP/$B ;; esac
fail=0 built=
# run SUITE ARGS...: chroot.sh on SUITE; its summary line, and the failures.
run() {
	_s=$1
	shift
	_t0=$(date +%s)
	_out=$(SUITE=$_s sh tests/package/chroot.sh "$@" 2>&1) || fail=1
	printf '%s\n' "$_out" | grep -E '^(not ok|# )' | sed "s/^/$_s: /"
	_p=$(printf '%s\n' "$_out" | grep -c '^ok ' || true)
	_f=$(printf '%s\n' "$_out" | grep -c '^not ok ' || true)
	[ "$_p" -gt 0 ] && [ "$_f" -eq 0 ] || fail=1
	echo "check-package: $_s chroot: $_p passed, $_f failed ($(($(date +%s) - _t0)) s)"
}
# lint DEB: lintian on DEB, for the record; any E: fails.
lint() {
	lintian --pedantic -I "$1" > "$1.lintian" 2>&1 || true
	sed 's/^/lintian: /' "$1.lintian"
	grep -q '^E:' "$1.lintian" && { echo "check-package: lintian reports errors" >&2; fail=1; }
	echo "check-package: lintian $(basename "$1"): $(grep -c '^E:' "$1.lintian") errors," \
		"$(grep -c '^W:' "$1.lintian") warnings"
}
start=$(date +%s)
for suite in ${CHECK_SUITES:-bookworm trixie}; do
	case $suite in
	bookworm)
		# This machine is Debian 12: built here.
		deb=$(tools/deb.sh "$B")
		v=$(dpkg-deb -f "$deb" Version)
		# The upgrade's higher version: the same build, its version
		# raised (as chroot.sh --build does; a second build cost 1.5 min).
		rm -rf "$B/upgrade"
		mkdir -p "$B/upgrade"
		dpkg-deb -R "$deb" "$B/upgrade/tree"
		sed -i "s/^Version: .*/Version: $v+check1/" "$B/upgrade/tree/DEBIAN/control"
		newdeb=$B/upgrade/ddns-admin_$v+check1_$(dpkg --print-architecture).deb
		dpkg-deb -b "$B/upgrade/tree" "$newdeb" > /dev/null
		prevdeb=$(tools/deb.sh --previous "$B/previous")
		built=1
		lint "$deb"
		run bookworm "$deb" "$newdeb" "$prevdeb" ;;
	*)
		# Built inside the chroot, from the same sources as above.
		if [ -z "$built" ]; then
			tools/deb.sh "$B" > /dev/null
			tools/deb.sh --previous "$B/previous" > /dev/null
		fi
		mkdir -p "$B/$suite"
		rm -f "$B/$suite"/*.deb
		run "$suite" --build "$B/deb/src" "$B/previous/deb/src" "$B/$suite"
		d=$B/$suite/ddns-admin_$(cd "$B/deb/src" && dpkg-parsechangelog -S Version)_$(dpkg --print-architecture).deb
		if [ -f "$d" ]; then lint "$d"; else fail=1; fi ;;
	esac
done
echo "check-package: $(($(date +%s) - start)) s in all"
[ "$fail" -eq 0 ]
