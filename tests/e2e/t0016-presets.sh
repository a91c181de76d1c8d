#!/bin/sh
# t0016-presets: every provider preset, and every protocol Custom offers,
# is created through the real CGI for the ddclient under test ($DDCLIENT:
# run-all.sh runs this on 3.10 and on 3.11); ddns-apply writes ddclient's
# configuration, and the real ddclient reads it and says what it would send
# (tests/tools/ddclient_sends.py: 3.10 -noexec, 3.11 behind a closed
# proxy; no request leaves the machine). Each request is checked against
# the table of tests/tools/presets.py (what the provider documents: path,
# parameters, where the credentials go, the host form), and ddclient must
# print no configuration warning. A preset or protocol that cannot work on
# the installed version is not offered, and refused if posted anyway.
# Then ddclient_ssl = no: the hosts whose credentials would go over plain
# HTTP are not written, the list says why and warns, unless plain_http
# names their provider.
. "$(dirname "$0")/lib.sh"
need_ddclient
PRESETS="$TOP/tests/tools/presets.py"
SENDS="$TOP/tests/tools/ddclient_sends.py"
V4=203.0.113.7 V6=2001:db8::7

make_instance "ddclient = $DDCLIENT" ddclient_ssl=yes plain_http= \
	"ddclient_use = ip, ip=$V4" "ddclient_usev4 = ipv4, ipv4=$V4" \
	"ddclient_usev6 = ipv6, ipv6=$V6"

# options NAME: the option values of the form's <select name=NAME>, sorted.
options() {
	sed -n "/<select id=\"f-$1\"/,/<\/select>/p" "$T/out" |
		grep -o '<option value="[^"]*"' | sed 's/.*value="//; s/"$//' |
		grep -v '^$' | sort
}

python3 "$PRESETS" plan "$DDV" > "$T/plan"
cgi GET 'action=edit'
options provider > "$T/offered"
awk -F '\t' '$2 == 1 && $1 !~ /^custom:/ { print $1 } END { print "custom"; print "nsupdate" }' \
	"$T/plan" | sort > "$T/want-offered"
check "[$DDV] the form offers exactly the presets that work on ddclient $DDV" \
	cmp -s "$T/offered" "$T/want-offered"
cmp -s "$T/offered" "$T/want-offered" ||
	diff "$T/want-offered" "$T/offered" | sed 's/^/# /'
options protocol > "$T/protocols"
python3 "$PRESETS" protocols "$DDV" > "$T/want-protocols"
check "[$DDV] Custom offers exactly the protocols that work on ddclient $DDV" \
	cmp -s "$T/protocols" "$T/want-protocols"
cmp -s "$T/protocols" "$T/want-protocols" ||
	diff "$T/want-protocols" "$T/protocols" | sed 's/^/# /'
check "[$DDV] every preset offered has a hint" sh -c '
	grep -o "<option value=\"[^\"]*\" [^>]*data-hint=\"[^\"]*\"" "$1" |
	grep -c "data-hint=\"..........." | grep -qx "$(wc -l < "$2")"' _ "$T/out" "$T/offered"

# issue 19: the dropdown by name, letters of either case alike, Custom
# last; each option says what it updates on this ddclient.
sed -n '/<select id="f-provider"/,/<\/select>/p' "$T/out" |
	sed -n 's/.*<option value="\([^"]*\)"[^>]*>\([^<]*\)<.*/\1\t\2/p' > "$T/labels"
check "[$DDV] the dropdown is sorted by name, Custom last" sh -c '
	[ "$(tail -n 1 "$1" | cut -f 1)" = custom ] &&
	head -n -1 "$1" | cut -f 2 | LC_ALL=C sort -c -f' _ "$T/labels"
check "[$DDV] the hint of an IPv4-only preset says so for ddclient $DDV" \
	grep -q "<option value=\"opendns\" [^>]*data-famhint=\"On ddclient $DDV this updates the IPv4 address (A record) only.\"" "$T/out"
fams_of_dyn="this updates the IPv4 address, the IPv6 address, or both."
[ "$DDV" = 3.10 ] && fams_of_dyn="this updates the IPv4 or the IPv6 address, one of them per host."
check "[$DDV] the hint of Dyn says which families ddclient $DDV updates" \
	grep -q "<option value=\"dyn\" [^>]*data-famhint=\"On ddclient $DDV $fams_of_dyn\"" "$T/out"
check "[$DDV] ... and so does the page without its script, under the preset chosen" \
	grep -q "<p class=\"hint\" id=\"provider-families\">On ddclient $DDV $fams_of_dyn</p>" "$T/out"

# save_rows WHICH: each preset (presets) or Custom row (custom) of the
# plan: saved where offered, refused saying why where not. Then what the
# real ddclient would send for them, checked against the table.
save_rows() {
	while IFS="$(printf '\t')" read -r key offered fields; do
		case $key in
		custom:*) [ "$1" = custom ] || continue ;;
		*) [ "$1" = presets ] || continue ;;
		esac
		cgi GET 'action=edit'
		cgi POST 'action=save' "csrf_token=$(urlencode "$(token)")&$fields"
		if [ "$offered" = 1 ]; then
			check "[$DDV] $key is saved (303)" [ "$(status)" = 303 ]
			[ "$(status)" = 303 ] || grep 'class="error"' "$T/out" | sed 's/^/# /'
		else
			check "[$DDV] $key is refused (422), saying this ddclient cannot update it" \
				sh -c "[ \"\$(sed -n '1s/^Status: \([0-9]*\).*/\1/p' '$T/out' | tr -d '\r')\" = 422 ] &&
					grep -q 'cannot update this provider' '$T/out'"
		fi
	done < "$T/plan"
	python3 "$SENDS" "$T/ddclient.conf" "$T" > "$T/sends-$1" 2> "$T/sends.err"
	python3 "$PRESETS" check "$DDV" "$T/sends-$1" "$1" > "$T/checked"
	counted "$T/checked"
}
# Presets and Custom rows apart (presets.py says why): the Custom rows in
# a fresh database.
save_rows presets
# dy.fi forgets a record after 7 days: ddclient re-sends it after 5
check "[$DDV] the dy.fi host is sent again after 5 days (max-interval)" \
	sh -c "awk '/^\$/ { b = \"\" } { b = b \$0 \"\\n\" } /^dyfi.example.com\$/ { printf \"%s\", b }' '$T/ddclient.conf' | grep -q '^max-interval=5d'"
