#!/bin/sh
# instance-conf.sh DIR [key=value ...]: print the module configuration of a
# private instance whose files all live in DIR (the database, ddclient's
# configuration, cache and pid file, DIR/state and DIR/apply), with the static files
# at /static/ as tools/lighttpd.sh serves them. Each key=value replaces the
# default of its key or adds the key. Used by `make run`, the tests and
# the benchmark; BUILD names the build directory (default build).
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
shift
build=${BUILD:-build}
case "$build" in /*) ;; *) build=$TOP/$build ;; esac
{
	echo "database=$dir/ddns.db"
	echo "ddclient_conf=$dir/ddclient.conf"
	echo "ddclient_pid=$dir/ddclient.pid"
	echo "ddclient_cache=$dir/ddclient.cache"
	echo "templates=$TOP/templates"
	echo "apply=$build/ddns-apply"
	echo "checkip=$build/ddns-checkip"
	echo "dnscheck=$build/ddns-dnscheck"
	# No real DNS lookups from a test: one that wants DNS sets dns_check
	# (and dns_stub, its own named), as t0038 does.
	echo "dns_check=off"
	echo "state_dir=$dir/state"
	echo "apply_dir=$dir/apply"
	echo "require_auth=yes"
	echo "static_url=/static/"
	for kv in "$@"; do echo "$kv"; done
} | awk '{
	k = $0; sub(/=.*/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", k)
	v = $0; sub(/^[^=]*=[ \t]*/, "", v)
	if (!(k in val)) order[n++] = k
	val[k] = v
} END { for (i = 0; i < n; i++) print order[i] " = " val[order[i]] }'
