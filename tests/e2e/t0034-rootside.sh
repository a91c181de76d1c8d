#!/bin/sh
# t0034-rootside: what the web server's user can write (state_dir, the
# database, files beside ddclient's) does not steer ddns-apply, which an
# appliance runs as root (issue 8, issue 18): no link or hard link is
# followed, no file outside is created or changed, the database is never
# opened by the root side (it applies the message it is handed, or its
# own record of the rows), no content of the database crashes the
# handover, only apply's own temp files are removed, and a cache too large
# to read is never cut.
# Run as root (as here), the planted links point at root's own files.
. "$(dirname "$0")/lib.sh"
make_instance history_max=10
S=$T/state A=$T/apply O=$T/outside	# O: files the web server's user must not reach
mkdir -p "$O"
# apply: as an administrator would, from root's record of the rows;
# handover: as the page does, the database's rows as a message.
apply() { "$B/ddns-apply" -c "$T/ddns-admin.conf" > "$T/apply.out" 2> "$T/apply.err"; }
handover() { apply_db > "$T/apply.out" 2> "$T/apply.err"; }
save() {	# save HOSTNAME -> the response in $T/out
	cgi GET 'action=edit'
	cgi POST 'action=save' "csrf_token=$(token)&hostname=$1&provider=dyn&login=u&password=pw"
}
applied() { location | grep -q "apply=$1\$"; }
hups() { [ -f "$T/hups" ] && wc -l < "$T/hups" || echo 0; }
hups_gt() { [ "$(hups)" -gt "$1" ]; }
cacheline() { echo "atime=1,host=$1,ip=203.0.113.7,mtime=1,status=good $1"; }

# A stand-in for ddclient: its title, and a line in $T/hups per SIGHUP.
perl -e '$0 = "ddclient - sleeping for 300 seconds";
	$SIG{HUP} = sub { open(my $f, ">>", $ARGV[0]); print $f "HUP\n"; close $f };
	sleep 1 while 1' "$T/hups" &
cleanup_pid $!
echo $! > "$T/ddclient.pid"
check "the stand-in ddclient is up" wait_for 50 grep -q '^ddclient' "/proc/$(cat "$T/ddclient.pid")/cmdline"

save a.example.com
check "a first save lands (303, apply 0)" applied 0
echo "precious" > "$O/precious"
cp "$O/precious" "$O/precious.copy"
cp "$T/ddclient.conf" "$T/good.conf"

# --- issue 8 finding 3: apply's lock is opened without following links;
# issue 18: it lives in apply_dir, root's, not in state_dir ---
rm -f "$S/apply.lock"
ln -s "$O/made-by-apply" "$S/apply.lock"
apply; rc=$?
check "a link planted as state_dir/apply.lock: root's apply ignores it (exit 0, got $rc)" [ "$rc" = 0 ]
check "and creates nothing where the link points" [ ! -e "$O/made-by-apply" ]
rm -f "$S/apply.lock"
rm -f "$A/apply.lock"
ln -s "$O/made-by-apply" "$A/apply.lock"
apply; rc=$?
check "apply_dir/apply.lock as a link to a missing file: apply refuses (exit 8, got $rc)" [ "$rc" = 8 ]
check "and creates nothing where the link points" [ ! -e "$O/made-by-apply" ]
check "and says why" grep -q 'apply.lock' "$T/apply.err"
rm -f "$A/apply.lock"
ln -s "$O/precious" "$A/apply.lock"
apply; rc=$?
check "apply.lock as a link to a root file: refused (exit 8, got $rc)" [ "$rc" = 8 ]
check "and the file is untouched" cmp -s "$O/precious" "$O/precious.copy"
rm -f "$A/apply.lock"
ln "$O/precious" "$A/apply.lock"
apply; rc=$?
check "apply.lock as a hard link to a root file: refused (exit 8, got $rc)" [ "$rc" = 8 ]
rm -f "$A/apply.lock"
apply; rc=$?
check "with the link gone apply works again (exit 0, got $rc)" [ "$rc" = 0 ]

rm -f "$S/checkip.lock"
ln -s "$O/made-by-checkip" "$S/checkip.lock"
"$B/ddns-checkip" -c "$T/ddns-admin.conf" 2> "$T/checkip.err"; rc=$?
check "checkip.lock as a link: ddns-checkip refuses (exit 2, got $rc)" [ "$rc" = 2 ]
check "and creates nothing where it points" [ ! -e "$O/made-by-checkip" ]
rm -f "$S/checkip.lock"

printf 'ip=198.51.100.99\ntime=%s\nerror=\n' "$(date +%s)" > "$O/publicip"
rm -f "$S/publicip"
ln -s "$O/publicip" "$S/publicip"
cgi GET ''
check "publicip as a link: the list page does not show what it points at" sh -c "! grep -q 198.51.100.99 '$T/out'"
rm -f "$S/publicip"

mv "$S/secret" "$T/secret.real"
head -c 32 /dev/urandom > "$O/secret"
cp "$O/secret" "$O/secret.copy"
ln -s "$O/secret" "$S/secret"
cgi GET ''
check "secret as a link: the page refuses to run on it (500, got $(status))" [ "$(status)" = 500 ]
check "and the file it points at is untouched" cmp -s "$O/secret" "$O/secret.copy"
rm -f "$S/secret"
mv "$T/secret.real" "$S/secret"