check "[$DDV] ... and no other host is (ddclient's own interval)" \
	[ "$(grep -c '^max-interval=' "$T/ddclient.conf")" = 1 ]
cp "$T/ddns.db" "$T/presets.db"
rm -f "$T/ddns.db"
save_rows custom
mv "$T/presets.db" "$T/ddns.db"

# issue 19: a stored Custom host of a protocol Custom no longer offers
# (its presets were withdrawn: ddclient mis-reads the provider's answer)
# is listed as not written, with the reason, as a withdrawn preset is.
for proto in $(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import presets
print(" ".join(sorted(p for p, v in presets.CUSTOM.items() if sys.argv[2] not in v and p in ("1984", "dondominio", "easydns", "njalla"))))' "$TOP/tests/tools" "$DDV"); do
	# as the form stored it: 1984 and njalla take no login
	case $proto in 1984|njalla) login= ;; *) login=user ;; esac
	sql "INSERT INTO hosts (hostname, provider, server, protocol, login, password, created, updated) VALUES ('w-$proto.example.com', 'custom', 'c.example.net', '$proto', '$login', 'pw', 1, 1)"
	cgi GET ''
	id=$(sql "SELECT id FROM hosts WHERE hostname = 'w-$proto.example.com'")
	check "[$DDV] a stored Custom $proto host is listed as not written" row_has "$id" "Not written"
	check "[$DDV] ... with the reason" row_has "$id" "cannot update this provider"
	check "[$DDV] ... and left out of ddclient's configuration" \
		sh -c "! grep -qx 'w-$proto.example.com' '$T/ddclient.conf'"
	sql "DELETE FROM hosts WHERE id = $id"
done

# ddclient sends every FreeDNS host with the first one's account: a host
# of a second account is kept out, and its row says why.
cgi GET 'action=edit'
cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname zz.example.com \
	provider freedns login other password other-pw)"
check "[$DDV] a FreeDNS host of a second account is saved (303)" [ "$(status)" = 303 ]
check "[$DDV] ... and left out of ddclient's configuration" \
	sh -c "! grep -qx zz.example.com '$T/ddclient.conf'"
cgi GET ''
check "[$DDV] ... its row says ddclient sends every FreeDNS host with one account" \
	row_has "$(sql "SELECT id FROM hosts WHERE hostname = 'zz.example.com'")" \
	"ddclient sends every freedns host with the account of the first one"

# ddclient_ssl = no: nothing with credentials over plain HTTP unless the
# integrator said so for that provider.
plain_pass() {
	make_instance "ddclient = $DDCLIENT" ddclient_ssl=no "plain_http=$1" \
		"ddclient_use = ip, ip=$V4" "ddclient_usev4 = ipv4, ipv4=$V4" \
		"ddclient_usev6 = ipv6, ipv6=$V6"
	apply_db 2> "$T/apply.err"
	python3 "$SENDS" "$T/ddclient.conf" "$T" > "$T/sends" 2> "$T/sends.err"
}
# clear_hosts: the servers that got credentials over plain HTTP.
clear_hosts() {
	python3 -c 'import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r.get("scheme") == "http" and (r.get("auth") or "pw-" in r.get("query", "")):
        print(r["server"])' "$T/sends" | sort -u
}
plain_pass ""
check "[$DDV] ssl=no: no login or password goes out over plain HTTP" \
	[ -z "$(clear_hosts)" ]
check "[$DDV] ssl=no: the dyndns2 presets are left out of ddclient's configuration" \
	sh -c "! grep -q '^members.dyndns.org\|^dyn.example.com\$' '$T/ddclient.conf'"
check "[$DDV] ssl=no: the HTTPS presets stay (No-IP)" grep -qx noip.example.com "$T/ddclient.conf"
cgi GET ''
check "[$DDV] ssl=no: the list page warns that plain HTTP would carry passwords" \
	grep -q 'id="plain-http">ddclient&#39;s ssl setting is off\|id="plain-http">ddclient.s ssl setting is off' "$T/out"
id=$(sql "SELECT id FROM hosts WHERE hostname = 'dyn.example.com'")
check "[$DDV] ssl=no: the Dyn row says why it is not written" \
	row_has "$id" "ddclient_ssl is off, so ddclient would send its login and password unencrypted"
plain_pass "dyn"
check "[$DDV] ssl=no, plain_http = dyn: Dyn is written and sent over plain HTTP" \
	[ "$(clear_hosts)" = members.dyndns.org ]
cgi GET ''
check "[$DDV] ssl=no, plain_http = dyn: the Dyn row is not marked" \
	sh -c "! sed -n '/<tr id=\"host-$id\"/,/<\\/tr>/p' '$T/out' | grep -q 'ddclient_ssl is off'"
done_testing
