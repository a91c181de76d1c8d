#!/bin/sh
# t0018-import: taking over a hand-written ddclient configuration, with
# the real ddclient under test ($DDCLIENT: run-all.sh runs this on 3.10
# and on 3.11) against the fake dyndns2 provider on 127.0.0.1. For files
# written the way people write them, ddclient sends the same requests
# (hosts, login, password, path) from the hand-written file and from the
# file ddns-admin writes after the Import and a Save. The first Save on a
# box with such a file replaces nothing and loses no host; the Import
# keeps the original beside the new file; a host the page cannot model
# is kept as written (read-only on the list, with why) and ddclient
# sends its requests unchanged, after the Import, a Save and an apply.
. "$(dirname "$0")/lib.sh"
need_ddclient
V4=203.0.113.7
check "fake dyndns2 provider listens" start_fake provider prov
P=$FAKE_PORT
make_instance "ddclient = $DDCLIENT" "ddclient_use = ip, ip=$V4" \
	"ddclient_usev4 = ipv4, ipv4=$V4" "ddclient_usev6 = ipv6, ipv6=2001:db8::7" \
	"ddclient_daemon = 300"
CONF=$T/ddclient.conf KEPT=$T/ddclient.conf.before-ddns-admin
# The address detection each version reads, as people write it.
if [ "$DDV" = 3.10 ]; then USE="use=ip, ip=$V4"; else USE="usev4=ipv4, ipv4=$V4"; fi

# sends FILE: the requests the real ddclient makes for FILE, one pass,
# every host forced, as sorted lines {hosts, login, password, path}
# (hosts of new.example.org, made on the page, left out).
sends() {
	: > "$T/prov.log"
	cp "$1" "$T/run.conf" && chmod 600 "$T/run.conf"
	rm -f "$T/run.cache"
	PERLIO=:unix "$DDCLIENT" -file "$T/run.conf" -cache "$T/run.cache" \
		-foreground -daemon=0 -noquiet -verbose -force > "$T/ddclient.log" 2>&1
	python3 -c 'import json, sys
out = set()
for l in open(sys.argv[1]):
    r = json.loads(l)
    if "new.example.org" in r["hostnames"]:
        continue
    out.add(json.dumps({"hosts": sorted(r["hostnames"]), "login": r["login"],
        "password": r["password"], "path": r["path"]}, sort_keys=True))
print("\n".join(sorted(out)))' "$T/prov.log"
}
# fresh: a new box: no database, the hand-written file $1 as ddclient's.
fresh() {
	rm -f "$T/ddns.db" "$CONF" "$KEPT" "$T/ddclient.cache" "$T/apply/kept" \
		"$T/apply/kept.conf"
	cp "$1" "$CONF" && chmod 600 "$CONF"
	cgi GET ''
}
import_page() { cgi GET ''; cgi POST 'action=import' "csrf_token=$(token)"; }
# save_unchanged ID: Modify and Save host ID as the form shows it (an
# empty password keeps the stored one).
save_unchanged() {
	sql "select hostname, login, provider, server, protocol from hosts where id=$1" |
		{ IFS='|' read -r h l pr s pc
		  cgi GET "action=edit&id=$1"
		  cgi POST 'action=save' "$(form_body csrf_token "$(token)" id "$1" version "$(form_version)" \
			hostname "$h" login "$l" password '' provider "$pr" server "$s" \
			protocol "$pc" family ipv4)"; }
}
# faithful NAME FILE HOSTS: import FILE (HOSTS hosts) and Save once; the
# real ddclient's requests must not change.
faithful() {
	name=$1 file=$2 nhosts=$3
	sends "$file" > "$T/$name.before"
	check "$name: the hand-written file makes ddclient send requests" [ -s "$T/$name.before" ]
	fresh "$file"
	check "$name: the list page offers the Import" grep -q 'action="?action=import"' "$T/out"
	"$B/ddns-apply" -c "$T/ddns-admin.conf" --import "$file" > "$T/$name.lines" 2> "$T/$name.err"
	check "$name: ddns-apply --import takes everything (exit 0)" [ $? = 0 ]
	check "$name: and prints every host" [ "$(grep -c '^host ' "$T/$name.lines")" = "$nhosts" ]
	import_page
	check "$name: Import answers 200" [ "$(status)" = 200 ]
	check "$name: the page says the hosts are taken over" grep -q 'id="import-done"' "$T/out"
	check "$name: each host is a row" [ "$(sql 'select count(*) from hosts')" = "$nhosts" ]
	check "$name: the original is kept beside, unchanged" cmp -s "$file" "$KEPT"
	check "$name: kept 0600" [ "$(stat -c %a "$KEPT")" = 600 ]
	check "$name: ddclient.conf is now the module's" grep -q '^# Written by ddns-admin from its database' "$CONF"
	save_unchanged "$(sql 'select min(id) from hosts')"
	check "$name: a Save after the import answers 303 with apply=4" sh -c "[ '$(status)' = 303 ] && echo '$(location)' | grep -q 'apply=4\$'"
	sends "$CONF" > "$T/$name.after"
	if cmp -s "$T/$name.before" "$T/$name.after"; then
		ok "$name: ddclient sends the same requests as from the hand-written file"
	else
		not_ok "$name: ddclient sends the same requests as from the hand-written file"
		diff "$T/$name.before" "$T/$name.after" | sed 's/^/# /'
	fi
}

