#!/bin/sh
# t0038-dnscheck: what DNS answers (issue 20, item 2). A real BIND named on
# 127.0.0.1 is the authority for the test zone (dns_stub, so libunbound
# asks it directly), the hosts come from the database through the real
# CGI, and the real ddns-dnscheck writes state_dir/dns. Each of the six
# verdicts comes out of its reader (ddns-dnscheck -v): In DNS, Propagating
# (TTL 60, right after a change), DNS differs (the record changed behind
# ddclient's back with nsupdate), Needs update, No record (NXDOMAIN and
# NODATA), and Could not check (a server that never answers, within
# dns_timeout). Assertions are on the state, never on timing but a bound.
# After each state, the list page (the real CGI) shows its word in the
# host's row; with dns_check = off, "Not checked".
. "$(dirname "$0")/lib.sh"
for p in named nsupdate tsig-keygen dig; do
	command -v $p > /dev/null || { echo "Bail out! $p not installed"; exit 1; }
done
ZONE=dyn.example.test
DPORT=$(free_port)
make_instance "dns_check = authoritative" "dns_stub = $ZONE 127.0.0.1@$DPORT" \
	"dns_timeout = 3" "checkip = /bin/true"

# ---- a real named, serving the zone, updates signed by ddns-key ----
start_named
check "named serves $ZONE on 127.0.0.1:$DPORT" wait_for 150 named_up

# set NAME ADDRESS: the A record of NAME is ADDRESS alone, TTL 60, as an
# nsupdate (ddclient's, or someone else's) leaves it.
set_a() {
	printf 'server 127.0.0.1 %s\nupdate delete %s A\nupdate add %s 60 A %s\nsend\n' \
		"$DPORT" "$1" "$1" "$2" | nsupdate -y "hmac-sha256:ddns-key:$SECRET"
}

# ---- the hosts, saved through the real CGI ----
save() {
	cgi GET 'action=edit'
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname "$1" \
		provider dyn login u password p family "$2")"
	check "$1 ($2) is saved" [ "$(status)" = 303 ]
}
save in.$ZONE ipv4
save prop.$ZONE ipv4
save diff.$ZONE ipv4
save need.$ZONE ipv4
save none.$ZONE ipv4
save off.$ZONE ipv4
sql "UPDATE hosts SET enabled = 0 WHERE hostname = 'off.$ZONE'"
# Dual stack as the store holds it (which providers may carry it is the
# form's business, tested elsewhere): asked A and AAAA.
sql "UPDATE hosts SET family = 'dual' WHERE hostname = 'in.$ZONE'"

NOW=$(date +%s)
OLD=$((NOW - 3600))
set_a in.$ZONE 203.0.113.10
set_a need.$ZONE 203.0.113.13
# diff: ddclient set .12; someone else then changed it.
set_a diff.$ZONE 203.0.113.12
set_a diff.$ZONE 198.51.100.12
# prop: ddclient set .11 just now (its update time is now).
set_a prop.$ZONE 203.0.113.11
check "named has the records" [ "$(answer diff.$ZONE)" = 198.51.100.12 ]

dnscheck() { DDNS_ADMIN_CONFIG=$T/ddns-admin.conf timeout 60 "$B/ddns-dnscheck" "$@"; }
# verdict HOST FAMILY SENT SENT_TIME PUBLIC: the reader's verdict word.
verdict() { dnscheck -v "$@" | cut -d' ' -f1; }
ST=$T/state/dns

dnscheck 2> "$T/dnscheck.err"; rc=$?
check "ddns-dnscheck exits 0 (every name answered)" [ "$rc" = 0 ]
check "the state file is there, mode 0600" [ "$(stat -c %a "$ST" 2> /dev/null)" = 600 ]
dnscheck -l > "$T/list"; rc=$?
check "the state reads back (ddns-dnscheck -l)" [ "$rc" = 0 ]
has() { grep -qxF -- "$1" "$T/list"; }
check "in: A, TTL 60, unsigned (insecure)" \
	has "in.$ZONE ipv4 rcode=NOERROR ttl=60 dnssec=insecure records=203.0.113.10"
