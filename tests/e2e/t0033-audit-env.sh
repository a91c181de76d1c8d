#!/bin/sh
# t0033-audit-env: the audit trail and History page; what the CGI passes to
# the programs it starts (nothing the client sent).
. "$(dirname "$0")/lib.sh"
make_instance "history_max = 10"
save() {	# save EXTRA_FIELDS (urlencoded, without the token)
	cgi GET 'action=edit'
	cgi POST 'action=save' "csrf_token=$(token)&$1"
}

save "hostname=audit.example.com&provider=dyn&login=alice&password=Sup3rSecret"
id=$(sql "select id from hosts where hostname = 'audit.example.com'")
USER_NAME=bob
cgi GET "action=edit&id=$id"
cgi POST 'action=save' "csrf_token=$(token)&version=$(form_version)&id=$id&hostname=audit.example.com&provider=dyn&login=alice2&password=N3wSecret&description=x"
check "modify is recorded with who did it" [ "$(sql "select user from audit where action = 'modify'")" = bob ]
detail=$(sql "select detail from audit where action = 'modify'")
check "the changed fields are named" sh -c "echo '$detail' | grep -q 'login changed' && echo '$detail' | grep -q 'description changed'"
check "a changed password is recorded as 'password changed'" sh -c "echo '$detail' | grep -q 'password changed'"
check "no password value is ever in the audit table" sh -c "! sqlite3 '$T/ddns.db' 'select * from audit' | grep -q -e Sup3rSecret -e N3wSecret"
cgi GET 'action=list'
tok=$(token)
cgi POST 'action=disable' "csrf_token=$tok&id=$id"
cgi POST 'action=enable' "csrf_token=$tok&id=$id"
cgi POST 'action=update' "csrf_token=$tok&id=$id"
cgi GET "action=delete&id=$id"
cgi POST 'action=delete' "csrf_token=$(token)&id=$id&version=$(form_version)"
check "create, modify, disable, enable, update now and delete are all recorded" \
	[ "$(sql 'select group_concat(action) from (select action from audit order by id)')" = create,modify,disable,enable,update,delete ]
cgi GET 'action=history'
check "the History page answers 200" [ "$(status)" = 200 ]
first=$(grep -o '<td>[a-z ]*</td><td>audit.example.com</td>' "$T/out" | head -1)
check "History lists the newest first" [ "$first" = '<td>deleted</td><td>audit.example.com</td>' ]
check "History shows who" body_has '<td>bob</td>'
check "History shows when, as local date and time" grep -qE '<tr><td>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}</td><td>bob</td>' "$T/out"
check "History never shows a password" sh -c "! grep -q -e Sup3rSecret -e N3wSecret '$T/out'"

# Bounded: history_max = 10 keeps the newest 10 entries.
i=0
while [ $i -lt 12 ]; do save "hostname=h$i.example.com&provider=dyn&login=u&password=p"; i=$((i + 1)); done
check "the audit trail keeps exactly history_max (10) entries" [ "$(sql 'select count(*) from audit')" = 10 ]
check "the newest entry is kept" [ "$(sql 'select hostname from audit order by id desc limit 1')" = h11.example.com ]
cgi GET 'action=history&page=2'
check "History pages" [ "$(status)" = 200 ]
cgi GET 'action=history&page=x'
check "a bad page number answers 400" [ "$(status)" = 400 ]

# The programs the CGI starts get only DDNS_ADMIN_CONFIG and PATH, never
# what the client sent (HTTP_*), and no shell.
printf '#!/bin/sh\nenv > "%s/child.env"\n' "$T" > "$T/apply.sh"
chmod +x "$T/apply.sh"
sed -i "s|^apply = .*|apply = $T/apply.sh|" "$T/ddns-admin.conf"
EXTRA_ENV='HTTP_X_EVIL=1 HTTP_COOKIE=a=b LD_PRELOAD=/nonexistent.so' save "hostname=env.example.com&provider=dyn&login=u&password=p"
check "the apply command ran" [ -f "$T/child.env" ]
check "it got DDNS_ADMIN_CONFIG" grep -q "^DDNS_ADMIN_CONFIG=$T/ddns-admin.conf$" "$T/child.env"
check "it got nothing the client sent" sh -c "! grep -q -e HTTP_ -e LD_PRELOAD -e REMOTE_USER -e QUERY_STRING '$T/child.env'"
sed -i "s|^apply = .*|apply = $T/apply.sh; touch $T/shell-ran|" "$T/ddns-admin.conf"
save "hostname=env2.example.com&provider=dyn&login=u&password=p"
check "the apply command is not run through a shell" [ ! -e "$T/shell-ran" ]
done_testing
