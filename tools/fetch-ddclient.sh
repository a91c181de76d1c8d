#!/bin/sh
# fetch-ddclient.sh: ddclient 3.11.2 (Debian 13's package, architecture all,
# Perl) into the build tree, never onto the system, so the end-to-end tests
# run against both ddclients that appliances ship (3.10 is the system's).
#
# Usage: tools/fetch-ddclient.sh [DEST]   (default build/ddclient-3.11)
# Gives DEST/usr/bin/ddclient, checked to run with this system's perl.
#
# The .deb is kept in $DDCLIENT_DEB_CACHE (default /var/cache/ddns-admin,
# outside the clone), so a fresh clone on the same machine does not download
# it again; it is always checked against the pinned SHA-256. A download goes
# through a private sources list for the Debian 13 suite on the mirror the
# system's sources already use, with private lists and archive cache
# (-o Dir::...): the system's lists and installed packages are left alone.
set -eu

PKG=ddclient VERSION=3.11.2-2 SUITE=trixie
SHA256=2da80dc1b6cb01a7f514df8f7b314f219de259cfe68a15a5528adfcedabacd37
DEB=${PKG}_${VERSION}_all.deb
DEST=${1:-build/ddclient-3.11}
CACHE=${DDCLIENT_DEB_CACHE:-/var/cache/ddns-admin}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

say() { echo "fetch-ddclient: $*" >&2; }
sha_ok() { [ -f "$1" ] && echo "$SHA256  $1" | sha256sum -c --status -; }

# Already extracted from this very package: nothing to do.
if [ -f "$DEST/.deb-sha256" ] && [ "$(cat "$DEST/.deb-sha256")" = "$SHA256" ] &&
	[ -f "$DEST/usr/bin/ddclient" ]; then
	exit 0
fi

# The cache outside the clone; without the right to create it, one under
# the user's home (never the clone: `make clean` would lose it).
if ! mkdir -p "$CACHE" 2> /dev/null || [ ! -w "$CACHE" ]; then
	CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/ddns-admin
	mkdir -p "$CACHE"
fi

# mirror: the first Debian archive URI of the system's sources (one-line
# or deb822 format), not the security archive.
mirror() {
	{
		cat /etc/apt/sources.list 2> /dev/null |
			sed -n 's/^[[:space:]]*deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]*\)\{0,1\}\([a-z]*:[^[:space:]]*\).*/\2/p'
		cat /etc/apt/sources.list.d/*.list 2> /dev/null |
			sed -n 's/^[[:space:]]*deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]*\)\{0,1\}\([a-z]*:[^[:space:]]*\).*/\2/p'
		cat /etc/apt/sources.list.d/*.sources 2> /dev/null |
			sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n'
	} | grep -v -e '-security' -e '^$' | grep '/debian/\{0,1\}$' | head -1
}

if ! sha_ok "$CACHE/$DEB"; then
	rm -f "$CACHE/$DEB"
	m=$(mirror)
	[ -n "$m" ] || { say "no Debian mirror in /etc/apt/sources*"; exit 1; }
	say "downloading $PKG $VERSION from $m ($SUITE) into $CACHE"
	tmp=$(mktemp -d /tmp/fetch-ddclient.XXXXXX)
	trap 'rm -rf "$tmp"' EXIT
	mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/dl"
	echo "deb [signed-by=$KEYRING] $m $SUITE main" > "$tmp/sources.list"
	# apt fetches as _apt where it can: let it write the download there.
	if [ "$(id -u)" -eq 0 ] && id _apt > /dev/null 2>&1; then
		chmod 755 "$tmp" && chown _apt "$tmp/dl"
	fi
	set -- -q -o Dir::Etc::sourcelist="$tmp/sources.list" \
		-o Dir::Etc::sourceparts=- -o Dir::State::Lists="$tmp/lists" \
		-o Dir::Cache="$tmp/cache" -o Debug::NoLocking=1
	apt-get "$@" update > "$tmp/update.log" 2>&1 ||
		{ cat "$tmp/update.log" >&2; say "apt-get update of $SUITE failed"; exit 1; }
	(cd "$tmp/dl" && apt-get "$@" download "$PKG=$VERSION") > "$tmp/dl.log" 2>&1 ||
		{ cat "$tmp/dl.log" >&2; say "apt-get download failed"; exit 1; }
	sha_ok "$tmp/dl/$DEB" ||
		{ say "$DEB does not have the pinned SHA-256 $SHA256"; exit 1; }
	cp "$tmp/dl/$DEB" "$CACHE/$DEB.tmp" && mv "$CACHE/$DEB.tmp" "$CACHE/$DEB"
fi

# The package's own version, not only its bytes.
v=$(dpkg-deb -f "$CACHE/$DEB" Version)
[ "$v" = "$VERSION" ] || { say "$DEB says version $v, not $VERSION"; exit 1; }

rm -rf "$DEST.tmp"
mkdir -p "$DEST.tmp"
dpkg-deb -x "$CACHE/$DEB" "$DEST.tmp"
# It must run with this system's perl (it needs curl, which deps installs).
out=$(perl "$DEST.tmp/usr/bin/ddclient" -help 2>&1) || true
case "$out" in
*"ddclient version 3.11.2,"*) ;;
*) say "the extracted ddclient does not run:"; printf '%s\n' "$out" | tail -5 >&2; exit 1 ;;
esac
command -v curl > /dev/null || say "warning: ddclient 3.11 needs curl (tools/deps.sh check installs it)"
echo "$SHA256" > "$DEST.tmp/.deb-sha256"
rm -rf "$DEST"
mv "$DEST.tmp" "$DEST"
say "ddclient $VERSION in $DEST/usr/bin/ddclient"
