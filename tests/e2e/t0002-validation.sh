#!/bin/sh
# t0002-validation: every bad input gets its documented status and a clear
# message (beside its field on a 422), and leaves the database and the
# written ddclient config byte-for-byte as they were.
. "$(dirname "$0")/lib.sh"
make_instance

# A password typed into a form that is refused for another field: it
# comes back in that form only (issue 23: one typo must not cost the
# secret), in a response no browser or proxy keeps.
PW='Pw-typed-once-7f3q'
DESC='kept-desc-91x'

cgi GET 'action=edit'
tok=$(token)
check "the create form gives a token" [ -n "$tok" ]

# hostform [FIELD=VALUE...]: the body of a good create (new.example.com,
# provider Dyn), each FIELD=VALUE (raw, urlencoded here) replacing a default.
# FIELD "csrf_token" replaces the token; "-csrf_token" leaves it out.
hostform() {
	_t=$tok _h=new.example.com _d=$DESC _l=arthur _p=$PW _m= _pr=dyn _s= _pc= _z=
	_notok=
	for kv; do
		case $kv in
		-csrf_token) _notok=1 ;;
		csrf_token=*) _t=${kv#*=} ;;
		hostname=*) _h=${kv#*=} ;;
		description=*) _d=${kv#*=} ;;
		login=*) _l=${kv#*=} ;;
		password=*) _p=${kv#*=} ;;
		mx=*) _m=${kv#*=} ;;
		provider=*) _pr=${kv#*=} ;;
		server=*) _s=${kv#*=} ;;
		protocol=*) _pc=${kv#*=} ;;
		zone=*) _z=${kv#*=} ;;
		*) echo "hostform: unknown $kv" >&2; return 1 ;;
		esac
	done
	if [ -n "$_notok" ]; then set --; else set -- csrf_token "$_t"; fi
	form_body "$@" hostname "$_h" description "$_d" login "$_l" \
		password "$_p" mx "$_m" provider "$_pr" server "$_s" \
		protocol "$_pc" zone "$_z"
}

# One good host first, so "unchanged" compares a non-empty config.
cgi POST 'action=save' "$(hostform hostname=good.example.com password=s3cret)"
check "the good host is stored (303)" [ "$(status)" = 303 ]
check "the config has the good host" grep -qx 'good.example.com' "$T/ddclient.conf"
sqlite3 "$T/ddns.db" .dump > "$T/db.before"
cp "$T/ddclient.conf" "$T/conf.before"

unchanged() {
	sqlite3 "$T/ddns.db" .dump > "$T/db.now" &&
		cmp -s "$T/db.before" "$T/db.now" &&
		cmp -s "$T/conf.before" "$T/ddclient.conf"
}
# field_msg FIELD PHRASE: the message beside FIELD holds PHRASE.
field_msg() { grep -F "id=\"e-$1\"" "$T/out" | grep -qF -- "$2"; }
# error_msg PHRASE: the error page's message holds PHRASE.
error_msg() { grep -F 'id="error-message"' "$T/out" | grep -qF -- "$1"; }
# password_kept: the typed password is in the re-shown password input, and
# nowhere else in the page; the response is not to be stored.
password_kept() {
	[ "$(grep -cF -- "$PW" "$T/out")" = 1 ] && kept password "$PW" &&
		header 'Cache-Control: no-store'
}
# kept FIELD VALUE: the re-rendered input FIELD holds VALUE (as HTML).
kept() { grep -F "id=\"f-$1\"" "$T/out" | grep -qF -- "value=\"$2\""; }
header() { tr -d '\r' < "$T/out" | sed '/^$/q' | grep -qx -- "$1"; }

# (check sets $what, so helpers keep their own names.)
# bad_field "what" FIELD PHRASE FIELD=VALUE...: a 422 with PHRASE beside
# FIELD, the other values kept, the typed password too, nothing changed.
bad_field() {
	_bw=$1 _f=$2 _ph=$3
	shift 3
	cgi POST 'action=save' "$(hostform "$@")"
	check "$_bw: 422" [ "$(status)" = 422 ]
	check "$_bw: message beside $_f" field_msg "$_f" "$_ph"
	check "$_bw: form re-rendered with the description kept" kept description "$DESC"
	check "$_bw: the typed password is kept, in a no-store response" password_kept
	check "$_bw: nothing changed" unchanged
}

bad_field "hostname -bad.example.com" hostname "begins with a hyphen" \
	hostname=-bad.example.com
check "hostname -bad.example.com: the entered hostname is kept" \
	kept hostname -bad.example.com
bad_field "hostname under_score.example.com" hostname "is not allowed" \
	hostname=under_score.example.com
bad_field "hostname singlelabel" hostname "single label" hostname=singlelabel
label64=$(printf '%064d' 0 | tr 0 a)
bad_field "hostname with a 64-character label" hostname "at most 63" \
	hostname="$label64.example.com"
