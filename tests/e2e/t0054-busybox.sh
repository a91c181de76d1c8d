#!/bin/sh
# t0054-busybox: the CGI behind busybox httpd (its own basic
# authentication, from httpd.conf), run as www-data, on a free port: 401
# without credentials, the static files, create, modify, delete, the
# config following, cross-site POSTs refused. busybox passes neither
# SERVER_ADDR nor SERVER_PORT, so the Origin check has nothing to compare
# with until page_hosts names the page's host and port: checked both ways.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

stage_install
P=$(free_port)
R=$T/bbroot
mkdir -p "$R/cgi-bin" "$R/ddns-admin/static"
cp "$S/lib/ddns.cgi" "$R/cgi-bin/ddns.cgi"
cp "$S"/share/www/* "$R/ddns-admin/static/"
# -stdin: a password may begin with "-" (token_urlsafe), which
# openssl would take for an option.
h=$(printf %s "$apw" | openssl passwd -1 -stdin)
cat > "$T/httpd.conf" <<CONF
/cgi-bin:admin:$h
/ddns-admin:admin:$h
.css:text/css; charset=utf-8
.js:text/javascript; charset=utf-8
CONF
chown -R www-data:www-data "$R" "$T/httpd.conf"
DDNS_ADMIN_CONFIG="$T/ddns-admin.conf" busybox httpd -f -p "127.0.0.1:$P" \
	-h "$R" -c "$T/httpd.conf" -u www-data:www-data > "$T/httpd.out" 2>&1 &
pid=$!
cleanup_pid $pid
check "busybox httpd starts on 127.0.0.1:$P" wait_listen "http://127.0.0.1:$P/" $pid

BASE="http://127.0.0.1:$P" URL="http://127.0.0.1:$P/cgi-bin/ddns.cgi"
STATIC="http://127.0.0.1:$P/ddns-admin/static"
# Without page_hosts: no SERVER_ADDR, so a browser's POST is refused.
spost first.example.com "$BASE"
check "busybox, no page_hosts: a POST with the page's Origin is refused (403)" \
	[ "$(scode)" = 403 ]
check "busybox, no page_hosts: the page says another site" shas 'another site'
check "busybox, no page_hosts: not stored" [ "$(hosts_named first.example.com)" = 0 ]

# The module configuration names the page's host and port.
echo "page_hosts = 127.0.0.1:$P" >> "$T/ddns-admin.conf"
server_suite busybox
done_testing
