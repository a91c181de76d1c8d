#!/bin/sh
# deb.sh BUILD [VERSION]: build the Debian package from a copy of this tree
# under BUILD/deb (dpkg-buildpackage writes beside the tree it builds, and
# that must not be beside the clone), and leave
# BUILD/ddns-admin_<version>_<arch>.deb. VERSION adds a changelog entry of
# that version to the copy (check-package's upgrade). Prints the path.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
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
# The tree as it is (committed or not), without builds and the demo.
(cd "$TOP" && tar -c --exclude=./.git --exclude=./build --exclude=./build-asan \
	--exclude=./run --exclude='./build-*' .) | tar -x -C "$W/src"
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
