#!/bin/sh
# t0039-answers: every preset of presets.py's ANSWERS table through the real
# CGI, ddns-apply and the real ddclient under test ($DDCLIENT: run-all.sh
# runs this on 3.10 and on 3.11), against fakes that answer as the real
# providers do (fake_provider.py preset: status, headers, body, an API's
# look-ups included) and set the A and AAAA records as they do; the
# facts, with their sources, are the ANSWERS table. For each family the
# form offers, all the presets that offer it are saved and sent in one
# ddclient pass (one fake port per preset; the configuration is the one
# ddns-apply wrote, each host's server pointed at its preset's port), and
# for each: the request is the one the provider documents (IPv4, as
# t0016), the records end as chosen (the other family untouched, but
# where the provider removes it), ddclient records the success, the list
# says up to date, the next pass sends nothing; a bad credential is
# recorded as a failure with the list's words, and a throttle answer
# (where the provider documents one) as what it is. A preset a version
# cannot drive is refused with the reason, and a stored host of it is
# listed as not written; where that is for what its provider answers,
# ddclient is shown to mis-record the provider's success. The own DNS
# server preset (nsupdate, RFC 2136) is t0012's, against a real named.
. "$(dirname "$0")/lib.sh"
need_ddclient
PRESETS="$TOP/tests/tools/presets.py"
preset_instance

# requests [ID]: the requests the fakes logged (of preset ID).
requests() {
	[ -f "$T/fake.log" ] || { echo 0; return; }
	if [ -n "${1:-}" ]; then grep -c "\"preset\": \"$1\"," "$T/fake.log"
	else grep -c '"preset": ' "$T/fake.log"; fi
}
# verdicts WHAT ID...: presets.py's verdict on their records or cache.
verdicts() {
	_w=$1; shift
	python3 "$PRESETS" verdicts "$DDV" "$fam" "$T/fake.state" "$T/ddclient.cache" \
		"$_w" "$@" > "$T/verdicts"
	counted "$T/verdicts"
}
id() { sql "SELECT id FROM hosts WHERE hostname = '$1'"; }
# badge ID [PAGE]: the list page's badge of host ID.
badge() { sed -n "/<tr id=\"host-$1\"/,/<\/tr>/p" "${2:-$T/out}" | grep -o 'class="badge badge-[a-z]*"' | head -1; }

# Refused on this version for what the provider answers (why): their own
# protocol, written by hand, against fakes that answer a success as the
# providers do, in one pass: ddclient does not record it as one.
why=$(awk -F '\t' '$2 == "-" && $4 == 1 { print $1 }' "$T/plan")
if [ -n "$why" ]; then
	start_presets $why
	{
		printf 'ssl=yes\nuse=ip, ip=%s\n' "$V4"
		for key in $why; do
			printf 'protocol=%s, \\\nserver=x, \\\nlogin=user, \\\npassword='"'pw'"' \\\n%s.example.com\n' \
				"$(field "$key" 10)" "$key"
		done
	} > "$T/why.conf"
	preset_pass why "$T/why.conf"
	fam=ipv4
	for key in $why; do
		check "[$DDV] $key answers a success ($(requests "$key") request)" [ "$(requests "$key")" = 1 ]
	done
	verdicts failed $why
fi
# Refused on this version, with the reason; a stored host is listed as
# not written (why, and the presets of 3.11's protocols on 3.10).
cgi GET 'action=edit'
cp "$T/out" "$T/form"
tok=$(token)
for key in $(awk -F '\t' '$2 == "-" { print $1 }' "$T/plan"); do
	fields=$(field "$key" 3)
	check "[$DDV] $key is not offered" sh -c "! sed -n '/<select id=\"f-provider\"/,/<\/select>/p' '$T/form' | grep -q '<option value=\"$key\"'"
	cgi POST 'action=save' "csrf_token=$tok&$fields&family=ipv4"
	check "[$DDV] $key is refused (422), saying this ddclient cannot update it" \
		sh -c "[ \"\$(sed -n '1s/^Status: \([0-9]*\).*/\1/p' '$T/out' | tr -d '\r')\" = 422 ] &&
			grep -q 'cannot update this provider' '$T/out'"
	case $fields in *login=*) login=user ;; *) login= ;; esac
	case $fields in *zone=*) zone=example.com ;; *) zone= ;; esac
	sql "INSERT INTO hosts (hostname, provider, login, password, zone, created, updated) VALUES ('$key.example.com', '$key', '$login', 'pw', '$zone', 1, 1)"
