#!/bin/sh
# make-ca.sh DIR DAYS NAME: a CA called NAME (DIR/ca.pem) and a server
# certificate for 127.0.0.1 and ::1 signed by it (DIR/server.pem,
# DIR/server.key), each valid DAYS days; openssl's words in
# DIR/openssl.log. The demo's HTTPS provider and the tests' fake servers
# use it.
set -e
[ $# = 3 ] || { echo "usage: make-ca.sh DIR DAYS NAME" >&2; exit 2; }
mkdir -p "$1"
cd "$1"
{
	openssl req -x509 -newkey rsa:2048 -nodes -days "$2" -subj "/CN=$3" \
		-keyout ca.key -out ca.pem
	openssl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' \
		-keyout server.key -out server.csr
	printf 'subjectAltName=IP:127.0.0.1,IP:::1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > ext
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
		-days "$2" -extfile ext -out server.pem
} > openssl.log 2>&1
