#!/bin/sh
# t0042-one-account: hosts of ONE account (same server, login, password)
# with different address families, through the real CGI, ddns-apply and
# the real ddclient under test ($DDCLIENT: run-all.sh runs this on 3.10
# and on 3.11), against the fakes of presets.py's ANSWERS table (issue 19,
# finding 6). ddclient sends hosts whose grouping options are equal in one
# request with the first one's addresses, and 3.10 reads usev6 only as a
# global: each host must still get exactly the families chosen for it,
# or the form must refuse the combination beside the family field with
# the reason. For every dyndns2 preset that offers more than one family,
# and for Cloudflare and FreeDNS (the protocols where 3.10's global usev6
# matters): an IPv4-only host, a dual one (3.11) and an IPv6 one of one
# account; each host's own requests carry only its family's addresses
# (an IPv4 host no IPv6 address and no AAAA look-up), and its records end
# as chosen, the other family untouched.
. "$(dirname "$0")/lib.sh"
need_ddclient
PRESETS="$TOP/tests/tools/presets.py"
preset_instance
cgi GET 'action=edit'
tok=$(token)
# save KEY NAME FAMILY: a host NAME.example.com of KEY's preset, with
# the plan's account.
save() {
	cgi POST 'action=save' "csrf_token=$tok&$(field "$1" 3 |
		sed "s/^hostname=[^&]*/hostname=$2.example.com/")&family=$3"
}
# refused TEXT: the last Save was refused, TEXT beside the family field.
refused() { [ "$(status)" = 422 ] && sed -n '/id="e-family">/,/</p' "$T/out" | grep -qF "$1"; }

# The presets: the dyndns2 ones offering two families or more here, and
# Cloudflare and FreeDNS. 3.10 sends one address a dyndns2 request (dual
# refused); 3.11 sends both.
keys=$(awk -F '\t' '($10 == "dyndns2" && $2 ~ /,/) || $1 == "cloudflare" || $1 == "freedns" { print $1 }' "$T/plan")
if [ "$DDV" = 3.10 ]; then
	fams="ipv4 ipv6"
	for key in $(awk -F '\t' '$10 == "dyndns2" && $2 ~ /,/ { print $1 }' "$T/plan"); do
		save "$key" "$key.dual" dual
		why=$(field "$key" 9 | tr ';' '\n' | sed -n 's/^dual=//p')
		check "[3.10] $key: a dual host is refused beside the family field, saying why" \
			refused "${why:-ddclient 3.10 sends one address per request for this provider}"
	done
	# 3.10's usev6 is global: an IPv4 Cloudflare or FreeDNS host beside a
	# dual one (of either) is refused, in either order, naming the other.
	for pair in "cloudflare freedns" "freedns cloudflare" "cloudflare cloudflare"; do
		set -- $pair
		sql "DELETE FROM hosts"
		save "$1" "$1.dual" dual
		check "[3.10] a dual $1 host is saved (303)" [ "$(status)" = 303 ]
		save "$2" "$2.four" ipv4
		check "[3.10] ... an IPv4 $2 host beside it is refused, naming it" \
			refused "ddclient 3.10 sends the IPv6 address to every host of the protocols that update both families (such as Cloudflare and FreeDNS) once one of them is dual stack, as $1.dual.example.com is"
		sql "DELETE FROM hosts"
		save "$2" "$2.four" ipv4
		save "$1" "$1.dual" dual
		check "[3.10] ... and the other way round: the dual $1 host is refused, naming the IPv4 one" \
			refused "ddclient 3.10 would then send the IPv6 address to $2.four.example.com too"
	done
	sql "DELETE FROM hosts"
else
	fams="ipv4 dual ipv6"
fi

# One account per preset, a host per family it offers, all in one pass.
start_presets $keys
names= pairs= hosts=
for key in $keys; do
	for fam in $fams; do
		case ",$(field "$key" 2)," in *",$fam,"*) ;; *) continue ;; esac
		n=$key.$(echo "$fam" | sed 's/ipv4/four/; s/ipv6/six/')
		save "$key" "$n" "$fam"
		check "[$DDV] $key: the $fam host of the account is saved (303)" [ "$(status)" = 303 ]
		pairs="$pairs $n.example.com=$fam"
		[ "$key" != freedns ] || hosts="$hosts,\"$n.example.com\""
	done
done
# FreeDNS lists the account's records: these.
echo "{\"hosts\": [${hosts#,}]}" > "$T/control"
preset_pass one
python3 "$PRESETS" families "$DDV" "$T/fake.state" "$T/fake.log" $pairs > "$T/families"
counted "$T/families"
check "[$DDV] ddclient printed no warning" sh -c "! grep -q '^WARNING' '$T/one.out'"
done_testing
