#!/bin/sh
# t0004-hostile: a hostile value in any field (newlines, use=cmd, cmd=...,
# NUL, quotes, comment marks) never reaches ddclient's config as anything
# but the plain value: each one is POSTed through the real CGI; the config
# keeps its shape (one use= line, the integrator's; no cmd=; every option
# value escaped; one host line per stored host); a refused value changes
# nothing; an accepted one is read back by the real ddclient, which sees
# exactly the stored hosts with exactly the typed login and password, and
# runs no command.
. "$(dirname "$0")/lib.sh"
make_instance 'ddclient_use = ip, ip=203.0.113.7'
need_ddclient

NL='
'
CR=$(printf '\r')
PWNED="$T/pwned"

# hostile N: the Nth hostile value (raw); "NUL" means a raw %00 in the body.
NVALUES=16
hostile() {
	case $1 in
	1) printf 'x\nuse=cmd, cmd=touch %s' "$PWNED" ;;
	2) printf 'use=cmd' ;;
	3) printf 'cmd=touch %s' "$PWNED" ;;
	4) printf 'a,cmd=x' ;;
	5) printf 'NUL' ;;
	6) printf 'a\rcmd=touch %s' "$PWNED" ;;
	7) printf 'a\\' ;;
	8) printf "' #" ;;
	9) printf 'password=evil' ;;
	10) printf 'host\nevil.example.com' ;;
	11) printf 'ssl=no' ;;
	12) printf '</script><script>alert(1)</script>' ;;
	13) printf "x', use=cmd, cmd='touch %s" "$PWNED" ;;
	14) printf 'a b, use=cmd cmd=touch\\ %s' "$PWNED" ;;
	15) printf 'x\\\nuse=cmd' ;;
	16) printf "x' server=127.0.0.2 password=y" ;;
	esac
}

# form FIELD VALUE HOST: a create of HOST (Custom, dyndns2 on 127.0.0.1:9,
# where -noexec can reach nothing) with FIELD set to VALUE. Zone is only
# taken by zone protocols, so the zone case uses cloudflare.
form() {
	_h=$3 _d=desc _l=user _p=pw _m= _s=127.0.0.1:9 _pc=dyndns2 _z=
	case $1 in
	hostname) _h=$2 ;; description) _d=$2 ;; login) _l=$2 ;;
	password) _p=$2 ;; mx) _m=$2 ;; server) _s=$2 ;; protocol) _pc=$2 ;;
	zone) _z=$2 _pc=cloudflare ;;
	esac
	# NUL cannot pass as an argument: a marker, then a raw %00.
	form_body csrf_token "$tok" hostname "$_h" description "$_d" \
		login "$_l" password "$_p" mx "$_m" provider custom \
		server "$_s" protocol "$_pc" zone "$_z" |
		sed 's/=NUL&/=%00\&/; s/=NUL$/=%00/'
}

cgi GET 'action=edit'
tok=$(token)
# A plain host first, so every case has a host block beside its own.
cgi POST 'action=save' "$(form description plain base.example.com)"
check "a plain Custom host is stored" [ "$(status)" = 303 ]
sed '/^$/q' "$T/ddclient.conf" > "$T/globals"
check "the globals carry the integrator's use= line" \
	grep -qx 'use=ip, ip=203.0.113.7' "$T/globals"

# conf_shape: the globals as written at first; then blocks of a blank
# line, options with escaped values (or password='...'), one host line.
conf_shape() {
	sed '/^$/q' "$T/ddclient.conf" | cmp -s - "$T/globals" || return 1
	sed -n '/^$/,$p' "$T/ddclient.conf" | awk '
	BEGIN { want = "blank" }
	want == "blank" { if ($0 != "") exit 1; want = "opt"; next }
	/^(protocol|server|login|zone|mx)=([A-Za-z0-9._:@\/-]|\\[^\r])+, \\$/ { next }
	/^password=\x27[^\r]*\x27, \\$/ { next }
	/^[a-z0-9][a-z0-9.-]*$/ { want = "blank"; hosts++; next }
	{ exit 1 }
	END { if (want != "blank") exit 1 }'
}
# One use= line (the globals'), and cmd= nowhere outside a password.
no_injection() {
	[ "$(grep -c '^[[:space:]]*use[[:space:]]*=' "$T/ddclient.conf")" = 1 ] &&
		! grep -v "^password='" "$T/ddclient.conf" | grep -q 'cmd[[:space:]]*='
}
host_lines() { sed -n '/^$/,$p' "$T/ddclient.conf" | grep -c '^[a-z0-9][a-z0-9.-]*$'; }
rows() { sql 'select count(*) from hosts where enabled = 1'; }
no_raw_script() { ! grep -qF '<script>alert(1)' "$T/out"; }

