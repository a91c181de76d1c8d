#!/bin/sh
# chroot.sh DEB NEWDEB PREVDEB, or chroot.sh --build SRC PREVSRC OUTDIR
# (the three built in the chroot from those sources, left in OUTDIR): the
# package on a clean Debian 12, or Debian 13 with SUITE=trixie (make
# check-package runs it, as root). A fresh chroot from debootstrap's
# tarball (cached in $CACHE, build/package-cache by default); the package
# installed with apt over a hand-written ddclient.conf of three hosts (one
# the page cannot model: kept as written; the fake provider gets the same
# requests after the install, a Save and an upgrade); the lighttpd drop-in
# enabled by its one command; lighttpd and ddclient (root) started by
# hand as Debian 12's scripts would, on Debian 13 by its service script;
# the page driven from outside with curl: a Save
# made as www-data reaches the root ddclient through the sudo rule and the
# fake provider (outside, on 127.0.0.1) receives the update; the list page
# shows the live state. Issue 18's boundary on the installed system: the
# Import of a hand-written ddclient.conf through the page (sudo --import);
# ddns-apply and ddns-status finish while www-data holds every file and
# lock it can make; an upgrade with a hostile database ends within a
# minute, with a warning. Then: the module configuration applied by the
# documented command, an upgrade to NEWDEB (an old database migrated, rows
# and configuration kept), remove (state kept) and purge (state gone);
# then the previous release installed, two hosts saved, upgraded to this
# one (rows kept) and purged, leaving no file behind.
. "$(dirname "$0")/../e2e/lib.sh"
if [ "$1" = --build ]; then
	SRC=$2 PREVSRC=$3 OUT=$4
else
	DEB=$1 NEWDEB=$2 PREVDEB=$3
fi
CACHE=${DDNS_ADMIN_CACHE:-$TOP/build/package-cache}
MIRROR=http://deb.debian.org/debian
SUITE=${SUITE:-bookworm}
case $SUITE in
bookworm) REL="Debian 12" ;;
trixie) REL="Debian 13" ;;
*) echo "chroot.sh: SUITE bookworm or trixie" >&2; exit 2 ;;
esac
TARBALL=$CACHE/$SUITE-minbase.tgz
R=$(mktemp -d /var/tmp/ddns-admin-chroot.XXXXXX)

# ---- the chroot, and its end (even on failure) ----
in_chroot() { chroot "$R" "$@"; }
quiet() { "$@" > /dev/null 2>&1; }
stop_chroot_processes() {
	for _sig in TERM KILL; do
		for _p in /proc/[0-9]*; do
			[ "$(readlink "$_p/root" 2> /dev/null)" = "$R" ] &&
				kill -s "$_sig" "${_p#/proc/}" 2> /dev/null
		done
		sleep 0.5
	done
}
end_chroot() {
	stop_chroot_processes
	for _m in var/cache/apt/archives dev/pts dev proc; do
		mountpoint -q "$R/$_m" 2> /dev/null && umount "$R/$_m"
	done
	# Never rm -rf through a mount that is still there.
	if grep -qF " $R/" /proc/mounts; then
		echo "# check-package: $R still has mounts; left in place" >&2
	else
		rm -rf "$R"
	fi
}
trap 'end_chroot; _cleanup' EXIT
trap 'end_chroot; _cleanup; trap - EXIT; exit 143' INT TERM
bail() { not_ok "$1"; done_testing; exit 1; }

mkdir -p "$CACHE/apt-archives/partial"
if [ ! -s "$TARBALL" ]; then
	echo "# check-package: making $TARBALL (once per machine)"
	rm -rf "$CACHE/mk"
	debootstrap --variant=minbase --make-tarball="$TARBALL.tmp" "$SUITE" \
		"$CACHE/mk" "$MIRROR" > "$CACHE/make-tarball.log" 2>&1 ||
		{ tail -5 "$CACHE/make-tarball.log"; bail "debootstrap --make-tarball"; }
	mv "$TARBALL.tmp" "$TARBALL"
	rm -rf "$CACHE/mk"
fi
debootstrap --variant=minbase --unpack-tarball="$TARBALL" "$SUITE" "$R" \
	"$MIRROR" > "$T/debootstrap.log" 2>&1 ||
	{ tail -5 "$T/debootstrap.log"; bail "debootstrap from the cached tarball"; }
ok "a fresh $REL chroot from the cached tarball"
# mktemp made it 0700: it is the chroot's /, which every user crosses.
chmod 0755 "$R"
mount -t proc proc "$R/proc"
mount --bind /dev "$R/dev"
mount --bind /dev/pts "$R/dev/pts"
# apt's downloads kept for the next run, like the tarball.
mount --bind "$CACHE/apt-archives" "$R/var/cache/apt/archives"
chown "$(in_chroot id -u _apt)" "$CACHE/apt-archives/partial"
cp /etc/resolv.conf "$R/etc/resolv.conf"
# sudo looks the host's name up: give it one, as an installed system has.
echo "127.0.1.1 $(hostname)" >> "$R/etc/hosts"
# No service starts by itself (no init here): we start them by hand.
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"
chmod 0755 "$R/usr/sbin/policy-rc.d"
cat > "$R/etc/apt/sources.list" <<SRC
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
SRC
export DEBIAN_FRONTEND=noninteractive
in_chroot apt-get update -q > "$T/apt.log" 2>&1 || { tail -5 "$T/apt.log"; bail "apt-get update"; }

