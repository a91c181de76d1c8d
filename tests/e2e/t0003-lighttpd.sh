#!/bin/sh
# t0003-lighttpd: the module once through a real lighttpd (basic auth,
# mod_cgi, static files) driven by curl: create, modify, delete; the
# ddclient config follows each step; the server's own limits hold.
. "$(dirname "$0")/lib.sh"
make_instance

start_lighttpd

# get [curl args...]: response headers to $T/h, body to $T/b, status to $T/code.
get() {
	curl -s -D "$T/h" -o "$T/b" -w '%{http_code}' "$@" > "$T/code" 2> "$T/curlerr"
}
auth() { get -u "admin:$apw" "$@"; }
code() { cat "$T/code"; }
hdr() { tr -d '\r' < "$T/h" | grep -qi -- "$1"; }
has() { grep -qF -- "$1" "$T/b"; }
tok() { grep -o 'name="csrf_token" value="[^"]*"' "$T/b" | head -1 | sed 's/.*value="//; s/"$//'; }
ver() { grep -o 'name="version" value="[^"]*"' "$T/b" | head -1 | sed 's/.*value="//; s/"$//'; }
conf_has() { grep -qxF -- "$1" "$T/ddclient.conf"; }

# ---- authentication is lighttpd's ----
get "$URL"
check "no credentials: 401" [ "$(code)" = 401 ]
check "no credentials: asks for basic auth" hdr '^WWW-Authenticate: Basic'
check "no credentials: no host list" sh -c "! grep -q 'id=\"create\"' '$T/b'"
get -u "admin:wrong-$apw" "$URL"
check "wrong password: 401" [ "$(code)" = 401 ]
get -u "admin:$apw" "$BASE/"
check "/ redirects to the CGI" hdr '^Location: .*/cgi-bin/ddns.cgi'

# ---- list ----
auth "$URL"
check "list: 200" [ "$(code)" = 200 ]
check "list: empty" has 'id="empty"'
check "list: Content-Security-Policy header" hdr "^Content-Security-Policy: .*default-src 'none'"
check "list: X-Frame-Options: DENY" hdr '^X-Frame-Options: DENY$'
check "list: shows the user lighttpd authenticated" has '<span class="user">admin</span>'

# ---- create ----
auth "$URL?action=edit"
check "create form: 200" [ "$(code)" = 200 ]
t=$(tok)
check "create form: has a token" [ -n "$t" ]
hpw="S3c'r#t \"x\\"
auth -L --data-urlencode "csrf_token=$t" \
	--data-urlencode 'hostname=arthur-rimbaud.dyndns.org' \
	--data-urlencode 'description=home' --data-urlencode 'login=arthur' \
	--data-urlencode "password=$hpw" --data-urlencode 'provider=dyn' \
	--data-urlencode 'mx=' --data-urlencode 'server=' \
	--data-urlencode 'protocol=' --data-urlencode 'zone=' \
	-w '%{url_effective}' "$URL?action=save"
check "create: POST answered 303" grep -q '^HTTP/1.1 303' "$T/h"
check "create: followed to the list" grep -q 'action=list&msg=saved' "$T/code"
check "create: the list shows the host" \
	has '<span class="label">arthur-rimbaud.</span><wbr><span class="label">dyndns.</span><wbr><span class="label">org</span><wbr></a></td>'
check "create: the list says saved" has 'Saved.'
check "create: the list never shows the password" sh -c "! grep -qF 'S3c' '$T/b'"
check "create: config has the host" conf_has 'arthur-rimbaud.dyndns.org'
check "create: config has the login" conf_has 'login=arthur, \'
check "create: config has the password as typed" conf_has "password='$hpw', \\"
check "create: config is 0600" [ "$(stat -c %a "$T/ddclient.conf")" = 600 ]
id=$(sql "select id from hosts where hostname='arthur-rimbaud.dyndns.org'")
check "create: one row" [ -n "$id" ]

# ---- modify the description ----
auth "$URL?action=edit&id=$id"
check "modify form: 200" [ "$(code)" = 200 ]
check "modify form: holds the description" has 'value="home"'
check "modify form: never holds the password" sh -c "! grep -qF 'S3c' '$T/b'"
t=$(tok) v=$(ver)
auth -L --data-urlencode "csrf_token=$t" --data-urlencode "id=$id" \
	--data-urlencode "version=$v" --data-urlencode 'hostname=arthur-rimbaud.dyndns.org' \
	--data-urlencode 'description=office <b>2</b>' --data-urlencode 'login=arthur' \
	--data-urlencode 'password=' --data-urlencode 'provider=dyn' \
	--data-urlencode 'mx=' --data-urlencode 'server=' \
	--data-urlencode 'protocol=' --data-urlencode 'zone=' "$URL?action=save"
check "modify: 303 then the list" sh -c "grep -q '^HTTP/1.1 303' '$T/h' && [ \"\$(cat '$T/code')\" = 200 ]"
check "modify: the list shows the new description, escaped" has 'data-label="Description">office &lt;b&gt;2&lt;/b&gt;</td>'
check "modify: stored" [ "$(sql "select description from hosts where id=$id")" = 'office <b>2</b>' ]
check "modify: config still has the host" conf_has 'arthur-rimbaud.dyndns.org'
check "modify: config kept the password" conf_has "password='$hpw', \\"
check "modify: config kept the login" conf_has 'login=arthur, \'

