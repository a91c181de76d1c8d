# servers.sh: sourced after lib.sh by the t005N tests that put the real
# CGI behind one web server each. stage_install lays the programs out as
# the package does, but under $T and owned by www-data (the user every
# server runs the CGI as); dropin FILE rewrites one of conf/'s drop-ins
# from the package's paths to the staged ones; server_suite drives the
# page through the server with curl as a user would.

# stage_install [key=value ...]: $S holds the programs, templates and
# static files; the module config is the instance's with those paths
# and the given settings; $T/htpasswd has user admin, password $apw
# (bcrypt), unless HTPASSWD_CMD makes another kind. Everything is
# www-data's, as the package leaves it.
stage_install() {
	S=$T/inst
	mkdir -p "$S/lib" "$S/share/templates" "$S/share/www"
	cp "$B/ddns.cgi" "$B/ddns-apply" "$B/ddns-status" "$B/ddns-checkip" "$S/lib/"
	cp -R "$TOP"/templates/. "$S/share/templates/"
	cp "$TOP"/www/* "$S/share/www/"
	make_instance "templates=$S/share/templates" "apply=$S/lib/ddns-apply" \
		"checkip=$S/lib/ddns-checkip" static_url=/ddns-admin/static/ "$@"
	apw=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
	htpasswd -bcB "$T/htpasswd" admin "$apw" 2> /dev/null
	chown -R www-data:www-data "$T"
}

# dropin FILE: conf/FILE with the installed paths replaced by the staged.
dropin() {
	sed -e "s|/usr/lib/ddns-admin/|$S/lib/|g" \
	    -e "s|/usr/share/ddns-admin/www/|$S/share/www/|g" \
	    -e "s|/usr/share/ddns-admin/www|$S/share/www|g" \
	    -e "s|/usr/lib/ddns-admin|$S/lib|g" \
	    -e "s|/etc/ddns-admin/ddns-admin.conf|$T/ddns-admin.conf|g" \
	    -e "s|/etc/ddns-admin/htpasswd|$T/htpasswd|g" \
	    -e "s|/run/fcgiwrap.socket|$T/fcgiwrap.sock|g" "$TOP/conf/$1"
}

# make_cert: a self-signed certificate for 127.0.0.1 in $T/cert.pem (and
# its key in $T/key.pem, both in $T/both.pem) that curl is told to trust.
make_cert() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -keyout "$T/key.pem" \
		-out "$T/cert.pem" 2> /dev/null &&
	cat "$T/cert.pem" "$T/key.pem" > "$T/both.pem" &&
	chmod 0644 "$T/cert.pem" "$T/both.pem" "$T/key.pem"
}

# wait_listen URL PID: until URL answers (any status), or PID dies.
wait_listen() {
	_i=0
	until curl -sk -o /dev/null "$1" 2> /dev/null; do
		_i=$((_i + 1))
		if [ $_i -gt 150 ] || ! kill -0 "$2" 2> /dev/null; then
			return 1
		fi
		sleep 0.1
	done
}

# sget [curl args...]: response headers to $T/h, body to $T/b, status to
# $T/code; CURLX (words) adds arguments (--cacert for HTTPS).
sget() {
	# shellcheck disable=SC2086
	curl -s ${CURLX:-} -D "$T/h" -o "$T/b" -w '%{http_code}' "$@" > "$T/code" 2> "$T/curlerr"
}
sauth() { sget -u "admin:$apw" "$@"; }
scode() { cat "$T/code"; }
shdr() { tr -d '\r' < "$T/h" | grep -qi -- "$1"; }
shas() { grep -qF -- "$1" "$T/b"; }
stok() { grep -o 'name="csrf_token" value="[^"]*"' "$T/b" | head -1 | sed 's/.*value="//; s/"$//'; }
# sver: the row version the last page's form carries (Modify, Delete).
sver() { grep -o 'name="version" value="[^"]*"' "$T/b" | head -1 | sed 's/.*value="//; s/"$//'; }
# shost NAME: the list page in $T/b has a row whose Hostname cell is NAME
# (the page puts each label in a span of its own).
shost() { grep -o '<td class="hostname"[^>]*>.*</td>' "$T/b" | sed 's/<[^>]*>//g' | grep -qxF -- "$1"; }
sconf_has() { grep -qxF -- "$1" "$T/ddclient.conf"; }
hosts_named() { sql "select count(*) from hosts where hostname='$1'"; }

# spost NAME ORIGIN [curl args...]: a create of NAME through the server
# with the Origin header a browser on ORIGIN would send (none if empty).
spost() {
	_sn=$1 _so=$2
	shift 2
	sauth "$URL?action=edit" "$@"
	_t=$(stok)
	set -- "$@" --data-urlencode "csrf_token=$_t" \
		--data-urlencode "hostname=$_sn" --data-urlencode 'login=u' \
		--data-urlencode 'password=p' --data-urlencode 'provider=dyn'
	[ -n "$_so" ] && set -- "$@" -H "Origin: $_so"
	sauth "$@" "$URL?action=save"
}

# server_suite NAME: the page through a server, as a user sees it. Uses
# BASE (scheme://127.0.0.1:port), URL (the page), STATIC (the static
# files' URL prefix). Host names are NAME.example.com and derived ones,
# so a second run (HTTPS) on the same instance does not collide.
server_suite() {
	_s=$1
	_h="$_s.example.com"
	_pw="P4ss'w#rd \"$_s\\"

	# ---- the server's authentication ----
	sget "$URL"
	check "$_s: no credentials: 401" [ "$(scode)" = 401 ]
	check "$_s: no credentials: asks for basic auth" shdr '^WWW-Authenticate: Basic'
	check "$_s: no credentials: no host list" sh -c "! grep -q 'id=\"create\"' '$T/b'"
	sget -u "admin:wrong-$apw" "$URL"
	check "$_s: wrong password: 401" [ "$(scode)" = 401 ]
	sget "$STATIC/ddns.css"
	check "$_s: static files without credentials: 401" [ "$(scode)" = 401 ]

	# ---- static files and the list ----
	sauth "$STATIC/ddns.css"
	check "$_s: $STATIC/ddns.css: 200" [ "$(scode)" = 200 ]
	check "$_s: ddns.css served as text/css" shdr '^Content-Type: text/css'
	check "$_s: ddns.css is the stylesheet" cmp -s "$T/b" "$TOP/www/ddns.css"
	sauth "$STATIC/ddns.js"
	check "$_s: ddns.js is the script" cmp -s "$T/b" "$TOP/www/ddns.js"
	sauth "$URL"
	check "$_s: list: 200" [ "$(scode)" = 200 ]
	check "$_s: list: shows the user the server authenticated (REMOTE_USER)" \
		shas '<span class="user">admin</span>'
	check "$_s: list: links the stylesheet the server serves" \
		shas 'href="/ddns-admin/static/ddns.css"'
	check "$_s: list: security headers" shdr '^X-Frame-Options: DENY'

	# ---- create, as a browser on this page (its Origin) ----
	sauth "$URL?action=edit"
	_t=$(stok)
	check "$_s: create form has a token" [ -n "$_t" ]
	sauth -L -H "Origin: $BASE" --data-urlencode "csrf_token=$_t" \
		--data-urlencode "hostname=$_h" --data-urlencode 'description=home' \
		--data-urlencode 'login=arthur' --data-urlencode "password=$_pw" \
		--data-urlencode 'provider=dyn' --data-urlencode 'mx=' \
		--data-urlencode 'server=' --data-urlencode 'protocol=' \
		--data-urlencode 'zone=' "$URL?action=save"
	check "$_s: create: 303" grep -q '^HTTP/[0-9.]* 303' "$T/h"
	check "$_s: create: followed to the list (200)" [ "$(scode)" = 200 ]
	check "$_s: create: the list shows the host" \
		shost "$_h"
	check "$_s: create: the list says saved" shas 'Saved.'
	check "$_s: create: ddns-apply ran (the list says ddclient is not running)" \
		shas 'ddclient is not running'
	check "$_s: create: config has the host" sconf_has "$_h"
	check "$_s: create: config has the password as typed" \
		sconf_has "password='$_pw', \\"
	_id=$(sql "select id from hosts where hostname='$_h'")
	check "$_s: create: one row" [ -n "$_id" ]

	# ---- modify, password left empty ----
	sauth "$URL?action=edit&id=$_id"
	check "$_s: modify form: 200, holds the description" shas 'value="home"'
	_t=$(stok) _v=$(sver)
	sauth -L -H "Origin: $BASE" --data-urlencode "csrf_token=$_t" \
		--data-urlencode "id=$_id" --data-urlencode "version=$_v" \
		--data-urlencode "hostname=$_h" \
		--data-urlencode 'description=office' --data-urlencode 'login=arthur2' \
		--data-urlencode 'password=' --data-urlencode 'provider=dyn' \
		--data-urlencode 'mx=' --data-urlencode 'server=' \
		--data-urlencode 'protocol=' --data-urlencode 'zone=' "$URL?action=save"
	check "$_s: modify: 303 then the list" \
		sh -c "grep -q '^HTTP/[0-9.]* 303' '$T/h' && [ \"\$(cat '$T/code')\" = 200 ]"
	check "$_s: modify: the list shows the new description" shas '">office</td>'
	check "$_s: modify: config has the new login" sconf_has 'login=arthur2, \'
	check "$_s: modify: config kept the password" sconf_has "password='$_pw', \\"

	# ---- the Origin check with what this server passes ----
	spost "evil-$_h" http://evil.example
	check "$_s: cross-site POST (Origin http://evil.example): 403" [ "$(scode)" = 403 ]
	check "$_s: cross-site POST: not stored" [ "$(hosts_named "evil-$_h")" = 0 ]
	spost "rebind-$_h" "http://evil.example:${BASE##*:}" -H "Host: evil.example:${BASE##*:}"
	check "$_s: DNS rebinding (Host and Origin evil.example, this port): 403" \
		[ "$(scode)" = 403 ]
	check "$_s: DNS rebinding: not stored" [ "$(hosts_named "rebind-$_h")" = 0 ]
	spost "other-$_h" "${BASE%:*}:$((${BASE##*:} + 1))"
	check "$_s: Origin of another port: 403" [ "$(scode)" = 403 ]
	case $BASE in
	https:*) _other="http:${BASE#https:}" ;;
	*) _other="https:${BASE#http:}" ;;
	esac
	spost "scheme-$_h" "$_other"
	check "$_s: Origin of the other scheme ($_other): 403" [ "$(scode)" = 403 ]
	spost "noport-$_h" "$BASE" -H "Host: 127.0.0.1"
	check "$_s: Host without the port, Origin $BASE: 303" [ "$(scode)" = 303 ]
	check "$_s: Host without the port: stored" [ "$(hosts_named "noport-$_h")" = 1 ]
	spost "curl-$_h" ''
	check "$_s: no Origin (a script with the token): 303" [ "$(scode)" = 303 ]

	# ---- delete ----
	sauth "$URL?action=delete&id=$_id"
	check "$_s: delete confirmation names the host" shas "$_h"
	_t=$(stok) _v=$(sver)
	sauth -L -H "Origin: $BASE" --data-urlencode "csrf_token=$_t" \
		--data-urlencode "id=$_id" --data-urlencode "version=$_v" \
		"$URL?action=delete"
	check "$_s: delete: 303 then the list" \
		sh -c "grep -q '^HTTP/[0-9.]* 303' '$T/h' && [ \"\$(cat '$T/code')\" = 200 ]"
	check "$_s: delete: the list no longer shows it" sh -c "! { $(command -v grep) -o '<td class=\"hostname\"[^>]*>.*</td>' '$T/b' | sed 's/<[^>]*>//g' | grep -qxF '$_h'; }"
	check "$_s: delete: config no longer has the host" \
		sh -c "! grep -qxF '$_h' '$T/ddclient.conf'"
	check "$_s: delete: config no longer has its password" \
		sh -c "! grep -qF \"P4ss'w#rd \\\"$_s\" '$T/ddclient.conf'"
}