# ---- built here, from source, with this release's libraries ----
if [ -n "${SRC:-}" ]; then
	t0=$(date +%s)
	deps=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' "$SRC/debian/control" |
		sed 's/^Build-Depends://; /^[A-Z]/d; s/([^)]*)//g; s/,/ /g')
	if in_chroot apt-get install -y -q --no-install-recommends build-essential \
	    $deps > "$T/builddeps.log" 2>&1; then
		ok "the build dependencies install ($(echo $deps))"
	else
		tail -20 "$T/builddeps.log" | sed 's/^/# /'
		bail "the build dependencies install"
	fi
	for w in cur prev; do
		[ $w = cur ] && src=$SRC || src=$PREVSRC
		mkdir -p "$R/tmp/build/$w/src"
		cp -a "$src/." "$R/tmp/build/$w/src/"
		if chroot "$R" sh -c "cd /tmp/build/$w/src && dpkg-buildpackage -b -us -uc" \
		    > "$T/build-$w.log" 2>&1; then
			ok "dpkg-buildpackage builds the package inside the chroot ($w: $(cd "$src" && dpkg-parsechangelog -S Version))"
		else
			tail -20 "$T/build-$w.log" | sed 's/^/# /'
			bail "dpkg-buildpackage builds the package inside the chroot ($w)"
		fi
	done
	DEB=$(ls "$R"/tmp/build/cur/ddns-admin_*.deb) PREVDEB=$(ls "$R"/tmp/build/prev/ddns-admin_*.deb)
	# The upgrade's higher version: the same build, its version raised.
	v=$(dpkg-deb -f "$DEB" Version)
	rm -rf "$R/tmp/build/up"
	dpkg-deb -R "$DEB" "$R/tmp/build/up"
	sed -i "s/^Version: .*/Version: $v+check1/" "$R/tmp/build/up/DEBIAN/control"
	NEWDEB=$R/tmp/build/ddns-admin_$v+check1_$(dpkg-deb -f "$DEB" Architecture).deb
	dpkg-deb -b "$R/tmp/build/up" "$NEWDEB" > /dev/null
	check "the package links this release's libraries (ldd finds them all)" \
		sh -c "! chroot '$R' sh -c 'cd /tmp/build/cur/src/debian/ddns-admin/usr/lib/ddns-admin && ldd ddns.cgi ddns-apply ddns-migrate' | grep -q 'not found'"
	cp "$DEB" "$PREVDEB" "$NEWDEB" "$OUT/"
	echo "# built in the chroot in $(($(date +%s) - t0)) s"
fi
cp "$DEB" "$NEWDEB" "$PREVDEB" "$R/tmp/"

# ---- a box that updates three hosts through a hand-written ddclient.conf ----
if in_chroot apt-get install -y -q --no-install-recommends ddclient \
    > "$T/ddclient-install.log" 2>&1; then
	ok "ddclient installed first, as on a box that has it already"
else
	tail -20 "$T/ddclient-install.log" | sed 's/^/# /'
	bail "ddclient installed first"
fi
check "fake provider listens" start_fake provider prov
FP=$FAKE_PORT
# The address detection each ddclient reads (3.10: use=; 3.11: usev4=),
# as people write it, and the module configuration's key for it.
if [ $SUITE = bookworm ]; then
	USE="use=ip, ip=" USEKEY=ddclient_use
else
	USE="usev4=ipv4, ipv4=" USEKEY=ddclient_usev4
fi
# Two hosts the page can model, one it cannot (script= other than the
# protocol's path: it changes what is sent).
cat > "$T/byhand.conf" <<EOF
# /etc/ddclient.conf, written by hand
daemon=300
ssl=no
${USE}203.0.113.7
protocol=dyndns2
server=127.0.0.1:$FP
login=alice
password='a1 "pw", too'
one.example.org
login=bob, password=bob-pw two.example.org
script=/custom/update login=carol, password=carol-pw three.example.org
EOF
cp "$T/byhand.conf" "$R/etc/ddclient.conf"
chmod 0600 "$R/etc/ddclient.conf"
# sends FILE: the requests the chroot's ddclient makes for FILE (a path in
# the chroot) in one forced pass, on a cache of its own, as sorted lines
# {hosts, login, password, path, myip}, the three hand-written hosts only.
THREE='["one.example.org", "two.example.org", "three.example.org"]'
sends() {
	: > "$T/prov.log"
	grep -v '^postscript=' "$R$1" > "$R/tmp/run.conf"
	chmod 0600 "$R/tmp/run.conf"
	rm -f "$R/tmp/run.cache"
	chroot "$R" /usr/bin/ddclient -file /tmp/run.conf -cache /tmp/run.cache \
		-foreground -daemon=0 -force -noquiet > "$T/sends.log" 2>&1
	python3 -c 'import json, sys
three = json.loads(sys.argv[2])
out = set()
for l in open(sys.argv[1]):
    r = json.loads(l)
    if not set(r["hostnames"]) & set(three):
        continue
    out.add(json.dumps({"hosts": sorted(r["hostnames"]), "login": r["login"],
        "password": r["password"], "path": r["path"], "myip": r.get("myip")},
        sort_keys=True))
print("\n".join(sorted(out)))' "$T/prov.log" "$THREE"
}
sends /etc/ddclient.conf > "$T/three.before"
check "the hand-written file: the fake provider receives the three hosts" \
	[ "$(wc -l < "$T/three.before")" = 3 ]
