#!/bin/sh
# t0005-origin: a browser's POST is accepted only from a page of this
# site, judged against names the server knows (SERVER_ADDR and SERVER_PORT,
# and page_hosts), never against the Host header the client sent: a DNS
# rebinding page (Host: evil.example, Origin: http://evil.example) is
# refused, and the page keeps working behind Debian's nginx (Host without
# its port, SERVER_NAME "_"), lighttpd and Apache, on any port, with and
# without TLS. Each POST is a create: accepted = 303 and the host stored;
# refused = 403 and nothing stored.
. "$(dirname "$0")/lib.sh"
make_instance

n=0
# post WANT "what" VAR=VALUE...: a create of a fresh host with the CGI
# environment VAR=VALUE... (no spaces in values), expecting WANT (accept
# or refuse).
post() {
	_want=$1 _what=$2
	shift 2
	n=$((n + 1))
	_h="o$n.example.com"
	cgi GET 'action=edit'
	_b=$(form_body csrf_token "$(token)" hostname "$_h" description d \
		login l password p provider dyn mx '' server '' protocol '' zone '')
	EXTRA_ENV="$*" cgi POST 'action=save' "$_b"
	_st=$(status)
	_rows=$(sql "select count(*) from hosts where hostname='$_h'")
	if [ "$_want" = accept ]; then
		check "$_what: accepted (303)" [ "$_st" = 303 ]
		check "$_what: stored" [ "$_rows" = 1 ]
	else
		check "$_what: refused (403)" [ "$_st" = 403 ]
		check "$_what: says another site" \
			sh -c "grep -F 'id=\"error-message\"' '$T/out' | grep -qF 'another site'"
		check "$_what: nothing stored" [ "$_rows" = 0 ]
	fi
}

# ---- the default rule: the Origin's host is SERVER_ADDR, its port SERVER_PORT ----
post refuse "DNS rebinding: Host and Origin both evil.example" \
	HTTP_HOST=evil.example HTTP_ORIGIN=http://evil.example \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post refuse "DNS rebinding on port 8080, SERVER_NAME the client's" \
	HTTP_HOST=evil.example:8080 SERVER_NAME=evil.example \
	HTTP_ORIGIN=http://evil.example:8080 SERVER_ADDR=192.0.2.1 SERVER_PORT=8080
post refuse "DNS rebinding, Referer only" \
	HTTP_HOST=evil.example HTTP_REFERER=http://evil.example/cgi-bin/ddns.cgi \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "Origin of SERVER_ADDR on port 80" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=http://192.0.2.1 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "Origin of SERVER_ADDR:8080 behind nginx (Host without port, SERVER_NAME _)" \
	HTTP_HOST=192.0.2.1 SERVER_NAME=_ HTTP_ORIGIN=http://192.0.2.1:8080 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=8080
post accept "Referer of SERVER_ADDR:8080" \
	HTTP_HOST=192.0.2.1:8080 SERVER_ADDR=192.0.2.1 SERVER_PORT=8080 \
	'HTTP_REFERER=http://192.0.2.1:8080/cgi-bin/ddns.cgi?action=edit'
post refuse "port mismatch: Origin :9090, served on 8080" \
	HTTP_HOST=192.0.2.1:8080 HTTP_ORIGIN=http://192.0.2.1:9090 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=8080
post refuse "port mismatch: Origin without port (80), served on 8080" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=http://192.0.2.1 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=8080
post refuse "Referer with another port" \
	HTTP_HOST=192.0.2.1:8080 HTTP_REFERER=http://192.0.2.1:8081/ \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=8080
post refuse "Origin of another address" \
	HTTP_HOST=192.0.2.2 HTTP_ORIGIN=http://192.0.2.2 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "IPv6: Origin [::1]:8080, SERVER_ADDR ::1" \
	'HTTP_HOST=[::1]:8080' 'HTTP_ORIGIN=http://[::1]:8080' \
	SERVER_ADDR=::1 SERVER_PORT=8080
post accept "IPv6 behind nginx: Host [::1] without port" \
	'HTTP_HOST=[::1]' 'HTTP_ORIGIN=http://[::1]:8080' \
	SERVER_ADDR=::1 SERVER_PORT=8080