# --- A: a Debian-style file: comments, globals, blocks carried ----------
cat > "$T/a.conf" <<EOF
# Configuration file for ddclient
#
# /etc/ddclient.conf

daemon=300
ssl=no
$USE

protocol=dyndns2
server=127.0.0.1:$P
login=alice
password='p w#1 "x"'
home.example.org,www.example.org

# the office has its own account on the same server
login=bob, password=bobs\\secret office.example.org
EOF

# First Save on this box: nothing is replaced, no host is lost.
sends "$T/a.conf" > "$T/first.before"
fresh "$T/a.conf"
cgi GET 'action=edit'
cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname new.example.org \
	login newbie password np provider custom server "127.0.0.1:$P" protocol dyndns2 family ipv4)"
check "first Save: the row is stored (303)" [ "$(status)" = 303 ]
check "first Save: ddns-apply refuses to replace the hand-written file (apply=9)" sh -c "echo '$(location)' | grep -q 'apply=9\$'"
check "first Save: ddclient.conf is left exactly as written" cmp -s "$T/a.conf" "$CONF"
cgi GET "$(location | sed 's/^?//')"
check "first Save: the list page says it was written by hand" body_has 'was written by hand, not by this page'
check "first Save: and offers the Import" grep -q 'action="?action=import"' "$T/out"
import_page
check "Import after the first Save answers 200" [ "$(status)" = 200 ]
check "the file's three hosts and the new one are rows" [ "$(sql 'select count(*) from hosts')" = 4 ]
check "the original is kept beside it" cmp -s "$T/a.conf" "$KEPT"
check "ddclient.conf now has every host" sh -c "for h in home www office new; do grep -qx \"\$h.example.org\" '$CONF' || exit 1; done"
sends "$CONF" > "$T/first.after"
check "ddclient sends the file's requests unchanged after the first Save and Import" cmp -s "$T/first.before" "$T/first.after"
check "and the new host is sent too" grep -q '"new.example.org"' "$T/prov.log"
apply_db > /dev/null 2>&1
check "later applies replace the module's own file (exit 4: ddclient not running)" [ $? = 4 ]
cgi GET ''
check "the list page no longer offers the Import" sh -c "! grep -q 'action=\"?action=import\"' '$T/out'"

faithful A "$T/a.conf" 3

# --- B: continuations, one-line blocks, comments after values -----------
cat > "$T/b.conf" <<EOF
ssl=no
$USE
server=127.0.0.1:$P

# first account: one logical line over several
protocol=dyndns2, \\
login=carol, \\
password='c#rol pass, with comma', \\
a.example.net,b.example.net

protocol=dyndns2, login="dave d", password=dave-pw c.example.net  # trailing comment
protocol=dyndns2 d.example.net dave2 positional-pw
EOF
faithful B "$T/b.conf" 4

# --- C: host=, quotes and escapes in logins, a host defined twice --------
cat > "$T/c.conf" <<EOF
ssl=no
$USE
protocol=dyndns2
server=127.0.0.1:$P
login=erin\\ e, password='it's erin' e.example.com
host=f.example.com, login='fr,ank', password='fr ank'
login=first password=one g.example.com
login=second password=two g.example.com
EOF
faithful C "$T/c.conf" 3

