#!/bin/sh
# deps.sh: install the Debian packages that building, running and testing need.
# Usage: tools/deps.sh [run|check|bench|package]. Installs only what is missing; without root,
# prints the one apt-get line to run instead and fails.
set -eu

BUILD="gcc make pkg-config clearsilver-dev libsqlite3-dev libcurl4-openssl-dev libunbound-dev nettle-dev check sqlite3"
RUN="lighttpd apache2-utils ddclient libio-socket-ssl-perl libio-socket-inet6-perl bind9-dnsutils sudo"
TEST="python3 python3-jsonschema curl valgrind clang libclang-rt-14-dev chromium fonts-dejavu-core bind9 openssl lighttpd-mod-openssl nginx fcgiwrap apache2 busybox openjdk-17-jre-headless"
# openjdk-17-jre-headless: the java that runs the Nu Html Checker (t0041).
# python3-jsonschema: t0021 validates ?action=status against its schema.
BENCH="perl libcgi-pm-perl php-cgi valgrind python3"

# make deb and make check-package (not make check).
PACKAGE="debhelper dpkg-dev lintian debootstrap"

case "${1:-check}" in
run) want="$BUILD $RUN" ;;
check) want="$BUILD $RUN $TEST" ;;
bench) want="$BUILD $RUN $BENCH" ;;
package) want="$BUILD $RUN $TEST $PACKAGE" ;;
*) echo "usage: $0 [run|check|bench|package]" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "Missing Debian packages. Run as root:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# The web servers the tests start themselves: their packages must not
# start them on port 80 (a machine without a policy-rc.d would).
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
	chmod 0755 /usr/sbin/policy-rc.d
	trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -q >/dev/null
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null
