#!/bin/sh
# t0014-families: which ddclient configuration gives a host IPv4 only, IPv6
# only, or both, on the ddclient under test ($DDCLIENT: run-all.sh runs this
# on 3.10 and on 3.11). Hand-written configurations, a spec for the
# renderer: each runs one real pass against the fake check servers
# (127.0.0.1 answers 203.0.113.7, [::1] answers 2001:db8::7), the fake
# dyndns2 provider and a fake Cloudflare API over HTTPS with a test CA.
. "$(dirname "$0")/lib.sh"
need_ddclient
V4=203.0.113.7 V6=2001:db8::7

check "fake check server listens on 127.0.0.1 and [::1]" \
	start_fake6 checkip chk --answer4 $V4 --answer6 $V6
C4=$FAKE_PORT C6=$FAKE_PORT6
check "fake dyndns2 provider listens on 127.0.0.1 and [::1]" start_fake6 provider prov
P4=$FAKE_PORT P6=$FAKE_PORT6
check "a test CA and a server certificate for 127.0.0.1" test_ca "$T/ca"
check "fake Cloudflare API listens (HTTPS)" start_fake cloudflare cf \
	--cert "$T/ca/server.pem" --key "$T/ca/server.key" --zone example.com
CF=$FAKE_PORT
: > "$T/prov.log"
: > "$T/cf.log"
WEB4="webv4=http://127.0.0.1:$C4/addr" WEB6="webv6=http://[::1]:$C6/addr"

# pass NAME GLOBALS HOSTBLOCK: one pass of ddclient over the globals and
# the host block, fresh cache; its output in $T/NAME.out, its cache in
# $T/NAME.cache, the new provider log lines in $T/NAME.req.
pass() {
	printf '%s\n\n%s\n' "$2" "$3" > "$T/$1.conf"
	chmod 600 "$T/$1.conf"
	n=$(cat "$T/prov.log" "$T/cf.log" | wc -l)
	PERLIO=:unix "$DDCLIENT" -file "$T/$1.conf" -cache "$T/$1.cache" \
		-foreground -daemon=0 -noquiet -verbose > "$T/$1.out" 2>&1
	cat "$T/prov.log" "$T/cf.log" | tail -n +$((n + 1)) > "$T/$1.req"
}
# dyndns2 HOST: a dyndns2 host block on the fake provider.
dyndns2() {
	printf 'protocol=dyndns2, \\\nserver=127.0.0.1:%s, \\\nlogin=u, \\\npassword='"'p'"', \\\n%s' "$P4" "$1"
}
cloudflare() {
	printf 'protocol=cloudflare, \\\nserver=127.0.0.1:%s, \\\nzone=example.com, \\\nlogin=token, \\\npassword='"'tok'"', \\\n%s' "$CF" "$1"
}
# myip NAME: the myip of the one request of pass NAME ("none" if none).
myip() {
	python3 -c 'import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
print(r[0]["myip"] if len(r) == 1 else "none" if not r else "several")' "$T/$1.req"
}
sent() { [ "$(myip "$1")" = "$2" ]; }
no_warning() { ! grep -q '^WARNING' "$T/$1.out"; }
cache_key() { grep -v '^#' "$T/$1.cache" | tr ', ' '\n\n' | grep -qx "$2"; }
# patched NAME TYPE IP: pass NAME looked the TYPE record up and PATCHed IP.
patched() {
	grep -q "\"path\": \"/zones/zone-example.com/dns_records\", \"query\": \"type=$2&name=" "$T/$1.req" &&
	grep -qF "\"method\": \"PATCH\", \"path\": \"/zones/zone-example.com/dns_records/$(echo "$2" | tr A-Z a-z)-" "$T/$1.req" &&
	grep -qF "\"body\": \"{\\\"content\\\":\\\"$3\\\"}\"" "$T/$1.req"
}
not_patched() { ! grep -q "\"query\": \"type=$2&name=" "$T/$1.req"; }

