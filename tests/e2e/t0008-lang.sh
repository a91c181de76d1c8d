#!/bin/sh
# t0008-lang: the pages in English or Italian, as the browser's
# Accept-Language asks (q-values honoured) unless the module
# configuration's language forces one.
. "$(dirname "$0")/lib.sh"
make_instance

# page_lang: the lang attribute of the page in $T/out.
page_lang() { sed -n 's/^<html lang="\([a-z]*\)">$/\1/p' "$T/out"; }
# as LANGUAGE: GET the list page with that Accept-Language.
as() { EXTRA_ENV="HTTP_ACCEPT_LANGUAGE=$1" cgi GET ''; }

cgi GET ''
check "no Accept-Language: English" sh -c "[ '$(page_lang)' = en ] && grep -q '<title>Dynamic DNS</title>' '$T/out'"
as 'it-IT,it;q=0.9,en;q=0.8'
check "an Italian browser gets Italian" [ "$(page_lang)" = it ]
check "in Italian words" sh -c "grep -q '<title>DNS dinamico</title>' '$T/out' && grep -q '>Nomi host</a>' '$T/out'"
check "and no English left in the header" sh -c "! grep -q 'Hostnames' '$T/out'"
as 'en;q=0.5,it;q=0.9'
check "the higher q-value wins over the order" [ "$(page_lang)" = it ]
as 'it;q=0,*'
check "q=0 refuses Italian" [ "$(page_lang)" = en ]
as 'de-DE,de;q=0.9,it;q=0.3'
check "the first language the page has wins" [ "$(page_lang)" = it ]
as 'fr'
check "a language the page lacks: English" [ "$(page_lang)" = en ]

# The History page names the changed fields in the page's language.
cgi GET 'action=edit'
cgi POST 'action=save' "csrf_token=$(token)&hostname=lingua.example.org&provider=dyn&login=a&password=p"
id=$(sql "select id from hosts")
cgi GET "action=edit&id=$id"
cgi POST 'action=save' "csrf_token=$(token)&version=$(form_version)&id=$id&hostname=lingua.example.org&provider=dyn&login=b&password="
check "a modify is saved" [ "$(status)" = 303 ]
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET 'action=history'
check "History in Italian names the changed field in Italian" body_has '<td>Modificati: Utente</td>'
check "and the action in Italian" body_has '<td>modificato</td>'
cgi GET 'action=history'
check "History in English" body_has '<td>Changed: Login</td>'

make_instance language=en
as 'it'
check "language = en: English, whatever the browser says" [ "$(page_lang)" = en ]
make_instance language=it
cgi GET ''
check "language = it: Italian without an Accept-Language" [ "$(page_lang)" = it ]
make_instance language=fr
cgi GET ''
check "language = fr is refused (500, the log names the line)" sh -c "[ '$(status)' = 500 ] && grep -q language '$T/err'"
done_testing
