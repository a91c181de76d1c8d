#!/bin/sh
# t0006-stale: two administrators never overwrite each other silently.
# Through the real CGI: a Modify form or a Delete confirmation opened
# before someone else's change gets 409, shows that change, and stores
# nothing; a deleted host's id is never given to another host.
. "$(dirname "$0")/lib.sh"
make_instance

# snapshot: the stored row and the configuration, to see that nothing changed.
snapshot() { sql "select * from hosts order by id"; cat "$T/ddclient.conf"; }
# post_form QUERY FIELDS...: the last page's token and version, plus FIELDS.
post_form() { q=$1; shift; cgi POST "$q" "csrf_token=$(token)&version=$(form_version)$(printf '&%s' "$@")"; }

cgi GET 'action=edit'
cgi POST 'action=save' "csrf_token=$(token)&hostname=shared.example.org&provider=dyn&login=ann&password=pw1&description=first"
id=$(sql "select id from hosts where hostname = 'shared.example.org'")
check "the host is stored" [ -n "$id" ]

# ---- two Modify forms opened on the same row ----
cgi GET "action=edit&id=$id"
cp "$T/out" "$T/ann-form"
cgi GET "action=edit&id=$id"
post_form 'action=save' "id=$id" hostname=shared.example.org provider=dyn login=ann password= description=bob%27s+change
check "the second administrator's save lands (303)" [ "$(status)" = 303 ]
before=$(snapshot)
audit_before=$(sql "select count(*) from audit")

cp "$T/ann-form" "$T/out"
post_form 'action=save' "id=$id" hostname=shared.example.org provider=dyn login=ann2 password= description=ann%27s+change
check "a save from a form opened before that change gets 409" [ "$(status)" = 409 ]
check "nothing stored changed (row and configuration)" [ "$(snapshot)" = "$before" ]
check "no change was recorded in the audit trail" [ "$(sql "select count(*) from audit")" = "$audit_before" ]
check "the page says someone else changed it" body_has 'id="conflict"'
check "the form keeps what was typed" \
	sh -c "grep -F 'id=\"f-description\"' '$T/out' | grep -qF \"value=\\\"ann&#39;s change\\\"\""
check "the other change is shown beside the field" \
	sh -c "grep -F 'id=\"s-description\"' '$T/out' | grep -qF 'bob&#39;s change'"
check "a typed value that differs from the stored one shows the stored one (login)" \
	sh -c "grep -F 'id=\"s-login\"' '$T/out' | grep -qF '<strong>ann</strong>'"
check "the password is never shown" sh -c "! grep -q pw1 '$T/out'"
check "the re-rendered form carries the row's new version" \
	[ "$(form_version)" = "$(sql "select version from hosts where id = $id")" ]
post_form 'action=save' "id=$id" hostname=shared.example.org provider=dyn login=ann2 password= description=ann%27s+change
check "saved again from that form, knowingly, it lands (303)" [ "$(status)" = 303 ]
check "and stores the typed values" [ "$(sql "select login || '|' || description from hosts where id = $id")" = "ann2|ann's change" ]

# ---- a Modify without the version is refused ----
cgi GET "action=edit&id=$id"
before=$(snapshot)
cgi POST 'action=save' "csrf_token=$(token)&id=$id&hostname=shared.example.org&provider=dyn&login=x&password=&description=y"
check "a modify without the row's version is refused (400)" [ "$(status)" = 400 ]
check "and stores nothing" [ "$(snapshot)" = "$before" ]

# ---- a Delete confirmation left open while the host changed ----
cgi GET "action=delete&id=$id"
check "the delete confirmation carries the version" [ -n "$(form_version)" ]
cp "$T/out" "$T/delete-page"
cgi GET ''
cgi POST 'action=disable' "csrf_token=$(token)&id=$id"
check "someone disables the host meanwhile (303)" [ "$(status)" = 303 ]
before=$(snapshot)
cp "$T/delete-page" "$T/out"
post_form 'action=delete' "id=$id"
check "deleting a host changed since the confirmation gets 409" [ "$(status)" = 409 ]
check "the host is still there, unchanged" [ "$(snapshot)" = "$before" ]
check "the page asks again, saying it changed" body_has 'id="conflict"'
post_form 'action=delete' "id=$id"
check "confirmed again, the delete lands (303)" [ "$(status)" = 303 ]
check "the row is gone" [ "$(sql "select count(*) from hosts where id = $id")" = 0 ]

# ---- ids are never given again ----
cgi GET 'action=edit'
cgi POST 'action=save' "csrf_token=$(token)&hostname=other.example.org&provider=dyn&login=o&password=pw2"
id2=$(sql "select id from hosts where hostname = 'other.example.org'")
check "a new host gets a new id, not the deleted one's" [ "$id2" -gt "$id" ]
cp "$T/delete-page" "$T/out"
cgi POST 'action=delete' "csrf_token=$(token)&id=$id&version=$(form_version)"
check "the old delete page, sent again, finds no such host (404)" [ "$(status)" = 404 ]
check "and the new host is still there" [ "$(sql "select count(*) from hosts where id = $id2")" = 1 ]
done_testing
