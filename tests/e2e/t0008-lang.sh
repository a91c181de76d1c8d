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
check "History in Italian names the changed field, and the password kept, in Italian" body_has '<td>Modificati: Utente; password mantenuta</td>'
check "and the action in Italian" body_has '<td>modificato</td>'
cgi GET 'action=history'
check "History in English" body_has '<td>Changed: Login; password kept</td>'

# Each page its own title (issue 23), in the page's language: a browser's
# tabs and history tell them apart.
title() { sed -n 's/^<title>\(.*\)<\/title>$/\1/p' "$T/out"; }
check "History's title" [ "$(title)" = "History of changes – Dynamic DNS" ]
cgi GET "action=edit&id=$id"
check "a Modify form's title names the host" [ "$(title)" = "Modify lingua.example.org – Dynamic DNS" ]
cgi GET 'action=edit'
check "the Create form's title" [ "$(title)" = "Create – Dynamic DNS" ]
cgi GET "action=host&id=$id"
check "a host page's title is the host's name" [ "$(title)" = "lingua.example.org – Dynamic DNS" ]
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET "action=delete&id=$id"
check "the Delete confirmation's title, in Italian" [ "$(title)" = "$(sed -n '/^  Confirm {/,/^  }/s/^    title = //p' "$TOP/templates/lang/it.hdf") – DNS dinamico" ]
cgi GET "action=edit&id=99999"
check "an error page's title says what went wrong" [ "$(title)" = "Something went wrong (404) – Dynamic DNS" ]
cgi GET ''
check "the list keeps the module's own title" [ "$(title)" = "Dynamic DNS" ]

# The validators' messages, beside the field, in the page's language.
# err_for FIELD: the message the form shows beside FIELD.
err_for() { sed -n "s/.*<p class=\"error\" id=\"e-$1\">\(.*\)<\/p>.*/\1/p" "$T/out"; }
cgi GET 'action=edit'
long=$(python3 -c 'print("d" * 201)')
bad_form="csrf_token=$(token)&hostname=-casa.example.org&description=$long&provider=dyn&login=&password=p"
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi POST 'action=save' "$bad_form"
check "a bad form in Italian: 422" [ "$(status)" = 422 ]
check "a label beginning with a hyphen, said in Italian beside the hostname" [ "$(err_for hostname)" = "L&#39;etichetta &#39;-casa&#39; comincia con un trattino; ogni etichetta deve cominciare con una lettera o una cifra." ]
check "a description too long, in Italian" [ "$(err_for description)" = "La descrizione è lunga 201 caratteri; ne sono ammessi al massimo 200." ]
check "a required field left empty, in Italian" [ "$(err_for login)" = "Inserisci il nome utente del tuo account presso il provider." ]
check "and no English message on the Italian page" sh -c "! grep -qE 'begins with a hyphen|characters long|Enter the login' '$T/out'"
cgi POST 'action=save' "$bad_form"
check "the same form in English" sh -c "grep -qF 'The label &#39;-casa&#39; begins with a hyphen; each label must begin with a letter or a digit.' '$T/out' && grep -qF 'The description is 201 characters long; at most 200 are allowed.' '$T/out' && grep -qF 'Enter the login of your account at the provider.' '$T/out'"
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi POST 'action=save' "csrf_token=$(token)&hostname=a%20b.example.org&provider=dyn&login=a&password=p"
check "a character named by a word, the word in Italian too" [ "$(err_for hostname)" = "Non è ammesso uno spazio: usa solo lettere, cifre, trattini e punti." ]
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi POST 'action=save' "csrf_token=$(token)&hostname=z.example.org&description=a%E2%80%8Bb&provider=dyn&login=a&password=p"
check "an invisible character named in Italian" [ "$(err_for description)" = "La descrizione non può contenere U+200B (spazio a larghezza zero): è invisibile o inverte il testo intorno, quindi la pagina non mostrerebbe ciò che è memorizzato." ]
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi POST 'action=save' "csrf_token=$(token)&hostname=lingua.example.org&provider=dyn&login=a&password=p"
check "a hostname taken, in Italian" [ "$(err_for hostname)" = "lingua.example.org è già configurato: modifica quella voce." ]
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET 'action=edit&id=999999'
check "the error page in Italian" body_has "L&#39;host 999999 non esiste; forse è stato eliminato nel frattempo."

# A row the form never wrote: the list says why it is not written, in
# the page's language, from the same key ddns-apply words in English.
sql "INSERT INTO hosts (id, hostname, provider, login, password, created, updated) VALUES (500, 'x.-ostile.example.org', 'dyn', 'a', 'p', 1, 1)"
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET ''
check "a hostile row's reason on the Italian list, in Italian" body_has "Nome host DNS dinamico: L&#39;etichetta &#39;-ostile&#39; comincia con un trattino; ogni etichetta deve cominciare con una lettera o una cifra."
cgi GET ''
check "and in English on the English list" body_has "Dynamic DNS hostname: The label &#39;-ostile&#39; begins with a hyphen"
apply_db > /dev/null 2> "$T/apply.err"
check "ddns-apply says it in English (en.hdf's text, compiled in)" grep -qF "x.-ostile.example.org left out of ddclient's configuration: hostname: The label '-ostile' begins with a hyphen; each label must begin with a letter or a digit." "$T/apply.err"

# The Import's notes come from ddns-apply (root) as keys and parameters:
# the page words them in its language.
make_instance
printf 'ssl=yes\nprotocol=dyndns2\nscript=/other\nlogin=a\npassword=p\nstrano.example.org\n' > "$T/ddclient.conf"
chmod 600 "$T/ddclient.conf"
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET ''
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi POST 'action=import' "csrf_token=$(token)"
check "an Import that keeps a host as written: 200" [ "$(status)" = 200 ]
check "the host's note from ddns-apply, in Italian" body_has "script cambia ciò che ddclient invia, e ddns-admin non lo imposta: toglilo dal file o crea questo host dalla pagina."
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET ''
check "the list says why it is kept, in Italian" body_has "conservato dalla configurazione scritta a mano: script cambia ciò che ddclient invia"
cgi GET ''
check "and in English" body_has "kept from the hand-written configuration: script changes what ddclient sends, and ddns-admin does not set it"

# The store's errors: a damaged database, said in Italian.
head -c 4096 /dev/urandom > "$T/ddns.db"
EXTRA_ENV='HTTP_ACCEPT_LANGUAGE=it' cgi GET ''
check "a damaged database, in Italian (500)" sh -c "[ '$(status)' = 500 ] && grep -qF 'è danneggiato' '$T/out' && grep -qF 'ripristinalo da un backup' '$T/out'"
rm -f "$T/ddns.db"

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