# ---- fetch's Content-Type (with a charset parameter) ----
auth "$URL?action=edit"
t=$(tok)
auth -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \
	--data-urlencode "csrf_token=$t" \
	--data-urlencode 'hostname=charset.example.com' \
	--data-urlencode 'description=sent by fetch' --data-urlencode 'login=fetchuser' \
	--data-urlencode 'password=pw2' --data-urlencode 'provider=dyn' \
	--data-urlencode 'mx=' --data-urlencode 'server=' \
	--data-urlencode 'protocol=' --data-urlencode 'zone=' "$URL?action=save"
check "Content-Type with charset=UTF-8: 303" [ "$(code)" = 303 ]
check "Content-Type with charset=UTF-8: stored" \
	[ "$(sql "select login from hosts where hostname='charset.example.com'")" = fetchuser ]
check "Content-Type with charset=UTF-8: in the config" conf_has 'charset.example.com'

# ---- the Origin check, with lighttpd's own SERVER_ADDR and SERVER_PORT ----
# origin_post NAME CURL-ARGS...: a create of NAME.example.com.
origin_post() {
	_on=$1; shift
	auth "$URL?action=edit"
	_ot=$(tok)
	auth "$@" --data-urlencode "csrf_token=$_ot" \
		--data-urlencode "hostname=$_on.example.com" --data-urlencode 'login=u' \
		--data-urlencode 'password=p' --data-urlencode 'provider=dyn' "$URL?action=save"
}
origin_post rebind -H 'Host: evil.example' -H 'Origin: http://evil.example'
check "DNS rebinding (Host and Origin evil.example): 403" [ "$(code)" = 403 ]
check "DNS rebinding: not stored" \
	[ "$(sql "select count(*) from hosts where hostname='rebind.example.com'")" = 0 ]
origin_post rebindport -H "Host: evil.example:$P" -H "Origin: http://evil.example:$P"
check "DNS rebinding on the page's port: 403" [ "$(code)" = 403 ]
origin_post sameorigin -H "Origin: $BASE"
check "Origin of this page ($BASE): 303" [ "$(code)" = 303 ]
check "Origin of this page: stored" \
	[ "$(sql "select count(*) from hosts where hostname='sameorigin.example.com'")" = 1 ]
origin_post otherport -H "Origin: http://127.0.0.1:$((P + 1))"
check "Origin of another port of this address: 403" [ "$(code)" = 403 ]
origin_post samereferer -H "Referer: $URL?action=edit"
check "Referer of this page: 303" [ "$(code)" = 303 ]

# ---- delete ----
auth "$URL?action=delete&id=$id"
check "delete confirmation: 200" [ "$(code)" = 200 ]
check "delete confirmation: names the host" has 'arthur-rimbaud.dyndns.org'
t=$(tok) v=$(ver)
auth -L --data-urlencode "csrf_token=$t" --data-urlencode "id=$id" \
	--data-urlencode "version=$v" "$URL?action=delete"
check "delete: 303 then the list" sh -c "grep -q '^HTTP/1.1 303' '$T/h' && [ \"\$(cat '$T/code')\" = 200 ]"
check "delete: the list no longer shows it" \
	sh -c "! grep -q 'arthur-rimbaud' '$T/b'"
check "delete: row gone" [ "$(sql "select count(*) from hosts where id=$id")" = 0 ]
check "delete: config no longer has the host" sh -c "! grep -q 'arthur-rimbaud' '$T/ddclient.conf'"
check "delete: config no longer has its password" sh -c "! grep -qF 'S3c' '$T/ddclient.conf'"

# ---- lighttpd's limits and static files ----
sqlite3 "$T/ddns.db" .dump > "$T/db.before"
cp "$T/ddclient.conf" "$T/conf.before"
auth "$URL?action=edit"
t=$(tok)
python3 -c 'import sys; sys.stdout.write("csrf_token=" + sys.argv[1] + "&description=" + "a" * 102400)' "$t" > "$T/big"
auth --data-binary "@$T/big" "$URL?action=save"
check "100 KiB body: 413" [ "$(code)" = 413 ]
check "100 KiB body: refused by lighttpd, before the CGI" \
	sh -c "! grep -qi '^Content-Security-Policy' '$T/h'"
check "100 KiB body: database unchanged" \
	sh -c "sqlite3 '$T/ddns.db' .dump | cmp -s - '$T/db.before'"
check "100 KiB body: config unchanged" cmp -s "$T/conf.before" "$T/ddclient.conf"

auth "$BASE/static/ddns.css"
check "/static/ddns.css: 200" [ "$(code)" = 200 ]
check "/static/ddns.css: served as text/css" hdr '^Content-Type: text/css'
check "/static/ddns.css: is the stylesheet" cmp -s "$T/b" "$TOP/www/ddns.css"
auth "$URL"
check "page links the stylesheet under /static/" has '/static/ddns.css'

"$TOP/tools/lighttpd.sh" stop "$T"
check "lighttpd stopped" sh -c "! curl -s -o /dev/null '$BASE/static/ddns.css'"
done_testing