sed 's/^/# before: /' "$T/three.before"
# same WHEN: the three hosts' requests now, from ddclient's configuration.
same() {
	sends /etc/ddclient.conf > "$T/three.$1"
	if cmp -s "$T/three.before" "$T/three.$1"; then
		ok "$1: the fake provider receives the three hosts exactly as before"
	else
		not_ok "$1: the fake provider receives the three hosts exactly as before"
		diff "$T/three.before" "$T/three.$1" | sed 's/^/# /'
	fi
}
# This machine's module configuration, in place before the package (an
# appliance's image has it so): dpkg keeps it (--force-confold).
mkdir -p "$R/etc/ddns-admin"
{
	cat "$TOP/conf/ddns-admin.conf"
	cat <<CONF
# check-package: no Internet here.
ddclient_use = ip, ip=203.0.113.7
ddclient_usev4 = ipv4, ipv4=203.0.113.7
ddclient_usev6 = ipv6, ipv6=2001:db8::7
ddclient_ssl = no
# The fake provider and this test's Dyn row speak plain HTTP: allowed.
plain_http = custom dyn
checkip_url = http://127.0.0.1:9/
CONF
} > "$R/etc/ddns-admin/ddns-admin.conf"

# ---- install ----
if in_chroot apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confold \
    "/tmp/$(basename "$DEB")" lighttpd > "$T/install.log" 2>&1; then
	ok "apt installs the package and its dependencies"
else
	tail -20 "$T/install.log" | sed 's/^/# /'
	bail "apt installs the package and its dependencies"
fi
check "ddclient and sudo came as dependencies" \
	quiet in_chroot dpkg-query -W ddclient sudo
check "postinst reported no failure of ddns-apply" sh -c "! grep -q '^ddns-admin:' '$T/install.log'"
grep '^ddns-admin:' "$T/install.log" | sed 's/^/# /'
mode() { stat -c %U:%G:%a "$R$1" 2> /dev/null; }
not() { if "$@"; then return 1; fi; }
# as_web CMD...: CMD in the chroot as the web server's user.
as_web() { chroot "$R" setpriv --reuid=www-data --regid=www-data --clear-groups "$@"; }
CONF=/etc/ddns-admin/ddns-admin.conf AD=/var/lib/ddns-admin-apply
# The line the page runs, less its word (conf/ddns-admin.conf's apply).
SUDO_APPLY="/usr/bin/sudo -n /usr/lib/ddns-admin/ddns-apply -c $CONF"
check "state dir: www-data's, 0700" [ "$(mode /var/lib/ddns-admin)" = www-data:www-data:700 ]
check "apply_dir: root:www-data 02750 (root's, setgid for the page's reads)" \
	[ "$(mode $AD)" = root:www-data:2750 ]
check "apply_dir: the rows postinst applied, 0600" [ "$(mode $AD/applied)" = root:www-data:600 ]
check "www-data cannot create a file in apply_dir" not as_web touch "$AD/x" 2> /dev/null
check "database made, www-data's, 0600" [ "$(mode /var/lib/ddns-admin/ddns.db)" = www-data:www-data:600 ]
check "database of the current schema ($(schema_version))" \
	[ "$(sqlite3 "$R/var/lib/ddns-admin/ddns.db" "pragma user_version")" = "$(schema_version)" ]
check "module configuration: root's, not writable by www-data (0644)" \
	[ "$(mode /etc/ddns-admin/ddns-admin.conf)" = root:root:644 ]
check "module configuration is a conffile" \
	sh -c "chroot '$R' dpkg-query -W -f='\${Conffiles}' ddns-admin | grep -q '/etc/ddns-admin/ddns-admin.conf'"
check "password file: root:www-data 0640" [ "$(mode /etc/ddns-admin/htpasswd)" = root:www-data:640 ]
check "sudoers drop-in: 0440" [ "$(mode /etc/sudoers.d/ddns-admin)" = root:root:440 ]
check "visudo -c passes" quiet in_chroot visudo -c
# The two lines the page runs, and no other: sudo refuses the rest (1).
for w in "" --take-over "--import /etc/shadow" "--message --import"; do
	as_web $SUDO_APPLY $w < /dev/null > /dev/null 2>&1
	rc=$?
	check "sudo refuses www-data ddns-apply -c CONF${w:+ $w} (1; got $rc)" [ $rc = 1 ]
done
check "installed once applied: ddclient's configuration is the page's" \
	grep -q '^# Written by ddns-admin' "$R/etc/ddclient.conf"
check "ddclient's configuration: root's, 0600" [ "$(mode /etc/ddclient.conf)" = root:root:600 ]
check "the hand-written ddclient.conf kept beside it, unchanged" \
	cmp -s "$T/byhand.conf" "$R/etc/ddclient.conf.before-ddns-admin"
check "take-over: the two hosts the page can model are rows (as www-data)" \
	[ "$(sqlite3 "$R/var/lib/ddns-admin/ddns.db" "select group_concat(hostname) from (select hostname from hosts order by hostname)")" = one.example.org,two.example.org ]
check "take-over: the rows' passwords exactly as written" \
	[ "$(sqlite3 "$R/var/lib/ddns-admin/ddns.db" "select password from hosts where hostname='one.example.org'")" = 'a1 "pw", too' ]
check "take-over: the third is kept, named with why (apply_dir/kept, 0640)" \
	sh -c "[ \"\$(stat -c %U:%G:%a '$R$AD/kept')\" = root:www-data:640 ] && grep -qx 'host three.example.org' '$R$AD/kept'"
check "take-over: its block is root's alone (apply_dir/kept.conf, 0600)" \
	[ "$(mode $AD/kept.conf)" = root:www-data:600 ]
check "take-over: postinst said what it kept" grep -q 'three.example.org' "$T/install.log"
same "after install"
check "the postscript is ddns-status" grep -qx 'postscript=/usr/lib/ddns-admin/ddns-status' "$R/etc/ddclient.conf"
check "the CGI is outside /usr/lib/cgi-bin" \
	sh -c "[ -x '$R/usr/lib/ddns-admin/ddns.cgi' ] && ! ls '$R/usr/lib/cgi-bin' 2> /dev/null | grep -q ddns"