check "in (dual): AAAA is NODATA" grep -q "^in.$ZONE ipv6 rcode=NOERROR ttl=[0-9]* dnssec=insecure records=-\$" "$T/list"
check "none: NXDOMAIN" grep -q "^none.$ZONE ipv4 rcode=NXDOMAIN " "$T/list"
check "diff: what named has now" grep -q "^diff.$ZONE ipv4 .*records=198.51.100.12\$" "$T/list"
check "a disabled host is not asked" sh -c "! grep -q '^off.$ZONE' '$T/list'"

# ---- the list page: each host's row says what DNS answers ----
# ddclient's cache as its passes leave it: each host set (good) an hour
# ago, prop just now. No public address is known (checkip is /bin/true).
cache_line() { echo "atime=$3,host=$1,ip=$2,mtime=$3,status=good $1"; }
{
	cache_line in.$ZONE 203.0.113.10 $OLD
	cache_line prop.$ZONE 203.0.113.11 $NOW
	cache_line diff.$ZONE 203.0.113.12 $OLD
	cache_line need.$ZONE 203.0.113.13 $OLD
	cache_line none.$ZONE 203.0.113.14 $OLD
} > "$T/ddclient.cache"
# row HOST: the text of HOST's row in the last page (tags dropped).
row() {
	id=$(sql "SELECT id FROM hosts WHERE hostname = '$1'")
	python3 -c 'import html, re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<tr id=\"host-%s\".*?</tr>" % sys.argv[2], t, re.S)
r = re.sub(r"<[^>]*>", "", re.sub(r"<(br|td)[^>]*>", " ", m.group(0))) if m else ""
print(html.unescape(re.sub(r"\s+", " ", r)))' "$T/out" "$id"
}
# row_has HOST TEXT: HOST's row holds TEXT (else the row, as a comment).
row_has() {
	_row=$(row "$1")
	case "$_row" in *"$2"*) return 0 ;; esac
	echo "# $_row"
	return 1
}
row_lacks() { case "$(row "$1")" in *"$2"*) return 1 ;; esac; }
# host_has HOST TEXT: HOST's page (?action=host) says TEXT of DNS, in its
# "What DNS answers" list (else that list, as a comment).
host_has() {
	cgi GET "action=host&id=$(sql "SELECT id FROM hosts WHERE hostname = '$1'")"
	_dns=$(python3 -c 'import html, re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<ul class=\"dns\" id=\"dns\">.*?</ul>", t, re.S)
print(html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", m.group(0)))) if m else "")' "$T/out")
	case "$_dns" in *"$2"*) [ "$(status)" = 200 ] && return 0 ;; esac
	echo "# $_dns"
	return 1
}
host_lacks() { ! host_has "$@" > /dev/null; }
list_page() { cgi GET 'action=list' && [ "$(status)" = 200 ]; }
hhmm() { env -i date -d "@$1" +%H:%M; }
check "the list page answers" list_page
cp "$T/out" "$T/list1.html"
check "row: In DNS, its word alone" row_has in.$ZONE "DNS: In DNS"
check "row: In DNS needs no sentence" row_lacks in.$ZONE "DNS answers this appliance's address."
check "row: a dual host's AAAA: No record" row_has in.$ZONE "No record — DNS has no AAAA record for this name."
check "row: Propagating, with its until time" \
	row_has prop.$ZONE "DNS: Propagating until $(hhmm $((NOW + 60)))"
check "row: DNS differs, both addresses" \
	row_has diff.$ZONE "DNS differs — DNS answers 198.51.100.12; ddclient set 203.0.113.12."
check "row: cache good but DNS differs, said in words" \
	row_has diff.$ZONE "ddclient's cache says the update succeeded, but DNS does not show it."
check "row: No record (NXDOMAIN)" row_has none.$ZONE "No record — DNS has no A record for this name."
check "row: a disabled host says nothing of DNS" row_lacks off.$ZONE "DNS:"
check "host page: In DNS, in a sentence" \
	host_has in.$ZONE "IPv4: DNS: In DNS — DNS answers this appliance's address."
check "host page: a dual host's AAAA: No record" \
	host_has in.$ZONE "IPv6: DNS: No record — DNS has no AAAA record for this name."
check "host page: Propagating, with its until time" \
	host_has prop.$ZONE "DNS: Propagating — Resolvers may keep the previous address until $(hhmm $((NOW + 60)))."
check "host page: DNS differs, and the cache parts from DNS" \
	host_has diff.$ZONE "DNS: DNS differs — DNS answers 198.51.100.12; ddclient set 203.0.113.12. The provider did not apply the update, or the record was changed elsewhere. ddclient's cache says the update succeeded, but DNS does not show it."
check "host page: No record (NXDOMAIN)" host_has none.$ZONE "DNS: No record — DNS has no A record for this name."
check "host page: a disabled host says nothing of DNS" host_lacks off.$ZONE "DNS:"
# The public address moves: need's row says Needs update.
printf 'ip=203.0.113.99\ntime=%s\nerror=\n' "$(date +%s)" > "$T/state/publicip"
check "the list page answers" list_page
check "row: Needs update, DNS's and the public address" \
	row_has need.$ZONE "Needs update — DNS answers 203.0.113.13; the public address is now 203.0.113.99."
check "host page: Needs update" \
	host_has need.$ZONE "DNS: Needs update — DNS answers 203.0.113.13; the public address is now 203.0.113.99."
rm -f "$T/state/publicip"
# The same in Italian.
EXTRA_ENV=HTTP_ACCEPT_LANGUAGE=it cgi GET 'action=list'
check "row, in Italian: Nel DNS" row_has in.$ZONE "DNS: Nel DNS"
check "row, in Italian: In propagazione fino alle" row_has prop.$ZONE "DNS: In propagazione fino alle $(hhmm $((NOW + 60)))"
EXTRA_ENV=HTTP_ACCEPT_LANGUAGE=it
check "host page, in Italian: Nel DNS" host_has in.$ZONE "DNS: Nel DNS — Il DNS risponde"
EXTRA_ENV=
EXTRA_ENV=HTTP_ACCEPT_LANGUAGE=it cgi GET 'action=list'
check "row, in Italian: Il DNS è diverso" row_has diff.$ZONE "Il DNS è diverso — Il DNS risponde 198.51.100.12; ddclient ha impostato 203.0.113.12."
check "an IPv4 host is not asked AAAA" sh -c "! grep -q '^prop.$ZONE ipv6' '$T/list'"

check "In DNS" [ "$(verdict in.$ZONE ipv4 203.0.113.10 $OLD 203.0.113.10)" = in_dns ]
check "a substring is no match (3.0.113.10 in 203.0.113.10)" \
	[ "$(verdict in.$ZONE ipv4 3.0.113.10 $OLD -)" = dns_differs ]
check "Propagating right after the change (TTL 60)" \
	[ "$(verdict prop.$ZONE ipv4 203.0.113.11 $NOW 203.0.113.11)" = propagating ]
until=$(dnscheck -v prop.$ZONE ipv4 203.0.113.11 $NOW 203.0.113.11 | cut -d' ' -f2)
check "Propagating: resolvers may keep the old answer until the update + 60 s" \
	[ "$until" = $((NOW + 60)) ]
check "DNS differs: changed behind ddclient's back" \
	[ "$(verdict diff.$ZONE ipv4 203.0.113.12 $OLD 203.0.113.12)" = dns_differs ]
check "Needs update: DNS has what was sent, the public address moved" \
	[ "$(verdict need.$ZONE ipv4 203.0.113.13 $OLD 203.0.113.99)" = needs_update ]
check "No record: NXDOMAIN" \
	[ "$(verdict none.$ZONE ipv4 203.0.113.14 $OLD -)" = no_record ]
check "No record: NODATA (no AAAA)" \
	[ "$(verdict in.$ZONE ipv6 2001:db8::10 $OLD -)" = no_record ]
check "Not checked: a host not in the last check" \
	[ "$(verdict off.$ZONE ipv4 203.0.113.15 $OLD -)" = not_checked ]

# Asked through a named resolver (as the state says): the row says the
# answer may be cached.
cp "$ST" "$T/dns.auth"
sed -i 's/^mode authoritative$/mode resolver 127.0.0.1@53/' "$ST"
check "the list page answers" list_page
check "row, through a resolver: the answer may be cached" \
	row_has in.$ZONE "In DNS — DNS answers this appliance's address. Asked through a resolver: the answer may come from its cache."
cp "$T/dns.auth" "$ST"

# ---- "Check DNS now": a POST with the CSRF token, 303 back, the check
# runs detached. The state is made old (the page would start one anyway
# only when it shows the list: the token comes from the form page). ----
sed -i 's/^time .*/time 1000/' "$ST"
cp "$ST" "$T/dns.old"
cgi GET 'action=edit'
tok=$(token)
cgi POST 'action=dnscheck' "$(form_body csrf_token "x$tok")"
check "Check DNS now with a bad token: 403" [ "$(status)" = 403 ]
check "... and no check ran (refused before any page runs)" cmp -s "$ST" "$T/dns.old"
cgi POST 'action=dnscheck' "$(form_body csrf_token "$tok")"
check "Check DNS now (list): 303 back to the list" \
	[ "$(status) $(location)" = "303 ?action=list&msg=dnscheck" ]
state_is_new() { ! grep -qx 'time 1000' "$ST"; }
check "Check DNS now: ddns-dnscheck ran, the state is new" wait_for 150 state_is_new
cgi GET 'action=list&msg=dnscheck'
check "the list says the check runs" body_has "Checking DNS now: reload the page"
check "the list offers the button" body_has '<form method="post" action="?action=dnscheck" id="dns-check">'
in_id=$(sql "SELECT id FROM hosts WHERE hostname = 'in.$ZONE'")
cgi POST 'action=dnscheck' "$(form_body csrf_token "$tok" id "$in_id")"
check "Check DNS now (host page): 303 back to the host page" \
	[ "$(status) $(location)" = "303 ?action=host&id=$in_id&msg=dnscheck" ]
cgi GET "action=host&id=$in_id&msg=dnscheck"
check "the host page offers the button, with the host's id" \
	body_has "<input type=\"hidden\" name=\"id\" value=\"$in_id\"><button type=\"submit\">Check DNS now</button>"
check "the host page says the check runs" body_has "Checking DNS now: reload the page"
# The timeline: the verdict changes ddns-dnscheck recorded, newest first:
# the first check ran before ddclient's cache was there (nothing set yet:
# Not checked), a later one with it (In DNS).
timeline_dns() {
	python3 -c 'import html, re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<ol class=\"timeline\" id=\"timeline\">.*?</ol>", t, re.S)
for li in re.findall(r"<li[^>]*>.*?</li>", m.group(0) if m else "", re.S):
    if "DNS verdict" in li or "Verdetto del DNS" in li:
        print(html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "", li))).strip())' "$T/out"
}
timeline_dns > "$T/tl"
check "timeline: the newest DNS verdict, In DNS, with DNS's answer" \
	sh -c "head -1 '$T/tl' | grep -q 'DNS verdict (IPv4): In DNS, DNS answered 203.0.113.10\$'"
