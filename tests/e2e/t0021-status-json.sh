#!/bin/sh
# t0021-status-json: ?action=status gives the list's verdicts as JSON,
# one object per host and family, valid against the schema kept beside
# the tests (tests/e2e/data/status.schema.json), behind the same
# authentication and headers; hostile hostnames and descriptions written
# past the form never break it.
. "$(dirname "$0")/lib.sh"
# DNS as ddns-dnscheck would have left it (written below); no lookup.
make_instance "apply = /bin/false" "ddclient_version = 3.11" \
	"dns_check = authoritative" "dnscheck = /bin/true"
SCHEMA="$TOP/tests/e2e/data/status.schema.json"
cgi GET ''
unguard_hosts
sql "INSERT INTO hosts (hostname, description, login, password, provider, zone, family, created, updated)
	VALUES ('a-fine.example.com', 'caffè \"quoted\" back\\slash', 'u', 'p', 'dyn', '', 'ipv4', 1, 1),
	       ('b-nozone.example.com', '', 'u', 'p', 'cloudflare', '', 'ipv4', 1, 1),
	       ('d-dual.example.com', 'dual', 'u', 'p', 'dyn', '', 'dual', 1, 1),
	       ('e-\"evil\\name</script>.example.com', char(1) || char(10) || char(9) || char(127) || 'x' || char(34), 'u', 'p', 'dyn', '', 'ipv4', 1, 1)"
sql "INSERT INTO hosts (hostname, description, login, password, provider, created, updated)
	VALUES ('f-bytes.example.com', CAST(X'ff2241fe5c' AS TEXT), 'u', 'p', 'dyn', 1, 1)"
cgi GET 'action=edit'
tok=$(token)
cgi POST 'action=save' "$(form_body csrf_token "$tok" hostname c-queued.example.com \
	login u password p provider dyn family ipv4)"
now=$(date +%s)
{
	echo "## ddclient-3.10.0"
	sql "SELECT 'atime=$now,host=' || hostname || ',ip=203.0.113.7,mtime=$now,status=good ' ||
		hostname FROM hosts WHERE hostname NOT LIKE 'd-%' AND hostname NOT LIKE 'e-%'"
	echo "atime=$now,host=d-dual.example.com,ipv4=203.0.113.7,ipv6=2001:db8::7,mtime=0,status-ipv4=good,status-ipv6=badauth d-dual.example.com"
} > "$T/ddclient.cache"
printf 'ip=203.0.113.7\ntime=%s\nerror=\n' "$now" > "$T/state/publicip"
# DNS: a-fine as set (Propagating: its update is younger than the TTL),
# b-nozone another address (DNS differs), the dual host's AAAA no record.
printf 'ddns-dnscheck 1\nmode authoritative\ntime %s\n%s\n%s\n%s\n' "$now" \
	"a-fine.example.com ipv4 $now NOERROR 300 insecure 203.0.113.7 -" \
	"b-nozone.example.com ipv4 $now NOERROR 300 insecure 198.51.100.1 -" \
	"d-dual.example.com ipv6 $now NOERROR 300 insecure - -" > "$T/state/dns"

cgi GET 'action=status'
check "status answers 200" [ "$(status)" = 200 ]
check "as application/json" grep -q '^Content-Type: application/json' "$T/out"
check "with the security headers" grep -q '^X-Content-Type-Options: nosniff' "$T/out"
check "... and the policy" grep -q '^Content-Security-Policy: ' "$T/out"
sed '1,/^\r*$/d' "$T/out" > "$T/status.json"
check "the body is the whole Content-Length" [ "$(wc -c < "$T/status.json")" = "$(sed -n 's/^Content-Length: \([0-9]*\).*/\1/p' "$T/out" | tr -d '\r')" ]
validate() {
	python3 - "$SCHEMA" "$T/status.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2], encoding="utf-8", errors="strict"))
jsonschema.validate(doc, schema)
PY
}
check "the body is valid against the schema" validate
# verdict HOST FAMILY: the verdict key of that object.
field() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
for h in d["hosts"]:
	if h["hostname"] == sys.argv[2] and h["family"] == sys.argv[3]: print(h[sys.argv[4]])' \
	"$T/status.json" "$1" "$2" "$3"
}
check "one object per host and family (6 hosts, one dual)" \
	[ "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["hosts"]))' "$T/status.json")" = 7 ]
check "the fine host is good" [ "$(field a-fine.example.com ipv4 verdict)" = good ]
check "what DNS answers: the fine host propagating (the update is younger than the TTL), with the answer" \
	[ "$(field a-fine.example.com ipv4 dns) $(field a-fine.example.com ipv4 dns_until) $(field a-fine.example.com ipv4 dns_answer)" = "propagating $((now + 300)) ['203.0.113.7']" ]
