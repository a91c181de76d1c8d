#!/bin/sh
# t0039-answers: the presets whose provider answers what ddclient does not
# expect, or whose records a request of theirs damages (issue 19: easyDNS,
# DonDominio, Njalla, 1984 Hosting, INWX, deSEC), through the real CGI,
# ddns-apply and the real ddclient under test ($DDCLIENT: run-all.sh runs
# this on 3.10 and on 3.11). A fake of each provider (fake_provider.py
# preset) answers what the real one answers and sets the A and AAAA
# records as it does: the facts, with their sources, are presets.py's
# ANSWERS table. Where a version can drive a preset, for each family it
# offers: the records end as chosen (the other family untouched, but
# where the hint says the provider removes it), ddclient records the
# success, the list says the host is up to date and the next pass sends
# nothing; a bad credential is recorded as a failure. Where it cannot:
# the form refuses it with the reason, and a stored host of it is listed
# as not written. The configuration is the one ddns-apply wrote, with only
# the server changed to the fake's 127.0.0.1:PORT.
. "$(dirname "$0")/lib.sh"
need_ddclient
PRESETS="$TOP/tests/tools/presets.py"
V4=203.0.113.7 V6=2001:db8::7

check "a test CA and a server certificate for 127.0.0.1" test_ca "$T/ca"
make_instance "ddclient = $DDCLIENT" ddclient_ssl=yes plain_http= \
	"ddclient_use = ip, ip=$V4" "ddclient_usev4 = ipv4, ipv4=$V4" \
	"ddclient_usev6 = ipv6, ipv6=$V6"
python3 "$PRESETS" answers "$DDV" > "$T/answers"

# pass NAME [CONF]: one ddclient pass over ddns-apply's configuration (or
# CONF), its servers pointed at the fake; output in $T/NAME.out.
pass() {
	sed "s/^server=[^,]*,/server=127.0.0.1:$PORT,/" "${2:-$T/ddclient.conf}" > "$T/run.conf"
	chmod 600 "$T/run.conf"
	PERLIO=:unix "$DDCLIENT" -file "$T/run.conf" -cache "$T/ddclient.cache" \
		-foreground -daemon=0 -noquiet -verbose -ssl_ca_file="$T/ca/ca.pem" \
		> "$T/$1.out" 2>&1
}
requests() { [ -f "$T/fake.log" ] && wc -l < "$T/fake.log" || echo 0; }
# judge WHAT...: presets.py's verdict on the records and the cache.
judge() {
	python3 "$PRESETS" judge "$DDV" "$key" "$fam" "$T/fake.state" \
		"$T/ddclient.cache" "$host" "$@"
}
id() { sql "SELECT id FROM hosts WHERE hostname = '$1'"; }
# badge ID: the list page's badge of host ID.
badge() { sed -n "/<tr id=\"host-$1\"/,/<\/tr>/p" "$T/out" | grep -o 'class="badge badge-[a-z]*"' | head -1; }

# fake KEY: a fresh fake of provider KEY (no record, no log); sets PORT.
fake() {
	rm -f "$T/fake.log" "$T/fake.state" "$T/fake.port" "$T/ddclient.cache" "$T/control"
	start_fake preset fake --preset "$1" --state "$T/fake.state" \
		--control "$T/control" --cert "$T/ca/server.pem" --key "$T/ca/server.key"
	PORT=$FAKE_PORT
}

while IFS="$(printf '\t')" read -r key fams fields; do
	host=$key.example.com
	if [ "$fams" = - ]; then
		# Why: the preset's own protocol, written by hand, against the
		# fake that answers a success as the provider does.
		fake "$key"
		proto=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import presets; print(presets.PRESETS[sys.argv[2]][1])' "$TOP/tests/tools" "$key")
		printf 'ssl=yes\nuse=ip, ip=%s\nprotocol=%s, server=127.0.0.1:%s, login=user, password=%s\n%s\n' \
			"$V4" "$proto" "$PORT" "'pw'" "$host" > "$T/why.conf"
		pass why "$T/why.conf"
		fam=ipv4
		check "[$DDV] $key answers a success ($(requests) request)" [ "$(requests)" = 1 ]
		check "[$DDV] ... which ddclient $DDV does not record as one: not offered" judge failed
		cgi GET 'action=edit'
		check "[$DDV] $key is not offered" sh -c "! sed -n '/<select id=\"f-provider\"/,/<\/select>/p' '$T/out' | grep -q '<option value=\"$key\"'"
		cgi POST 'action=save' "csrf_token=$(urlencode "$(token)")&$fields&family=ipv4"
		check "[$DDV] $key is refused (422), saying this ddclient cannot update it" \
			sh -c "[ \"\$(sed -n '1s/^Status: \([0-9]*\).*/\1/p' '$T/out' | tr -d '\r')\" = 422 ] &&
				grep -q 'cannot update this provider' '$T/out'"
		sql "DELETE FROM hosts"
		case $fields in *login=*) login=user ;; *) login= ;; esac
		sql "INSERT INTO hosts (hostname, provider, login, password, created, updated) VALUES ('$host', '$key', '$login', 'pw', 1, 1)"
		cgi GET ''
		check "[$DDV] a stored $key host is listed as not written" row_has "$(id "$host")" "Not written"
		check "[$DDV] ... with the reason" row_has "$(id "$host")" "cannot update this provider"
		sql "DELETE FROM hosts WHERE hostname = '$host'"
		continue
	fi
	cgi GET 'action=edit'
	check "[$DDV] $key offers exactly the families $fams" \
		grep -q "<option value=\"$key\" [^>]*data-families=\"$(echo "$fams" | tr , ' ')\"" "$T/out"
	for f in ipv4 ipv6 dual; do
		case ",$fams," in *",$f,"*) continue ;; esac
		cgi GET 'action=edit'
		cgi POST 'action=save' "csrf_token=$(urlencode "$(token)")&$fields&family=$f"
		check "[$DDV] $key refuses $f beside the family field" \
			grep -q 'id="e-family">' "$T/out"
	done
	for fam in $(echo "$fams" | tr , ' '); do
		fake "$key"
		sql "DELETE FROM hosts"
		cgi GET 'action=edit'
		cgi POST 'action=save' "csrf_token=$(urlencode "$(token)")&$fields&family=$fam"
		check "[$DDV] $key $fam is saved (303)" [ "$(status)" = 303 ]
		pass one
		check "[$DDV] $key $fam: one request" [ "$(requests)" = 1 ]
		check "[$DDV] $key $fam: the records as chosen" judge records
		check "[$DDV] $key $fam: ddclient records the success" judge recorded
		cgi GET ''
		check "[$DDV] $key $fam: the list says up to date" \
			[ "$(badge "$(id "$host")")" = 'class="badge badge-ok"' ]
		pass two
		check "[$DDV] $key $fam: the next pass sends nothing" [ "$(requests)" = 1 ]
		echo '{"answer": "badauth"}' > "$T/control"
		rm -f "$T/ddclient.cache"
		pass bad
		check "[$DDV] $key $fam: a bad credential is recorded as a failure" judge failed
		# issue 19: where the provider documents a throttle answer
		if python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import presets
sys.exit(presets.ANSWERS[sys.argv[2]].get("throttle") is None)' "$TOP/tests/tools" "$key"; then
			echo '{"answer": "throttle"}' > "$T/control"
			rm -f "$T/ddclient.cache"
			pass throttled
			check "[$DDV] $key $fam: a throttle answer is recorded as a failure" judge failed
		fi
	done
done < "$T/answers"
done_testing