check "timeline: before it, Not checked (no address set yet)" \
	sh -c "grep -n 'DNS verdict (IPv4): Not checked, DNS answered 203.0.113.10\$' '$T/tl' | grep -qv '^1:'"
check "timeline: a dual host's AAAA verdict too" grep -q "DNS verdict (IPv6): No record\$" "$T/tl"
check "the log has one line a change, none repeated" \
	sh -c "[ \$(grep -c ' in.$ZONE ipv4 in_dns ' '$T/state/dns.log') = 1 ]"
EXTRA_ENV=HTTP_ACCEPT_LANGUAGE=it
cgi GET "action=host&id=$in_id&msg=dnscheck"
check "in Italian: Controlla il DNS ora, and the notice" \
	sh -c "grep -qF 'Controlla il DNS ora</button>' '$T/out' && grep -qF 'Controllo del DNS avviato' '$T/out'"
check "timeline, in Italian: Verdetto del DNS (IPv4): Nel DNS" \
	sh -c "grep -q 'Verdetto del DNS</strong> (IPv4): <span class=\"dns-ok\">Nel DNS</span>, il DNS rispondeva' '$T/out'"
EXTRA_ENV=
cgi GET 'action=dnscheck'
check "Check DNS now is a POST only (GET: 405)" [ "$(status)" = 405 ]
# The checks the buttons started are done (none holds the lock).
check "the checks started are done" wait_for 150 flock -n "$T/state/dnscheck.lock" true
cp "$T/dns.auth" "$ST"

