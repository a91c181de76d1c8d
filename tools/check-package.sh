#!/bin/sh
# check-package.sh: `make check-package`. Build the package (and a rebuilt
# higher version for the upgrade), run lintian (an error fails), then
# tests/package/chroot.sh: install, use, upgrade, remove and purge it in a
# fresh Debian 12 chroot. Needs root. debootstrap's tarball and apt's
# downloads are kept in DDNS_ADMIN_CACHE (default /var/cache/ddns-admin),
# outside the clone, so later runs and fresh clones skip the download.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
if [ "$(id -u)" -ne 0 ]; then
	echo "check-package: needs root (debootstrap, chroot, mount)" >&2
	exit 1
fi
tools/deps.sh package
B=${BUILD:-build}
start=$(date +%s)
deb=$(tools/deb.sh "$B")
v=$(dpkg-deb -f "$deb" Version)
newdeb=$(tools/deb.sh "$B/upgrade" "$v+check1")
# The package as built, for the record; any E: fails.
lintian --pedantic -I "$deb" > "$B/lintian.txt" 2>&1 || true
sed 's/^/lintian: /' "$B/lintian.txt"
fail=0
if grep -q '^E:' "$B/lintian.txt"; then
	echo "check-package: lintian reports errors" >&2
	fail=1
fi
out=$(sh tests/package/chroot.sh "$deb" "$newdeb" 2>&1) || fail=1
printf '%s\n' "$out" | grep -E '^(not ok|# )'
p=$(printf '%s\n' "$out" | grep -c '^ok ' || true)
f=$(printf '%s\n' "$out" | grep -c '^not ok ' || true)
[ "$p" -gt 0 ] || fail=1
echo "check-package: lintian $(grep -c '^E:' "$B/lintian.txt") errors," \
	"$(grep -c '^W:' "$B/lintian.txt") warnings; chroot: $p passed, $f failed" \
	"($(($(date +%s) - start)) s)"
[ "$fail" -eq 0 ] && [ "$f" -eq 0 ]
