#!/bin/sh
# t0043-sources: named address sources (issue 21) through the real
# ddclient ($DDCLIENT: run-all.sh runs it on 3.10 and 3.11) and the real
# CGI. Two sources are web checks against two fake check servers on
# 127.0.0.1 answering different addresses, a third an interface's
# address: hosts on different sources get different addresses at the
# fake provider, and a Save that moves one
# host to the other source moves its address on ddclient's next pass. A
# source whose program is writable by others, a link, relative or holds a
# shell character is refused with the reason, and its hosts are not
# written (ddns-apply says so, the list shows why).
# A third source is the address of an interface: a bridge the test makes
# in a network namespace of its own (the whole test runs there, with its
# own lo), so the appliance's interfaces are never touched.
if [ -z "${T0042_NETNS:-}" ]; then
	T0042_NETNS=1 exec unshare -n sh "$0" "$@"
	echo "Bail out! unshare -n: no network namespace of our own"; exit 1
fi
. "$(dirname "$0")/lib.sh"
A4=198.51.100.11 B4=203.0.113.22 C4=192.0.2.33 D4=198.51.100.44
ip link set lo up && ip link add br-wan2 type bridge &&
	ip address add $C4/24 dev br-wan2 && ip link set br-wan2 up ||
	{ echo "Bail out! no bridge device in the test's namespace"; exit 1; }
check "check server of wan1 listens" start_fake checkip chka --answer4 $A4
PA=$FAKE_PORT
check "check server of lte listens" start_fake checkip chkb --answer4 $B4
PB=$FAKE_PORT
# dsl's check server listens on br-wan2's own address: its web check,
# bound to br-wan2 (through the module's helper link), reaches it; bound
# to lo (dsllo), the same URL does not.
E4=203.0.113.55
check "check server of dsl listens on br-wan2's address" start_fake checkip chkc --answer4 $E4 --bind $C4
PC=$FAKE_PORT
make_instance "ddclient = $DDCLIENT" "ddclient_daemon = 60" \
	"sources = wan1 lte wan2 dsl dsllo" \
	"source.wan1.v4 = web http://127.0.0.1:$PA/addr" \
	"source.wan1.label.en = Fibre" "source.wan1.label.it = Fibra" \
	"source.lte.v4 = web http://127.0.0.1:$PB/addr" \
	"source.lte.label.en = LTE backup" "source.lte.label.it = Riserva LTE" \
	"source.wan2.v4 = if br-wan2" "source.wan2.v6 = if br-wan2" \
	"source.dsl.v4 = web http://$C4:$PC/addr via br-wan2" \
	"source.dsllo.v4 = web http://$C4:$PC/addr via lo"
need_ddclient

PLOG=$T/prov.log DLOG=$T/ddclient.log
: > "$PLOG"
check "fake provider listens" start_fake provider prov --control "$T/prov.ctl"
PORT=$FAKE_PORT

# sent HOST ADDR: the provider got a request for HOST alone with ADDR.
sent() { grep -qF -- "\"hostnames\": [\"$1\"], \"myip\": \"$2\"" "$PLOG"; }
passes() { grep -c 'DEBUG: *sleep 60' "$DLOG"; }
passes_gt() { [ "$(passes)" -gt "$1" ]; }
# save [ID] HOST LOGIN SOURCE: create (no ID) or modify through the form.
save() {
	if [ $# -eq 4 ]; then cgi GET "action=edit&id=$1"; idf="&id=$1&version=$(form_version)"; shift
	else cgi GET 'action=edit'; idf=; fi
	cgi POST 'action=save' "csrf_token=$(token)$idf&$(form_body hostname "$1" \
		description '' login "$2" password "pw-$2" provider custom \
		server "127.0.0.1:$PORT" protocol dyndns2 zone '' mx '' \
		family ipv4 source "$3")"
}

cgi GET 'action=edit'
check "the form offers the sources by label" sh -c "grep -q '<select id=\"f-source\" name=\"source\"' '$T/out' &&
	grep -qF '<option value=\"wan1\" selected>Fibre</option>' '$T/out' &&
	grep -qF '<option value=\"lte\">LTE backup</option>' '$T/out'"
EXTRA_ENV=HTTP_ACCEPT_LANGUAGE=it cgi GET 'action=edit'
check "in Italian, by the Italian labels" sh -c "grep -qF '>Fibra</option>' '$T/out' &&
	grep -qF '>Riserva LTE</option>' '$T/out'"

cgi GET ''
apply_db 2> "$T/apply.err"
start_ddclient "$DLOG"
check "ddclient finishes its first pass" wait_for 300 passes_gt 0

save office.example.org u1 wan1
check "office on wan1 saved" [ "$(status)" = 303 ]
save backup.example.org u2 lte
check "backup on lte saved" [ "$(status)" = 303 ]
idb=$(sql "select id from hosts where hostname='backup.example.org'")
check "the row stores the source's name only" [ "$(sql "select source from hosts where id=$idb")" = lte ]
check "the provider gets office with wan1's address" wait_for 150 sent office.example.org $A4
check "the provider gets backup with lte's address" wait_for 150 sent backup.example.org $B4
save lab.example.org u3 wan2
check "lab on wan2 (an interface) saved" [ "$(status)" = 303 ]
check "the provider gets lab with the interface's address" wait_for 150 sent lab.example.org $C4
check "office never got lte's address" sh -c "! grep -qF '\"hostnames\": [\"office.example.org\"], \"myip\": \"$B4\"' '$PLOG'"

# --- a web check bound to an interface: the module's helper link ------------
save dsl.example.org u4 dsl
check "dsl on a bound web check saved" [ "$(status)" = 303 ]
case $DDV in 3.10) CMDKEY=cmd ;; *) CMDKEY=cmdv4 ;; esac
check "ddclient runs the helper link, no argument" grep -qxF "$CMDKEY=$T/apply/source/dsl.v4, \\" "$T/ddclient.conf"
check "the link is root's, to ddns-checkip" [ "$(readlink "$T/apply/source/dsl.v4")" = "$B/ddns-checkip" ]
check "run as dsl.v4 it prints the address over br-wan2" [ "$(DDNS_ADMIN_CONFIG=$T/ddns-admin.conf timeout 30 "$T/apply/source/dsl.v4")" = $E4 ]
check "bound to lo, the same URL gives no address" sh -c "! DDNS_ADMIN_CONFIG=$T/ddns-admin.conf timeout 30 '$T/apply/source/dsllo.v4'"
check "the provider gets dsl with the bound check's address" wait_for 150 sent dsl.example.org $E4

