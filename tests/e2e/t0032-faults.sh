#!/bin/sh
# t0032-faults: a killed apply, a full disk, an unreadable cache, a missing,
# damaged or old database: the old config stays intact or the new one is
# complete, the page explains, and a later Save recovers.
. "$(dirname "$0")/lib.sh"
make_instance
save() {	# save HOSTNAME PASSWORD -> status in $T/out
	cgi GET 'action=edit'
	cgi POST 'action=save' "csrf_token=$(token)&hostname=$1&provider=dyn&login=u&password=$2"
}
apply() { apply_db 2>"$T/apply.err"; }

# --- a missing database is made, 0600 ---
check "no database yet" [ ! -e "$T/ddns.db" ]
save a.example.com one
check "first save creates the database and lands" [ "$(status)" = 303 ]
check "the new database is mode 0600" [ "$(stat -c %a "$T/ddns.db")" = 600 ]

# --- SIGKILL at any point of ddns-apply: old or new config, never a mix ---
apply
cp "$T/ddclient.conf" "$T/old.conf"
sql "insert into hosts (hostname, provider, login, password, created, updated) values ('b.example.com', 'dyn', 'u', 'two', 0, 0)"
apply
cp "$T/ddclient.conf" "$T/two.conf"
sql "update hosts set password = 'one' where hostname = 'b.example.com'"
apply
cp "$T/ddclient.conf" "$T/one.conf"
check "the three renders differ" sh -c "! cmp -s '$T/old.conf' '$T/two.conf' && ! cmp -s '$T/two.conf' '$T/one.conf'"
cp "$T/old.conf" "$T/ddclient.conf"
torn=0 kills=0 landed=0 i=0
while [ $i -lt 200 ]; do
	pw=one; [ $((i % 2)) -eq 0 ] && pw=two
	sql "update hosts set password = '$pw' where hostname = 'b.example.com'"
	# a spread of delays, from before exec to after the rename
	"$B/ddns-migrate" -c "$T/ddns-admin.conf" --message > "$T/msg"
	timeout -s KILL "0.00$((i % 6))$((i % 7))" \
		"$B/ddns-apply" -c "$T/ddns-admin.conf" --message < "$T/msg" 2>/dev/null
	[ $? -eq 137 ] && kills=$((kills + 1))
	cmp -s "$T/ddclient.conf" "$T/old.conf" || cmp -s "$T/ddclient.conf" "$T/one.conf" ||
		cmp -s "$T/ddclient.conf" "$T/two.conf" || torn=$((torn + 1))
	cmp -s "$T/ddclient.conf" "$T/$pw.conf" && landed=$((landed + 1))
	i=$((i + 1))
done
echo "# $kills of 200 ddns-apply runs were killed mid-way; $landed wrote their config"
check "some applies were really killed mid-way" [ "$kills" -gt 20 ]
check "and some got as far as writing their config" [ "$landed" -gt 0 ]
check "200 SIGKILLed applies never left a half-written config ($torn torn)" [ "$torn" -eq 0 ]
apply
check "the next apply removes the temp files killed applies left" [ -z "$(ls -A "$T" | grep '^\.ddclient\.conf\.ddns-admin\.')" ]
check "and writes the complete config" grep -qx "password='one', \\\\" "$T/ddclient.conf"

# --- a full disk (the writer's fault switch): the old config stays ---
cp "$T/ddclient.conf" "$T/before.conf"
DDNS_FAULT=write apply_db 2>"$T/apply.err"
check "a failed write exits 3" [ $? -eq 3 ]
check "and says why" grep -q 'No space left on device' "$T/apply.err"
check "the old config is intact" cmp -s "$T/before.conf" "$T/ddclient.conf"
DDNS_FAULT=fsync apply_db 2>/dev/null
check "a failed fsync leaves the old config too" cmp -s "$T/before.conf" "$T/ddclient.conf"
DDNS_FAULT=rename apply_db 2>/dev/null
check "a failed rename leaves the old config too" cmp -s "$T/before.conf" "$T/ddclient.conf"
check "no temp file is left after the failures" [ -z "$(ls -A "$T" | grep '^\.ddclient\.conf\.ddns-admin\.')" ]

# ... through the page: the save is kept, the list explains, a later save recovers.
sed -i "s|^apply = .*|apply = /usr/bin/env DDNS_FAULT=write $B/ddns-apply|" "$T/ddns-admin.conf"
save c.example.com three
check "a save during a full disk still lands (303)" [ "$(status)" = 303 ]
check "the redirect carries apply code 3" sh -c "grep -q '^Location: .*apply=3' '$T/out'"
check "the row is stored" [ "$(sql "select count(*) from hosts where hostname = 'c.example.com'")" = 1 ]
check "the config is the old one" cmp -s "$T/before.conf" "$T/ddclient.conf"
cgi GET "$(location | sed 's/^?//')"
check "the list page explains that the configuration could not be written" body_has "could not be written"
sed -i "s|^apply = .*|apply = $B/ddns-apply|" "$T/ddns-admin.conf"
save d.example.com four
check "a later save recovers: c is now in the config" grep -qx 'c.example.com' "$T/ddclient.conf"
check "and d too" grep -qx 'd.example.com' "$T/ddclient.conf"

# --- an unreadable cache: the page still works and says so ---
mkdir "$T/ddclient.cache"
cgi GET ''
check "with an unreadable cache the list still answers 200" [ "$(status)" = 200 ]
check "and says ddclient's state cannot be read" body_has 'id="cache-error"'
rmdir "$T/ddclient.cache"

# --- a damaged database: explained, left alone; moved away, a new one ---
cp "$T/ddns.db" "$T/good.db"
head -c 4096 /dev/urandom > "$T/ddns.db"
cp "$T/ddns.db" "$T/damaged.copy"
cgi GET ''
check "a damaged database answers 500" [ "$(status)" = 500 ]
check "and the page says it is damaged and what to do" body_has 'is damaged'
check "the damaged file is left as it was" cmp -s "$T/ddns.db" "$T/damaged.copy"
mv "$T/ddns.db" "$T/ddns.db.damaged"
save e.example.com five
check "once moved away, a save makes a new database" [ "$(status)" = 303 ]

# --- an old database (schema version 1) migrates, keeping its rows ---
rm -f "$T/ddns.db"
sqlite3 "$T/ddns.db" "$(sed -n '/^CREATE TABLE hosts/,/^);/p' "$TOP/tests/unit/data/schema-v2.sql"); PRAGMA user_version = 1; insert into hosts (hostname, provider, login, password, created, updated) values ('old.example.com', 'dyn', 'u', 'p', 0, 0);"
cgi GET ''
check "a version-1 database opens" [ "$(status)" = 200 ]
check "its rows are shown" host_shown old.example.com
check "it is migrated to version $(schema_version)" [ "$(sql 'pragma user_version')" = "$(schema_version)" ]
save new.example.com six
check "and takes saves, with an audit entry" [ "$(sql "select count(*) from audit where hostname = 'new.example.com'")" = 1 ]

# --- a database from a newer version is refused, not damaged ---
sql 'pragma user_version = 9'
cgi GET ''
check "a newer database is refused with a clear message" body_has 'newer version'
done_testing