# --- today's generated globals: use= (both versions read it, no warning) --
pass today "ssl=no
use=ip, ip=$V4" "$(dyndns2 today.example.com)"
check "[$DDV] today's use=ip sends myip=$V4" sent today $V4
check "[$DDV] today's use= prints no warning (no deprecation warning either)" no_warning today

# --- (i) IPv4 only -------------------------------------------------------
# 3.10 needs use=no beside usev4= (else use's default, ip, warns "'' is not
# a valid IP"); 3.11 ignores use= once usev4/usev6 is set.
pass v4 "ssl=no
use=no
usev4=webv4, $WEB4
usev6=disabled" "$(dyndns2 v4.example.com)"
check "[$DDV] IPv4 only (usev4=webv4, usev6=disabled): myip=$V4" sent v4 $V4
check "[$DDV] IPv4 only: no warning" no_warning v4
check "[$DDV] IPv4 only: the check server was asked over IPv4" grep -q '"family": 4' "$T/chk.log"

# --- (ii) IPv6 only ------------------------------------------------------
pass v6 "ssl=no
use=no
usev4=disabled
usev6=webv6, $WEB6" "$(dyndns2 v6.example.com)"
if [ "$DDV" = 3.10 ]; then
	# 3.10's dyndns2 sends $config{wantip}, which only use= (or an IPv4 of
	# usev4=) fills: the IPv6 that usev6= found is not sent at all, and the
	# provider then records the request's source address.
	check "[3.10] IPv6 via usev6= is NOT sent by dyndns2: myip is empty" sent v6 ''
	# What 3.10 does send for IPv6: an address of use= (ip, cmd, if).
	pass v6use "ssl=no
use=ip, ip=$V6" "$(dyndns2 v6use.example.com)"
	check "[3.10] IPv6 only via use=ip, ip=$V6: myip=$V6" sent v6use $V6
	pass v6cmd "ssl=no
use=cmd, cmd='curl -s -g http://[::1]:$C6/addr'" "$(dyndns2 v6cmd.example.com)"
	check "[3.10] IPv6 only via use=cmd (a command printing it): myip=$V6" sent v6cmd $V6
	# use=web cannot fetch from an IPv6 URL: 3.10 opens it with IO::Socket::INET.
	pass v6web "ssl=no
use=web, web=http://[::1]:$C6/addr" "$(dyndns2 v6web.example.com)"
	check "[3.10] use=web on an IPv6 URL fails (IO::Socket::INET: Bad hostname)" \
		grep -q "Bad hostname '::1'" "$T/v6web.out"
	check "[3.10] ... and the update still goes out, with an empty myip" sent v6web ''
else
	check "[$DDV] IPv6 only (usev4=disabled, usev6=webv6): myip=$V6" sent v6 $V6
	check "[$DDV] IPv6 only: no warning" no_warning v6
	check "[$DDV] IPv6 only: the cache has ipv6=$V6" cache_key v6 "ipv6=$V6"
	check "[$DDV] IPv6 only: the cache has status-ipv6=good" cache_key v6 status-ipv6=good
fi
check "[$DDV] the IPv6 check server was asked over IPv6" grep -q '"family": 6' "$T/chk.log"

# --- (iii) both ----------------------------------------------------------
pass dual "ssl=no
use=no
usev4=webv4, $WEB4
usev6=webv6, $WEB6" "$(dyndns2 dual.example.com)"
if [ "$DDV" = 3.10 ]; then
	check "[3.10] dual (usev4 + usev6): dyndns2 sends one address, the IPv4" sent dual $V4
else
	check "[$DDV] dual (usev4 + usev6): myip=$V4,$V6 in one request" sent dual "$V4,$V6"
	check "[$DDV] dual: the cache has ipv4=$V4" cache_key dual "ipv4=$V4"
	check "[$DDV] dual: the cache has ipv6=$V6" cache_key dual "ipv6=$V6"
	check "[$DDV] dual: the cache has status-ipv4=good" cache_key dual status-ipv4=good
	check "[$DDV] dual: the cache has status-ipv6=good" cache_key dual status-ipv6=good
