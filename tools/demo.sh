#!/bin/sh
# demo.sh: a working demo instance under run/: `make run` / `make stop`.
#   tools/demo.sh start    (PORT=8080 by default)
#   tools/demo.sh stop
# lighttpd on 127.0.0.1 serves the page behind basic authentication (user
# admin, password generated on first run); ddclient runs as a daemon on the
# configuration the page writes; a fake provider and check servers on
# 127.0.0.1 (PORT+1, PORT+2, and PORT+3 over HTTPS for ddclient) stand in
# for the Internet (README, "The demo").
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
R=$TOP/run
PORT=${PORT:-8080}

stop_pidfile() {
	if [ -f "$1" ]; then
		kill "$(cat "$1")" 2>/dev/null || true
		rm -f "$1"
	fi
}

stop() {
	"$TOP/tools/lighttpd.sh" stop "$R"
	stop_pidfile "$R/ddclient.pid"
	stop_pidfile "$R/fake.pid"
	stop_pidfile "$R/checkip.pid"
	stop_pidfile "$R/checkips.pid"
}

# examples PORT: a new database with three hosts at the fake provider
# (127.0.0.1:PORT), so that a first look shows what the page says: one it
# takes (up to date), one whose password it refuses (the provider's
# answer in words), one disabled.
examples() {
	sqlite3 "$R/ddns.db" < "$TOP/schema.sql"
	sqlite3 "$R/ddns.db" "INSERT INTO hosts (hostname, description, login,
		password, provider, server, protocol, enabled, created, updated) VALUES
		('home.example.com', 'Example: the fake provider takes it', 'demo',
		 'secret', 'custom', '127.0.0.1:$1', 'dyndns2', 1, 1, 1),
		('office.example.com', 'Example: a wrong password', 'demo',
		 'wrong', 'custom', '127.0.0.1:$1', 'dyndns2', 1, 1, 1),
		('old.example.com', 'Example: kept here, not updated', 'demo',
		 'secret', 'custom', '127.0.0.1:$1', 'dyndns2', 0, 1, 1)"
	printf '{"passwords": {"office.example.com": "secret"}}\n' > "$R/provider.ctl"
}

port_free() {
	python3 -c 'import socket, sys; s = socket.socket()
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) else 1)' "$1"
}

start() {
	umask 077
	mkdir -p "$R/state"
	stop
	# The page on PORT; the fake provider and check server on the next two,
	# fixed so that hosts saved against the fake provider keep working.
	fport=$((PORT + 1)) cport=$((PORT + 2)) sport=$((PORT + 3))
	for p in "$PORT" "$fport" "$cport" "$sport"; do
		if ! port_free "$p"; then
			echo "Port $p on 127.0.0.1 is in use: run 'make run PORT=<another>'" \
			    "(the demo uses PORT to PORT+3)." >&2
			exit 1
		fi
	done
	# A CA of the demo's own, made once, and a certificate for 127.0.0.1
	# signed by it: the fake provider speaks HTTPS as real ones do, and
	# the demo's ddclient (ssl on) trusts that CA alone.
	[ -s "$R/ca/ca.pem" ] ||
		"$TOP/tools/make-ca.sh" "$R/ca" 3650 "ddns-admin demo CA"
	# A fake dyndns2 provider, and a fake check server for the public address.
	rm -f "$R/provider.port" "$R/checkip.port" "$R/checkips.port"
	python3 "$TOP/tests/tools/fake_provider.py" provider --port "$fport" \
		--port-file "$R/provider.port" --log "$R/provider.log" \
		--control "$R/provider.ctl" --cert "$R/ca/server.pem" --key "$R/ca/server.key" > "$R/fake.out" 2>&1 &
	echo $! > "$R/fake.pid"
	python3 "$TOP/tests/tools/fake_provider.py" checkip --port "$cport" \
		--port-file "$R/checkip.port" > "$R/checkip.out" 2>&1 &
	echo $! > "$R/checkip.pid"
	# the same over HTTPS for ddclient, whose ssl setting applies to its
	# address check too
	python3 "$TOP/tests/tools/fake_provider.py" checkip --port "$sport" \
		--port-file "$R/checkips.port" --cert "$R/ca/server.pem" \
		--key "$R/ca/server.key" > "$R/checkips.out" 2>&1 &
	echo $! > "$R/checkips.pid"
	i=0
	until [ -s "$R/provider.port" ] && [ -s "$R/checkip.port" ] && [ -s "$R/checkips.port" ]; do
		i=$((i + 1)); [ $i -gt 100 ] && { echo "fake servers did not start" >&2; exit 1; }
		sleep 0.05
	done
	"$TOP/tools/instance-conf.sh" "$R" \
		checkip_url="http://127.0.0.1:$cport/addr" \
		checkip6_url="http://[::1]:$cport/addr" checkip_interval=60 \
		ddclient_use="web, web=https://127.0.0.1:$sport/addr" \
		ddclient_ssl=yes ddclient_daemon=60 page_hosts=localhost \
		nsupdate_keydir="$R/keys" \
		> "$R/ddns-admin.conf"
	[ -f "$R/ddns.db" ] || examples "$fport"
	if [ ! -f "$R/admin-password" ]; then
		head -c 12 /dev/urandom | base64 | tr -d '/+=' > "$R/admin-password"
		htpasswd -bcB "$R/htpasswd" admin "$(cat "$R/admin-password")" 2>/dev/null
	fi
	# ddclient's configuration as the page would write it, then the daemon.
	"$TOP/build/ddns-migrate" -c "$R/ddns-admin.conf" --message |
	    "$TOP/build/ddns-apply" -c "$R/ddns-admin.conf" --message 2>/dev/null || true
	ddclient -daemon=60 -file "$R/ddclient.conf" -cache "$R/ddclient.cache" \
		-pid "$R/ddclient.pid" -ssl_ca_file="$R/ca/ca.pem" -syslog 2>/dev/null || true
	"$TOP/tools/lighttpd.sh" start "$R" "$PORT" "$R/ddns-admin.conf"
	cat <<MSG

ddns-admin demo is running.
  URL:       http://127.0.0.1:$PORT/
  Login:     admin
  Password:  $(cat "$R/admin-password")
  Stop with: make stop

ddclient runs as a daemon on $R/ddclient.conf. Hosts at real providers
are contacted for real. To watch a host turn "up to date" without the
Internet, create it with Provider "Custom", Server 127.0.0.1:$fport and
Protocol dyndns2: a fake provider answers there ($R/provider.log).
MSG
}

case "${1:-}" in
start) start ;;
stop) stop; echo "ddns-admin demo stopped." ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
