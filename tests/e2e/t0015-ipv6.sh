#!/bin/sh
# t0015-ipv6: IPv6 and dual stack through the real CGI, ddns-apply and the
# real ddclient under test ($DDCLIENT: run-all.sh runs this on 3.10 and on
# 3.11), against the fake dyndns2 provider and a fake Cloudflare API over
# HTTPS; the module detects the version from the program and writes what
# it reads. The public addresses come from fake check servers on
# 127.0.0.1 and [::1]; the list page shows them and each host per family.
. "$(dirname "$0")/lib.sh"
need_ddclient
V4=203.0.113.7 V6=2001:db8::7

check "fake check server listens on 127.0.0.1 and [::1]" \
	start_fake6 checkip chk --answer4 $V4 --answer6 $V6
C4=$FAKE_PORT C6=$FAKE_PORT6
check "fake dyndns2 provider listens" start_fake provider prov
P=$FAKE_PORT
check "a test CA and a server certificate for 127.0.0.1" test_ca "$T/ca"
check "fake Cloudflare API listens (HTTPS)" start_fake cloudflare cf \
	--cert "$T/ca/server.pem" --key "$T/ca/server.key" --zone example.com
CF=$FAKE_PORT
make_instance "ddclient = $DDCLIENT" \
	"ddclient_use = ip, ip=$V4" "ddclient_usev4 = ipv4, ipv4=$V4" \
	"ddclient_usev6 = ipv6, ipv6=$V6" \
	"checkip_url = http://127.0.0.1:$C4/addr" \
	"checkip6_url = http://[::1]:$C6/addr"

# save HOST LOGIN FAMILY [PROTOCOL SERVER ZONE]: Create through the form.
save() {
	cgi GET 'action=edit'
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname "$1" \
		provider custom protocol "${4:-dyndns2}" server "${5:-127.0.0.1:$P}" \
		zone "${6:-}" login "$2" password pw family "$3")"
}
# one_pass: ddclient once over what ddns-apply wrote, trusting the test CA.
one_pass() {
	: > "$T/prov.log"
	: > "$T/cf.log"
	PERLIO=:unix "$DDCLIENT" -file "$T/ddclient.conf" -cache "$T/ddclient.cache" \
		-foreground -daemon=0 -noquiet -verbose -ssl_ca_file="$T/ca/ca.pem" \
		> "$T/ddclient.log" 2>&1
}
# myip HOST: the myip the fake provider got for HOST ("none" if no request).
myip() {
	python3 -c 'import json, sys
r = [json.loads(l) for l in open(sys.argv[1]) if sys.argv[2] in json.loads(l)["hostnames"]]
print(r[0]["myip"] if r else "none")' "$T/prov.log" "$1"
}
patched() {
	grep -q "\"query\": \"type=$2&name=$1\"" "$T/cf.log" &&
	grep -qF "\"body\": \"{\\\"content\\\":\\\"$3\\\"}\"" "$T/cf.log"
}

cgi GET 'action=edit'
check "the form says which ddclient it writes for" body_has "ddclient $DDV."
check "the form offers IPv4, IPv6 and dual stack" \
	sh -c "grep -q 'value=\"ipv6\"' '$T/out' && grep -q 'value=\"dual\"' '$T/out'"

# Different logins: ddclient sends hosts of one account in one request.
save v4.example.com user4 ipv4
check "an IPv4 host is saved (303)" [ "$(status)" = 303 ]
save v6.example.com user6 ipv6
check "an IPv6 host is saved (303)" [ "$(status)" = 303 ]
save dual.example.com userd dual
if [ "$DDV" = 3.10 ]; then
	check "[3.10] a dual dyndns2 host is refused (422)" [ "$(status)" = 422 ]
	check "[3.10] ... with the reason beside the field" \
		grep -q 'id="e-family">ddclient 3.10 sends one address per request for this provider' "$T/out"