bad_field "hostname 1.2.3.4" hostname "cannot be all digits" hostname=1.2.3.4
bad_field "hostname münchen.de" hostname "xn--mnchen-3ya.de" hostname=münchen.de
bad_field "empty hostname" hostname "Enter the dynamic hostname" hostname=
bad_field "duplicate hostname in another case" hostname "already configured" \
	hostname=GOOD.Example.COM
bad_field "Custom without server" server "Enter the server address" \
	provider=custom protocol=dyndns2
bad_field "Custom without protocol" protocol "Choose the ddclient protocol" \
	provider=custom server=members.example.net
desc201=$(printf '%0201d' 0 | tr 0 d)
cgi POST 'action=save' "$(hostform description="$desc201")"
check "description of 201 characters: 422" [ "$(status)" = 422 ]
check "description of 201 characters: message beside description" \
	field_msg description "at most 200"
check "description of 201 characters: the typed password is kept" password_kept
check "description of 201 characters: nothing changed" unchanged
bad_field "login with #" login "cannot contain" login='ar#thur'
check "login with #: the entered login is kept" kept login 'ar#thur'
# Invisible and direction-changing characters would spoof the list and
# History pages: refused, with the character named beside its field.
rlo=$(printf 'invoice\342\200\256fdp.exe')
cgi POST 'action=save' "$(hostform description="$rlo")"
check "description with U+202E: 422" [ "$(status)" = 422 ]
check "description with U+202E: the message names it" \
	field_msg description "U+202E (right-to-left override)"
check "description with U+202E: nothing changed" unchanged
bad_field "login with U+200B" login "U+200B (zero width space)" \
	login="$(printf 'arthur\342\200\213')"
bad_field "MX for No-IP" mx "does not use this field" provider=noip \
	mx=mx.example.com

# ---- CSRF and origin: 403, nothing changed ----
cgi POST 'action=save' "$(hostform -csrf_token)"
check "POST without csrf_token: 403" [ "$(status)" = 403 ]
check "POST without csrf_token: says to reload" error_msg "reload the page"
check "POST without csrf_token: nothing changed" unchanged

USER_NAME=eve cgi GET 'action=edit'
evetok=$(token)
cgi POST 'action=save' "$(hostform csrf_token="$evetok")"
check "token of another user: 403" [ "$(status)" = 403 ]
check "token of another user: says to reload" error_msg "reload the page"
check "token of another user: nothing changed" unchanged

# Flip the last hex digit of the MAC; then move the expiry instead.
last=$(printf %s "$tok" | tail -c 1)
case $last in 0) new=1 ;; *) new=0 ;; esac
bad=$(printf %s "$tok" | sed "s/.\$/$new/")
cgi POST 'action=save' "$(hostform csrf_token="$bad")"
check "tampered token (MAC): 403" [ "$(status)" = 403 ]
check "tampered token (MAC): nothing changed" unchanged
exp=${tok%%.*}
bad="$((exp + 86400)).${tok#*.}"
cgi POST 'action=save' "$(hostform csrf_token="$bad")"
check "tampered token (expiry): 403" [ "$(status)" = 403 ]
check "tampered token (expiry): nothing changed" unchanged

EXTRA_ENV='HTTP_ORIGIN=http://evil.example HTTP_HOST=127.0.0.1' \
	cgi POST 'action=save' "$(hostform)"
check "Origin of another site with a valid token: 403" [ "$(status)" = 403 ]
check "Origin of another site: says another site" error_msg "another site"
check "Origin of another site: nothing changed" unchanged

EXTRA_ENV='HTTP_ORIGIN=null HTTP_HOST=127.0.0.1' \
	cgi POST 'action=save' "$(hostform)"
check "Origin null (a sandboxed frame) with a valid token: 403" [ "$(status)" = 403 ]
check "Origin null: nothing changed" unchanged

EXTRA_ENV='HTTP_REFERER=http://evil.example/page HTTP_HOST=127.0.0.1' \
	cgi POST 'action=save' "$(hostform)"
check "no Origin, Referer of another site, valid token: 403" [ "$(status)" = 403 ]
check "Referer of another site: nothing changed" unchanged

EXTRA_ENV='HTTP_REFERER=http://127.0.0.1.evil.example/ HTTP_HOST=127.0.0.1' \
	cgi POST 'action=save' "$(hostform)"
check "Referer of a look-alike host (this host as a prefix): 403" [ "$(status)" = 403 ]
check "look-alike Referer: nothing changed" unchanged

# ---- authentication ----
printf %s "$(hostform)" | env -i DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" \
	REQUEST_METHOD=POST QUERY_STRING=action=save \
	CONTENT_TYPE=application/x-www-form-urlencoded \
	CONTENT_LENGTH=$(hostform | wc -c) "$CGI" > "$T/out" 2> "$T/err"
