#!/bin/sh
# t0016-list-paging: the list page at 120 hosts through the real CGI: a
# summary counted over every host, failing hosts first, 50 a page with
# links, and a search on hostname and description (its % and _ literal).
. "$(dirname "$0")/lib.sh"
make_instance
cgi GET ''
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
	INSERT INTO hosts (hostname, description, login, password, provider,
	created, updated, enabled) SELECT printf('h%03d.example.com', i),
	'site ' || i, 'u', 'p', 'dyn', 1, 1, i NOT IN (7, 8) FROM n"
now=$(date +%s)
# The cache: h111-h115 refused (badauth), h116-h118 never sent (no
# entry), every other host up to date.
{
	echo "## ddclient-3.10.0"
	i=1
	while [ $i -le 120 ]; do
		h=$(printf 'h%03d.example.com' $i)
		if [ $i -ge 111 ] && [ $i -le 115 ]; then
			echo "atime=$now,host=$h,mtime=0,status=badauth $h"
		elif [ $i -lt 116 ] || [ $i -gt 118 ]; then
			echo "atime=$now,host=$h,ip=203.0.113.7,mtime=$now,status=good $h"
		fi
		i=$((i + 1))
	done
} > "$T/ddclient.cache"
# rows: the hostnames of the list's rows, in order.
rows() { grep -o '<td class="hostname"[^>]*>.*</td>' "$T/out" | sed 's/<[^>]*>//g'; }
# summary: the summary line's text (its counts are links).
summary() { sed -n 's/.*<p class="summary" id="summary">\(.*\)<\/p>.*/\1/p' "$T/out" | sed 's/<[^>]*>//g'; }
has_summary() { summary | grep -qF -- "$1"; }

cgi GET ''
check "the list answers 200" [ "$(status)" = 200 ]
check "the summary counts every host" has_summary \
	'120 hosts: 110 up to date, 5 failing, 3 waiting, 2 disabled.'
check "each count leads to its hosts alone" body_has '<a href="?action=list&amp;state=failing">5 failing</a>'

check "a page shows 50 hosts" [ "$(rows | wc -l)" = 50 ]
check "failing hosts come first" \
	[ "$(rows | head -5 | tr '\n' ' ')" = "h111.example.com h112.example.com h113.example.com h114.example.com h115.example.com " ]
check "then the hosts still waiting" \
	[ "$(rows | sed -n '6,8p' | tr '\n' ' ')" = "h116.example.com h117.example.com h118.example.com " ]
check "then the hosts up to date, by name" [ "$(rows | sed -n 9p)" = h001.example.com ]
check "the page says 1 of 3" body_has 'Page 1 / 3'
check "a link leads to page 2" body_has 'href="?action=list&amp;page=2" rel="next"'
cgi GET 'action=list&page=3'
check "page 3 shows the last 20 hosts" [ "$(rows | wc -l)" = 20 ]
check "disabled hosts come last" [ "$(rows | tail -1)" = h008.example.com ]
check "page 3 links back to page 2" body_has 'href="?action=list&amp;page=2" rel="prev"'
cgi GET 'action=list&page=99'
check "a page past the end shows the last one" body_has 'Page 3 / 3'
cgi GET 'action=list&page=x'
check "a page that is not a number is refused (400)" [ "$(status)" = 400 ]

# A count of the summary lists its hosts alone, in the same order.
cgi GET 'action=list&state=failing'
check "state=failing: the 5 failing hosts alone" \
	[ "$(rows | tr '\n' ' ')" = "h111.example.com h112.example.com h113.example.com h114.example.com h115.example.com " ]
check "state=failing: the summary still counts every host" \
	has_summary '120 hosts: 110 up to date, 5 failing, 3 waiting, 2 disabled.'
check "state=failing: a link shows every host again" body_has 'id="show-all" href="?action=list"'
cgi GET 'action=list&state=ok&page=3'
check "state=ok: 110 hosts, 50 a page: page 3 holds 10" [ "$(rows | wc -l)" = 10 ]
check "state=ok: its pages keep the state" body_has 'href="?action=list&amp;page=2&amp;state=ok" rel="prev"'
check "state=ok: the last one by name" [ "$(rows | tail -1)" = h120.example.com ]
cgi GET 'action=list&state=disabled'
check "state=disabled: the two disabled hosts" [ "$(rows | tr '\n' ' ')" = "h007.example.com h008.example.com " ]
cgi GET 'action=list&state=nonsense'
check "an unknown state lists every host" [ "$(rows | wc -l)" = 50 ]

cgi GET 'action=list&q=h11'
check "search: the hosts whose name holds h11" [ "$(rows | wc -l)" = 10 ]
check "search: the summary counts the matches" has_summary \
	'10 hosts match the search: 2 up to date, 5 failing, 3 waiting.'

check "search: the box keeps the words" body_has 'name="q" type="search" value="h11"'
cgi GET 'action=list&q=site+42'
check "search: the description is searched too" [ "$(rows)" = h042.example.com ]
check "search: one host is one, not hosts" has_summary '1 host matches the search'
# Italian agrees each word with its own count.
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET 'action=list&q=site+42'
check "search, Italian: one host is 'corrispondente' and 'aggiornato'" has_summary \
	'1 host corrispondente alla ricerca: 1 aggiornato, 0 in errore, 0 in attesa.'
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET 'action=list&q=h11'
check "search, Italian: ten hosts are 'corrispondenti', two 'aggiornati'" has_summary \
	'10 host corrispondenti alla ricerca: 2 aggiornati, 5 in errore, 3 in attesa.'
cgi GET 'action=list&q=%25'
check "search: % is a character, not a wildcard" [ "$(rows | wc -l)" = 0 ]
cgi GET 'action=list&q=h_1'
check "search: _ is a character, not a wildcard" [ "$(rows | wc -l)" = 0 ]
# A configuration of many hosts is larger than the 1 MiB that ddns-apply
# reads of a hand-written one: its own is told by the header alone.
apply_db 2> /dev/null
{ head -1 "$T/ddclient.conf"; python3 -c 'print("# pad\n" * 200000, end="")'; } > "$T/big.conf"
mv "$T/big.conf" "$T/ddclient.conf"
apply_db 2> "$T/apply.err"; rc=$?
check "ddns-apply replaces its own configuration over 1 MiB (exit 4, got $rc)" [ $rc = 4 ]
check "... and writes every host again" [ "$(grep -c '^h[0-9]*\.example\.com$' "$T/ddclient.conf")" = 118 ]
done_testing