# ---- this machine's settings: the module configuration, then apply ----
check "the module configuration placed before the install is kept" \
	grep -qx 'checkip_url = http://127.0.0.1:9/' "$R/etc/ddns-admin/ddns-admin.conf"
in_chroot /usr/lib/ddns-admin/ddns-apply -c /etc/ddns-admin/ddns-admin.conf 2> "$T/apply.err"
rc=$?
check "the documented command applies it (4: ddclient not running yet; got $rc)" [ $rc = 4 ]
check "ddclient's configuration follows the module configuration" \
	grep -qx "${USE}203.0.113.7" "$R/etc/ddclient.conf"

# ---- lighttpd: Debian's, the drop-in enabled by its one command ----
in_chroot lighty-enable-mod ddns-admin > "$T/enable.log" 2>&1
check "lighty-enable-mod ddns-admin" [ -e "$R/etc/lighttpd/conf-enabled/50-ddns-admin.conf" ]
check "10-cgi (all of /usr/lib/cgi-bin) stays off" [ ! -e "$R/etc/lighttpd/conf-enabled/10-cgi.conf" ]
P=$(free_port)
# Debian's lighttpd takes its port and address in lighttpd.conf only.
sed -i -e "s|^server.port .*|server.port = $P\nserver.bind = \"127.0.0.1\"|" \
    -e '/use-ipv6.pl/d' "$R/etc/lighttpd/lighttpd.conf"
check "lighttpd accepts its configuration" in_chroot lighttpd -tt -f /etc/lighttpd/lighttpd.conf
pw=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
htpasswd -nbB admin "$pw" > "$R/etc/ddns-admin/htpasswd" 2> /dev/null
check "the user added keeps the password file's mode" \
	[ "$(mode /etc/ddns-admin/htpasswd)" = root:www-data:640 ]

# ---- ddclient as root, as Debian's init script starts it; lighttpd ----
if [ $SUITE = trixie ]; then
	# Debian 13's own service script (its systemd unit starts the same
	# daemon without -pid: the module's pid= names the same file).
	in_chroot /etc/init.d/ddclient start > "$T/ddclient-start.log" 2>&1
	check "ddclient started by its service script (/etc/init.d/ddclient start)" [ $? = 0 ]
	check "it is Debian 13's ddclient 3.11.2" \
		sh -c "chroot '$R' dpkg-query -W -f='\${Version}' ddclient | grep -q '^3\.11\.2'"
else
	in_chroot /usr/bin/ddclient -daemon 300 -syslog -pid /var/run/ddclient.pid
fi
check "ddclient runs (root), pid file written" wait_for 100 test -s "$R/run/ddclient.pid"
chroot "$R" /usr/sbin/lighttpd -D -f /etc/lighttpd/lighttpd.conf > "$T/lighttpd.out" 2>&1 &
lpid=$!
BASE="http://127.0.0.1:$P" URL="http://127.0.0.1:$P/ddns-admin/ddns.cgi"
check "lighttpd serves on 127.0.0.1:$P" \
	sh -c "i=0; until curl -s -o /dev/null '$BASE/'; do i=\$((i+1)); [ \$i -gt 100 ] && exit 1; kill -0 $lpid || exit 1; sleep 0.1; done"
get() { curl -s -D "$T/h" -o "$T/b" -w '%{http_code}' "$@" > "$T/code" 2> /dev/null; }
auth() { get -u "admin:$pw" "$@"; }
code() { cat "$T/code"; }
has() { grep -qF -- "$1" "$T/b"; }
tok() { grep -o 'name="csrf_token" value="[^"]*"' "$T/b" | head -1 | sed 's/.*value="//; s/"$//'; }
get "$URL"
check "no credentials: 401" [ "$(code)" = 401 ]
get "$BASE/cgi-bin/php8.2"
check "nothing else under /cgi-bin/: 404" [ "$(code)" = 404 ]
auth "$BASE/ddns-admin/static/ddns.css"
check "static files: 200" [ "$(code)" = 200 ]
auth "$URL"
check "list: 200, shows the user" has '<span class="user">admin</span>'
check "list: ddclient running (no warning about it)" sh -c "! grep -q 'id=\"daemon-state\"' '$T/b'"
check "list: the kept host shown read-only, with why" \
	sh -c "sed -n '/id=\"kept-hosts\"/,/<\/table>/p' '$T/b' | grep -q '>three.example.org<' && grep -q 'kept from the hand-written configuration: script changes what ddclient sends' '$T/b'"
check "list: the two rows listed" sh -c "grep -q '>one.</span>' '$T/b' && grep -q '>two.</span>' '$T/b'"

# ---- a Save as www-data, through sudo, to the root ddclient ----
# save_host HOST LOGIN PASSWORD: a new Custom dyndns2 host at the fake
# provider, saved through the page (the response in $T/h, $T/b).
save_host() {
	auth "$URL?action=edit"
	_t=$(tok)
	auth -H "Origin: $BASE" --data-urlencode "csrf_token=$_t" \
		--data-urlencode "hostname=$1" --data-urlencode "login=$2" \
		--data-urlencode "password=$3" --data-urlencode 'provider=custom' \
		--data-urlencode "server=127.0.0.1:$FP" --data-urlencode 'protocol=dyndns2' \
		"$URL?action=save"
}
H=pkg.example.com HPW="S3cr't #x"
save_host "$H" arthur "$HPW"
check "save: 303" [ "$(code)" = 303 ]
check "save: applied through sudo, ddclient signalled (apply=0)" \
	sh -c "tr -d '\\r' < '$T/h' | grep -q '^Location: .*apply=0\$'"
