#!/bin/sh
# t0019-list-verdicts: the list page says of each row what ddns-apply
# does with it, even when that depends on a row on another page. ddclient
# sends every freedns host with the account of the first one by name, so
# ddns-apply leaves out a freedns host of another account: the list must
# say so on page 2, where that host is, though the first one is on page 1.
# Failing hosts are listed first: so that the two stay on two pages, the
# first one and the others fail too (the provider refused them).
. "$(dirname "$0")/lib.sh"
make_instance ddclient_ssl=yes
cgi GET ''
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 58)
	INSERT INTO hosts (hostname, login, password, provider, created, updated)
	SELECT printf('h%03d.example.com', i), 'u', 'p', 'dyn', 1, 1 FROM n;
	INSERT INTO hosts (hostname, login, password, provider, created, updated)
	VALUES ('aaa.example.com', 'first', 'pw1', 'freedns', 1, 1),
	       ('zzz.example.com', 'second', 'pw2', 'freedns', 1, 1)"
now=$(date +%s)
{
	echo "## ddclient-3.10.0"
	sql "SELECT 'atime=$now,host=' || hostname || ',mtime=0,status=badauth ' ||
		hostname FROM hosts WHERE hostname <> 'zzz.example.com'"
} > "$T/ddclient.cache"
# What ddns-apply does: writes aaa, leaves zzz out naming the first host.
apply_db > /dev/null 2> "$T/apply.err"
check "ddns-apply writes the first freedns host" grep -q 'aaa.example.com' "$T/ddclient.conf"
check "ddns-apply leaves the other account's host out" sh -c "! grep -q 'zzz.example.com' '$T/ddclient.conf'"
check "... and says why, naming the first" grep -q 'left out.*login: .*first one (aaa.example.com)' "$T/apply.err"
id_zzz=$(sql "select id from hosts where hostname = 'zzz.example.com'")
id_aaa=$(sql "select id from hosts where hostname = 'aaa.example.com'")
cgi GET 'action=list&page=2'
check "page 2 shows the other account's host" host_shown zzz.example.com
check "page 2 does not show the first one" sh -c "! grep -q 'host-$id_aaa\"' '$T/out'"
check "page 2 says the host is not written, because of its login" \
	row_has "$id_zzz" 'Not written to ddclient'
check "... naming the first host" row_has "$id_zzz" 'the account of the first one (aaa.example.com)'
cgi GET 'action=list'
check "page 1: the first freedns host is not refused" sh -c "! sed -n '/<tr id=\"host-$id_aaa\"/,/<\/tr>/p' '$T/out' | grep -q 'Not written'"
# The same account on both: nothing is left out, on either page.
# ddns-apply's report keeps the last apply's word until the next apply.
sql "UPDATE hosts SET login = 'first', password = 'pw1' WHERE hostname = 'zzz.example.com'"
apply_db > /dev/null 2>&1
cgi GET 'action=list&page=2'
check "same account: page 2 no longer refuses the host" sh -c "! sed -n '/<tr id=\"host-$id_zzz\"/,/<\/tr>/p' '$T/out' | grep -q 'Not written'"
done_testing