fi
check "[$DDV] dual: no warning" no_warning dual

# Static addresses: usev4=ipv4 / usev6=ipv6.
pass static "ssl=no
use=no
usev4=ipv4, ipv4=$V4
usev6=ipv6, ipv6=$V6" "$(dyndns2 static.example.com)"
if [ "$DDV" = 3.10 ]; then
	check "[3.10] static usev4=ipv4 + usev6=ipv6: dyndns2 sends the IPv4" sent static $V4
else
	check "[$DDV] static usev4=ipv4 + usev6=ipv6: myip=$V4,$V6" sent static "$V4,$V6"
fi

# use= beside usev4=: 3.11 ignores use= as soon as usev4 or usev6 is set;
# 3.10's dyndns2 sends use='s address.
pass both "ssl=no
use=ip, ip=192.0.2.1
usev4=ipv4, ipv4=$V4" "$(dyndns2 both.example.com)"
if [ "$DDV" = 3.10 ]; then
	check "[3.10] use= and usev4= both set: dyndns2 sends use='s address" sent both 192.0.2.1
else
	check "[$DDV] use= and usev4= both set: use= is ignored, usev4='s address sent" sent both $V4
fi

# --- Cloudflare: A and AAAA in one pass, on both versions -----------------
# The test CA is trusted through ssl_ca_file= (3.10: IO::Socket::SSL's
# SSL_ca_file; 3.11: curl's --cacert); server=127.0.0.1:PORT works. The
# cloudflare protocol always builds https:// URLs, whatever ssl= says;
# ssl=yes would also make the http:// check URLs below go over TLS.
pass cfdual "ssl=no
ssl_ca_file=$T/ca/ca.pem
use=no
usev4=webv4, $WEB4
usev6=webv6, $WEB6" "$(cloudflare cf.example.com)"
check "[$DDV] cloudflare dual: the zone is looked up by name" \
	grep -q '"method": "GET", "path": "/zones/", "query": "name=example.com"' "$T/cfdual.req"
check "[$DDV] cloudflare dual: with the API token as a Bearer header" \
	grep -q '"Authorization": "Bearer tok"' "$T/cfdual.req"
check "[$DDV] cloudflare dual: A record set to $V4" patched cfdual A $V4
check "[$DDV] cloudflare dual: AAAA record set to $V6" patched cfdual AAAA $V6
check "[$DDV] cloudflare dual: the cache has status-ipv4=good" cache_key cfdual status-ipv4=good
check "[$DDV] cloudflare dual: the cache has status-ipv6=good" cache_key cfdual status-ipv6=good
check "[$DDV] cloudflare dual: no warning" no_warning cfdual
pass sslweb "ssl=yes
use=no
usev4=webv4, $WEB4
usev6=webv6, $WEB6" "$(dyndns2 sslweb.example.com)"
check "[$DDV] ssl=yes fetches even an http:// webv4= URL over TLS (it fails here)" \
	grep -q 'unable to determine IPv4 address with strategy usev4=webv4' "$T/sslweb.out"
check "[$DDV] ... and an http:// webv6= URL too" \
	grep -q 'unable to determine IPv6 address with strategy usev6=webv6' "$T/sslweb.out"
pass cf6 "ssl=yes
ssl_ca_file=$T/ca/ca.pem
use=no
usev4=disabled
usev6=ipv6, ipv6=$V6" "$(cloudflare cf6.example.com)"
check "[$DDV] cloudflare IPv6 only: AAAA set to $V6" patched cf6 AAAA $V6
check "[$DDV] cloudflare IPv6 only: no A record touched" not_patched cf6 A
pass cfnoca "ssl=yes
use=ip, ip=$V4" "$(cloudflare cfnoca.example.com)"
check "[$DDV] cloudflare without the test CA: refused (certificate verify failed)" \
	grep -Eq 'certificate verify failed|CURL error \(60\)' "$T/cfnoca.out"
done_testing