check "ddclient's configuration has the host, still root's 0600" \
	sh -c "grep -qx '$H' '$R/etc/ddclient.conf' && [ \"\$(stat -c %U:%a '$R/etc/ddclient.conf')\" = root:600 ]"
sent() {
	python3 -c 'import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r.get("hostnames") == [sys.argv[2]] and r.get("login") == "arthur" and r.get("password") == sys.argv[3] and r.get("myip") == "203.0.113.7":
        sys.exit(0)
sys.exit(1)' "$T/prov.log" "$H" "$HPW" 2> /dev/null
}
check "the fake provider receives the update, with the exact password" wait_for 300 sent
same "after a Save of another host"
id=$(sqlite3 "$R/var/lib/ddns-admin/ddns.db" "select id from hosts where hostname='$H'")
up() { auth "$URL" && sed -n "/<tr id=\"host-$id\"/,/<\/tr>/p" "$T/b" | grep -qF 'Up to date'; }
check "list: the host is up to date within seconds (the status copy)" wait_for 300 up
check "ddclient's cache is root's 0600 (so the page reads the copy)" \
	[ "$(mode /var/cache/ddclient/ddclient.cache)" = root:root:600 ]
check "the status copy: apply_dir's, root:www-data 0640" \
	[ "$(mode $AD/ddclient.status)" = root:www-data:640 ]

# ---- ddclient as its systemd unit starts it, with the package's drop-in ----
# No systemd runs here: the command is the one systemd would run, read as
# it reads it (the last ExecStart= of the unit and its drop-ins, with the
# unit's daemon_interval). Debian 13's own unit runs 3.11 in the
# foreground, which writes no pid file: ddns-apply could not wake it.
UNIT=$R/lib/systemd/system/ddclient.service
DROPIN=$R/usr/lib/systemd/system/ddclient.service.d/ddns-admin.conf
check "the drop-in for ddclient.service is installed" [ -f "$DROPIN" ]
ival=$(sed -n 's/^Environment=daemon_interval=//p' "$UNIT" | tail -1)
cmd=$(cat "$UNIT" "$DROPIN" | sed -n 's/^ExecStart=//p' | tail -1 |
	sed "s/\${daemon_interval}/$ival/; s/\$daemon_interval/$ival/")
echo "# ddclient.service runs: $cmd"
old=$(cat "$R/run/ddclient.pid")
kill "$old"
check "the ddclient started before ends" wait_for 100 sh -c "! kill -0 $old 2> /dev/null"
rm -f "$R/run/ddclient.pid"
# In the background: Debian 13's own command would stay in the foreground.
in_chroot sh -c "$cmd" > /dev/null 2>&1 &
check "ddclient as the unit starts it: a daemon with its pid file" wait_for 100 \
	sh -c "p=\$(cat '$R/run/ddclient.pid') && grep -q '^ddclient - ' /proc/\$p/cmdline"
in_chroot /usr/lib/ddns-admin/ddns-apply -c /etc/ddns-admin/ddns-admin.conf > /dev/null 2>&1
rc=$?
check "ddns-apply wakes it (0; 4 is no pid file; got $rc)" [ $rc = 0 ]

# ---- Import through the page, as www-data (sudo ... --import) ----
# An administrator's own file again; the copy postinst kept moved away
# first, as the page asks.
mv "$R/etc/ddclient.conf.before-ddns-admin" "$R/etc/ddclient.conf.first"
IH=imp.example.net
cat > "$T/handwritten.conf" <<EOF
# /etc/ddclient.conf, written by hand
daemon=300
ssl=no
${USE}203.0.113.7
protocol=dyndns2
server=127.0.0.1:$FP
login=importer
password=imp-pw
$IH
EOF
cp "$T/handwritten.conf" "$R/etc/ddclient.conf"
chmod 0600 "$R/etc/ddclient.conf"
# The page cannot read root's 0600 file: the next Save tells it (apply=9).
H2=second.example.com
save_host "$H2" arthur2 pw2
loc=$(tr -d '\r' < "$T/h" | sed -n 's/^Location: //p')
check "a Save on a hand-written file: stored (303), not applied (apply=9)" \
	sh -c "[ '$(code)' = 303 ] && echo '$loc' | grep -q 'apply=9\$'"
check "the hand-written file is left as it was" cmp -s "$T/handwritten.conf" "$R/etc/ddclient.conf"
auth "$URL${loc##*ddns.cgi}"
check "import: the list page then offers the Import" has 'action="?action=import"'
t=$(tok)
auth -H "Origin: $BASE" --data-urlencode "csrf_token=$t" "$URL?action=import"
check "import: 200, the hosts taken over (got $(code))" \
	sh -c "[ '$(code)' = 200 ] && grep -q 'id=\"import-done\"' '$T/b'"
check "import: the page lists the host" \
	sh -c "sed -n '/id=\"import-hosts\"/,/<\/table>/p' '$T/b' | grep -qF '<td class=\"hostname\">$IH</td>'"
check "import: applied (ddns-apply exit 0 or 4)" \
	grep -qE 'ddclient has the new configuration|but ddclient is not running' "$T/b"
check "import: the host is a row" \
	[ "$(sqlite3 "$R/var/lib/ddns-admin/ddns.db" "select count(*) from hosts where hostname='$IH'")" = 1 ]
check "import: ddclient's configuration rewritten, with every host" \
	sh -c "grep -q '^# Written by ddns-admin' '$R/etc/ddclient.conf' && grep -qx '$IH' '$R/etc/ddclient.conf' && grep -qx '$H' '$R/etc/ddclient.conf' && grep -qx '$H2' '$R/etc/ddclient.conf'"