# --- each source's address, as its hosts are given it ------------------------
# ddns-checkip (the web user's, as the list page starts it) checks each
# source: the two web checks and the interface.
ip_of() { sed -n 's/^ip=//p' "$T/state/publicip$1@$2" 2> /dev/null; }
# (It exits 1: the appliance's own check, checkip_url, has no server here.)
env DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" timeout 60 "$B/ddns-checkip" 2> "$T/checkip.err"
check "ddns-checkip ran (exit 1: the appliance's own check fails)" [ $? -eq 1 ]
check "wan1's address is its check server's" [ "$(ip_of '' wan1)" = $A4 ]
check "lte's address is its check server's" [ "$(ip_of '' lte)" = $B4 ]
check "wan2's address is the interface's" [ "$(ip_of '' wan2)" = $C4 ]
check "dsl's address is its bound check's" [ "$(ip_of '' dsl)" = $E4 ]
check "wan2 has no global IPv6: said in words" grep -qx "error=the interface br-wan2 has no IPv6 address" "$T/state/publicip6@wan2"
cgi GET 'action=edit'
check "the form shows each source's address beside its label" sh -c "grep -qF '>Fibre ($A4)</option>' '$T/out' &&
	grep -qF '>LTE backup ($B4)</option>' '$T/out' && grep -qF '>wan2 ($C4)</option>' '$T/out'"
ido=$(sql "select id from hosts where hostname='office.example.org'")
idl=$(sql "select id from hosts where hostname='lab.example.org'")
wait_sync() { cgi GET ''; row_has "$1" "<span class=\"sync ok\">✓<span class=\"vh\"> matches its source&#39;s address</span>"; }
check "the list: office matches its source's address" wait_for 150 wait_sync "$ido"
check "the list: backup matches its own source's (not wan1's)" wait_for 150 wait_sync "$idb"
check "the list: lab matches the interface's address" wait_for 150 wait_sync "$idl"

# --- a Save moves a host to the other source ------------------------------
save "$idb" backup.example.org u2 wan1
check "backup moved to wan1 saved" [ "$(status)" = 303 ]
check "the provider gets backup with wan1's address" wait_for 150 sent backup.example.org $A4

