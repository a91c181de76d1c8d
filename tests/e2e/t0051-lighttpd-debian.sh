#!/bin/sh
# t0051-lighttpd-debian: the package's lighttpd drop-in (conf/lighttpd.conf)
# in Debian's own /etc/lighttpd/lighttpd.conf (only its port, address and
# file paths changed, which Debian allows nowhere else), on a free port,
# over HTTP and HTTPS (a certificate made here, mod_openssl): 401 without
# credentials, the static files, create, modify, delete, the config
# following, cross-site POSTs refused. The CGI runs as www-data.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

stage_install
make_cert
P=$(free_port)
PS=$(free_port)
mkdir -p "$T/docroot"
dropin lighttpd.conf > "$T/50-ddns-admin.conf"
# Debian's file, as it is but for what can only be set there.
sed -e "s|^server.port .*|server.port = $P\nserver.bind = \"127.0.0.1\"|" \
    -e "s|^server.document-root .*|server.document-root = \"$T/docroot\"|" \
    -e "s|^server.upload-dirs .*|server.upload-dirs = ( \"$T\" )|" \
    -e "s|^server.errorlog .*|server.errorlog = \"$T/lighttpd-error.log\"|" \
    -e "s|^server.pid-file .*|server.pid-file = \"$T/lighttpd.pid\"|" \
    -e '/use-ipv6.pl/d' \
    -e "s|^include \"/etc/lighttpd/conf-enabled/\*.conf\"|include \"$T/50-ddns-admin.conf\"\ninclude \"$T/ssl.conf\"|" \
    /etc/lighttpd/lighttpd.conf > "$T/lighttpd.conf"
cat > "$T/ssl.conf" <<CONF
server.modules += ( "mod_openssl" )
\$SERVER["socket"] == "127.0.0.1:$PS" {
	ssl.engine = "enable"
	ssl.pemfile = "$T/both.pem"
}
CONF
check "Debian's lighttpd.conf includes the drop-in" \
	grep -qF "include \"$T/50-ddns-admin.conf\"" "$T/lighttpd.conf"
if ! lighttpd -tt -f "$T/lighttpd.conf" > "$T/lighttpd.test" 2>&1; then
	not_ok "lighttpd accepts Debian's configuration with the drop-in"
	sed 's/^/# /' "$T/lighttpd.test"
	done_testing
	exit 1
fi
check "lighttpd loads it without a warning" sh -c "! grep -qi warn '$T/lighttpd.test'"
lighttpd -D -f "$T/lighttpd.conf" > "$T/lighttpd.out" 2>&1 &
pid=$!
cleanup_pid $pid
check "lighttpd starts on 127.0.0.1:$P and :$PS" wait_listen "http://127.0.0.1:$P/" $pid

BASE="http://127.0.0.1:$P" URL="http://127.0.0.1:$P/ddns-admin/ddns.cgi"
STATIC="http://127.0.0.1:$P/ddns-admin/static"
sauth "$BASE/ddns-admin/"
check "lighttpd: /ddns-admin/ redirects to the page" shdr '^Location: .*/ddns-admin/ddns.cgi'
sauth "$BASE/cgi-bin/ddns.cgi"
check "lighttpd: nothing under /cgi-bin/ (10-cgi stays off): 404" [ "$(scode)" = 404 ]
server_suite lighttpd
BASE="https://127.0.0.1:$PS" URL="https://127.0.0.1:$PS/ddns-admin/ddns.cgi"
STATIC="https://127.0.0.1:$PS/ddns-admin/static"
CURLX="--cacert $T/cert.pem"
server_suite lighttpd-https
CURLX=
done_testing