# --- issue 8 finding 8, issue 18 finding 2: root never opens the
# database, whatever is in its place ---
mv "$T/ddns.db" "$T/real.db"
: > "$O/empty.db"
ln -s "$O/empty.db" "$T/ddns.db"
apply; rc=$?
check "ddns.db as a link to an empty root file: apply goes on from its record (exit 0, got $rc)" [ "$rc" = 0 ]
check "and writes no schema into it" [ ! -s "$O/empty.db" ]
check "and still writes the rows it applied last" grep -qx 'a.example.com' "$T/ddclient.conf"
rm -f "$T/ddns.db"
sqlite3 "$O/other.db" < "$TOP/schema.sql"
sqlite3 "$O/other.db" "insert into hosts (hostname, provider, login, password, created, updated) values ('evil.example.com', 'dyn', 'u', 'p', 0, 0)"
ln -s "$O/other.db" "$T/ddns.db"
apply; rc=$?
check "ddns.db as a link to another database: ignored (exit 0, got $rc)" [ "$rc" = 0 ]
check "and ddclient.conf is not rendered from it" sh -c "! grep -q evil.example.com '$T/ddclient.conf'"
rm -f "$T/ddns.db"
ln "$O/other.db" "$T/ddns.db"
apply; rc=$?
check "ddns.db as a hard link to another database: ignored (exit 0, got $rc)" [ "$rc" = 0 ]
check "and ddclient.conf is not rendered from it" sh -c "! grep -q evil.example.com '$T/ddclient.conf'"
rm -f "$T/ddns.db"

sqlite3 "$T/ddns.db" "$(sed -n '/^CREATE TABLE hosts/,/^);/p' "$TOP/schema.sql"); PRAGMA user_version = 1;"
cp "$T/ddns.db" "$T/v1.copy"
apply; rc=$?
check "a version-1 database: root's apply does not touch it (exit 0, got $rc)" [ "$rc" = 0 ]
check "and leaves it as it was, not migrated" cmp -s "$T/ddns.db" "$T/v1.copy"
rm -f "$T/ddns.db"
apply; rc=$?
check "no database at all: apply goes on from its record (exit 0, got $rc)" [ "$rc" = 0 ]
check "and does not create one" [ ! -e "$T/ddns.db" ]
mv "$T/real.db" "$T/ddns.db"

sql "insert into pending values ('a.example.com')"
cp "$T/ddns.db" "$T/db.copy"
apply; rc=$?
check "apply run directly works (exit 0, got $rc)" [ "$rc" = 0 ]
check "and leaves the database byte for byte as it was" cmp -s "$T/ddns.db" "$T/db.copy"
check "so the pending name is still queued" [ "$(sql 'select count(*) from pending')" = 1 ]
save b.example.com
check "a save through the page lands (apply 0)" applied 0
check "and the page unqueues what apply dropped" [ "$(sql 'select count(*) from pending')" = 0 ]
for h in c d e f g h i j k l m; do save $h.example.com; done
check "the page trims the audit trail to history_max (10)" [ "$(sql 'select count(*) from audit')" = 10 ]

# --- finding 4: no content of the database crashes apply ---
printf '# ddclient cache\n%s\n%s\n' "$(cacheline a.example.com)" "$(cacheline b.example.com)" > "$T/ddclient.cache"
# The web user owns the file: its NOT NULL is no defence.
sql "drop table pending; create table pending (hostname text primary key collate nocase)"
sql "insert into pending values (NULL); insert into pending values (NULL); insert into pending values (x'00ff'); insert into pending values ('a.example.com')"
n=$(hups)
handover; rc=$?
check "NULL and blob rows in pending: the handover does not crash (exit 0, got $rc)" [ "$rc" = 0 ]
check "ddclient is told" wait_for 50 hups_gt "$n"
check "the text row's cache entry is dropped" sh -c "! grep -q ' a.example.com\$' '$T/ddclient.cache'"
check "the others are kept" grep -q ' b.example.com$' "$T/ddclient.cache"
save n.example.com
check "a save with such rows queued lands with apply 0" applied 0
check "and unqueues the text names, leaving the junk rows alone" [ "$(sql "select count(*) from pending where typeof(hostname) = 'text'")" = 0 ]

# --- finding 5: only apply's own temp files are removed ---
echo keep > "$T/ddclient.conf.backup"
echo keep > "$T/ddclient.cache.orig01"
echo left > "$T/.ddclient.conf.ddns-admin.Ab12Cd"
apply
check "an administrator's ddclient.conf.backup survives an apply" [ -f "$T/ddclient.conf.backup" ]
check "and ddclient.cache.orig01 too" [ -f "$T/ddclient.cache.orig01" ]
check "a temp file a killed apply left is removed" [ ! -e "$T/.ddclient.conf.ddns-admin.Ab12Cd" ]

# --- finding 6: a cache too large to read whole is an error, never cut ---
python3 - "$T/ddclient.cache" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("# ddclient cache\n")
    f.write("atime=1,host=a.example.com,ip=203.0.113.7,mtime=1,status=good a.example.com\n")
    i = 0
    while f.tell() < 5 * 1024 * 1024:
        f.write("atime=1,host=h%d.example.com,ip=203.0.113.7,mtime=1,status=good h%d.example.com\n" % (i, i))
        i += 1
EOF
cp "$T/ddclient.cache" "$T/big.copy"
sql "delete from pending; insert into pending values ('a.example.com')"
handover; rc=$?
check "a 5 MiB cache: apply says the cache was not updated (exit 7, got $rc)" [ "$rc" = 7 ]
check "and why" grep -q 'too large' "$T/apply.err"
check "the cache is left whole, not cut" cmp -s "$T/ddclient.cache" "$T/big.copy"
check "the name stays queued for the next apply" [ "$(sql "select count(*) from pending where hostname = 'a.example.com'")" = 1 ]
cgi GET ''
check "the list page shows the cache error" body_has 'id="cache-error"'
check "naming the size" body_has 'too large'
done_testing
