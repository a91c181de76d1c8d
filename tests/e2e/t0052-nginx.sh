#!/bin/sh
# t0052-nginx: the package's nginx snippet (conf/nginx.conf, which
# includes Debian's /etc/nginx/fastcgi_params as it is: HTTP_HOST is
# $host, without the port) in a server block of nginx, the CGI run by
# fcgiwrap as www-data, on a free port, over HTTP and HTTPS (a certificate
# made here): 401 without credentials, the static files, create, modify,
# delete, the config following, cross-site POSTs refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

stage_install
make_cert
P=$(free_port)
PS=$(free_port)
mkdir -p "$T/docroot" "$T/nginx-tmp"
dropin nginx.conf > "$T/ddns-admin.snippet"
cat > "$T/nginx.conf" <<CONF
user www-data;
worker_processes 1;
pid $T/nginx.pid;
error_log $T/nginx-error.log;
daemon off;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path $T/nginx-tmp/body;
	fastcgi_temp_path $T/nginx-tmp/fastcgi;
	proxy_temp_path $T/nginx-tmp/proxy;
	uwsgi_temp_path $T/nginx-tmp/uwsgi;
	scgi_temp_path $T/nginx-tmp/scgi;
	server {
		listen 127.0.0.1:$P;
		listen 127.0.0.1:$PS ssl;
		ssl_certificate $T/cert.pem;
		ssl_certificate_key $T/key.pem;
		server_name _;
		root $T/docroot;
		include $T/ddns-admin.snippet;
	}
}
CONF
check "the snippet includes Debian's fastcgi_params" \
	grep -qF 'include /etc/nginx/fastcgi_params;' "$T/ddns-admin.snippet"
setpriv --reuid=www-data --regid=www-data --clear-groups \
	fcgiwrap -s "unix:$T/fcgiwrap.sock" > "$T/fcgiwrap.out" 2>&1 &
cleanup_pid $!
wait_for 100 test -S "$T/fcgiwrap.sock"
check "fcgiwrap listens on its socket (as www-data)" \
	[ "$(stat -c %U "$T/fcgiwrap.sock" 2> /dev/null)" = www-data ]
if ! nginx -t -e "$T/nginx-error.log" -c "$T/nginx.conf" > "$T/nginx.test" 2>&1; then
	not_ok "nginx accepts the configuration with the snippet"
	sed 's/^/# /' "$T/nginx.test"
	done_testing
	exit 1
fi
nginx -e "$T/nginx-error.log" -c "$T/nginx.conf" > "$T/nginx.out" 2>&1 &
pid=$!
cleanup_pid $pid
check "nginx starts on 127.0.0.1:$P and :$PS" wait_listen "http://127.0.0.1:$P/" $pid

BASE="http://127.0.0.1:$P" URL="http://127.0.0.1:$P/ddns-admin/ddns.cgi"
STATIC="http://127.0.0.1:$P/ddns-admin/static"
sauth "$BASE/ddns-admin/"
check "nginx: /ddns-admin/ redirects to the page" shdr '^Location: .*/ddns-admin/ddns.cgi'
server_suite nginx
BASE="https://127.0.0.1:$PS" URL="https://127.0.0.1:$PS/ddns-admin/ddns.cgi"
STATIC="https://127.0.0.1:$PS/ddns-admin/static"
CURLX="--cacert $T/cert.pem"
server_suite nginx-https
CURLX=
done_testing