check "what DNS answers: another address, DNS differs" [ "$(field b-nozone.example.com ipv4 dns)" = dns_differs ]
check "what DNS answers: the dual host's AAAA, no record" [ "$(field d-dual.example.com ipv6 dns) $(field d-dual.example.com ipv6 dns_answer)" = "no_record []" ]
check "what DNS answers: a host not in the state, not checked" [ "$(field c-queued.example.com ipv4 dns)" = not_checked ]
check "its address and the public one" [ "$(field a-fine.example.com ipv4 address) $(field a-fine.example.com ipv4 public_address)" = "203.0.113.7 203.0.113.7" ]
check "its times" [ "$(field a-fine.example.com ipv4 last_update) $(field a-fine.example.com ipv4 last_attempt)" = "$now $now" ]
check "its description, quotes, backslash and UTF-8 kept" [ "$(field a-fine.example.com ipv4 description)" = 'caffè "quoted" back\slash' ]
check "the host without a zone is left out" [ "$(field b-nozone.example.com ipv4 verdict)" = notwritten ]
check "... saying why by message key" [ "$(field b-nozone.example.com ipv4 left_out_why)" != None ]
check "the queued host is not applied" [ "$(field c-queued.example.com ipv4 verdict)" = notapplied ]
check "... and says it is queued" [ "$(field c-queued.example.com ipv4 queued)" = True ]
check "dual stack: IPv4 good" [ "$(field d-dual.example.com ipv4 verdict)" = good ]
check "dual stack: IPv6 failed, with the provider's answer" [ "$(field d-dual.example.com ipv6 verdict) $(field d-dual.example.com ipv6 answer)" = "failed badauth" ]
check "the hostile hostname comes back whole" [ "$(field 'e-"evil\name</script>.example.com' ipv4 hostname)" = 'e-"evil\name</script>.example.com' ]
check "control bytes are escaped, never raw" sh -c "! LC_ALL=C grep -q \"\$(printf '[\\001\\011\\177]')\" '$T/status.json'"
check "a byte that is not UTF-8 is U+FFFD" grep -q '\\ufffd' "$T/status.json"
check "a control byte is a \\u escape" grep -q '\\u0001\\u000a\\u0009\\u007fx\\"' "$T/status.json"
# A failure is JSON too, {"error": ..., "status": ...}, valid against its
# schema, with the status in the header and the body alike.
ESCHEMA="$TOP/tests/e2e/data/status-error.schema.json"
# json_error CODE: the last answer is CODE, as JSON, valid, saying CODE.
json_error() {
	[ "$(status)" = "$1" ] && grep -q '^Content-Type: application/json' "$T/out" &&
	sed '1,/^\r*$/d' "$T/out" > "$T/error.json" &&
	[ "$(wc -c < "$T/error.json")" = "$(sed -n 's/^Content-Length: \([0-9]*\).*/\1/p' "$T/out" | tr -d '\r')" ] &&
	python3 - "$ESCHEMA" "$T/error.json" "$1" <<'PY'
import json, sys, jsonschema
doc = json.load(open(sys.argv[2], encoding="utf-8", errors="strict"))
jsonschema.validate(doc, json.load(open(sys.argv[1])))
sys.exit(0 if doc["status"] == int(sys.argv[3]) else 1)
PY
}
# The same authentication as every page.
USER_NAME= cgi GET 'action=status'
check "no user: 401" [ "$(status)" = 401 ]
check "no user: a JSON error body, valid" json_error 401
check "... saying so in words" grep -q '"error":"[A-Z][^"]*"' "$T/error.json"
USER_NAME=admin
cgi POST 'action=status' ''
check "POST: 405" [ "$(status)" = 405 ]
check "POST: a JSON error body, with Allow" grep -q '^Allow: GET' "$T/out"
check "POST: the body" json_error 405
# A database that cannot be read (not SQLite's): the server's failure.
mv "$T/ddns.db" "$T/ddns.db.away"
printf 'not a database, %0200d\n' 0 > "$T/ddns.db"
cgi GET 'action=status'
check "a database that cannot be read: a 5xx" sh -c "case '$(status)' in 5??) exit 0 ;; esac; exit 1"
check "... as JSON, valid" json_error "$(status)"
mv "$T/ddns.db.away" "$T/ddns.db"
cgi GET 'action=nosuch&q=action=status'
check "another page's failure stays HTML (a value that says so is no match)" \
	sh -c "[ '$(status)' = 404 ] && grep -q '^Content-Type: text/html' '$T/out'"
done_testing