# --- refused sources: their hosts are not written ---------------------------
# refuse WHAT VALUE WORDS: lte's IPv4 as VALUE refuses the source with
# WORDS; ddns-apply names backup (on lte) as left out, writes office, and
# the list shows why in backup's row.
save "$idb" backup.example.org u2 lte
refuse() {
	sed -i "s#^source.lte.v4 = .*#source.lte.v4 = $2#" "$T/ddns-admin.conf"
	apply_db 2> "$T/apply.err"
	check "$1: ddns-apply leaves backup out, saying why" grep -qF \
		"backup.example.org left out of ddclient's configuration: source: The address source lte is refused by the module configuration ($T/ddns-admin.conf line" "$T/apply.err"
	check "$1: the reason is given" grep -qF "$3" "$T/apply.err"
	check "$1: backup is not written" sh -c "! grep -q 'backup.example.org' '$T/ddclient.conf'"
	check "$1: office still is" grep -qx 'office.example.org' "$T/ddclient.conf"
	cgi GET ''
	check "$1: the list says why beside backup" row_has "$idb" "$3"
}
mkdir -p "$T/bin"
printf '#!/bin/sh\necho %s\n' $B4 > "$T/bin/lte-ip"
chmod 0757 "$T/bin/lte-ip"
refuse "writable by others" "cmd $T/bin/lte-ip" "the program is writable by its group or by others"
chmod 0755 "$T/bin/lte-ip"
ln -s "$T/bin/lte-ip" "$T/bin/lte-link"
refuse "a link" "cmd $T/bin/lte-link" "the program is a symbolic link"
refuse "relative" "cmd bin/lte-ip" "a program is an absolute path of letters, digits and / . _ - only"
refuse "a shell character" "cmd $T/bin/lte-ip;reboot" "a program is an absolute path of letters, digits and / . _ - only"
refuse "a URL with a comma" "web http://127.0.0.1:$PB/addr,cmd=x" "a web check is an http:// or https:// URL"
# and the program as it should be: backup is written again, its command
# from the module configuration alone, and ddclient runs it (another
# address; ddclient's min-interval may hold the update until a later pass)
printf '#!/bin/sh\necho %s\n' $D4 > "$T/bin/lte-ip"
sed -i "s#^source.lte.v4 = .*#source.lte.v4 = cmd $T/bin/lte-ip#" "$T/ddns-admin.conf"
apply_db 2> "$T/apply.err"
check "a sound program: backup is written" grep -qx 'backup.example.org' "$T/ddclient.conf"
# (3.10: use=cmd, cmd=PATH; 3.11: usev4=cmdv4, cmdv4=PATH)
check "with the program's path as its command" grep -qxF "$CMDKEY=$T/bin/lte-ip, \\" "$T/ddclient.conf"
check "the provider gets backup with the program's address" wait_for 1500 sent backup.example.org $D4

# --- what a source cannot serve is refused beside the field ---------------
# cf FAMILY SOURCE: Save a new Cloudflare host (both families on both
# versions) of FAMILY on SOURCE.
cf() {
	cgi GET 'action=edit'
	cgi POST 'action=save' "csrf_token=$(token)&$(form_body hostname "$1-$2.example.org" \
		description '' login token password tok provider cloudflare \
		zone example.org family "$1" source "$2")"
}
beside() { sed -n '/<div class="field" data-field="source">/,/<\/div>/p' "$T/out" | grep -qF -- "$1"; }
cf ipv6 lte
check "IPv6 on a source without IPv6: refused" [ "$(status)" = 422 ]
check "... beside the source field, saying why" beside '<p class="error" id="e-source">The address source lte has no IPv6 address'
cf dual wan2
if [ "$DDV" = 3.10 ]; then
	check "3.10, dual stack on another source than the first: refused" [ "$(status)" = 422 ]
	check "... beside the source field, saying why" beside 'ddclient 3.10 reads the IPv6 address source only once for all hosts (wan1)'
else
	check "3.11, dual stack on another source than the first: saved" [ "$(status)" = 303 ]
fi

# --- Import: a hand-written host's own detection names its source ----------
cat > "$T/hand.conf" <<EOF
protocol=dyndns2, server=127.0.0.1:$PORT, login=h, password=hp
use=web, web=http://127.0.0.1:$PA/addr imp-wan1.example.org
use=cmd, cmd=$T/bin/lte-ip imp-lte.example.org
use=if, if=br-wan2 imp-wan2.example.org
use=if, if=ppp9 imp-none.example.org
EOF
"$B/ddns-apply" -c "$T/ddns-admin.conf" --import "$T/hand.conf" > "$T/hand.lines" 2> "$T/hand.err"
# imported HOST SOURCE: ddns-apply --import's row of HOST names SOURCE.
imported() { sed -n "/^host $1\$/,/^host /p" "$T/hand.lines" | grep -qx "field source $2"; }
check "Import: use=web of wan1's URL follows wan1" imported imp-wan1.example.org wan1
check "Import: use=cmd of lte's program follows lte" imported imp-lte.example.org lte
check "Import: use=if of br-wan2 follows wan2" imported imp-wan2.example.org wan2
check "Import: a detection no source has is said, per host" grep -qF "imp-none.example.org: taken over without a setting: its own address detection (use=if, if=ppp9) is none of the address sources" "$T/hand.err"
check "... and it follows the first source" sh -c "! sed -n '/^host imp-none.example.org\$/,/^host /p' '$T/hand.lines' | grep -q '^field source'"

done_testing