done
cgi GET ''
for key in $(awk -F '\t' '$2 == "-" { print $1 }' "$T/plan"); do
	check "[$DDV] a stored $key host is listed as not written" row_has "$(id "$key.example.com")" "Not written"
	check "[$DDV] ... with the reason" row_has "$(id "$key.example.com")" "cannot update this provider"
done
sql "DELETE FROM hosts"

# The offered presets: exactly their families, the others refused beside
# the family field (with the row's words where it has them).
for key in $(awk -F '\t' '$2 != "-" { print $1 }' "$T/plan"); do
	fams=$(field "$key" 2) fields=$(field "$key" 3) refused=$(field "$key" 9)
	check "[$DDV] $key offers exactly the families $fams" \
		grep -q "<option value=\"$key\" [^>]*data-families=\"$(echo "$fams" | tr , ' ')\"" "$T/form"
	for f in ipv4 ipv6 dual; do
		case ",$fams," in *",$f,"*) continue ;; esac
		cgi POST 'action=save' "csrf_token=$tok&$fields&family=$f"
		check "[$DDV] $key refuses $f beside the family field" \
			grep -q 'id="e-family">' "$T/out"
		want=$(printf '%s\n' "$refused" | tr ';' '\n' | sed -n "s/^$f=//p")
		[ -z "$want" ] || check "[$DDV] ... saying why: $want" grep -qF "$want" "$T/out"
	done
done

# Per family, every preset that offers it, in one pass each step.
for fam in ipv4 ipv6 dual; do
	keys=$(awk -F '\t' -v f="$fam" 'index("," $2 ",", "," f ",") { print $1 }' "$T/plan")
	[ -n "$keys" ] || continue
	start_presets $keys
	sql "DELETE FROM hosts"
	for key in $keys; do
		cgi POST 'action=save' "csrf_token=$tok&$(field "$key" 3)&family=$fam"
		check "[$DDV] $key $fam is saved (303)" [ "$(status)" = 303 ]
	done
	preset_pass one
	if [ "$fam" = ipv4 ]; then
		python3 "$PRESETS" requests "$DDV" "$T/fake.log" $keys > "$T/requests"
		counted "$T/requests"
	fi
	verdicts records $keys
	verdicts recorded $keys
	cgi GET ''
	for key in $keys; do
		check "[$DDV] $key $fam: the list says up to date" \
			[ "$(badge "$(id "$key.example.com")")" = 'class="badge badge-ok"' ]
	done
	before=$(requests)
	preset_pass two
	check "[$DDV] $fam: the next pass sends nothing ($(($(requests) - before)) requests)" \
		[ "$(requests)" = "$before" ]
	# A bad credential, then a throttle (where the provider has one).
	for what in badauth throttle; do
		col=5 wcol=7
		[ $what = badauth ] || col=6 wcol=8
		these=
		for key in $keys; do
			[ "$(field "$key" $col)" = 1 ] && these="$these $key"
		done
		[ -n "$these" ] || continue
		echo "{\"answer\": \"$what\"}" > "$T/control"
		rm -f "$T/ddclient.cache"
		preset_pass "$what"
		python3 "$PRESETS" verdicts "$DDV" "$fam" "$T/fake.state" "$T/ddclient.cache" \
			failed $these | sed "s/: recorded as/: $what recorded as/" > "$T/verdicts"
		counted "$T/verdicts"
		cgi GET ''
		for key in $these; do
			check "[$DDV] $key $fam: $what: the list says Error" \
				[ "$(badge "$(id "$key.example.com")")" = 'class="badge badge-error"' ]
			w=$(field "$key" $wcol)
			[ "$w" = - ] || check "[$DDV] $key $fam: $what: ... $w" row_has "$(id "$key.example.com")" "$w"
		done
	done
	rm -f "$T/control"
done
done_testing