# ddclient_sees: one pass of ddclient ($DDCLIENT, either version:
# tests/tools/ddclient_sends.py) reading a 0600 copy of the last config,
# with no warning and no command run: it would update exactly the stored
# hosts; for each accepted case (a line "CASE<TAB>HOST<TAB>LOGIN<TAB>
# PASSWORD" of $T/accepted), a line "CASE<TAB>ok" or "CASE<TAB>why" in
# $T/seen: HOST at the typed server with LOGIN:PASSWORD. One pass, not one
# a case: the last config holds every accepted host, written from the
# same rows as each config before it.
ddclient_sees() {
	python3 "$TOP/tests/tools/ddclient_sends.py" "$T/ddclient.conf" "$T" \
		> "$T/dd.json" || return 1
	sql 'select hostname from hosts where enabled = 1' > "$T/db.hosts"
	python3 - "$T/dd.json" "$T/db.hosts" "$T/accepted" > "$T/seen" <<'EOF' || return 1
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
end, reqs = lines[-1], lines[:-1]
# ddclient updates hosts of the same account in one request: a,b,c.
got = sorted(x for r in reqs for x in r["hosts"])
want = sorted(open(sys.argv[2]).read().split())
for case in open(sys.argv[3], encoding="utf-8", errors="surrogateescape"):
    c, h, l, p = case.rstrip("\n").split("\t")
    mine = [r for r in reqs if h in r["hosts"]]
    if not mine or mine[0]["auth"] != l + ":" + p:
        why = "sends credentials [%s], expected [%s:%s]" % (mine and mine[0]["auth"], l, p)
    elif mine[0]["server"] != "127.0.0.1:9":
        why = "connects to [%s]" % mine[0]["server"]
    else:
        why = "ok"
    print("%s\t%s" % (c, why))
if got != want:
    sys.exit("# ddclient %s would update: %s" % (end["version"], " ".join(got)))
for w in end["warnings"]:
    print("# " + w, file=sys.stderr)
if end["warnings"]:
    sys.exit(1)
EOF
	[ ! -e "$PWNED" ]
}

accepted_pw=0 accepted_total=0 i=0
for field in hostname description login password mx server protocol zone; do
	v=1
	while [ $v -le $NVALUES ]; do
		i=$((i + 1))
		val=$(hostile $v)
		host="h$i.example.com"
		c="$field=#$v"
		before=$(rows)
		cp "$T/ddclient.conf" "$T/conf.before"
		cgi POST 'action=save' "$(form "$field" "$val" "$host")"
		st=$(status)
		case $val in
		*"$NL"* | *"$CR"* | NUL) ctl=1 ;;
		*) ctl= ;;
		esac
		if [ "$st" = 303 ]; then
			accepted_total=$((accepted_total + 1))
			[ "$field" = password ] && accepted_pw=$((accepted_pw + 1))
			check "$c: accepted: one more host line" \
				[ "$(host_lines)" = "$(rows)" -a "$(rows)" = $((before + 1)) ]
		else
			check "$c: refused with 400 or 422 ($st)" \
				[ "$st" = 422 -o "$st" = 400 ]
			check "$c: refused: config byte-for-byte unchanged" \
				cmp -s "$T/conf.before" "$T/ddclient.conf"
			check "$c: refused: no row added" [ "$(rows)" = "$before" ]
		fi
		case $field in
		hostname | mx | server | protocol | zone)
			check "$c: a $field holding it is refused" [ "$st" != 303 ] ;;
		esac
		if [ -n "$ctl" ]; then
			check "$c: a line break or NUL is refused" [ "$st" != 303 ]
		elif [ "$field" = password ]; then
			case $val in
			*[[:space:]]*password*=*)
				# ddclient's password pattern would split it
				# into settings of its own (commit 560dd5c).
				check "$c: a blank then password...= is refused" [ "$st" != 303 ] ;;
			*)
				# ddclient.md: any other password is carried.
				check "$c: the password is carried, not refused" [ "$st" = 303 ] ;;
			esac
		fi
		[ "$val" = NUL ] &&
			check "$c: a raw %00 is a bad request (400)" [ "$st" = 400 ]
		check "$c: the page never holds the raw script" no_raw_script
		check "$c: config keeps its shape" conf_shape
		check "$c: no use=/cmd= injected" no_injection
		if [ "$st" = 303 ]; then
			l=user p=pw
			[ "$field" = login ] && l=$val
			[ "$field" = password ] && p=$val
			printf '%s\t%s\t%s\t%s\n' "$c" "$host" "$l" "$p" >> "$T/accepted"
		fi
		check "$c: no command ran ($PWNED absent)" [ ! -e "$PWNED" ]
		v=$((v + 1))
	done
done
check "some hostile values were accepted" \
	[ "$accepted_total" -gt 0 -a "$accepted_pw" -gt 0 ]
check "ddclient, reading the last config, sees exactly the stored hosts, no warning, no command run" \
	ddclient_sees
check "... and a line for every accepted case" \
	[ "$(wc -l < "$T/seen")" = "$(wc -l < "$T/accepted")" ]
while IFS="$(printf '\t')" read -r c why; do
	check "$c: accepted: ddclient sends the host to the typed server with the typed credentials ($why)" \
		[ "$why" = ok ]
done < "$T/seen"

# The list page shows the script payload as text.
cgi GET 'action=list'
check "list: 200" [ "$(status)" = 200 ]
check "list: the script payload in a description is escaped" \
	body_has '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'
check "list: no raw script from the data" no_raw_script
check "in the end, no command ran" [ ! -e "$PWNED" ]
done_testing
