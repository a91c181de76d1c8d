#!/bin/sh
# t0007-config-page: "What ddclient reads": the list page links to a page
# that shows ddclient's configuration file as it is, every password and
# key masked; a missing or unreadable file is said in words.
. "$(dirname "$0")/lib.sh"
make_instance

cgi GET 'action=config'
check "before any change the page answers 200" [ "$(status)" = 200 ]
check "and says the file does not exist yet" \
	sh -c "grep -A0 'id=\"config-problem\"' '$T/out' | grep -q 'does not exist yet'"

pw="Pa55'w, \"rd\" $(python3 -c 'import secrets; print(secrets.token_hex(4))')"
cgi GET 'action=edit'
cgi POST 'action=save' "$(form_body csrf_token "$(token)" hostname shown.example.org provider dyn login showme password "$pw")"
check "a host is saved (303)" [ "$(status)" = 303 ]
check "ddclient's configuration has its password" grep -qF "password='$pw'" "$T/ddclient.conf"

cgi GET ''
check "the list page links to the page" body_has 'href="?action=config"'
cgi GET 'action=config'
check "the page answers 200" [ "$(status)" = 200 ]
check "it shows the host and its login, as written" \
	sh -c "grep -q '^shown.example.org\$' '$T/out' && grep -q '^login=showme, ' '$T/out'"
check "the password is shown masked" body_has "password=&#39;••••&#39;, \\"
check "the password itself is nowhere in the page" no_leak "$pw"
check "the page shows the file's path" body_has "<code id=\"config-path\">$T/ddclient.conf</code>"
# the <pre> holds the file's lines; "</pre>" closes on a line of its own
check "every line of the file is on the page" [ "$(sed -n '/<pre/,/<\/pre>/p' "$T/out" | wc -l)" = "$(($(wc -l < "$T/ddclient.conf") + 1))" ]

# A file this page may not open (a link: the reader never follows one).
mv "$T/ddclient.conf" "$T/real.conf"
ln -s "$T/real.conf" "$T/ddclient.conf"
cgi GET 'action=config'
check "a file it cannot read: still 200" [ "$(status)" = 200 ]
check "and it says so in words" \
	sh -c "grep 'id=\"config-problem\"' '$T/out' | grep -q 'cannot be read'"
check "and shows nothing of the file" no_leak "$pw"

# A hand-written file: ddclient reads "host login password" by position,
# password='...' raw to the last quote, continuations; all masked, every
# other byte and line kept (issue 18, finding 5).
rm -f "$T/ddclient.conf"
cat > "$T/ddclient.conf" <<'EOF'
# written by hand
protocol=dyndns2, server=192.0.2.10
pos.example.org bob Pos1tional-Secret
password='a b#c-Raw-Secret' raw.example.org
cont.example.org carol \
  Cont1nued-Secret
EOF
chmod 600 "$T/ddclient.conf"
cgi GET 'action=config'
check "a hand-written file: 200" [ "$(status)" = 200 ]
check "its positional password is masked" body_has "pos.example.org bob ••••"
check "no secret of it reaches the page" \
	sh -c "! grep -qE 'Pos1tional-Secret|Raw-Secret|Cont1nued-Secret' '$T/out'"
check "every line of it is on the page" [ "$(sed -n '/<pre/,/<\/pre>/p' "$T/out" | wc -l)" = "$(($(wc -l < "$T/ddclient.conf") + 1))" ]
done_testing
