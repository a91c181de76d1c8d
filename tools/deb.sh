#!/bin/sh
# deb.sh BUILD [VERSION]: build the Debian package from a copy of this tree
# under BUILD/deb (dpkg-buildpackage writes beside the tree it builds, and
# that must not be beside the clone), and leave
# BUILD/ddns-admin_<version>_<arch>.deb. VERSION adds a changelog entry of
# that version to the copy (check-package's upgrade). Prints the path.
# deb.sh --previous BUILD: the same from the last commit of the previous
# release (git archive of it: check-package's upgrade from the real one),
# that is the commit before the one that put debian/changelog's current
# version on top (HEAD while that version is not committed yet).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
prev=
if [ "$1" = --previous ]; then
	prev=1
	shift
fi
B=$1
ver=${2:-}
case "$B" in /*) ;; *) B=$TOP/$B ;; esac
for p in debhelper dpkg-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || {
		echo "deb: $p is missing: tools/deps.sh package (as root)" >&2; exit 1; }
done
W=$B/deb
rm -rf "$W"
mkdir -p "$W/src"
# top_version REV: the version on top of debian/changelog at REV.
top_version() {
	git -C "$TOP" show "$1:debian/changelog" | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p'
}
if [ -n "$prev" ]; then
	git -C "$TOP" rev-parse -q --verify HEAD > /dev/null || {
		echo "deb: --previous needs the git history (a clone, not a tarball)" >&2; exit 1; }
	cur=$(cd "$TOP" && dpkg-parsechangelog -S Version)
	rev=HEAD
	for c in $(git -C "$TOP" rev-list HEAD -- debian/changelog); do
		[ "$(top_version "$c")" = "$cur" ] || break
		rev=$c^
	done
	[ "$(top_version "$rev")" != "$cur" ] || {
		echo "deb: no release before $cur in the history" >&2; exit 1; }
	git -C "$TOP" archive "$rev" | tar -x -C "$W/src"
	echo "deb: the previous release, $(top_version "$rev"), from $(git -C "$TOP" rev-parse --short "$rev")" >&2
else
	# The tree as it is (committed or not), without builds and the demo.
	(cd "$TOP" && tar -c --exclude=./.git --exclude=./build --exclude=./build-asan \
		--exclude=./run --exclude='./build-*' .) | tar -x -C "$W/src"
fi
if [ -n "$ver" ]; then
	{
		echo "ddns-admin ($ver) unstable; urgency=medium"
		echo
		echo "  * Rebuilt as $ver."
		echo
		echo " -- ddns-admin developers <ddns-admin@lists.example.org>  $(date -R)"
		echo
		cat "$W/src/debian/changelog"
	} > "$W/changelog.new"
	mv "$W/changelog.new" "$W/src/debian/changelog"
fi
(cd "$W/src" && dpkg-buildpackage -b -us -uc > "$W/build.log" 2>&1) || {
	tail -40 "$W/build.log" >&2
	echo "deb: dpkg-buildpackage failed; all of it in $W/build.log" >&2
	exit 1
}
v=$(cd "$W/src" && dpkg-parsechangelog -S Version)
a=$(dpkg --print-architecture)
cp "$W/ddns-admin_${v}_$a.deb" "$B/"
echo "$B/ddns-admin_${v}_$a.deb"