else
	check "[$DDV] a dual dyndns2 host is saved (303)" [ "$(status)" = 303 ]
fi
save cf.example.com token dual cloudflare "127.0.0.1:$CF" example.com
check "[$DDV] a dual Cloudflare host is saved (303)" [ "$(status)" = 303 ]

one_pass
check "[$DDV] the IPv4 host sends myip=$V4" [ "$(myip v4.example.com)" = $V4 ]
check "[$DDV] the IPv6 host sends myip=$V6" [ "$(myip v6.example.com)" = $V6 ]
if [ "$DDV" = 3.11 ]; then
	check "[3.11] the dual host sends myip=$V4,$V6" [ "$(myip dual.example.com)" = "$V4,$V6" ]
else
	check "[3.10] the refused dual host sends nothing" [ "$(myip dual.example.com)" = none ]
fi
check "[$DDV] Cloudflare: the A record is set to $V4" patched cf.example.com A $V4
check "[$DDV] Cloudflare: the AAAA record is set to $V6" patched cf.example.com AAAA $V6
check "[$DDV] ddclient printed no warning" sh -c "! grep -q '^WARNING' '$T/ddclient.log'"

# The public addresses, and each host per family.
DDNS_ADMIN_CONFIG=$T/ddns-admin.conf "$B/ddns-checkip"
check "ddns-checkip learns both public addresses" \
	sh -c "grep -qx 'ip=$V4' '$T/state/publicip' && grep -qx 'ip=$V6' '$T/state/publicip6'"
check "the IPv6 check went over IPv6" grep -q '"family": 6' "$T/chk.log"
cgi GET ''
check "the list shows the public IPv4" grep -q "<li id=\"public-ipv4\">IPv4:
<strong class=\"ip\">$V4</strong>" "$T/out"
check "the list shows the public IPv6" sh -c "grep -A1 'id=\"public-ipv6\"' '$T/out' | grep -q '<strong class=\"ip\">$V6</strong>'"
id() { sql "SELECT id FROM hosts WHERE hostname = '$1'"; }
check "[$DDV] the IPv6 host's row shows its IPv6 in sync" \
	row_has "$(id v6.example.com)" "IPv6:</span> <span class=\"ip\">$V6</span> <span class=\"sync ok\">"
check "[$DDV] the IPv4 host's row shows its IPv4 in sync" \
	row_has "$(id v4.example.com)" "IPv4:</span> <span class=\"ip\">$V4</span> <span class=\"sync ok\">"
check "[$DDV] the dual Cloudflare row shows both families" \
	sh -c "sed -n '/<tr id=\"host-$(id cf.example.com)\"/,/<\\/tr>/p' '$T/out' | grep -c 'class=\"family\"' | grep -qx 2"
if [ "$DDV" = 3.11 ]; then
	check "[3.11] the dual dyndns2 row: IPv4 up to date" \
		row_has "$(id dual.example.com)" "IPv4:</span> <span class=\"ip\">$V4</span>"
	check "[3.11] the dual dyndns2 row: IPv6 up to date" \
		row_has "$(id dual.example.com)" "IPv6:</span> <span class=\"ip\">$V6</span>"
fi

# One account, two families (issue 19): ddclient sends the hosts of one
# server, login and password in one request with one myip=; each host
# must still get only the families chosen for it. 3.11: an IPv4 host and
# a dual one; 3.10 (which refuses a dual dyndns2 host): IPv4 and IPv6.
save g4.example.com shared ipv4
check "[$DDV] one account: an IPv4 host is saved (303)" [ "$(status)" = 303 ]
if [ "$DDV" = 3.11 ]; then
	save gd.example.com shared dual
	check "[3.11] one account: a dual host beside it is saved (303)" [ "$(status)" = 303 ]
else
	save g6.example.com shared ipv6
	check "[3.10] one account: an IPv6 host beside it is saved (303)" [ "$(status)" = 303 ]