check "import: the hand-written file kept beside it" \
	cmp -s "$T/handwritten.conf" "$R/etc/ddclient.conf.before-ddns-admin"
imported() {
	python3 -c 'import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r.get("hostnames") == [sys.argv[2]] and r.get("login") == "importer" and r.get("password") == "imp-pw":
        sys.exit(0)
sys.exit(1)' "$T/prov.log" "$IH" 2> /dev/null
}
check "import: the fake provider receives the imported host's update" wait_for 300 imported

# ---- www-data holds every file and lock it can make: root never waits ----
# A change the message carries, and the message, made by www-data first.
sqlite3 "$R/var/lib/ddns-admin/ddns.db" "update hosts set login='held' where hostname='$IH'"
as_web /usr/lib/ddns-admin/ddns-migrate -c $CONF --message > "$T/held.msg" 2> "$T/held-migrate.err"
check "www-data's ddns-migrate prints the rows as one message" grep -qx end "$T/held.msg"
# Every file of the state dir, and the names the root side kept there
# before, each under an flock(1) of www-data's, around a sleep.
cat > "$R/tmp/hold.sh" <<'EOF'
cd /var/lib/ddns-admin || exit 1
rm -f /tmp/hold.pid
set -- sh -c 'echo $$ > /tmp/hold.pid; exec sleep 600'
seen=" "
for f in apply.lock status.lock applied ddclient.status apply.report $(ls -A); do
	case $seen in *" $f "*) continue ;; esac
	seen="$seen$f "
	set -- flock -x "$f" "$@"
done
exec "$@"
EOF
as_web sh /tmp/hold.sh > "$T/hold.log" 2>&1 &
hold=$!
check "www-data holds flock on every file of its state dir" wait_for 100 test -s "$R/tmp/hold.pid"
check "held: apply.lock among them (root's flock -n fails)" \
	not in_chroot flock -n /var/lib/ddns-admin/apply.lock true
t0=$(date +%s)
timeout 60 chroot "$R" setpriv --reuid=www-data --regid=www-data --clear-groups \
	$SUDO_APPLY --message < "$T/held.msg" > /dev/null 2> "$T/held-apply.err"
rc=$? el=$(($(date +%s) - t0))
check "held: ddns-apply --message through sudo finishes: exit 0 (got $rc, 124: the time limit) in $el s" [ $rc = 0 ]
echo "# held: ddns-apply --message through sudo: exit $rc in $el s"
sed 's/^/# /' "$T/held-apply.err"
check "held: ddclient's configuration follows the message" \
	grep -Eq "login=['\"]?held" "$R/etc/ddclient.conf"
t0=$(date +%s)
timeout 60 chroot "$R" /usr/lib/ddns-admin/ddns-status > /dev/null 2> "$T/held-status.err"
rc=$? el=$(($(date +%s) - t0))
check "held: ddns-status finishes: exit 0 (got $rc, 124: the time limit) in $el s" [ $rc = 0 ]
echo "# held: ddns-status: exit $rc in $el s"
sed 's/^/# /' "$T/held-status.err"
check "held: the status copy still root:www-data 0640" \
	[ "$(mode $AD/ddclient.status)" = root:www-data:640 ]
check "held: www-data still holds its locks (nothing of root's waited them out)" \
	not in_chroot flock -n /var/lib/ddns-admin/apply.lock true
kill "$(cat "$R/tmp/hold.pid")" 2> /dev/null
wait "$hold" 2> /dev/null

# ---- a change of the module configuration, by the documented command ----
sed -i "s/^\($USEKEY = .*\)203.0.113.7/\1203.0.113.9/" "$R/etc/ddns-admin/ddns-admin.conf"
in_chroot /usr/lib/ddns-admin/ddns-apply -c /etc/ddns-admin/ddns-admin.conf 2> "$T/apply.err"
rc=$?
check "the documented command applies a changed module configuration ($rc)" [ $rc = 0 ]
check "ddclient's configuration follows" grep -qx "${USE}203.0.113.9" "$R/etc/ddclient.conf"

# ---- upgrade: every row, its password and the kept host survive ----
DB=$R/var/lib/ddns-admin/ddns.db
rows() { sqlite3 "$DB" "select hostname, login, password, provider, server from hosts order by hostname"; }
rows > "$T/rows.before"
if in_chroot apt-get install -y -q --no-install-recommends \
    "/tmp/$(basename "$NEWDEB")" > "$T/upgrade.log" 2>&1; then
	ok "apt upgrades to the rebuilt version"
else
	not_ok "apt upgrades to the rebuilt version"
	tail -20 "$T/upgrade.log" | sed 's/^/# /'
fi
check "the new version is installed" \
	[ "$(in_chroot dpkg-query -W -f='${Version}' ddns-admin)" = "$(dpkg-deb -f "$NEWDEB" Version)" ]
check "upgrade: every row kept, with its login, password, provider, server ($(wc -l < "$T/rows.before") rows)" \
	sh -c "rows() { sqlite3 '$DB' 'select hostname, login, password, provider, server from hosts order by hostname'; }; rows | cmp -s - '$T/rows.before'"
check "upgrade: the kept host still listed" grep -qx 'host three.example.org' "$R$AD/kept"
# The module configuration's address changed above: the two rows' requests
# carry it; the kept host keeps its own detection, as written.
sed -i '/"one.example.org"\|"two.example.org"/s/203\.0\.113\.7/203.0.113.9/' "$T/three.before"
same "after an upgrade"