post refuse "IPv6: Origin [::2], SERVER_ADDR ::1" \
	'HTTP_HOST=[::2]:8080' 'HTTP_ORIGIN=http://[::2]:8080' \
	SERVER_ADDR=::1 SERVER_PORT=8080
post refuse "IPv6: port mismatch" \
	'HTTP_HOST=[::1]:8080' 'HTTP_ORIGIN=http://[::1]:8081' \
	SERVER_ADDR=::1 SERVER_PORT=8080
post accept "IPv4 on a dual-stack socket: SERVER_ADDR ::ffff:192.0.2.1" \
	HTTP_HOST=192.0.2.1:8080 HTTP_ORIGIN=http://192.0.2.1:8080 \
	SERVER_ADDR=::ffff:192.0.2.1 SERVER_PORT=8080
post accept "https: Origin without port (443), HTTPS=on" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=https://192.0.2.1 HTTPS=on \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=443
post accept "https on 8443 behind nginx (Host without port)" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=https://192.0.2.1:8443 HTTPS=on \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=8443
post refuse "https page, Origin http:" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=http://192.0.2.1 HTTPS=on \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=443
post refuse "https: DNS rebinding" \
	HTTP_HOST=evil.example HTTP_ORIGIN=https://evil.example HTTPS=on \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=443
post refuse "no SERVER_ADDR: nothing to compare with" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=http://192.0.2.1 SERVER_ADDR= SERVER_PORT=80
post refuse "Origin null" HTTP_ORIGIN=null SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post refuse "Referer with user info (192.0.2.1@evil.example)" \
	HTTP_REFERER=http://192.0.2.1@evil.example/ SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "neither Origin nor Referer (curl, scripts): left to the token" \
	HTTP_HOST=evil.example SERVER_ADDR=192.0.2.1 SERVER_PORT=80

# ---- page_hosts: the names (and ports) the page is served under ----
make_instance 'page_hosts=router.example.net ddns.lan:8443 [fd00::1]'
post accept "page_hosts: Origin of a listed name on SERVER_PORT" \
	HTTP_HOST=router.example.net HTTP_ORIGIN=http://router.example.net \
	SERVER_NAME=_ SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "page_hosts: Referer of a listed name" \
	HTTP_HOST=router.example.net SERVER_ADDR=192.0.2.1 SERVER_PORT=80 \
	'HTTP_REFERER=http://router.example.net/cgi-bin/ddns.cgi?action=edit'
post accept "page_hosts: listed name:8443 (forwarded to 443), https, nginx Host" \
	HTTP_HOST=ddns.lan HTTP_ORIGIN=https://ddns.lan:8443 HTTPS=on \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=443
post refuse "page_hosts: listed name:8443, Origin on 443" \
	HTTP_HOST=ddns.lan HTTP_ORIGIN=https://ddns.lan HTTPS=on \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=443
post refuse "page_hosts: listed name without port, Origin on another port" \
	HTTP_HOST=router.example.net:8080 HTTP_ORIGIN=http://router.example.net:8080 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "page_hosts: listed IPv6 literal" \
	'HTTP_HOST=[fd00::1]' 'HTTP_ORIGIN=http://[fd00::1]' \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post accept "page_hosts: SERVER_ADDR still accepted" \
	HTTP_HOST=192.0.2.1 HTTP_ORIGIN=http://192.0.2.1 \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post refuse "page_hosts: DNS rebinding" \
	HTTP_HOST=evil.example HTTP_ORIGIN=http://evil.example \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post refuse "page_hosts: look-alike (a listed name as a prefix)" \
	HTTP_HOST=router.example.net.evil.example \
	HTTP_ORIGIN=http://router.example.net.evil.example \
	SERVER_ADDR=192.0.2.1 SERVER_PORT=80
post refuse "page_hosts: look-alike Referer (a listed name as a prefix)" \
	HTTP_HOST=router.example.net.evil.example SERVER_ADDR=192.0.2.1 \
	SERVER_PORT=80 HTTP_REFERER=http://router.example.net.evil.example/
done_testing