# ---- one at a time: a second run while the lock is held just leaves ----
cp "$ST" "$T/dns.before"
flock "$T/state/dnscheck.lock" sh -c "DDNS_ADMIN_CONFIG=$T/ddns-admin.conf $B/ddns-dnscheck; echo \$? > $T/locked.rc"
check "while another holds the lock: exits 0" [ "$(cat "$T/locked.rc")" = 0 ]
check "while another holds the lock: the state is left as it is" cmp -s "$ST" "$T/dns.before"

# ---- dns_check = off: nothing asked, nothing written ----
sed -i "s/^dns_check = .*/dns_check = off/" "$T/ddns-admin.conf"
rm -f "$ST"
dnscheck; rc=$?
check "dns_check = off: exits 0" [ "$rc" = 0 ]
check "dns_check = off: writes nothing" [ ! -e "$ST" ]
check "dns_check = off: Not checked" \
	[ "$(verdict in.$ZONE ipv4 203.0.113.10 $OLD -)" = not_checked ]
check "the list page answers" list_page
check "row, dns_check = off: says nothing of DNS on every row" row_lacks in.$ZONE "DNS:"
check "host page, dns_check = off: Not checked, grey" \
	host_has in.$ZONE "DNS: Not checked — DNS is not checked (dns_check = off in the module configuration)."
