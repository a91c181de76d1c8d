#!/bin/sh
# t0037-attempts: every attempt kept (issue 20, items 3 and 4). The real
# ddclient ($DDCLIENT: run-all.sh runs it on 3.10 and 3.11) makes three
# passes against the fake provider, answering good, badauth, good; after
# each, ddns-status (its postscript, status_copy = yes) records the attempt
# in apply_dir/attempts, and the host's page (?action=host&id=N, linked
# from the list's hostname) shows the three, newest first, with their
# times and words, merged with the changes made on the page, and "next
# try" / "next forced update". Then the record's bounds and a damaged
# record.
. "$(dirname "$0")/lib.sh"
make_instance "ddclient_use = ip, ip=203.0.113.7" "ddclient_daemon = 60" \
	status_copy=yes attempts_per_host=3
need_ddclient

H=tl.example.com
PLOG=$T/prov.log DLOG=$T/ddclient.log ATT=$T/apply/attempts
: > "$PLOG"
set_control() { printf '%s\n' "$1" > "$T/prov.ctl.tmp" && mv "$T/prov.ctl.tmp" "$T/prov.ctl"; }
passes() { grep -c 'DEBUG: *sleep 60' "$DLOG"; }
passes_gt() { [ "$(passes)" -gt "$1" ]; }
reqs_gt() { [ "$(wc -l < "$PLOG")" -gt "$1" ]; }
# attempts_are N: the record holds N attempts of $H.
attempts_are() { [ "$(grep -c " $H\$" "$ATT" 2> /dev/null)" = "$1" ]; }
post() { cgi GET ''; cgi POST "action=$1" "csrf_token=$(token)&id=$2"; }
# events: the host page's timeline, one line per event, tags dropped.
events() { sed -n '/<ol class="timeline"/,/<\/ol>/p' "$T/out" | tr -d '\n' |
	sed 's/<li /\n<li /g' | sed 's/<[^>]*>//g' | sed '1d'; echo; }

check "fake provider listens" start_fake provider prov --control "$T/prov.ctl"
PORT=$FAKE_PORT
set_control '{}'
cgi GET ''
apply_db 2> "$T/apply.err"
check "ddclient's config runs ddns-status after each pass" \
	grep -qxF "postscript=$B/ddns-status" "$T/ddclient.conf"
DDNS_ADMIN_CONFIG=$T/ddns-admin.conf PERLIO=:unix "$DDCLIENT" -file "$T/ddclient.conf" -cache "$T/ddclient.cache" \
	-foreground -daemon=60 -noquiet -verbose -debug > "$DLOG" 2>&1 &
DPID=$!
cleanup_pid $DPID
echo $DPID > "$T/ddclient.pid"
check "ddclient finishes its first pass" wait_for 300 passes_gt 0

# Pass 1: created on the page, the provider answers good.
cgi GET 'action=edit'
cgi POST 'action=save' "csrf_token=$(token)&hostname=$H&description=&login=l&password=Secr3tPw&provider=custom&mx=&server=127.0.0.1:$PORT&protocol=dyndns2&zone="
check "create: 303" [ "$(status)" = 303 ]
id=$(sql "select id from hosts where hostname='$H'")
check "pass 1: the provider gets the update" wait_for 150 reqs_gt 0
check "pass 1: ddns-status records one attempt" wait_for 300 attempts_are 1
check "the record is 0640 in apply_dir" [ "$(stat -c %a "$ATT")" = 640 ]
check "the record says good for IPv4, with the address" \
	grep -Eq "^attempt [0-9]+ 4 203\.0\.113\.7 good $H\$" "$ATT"

# Pass 2: "Update now" (the cache entry dropped), the provider says badauth.
set_control "{\"answers\": {\"$H\": \"badauth\"}}"
sleep 1	# attempt times are whole seconds: keep the three apart
post update "$id"
check "pass 2: the provider gets the update" wait_for 150 reqs_gt 1
check "pass 2: a second attempt" wait_for 300 attempts_are 2
check "the record says badauth, with the wanted address" \
	grep -Eq "^attempt [0-9]+ 4 203\.0\.113\.7 badauth $H\$" "$ATT"

# Pass 3: "Update now" again; good.
set_control '{}'
sleep 1
post update "$id"
check "pass 3: the provider gets the update" wait_for 150 reqs_gt 2
check "pass 3: a third attempt" wait_for 300 attempts_are 3
check "the record is newest first: good, badauth, good" \
	[ "$(grep " $H\$" "$ATT" | cut -d' ' -f5 | tr '\n' ' ')" = "good badauth good " ]

cgi GET ''
check "list: the hostname links to its page" \
	body_has "<a href=\"?action=host&amp;id=$id\"><span class=\"label\">tl.</span>"
cgi GET "action=host&id=$id"
check "host page: 200" [ "$(status)" = 200 ]
events > "$T/events"
sed 's/^/# /' "$T/events"
check "host page: three attempts" [ "$(grep -c 'Update attempt' "$T/events")" = 3 ]
check "host page: newest first, in words: good, badauth, good" [ "$(grep 'Update attempt' "$T/events" |
	sed 's/.*(\([a-z]*\))$/\1/' | tr '\n' ' ')" = "good badauth good " ]
check "host page: the rejected login in the list page's words" \
	grep -q 'Update attempt (IPv4), address 203.0.113.7:The provider rejected the login or password. (badauth)' "$T/events"
check "host page: each attempt with its time" \
	[ "$(grep -Ec '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}Update attempt' "$T/events")" = 3 ]
check "host page: the changes made here, by whom" \
	[ "$(grep -c 'Change by admin: update requested' "$T/events")" = 2 ]
check "host page: the creation" grep -q 'Change by admin: created' "$T/events"
check "host page: a good host's next forced update" body_has 'Next forced update</strong> (IPv4): after'
check "host page: no password" no_leak Secr3tPw
EXTRA_ENV="HTTP_ACCEPT_LANGUAGE=it" cgi GET "action=host&id=$id"
check "host page in Italian" body_has 'Tentativo di aggiornamento'
check "host page in Italian: the answer in words" body_has 'Il provider ha rifiutato'

# A failing host: next try 5 minutes after its attempt.
set_control "{\"answers\": {\"$H\": \"badauth\"}}"
sleep 1
post update "$id"
check "pass 4: a fourth attempt, kept to attempts_per_host (3)" \
	wait_for 300 sh -c "grep ' $H\$' '$ATT' | head -1 | grep -q badauth"
check "attempts_per_host: 3 kept" attempts_are 3
cgi GET "action=host&id=$id"
check "host page: a failing host's next try" body_has 'Next try</strong> (IPv4): after'
kill $DPID

# Strict reader: a damaged record is refused, and said so; the changes stay.
printf 'ddns-attempts 1\nattempt 12 4 1.2.3.4 good %s\n' "$H" > "$ATT"
cgi GET "action=host&id=$id"
check "a cut record: the page says it cannot be read" body_has 'id="attempts-error"'
check "a cut record: the changes are still shown" body_has 'update requested'
cgi GET 'action=host&id=99999'
check "an unknown host: 404" [ "$(status)" = 404 ]
cgi GET 'action=host'
check "no id: 400" [ "$(status)" = 400 ]
cgi POST "action=host&id=$id" "csrf_token=x"
check "POST: 405" [ "$(status)" = 405 ]
done_testing