# ---- an old database (schema 2, as an older release made it), migrated ----
rm -f "$DB"
sqlite3 "$DB" < "$TOP/tests/unit/data/schema-v2.sql"
sqlite3 "$DB" "insert into hosts (hostname, provider, server, protocol, login, password, created, updated) values ('$H', 'custom', '127.0.0.1:$FP', 'dyndns2', 'arthur', '$(printf %s "$HPW" | sed "s/'/''/g")', 0, 0), ('old.example.com', 'dyn', '', '', 'u', 'p', 0, 0);"
chown "$(in_chroot id -u www-data):$(in_chroot id -g www-data)" "$DB"
chmod 0600 "$DB"
if in_chroot apt-get install -y -q --reinstall --no-install-recommends \
    "/tmp/$(basename "$NEWDEB")" > "$T/reinstall.log" 2>&1; then
	ok "apt reinstalls it on the old database"
else
	not_ok "apt reinstalls it on the old database"
	tail -20 "$T/reinstall.log" | sed 's/^/# /'
fi
check "upgrade: the database migrated to schema $(schema_version)" [ "$(sqlite3 "$DB" "pragma user_version")" = "$(schema_version)" ]
check "upgrade: no row lost" \
	[ "$(sqlite3 "$DB" "select group_concat(hostname) from (select hostname from hosts order by hostname)")" = "old.example.com,$H" ]
check "upgrade: the password kept" [ "$(sqlite3 "$DB" "select password from hosts where hostname='$H'")" = "$HPW" ]
check "upgrade: the database still www-data's 0600" [ "$(mode /var/lib/ddns-admin/ddns.db)" = www-data:www-data:600 ]
check "upgrade: the changed module configuration kept" \
	grep -q "^$USEKEY = .*203.0.113.9\$" "$R/etc/ddns-admin/ddns-admin.conf"
check "upgrade: postinst applied (both hosts in ddclient's configuration)" \
	sh -c "grep -qx '$H' '$R/etc/ddclient.conf' && grep -qx 'old.example.com' '$R/etc/ddclient.conf'"
auth "$URL"
# The page puts each label of a hostname in a span of its own.
shown() { grep -o '<td class="hostname"[^>]*>.*</td>' "$T/b" | sed 's/<[^>]*>//g' | grep -qxF -- "$1"; }
check "upgrade: the page lists the migrated rows" shown old.example.com

# ---- an upgrade with a hostile database ends within a minute ----
# www-data puts in place of its database one whose hosts is a view that
# never ends (a recursive CTE): ddns-migrate, which reads it as www-data,
# spins; postinst stops it at its time limit and warns.
cp "$DB" "$R/tmp/hostile.db"
sqlite3 "$R/tmp/hostile.db" "ALTER TABLE hosts RENAME TO hosts_real;
	CREATE VIEW hosts AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
	SELECT h.* FROM c LEFT JOIN hosts_real h ON 0 WHERE c.x < 0;"
chmod 0644 "$R/tmp/hostile.db"
as_web sh -c 'cd /var/lib/ddns-admin && rm -f ddns.db-wal ddns.db-shm ddns.db-journal &&
	cat /tmp/hostile.db > ddns.db'
cp "$R/etc/ddclient.conf" "$T/before-hostile.conf"
t0=$(date +%s)
DEBIAN_FRONTEND=noninteractive timeout 120 chroot "$R" apt-get install -y -q --reinstall \
	--no-install-recommends "/tmp/$(basename "$NEWDEB")" > "$T/hostile.log" 2>&1
rc=$? el=$(($(date +%s) - t0))
check "hostile database: the reinstall ends, exit 0 (got $rc, 124: killed at 120 s)" [ $rc = 0 ]
check "hostile database: within a minute ($el s)" [ $el -lt 60 ]
echo "# hostile database: apt-get install --reinstall: exit $rc in $el s"
check "hostile database: dpkg not left half-configured" \
	sh -c "[ \"\$(chroot '$R' dpkg-query -W -f='\${Status}' ddns-admin)\" = 'install ok installed' ] && [ -z \"\$(chroot '$R' dpkg --audit)\" ]"
check "hostile database: postinst warned" grep -q '^ddns-admin: ddns-migrate' "$T/hostile.log"
grep '^ddns-admin:' "$T/hostile.log" | sed 's/^/# /'
check "hostile database: ddclient's configuration left as it was" \
	cmp -s "$T/before-hostile.conf" "$R/etc/ddclient.conf"
check "hostile database: no ddns-migrate left running" \
	not sh -c "for p in /proc/[0-9]*; do [ \"\$(readlink \$p/root)\" = '$R' ] && grep -q ddns-migrate \$p/comm 2> /dev/null && exit 0; done; exit 1"

# ---- remove keeps the state, purge removes it ----
kill "$lpid" 2> /dev/null
wait "$lpid" 2> /dev/null
in_chroot apt-get remove -y -q ddns-admin > "$T/remove.log" 2>&1
check "apt removes the package" [ $? = 0 ]
check "remove: the programs are gone" [ ! -e "$R/usr/lib/ddns-admin/ddns.cgi" ]
check "remove: the database is kept" [ -f "$R/var/lib/ddns-admin/ddns.db" ]
check "remove: the module configuration is kept" [ -f "$R/etc/ddns-admin/ddns-admin.conf" ]
in_chroot apt-get purge -y -q ddns-admin > "$T/purge.log" 2>&1
check "apt purges the package" [ $? = 0 ]
check "purge: the state is gone" [ ! -e "$R/var/lib/ddns-admin" ]
check "purge: apply_dir is gone" [ ! -e "$R$AD" ]
check "purge: /etc/ddns-admin is gone" [ ! -e "$R/etc/ddns-admin" ]
check "purge: the sudo rule is gone" [ ! -e "$R/etc/sudoers.d/ddns-admin" ]
check "purge: lighttpd still starts (no dangling drop-in)" \
	in_chroot lighttpd -tt -f /etc/lighttpd/lighttpd.conf