check "dns_check = off: the page starts no check either" [ ! -e "$ST" ]
cgi GET 'action=edit'
cgi POST 'action=dnscheck' "$(form_body csrf_token "$(token)")"
check "dns_check = off: Check DNS now starts none and says none" \
	[ "$(status) $(location)" = "303 ?action=list" ]
cgi GET 'action=list'
check "dns_check = off: the list offers no Check DNS now" sh -c "! grep -q 'id=\"dns-check\"' '$T/out'"
check "dns_check = off: still no check" [ ! -e "$ST" ]
sed -i "s/^dns_check = .*/dns_check = authoritative/" "$T/ddns-admin.conf"

# ---- a server that never answers: could not check, within dns_timeout ----
BPORT=$(free_port)
python3 -c 'import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
time.sleep(300)' "$BPORT" &
cleanup_pid $!
sed -i "s/^dns_stub = .*/dns_stub = $ZONE 127.0.0.1@$BPORT/" "$T/ddns-admin.conf"
t0=$(date +%s)
dnscheck 2> "$T/dnscheck.err"; rc=$?
t1=$(date +%s)
check "a dead server: ddns-dnscheck exits 1 (names not checked)" [ "$rc" = 1 ]
check "a dead server: it ends within dns_timeout (3 s) and a margin" [ $((t1 - t0)) -le 8 ]
dnscheck -l > "$T/list"
check "a dead server: the state says timeout" \
	grep -q "^in.$ZONE ipv4 rcode=- .* error=3\$" "$T/list"
check "a dead server: Could not check" \
	[ "$(verdict in.$ZONE ipv4 203.0.113.10 $OLD 203.0.113.10)" = could_not_check ]
check "a dead server: the reason in words" \
	dnscheck -v in.$ZONE ipv4 203.0.113.10 $OLD - | grep -qF "No answer came within 3 seconds."
check "the list page answers" list_page
check "row: Could not check, grey, with the reason" \
	row_has in.$ZONE "Could not check — No answer came within 3 seconds."
check "row: the grey look, never red" grep -q 'class="dns-grey">DNS: Could not check — ' "$T/out"
cgi GET "action=host&id=$in_id"
timeline_dns > "$T/tl"
check "timeline: a dead server, Could not check, newest" \
	sh -c "head -1 '$T/tl' | grep -q 'DNS verdict (IPv4): Could not check\$'"
check "timeline: could not check is grey, never red" \
	grep -q '<span class="dns-grey">Could not check</span>' "$T/out"
check "host page: Could not check, with the reason" \
	host_has in.$ZONE "DNS: Could not check — No answer came within 3 seconds."
check "host page: the grey look, never red" grep -q '<li class="dns-grey"><span class="family">IPv4:</span> DNS: Could not check' "$T/out"

# ---- a damaged state file is refused whole ----
printf 'ddns-dnscheck 1\nmode authoritative\ntime 1\nin.%s ipv4 1 NOERROR 60 insecure 203.0.113.10 - x\n' "$ZONE" > "$ST"
dnscheck -l > /dev/null 2>&1; rc=$?
check "a damaged state is refused (ddns-dnscheck -l exits 2)" [ "$rc" = 2 ]

done_testing
