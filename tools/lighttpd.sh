#!/bin/sh
# lighttpd.sh: serve ddns-admin with a private lighttpd on 127.0.0.1.
#   tools/lighttpd.sh start DIR PORT MODULE_CONF   (DIR/htpasswd must exist)
#   tools/lighttpd.sh stop DIR
# The page is at http://127.0.0.1:PORT/ (basic authentication, users from
# DIR/htpasswd); static files under /static/. Used by `make run` and tests.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR [PORT CONF]" >&2; exit 2; }

case "$cmd" in
start)
	port=$3 conf=$4
	build=${BUILD:-build}
	case "$build" in /*) ;; *) build=$TOP/$build ;; esac
	cat > "$dir/lighttpd.conf" <<CONF
server.modules = ( "mod_access", "mod_alias", "mod_auth", "mod_authn_file",
                   "mod_cgi", "mod_setenv", "mod_redirect" )
server.bind = "127.0.0.1"
server.port = $port
server.document-root = "$TOP/www"
server.errorlog = "$dir/lighttpd.log"
server.breakagelog = "$dir/cgi-stderr.log"
# README, Security: bodies over 64 KiB are refused before the CGI runs.
server.max-request-size = 64
mimetype.assign = ( ".css" => "text/css; charset=utf-8",
                    ".js" => "text/javascript; charset=utf-8" )
url.redirect = ( "^/$" => "/cgi-bin/ddns.cgi" )
alias.url = ( "/cgi-bin/ddns.cgi" => "$build/ddns.cgi",
              "/static/" => "$TOP/www/" )
\$HTTP["url"] == "/cgi-bin/ddns.cgi" { cgi.assign = ( "" => "" ) }
setenv.add-environment = ( "DDNS_ADMIN_CONFIG" => "$conf" )
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "$dir/htpasswd"
auth.require = ( "/" => ( "method" => "basic", "realm" => "ddns-admin",
                          "require" => "valid-user" ) )
CONF
	lighttpd -tt -f "$dir/lighttpd.conf" >/dev/null
	lighttpd -D -f "$dir/lighttpd.conf" > "$dir/lighttpd.out" 2>&1 &
	echo $! > "$dir/lighttpd.pid"
	i=0
	until curl -s -o /dev/null "http://127.0.0.1:$port/static/ddns.css" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$(cat "$dir/lighttpd.pid")" 2>/dev/null; then
			echo "lighttpd did not start; see $dir/lighttpd.out" >&2
			cat "$dir/lighttpd.out" >&2
			exit 1
		fi
		sleep 0.05
	done
	;;
stop)
	if [ -f "$dir/lighttpd.pid" ]; then
		kill "$(cat "$dir/lighttpd.pid")" 2>/dev/null || true
		rm -f "$dir/lighttpd.pid"
	fi
	;;
*)
	echo "usage: $0 start|stop DIR [PORT CONF]" >&2; exit 2 ;;
esac