check "purge: dpkg knows nothing of it" \
	sh -c "! chroot '$R' dpkg-query -W -f='\${Status}' ddns-admin 2> /dev/null | grep -q installed"

# ---- from the previous release (built from git history) to this one ----
PV=$(dpkg-deb -f "$PREVDEB" Version) CV=$(dpkg-deb -f "$DEB" Version)
# files: what the box holds outside dpkg's, apt's and sudo's own records
# and the caches (ddclient's configuration and cache are ddclient's).
files() {
	(cd "$R" && find etc usr var/lib \( -path var/lib/dpkg -o -path var/lib/apt \
		-o -path var/lib/sudo -o -path var/lib/ucf \) -prune -o -print) |
		grep -v '^etc/ddclient.conf' | sort
}
files > "$T/files.before"
if in_chroot apt-get install -y -q --no-install-recommends \
    "/tmp/$(basename "$PREVDEB")" > "$T/prev.log" 2>&1; then
	ok "apt installs the previous release, $PV"
else
	tail -20 "$T/prev.log" | sed 's/^/# /'
	bail "apt installs the previous release, $PV"
fi
check "the previous release is older than this one ($PV < $CV)" \
	dpkg --compare-versions "$PV" lt "$CV"
in_chroot lighty-enable-mod ddns-admin > /dev/null 2>&1
htpasswd -nbB admin "$pw" > "$R/etc/ddns-admin/htpasswd" 2> /dev/null
chroot "$R" /usr/sbin/lighttpd -D -f /etc/lighttpd/lighttpd.conf > "$T/lighttpd2.out" 2>&1 &
lpid=$!
check "$PV: lighttpd serves the page" \
	sh -c "i=0; until curl -s -o /dev/null '$BASE/'; do i=\$((i+1)); [ \$i -gt 100 ] && exit 1; kill -0 $lpid || exit 1; sleep 0.1; done"
for n in 1 2; do
	save_host "p$n.example.com" "peter$n" "P$n pw #'\"$n"
	check "$PV: a Save through the page (p$n.example.com): 303" [ "$(code)" = 303 ]
done
rows > "$T/rows.prev"
cp "$R/var/lib/ddns-admin/secret" "$T/secret.prev"
check "$PV: both rows stored" [ "$(wc -l < "$T/rows.prev")" = 2 ]
if in_chroot apt-get install -y -q --no-install-recommends \
    "/tmp/$(basename "$DEB")" > "$T/toc.log" 2>&1; then
	ok "apt upgrades $PV to $CV"
else
	not_ok "apt upgrades $PV to $CV"
	tail -20 "$T/toc.log" | sed 's/^/# /'
fi
check "$CV is installed" [ "$(in_chroot dpkg-query -W -f='${Version}' ddns-admin)" = "$CV" ]
check "$PV -> $CV: postinst reported no failure" sh -c "! grep -q '^ddns-admin:' '$T/toc.log'"
if grep -q '^ddns-admin:' "$T/toc.log"; then
	grep '^ddns-admin:\|^ddns-apply:' "$T/toc.log" | sed 's/^/# /'
	echo "# the pid file: $(cat "$R/run/ddclient.pid" 2> /dev/null); the chroot's processes now:"
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root")" = "$R" ] &&
			echo "#   ${p#/proc/} $(tr '\0' ' ' < "$p/cmdline" 2> /dev/null)"
	done
fi
# The previous release's configuration is the package's, ssl on: 3.10's
# passes after its Saves went through IO::Socket::SSL, without which it
# exits (a dependency of the package since 0.2.0).
check "$PV -> $CV: ddclient still runs, between passes" wait_for 100 \
	sh -c "p=\$(cat '$R/run/ddclient.pid') && grep -q '^ddclient - sleeping' /proc/\$p/cmdline"
check "$PV -> $CV: every row kept, with its login, password, provider, server" \
	sh -c "sqlite3 '$DB' 'select hostname, login, password, provider, server from hosts order by hostname' | cmp -s - '$T/rows.prev'"
check "$PV -> $CV: the database of the current schema ($(schema_version))" \
	[ "$(sqlite3 "$DB" "pragma user_version")" = "$(schema_version)" ]
check "$PV -> $CV: the page's state kept (its CSRF secret)" \
	cmp -s "$T/secret.prev" "$R/var/lib/ddns-admin/secret"
check "$PV -> $CV: ddclient's configuration has both hosts" \
	sh -c "grep -qx 'p1.example.com' '$R/etc/ddclient.conf' && grep -qx 'p2.example.com' '$R/etc/ddclient.conf'"
auth "$URL"
check "$PV -> $CV: the page lists both rows" sh -c "grep -q '>p1.</span>' '$T/b' && grep -q '>p2.</span>' '$T/b'"
kill "$lpid" 2> /dev/null
wait "$lpid" 2> /dev/null
in_chroot apt-get purge -y -q ddns-admin > "$T/purge2.log" 2>&1
check "$CV: apt purges it" [ $? = 0 ]
files > "$T/files.after"
if cmp -s "$T/files.before" "$T/files.after"; then
	ok "install, upgrade and purge leave nothing behind"
else
	not_ok "install, upgrade and purge leave nothing behind"
	diff "$T/files.before" "$T/files.after" | sed 's/^/# /' | head -20
fi
done_testing
