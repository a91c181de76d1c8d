#!/bin/sh
# t0012-nsupdate: your own DNS server (RFC 2136) end to end, with the real
# ddclient ($DDCLIENT, each version), the real nsupdate and a real BIND named on 127.0.0.1: the TSIG
# key is entered as name, algorithm and secret, ddns-apply writes the key
# file, and the update arrives in the zone. Then issue 8's finding 1: the
# form that named /bin/bash as the "nsupdate program" and ddclient.conf as
# the "key file" (a root shell) is refused, and nothing of it ever runs.
. "$(dirname "$0")/lib.sh"
need_ddclient
for p in named nsupdate tsig-keygen dig; do
	command -v $p > /dev/null || { echo "Bail out! $p not installed"; exit 1; }
done
ZONE=dyn.example.test H1=h1.dyn.example.test
make_instance "ddclient_use = ip, ip=203.0.113.9" "nsupdate_keydir = $T/keys" \
	"nsupdate_program = $(command -v nsupdate)"

# ---- a real named, serving the zone, updates signed by ddns-key ----
start_named
check "named serves $ZONE on 127.0.0.1:$DPORT" wait_for 150 named_up
check "the host has no address before the update" [ -z "$(answer $H1)" ]

# save FIELDS...: a Create through the real CGI (name value pairs).
save() {
	cgi GET 'action=edit'
	cgi POST 'action=save' "$(form_body csrf_token "$(token)" "$@")"
}
nsupdate_form() {
	save hostname "$1" provider nsupdate server "127.0.0.1:$DPORT" \
		zone "$ZONE" login "$2" password "$3" algorithm "$4"
}
# one_pass: ddclient once, as the daemon would on its next pass.
one_pass() {
	"$DDCLIENT" -file "$T/ddclient.conf" -cache "$T/ddclient.cache" \
		-foreground -daemon=0 -noquiet -verbose > "$T/ddclient.log" 2>&1
}

# ---- the key as the DNS administrator hands it out ----
nsupdate_form $H1 ddns-key "$SECRET" hmac-sha256
check "an nsupdate host with a TSIG key is saved (303)" [ "$(status)" = 303 ]
KEY=$T/keys/$H1.key
check "ddns-apply wrote the key file" [ -f "$KEY" ]
check "the key file is 0600" [ "$(stat -c %a "$KEY")" = 600 ]
check "the key directory is 0700" [ "$(stat -c %a "$T/keys")" = 700 ]
check "the key file holds the key, secret and algorithm" \
	grep -qF "secret \"$SECRET\";" "$KEY"
check "the key file names key and algorithm" \
	grep -qzF "key \"ddns-key\" {
	algorithm hmac-sha256;" "$KEY"
check "ddclient runs the configured nsupdate" \
	grep -qxF "login=$(command -v nsupdate), \\" "$T/ddclient.conf"
check "ddclient's key file is the one ddns-apply wrote" \
	grep -qxF "password='$KEY', \\" "$T/ddclient.conf"
check "no secret in ddclient's configuration" \
	sh -c "! grep -qF '$SECRET' '$T/ddclient.conf'"
one_pass
check "ddclient's nsupdate pass succeeds" grep -q "SUCCESS: *updating $H1" "$T/ddclient.log"
check "the update arrived in the zone: $H1 is 203.0.113.9" \
	[ "$(answer $H1)" = 203.0.113.9 ]
cgi GET ''
id=$(sql "SELECT id FROM hosts WHERE hostname = '$H1'")
check "the list page shows the host up to date" row_has "$id" "Up to date"
check "the list page shows the address set" row_has "$id" "203.0.113.9"

# ---- a wrong secret: nsupdate is refused by named, shown as such ----
H2=h2.dyn.example.test
nsupdate_form $H2 ddns-key "$(printf 'x%.0s' $(seq 43))=" hmac-sha256
check "a host with a wrong secret is saved (303)" [ "$(status)" = 303 ]
one_pass
check "named refuses the wrong key: $H2 has no address" [ -z "$(answer $H2)" ]

# ---- finding 1: no field may name a program or a file ----
nsupdate_form evil.dyn.example.test /bin/bash "$T/ddclient.conf" hmac-sha256
check "Login /bin/bash is refused (422)" [ "$(status)" = 422 ]
check "the refusal is beside Login" grep -q 'id="e-login"' "$T/out"
check "the refusal is beside Password" grep -q 'id="e-password"' "$T/out"
nsupdate_form evil2.dyn.example.test ddns-key "x'\$(id>$T/pwned)'" hmac-sha256
check "a shell command as the secret is refused (422)" [ "$(status)" = 422 ]
save hostname evil3.dyn.example.test provider nsupdate server "127.0.0.1:$DPORT" \
	zone "$ZONE" login /usr/bin/nsupdate password /etc/ddclient.conf
check "the old form (program and key file paths) is refused (422)" [ "$(status)" = 422 ]
# With Login /bin/bash stored, ddclient ran ddclient.conf as a shell script
# (as root): this ordinary password of another host then ran `id`. It is
# a good password and is kept; it just never reaches a shell now.
save hostname other.dyndns.org provider dyn login x password "x'\$(id>$T/pwned)'"
check "a password with shell syntax is still accepted for dyn (303)" [ "$(status)" = 303 ]
check "no refused host was stored" \
	[ "$(sql "SELECT count(*) FROM hosts WHERE hostname LIKE 'evil%'")" = 0 ]
one_pass
check "nothing ran: no $T/pwned" [ ! -e "$T/pwned" ]
check "ddclient.conf names no program but the configured nsupdate" \
	sh -c "! grep -E '^login=/' '$T/ddclient.conf' | grep -vqxF 'login=$(command -v nsupdate), \\'"

# ---- delete: its key file goes, the other stays ----
cgi GET "action=delete&id=$id"
cgi POST 'action=delete' "csrf_token=$(token)&id=$id&version=$(form_version)"
check "delete answers 303" [ "$(status)" = 303 ]
check "the deleted host's key file is removed" [ ! -e "$KEY" ]
check "the other host's key file stays" [ -f "$T/keys/$H2.key" ]
touch "$T/keys/README" "$T/keys/Kother.+165+1.key"
id2=$(sql "SELECT id FROM hosts WHERE hostname = '$H2'")
cgi GET ''
cgi POST 'action=disable' "csrf_token=$(token)&id=$id2"
check "disabling the other host removes its key file" [ ! -e "$T/keys/$H2.key" ]
check "files of others in the key directory stay" \
	[ -f "$T/keys/README" ] && [ -f "$T/keys/Kother.+165+1.key" ]

done_testing
