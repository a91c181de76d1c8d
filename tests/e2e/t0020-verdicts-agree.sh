#!/bin/sh
# t0020-verdicts-agree: the list's summary line, its "failing first"
# order and its rows say the same of every host (issue 20, found today).
# Three hosts that ddclient's cache calls good: one as it should be, one
# that ddns-apply leaves out (a preset that needs a zone, stored without
# one past the form), one saved but still queued (the apply command failed,
# so its cache entry was not dropped). Before the one verdict the page said
# "3 hosts: 3 up to date, 0 failing" above two red rows listed last.
. "$(dirname "$0")/lib.sh"
make_instance "apply = /bin/false"
cgi GET ''
sql "INSERT INTO hosts (hostname, login, password, provider, zone, created, updated)
	VALUES ('a-fine.example.com', 'u', 'p', 'dyn', '', 1, 1),
	       ('b-nozone.example.com', 'u', 'p', 'cloudflare', '', 1, 1)"
cgi GET 'action=edit'
tok=$(token)
cgi POST 'action=save' "$(form_body csrf_token "$tok" hostname c-queued.example.com \
	login u password p provider dyn family ipv4)"
check "the save answers 303" [ "$(status)" = 303 ]
check "the saved host stays queued (the apply command failed)" \
	[ "$(sql "SELECT count(*) FROM pending WHERE hostname = 'c-queued.example.com'")" = 1 ]
now=$(date +%s)
{
	echo "## ddclient-3.10.0"
	sql "SELECT 'atime=$now,host=' || hostname || ',ip=203.0.113.7,mtime=$now,status=good ' ||
		hostname FROM hosts"
} > "$T/ddclient.cache"

cgi GET 'action=list'
check "list answers 200" [ "$(status)" = 200 ]
# rows: each row's hostname and look, in order.
rows() {
	grep -o '<tr id="host-[0-9]*" class="state-[a-z]*"' "$T/out" | sed 's/.*class="state-//; s/"$//'
}
id_of() { sql "SELECT id FROM hosts WHERE hostname = '$1'"; }
check "the summary counts one up to date and two failing" \
	sh -c "sed 's/<[^>]*>//g' '$T/out' | grep -q '^3 hosts: 1 up to date, 2 failing, 0 waiting'"
check "two rows are red" [ "$(rows | grep -c '^error$')" = 2 ]
check "the red rows come first" [ "$(rows | tr '\n' ' ')" = "error error ok " ]
check "the host without a zone is red: not written" row_has "$(id_of b-nozone.example.com)" 'Not written to ddclient'
check "the queued host is red: not applied" sh -c "sed -n '/<tr id=\"host-$(id_of c-queued.example.com)\"/,/<\/tr>/p' '$T/out' | grep -q 'state-error'"
check "the fine host is up to date and last" sh -c "grep -o '<tr id=\"host-[0-9]*\"' '$T/out' | tail -1 | grep -q 'host-$(id_of a-fine.example.com)\"'"
# A search keeps the agreement: the summary counts what it lists.
cgi GET 'action=list&q=nozone'
check "a search counts the one failing host it lists" \
	sh -c "sed 's/<[^>]*>//g' '$T/out' | grep -q '^1 host matches the search: 0 up to date, 1 failing'"
done_testing
