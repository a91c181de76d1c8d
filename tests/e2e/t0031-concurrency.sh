#!/bin/sh
# t0031-concurrency: 50 saves at once through a real lighttpd: each lands or
# gets a clear error (never a 500); the database holds exactly what was
# acknowledged; ddclient's config equals the render of the database.
. "$(dirname "$0")/lib.sh"
make_instance
start_lighttpd

tok=$(curl -s -u "admin:$apw" "$URL?action=edit" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
check "got a form token" [ -n "$tok" ]

# 45 distinct hosts and 5 posts racing for one hostname.
mkdir "$T/res"
i=0
while [ $i -lt 50 ]; do
	if [ $i -lt 45 ]; then h="c$i.example.com"; else h="race.example.com"; fi
	curl -s -o "$T/res/$i.body" -D "$T/res/$i.head" -u "admin:$apw" "$URL?action=save" \
		--data-urlencode "csrf_token=$tok" --data-urlencode "hostname=$h" \
		--data-urlencode "provider=dyn" --data-urlencode "login=user$i" \
		--data-urlencode "password=pw $i#" &
	i=$((i + 1))
done
wait

code() { sed -n '1s/^HTTP\/1.1 \([0-9]*\).*/\1/p' "$T/res/$1.head"; }
acked="" bad=""
i=0
while [ $i -lt 50 ]; do
	c=$(code $i)
	case "$c" in
	303) if [ $i -lt 45 ]; then acked="$acked c$i.example.com"; else acked="$acked race.example.com"; fi ;;
	422|503) grep -q 'class="error"\|id="error-message"' "$T/res/$i.body" || bad="$bad $i:$c-without-message" ;;
	*) bad="$bad $i:$c" ;;
	esac
	i=$((i + 1))
done
# A bad answer shows its page and the server's log, to say why.
for b in $bad; do sed -n '1,20p' "$T/res/${b%%:*}.body" | sed "s/^/# $b: /"; done
[ -z "$bad" ] || sed -n '1,20p' "$T/cgi-stderr.log" | sed 's/^/# log: /'
check "every save landed or got a clear error, none a 500 (bad:$bad)" [ -z "$bad" ]
n_race=$(printf '%s\n' $acked | grep -c '^race.example.com$')
check "exactly one of the racing saves of one hostname landed" [ "$n_race" -eq 1 ]
stored=$(sql 'select hostname from hosts order by hostname' | tr '\n' ' ')
want=$(printf '%s\n' $acked | sort | tr '\n' ' ')
check "the database holds exactly the acknowledged saves" [ "$stored" = "$want" ]
check "the 45 distinct saves all landed" [ "$(sql "select count(*) from hosts where hostname like 'c%'")" -eq 45 ]
cp "$T/ddclient.conf" "$T/before.conf"
apply_db 2>/dev/null
check "the config file equals the render of the database" cmp -s "$T/before.conf" "$T/ddclient.conf"
check "every stored host is in the config" [ "$(grep -c '\.example\.com$' "$T/ddclient.conf")" -eq "$(sql 'select count(*) from hosts')" ]
check "no temp file left beside the config" [ -z "$(ls -A "$T" | grep '^\.ddclient\.conf\.ddns-admin\.')" ]
# The log must exist (ddns-apply writes to it here: no ddclient runs), or
# a log gone elsewhere would pass for a clean one.
check "the CGI's stderr reaches the server log" [ -s "$T/cgi-stderr.log" ]
check "no CGI error in the server log" sh -c "! grep -qi 'error' '$T/cgi-stderr.log'"
"$TOP/tools/lighttpd.sh" stop "$T"
done_testing
