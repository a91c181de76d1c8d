#!/bin/sh
# t0053-apache: the package's Apache drop-in (conf/apache2.conf) in an
# Apache 2.4 made of Debian's own module files (mods-available: mpm_event,
# cgid, the basic authentication modules, mime, alias, env, ssl), the CGI
# run by mod_cgid as www-data, on a free port, over HTTP and HTTPS (a
# certificate made here): 401 without credentials, the static files,
# create, modify, delete, the config following, cross-site POSTs refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

stage_install
make_cert
P=$(free_port)
PS=$(free_port)
mkdir -p "$T/run/socks" "$T/docroot"
chown www-data "$T/run/socks"
dropin apache2.conf > "$T/ddns-admin-apache.conf"
M=/etc/apache2/mods-available
{
	echo "Define APACHE_RUN_DIR $T/run"
	echo "ServerRoot /etc/apache2"
	echo "DefaultRuntimeDir $T/run"
	echo "PidFile $T/apache.pid"
	echo "ErrorLog $T/apache-error.log"
	echo "LogLevel warn"
	echo "Mutex file:$T/run default"
	echo "User www-data"
	echo "Group www-data"
	echo "ServerName 127.0.0.1"
	echo "Listen 127.0.0.1:$P"
	echo "Listen 127.0.0.1:$PS"
	echo "DocumentRoot $T/docroot"
	for m in mpm_event authz_core authz_host authz_user authn_core authn_file \
	    auth_basic alias mime env setenvif socache_shmcb ssl cgid; do
		echo "Include $M/$m.load"
		[ -f "$M/$m.conf" ] && [ "$m" != alias ] && echo "Include $M/$m.conf"
	done
	echo "Include $T/ddns-admin-apache.conf"
	echo "<VirtualHost 127.0.0.1:$PS>"
	echo "	SSLEngine on"
	echo "	SSLCertificateFile $T/cert.pem"
	echo "	SSLCertificateKeyFile $T/key.pem"
	echo "</VirtualHost>"
} > "$T/apache.conf"
if ! apache2 -t -f "$T/apache.conf" > "$T/apache.test" 2>&1; then
	not_ok "Apache accepts the configuration with the drop-in"
# Issue 18: the page's directive is the page's, not the whole server's.
check "the drop-in sets UseCanonicalPhysicalPort inside its <Location> only" \
	awk '/^<Location \/ddns-admin\/>/ { in_loc = 1 } /^<\/Location>/ { in_loc = 0 }
	    /UseCanonicalPhysicalPort/ { n++; if (!in_loc) bad = 1 }
	    END { exit !(n == 1 && !bad) }' "$TOP/conf/apache2.conf"
	sed 's/^/# /' "$T/apache.test"
	done_testing
	exit 1
fi
ok "Apache accepts the configuration with the drop-in"
# Issue 18: the page's directive is the page's, not the whole server's.
check "the drop-in sets UseCanonicalPhysicalPort inside its <Location> only" \
	awk '/^<Location \/ddns-admin\/>/ { in_loc = 1 } /^<\/Location>/ { in_loc = 0 }
	    /UseCanonicalPhysicalPort/ { n++; if (!in_loc) bad = 1 }
	    END { exit !(n == 1 && !bad) }' "$TOP/conf/apache2.conf"
apache2 -f "$T/apache.conf" -DFOREGROUND > "$T/apache.out" 2>&1 &
pid=$!
cleanup_pid $pid
check "Apache starts on 127.0.0.1:$P and :$PS" wait_listen "http://127.0.0.1:$P/" $pid

BASE="http://127.0.0.1:$P" URL="http://127.0.0.1:$P/ddns-admin/ddns.cgi"
STATIC="http://127.0.0.1:$P/ddns-admin/static"
sauth "$BASE/ddns-admin/"
check "Apache: /ddns-admin/ redirects to the page" shdr '^Location: .*/ddns-admin/ddns.cgi'
server_suite apache
BASE="https://127.0.0.1:$PS" URL="https://127.0.0.1:$PS/ddns-admin/ddns.cgi"
STATIC="https://127.0.0.1:$PS/ddns-admin/static"
CURLX="--cacert $T/cert.pem"
server_suite apache-https
CURLX=
done_testing
