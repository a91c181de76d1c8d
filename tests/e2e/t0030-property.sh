#!/bin/sh
# t0030-property: thousands of random and hostile values through the real
# CGI; the real ddclient ($DDCLIENT, each version: tests/tools/ddclient_sends.py),
# reading the written config, sees exactly the hosts and values that were
# acknowledged, and nothing more.
. "$(dirname "$0")/lib.sh"
make_instance "ddclient_use = ip, ip=203.0.113.7"
need_ddclient
python3 "$TOP/tests/tools/property.py" "$T" "$CGI" "${PROPERTY_ROUNDS:-4}" \
	"${PROPERTY_HOSTS:-250}" "${PROPERTY_SEED:-$(date +%s)}"
rc=$?
check "property run finished cleanly" [ "$rc" -eq 0 ]
done_testing
