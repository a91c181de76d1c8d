#!/bin/sh
# t0050-sudo: the packaged layout's apply command, `sudo -n ddns-apply`,
# refused by sudo (the web server's user has no rule): the page says that
# sudo refused, not that the configuration is bad, and the host whose
# change never reached ddclient shows as not applied, not as "waiting".
# A later save that applies clears it. ddns-apply itself never exits 1.
# The CGI runs as nobody, as a web server's user would (needs root).
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! [ -x /usr/bin/sudo ]; then
	not_ok "t0050 runs as root with sudo installed (tools/deps.sh)"
	done_testing
	exit 1
fi

# What nobody runs and reads is laid out inside $T, which becomes its: the
# clone itself may be closed to other users (mktemp -d makes 0700).
S=$T/inst
mkdir -p "$S"
cp "$B/ddns.cgi" "$B/ddns-apply" "$S/"
cp -R "$TOP/templates" "$S/templates"
CGI=$S/ddns.cgi
make_instance "templates=$S/templates" \
	"apply=/usr/bin/sudo -n $S/ddns-apply -c $T/ddns-admin.conf"
chown -R nobody:nogroup "$T"
CGI_WRAP="setpriv --reuid=nobody --regid=nogroup --clear-groups ${CGI_WRAP:-}"

# save_host NAME: create NAME through the CGI; the redirect is in $T/out.
save_host() {
	cgi GET 'action=edit'
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname "$1" \
		description '' login arthur password s3cret provider dyn mx '' \
		server '' protocol '' zone '')"
}

save_host refused.example.com
check "save refused by sudo: still 303 (stored first)" [ "$(status)" = 303 ]
check "save refused by sudo: stored" \
	[ "$(sql "select count(*) from hosts where hostname='refused.example.com'")" = 1 ]
loc=$(location)
check "save refused by sudo: the redirect carries apply=1" \
	sh -c "printf '%s' '$loc' | grep -q 'apply=1$'"
check "save refused by sudo: nothing written for ddclient" \
	[ ! -e "$T/ddclient.conf" ]
check "save refused by sudo: the name stays queued" \
	[ "$(sql "select count(*) from pending where hostname='refused.example.com'")" = 1 ]

cgi GET "${loc#\?}"
id=$(sql "select id from hosts where hostname='refused.example.com'")
check "list: says that sudo refused to run ddns-apply" \
	sh -c "grep -F 'id=\"notice\"' -A2 '$T/out' | grep -qF 'sudo refused to run it'"
check "list: does not blame the configuration" \
	sh -c "! grep -qF 'could not read its configuration' '$T/out'"
check "list: the host shows as not applied" row_has "$id" 'not applied'
check "list: the host is not merely waiting" \
	eval "! row_has $id 'Waiting for the first update'"
check "list: the host's row has the error look" \
	grep -qF "<tr id=\"host-$id\" class=\"state-error\">" "$T/out"

# The same page after a save that applies (no sudo: the user's own apply).
make_instance "templates=$S/templates" "apply=$S/ddns-apply"
chown -R nobody:nogroup "$T"
save_host applied.example.com
check "save that applies: 303" [ "$(status)" = 303 ]
check "save that applies: ddns-apply ran (not running: 4)" \
	sh -c "printf '%s' '$(location)' | grep -q 'apply=4$'"
check "save that applies: both hosts in ddclient's configuration" \
	sh -c "grep -qx refused.example.com '$T/ddclient.conf' && grep -qx applied.example.com '$T/ddclient.conf'"
check "save that applies: the queue is empty" [ "$(sql 'select count(*) from pending')" = 0 ]
cgi GET ''
check "list: the host no longer shows as not applied" \
	eval "! row_has $id 'not applied'"
check "list: the host now waits for the first update" row_has "$id" 'Waiting for the first update'

# ddns-apply's own failures are never 1, so they cannot look like sudo's.
"$B/ddns-apply" -c "$T/no-such.conf" 2> /dev/null
rc=$?
check "ddns-apply with a missing module configuration exits 8 (got $rc)" [ "$rc" = 8 ]
"$B/ddns-apply" -x 2> /dev/null
rc=$?
check "ddns-apply with a bad option exits 8 (got $rc)" [ "$rc" = 8 ]
done_testing
