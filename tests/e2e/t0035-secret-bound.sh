#!/bin/sh
# t0035-secret-bound: issue 18. A stored secret is bound to where it goes:
# a Modify that changes the provider, protocol, server or zone (for an own
# DNS server, anything but the description) with the password left empty
# is refused beside the password field, and the stored secret stays where
# it was, never sent to the new server. History says for each save
# whether the password was kept or changed. A login with ':' is refused
# where ddclient sends login:password as HTTP Basic authentication.
. "$(dirname "$0")/lib.sh"
make_instance "nsupdate_keydir = $T/keys" \
	"nsupdate_program = $(command -v nsupdate || echo /usr/bin/nsupdate)"

OLD='Old-Secret-4711' NEW='New-Secret-0815'
TSIG='c2VjcmV0LXNlY3JldC1zZWNyZXQ='

# save ID FIELD VALUE...: the form of host ID (0: Create) saved with
# these fields, through the real CGI with its token and version.
save() {
	_id=$1; shift
	if [ "$_id" = 0 ]; then
		cgi GET 'action=edit'
		cgi POST 'action=save' "$(form_body csrf_token "$(token)" "$@")"
	else
		cgi GET "action=edit&id=$_id"
		cgi POST 'action=save' "$(form_body csrf_token "$(token)" \
			id "$_id" version "$(form_version)" "$@")"
	fi
}
# field_msg FIELD PHRASE: the message beside FIELD holds PHRASE.
field_msg() { grep -F "id=\"e-$1\"" "$T/out" | grep -qF -- "$2"; }
# only_error FIELD: FIELD is the one field with a message.
only_error() { [ "$(grep -c 'class="error" id="e-' "$T/out")" = 1 ] && grep -qF "id=\"e-$1\"" "$T/out"; }
col() { sql "select $1 from hosts where id = $2"; }
# newest LANG: the Details cell of History's newest entry, as shown.
newest() {
	EXTRA_ENV="HTTP_ACCEPT_LANGUAGE=$1" cgi GET 'action=history'
	grep -o '<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td></tr>' "$T/out" |
		head -1 | sed 's/.*<td>\([^<]*\)<\/td><\/tr>$/\1/'
}

# ---- a preset host moved to the attacker's server ----
save 0 hostname home.example.com provider dyn login arthur password "$OLD"
check "a Dyn host with a password is created (303)" [ "$(status)" = 303 ]
id=$(sql "select id from hosts where hostname = 'home.example.com'")
cp "$T/ddclient.conf" "$T/conf.before"

save "$id" hostname home.example.com provider custom server 192.0.2.1 \
	protocol dyndns2 login arthur password ''
check "to Custom at 192.0.2.1 with the password empty: 422" [ "$(status)" = 422 ]
check "the message is beside the password" field_msg password "enter the password again"
check "it says why: the stored one never goes to a new destination" \
	field_msg password "never sent to a new destination"
check "no other field has a message" only_error password
check "the page never holds the stored password" no_leak "$OLD"
check "the row keeps its provider, server and password" \
	[ "$(col 'provider || "|" || server || "|" || password' "$id")" = "dyn||$OLD" ]
check "ddclient's configuration is as it was" cmp -s "$T/conf.before" "$T/ddclient.conf"
check "no password goes beside 192.0.2.1" sh -c "! grep -q '192\.0\.2\.1' '$T/ddclient.conf'"

# the same with another protocol or a preset of another provider
save "$id" hostname home.example.com provider noip login arthur password ''
check "to No-IP with the password empty: 422 beside the password" \
	sh -c "[ $(status) = 422 ] && grep -F 'id=\"e-password\"' '$T/out' | grep -qF 'again'"

save "$id" hostname home.example.com provider custom server 192.0.2.1 \
	protocol dyndns2 login arthur password "$NEW"
check "the same with the password typed again: saved (303)" [ "$(status)" = 303 ]
check "the row has the new server and password" \
	[ "$(col 'provider || "|" || server || "|" || password' "$id")" = "custom|192.0.2.1|$NEW" ]
check "History: Changed ...; password changed" \
	[ "$(newest en)" = "Changed: Provider, Server address, Protocol; password changed" ]
check "in Italian: password cambiata" \
	[ "$(newest it)" = "Modificati: Provider, Indirizzo del server, Protocollo; password cambiata" ]

# the same destination, spelt otherwise: the password stays
save "$id" hostname HOME.Example.COM. description office provider custom \
	server 192.0.2.1 protocol dyndns2 login arthur password ''
check "a description and the hostname's case, password empty: saved (303)" [ "$(status)" = 303 ]
check "the stored password is kept" [ "$(col password "$id")" = "$NEW" ]
check "History: Changed: Description; password kept" \
	[ "$(newest en)" = "Changed: Description; password kept" ]
check "in Italian: password mantenuta" \
	[ "$(newest it)" = "Modificati: Descrizione; password mantenuta" ]

# ---- an own DNS server: the TSIG secret is bound to the whole key ----
save 0 hostname h1.dyn.example.test provider nsupdate server ns1.example.test \
	zone dyn.example.test login ddns-key password "$TSIG" algorithm hmac-sha256
check "an nsupdate host with a TSIG secret is created (303)" [ "$(status)" = 303 ]
ns=$(sql "select id from hosts where hostname = 'h1.dyn.example.test'")
# ns_save FIELD=VALUE...: Modify the nsupdate host with these values
# instead of its own, the secret left empty.
ns_save() {
	_h=h1.dyn.example.test _s=ns1.example.test _z=dyn.example.test
	_l=ddns-key _a=hmac-sha256
	for kv; do
		case $kv in
		hostname=*) _h=${kv#*=} ;;
		server=*) _s=${kv#*=} ;;
		zone=*) _z=${kv#*=} ;;
		login=*) _l=${kv#*=} ;;
		algorithm=*) _a=${kv#*=} ;;
		*) echo "ns_save: unknown $kv" >&2; return 1 ;;
		esac
	done
	save "$ns" hostname "$_h" provider nsupdate server "$_s" zone "$_z" \
		login "$_l" algorithm "$_a" password ''
}
row() { sql "select * from hosts where id = $ns"; }
before=$(row)
for change in server=192.0.2.1:53 login=other-key algorithm=hmac-sha512 \
	zone=example.test hostname=h2.dyn.example.test; do
	ns_save "$change"
	check "nsupdate, $change, secret empty: 422" [ "$(status)" = 422 ]
	check "nsupdate, $change: the TSIG secret is asked for again beside it" \
		field_msg password "enter the TSIG secret again"
	check "nsupdate, $change: the row is as it was" [ "$(row)" = "$before" ]
done
save "$ns" hostname h1.dyn.example.test description "the office" provider nsupdate \
	server ns1.example.test zone dyn.example.test login ddns-key \
	algorithm hmac-sha256 password ''
check "nsupdate, only the description, secret empty: saved (303)" [ "$(status)" = 303 ]
check "nsupdate: the TSIG secret is kept" [ "$(col password "$ns")" = "$TSIG" ]
check "nsupdate: History says password kept" \
	[ "$(newest en)" = "Changed: Description; password kept" ]

# ---- a login with ':' where it goes out as Basic authentication ----
save 0 hostname colon.example.com provider dyn login 'a:b' password "$OLD"
check "Dyn (dyndns2) with login a:b: 422" [ "$(status)" = 422 ]
check "the reason is beside the login" field_msg login "HTTP Basic authentication"
check "nothing was stored" [ "$(sql "select count(*) from hosts where hostname = 'colon.example.com'")" = 0 ]
save 0 hostname colon.example.com provider custom server 192.0.2.1 \
	protocol dyndns2 login 'a:b' password "$OLD"
check "Custom dyndns2 with login a:b: 422 beside the login" \
	sh -c "[ $(status) = 422 ] && grep -F 'id=\"e-login\"' '$T/out' | grep -qF 'Basic authentication'"
save 0 hostname colon.example.com provider cloudflare login 'a:b' \
	password "$OLD" zone example.com
check "Cloudflare (no Basic authentication) takes login a:b (303)" [ "$(status)" = 303 ]
done_testing