fi
# An IPv4 Cloudflare host beside the dual one: 3.10 reads usev6 only as
# a global, which every Cloudflare host then reads; no host option turns
# it off there, so the form refuses the IPv4 host, saying why.
save cf4.example.com token ipv4 cloudflare "127.0.0.1:$CF" example.com
if [ "$DDV" = 3.10 ]; then
	check "[3.10] an IPv4 Cloudflare host beside a dual one is refused (422)" [ "$(status)" = 422 ]
	check "[3.10] ... beside the family field, naming the dual host" \
		grep -q 'id="e-family">ddclient 3.10 sends the IPv6 address to every host of the protocols that update both families (such as Cloudflare and FreeDNS) once one of them is dual stack, as cf.example.com is' "$T/out"
else
	check "[$DDV] an IPv4 Cloudflare host beside a dual one is saved (303)" [ "$(status)" = 303 ]
fi
one_pass
check "[$DDV] the IPv4 Cloudflare host's AAAA record is not touched" \
	sh -c "! grep -q '\"query\": \"type=AAAA&name=cf4.example.com\"' '$T/cf.log'"
if [ "$DDV" = 3.11 ]; then
	check "[3.11] ... and its A record is set" patched cf4.example.com A $V4
fi
check "[$DDV] one account: the IPv4 host is sent myip=$V4 alone" \
	[ "$(myip g4.example.com)" = $V4 ]
if [ "$DDV" = 3.11 ]; then
	check "[3.11] one account: the dual host is sent myip=$V4,$V6" \
		[ "$(myip gd.example.com)" = "$V4,$V6" ]
else
	check "[3.10] one account: the IPv6 host is sent myip=$V6" \
		[ "$(myip g6.example.com)" = $V6 ]
fi
check "[$DDV] one account: no warning" sh -c "! grep -q '^WARNING' '$T/ddclient.log'"
# With a mail exchanger, 3.11 sends backmx=: nothing can keep an IPv4 and
# a dual host of one account and mx apart unseen, so the pair is refused.
if [ "$DDV" = 3.11 ]; then
	mxsave() {
		cgi GET 'action=edit'
		cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname "$1" \
			provider custom protocol dyndns2 server "127.0.0.1:$P" \
			login mxuser password pw mx mx.example.com family "$2")"
	}
	mxsave m4.example.com ipv4
	check "[3.11] an IPv4 dyndns2 host with an mx is saved (303)" [ "$(status)" = 303 ]
	mxsave md.example.com dual
	check "[3.11] a dual one of the same account and mx is refused (422)" [ "$(status)" = 422 ]
	check "[3.11] ... beside the family field, naming the other host" \
		grep -q 'id="e-family">ddclient 3.11 would send this host in one request with m4.example.com' "$T/out"
	mxsave md.example.com ipv6
	check "[3.11] ... an IPv6 one is saved (303)" [ "$(status)" = 303 ]
fi

# 3.11 sends the byte 0x85 of a credential as 0x0b (its curl escaping):
# such a password is refused there with the reason, and kept on 3.10.
cgi GET 'action=edit'
cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname pl.example.com \
	provider dyn login user password "zażółć-ą" family ipv4)"
if [ "$DDV" = 3.11 ]; then
	check "[3.11] a password with 'ą' (bytes c4 85) is refused (422)" [ "$(status)" = 422 ]
	check "[3.11] ... beside the password, saying why" \
		grep -q 'id="e-password">ddclient 3.11 would send one of these letters changed' "$T/out"
else
	check "[3.10] a password with 'ą' is accepted (303)" [ "$(status)" = 303 ]
fi

# A 3.11-only provider is offered only where it can work.
cgi GET 'action=edit'
if [ "$DDV" = 3.11 ]; then
	check "[3.11] DigitalOcean is offered" body_has 'value="digitalocean"'
else
	check "[3.10] DigitalOcean is not offered" sh -c "! grep -q 'value=\"digitalocean\"' '$T/out'"
fi
done_testing
