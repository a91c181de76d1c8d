#!/bin/sh
# t0055-status-copy: the packaged layout's live state. ddclient runs as
# root and keeps its cache 0600 (it resets the mode on every pass, measured
# here), so the list page, run as www-data, cannot read it: with
# status_copy = no it says "Permission denied" and every host waits for
# ever. With status_copy = yes, ddns-apply (root, as the sudo rule runs it)
# makes ddns-status ddclient's postscript, and after each update pass
# ddclient runs it, which copies the page's view into apply_dir (root's,
# group www-data, as the package makes it; never www-data's state_dir): the page
# shows "Up to date", then, after ddclient on its own sends a new address
# and gets badauth, says so within seconds. The page's own apply is
# /bin/true here (no sudo rule on this machine); the sudo path is
# check-package's, in a chroot.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

if [ "$(id -u)" -ne 0 ]; then
	not_ok "t0055 runs as root (ddclient as root, the CGI as www-data)"
	done_testing
	exit 1
fi
H=st.example.com
PLOG=$T/prov.log
: > "$PLOG"
set_control() { printf '%s\n' "$1" > "$T/prov.ctl.tmp" && mv "$T/prov.ctl.tmp" "$T/prov.ctl"; }
set_control "{\"passwords\": {\"$H\": \"right\"}}"
check "fake provider listens" start_fake provider prov --control "$T/prov.ctl"
PORT=$FAKE_PORT

# The "public address" ddclient finds: what $T/addr holds.
printf '#!/bin/sh\ncat %s/addr\n' "$T" > "$T/addr.sh"
chmod 0755 "$T/addr.sh"
echo 203.0.113.7 > "$T/addr"
# (min-interval=0: ddclient would wait 30 s before sending a second update.)
# apply_dir as the package makes it: root's, setgid www-data, 02750, in
# a directory www-data cannot change ($T becomes www-data's).
RA=$(mktemp -d /tmp/ddns-root.XXXXXX)
chmod 0755 "$RA"
mkdir -m 02750 "$RA/apply"
chown root:www-data "$RA/apply"
stage_install status_copy=yes "ddclient_use = cmd, cmd=$T/addr.sh, min-interval=0" \
	ddclient_daemon=60 apply=/bin/true apply_dir="$RA/apply" \
	"ddclient_cache=$T/ddcache/ddclient.cache"
# ddclient's cache directory, root's as /var/cache/ddclient is.
mkdir -m 0755 "$T/ddcache"
CGI_WRAP="setpriv --reuid=www-data --regid=www-data --clear-groups ${CGI_WRAP:-}"
COPY=$RA/apply/ddclient.status

# save [ID] PASSWORD: create (no ID) or modify the host through the page.
save() {
	if [ $# -eq 2 ]; then cgi GET "action=edit&id=$1"; idf=$1; shift
	else cgi GET 'action=edit'; idf=; fi
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" id "$idf" \
		hostname "$H" description '' login arthur password "$1" \
		provider custom mx '' server "127.0.0.1:$PORT" protocol dyndns2 zone '')"
}
# root_apply: what the sudo rule runs, as root, with the rows www-data
# hands over (as the page, or the package's postinst).
root_apply() {
	setpriv --reuid=www-data --regid=www-data --clear-groups \
	    "$B/ddns-migrate" -c "$T/ddns-admin.conf" --message |
	    "$S/lib/ddns-apply" -c "$T/ddns-admin.conf" --message 2> "$T/apply.err"
}
list_row() { cgi GET '' && row_has "$id" "$1"; }

save right
check "create (as www-data): 303" [ "$(status)" = 303 ]
id=$(sql "select id from hosts where hostname='$H'")
root_apply
check "ddns-apply as root: written, ddclient not running yet (4)" [ $? = 4 ]
check "ddclient's config runs ddns-status after each update pass" \
	grep -qxF "postscript=$S/lib/ddns-status" "$T/ddclient.conf"
check "ddclient's config is root's" [ "$(stat -c %U "$T/ddclient.conf")" = root ]

DDNS_ADMIN_CONFIG=$T/ddns-admin.conf PERLIO=:unix ddclient -file "$T/ddclient.conf" -foreground -daemon=60 \
	-noquiet -verbose > "$T/ddclient.log" 2>&1 &
dpid=$!
cleanup_pid $dpid
echo $dpid > "$T/ddclient.pid"
check "the provider gets the update" wait_for 300 grep -qF "\"hostnames\": [\"$H\"]" "$PLOG"
check "the status copy says good, within seconds" \
	wait_for 300 grep -Eq "(^|,)status=good(,[^ ]*)? $H\$" "$COPY"
check "ddclient's cache is root's and 0600" \
	[ "$(stat -c %U:%a "$T/ddcache/ddclient.cache")" = root:600 ]
check "www-data cannot read ddclient's cache" \
	sh -c "! setpriv --reuid=www-data --regid=www-data --clear-groups cat '$T/ddcache/ddclient.cache' 2> /dev/null"
check "the status copy is root's, readable by www-data's group only (0640)" \
	[ "$(stat -c %U:%G:%a "$COPY")" = root:www-data:640 ]
check "the status copy holds no password" sh -c "! grep -q right '$COPY'"
cgi GET ''
check "list (as www-data): the host is up to date" row_has "$id" 'Up to date'
check "list: the address ddclient set" row_has "$id" '203.0.113.7'
check "list: no cache error" sh -c "! grep -q 'id=\"cache-error\"' '$T/out'"

# Without the copy: what an appliance saw before.
sed -i 's/^status_copy = yes/status_copy = no/' "$T/ddns-admin.conf"
cgi GET ''
check "status_copy = no: the page cannot read the cache (Permission denied)" \
	sh -c "grep -F 'id=\"cache-error\"' '$T/out' | grep -qF 'Permission denied'"
check "status_copy = no: the host only waits" row_has "$id" 'Waiting for the first update'
sed -i 's/^status_copy = no/status_copy = yes/' "$T/ddns-admin.conf"

# ddclient on its own: a new address, which the provider refuses.
set_control "{\"answers\": {\"$H\": \"badauth\"}}"
echo 203.0.113.8 > "$T/addr"
chmod 0644 "$T/ddcache/ddclient.cache"
kill -HUP $dpid
check "the provider gets the new address" \
	wait_for 300 grep -qF '"myip": "203.0.113.8"' "$PLOG"
check "the status copy says badauth" wait_for 300 grep -Eq "(^|,)status=badauth(,[^ ]*)? $H\$" "$COPY"
cgi GET ''
check "list: the provider rejected the login or password" \
	row_has "$id" 'rejected the login or password'
check "ddclient reset its cache to 0600 on that pass (measured)" \
	[ "$(stat -c %a "$T/ddcache/ddclient.cache")" = 600 ]
check "ddns-status left no temp file in apply_dir" \
	sh -c "! ls -A '$RA/apply' | grep -q 'ddns-admin\\.'"
check "and wrote nothing into www-data's state_dir" [ ! -e "$T/state/ddclient.status" ]
rm -rf "$RA"
done_testing
