#!/bin/sh
# t0011-checkip: ddns-checkip against a fake check server on 127.0.0.1 (an
# address, a garbage answer, HTTP 500, a timeout, a refused connection);
# the list page shows the address or the error in words and never waits
# for the check; ddns.cgi links no libcurl and no libcrypto.
. "$(dirname "$0")/lib.sh"
make_instance
ST=$T/state/publicip

check "fake check server listens" start_fake checkip chk --slow 8
CP=$FAKE_PORT
# use URL: point checkip_url at URL.
use() { sed -i "s#^checkip_url = .*#checkip_url = $1#" "$T/ddns-admin.conf"; }
# checkip: run ddns-checkip on the instance (bounded: its own timeout is 5 s).
checkip() { DDNS_ADMIN_CONFIG=$T/ddns-admin.conf timeout 30 "$B/ddns-checkip" 2> "$T/checkip.err"; }
state_has() { grep -qxF -- "$1" "$ST"; }
public_ip() { sed -n '/<div class="public-ip"/,/<\/div>/p' "$T/out" | grep -qF -- "$1"; }
now() { date +%s; }
# A host to show the address match on (its state comes from a cache
# line written by hand, in ddclient 3.10's format).
use "http://127.0.0.1:$CP/addr"
cgi GET 'action=edit'
cgi POST 'action=save' "csrf_token=$(token)&hostname=home.example.org&description=&login=u&password=p&provider=dyn&mx=&server=&protocol=&zone="
check "host saved" [ "$(status)" = 303 ]
id=$(sql "select id from hosts where hostname='home.example.org'")

# --- an address -------------------------------------------------------------
checkip; rc=$?
check "address: ddns-checkip exits 0" [ "$rc" = 0 ]
check "address: state has the address" state_has 'ip=198.51.100.23'
check "address: state has no error" state_has 'error='
check "address: state has the time" grep -qx 'time=[0-9]\{9,\}' "$ST"
check "state file is mode 0600" [ "$(stat -c %a "$ST")" = 600 ]
cgi GET ''
check "address: list page answers 200" [ "$(status)" = 200 ]
check "address: list shows the address" public_ip '<strong class="ip">198.51.100.23</strong>'
check "address: a fresh state is not refreshed" sh -c "! grep -q 'class=\"refreshing\"' '$T/out'"

# --- the host row compares the cache's address with the public one -------
t=$(now)
printf '%s\n' '## ddclient-3.10.0' "## last updated at $(date) ($t)" \
	"atime=$t,backupmx=0,custom=0,host=home.example.org,ip=198.51.100.23,mtime=$t,mx=,script=/nic/update,static=0,status=good,status-ipv4=noconnect,status-ipv6=noconnect,warned-min-error-interval=0,warned-min-interval=0,wildcard=0,wtime=0 home.example.org" \
	> "$T/ddclient.cache"
cgi GET ''
check "row: the cache's address is shown" row_has "$id" '<span class="ip">198.51.100.23</span>'
check "row: matches the public address" row_has "$id" '<span class="sync ok">✓<span class="vh"> matches the public address</span></span>'
printf 'ip=192.0.2.99\ntime=%s\nerror=\n' "$(now)" > "$ST"
cgi GET ''
check "row: differs from another public address" row_has "$id" '<span class="sync bad">≠ differs from the public address</span>'

# --- errors, in words ---------------------------------------------------------
# fails NAME URL WORDS: ddns-checkip on URL writes WORDS as the error, no
# address, exits 1; the list page shows the words without blocking.
fails() {
	use "$2"
	checkip; rc=$?
	check "$1: ddns-checkip exits 1" [ "$rc" = 1 ]
	check "$1: state has no address" state_has 'ip='
	check "$1: state says why in words" state_has "error=$3"
	cgi GET ''
	check "$1: list page answers 200" [ "$(status)" = 200 ]
	check "$1: list shows the error in words" public_ip "$(printf %s "$3" | sed "s/'/\&#39;/g")."
	check "$1: list says the check failed" public_ip 'The last check failed ('
}
fails garbage "http://127.0.0.1:$CP/garbage" "the check server's answer holds no IPv4 address"
fails "HTTP 500" "http://127.0.0.1:$CP/500" "the check server answered HTTP 500"
fails refused "http://127.0.0.1:$(free_port)/" "could not connect to the check server (connection refused or no route)"
fails timeout "http://127.0.0.1:$CP/slow" "the check server did not answer within 5 seconds"

# --- the list page never waits for the check ----------------------------------
# The check server takes 8 s, so a check takes 5 s (its timeout); the
# stale state makes the page start one. A page that waited for it would
# be killed by `timeout 4` (exit 124).
use "http://127.0.0.1:$CP/slow"
printf 'ip=198.51.100.23\ntime=%s\nerror=\n' $(( $(now) - 3600 )) > "$ST"
CGI_WRAP="timeout 4 ${CGI_WRAP:-}" cgi GET ''; rc=$?
check "stale state: the page did not wait for the check" [ "$rc" != 124 ]
check "stale state: the page answers 200" [ "$(status)" = 200 ]
check "stale state: the page is complete" grep -q '^</html>' "$T/out"
check "stale state: the last address is still shown" public_ip '<strong class="ip">198.51.100.23</strong>'
check "stale state: the page says it is being refreshed" public_ip 'being refreshed; reload the page in a few seconds'
check "the started check writes its result (the timeout) within 15 s" \
	wait_for 150 state_has "error=the check server did not answer within 5 seconds"
# An absent state file: the same, and the page says the address is unknown.
rm -f "$ST"
CGI_WRAP="timeout 4 ${CGI_WRAP:-}" cgi GET ''; rc=$?
check "no state: the page did not wait for the check" [ "$rc" != 124 ]
check "no state: the page answers 200" [ "$(status)" = 200 ]
check "no state: the page says the address is not known yet" public_ip 'not known yet'
check "no state: the page says it is being refreshed" public_ip 'being refreshed'
# Leave no check running behind us.
check "no state: the started check writes its result within 15 s" wait_for 150 test -s "$ST"
check "the started check ends (lock released within 15 s)" \
	timeout 15 flock "$T/state/checkip.lock" true

# --- what the CGI links ---------------------------------------------------
check "ddns.cgi links no libcurl" sh -c "! ldd '$CGI' | grep -q libcurl"
check "ddns.cgi links no libcrypto" sh -c "! ldd '$CGI' | grep -q libcrypto"
check "ddns-checkip links libcurl" sh -c "ldd '$B/ddns-checkip' | grep -q libcurl"
done_testing
