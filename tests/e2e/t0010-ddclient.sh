#!/bin/sh
# t0010-ddclient: the real ddclient daemon ($DDCLIENT: run-all.sh runs it
# on Debian 12's 3.10 and Debian 13's 3.11) against a fake
# dyndns2 provider on 127.0.0.1, driven through the real CGI: a password
# full of special characters arrives exactly; badauth is shown in words; a
# fixed password goes out at once (the cache drop); disabled and deleted
# hosts get no more requests; "Update now" sends at once.
. "$(dirname "$0")/lib.sh"
make_instance "ddclient_use = ip, ip=203.0.113.7" "ddclient_daemon = 60"
need_ddclient

H1=h1.example.com H2=z2.example.com
LOGIN1='us er,"'"'"'\x'			# us er,"'\x
PW1='pa ss#w,o=r"d'"'"'$x\y'		# pa ss#w,o=r"d'$x\y
PW2='N3w s#cr,e=t"'"'"'$\!'		# N3w s#cr,e=t"'$\!
PLOG=$T/prov.log DLOG=$T/ddclient.log
: > "$PLOG"

# req FRAG: how many logged requests hold FRAG (a fragment of a JSON line).
req() { grep -cF -- "$1" "$PLOG"; }
# seen HOST LOGIN PASSWORD: the JSON fragment of a request for HOST alone
# with exactly that login and password and the configured address.
seen() {
	python3 -c 'import json, sys
print(json.dumps({"hostnames": [sys.argv[1]], "myip": "203.0.113.7",
    "login": sys.argv[2], "password": sys.argv[3]})[1:-1])' "$@"
}
more() { [ "$(req "$1")" -gt "$2" ]; }
# passes: how many update passes ddclient has finished ("sleep N" in its
# debug output comes after each pass has written its cache).
passes() { grep -c 'DEBUG: *sleep 60' "$DLOG"; }
passes_gt() { [ "$(passes)" -gt "$1" ]; }
# set_control JSON: what the provider answers from now on.
set_control() { printf '%s\n' "$1" > "$T/prov.ctl.tmp" && mv "$T/prov.ctl.tmp" "$T/prov.ctl"; }
# post ACTION ID: a host button of the list page (enable, disable, update).
post() { cgi GET ''; cgi POST "action=$1" "csrf_token=$(token)&id=$2"; }
# save [ID] HOST LOGIN PASSWORD: create (no ID) or modify through the form.
save() {
	if [ $# -eq 4 ]; then cgi GET "action=edit&id=$1"; idf="&id=$1&version=$(form_version)"; shift
	else cgi GET 'action=edit'; idf=; fi
	cgi POST 'action=save' "csrf_token=$(token)$idf&hostname=$1&description=&login=$(urlencode "$2")&password=$(urlencode "$3")&provider=custom&mx=&server=127.0.0.1:$PORT&protocol=dyndns2&zone="
}
applied() { location | grep -q "apply=$1\$"; }

check "fake provider listens" start_fake provider prov --control "$T/prov.ctl"
PORT=$FAKE_PORT

# ddclient needs a config before it starts: render the (empty) database.
cgi GET ''
apply_db 2> "$T/apply.err"; rc=$?
check "ddns-apply without ddclient exits 4 (not running)" [ "$rc" = 4 ]
check "ddns-apply wrote ddclient's config" grep -qx 'use=ip, ip=203.0.113.7' "$T/ddclient.conf"

start_ddclient "$DLOG"
# Its signal handlers are set once it has finished its first pass.
check "ddclient finishes its first pass" wait_for 300 passes_gt 0

# --- create: the exact login and password arrive -------------------------
p=$(passes)
save "$H1" "$LOGIN1" "$PW1"
check "create answers 303" [ "$(status)" = 303 ]
check "create redirect says applied, ddclient told (apply=0)" applied 0
id1=$(sql "select id from hosts where hostname='$H1'")
check "config carries the password raw" grep -qxF "password='$PW1', \\" "$T/ddclient.conf"
F1=$(seen "$H1" "$LOGIN1" "$PW1")
check "provider gets exactly that login and password for $H1 within 10 s" wait_for 100 more "$F1" 0
check "ddclient finishes that pass" wait_for 100 passes_gt "$p"
cgi GET ''
check "list shows $H1 up to date" row_has "$id1" 'Up to date: the provider accepted the address.'
check "list shows the address set" row_has "$id1" '<span class="ip">203.0.113.7</span>'
check "list never shows the password, raw or HTML-escaped" no_leak "$PW1"

# A second host (another password, so another request): the witness that
# a pass ran, for the steps below.
p=$(passes)
save "$H2" witness w2
check "second host saved" [ "$(status)" = 303 ]
id2=$(sql "select id from hosts where hostname='$H2'")
F2=$(seen "$H2" witness w2)
check "provider gets the second host" wait_for 100 more "$F2" 0
check "ddclient finishes that pass" wait_for 100 passes_gt "$p"

# --- Update now: a fresh request at once ----------------------------------
p=$(passes) n=$(req "$F2")
post update "$id2"
check "update answers 303 with apply=0" sh -c "[ '$(status)' = 303 ] && echo '$(location)' | grep -q 'msg=queued&apply=0\$'"
check "Update now of a good host sends a fresh request within 10 s" wait_for 100 more "$F2" "$n"
check "ddclient finishes that pass" wait_for 100 passes_gt "$p"

# --- badauth: the provider now only takes PW2 -----------------------------
set_control "$(python3 -c 'import json, sys; print(json.dumps({"passwords": {sys.argv[1]: sys.argv[2]}}))' "$H1" "$PW2")"
p=$(passes) n=$(req "$F1")
post update "$id1"
check "Update now sends the old password again" wait_for 100 more "$F1" "$n"
check "ddclient finishes that pass" wait_for 100 passes_gt "$p"
check "ddclient's cache says badauth" grep -q "status=badauth.* $H1\$" "$T/ddclient.cache"
cgi GET ''
check "list shows badauth in words" row_has "$id1" 'The provider rejected the login or password.'
check "the row is marked as an error" grep -q "<tr id=\"host-$id1\" class=\"state-error\">" "$T/out"
check "the row says it once (the family does not repeat it)" [ "$(sed -n "/<tr id=\"host-$id1\"/,/<\/tr>/p" "$T/out" | grep -o 'rejected the login' | wc -l)" = 1 ]
check "and gives the provider's own word" row_has "$id1" 's answer: badauth'

# --- Modify with the right password: sent at once, not in 5 minutes ------
p=$(passes)
save "$id1" "$H1" "$LOGIN1" "$PW2"
check "modify answers 303 with apply=0" sh -c "[ '$(status)' = 303 ] && echo '$(location)' | grep -q 'apply=0\$'"
F1=$(seen "$H1" "$LOGIN1" "$PW2")
check "provider gets the new password within 10 s" wait_for 100 more "$F1" 0
check "ddclient finishes that pass" wait_for 100 passes_gt "$p"
cgi GET ''
check "list shows $H1 up to date again" row_has "$id1" 'Up to date: the provider accepted the address.'

# --- Disable: no more requests --------------------------------------------
# quiet_after LABEL command...: run the command (which takes $H1 out);
# then make ddclient run a pass in which $H1 would be sent if it were
# still configured (its cache line is gone), witnessed by an "Update now"
# of $H2; assert that $H1 got no request.
quiet_after() {
	label=$1; shift
	p=$(passes)
	"$@"
	check "$label answers 303 with apply=0" sh -c "[ '$(status)' = 303 ] && echo '$(location)' | grep -q 'apply=0\$'"
	check "ddclient finishes the pass after $label" wait_for 100 passes_gt "$p"
	check "$label: config no longer has $H1" sh -c "! grep -q '$H1' '$T/ddclient.conf'"
	sed -i "/ $H1\$/d" "$T/ddclient.cache"
	p=$(passes) n1=$(req "$H1") n2=$(req "$F2")
	post update "$id2"
	check "$label: the witness host is sent" wait_for 100 more "$F2" "$n2"
	check "$label: ddclient finishes the witness pass" wait_for 100 passes_gt "$p"
	check "$label: no more requests for $H1" [ "$(req "$H1")" = "$n1" ]
}
quiet_after disable post disable "$id1"
cgi GET ''
check "list shows $H1 disabled" row_has "$id1" 'Disabled: not in ddclient&#39;s configuration.'

# Enable sends it again.
p=$(passes) n=$(req "$F1")
post enable "$id1"
check "enable answers 303 with apply=0" sh -c "[ '$(status)' = 303 ] && echo '$(location)' | grep -q 'msg=enabled&apply=0\$'"
check "enabled host is sent again within 10 s" wait_for 100 more "$F1" "$n"
check "ddclient finishes that pass" wait_for 100 passes_gt "$p"

# --- Delete: no more requests ---------------------------------------------
delete_h1() { cgi GET "action=delete&id=$id1"; cgi POST 'action=delete' "csrf_token=$(token)&id=$id1&version=$(form_version)"; }
quiet_after delete delete_h1
check "row is gone" [ "$(sql "select count(*) from hosts where hostname='$H1'")" = 0 ]

# --- ddclient stopped: apply=4, and the list page says so -----------------
kill "$DPID"
wait "$DPID" 2> /dev/null
rm -f "$T/ddclient.pid"
post update "$id2"
check "with ddclient stopped the redirect says apply=4" applied 4
cgi GET "$(location | sed 's/^?//')"
check "list says the change is saved but ddclient is not running" body_has 'but ddclient is not running: nothing is sent until it starts.'
check "list says ddclient is not running" grep -q '<p class="notice warn" id="daemon-state">ddclient is not running' "$T/out"
check "ddclient printed no FATAL" sh -c "! grep -q FATAL '$DLOG'"
check "the ddclient that ran is $DDV (its User-Agent)" grep -q "ddclient/$DDV\." "$DLOG"
check "ddclient printed no warning" sh -c "! grep -q '^WARNING' '$DLOG'"
done_testing