check "POST without REMOTE_USER: 401" [ "$(status)" = 401 ]
check "POST without REMOTE_USER: asks for basic auth" \
	header 'WWW-Authenticate: Basic realm="ddns-admin"'
check "POST without REMOTE_USER: says to log in" error_msg "Log in"
check "POST without REMOTE_USER: nothing changed" unchanged
env -i DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" REQUEST_METHOD=GET \
	QUERY_STRING= "$CGI" > "$T/out" 2> "$T/err" < /dev/null
check "GET without REMOTE_USER: 401" [ "$(status)" = 401 ]
check "GET without REMOTE_USER: the host list is not shown" \
	sh -c "! grep -q good.example.com '$T/out'"

# ---- request syntax: 413 / 400 ----
EXTRA_ENV=CONTENT_LENGTH=70000 cgi POST 'action=save' "$(hostform)"
check "body over 64 KiB: 413" [ "$(status)" = 413 ]
check "body over 64 KiB: says how large" error_msg "larger than 64 KiB"
check "body over 64 KiB: nothing changed" unchanged

for cl in 12abc -1 '' 0x20; do
	EXTRA_ENV="CONTENT_LENGTH=$cl" cgi POST 'action=save' "$(hostform)"
	check "Content-Length '$cl': 400" [ "$(status)" = 400 ]
	check "Content-Length '$cl': says so" error_msg "Content-Length"
	check "Content-Length '$cl': nothing changed" unchanged
done

# bad_request "what" PHRASE BODY: 400 with PHRASE in the message.
bad_request() {
	cgi POST 'action=save' "$3"
	check "$1: 400" [ "$(status)" = 400 ]
	check "$1: message says what" error_msg "$2"
	check "$1: nothing changed" unchanged
}
good=$(hostform)
bad_request "broken %-escape (%zz)" "broken %-escape" \
	"$(echo "$good" | sed 's/hostname=new/hostname=n%zzew/')"
bad_request "truncated %-escape" "broken %-escape" \
	"$(echo "$good" | sed 's/&zone=$/\&zone=%4/')"
bad_request "NUL (%00)" "NUL" \
	"$(echo "$good" | sed 's/&description=[^&]*/\&description=a%00b/')"
bad_request "invalid UTF-8 (%C3%28)" "not valid UTF-8" \
	"$(echo "$good" | sed 's/&description=[^&]*/\&description=%C3%28/')"
bad_request "repeated field" "given twice" "$good&hostname=other.example.com"
bad_request "unknown field" "does not know" "$good&use=cmd"
EXTRA_ENV=CONTENT_TYPE=text/plain cgi POST 'action=save' "$good"
check "Content-Type text/plain: 400" [ "$(status)" = 400 ]
check "Content-Type text/plain: names the type to send" \
	error_msg "application/x-www-form-urlencoded"
check "Content-Type text/plain: nothing changed" unchanged
EXTRA_ENV=CONTENT_TYPE=multipart/form-data cgi POST 'action=save' "$good"
check "Content-Type multipart/form-data: 400" [ "$(status)" = 400 ]
check "Content-Type multipart/form-data: nothing changed" unchanged

# ---- routing ----
cgi POST 'action=nosuch' "$good"
check "unknown action: 404" [ "$(status)" = 404 ]
check "unknown action: says no such page" error_msg "no such page"
check "unknown action: nothing changed" unchanged
cgi GET 'action=save'
check "GET action=save: 405" [ "$(status)" = 405 ]
check "GET action=save: Allow: POST" header 'Allow: POST'
check "GET action=save: says GET is not taken" error_msg "does not take GET"
check "GET action=save: nothing changed" unchanged

# ---- control: a same-site Referer without Origin is accepted ----
EXTRA_ENV='HTTP_REFERER=http://127.0.0.1/cgi-bin/ddns.cgi?action=edit HTTP_HOST=127.0.0.1' \
	cgi POST 'action=save' "$(hostform)"
check "control: a Referer of this site is accepted (303)" [ "$(status)" = 303 ]
sql "delete from hosts where id <> (select min(id) from hosts)"
apply_db 2>/dev/null

# ---- control: the same good form, as the same user, is accepted ----
# (so each refusal above came from its one defect, not from the form)
EXTRA_ENV='HTTP_ORIGIN=http://127.0.0.1 HTTP_HOST=127.0.0.1' \
	cgi POST 'action=save' "$good"
check "control: the good form from this site is accepted (303)" [ "$(status)" = 303 ]
check "control: new.example.com is stored" \
	[ "$(sql "select count(*) from hosts where hostname='new.example.com'")" = 1 ]
check "control: the config now has new.example.com" \
	grep -qx 'new.example.com' "$T/ddclient.conf"
done_testing
