#!/bin/sh
# t0036-boundary: issue 18's findings 2, 3, 7 and 9, as the web server's
# user would try them: the root side (ddns-apply, ddns-status) reads one
# capped message and nothing else of that user's, waits on nothing that
# user can hold, writes nothing in that user's directories, and one host
# it cannot write never stops the others.
. "$(dirname "$0")/lib.sh"
# A key directory that cannot be made (its parent is a file): finding 9.
: > "$T/nokeys"
make_instance "nsupdate_keydir = $T/nokeys/keys" status_copy=yes
S=$T/state A=$T/apply
save() {	# save FIELDS... -> the response in $T/out
	cgi GET 'action=edit'
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" "$@")"
}
applied() { location | grep -q "apply=$1\$"; }
root_apply() { timeout 60 "$B/ddns-apply" -c "$T/ddns-admin.conf" "$@" \
	> "$T/apply.out" 2> "$T/apply.err"; }
root_status() { DDNS_ADMIN_CONFIG=$T/ddns-admin.conf timeout 60 "$B/ddns-status" \
	2> "$T/status.err"; }
# hold FILE...: a lock on each FILE (made if need be), as the web
# server's user could take it, until release.
HELD=
hold() {
	for f in "$@"; do
		flock "$f" sleep 300 &
		cleanup_pid $!
		HELD="$HELD $!"
	done
	wait_for 50 sh -c "for f in $*; do flock -n \$f true && exit 1; done; exit 0"
}
release() { for p in $HELD; do pkill -P "$p"; kill "$p"; done 2> /dev/null; HELD=; sleep 0.2; }

# --- finding 9: one host that cannot be written never stops the others ---
save hostname a.example.com provider dyn login u password pw
save hostname ns.dyn.example.test provider nsupdate server 127.0.0.1:53 \
	zone dyn.example.test login ddns-key password c2VjcmV0c2VjcmV0 \
	algorithm hmac-sha256
check "the save of a host whose key file cannot be written lands (303, apply 4)" applied 4
check "the other host is written" grep -qx 'a.example.com' "$T/ddclient.conf"
check "the host whose key file could not be written is left out" \
	sh -c "! grep -q 'ns.dyn.example.test' '$T/ddclient.conf'"
cgi GET ''
check "its row says why: the key file, not a guess" \
	body_has "its TSIG key file could not be written"
check "with the real cause" body_has "Not a directory"
check "and the page guesses nothing about a full disk" sh -c "! grep -q 'disk full' '$T/out'"
rm -f "$T/nokeys"
mkdir -m 0700 "$T/nokeys"
save hostname b.example.com provider dyn login u password pw
check "once the key directory can be made, the next save writes the host too" \
	grep -qx 'ns.dyn.example.test' "$T/ddclient.conf"
cgi GET ''
check "and its row no longer says it was left out" \
	sh -c "! grep -q 'its TSIG key file could not be written' '$T/out'"

# --- finding 2: root never compiles SQL the web user wrote ---
cp "$T/ddclient.conf" "$T/good.conf"
cp "$T/ddns.db" "$T/real.db"
sqlite3 "$T/ddns.db" "ALTER TABLE hosts RENAME TO h0;
CREATE VIEW hosts AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
SELECT h0.* FROM h0, r WHERE r.n < 0;"
if command -v strace > /dev/null; then
	strace -f -e trace=open,openat -o "$T/trace" \
		timeout 60 "$B/ddns-apply" -c "$T/ddns-admin.conf" > /dev/null 2>&1
	check "ddns-apply by hand never opens the database" \
		sh -c "! grep -q 'ddns.db' '$T/trace'"
fi
root_apply; rc=$?
check "a database whose hosts are an endless view: ddns-apply is done at once (exit 4, got $rc)" [ "$rc" = 4 ]
check "and writes the rows it applied last" cmp -s "$T/ddclient.conf" "$T/good.conf"
root_status; rc=$?
check "ddns-status too (exit 0, got $rc)" [ "$rc" = 0 ]
cp "$T/real.db" "$T/ddns.db"

# --- finding 3: nothing root waits on is the web user's ---
hold "$S/apply.lock" "$S/status.lock" "$S/ddclient.status"
root_apply; rc=$?
check "the web user holds every lock it can make: ddns-apply still finishes (exit 4, got $rc)" [ "$rc" = 4 ]
root_status; rc=$?
check "and ddns-status (exit 0, got $rc)" [ "$rc" = 0 ]
release
# root's own lock, were it ever held, is waited for with a deadline
hold "$A/apply.lock"
root_apply; rc=$?
check "root's lock held past the deadline: ddns-apply gives up, busy (exit 11, got $rc)" [ "$rc" = 11 ]
check "and says so" grep -q 'held by another process' "$T/apply.err"
hold "$A/status.lock" "$A/status.wait"
root_status; rc=$?
check "a third ddns-status while one runs and one waits leaves at once (exit 0, got $rc)" [ "$rc" = 0 ]
release
hold "$A/status.lock"
root_status; rc=$?
check "a second one waits for the first with a deadline, then gives up (exit 11, got $rc)" [ "$rc" = 11 ]
release

# --- the message: capped, with a deadline ---
T2=$(mktemp -d /tmp/ddns-e2e.XXXXXX)
sed "s|^apply_dir = .*|apply_dir = $T2/apply|" "$T/ddns-admin.conf" > "$T2/conf"
sleep 30 | timeout 60 "$B/ddns-apply" -c "$T2/conf" --message 2> "$T/late.err"; rc=$?
check "a writer that never ends its message: refused after its deadline (exit 2, got $rc)" [ "$rc" = 2 ]
check "and said so" grep -q 'did not end within' "$T/late.err"
timeout 60 "$B/ddns-apply" -c "$T2/conf" < /dev/null 2> "$T/none.err"; rc=$?
check "by hand with nothing applied yet: refused, nothing written (exit 2, got $rc)" [ "$rc" = 2 ]
check "and told how to apply" grep -q 'nothing applied yet' "$T/none.err"
rm -rf "$T2"

# --- finding 7: the root side writes nothing in the web user's directories ---
mkdir "$T/elsewhere"
mv "$S" "$T/state.real"
ln -s "$T/elsewhere" "$S"
root_apply; rc=$?
root_status
check "state_dir swapped for a link: ddns-apply still works (exit 4, got $rc)" [ "$rc" = 4 ]
check "and neither it nor ddns-status creates anything where the link points" \
	[ -z "$(ls -A "$T/elsewhere")" ]
check "the status copy is in apply_dir, not state_dir" [ -f "$A/ddclient.status" ]
check "readable by the directory's group, written by nobody else" \
	[ "$(stat -c %a "$A/ddclient.status")" = 640 ]
rm -f "$S"
mv "$T/state.real" "$S"
done_testing
