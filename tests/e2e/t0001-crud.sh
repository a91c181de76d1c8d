#!/bin/sh
# t0001-crud: create, list, modify, delete through the real CGI; the
# ddclient config follows each step.
. "$(dirname "$0")/lib.sh"
make_instance

cgi GET ''
check "list page answers 200" [ "$(status)" = 200 ]
check "empty list says so" body_has 'id="empty"'
check "security headers are sent" grep -q '^X-Frame-Options: DENY' "$T/out"

cgi GET 'action=edit'
check "create form answers 200" [ "$(status)" = 200 ]
check "form has the provider dropdown" body_has '<select id="f-provider" name="provider"'
check "custom is a provider" body_has '<option value="custom"'
tok=$(token)

cgi POST 'action=save' "csrf_token=$tok&hostname=Arthur-Rimbaud.dyndns.org.&description=home&login=arthur&password=s3cret&provider=dyn&mx=&server=&protocol=&zone="
check "save answers 303" [ "$(status)" = 303 ]
check "save redirects to the list" sh -c "sed -n 's/^Location: //p' '$T/out' | grep -q '^?action=list&msg=saved'"
check "hostname stored lowercase, trailing dot dropped" [ "$(sql 'select hostname from hosts')" = arthur-rimbaud.dyndns.org ]
check "config has the host" grep -qx 'arthur-rimbaud.dyndns.org' "$T/ddclient.conf"
check "config has the password raw" grep -qx "password='s3cret', \\\\" "$T/ddclient.conf"
check "config is mode 0600" [ "$(stat -c %a "$T/ddclient.conf")" = 600 ]
check "database is mode 0600" [ "$(stat -c %a "$T/ddns.db")" = 600 ]

cgi GET 'action=list&msg=saved&apply=4'
check "list shows the host" body_has '<span class="label">arthur-rimbaud.</span><wbr><span class="label">dyndns.</span><wbr><span class="label">org</span><wbr></a></td>'
check "list says saved" body_has 'Saved.'
check "list never shows the password" sh -c "! grep -q s3cret '$T/out'"
id=$(sql 'select id from hosts')

# Copy: the Create form with the account of a host, for another hostname.
cgi GET "action=edit&copy=$id"
check "copy: the form answers 200" [ "$(status)" = 200 ]
check "copy: it says whose account it takes" body_has 'id="copy-of"'
check "copy: a new host (no id)" sh -c "! grep -q 'name=\"id\"' '$T/out'"
check "copy: the login kept" body_has 'name="login" type="text" value="arthur"'
check "copy: the hostname empty" body_has 'name="hostname" type="text" value=""'
check "copy: the hostname has the focus" sh -c "grep -o '<input id=\"f-hostname\"[^>]*>' '$T/out' | grep -q autofocus"
check "copy: the password never comes back" sh -c "! grep -q s3cret '$T/out'"
cgi GET 'action=edit&copy=999999'
check "copy of no host: 404" [ "$(status)" = 404 ]
cgi GET 'action=edit&copy=x'
check "copy of a bad id: 400" [ "$(status)" = 400 ]

cgi GET "action=edit&id=$id"
check "modify form answers 200" [ "$(status)" = 200 ]
check "modify form never holds the password" sh -c "! grep -q s3cret '$T/out'"
tok=$(token) ver=$(form_version)
cgi POST 'action=save' "csrf_token=$tok&id=$id&version=$ver&hostname=arthur-rimbaud.dyndns.org&description=office&login=arthur&password=&provider=dyn&mx=&server=&protocol=&zone="
check "modify answers 303" [ "$(status)" = 303 ]
check "description changed" [ "$(sql 'select description from hosts')" = office ]
check "empty password kept the stored one" [ "$(sql 'select password from hosts')" = s3cret ]
check "config still has the password" grep -qx "password='s3cret', \\\\" "$T/ddclient.conf"

cgi GET "action=delete&id=$id"
check "delete confirmation answers 200" [ "$(status)" = 200 ]
tok=$(token) ver=$(form_version)
cgi POST 'action=delete' "csrf_token=$tok&id=$id&version=$ver"
check "delete answers 303" [ "$(status)" = 303 ]
check "row is gone" [ "$(sql 'select count(*) from hosts')" = 0 ]
check "config no longer has the host" sh -c "! grep -q arthur-rimbaud '$T/ddclient.conf'"
check "audit trail has create, modify, delete" [ "$(sql 'select group_concat(action) from (select action from audit order by id)')" = create,modify,delete ]

cgi GET "action=edit&id=999"
check "modify of a missing id answers 404" [ "$(status)" = 404 ]
cgi GET "action=nosuch"
check "unknown action answers 404" [ "$(status)" = 404 ]
cgi POST 'action=list' ''
check "POST to the list answers 405" [ "$(status)" = 405 ]
done_testing