# --- D: what cannot be taken over: nothing is stored -------------------
cat > "$T/d.conf" <<EOF
ssl=no
$USE
use=web, web=checkip.dyndns.org
server=127.0.0.1:$P
login=l, password=p ok.example.com
script=/other/path login=l2, password=p2 odd.example.com
EOF
"$B/ddns-apply" -c "$T/ddns-admin.conf" --import "$T/d.conf" > "$T/d.lines" 2> "$T/d.err"
check "D: ddns-apply --import says not everything was taken (exit 10)" [ $? = 10 ]
check "D: stderr names the host and the setting" grep -q 'odd.example.com: not taken over: script changes what ddclient sends' "$T/d.err"
check "D: stderr names the address detection left to the module" grep -q 'ok.example.com: taken over without a setting: use is not taken over' "$T/d.err"
# The same hosts with the module's address detection: one a row, the
# other kept as written; ddclient sends what it sent before.
cat > "$T/d2.conf" <<EOF
ssl=no
$USE
server=127.0.0.1:$P
login=l, password=p ok.example.com
script=/other/path login=l2, password='p2 "odd"' odd.example.com
EOF
sends "$T/d2.conf" > "$T/D.before"
check "D: the hand-written file makes ddclient send both hosts" [ "$(wc -l < "$T/D.before")" = 2 ]
fresh "$T/d2.conf"
import_page
check "D: Import answers 200" [ "$(status)" = 200 ]
check "D: the page says the hosts are taken over" grep -q 'id="import-done"' "$T/out"
check "D: and that the one it cannot model is kept as written" grep -q 'id="import-kept-hosts"' "$T/out"
check "D: and, for that host, why in words" body_has 'script changes what ddclient sends'
check "D: the other host is a row, the kept one is not" [ "$(sql 'select group_concat(hostname) from hosts')" = ok.example.com ]
check "D: the original is kept beside, unchanged" cmp -s "$T/d2.conf" "$KEPT"
check "D: the kept host's block is root's alone (0600)" [ "$(stat -c %a "$T/apply/kept.conf")" = 600 ]
cgi GET ''
check "D: the list shows the kept host, with why" sh -c "sed -n '/id=\"kept-hosts\"/,/<\/table>/p' '$T/out' | grep -q 'kept from the hand-written configuration: script changes what ddclient sends'"
check "D: by its name" sh -c "sed -n '/id=\"kept-hosts\"/,/<\/table>/p' '$T/out' | grep -q '>odd.example.com<'"
check "D: with no Modify or Delete for it" sh -c "! sed -n '/id=\"kept-hosts\"/,/<\/table>/p' '$T/out' | grep -q 'action='"
sends "$CONF" > "$T/D.after"
check "D: after the Import ddclient sends both hosts' requests unchanged" cmp -s "$T/D.before" "$T/D.after"
save_unchanged "$(sql 'select id from hosts')"
check "D: a Save of the row answers 303 with apply=4" sh -c "[ '$(status)' = 303 ] && echo '$(location)' | grep -q 'apply=4\$'"
sends "$CONF" > "$T/D.save"
check "D: after a Save, unchanged" cmp -s "$T/D.before" "$T/D.save"
"$B/ddns-apply" -c "$T/ddns-admin.conf" > /dev/null 2>&1
check "D: applied again from root's record (exit 4)" [ $? = 4 ]
sends "$CONF" > "$T/D.again"
check "D: after that, unchanged" cmp -s "$T/D.before" "$T/D.again"

# --- E: a credential in a value never leaves the file (issue 18, finding 6)
cat > "$T/e.conf" <<EOF
ssl=no
use=web, web=https://admin:Url-S3cret@192.0.2.1/status
proxy=http://u:Proxy-S3cret@proxy.example
server=127.0.0.1:$P
login=l, password=p ok.example.com
script=/nic/update?token=Path-S3cret login=l2, password=p2 odd.example.com
fw=https://fw:Fw-S3cret@192.0.2.2/
EOF
DDNS_ADMIN_CONFIG=$T/ddns-admin.conf "$B/ddns-apply" --import "$T/e.conf" > "$T/e.lines" 2> "$T/e.err"
check "E: ddns-apply --import notes the settings (exit 10)" [ $? = 10 ]
check "E: and names them by key" grep -q 'web is not taken over' "$T/e.err"
check "E: no value of them in its output" sh -c "! grep -q 'S3cret' '$T/e.lines' '$T/e.err'"
fresh "$T/e.conf"
import_page
check "E: the page names the setting" body_has 'script changes what ddclient sends'
check "E: no value of them on the page" no_leak 'S3cret'

# --- a kept copy is never overwritten ------------------------------------
fresh "$T/a.conf"
echo 'someone else' > "$KEPT"
import_page
check "another text already kept: the import stores but nothing is replaced" sh -c "[ \"\$(cat '$KEPT')\" = 'someone else' ] && cmp -s '$T/a.conf' '$CONF'"
check "and the page says ddclient's configuration was not replaced" body_has 'was written by hand, not by this page'
done_testing
