#!/bin/sh
# t0013-hostile-rows: the database belongs to the web server's user, so for
# ddns-apply (root through sudo) it is web input like the form (issue 8,
# finding 2). Rows written straight into it, past the form and with the
# schema's CHECKs dropped, never reach ddclient.conf; the good rows still
# do; the list page names each row left out and why.
. "$(dirname "$0")/lib.sh"
make_instance "ddclient_use = ip, ip=203.0.113.7" "nsupdate_keydir = $T/keys"

save() {
	cgi GET 'action=edit'
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" "$@")"
}
save hostname good1.example.com provider dyn login alice password pw1
check "a good host is saved through the form" [ "$(status)" = 303 ]
save hostname good2.example.com provider custom server 127.0.0.1:9 \
	protocol dyndns2 login bob password pw2
check "a second good host is saved through the form" [ "$(status)" = 303 ]

# What a web-side attacker can do to its own file: drop every CHECK and
# UNIQUE, then write rows the form would never have accepted.
unguard_hosts
# bad ID HOSTNAME PROVIDER LOGIN PASSWORD [SERVER PROTOCOL ZONE ENABLED]
bad() {
	sqlite3 "$T/ddns.db" "INSERT INTO hosts (id, hostname, provider, login,
		password, server, protocol, zone, enabled) VALUES ($1, '$2', '$3',
		'$4', '$5', '${6-}', '${7-}', '${8-}', ${9:-1})"
}
bad 101 evil1.example.com nsupdate '/bin/sh -c id>pwned;' /etc/ddclient.conf \
	127.0.0.1:53 '' example.com
bad 102 '' dyn carol pw3
bad 103 EVIL3.example.com dyn dave pw4
bad 104 evil4.example.com dyn 'x
use=cmd, cmd=touch pwned' pw5
bad 105 evil5.example.com nosuch erin pw6
bad 106 evil6.example.com dyn frank pw7 '' '' '' 7
bad 107 good1.example.com dyn mallory pw8
bad 110 good1.example.com dyn trudy pw11
bad 108 'evil8.example.com,good9.example.com' dyn grace pw9
bad 109 evil9.example.com custom /bin/sh pw10 127.0.0.1:9 nsupdate example.com
# A NUL inside a value (C reads "ok" up to it), and a value longer than
# the form allows (it would be read cut short): neither is the form's.
sql "INSERT INTO hosts (id, hostname, provider, login, password, algorithm)
	VALUES (111, 'evil11.example.com', 'dyn', 'ivan', 'pw12', char(0) || 'x'),
	(112, 'evil12.example.com', 'dyn', 'judy' || char(0) || ' x', 'pw13', ''),
	(113, 'evil13.example.com', 'dyn', 'ok', 'pw14', ''),
	(114, 'good3.example.com', 'dyn', 'kim', 'pw15', '')"
sql "UPDATE hosts SET login = login || replace(hex(zeroblob(100)), '0', 'k') WHERE id = 113"
sql "INSERT INTO pending VALUES (NULL)" 2> /dev/null

apply_db 2> "$T/apply.err"; rc=$?
check "ddns-apply still writes the configuration (exit 4: ddclient not running)" [ "$rc" = 4 ]
conf=$T/ddclient.conf
check "the good hosts are written" grep -qx 'good1.example.com' "$conf"
check "the good Custom host is written" grep -qx 'good2.example.com' "$conf"
check "the good host keeps its own login, not the duplicates'" \
	sh -c "! grep -q 'mallory\|trudy' '$conf'"
check "no program from a row reaches ddclient" sh -c "! grep -q '/bin/sh' '$conf'"
check "no nsupdate block at all" sh -c "! grep -q 'nsupdate' '$conf'"
check "no use=/cmd= but the module's" [ "$(grep -c '^ *\(use\|cmd\)=' "$conf")" = 1 ]
check "a good row past the damaged ones is written" grep -qx 'good3.example.com' "$conf"
check "no host line but the three good ones" \
	[ "$(grep -cE '^[a-z0-9.,-]+$' "$conf")" = 3 ]
for h in evil1.example.com EVIL3.example.com evil4.example.com \
    evil5.example.com evil8.example.com,good9.example.com evil9.example.com; do
	check "ddns-apply names $h on stderr" grep -qF "$h left out" "$T/apply.err"
done
check "and the empty hostname" grep -q "^ddns-apply:  left out" "$T/apply.err"
check "and both duplicates of good1.example.com" \
	[ "$(grep -c '^ddns-apply: good1.example.com left out' "$T/apply.err")" = 2 ]
# Rows the database cannot give whole (a NUL, too long) or with enabled
# other than 0 or 1 are never handed over (the list page names them).
for h in evil6 evil11 evil12 evil13; do
	check "$h.example.com is not even handed to ddns-apply" \
	    sh -c "! grep -q '$h.example.com' '$T/apply.err'"
done
check "no key file was written for the bad nsupdate row" [ ! -e "$T/keys" ]
check "the pending NULL did not crash ddns-apply" sh -c "! grep -qi 'segv\|abort' '$T/apply.err'"

cgi GET ''
check "the list page still answers 200" [ "$(status)" = 200 ]
for n in 101 102 103 104 105 106 107 108 109 110 111 112 113; do
	check "the list page says row $n is not written" row_has $n "Not written"
done
check "the list page names the field and the reason (login of row 101)" \
	row_has 101 "Login: "
check "the list page names the duplicate" row_has 107 "Another row already has this hostname"
id1=$(sql "SELECT id FROM hosts WHERE hostname = 'good1.example.com' AND login = 'alice'")
check "the good host is not flagged" sh -c "! { sed -n '/<tr id=\"host-$id1\"/,/<\\/tr>/p' '$T/out' | grep -q 'Not written'; }"
check "nothing ran" [ ! -e "$T/pwned" ] && [ ! -e "$TOP/pwned" ]

done_testing
