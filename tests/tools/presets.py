#!/usr/bin/env python3
"""presets.py: what each provider preset (and each protocol Custom offers)
must make ddclient send, per ddclient version, and what each provider
answers (ANSWERS); used by t0016-presets.sh, t0039-answers.sh and
t0042-one-account.sh.

  presets.py plan VERSION
      one line per preset and per Custom protocol:
      KEY<TAB>offered (1/0)<TAB>the urlencoded form fields of a host
      (KEY is the provider id, or custom:PROTOCOL)
  presets.py protocols VERSION
      the protocols Custom must offer on VERSION, one a line
  presets.py retarget CONF "ID=PORT ..."
      CONF with each host's server pointed at its preset's fake
  presets.py families VERSION STATE LOG HOST=FAMILY...
      per host: its requests (LOG) carry only its family's addresses, and
      its records (STATE) are as chosen
  presets.py plan39 VERSION
      t0039's facts, one line per ANSWERS preset (plan39 says which)
  presets.py requests VERSION LOG ID...
      per ID, whether the fake's first logged request for it is the
      table's ("ok - ..." / "not ok - ..." lines)
  presets.py verdicts VERSION FAMILY STATE CACHE records|recorded|failed ID...
      per ID: the fake provider's records (STATE) are what FAMILY chose,
      or ddclient's CACHE records the success, or a failure
  presets.py check VERSION SENDS presets|custom
      SENDS is ddclient_sends.py's output for the configuration written
      from the plan's offered presets (or Custom rows); prints "ok - ..." /
      "not ok - ..." lines, one a check. Presets and Custom rows are run
      apart: after a failed connection some protocols (dnsexit2,
      regfishde) send no other host of theirs in that pass.

The table says what the provider documents for the request: scheme, method,
path, query parameters, where the login and password go, and the host
form (the full name, or the name less its zone). Sources, since the
network reaches no provider here: ddclient's own text (each protocol's
nic_*_examples, its comments naming the provider's documentation, its
sample configuration) and the providers' pages named in each row. A fact that only
the provider's documentation can settle is marked DOC: it was not read
(no network), and the preset is kept because ddclient's implementation
was written against that documentation and nothing here contradicts it.
The only request t0016 checks for an API that first looks a record or
zone up (cloudflare, freedns, nfsn, digitalocean) is that look-up: without
a network the update never follows; its credentials and names are
checked. t0039 and t0042 run the look-ups and the updates against
fake_provider.py, which answers them as ANSWERS says.
"""
import hashlib
import ipaddress
import json
import os
import re
import sys
import urllib.parse

IP4 = "203.0.113.7"
IP6 = "2001:db8::7"
ZONE = "example.com"
BOTH = ("3.10", "3.11")
NEW = ("3.11",)

# Per protocol: the request. Placeholders: {H} the hostname, {L} login,
# {P} password, {Z} zone, {SUB} the hostname less the zone (Namecheap: less
# the login), {IP} the IPv4 address, {IP6}; {SHA} sha1 of "login|password".
# query: the parameters, all of them, in any order; auth: HTTP Basic
# login:password, or None (then no Authorization: Basic at all); headers:
# those that must be there; body: its parameters (form) or JSON value.
PROTO = {
    # dyndns2 (DynDNS's remote access specification, which these
    # providers follow): system= is ddclient's and ignored (DOC).
    "dyndns2": dict(path="/nic/update", auth="{L}:{P}",
                    query=[("system", "dyndns"), ("hostname", "{H}"), ("myip", "{IP}")]),
    "dyndns1": dict(path="/nic/dyndns", auth="{L}:{P}",
                    query=[("action", "edit"), ("started", "1"), ("hostname", "YES"),
                           ("host_id", "{H}"), ("myip", "{IP}")]),
    "noip": dict(path="/nic/update", auth="{L}:{P}",
                 query=[("system", "noip"), ("hostname", "{H}"), ("myip", "{IP}")]),
    "ovh": dict(path="/nic/update", auth="{L}:{P}",
                query=[("system", "dyndns"), ("hostname", "{H}"), ("myip", "{IP}")]),
    "changeip": dict(path="/nic/update", auth="{L}:{P}",
                     query=[("hostname", "{H}"), ("ip", "{IP}")]),
    "zoneedit1": dict(path="/auth/dynamic.html", auth="{L}:{P}",
                      query=[("host", "{H}"), ("dnsto", "{IP}"), ("zone", "{Z}")]),
    # easyDNS: the answer's first body word (NOERROR, NOACCESS, ...) is
    # what 3.10 parses (DOC). 3.11 sends myip once per family, always two.
    "easydns": dict(path="/dyn/generic.php", auth="{L}:{P}",
                    query=[("hostname", "{H}"), ("myip", "{IP}"), ("wildcard", "OFF")],
                    query311=[("hostname", "{H}"), ("myip", "{IP}"), ("myip", "{IP6}"),
                              ("wildcard", "OFF")]),
    # the rest carry the credentials in the URL or a header, never Basic
    "1984": dict(path="/1.0/freedns/", auth=None,
                 query=[("apikey", "{P}"), ("domain", "{H}"), ("ip", "{IP}")]),
    "dondominio": dict(path="/plain/", auth=None,
                       query=[("user", "{L}"), ("password", "{P}"), ("host", "{H}"),
                              ("ip", "{IP}")]),
    "duckdns": dict(path="/update", auth=None,
                    query=[("domains", "{H}"), ("token", "{P}"), ("ip", "{IP}")]),
    "freemyip": dict(path="/update", auth=None,     # no address: the source's (DOC)
                     query=[("token", "{P}"), ("domain", "{H}")]),
    "njalla": dict(path="/update/", auth=None,
                   query=[("h", "{H}"), ("k", "{P}"), ("a", "{IP}")]),
    # Namecheap: host is the name less the domain, which is the login
    "namecheap": dict(path="/update", auth=None,
                      query=[("host", "{SUB}"), ("domain", "{L}"), ("password", "{P}"),
                             ("ip", "{IP}")]),
    "freedns": dict(path="/api/", auth=None,
                    query=[("action", "getdyndns"), ("v", "2"), ("sha", "{SHA}")]),
    "cloudflare": dict(path="/zones/", auth=None, query=[("name", "{Z}")],
                       headers=["Authorization: Bearer {P}"]),
    # Gandi LiveDNS: the API key as "Apikey" (a personal access token
    # would need "Bearer", ddclient 4.0); record name less the zone
    "gandi": dict(method="PUT", path="/v5/livedns/domains/{Z}/records/{SUB}/A",
                  auth=None, query=[], headers=["Authorization: Apikey {P}"],
                  json={"rrset_values": ["{IP}"]}),
    "godaddy": dict(method="PUT", path="/{Z}/records/A/{SUB}", auth=None, query=[],
                    headers=["Authorization: sso-key {L}:{P}"],
                    json=[{"name": "{SUB}", "type": "A", "ttl": 600, "data": "{IP}"}]),
    "nfsn": dict(method="POST", path="/dns/{Z}/listRRs", auth=None, query=[],
                 headers=["X-NFSN-Authentication: {L};"],
                 form=[("name", "{SUB}"), ("type", "A")]),
    # 3.11's
    "digitalocean": dict(path="/v2/domains/{Z}/records", auth=None,
                         query=[("name", "{H}"), ("type", "A")],
                         headers=["Authorization: Bearer {P}"]),
    "dnsexit2": dict(method="POST", path="/dns/", auth=None, query=[],
                     json={"apikey": "{P}", "domain": "{Z}",
                           "update": [{"name": "{H}", "type": "A", "ttl": 5,
                                       "content": "{IP}"}]}),
    "domeneshop": dict(path="/v0/dyndns/update", auth="{L}:{P}",
                       query=[("hostname", "{H}"), ("myip", "{IP}")]),
    "regfishde": dict(path="/", auth=None,
                      query=[("fqdn", "{H}"), ("ipv4", "{IP}"), ("forcehost", "1"),
                             ("token", "{P}")]),
    "sitelutions": dict(path="/dnsup", auth=None,
                        query=[("id", "{H}"), ("user", "{L}"), ("pass", "{P}"),
                               ("ip", "{IP}")]),
    "nsupdate": None,       # RFC 2136, not HTTP: t0012 runs it against named
}

# The protocols Custom offers, per version; the others of ddclient's are
# broken or dead there (providers.c says why each).
CUSTOM = {p: BOTH for p in ("1984", "changeip", "cloudflare", "dondominio",
                            "duckdns", "dyndns1", "dyndns2", "easydns", "freedns",
                            "freemyip", "gandi", "godaddy", "namecheap", "nfsn",
                            "njalla", "noip", "nsupdate", "ovh", "sitelutions",
                            "zoneedit1")}
CUSTOM.update({p: NEW for p in ("digitalocean", "dnsexit2", "domeneshop",
                                "regfishde")})
# issue 19: Custom no longer offers the protocols whose presets were
# withdrawn because both versions mis-read the provider's answer
CUSTOM.update({p: () for p in ("1984", "dondominio", "easydns", "njalla")})

# The presets: the versions that offer each, protocol, server, the fields
# the form takes (L login, P password, Z zone), and what the hint tells
# the user to type where it is not an account login (login=).
D2 = "dyndns2"
PRESETS = {
    "dyn": (BOTH, D2, "members.dyndns.org", "LP", {}),
    "noip": (BOTH, "noip", "dynupdate.no-ip.com", "LP", {}),
    "dnsomatic": (BOTH, D2, "updates.dnsomatic.com", "LP", {}),
    "he": (BOTH, D2, "dyn.dns.he.net", "LP", {"login": "{H}"}),
    "dynu": (BOTH, D2, "api.dynu.com", "LP", {}),
    # deSEC: dyndns2 at update.dedyn.io, the domain name as login; an
    # IPv4 host's path keeps the AAAA record (ANSWERS has the sources)
    "desec": (BOTH, D2, "update.dedyn.io", "LP", {
        "login": "{H}", "query": [("myipv6", "preserve"), ("?system", "dyndns"),
                                  ("hostname", "{H}"), ("myip", "{IP}")]}),
    "duckdns": (BOTH, "duckdns", "www.duckdns.org", "P", {}),
    "freedns": (BOTH, "freedns", "freedns.afraid.org", "LP", {}),
    # issue 19 withdrew four: ddclient mis-reads their answers (ANSWERS)
    "is1984": ((), "1984", "api.1984.is", "P", {}),
    "namecheap": (BOTH, "namecheap", "dynamicdns.park-your-domain.com", "LP",
                  {"login": ZONE}),
    "changeip": (BOTH, "changeip", "nic.changeip.com", "LP", {}),
    "cloudflare": (BOTH, "cloudflare", "api.cloudflare.com/client/v4", "LPZ",
                   {"login": "token"}),
    "ovh": (BOTH, "ovh", "www.ovh.com", "LP", {"login": "example.com-home"}),
    "zoneedit": (BOTH, "zoneedit1", "dynamic.zoneedit.com", "LPZ", {}),
    "easydns": ((), "easydns", "api.cp.easydns.com", "LP", {}),
    "gandi": (BOTH, "gandi", "api.gandi.net", "PZ", {}),
    "godaddy": (BOTH, "godaddy", "api.godaddy.com/v1/domains", "LPZ", {}),
    "hetzner": ((), "hetzner", "dns.hetzner.com/api/v1", "PZ", {}),
    "dnsmadeeasy": ((), "dnsmadeeasy", "cp.dnsmadeeasy.com", "LP", {}),
    "nfsn": (BOTH, "nfsn", "api.nearlyfreespeech.net", "LPZ", {}),
    "freemyip": (BOTH, "freemyip", "freemyip.com", "P", {}),
    "dinahosting": ((), "dinahosting", "dinahosting.com", "LP", {}),
    "dondominio": ((), "dondominio", "dondns.dondominio.com", "LP", {}),
    "dnsexit": (NEW, "dnsexit2", "api.dnsexit.com", "PZ", {}),
    "digitalocean": (NEW, "digitalocean", "api.digitalocean.com", "PZ", {}),
    "domeneshop": (NEW, "domeneshop", "api.domeneshop.no", "LP", {}),
    "regfish": (NEW, "regfishde", "dyndns.regfish.de", "P", {}),
    "njalla": ((), "njalla", "njal.la", "P", {}),
    "strato": (BOTH, D2, "dyndns.strato.com", "LP", {"login": ZONE}),
    "selfhost": (BOTH, D2, "carol.selfhost.de", "LP", {}),
    "inwx": (BOTH, D2, "dyndns.inwx.com", "LP", {}),
    # LoopiaDNS: ddclient's own sample configuration (server and path)
    "loopia": (BOTH, D2, "dns.loopia.se", "LP",
               {"path": "/XDynDNSServer/XDynDNS.php"}),
    "infomaniak": (BOTH, D2, "infomaniak.com", "LP", {}),
    "nsupdateinfo": (BOTH, D2, "ipv4.nsupdate.info", "LP", {"login": "{H}"}),
    # issue 19: presets added (the provider's own page: ANSWERS' sources)
    "spdyn": (BOTH, D2, "update.spdyn.de", "LP", {}),
    "variomedia": (BOTH, D2, "dyndns.variomedia.de", "LP", {}),
    "opendns": (BOTH, D2, "updates.opendns.com", "LP", {}),
    "dyfi": (BOTH, D2, "www.dy.fi", "LP", {}),
    "ipv64": (BOTH, D2, "ipv64.net", "LP", {}),
    "dynv6": (BOTH, D2, "dynv6.com", "LP", {}),
    "hetunnel": (BOTH, D2, "ipv4.tunnelbroker.net", "LP", {}),
    "nicru": (BOTH, D2, "api.nic.ru", "LP", {"path": "/dyndns/update"}),
}
# issue 19: presets added (2) (the provider's own page: ANSWERS' sources)
PRESETS.update({
    "tiggerswelt": (BOTH, D2, "ssl.tiggerswelt.net", "LP", {}),
    "freedyn": (BOTH, D2, "ipv4.api.freedyn.de", "LP", {}),
    "safedns": (BOTH, D2, "www.safedns.com", "LP", {}),
    "visualdns": (BOTH, D2, "www.visualdns.net", "LP", {}),
    "monny": (BOTH, D2, "dyndns.monny.cloud", "LP", {}),
    "pubyun": (BOTH, D2, "members.3322.net", "LP", {"path": "/dyndns/update"}),
})
# issue 19: presets added (3) (the provider's own page: ANSWERS' sources)
PRESETS.update({
    "mayddns": (BOTH, D2, "mayddns.com", "LP", {}),
    "itsdns": (BOTH, D2, "www.itsdns.de", "LP", {"path": "/update.php"}),
    "dode": (BOTH, D2, "ddns.do.de", "LP", {"path": "/"}),
    "nederhost": (BOTH, D2, "dyndns.nederhost.nl", "LP", {}),
})


# What the provider answers, and what it does with the records: one row a
# preset, run by t0039-answers.sh through the real ddclient 3.10 and 3.11:
#   offer   {version: the families the form must offer there}; a version
#           missing: the preset is refused there, with the reason
#   model   how the fake provider (fake_provider.py preset) reads a
#           request and sets the A and AAAA records (its SIMPLE or API
#           table); every record starts as A 192.0.2.1, AAAA 2001:db8::1
#           so that a change shows
#   good, badauth, throttle
#           (status, headers, body) of the answer to the update, {H} the
#           hostname, {IP} the address(es) set; None: no source says it
#   lookups (APIs) {route: (status, headers, body)}: the answers to what
#           the update looks up first, as the API documents them
#   sources where the request, the answer and the record rules come from
#   why     what a version does wrong with it, where it is refused
# Optional:
#   other   "removed": the provider deletes the family a request leaves
#           out (else it is kept)
#   client  1: the provider sets the record from the connection's
#           address, the request carrying none
#   words   {answer: the words the list shows for it}; default: badauth
#           "Error" only, throttle as recorded
#   refused {family: the words the form's refusal must hold}
HTML = "text/html; charset=UTF-8"
TEXT = "text/plain"
JSON = "application/json"
EASY = ('<HTML><BODY><FONT FACE="sans-serif" SIZE="-1">%s<br />\n'
        '<hr noshade size="1">\n%s<br />\n</FONT></BODY></HTML>\n')
V4_V6 = ["ipv4", "ipv6"]
ALL = ["ipv4", "ipv6", "dual"]
# The presets added by issue 19 answer as DynDNS's specification says
# (D2_GOOD, D2_BAD below) where their page names no other answer; they
# offer IPv4 only, or dyndns2's families (one a request on 3.10).
V4_ONLY = {"3.10": ["ipv4"], "3.11": ["ipv4"]}
D2_FAMS = {"3.10": V4_V6, "3.11": ALL}
# A provider that sets one address per request (IPv4 or IPv6): dual is
# refused with the reason (providers.c: MSG_ver_dual_split).
ONE_A_REQUEST = dict(offer={"3.10": V4_V6, "3.11": V4_V6},
                     refused={"dual": "sets one address per update, IPv4 or IPv6"})
# DynDNS's remote access specification (help.dyn.com/return-codes): one
# return code a line, "good IP" or "nochg IP" a success, "badauth" for a
# wrong login, "abuse" for a host blocked after too many updates; the
# dyndns2 providers below follow it.
T = {"Content-Type": TEXT}
D2_GOOD = (200, T, "good {IP}\n")
D2_BAD = (200, T, "badauth\n")
D2_401 = (401, T, "badauth\n")     # the same word with HTTP 401
D2_ABUSE = (200, T, "abuse\n")
D2_SPEC = ("help.dyn.com/return-codes and /remote-access-api/policies: good, "
           "nochg, badauth, abuse (a host blocked after repeated updates)")
D2_DDCLIENT = ("ddclient 3.10 / 3.11.2 nic_dyndns2_update: the first word "
               "of each body line is the host's status; good and nochg a "
               "success, the rest recorded as they are")
BADAUTH = "The provider rejected the login or password."
ABUSE = "The provider blocked this hostname for abuse"


def unauth(realm, body="badauth\n"):
    """A 401 with the realm of the provider's Basic authentication."""
    return (401, {"Content-Type": TEXT,
                  "WWW-Authenticate": 'Basic realm="%s"' % realm}, body)


CF_ERR = ('{"success": false, "errors": [{"code": %d, "message": "%s"}], '
          '"messages": [], "result": null}')


def dyndns2(sources, offer=None, throttle=None, badauth=D2_BAD, **kw):
    """A dyndns2 preset's row: DynDNS's return codes."""
    return dict(offer=offer or D2_FAMS, model="dyndns2",
                good=D2_GOOD, badauth=badauth, throttle=throttle,
                sources=sources + [D2_DDCLIENT], **kw)


ANSWERS = {
    "dyn": dyndns2([D2_SPEC], throttle=D2_ABUSE),
    "noip": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="noip",
        good=D2_GOOD,
        badauth=unauth("No-IP DNS Update API"),
        throttle=(200, T, "abuse\n"),
        sources=["noip.com/integrate/response: good IP, nochg IP, nohost, "
                 "badauth, badagent, !donator, abuse (blocked: stop "
                 "sending), 911",
                 "ddclient issue #425 (a logged bad login: HTTP 401 with "
                 "WWW-Authenticate: Basic realm=\"No-IP DNS Update API\", "
                 "body badauth)",
                 "ddclient 3.10 / 3.11.2 nic_noip_update"]),
    "dnsomatic": dyndns2(["DNS-O-Matic's API follows DynDNS's: " + D2_SPEC],
                         throttle=D2_ABUSE),
    "he": dyndns2(["dns.he.net's dynamic DNS answers the dyndns2 codes "
                   "(good, nochg, badauth); no throttle answer documented"]),
    "dynu": dyndns2(["dynu.com/DynamicDNS/IP-Update-Protocol: a one-word "
                     "return code (good, nochg, badauth, ...)"]),
    "duckdns": dict(
        offer={"3.10": V4_V6, "3.11": ALL}, model="duckdns",
        good=(200, T, "OK"), badauth=(200, T, "KO"), throttle=None,
        sources=["duckdns.org/spec.jsp: OK or KO (no newline), ip= IPv4 "
                 "or IPv6, ipv6= the IPv6 of a dual update",
                 "ddclient 3.10 / 3.11.2 nic_duckdns_update: the last line "
                 "must hold OK"]),
    "freedns": dict(
        offer={"3.10": ALL, "3.11": ALL}, model="freedns",
        lookups={"list": (200, T, "{LIST}\n")},
        good=(200, T, "Updated 1 host(s) {H} to {IP} in 0.231 seconds\n"),
        badauth=(200, T, "ERROR: Could not authenticate.\n"),
        throttle=None,
        sources=["freedns.afraid.org/api/ (getdyndns v2: one record a line, "
                 "host|address|update URL, AAAA records included)",
                 "ddclient 3.10 / 3.11.2 nic_freedns_update: the list, then "
                 "the record's update URL with &address=; a success reads "
                 "'Updated ... <host> ... to <address>'; an answer without "
                 "a record line fails the host"]),
    "namecheap": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="namecheap",
        good=(200, {"Content-Type": "text/html; charset=utf-8"},
              '<?xml version="1.0"?>\n<interface-response>\n'
              '<Command>SETDNSHOST</Command>\n<Language>eng</Language>\n'
              '<IP>{IP}</IP>\n<ErrCount>0</ErrCount>\n'
              '<ResponseCount>0</ResponseCount>\n<Done>true</Done>\n'
              '<debug><![CDATA[]]></debug>\n</interface-response>'),
        badauth=(200, {"Content-Type": "text/html; charset=utf-8"},
                 '<?xml version="1.0"?>\n<interface-response>\n'
                 '<Command>SETDNSHOST</Command>\n<Language>eng</Language>\n'
                 '<ErrCount>1</ErrCount>\n<errors>\n'
                 '<Err1>Passwords do not match</Err1>\n</errors>\n'
                 '<ResponseCount>1</ResponseCount>\n<responses>\n<response>\n'
                 '<ResponseNumber>304156</ResponseNumber>\n'
                 '<ResponseString>Validation error; invalid ; password'
                 '</ResponseString>\n</response>\n</responses>\n'
                 '<Done>true</Done>\n<debug><![CDATA[]]></debug>\n'
                 '</interface-response>'),
        throttle=None,
        sources=["gist rgl/1518960 (Namecheap's dynamic DNS answers, logged: "
                 "interface-response with ErrCount 0, or ErrCount 1 and the "
                 "error; HTTP 200 either way)",
                 "ddclient 3.10 / 3.11.2 nic_namecheap_update: ErrCount 0 "
                 "is a success"]),
    "changeip": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="changeip",
        good=(200, T, "200 Successful Update\n"),
        badauth=unauth("ChangeIP", "401 Access Denied\n"),
        throttle=None,
        sources=["ddclient 3.10 / 3.11.2 nic_changeip_update, written "
                 "against ChangeIP's DynDNS-style API (DOC): a line holding "
                 "'success' is a success"]),
    "cloudflare": dict(
        offer={"3.10": ALL, "3.11": ALL}, model="cloudflare",
        lookups={
            "zone": (200, {"Content-Type": JSON},
                     '{"success": true, "errors": [], "messages": [], '
                     '"result": [{"id": "{ZID}", "name": "{Z}", '
                     '"status": "active"}], "result_info": {"page": 1, '
                     '"per_page": 20, "count": 1, "total_count": 1}}'),
            "record": (200, {"Content-Type": JSON},
                       '{"success": true, "errors": [], "messages": [], '
                       '"result": [{"id": "{RID}", "zone_id": "{ZID}", '
                       '"name": "{H}", "type": "{T}", "content": "{OLD}", '
                       '"proxied": false, "ttl": 1}]}')},
        good=(200, {"Content-Type": JSON},
              '{"success": true, "errors": [], "messages": [], "result": '
              '{"id": "{RID}", "zone_id": "{ZID}", "name": "{H}", '
              '"type": "{T}", "content": "{IP}", "proxied": false, '
              '"ttl": 1}}'),
        badauth=(403, {"Content-Type": JSON},
                 CF_ERR % (9109, "Invalid access token")),
        throttle=(429, {"Content-Type": JSON, "Retry-After": "300"},
                  CF_ERR % (971, "Please wait and consider throttling "
                            "your request speed")),
        sources=["developers.cloudflare.com/api (zones list, DNS records "
                 "list and patch: the success/errors/messages/result "
                 "envelope)",
                 "Cloudflare API rate limits: HTTP 429 with Retry-After",
                 "ddclient 3.10 / 3.11.2 nic_cloudflare_update: zone id, "
                 "then the record id per type, then PATCH {content}"]),
    "ovh": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="ovh",
        good=D2_GOOD,
        badauth=unauth("DynHost"),
        throttle=None,
        sources=["OVH DynHost: dyndns2-style answers good/nochg (DOC)",
                 "ddclient 3.10 / 3.11.2 nic_ovh_update: a line holding "
                 "good or nochg is a success"]),
    "zoneedit": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="zoneedit1",
        good=(200, T, '<SUCCESS CODE="200" TEXT="Update succeeded." '
              'ZONE="example.com" HOST="{H}" IP="{IP}">\n'),
        badauth=unauth("DNS API Access", "\n"),
        throttle=(200, T, '<ERROR CODE="702" TEXT="Minimum 600 seconds '
                  'between requests" ZONE="example.com" HOST="{H}">\n'),
        sources=["ZoneEdit's dynamic answers (ddclient's comments and "
                 "inadyn's ZoneEdit plugin): <SUCCESS CODE=\"200\" ...>, "
                 "<ERROR CODE=\"702\" ... Minimum 600 seconds between "
                 "requests>, 707 'duplicate update' taken as a success",
                 "ddclient 3.10 / 3.11.2 nic_zoneedit1_update"]),
    "gandi": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="gandi",
        good=(201, {"Content-Type": JSON}, '{"message": "DNS Record Created"}'),
        badauth=(401, {"Content-Type": JSON},
                 '{"object": "HTTPUnauthorized", "cause": "Unauthorized", '
                 '"code": 401, "message": "The server could not verify that '
                 'you authorized to access the document you requested."}'),
        throttle=(429, {"Content-Type": JSON},
                  '{"object": "HTTPTooManyRequests", "cause": "Too Many '
                  'Requests", "code": 429, "message": "Too many requests"}'),
        sources=["api.gandi.net/docs/livedns (PUT .../records/NAME/TYPE: "
                 "201 {message: DNS Record Created}; 401; rate limit 429)",
                 "ddclient 3.10 / 3.11.2 nic_gandi_update: a JSON body and "
                 "a 2xx status is a success"]),
    "godaddy": dict(
        offer={"3.10": V4_V6, "3.11": ["ipv4"]}, model="godaddy",
        good=(200, {"Content-Type": JSON}, ""),
        badauth=(401, {"Content-Type": JSON},
                 '{"code": "UNABLE_TO_AUTHENTICATE", "message": "Unable to '
                 'authenticate"}'),
        throttle=(429, {"Content-Type": JSON},
                  '{"code": "TOO_MANY_REQUESTS", "message": "Too many '
                  'requests received within interval", "retryAfterSec": 30}'),
        sources=["developer.godaddy.com/doc/endpoint/domains (PUT "
                 "/v1/domains/{domain}/records/{type}/{name}: 200 with no "
                 "body; errors {code, message}; 429 with retryAfterSec)",
                 "ddclient 3.10 / 3.11.2 nic_godaddy_update: 200 a success, "
                 "401/403/404/422/429 named failures"]),
    "nfsn": dict(
        offer={"3.10": ["ipv4"], "3.11": ["ipv4"]}, model="nfsn",
        lookups={"list": (200, {"Content-Type": JSON},
                          '[{"name": "{SUB}", "type": "{T}", "data": "{OLD}", '
                          '"ttl": 3600, "scope": "member"}]'),
                 "remove": (200, {"Content-Type": JSON}, "")},
        good=(200, {"Content-Type": JSON}, ""),
        badauth=(401, {"Content-Type": JSON},
                 '{"error": "Authentication error.", "debug": "The API '
                 'login and key do not match."}'),
        throttle=None,
        sources=["members.nearlyfreespeech.net/wiki/API (DNS listRRs, "
                 "removeRR, addRR; errors as {error, debug})",
                 "ddclient 3.10 / 3.11.2 nic_nfsn_update: listRRs, "
                 "removeRR of the old one, addRR, always of type A: an "
                 "IPv6 address would go into an A record (IPv4 only)"]),
    "freemyip": dict(
        offer={"3.10": ["ipv4"], "3.11": ["ipv4"]}, model="freemyip", client=1,
        good=(200, T, "OK\n"), badauth=(200, T, "ERROR\n"), throttle=None,
        sources=["freemyip.com's update URL (token, domain, optional "
                 "myip): OK or ERROR; without myip the record gets the "
                 "address the request came from (DOC: not confirmed here)",
                 "ddclient 3.10 / 3.11.2 nic_freemyip_update: sends no "
                 "address; the last line must hold OK. An IPv6 host's "
                 "address is never sent: IPv4 only"]),
    "dnsexit": dict(
        offer={"3.11": ALL}, model="dnsexit2",
        good=(200, {"Content-Type": JSON},
              '{"code": 0, "message": "Success"}'),
        badauth=(200, {"Content-Type": JSON},
                 '{"code": 2, "message": "API Key Authentication Error. '
                 'The API Key is missing or wrong."}'),
        throttle=None,
        sources=["dnsexit.com/dns/dns-api: JSON {code, message}, code 0 "
                 "success, 2 a wrong API key (the codes 3.11.2 lists)",
                 "ddclient 3.11.2 nic_dnsexit2_update"]),
    "digitalocean": dict(
        offer={"3.11": ALL}, model="digitalocean",
        lookups={"record": (200, {"Content-Type": JSON},
                            '{"domain_records": [{"id": {RID}, "type": '
                            '"{T}", "name": "{SUB}", "data": "{OLD}", '
                            '"priority": null, "port": null, "ttl": 1800, '
                            '"weight": null, "flags": null, "tag": null}], '
                            '"links": {}, "meta": {"total": 1}}')},
        good=(200, {"Content-Type": JSON},
              '{"domain_record": {"id": {RID}, "type": "{T}", "name": '
              '"{SUB}", "data": "{IP}", "ttl": 1800}}'),
        badauth=(401, {"Content-Type": JSON},
                 '{"id": "Unauthorized", "message": "Unable to authenticate '
                 'you."}'),
        throttle=(429, {"Content-Type": JSON, "Retry-After": "60"},
                  '{"id": "too_many_requests", "message": "API Rate limit '
                  'exceeded."}'),
        sources=["docs.digitalocean.com/reference/api (domain records "
                 "list and update; errors {id, message})",
                 "docs.digitalocean.com/notes/2023/api-rate-limit: 429 "
                 "with Retry-After",
                 "ddclient 3.11.2 nic_digitalocean_update: exactly one "
                 "record listed, then PATCH {type, data}"]),
    "domeneshop": dict(
        offer={"3.11": ["ipv4"]}, model="domeneshop",
        good=(204, {}, ""),
        badauth=(401, {"Content-Type": JSON,
                       "WWW-Authenticate": 'Basic realm="api"'},
                 '{"error": "unauthorized"}'),
        throttle=None,
        sources=["api.domeneshop.no/docs (GET /v0/dyndns/update: 204 No "
                 "Content on success)",
                 "ddclient 3.11.2 nic_domeneshop_update: 204 a success"]),
    "regfish": dict(
        offer={"3.11": ["ipv4"]}, model="regfishde",
        good=(200, T, "success|100|update succeeded!\n"),
        badauth=(200, T, "failed|401|unauthorized\n"),
        throttle=None,
        sources=["regfish.de dynamic DNS: success|100|... or failed|CODE|"
                 "... (DOC)",
                 "ddclient 3.11.2 nic_regfishde_update: 'success' in the "
                 "answer"]),
    "strato": dyndns2(["strato.de FAQ: DynDNS with the dyndns2 codes (DOC)"]),
    "selfhost": dyndns2(["selfhost.de: dyndns2 codes (DOC)"]),
    "loopia": dyndns2(["support.loopia.com (LoopiaDNS dynamic DNS: good, "
                       "nochg, badauth, nohost; DOC)"]),
    "infomaniak": dyndns2(["infomaniak.com dynamic DNS: dyndns2 codes (DOC)"]),
    "nsupdateinfo": dyndns2(["nsupdate.info's update API: the dyndns2 "
                             "codes (good, nochg, badauth, abuse)"],
                            throttle=D2_ABUSE,
                            badauth=(401, T, "badauth\n")),
    "easydns": dict(
        offer={}, model="easydns",
        good=(200, {"Content-Type": HTML},
              EASY % ("OK", "no update required for {H} to {IP}")),
        badauth=(200, {"Content-Type": HTML},
                 EASY % ("NOACCESS", "Authentication failed")),
        throttle=(200, {"Content-Type": HTML},
                  EASY % ("TOO_FREQ", "Update frequency is too short")),
        sources=["ddclient issue #354 and #582 (the answer as logged, "
                 "Content-Type text/html): OK inside HTML",
                 "inadyn pull request #404: OK and TOO_FREQ",
                 "mario-campos/dyndnsd issue #14: an error word the same way",
                 "ddclient 3.10 / 3.11.2 nic_easydns_update: the status is "
                 "the first word of the line, and only NOERROR is a success"],
        why="both versions take the first word of the page "
            "('<HTML><BODY><FONT') for the status: every update is "
            "recorded as failed and re-sent every 5 minutes"),
    "dondominio": dict(
        offer={}, model="dondominio",
        good=(200, {"Content-Type": TEXT}, "OK\nIP:{IP}\n"),
        badauth=None, throttle=None,
        sources=["ddclient pull request #646, citing dondominio.dev/es/"
                 "dondns/docs/api/#respuesta-plaintext: OK, then IP:x.x.x.x "
                 "as the last line",
                 "ddclient 3.10 / 3.11.2 nic_dondominio_update: the LAST "
                 "line must hold OK"],
        why="both versions read only the last line, IP:x.x.x.x: every "
            "update is recorded as failed"),
    "njalla": dict(
        offer={}, model="njalla",
        good=(200, {"Content-Type": JSON},
              '{"status": 200, "message": "record updated", '
              '"value": {"A": "{IP}"}}'),
        badauth=(200, {"Content-Type": JSON},
                 '{"status": 401, "message": "invalid host or key"}'),
        throttle=None,
        sources=["ddclient 3.10 / 3.11.2 nic_njalla_update, written against "
                 "njal.la/docs/ddns: the JSON answer, and that a success "
                 "only logs (no status, ip or mtime recorded)"],
        why="on success both versions only log: the cache keeps no status "
            "and no address, so the host is sent again on every pass"),
    "is1984": dict(
        offer={}, model="1984",
        good=(200, {"Content-Type": JSON},
              '{"ok": true, "msg": "record updated", "ip": "{IP}"}'),
        badauth=(200, {"Content-Type": JSON},
                 '{"ok": false, "msg": "invalid api key"}'),
        throttle=None,
        sources=["ddclient 3.10 / 3.11.2 nic_1984_update (the ok, msg and "
                 "ip fields it reads; a success only logs)"],
        why="as Njalla: a success is only logged, nothing recorded"),
    "inwx": dict(
        offer={"3.10": ["ipv4"], "3.11": ["ipv4"]}, model="inwx",
        good=(200, {"Content-Type": TEXT}, "good {IP}\n"),
        badauth=D2_401,
        throttle=None,
        sources=["ddclient issue #96 (INWX's update URL: myip=<ipaddr>"
                 "&myipv6=<ip6addr>)",
                 "ddclient pull request #690 (its own protocol in 4.0): an "
                 "update without myip sets the A record to 127.0.0.1",
                 "astlinux-project/ddclient-curl pull request #10: a "
                 "family left out of the request is removed"],
        other="removed",
        why="dyndns2 sends IPv6 in myip=, which INWX does not read as "
            "IPv6; IPv4 only, and INWX removes the AAAA record"),
    "desec": dict(
        offer={"3.10": ["ipv4", "ipv6"], "3.11": ["ipv4", "ipv6"]},
        model="desec",
        good=(200, {"Content-Type": TEXT}, "good\n"),
        badauth=(401, {"Content-Type": JSON},
                 '{"detail": "Invalid username/password."}'),
        throttle=(429, {"Content-Type": JSON, "Retry-After": "60"},
                  '{"detail": "Request was throttled."}'),
        sources=["desec-stack docs/dyndns/update-api.rst: IPv4 from myip, "
                 "myipv4, ip, IPv6 from myipv6, ipv6, myip, ip; a family "
                 "with none is taken from the connection or deleted; the "
                 "special value preserve keeps it; 200 'good', 401 on bad "
                 "credentials; rate limits",
                 "opnsense/plugins issue #5232: myipv6=preserve / "
                 "myipv4=preserve"],
        refused={"dual": "which deSEC does not document"},
        why="a request with one family deletes (or fills from the "
            "connection) the other: the renderer adds myipv6=preserve "
            "(myipv4=preserve) through the path; dual not offered: "
            "deSEC's reading of myip=v4,v6 is not documented"),
    # issue 19: presets added. dyndns2 at the provider's documented
    # server; "good IP" / "badauth" as the DynDNS remote access
    # specification that each says it follows, where its own page
    # names no other answer.
    "spdyn": dict(
        offer=D2_FAMS,
        model="dyndns2",
        good=D2_GOOD,
        badauth=D2_BAD,
        throttle=None,
        sources=["wiki.securepoint.de SPDyn/Parameter: https://update.spdyn.de"
                 "/nic/update?hostname=&myip=IPv4,IPv6 (exactly one of each, "
                 "comma-separated); user/pass only without HTTP Basic auth",
                 "wiki.securepoint.de SPDyn/Updatetoken: with a token the "
                 "user name is the hostname",
                 "answers: DynDNS's remote access specification (SPDYN's "
                 "'Dyndns-Update-Server')"],
        why=""),
    "variomedia": dict(
        offer=D2_FAMS,
        model="dyndns2",
        good=D2_GOOD,
        badauth=D2_BAD,
        throttle=None,
        sources=["dyndns.variomedia.de: https://dyndns.variomedia.de/nic/update,"
                 " HTTP Basic auth (customer e-mail, DynDNS password), "
                 "hostname, myip (optional; both families comma-separated: "
                 "myip=127.0.0.1,::1); 'das verbreitete DynDNS-Protokoll'"],
        why=""),
    "opendns": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD,
        badauth=D2_BAD,
        throttle=(200, {"Content-Type": TEXT}, "abuse\n"),
        sources=["support.opendns.com FAQ OpenDNS Developer Resources and "
                 "opendns.com/support/article/88: https://updates.opendns.com"
                 "/nic/update?hostname=, DynDNS's update API over SSL only; "
                 "badauth, nohost, good (also when nothing changed), !yours, "
                 "abuse (more than one update a minute)",
                 "support.umbrella.com Cisco Umbrella Dynamic Update API: "
                 "Hostname: <Umbrella Network Name>, user e-mail, password"],
        why=""),
    "dyfi": dict(
        offer=V4_ONLY, model="client", client=1,
        good=D2_GOOD,
        badauth=D2_401,
        throttle=(200, {"Content-Type": TEXT}, "abuse\n"),
        sources=["dy.fi/page/specification: HTTPS GET www.dy.fi/nic/update, "
                 "HTTP Basic auth (badauth with HTTP 401), only 'hostname'; "
                 "the record gets the HTTP client's address; one text/plain "
                 "line per host: good ip-address, nochg, abuse, ...; "
                 "'The mappings expire in 7 days, so please update some time "
                 "between 5*24 and 6*24 hours after the previous update'"],
        why=""),
    "ipv64": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD,
        badauth=D2_401,
        throttle=None,
        sources=["ipv64.net/dyndns_updater_api: https://ipv64.net/nic/update "
                 "(DynDNS 2, preferred); Basic Auth {xyz}:{token}; hostname, "
                 "myip; limits: 3 calls in 10 s, 48 a day by default (the "
                 "answer to either is not documented)"],
        why=""),
    "dynv6": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD,
        badauth=D2_BAD,
        throttle=None,
        sources=["dynv6.com/docs/apis: 'We implemented the dyn.com Remote "
                 "Access API ... It can only be used to update the IPv4 "
                 "address of a zone'; server dynv6.com, path /nic/update; "
                 "IPv6 by DNS Update (RFC 2136) with a TSIG key"],
        why=""),
    "hetunnel": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD,
        badauth=D2_BAD,
        throttle=None,
        sources=["forums.he.net topic 1994 (Hurricane Electric staff): "
                 "Dyn-compliant endpoint https://ipv4.tunnelbroker.net/nic/"
                 "update; user name, tunnel update key (or the account "
                 "password); hostname the tunnel ID or "
                 "tunnelID.tunnelbroker.net; myip the IPv4 end point"],
        why=""),
    "nicru": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD, badauth=D2_BAD, throttle=None,
        sources=["nic.ru/help/dynamic-dns-for-developers_5810.html: GET "
                 "https://api.nic.ru/dyndns/update?hostname=&myip= with Basic "
                 "auth; myip the IPv4, ipv6 the IPv6 (a request without it "
                 "leaves the IPv6 unset); HTTP 200 'good 192.168.1.1', "
                 "'badauth', nohost, notfqdn, dnserr"],
        why=""),
}
# issue 19: presets added (2). dyndns2 at the provider's documented server;
# the answers its page names, else DynDNS's (marked so in sources).
ANSWERS.update({
    "tiggerswelt": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD,
        badauth=D2_401,
        throttle=None,
        sources=["ssl.tiggerswelt.net/wiki/ddns/internet-browser: "
                 "https://ssl.tiggerswelt.net/nic/update?[system=dyndns|statdns&]"
                 "hostname=...&[myip=IP-Adresse&]..., user name and password by "
                 "HTTP Basic auth (the browser asks; or in the URL); myip one "
                 "address, IPv6 not named",
                 "ssl.tiggerswelt.net/wiki/ddns/informationen_fuer_entwickler: "
                 "good (HTTP 200, followed by the address set), nochg (200), "
                 "badauth (HTTP 401), badsys, numhost, notfqdn, abuse (400)"],
        why=""),
    "freedyn": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD, badauth=D2_BAD, throttle=None,
        sources=["freedyn.de/dyndnsapi.php: 'kompatibel zum dyndns2-Standard', "
                 "http(s)://ipv4.api.freedyn.de (or ipv6.api.) /nic/update?"
                 "hostname=&myip=IPv4&myip2=IPv6, user = the 10-digit account "
                 "ID, pass = the Control Panel password or the AUTH key, in "
                 "the URL or by HTTP Basic auth",
                 "answers: none named on the page; DynDNS's (good IP, "
                 "badauth), as the 'dyndns2 standard' it follows"],
        why=""),
    "safedns": dict(
        offer=V4_ONLY, model="client", client=1,
        good=D2_GOOD,
        badauth=(401, {"Content-Type": TEXT}, "Authentication required\n"),
        throttle=None,
        sources=["help.safedns.com solutions article 35000023994: "
                 "https://www.safedns.com/nic/update?hostname=, HTTP Basic "
                 "auth (the account's e-mail and password); hostname the "
                 "name identifying the IP; myip ignored, the address is the "
                 "one the request comes from; answers 'good IP_ADDRESS', "
                 "'Authentication required' (its HTTP status not named: 401 "
                 "here), badprofile, !yours"],
        why=""),
    "visualdns": dict(
        offer=V4_ONLY, model="dyndns2",
        good=(200, {"Content-Type": TEXT}, "good\n"),
        badauth=D2_BAD,
        throttle=None,
        sources=["visualdns.net/dynamic-dns/: 'dyndns2 protocol', "
                 "www.visualdns.net/nic/update?hostname=&myip=, user name "
                 "or e-mail and password by HTTP Basic auth; myip 'the IPv4 "
                 "address that will be updated into your A record'; HTTP "
                 "200 always, body good, nochg, nohost, numhost, badauth, "
                 "notfqdn, badip, badparam"],
        why=""),
    "monny": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD, badauth=D2_BAD, throttle=None,
        sources=["dyndns.monny.cloud/instructions: https://dyndns.monny.cloud"
                 "/nic/update?hostname=&myip=, HTTP Basic auth (user name, "
                 "access token); success 'good' and the address set",
                 "bad credentials: no answer named (an 'error message'); "
                 "DynDNS's badauth here"],
        why=""),
    "pubyun": dict(
        offer=V4_ONLY, model="dyndns2",
        good=D2_GOOD,
        badauth=D2_401,
        throttle=(200, {"Content-Type": TEXT}, "abuse\n"),
        sources=["pubyun.com/wiki/%E5%B8%AE%E5%8A%A9:api (Pubyun's '3322 dynamic "
                 "domain update API'): GET "
                 "members.3322.net/dyndns/update?hostname=&myip=&wildcard=&mx="
                 "&backmx=&offline=, HTTP Basic auth; answers good IP, nochg "
                 "IP, badauth (HTTP 4XX: 401 here), abuse after more than 3 "
                 "requests less than a minute apart (its status not named: "
                 "200 here)",
                 "3322's earlier protocol text (its title 'dynamic domain: "
                 "protocol'), as copied at geek-share.com/detail/2415462681."
                 "html: "
                 "HTTP and HTTPS"],
        why=""),
})

# issue 19: presets added (3). dyndns2 at the provider's documented server
# (do.de: see its row); the answers its page names.
ANSWERS.update({
    "mayddns": dyndns2(
        ["dekimus.com/support/api (mayDDNS): 'DynDNS/No-IP Compatible "
         "Update API', GET https://mayddns.com/nic/update with Basic "
         "Authentication (the username and password of the hostname's "
         "details), hostname the full name, myip an IPv4 address; HTTP 200 "
         "success, 401 authentication failed, 429 rate limit; bodies good "
         "[IP], nochg [IP], badauth, abuse (rate limit exceeded); at most 5 "
         "update requests a minute per IP"],
        offer=V4_ONLY, badauth=D2_401,
        throttle=(429, T, "abuse\n"), why=""),
    "itsdns": dyndns2(
        ["itsdns.de/dynupdatehelp.htm (it's DNS): updates to "
         "https://www.itsdns.de/update.php, GET parameters username and "
         "password or an HTTP auth header, myip (else the client's "
         "address); A and AAAA records take two requests, one with the IPv4 "
         "and one with the IPv6 address; HTTP 200 'good 123.123.123.123' "
         "(the IPv4 or IPv6 address set), 200 'nochg ...', 400 a parameter "
         "missing, 401 (with a text) when e-mail address, update key and "
         "hostname do not match, 500 a DNS error",
         "the page's table of GET parameters did not come through here: "
         "hostname= as DynDNS's (IPFire's ddns sends it so to this URL); "
         "the 401's text is not quoted: badauth here"],
        badauth=D2_401, why="", **ONE_A_REQUEST),
    "dode": dyndns2(
        ["do.de/wiki/FlexDNS_-_Entwickler (Domain-Offensive, FlexDNS): good "
         "(HTTP 200, followed by the address set), nochg (200), numhost "
         "(400, no record assigned to the FlexDNS user), badauth (401, the "
         "parameters username and/or password wrong), toomanyrequests (429, "
         "too many requests from the address or the user), 911 (500); "
         "hostname and myip named; IPv6 not named",
         "the update host is not on the page read here: ddns.do.de, path /, "
         "as IPFire's ddns (citing that page) and inadyn's do.de plugin "
         "send it"],
        offer=V4_ONLY, badauth=D2_401,
        throttle=(429, T, "toomanyrequests\n"), why=""),
    "nederhost": dyndns2(
        ["nederhost.nl/kennisbank/domeinnamen/DNS/Dynamic_DNS_gebruiken and "
         "nederhost.nl/helpdesk/technisch/domeinnaam/dns_en_doorverwijzen/"
         "dyndns/: the de facto DynDNS standard sets an A or an AAAA "
         "record; https://dyndns.nederhost.nl/nic/update?hostname="
         "naam.example.com&myip=192.0.2.123 (the full name; without myip "
         "the address the request comes from), the domain's login "
         "(domXXXXX) and password by HTTP Basic auth (wget --user, curl "
         "--user)",
         "answers: the part of the page naming them did not come through "
         "here; DynDNS's (good IP, badauth), as the standard it follows"],
        why="", **ONE_A_REQUEST),
})

def rows(ver):
    """(key, offered, protocol, server, fields, extra, hostname)."""
    for pid, (vers, proto, server, fields, extra) in PRESETS.items():
        yield pid, ver in vers, proto, server, fields, extra, pid + ".example.com"
    for proto, vers in sorted(CUSTOM.items()):
        if proto == "nsupdate":
            continue
        f = "LP"
        if proto in ("1984", "duckdns", "freemyip", "njalla", "regfishde"):
            f = "P"
        if proto in ("cloudflare", "nfsn", "zoneedit1", "godaddy"):
            f = "LPZ"
        if proto in ("gandi", "digitalocean", "dnsexit2"):
            f = "PZ"
        extra = {"login": ZONE} if proto == "namecheap" else \
            {"login": "token"} if proto == "cloudflare" else {}
        server = "c-%s.example.net" % proto
        if proto == "freedns":
            # ddclient sends every freedns host with the first one's server
            # and account: Custom's is the preset's account (t0016 checks
            # that a second account is left out)
            server, extra = "freedns.afraid.org", {"login": "user-freedns",
                                                   "password": "pw-freedns"}
        yield ("custom:" + proto, ver in vers, proto, server, f, extra,
               "c-%s.example.com" % proto)


def values(key, fields, extra, host):
    login = extra.get("login", "user-" + key.replace("custom:", "c-"))
    login = login.replace("{H}", host)
    return dict(H=host, L=login if "L" in fields else "",
                P=extra.get("password", "pw-" + key.replace("custom:", "c-")),
                Z=ZONE if "Z" in fields else "")


def form(ver, key, proto, server, fields, extra, host):
    v = values(key, fields, extra, host)
    f = [("hostname", host)]
    if key.startswith("custom:"):
        f += [("provider", "custom"), ("protocol", proto), ("server", server)]
    else:
        f += [("provider", key)]
    if "L" in fields:
        f.append(("login", v["L"]))
    f.append(("password", v["P"]))
    if "Z" in fields:
        f.append(("zone", v["Z"]))
    # easyDNS on 3.11: only the dual request is what it means to send
    f.append(("family", "dual" if proto == "easydns" and ver == "3.11" else "ipv4"))
    return urllib.parse.urlencode(f)


def fill(t, v):
    if isinstance(t, str):
        for k, x in v.items():
            t = t.replace("{%s}" % k, x)
        return t
    if isinstance(t, tuple):
        return tuple(fill(x, v) for x in t)
    if isinstance(t, list):
        return [fill(x, v) for x in t]
    if isinstance(t, dict):
        return {k: fill(x, v) for k, x in t.items()}
    return t


def expect(ver, key, proto, server, fields, extra, host):
    """The request ddclient must send, or None (not HTTP)."""
    p = PROTO[proto]
    if p is None:
        return None
    v = values(key, fields, extra, host)
    dom = v["L"] if proto == "namecheap" else ZONE
    v["SUB"] = host[:-len(dom) - 1] if host.endswith("." + dom) else host
    v["SHA"] = hashlib.sha1(("%s|%s" % (v["L"], v["P"])).encode()).hexdigest()
    v["IP"], v["IP6"] = IP4, IP6
    srv, _, spath = server.partition("/")
    q = p.get("query311") if ver == "3.11" and "query311" in p else p["query"]
    q = extra.get("query", q)
    return dict(scheme="https", method=p.get("method", "GET"),
                server=p.get("server_prefix", "") + srv,
                path=extra.get("path", (spath and "/" + spath) + fill(p["path"], v)),
                query=sorted(fill(q, v)), auth=fill(p["auth"], v),
                headers=fill(p.get("headers", []), v),
                json=fill(p.get("json"), v), form=sorted(fill(p.get("form", []), v)))


def check(ver, sends, which):
    reqs = [json.loads(l) for l in open(sends) if l.strip()]
    last = reqs.pop() if reqs and "warnings" in reqs[-1] else {"warnings": ["no summary"]}
    out = []

    def say(ok, what):
        out.append("%s - [%s] %s" % ("ok" if ok else "not ok", ver, what))

    by_server = {}
    for r in reqs:
        by_server.setdefault(r.get("server", "").split(":")[0], []).append(r)
    for row in rows(ver):
        key, offered, proto = row[0], row[1], row[2]
        if not offered or key.startswith("custom:") != (which == "custom"):
            continue
        want = expect(ver, *row[:1], *row[2:])
        if want is None:
            continue
        got = by_server.get(want["server"], [])
        if len(got) != 1:
            say(False, "%s: one request to %s (got %d)" % (key, want["server"], len(got)))
            continue
        g = got[0]
        q = sorted(urllib.parse.parse_qsl(g.get("query", ""), keep_blank_values=True))
        errs = []
        for k in ("scheme", "method", "path"):
            if g.get(k) != want[k]:
                errs.append("%s %r, not %r" % (k, g.get(k), want[k]))
        if q != want["query"]:
            errs.append("query %r, not %r" % (q, want["query"]))
        if g.get("auth") != want["auth"]:
            errs.append("Basic auth %r, not %r" % (g.get("auth"), want["auth"]))
        for h in want["headers"]:
            if not any(x.startswith(h) for x in g.get("headers", [])):
                errs.append("no header %r in %r" % (h, g.get("headers")))
        if want["json"] is not None:
            try:
                body = json.loads(g.get("body", ""))
            except ValueError:
                body = g.get("body")
            if body != want["json"]:
                errs.append("body %r, not %r" % (body, want["json"]))
        if want["form"] and sorted(urllib.parse.parse_qsl(g.get("body", ""))) != want["form"]:
            errs.append("body %r, not %r" % (g.get("body"), want["form"]))
        say(not errs, "%s (%s): %s %s://%s%s as the provider documents%s" % (
            key, proto, want["method"], want["scheme"], want["server"], want["path"],
            "" if not errs else ": " + "; ".join(errs)))
    say(not last["warnings"], "%s: ddclient printed no configuration warning%s" % (
        which,
        "" if not last["warnings"] else ": " + " | ".join(last["warnings"][:3])))
    print("\n".join(out))


def retarget(conf, ports):
    """ddns-apply's configuration (conf) with each host's server replaced
    by its preset's fake: ports is "ID=PORT ..."; a host's preset is its
    hostname's first label."""
    port = dict(x.split("=") for x in ports.split())
    block = []
    for line in open(conf).read().splitlines() + [""]:
        if line.strip() and not line.startswith(("#", " ")) and "=" not in line \
                and not line.rstrip().endswith("\\"):
            pid = line.split(".")[0]
            block = [re.sub(r"^server=[^,]*,", "server=127.0.0.1:%s," %
                            port.get(pid, "9"), b) for b in block]
            print("\n".join(block + [line]))
            block = []
        elif line.startswith(("protocol=", "server=", "script=", "login=",
                              "password=", "zone=", "mx=", "backupmx=",
                              "wildcard=", "usev4=", "usev6=", "use=")) and \
                line.rstrip().endswith("\\"):
            block.append(line)
        else:
            print(line)


def words(key, what):
    """The words the list must show beside the badge for answer what
    (badauth, throttle) of preset key: the row's, else badauth's
    "rejected the login" where the provider says badauth in a 200."""
    a = ANSWERS[key]
    w = a.get("words", {})
    if what in w:
        return w[what]
    ans = a.get(what)
    if ans and ans[0] == 200 and ans[2].split() and \
            ans[2].split()[0] in ("badauth", "abuse"):
        return BADAUTH if ans[2].split()[0] == "badauth" else ABUSE
    return ""


def request_ok(ver, key, logf):
    """Whether the first request the fake logged for key is the one the
    PRESETS table says (ipv4): method, path, query, credentials."""
    vers, proto, server, fields, extra = PRESETS[key]
    want = expect(ver, key, proto, server, fields, extra, key + ".example.com")
    got = [json.loads(l) for l in open(logf) if l.strip()]
    got = [g for g in got if g.get("preset") == key]
    if want is None or not got:
        sys.stderr.write("# %s: no request\n" % key)
        return False
    g, errs = got[0], []
    srv, _, spath = server.partition("/")
    path = want["path"][len(spath) + 1:] if spath and \
        want["path"].startswith("/" + spath) else want["path"]
    if g["method"] != want["method"] or g["path"] != path:
        errs.append("%s %s, not %s %s" % (g["method"], g["path"],
                                          want["method"], path))
    q = sorted(urllib.parse.parse_qsl(g["query"], keep_blank_values=True))
    if q != sorted(want["query"]):
        errs.append("query %r, not %r" % (q, want["query"]))
    if (want["auth"] or None) != (g["login"] is not None and
                                  "%s:%s" % (g["login"], g["password"]) or None):
        errs.append("Basic auth %r:%r, not %r" % (g["login"], g["password"],
                                                  want["auth"]))
    for h in want["headers"]:
        name, _, value = h.partition(": ")
        if not (g["headers"].get(name) or "").startswith(value):
            errs.append("no header %r in %r" % (h, g["headers"]))
    if errs:
        sys.stderr.write("# %s: %s\n" % (key, "; ".join(errs)))
    return not errs


def cache_entry(path, host):
    try:
        lines = open(path).read().splitlines()
    except OSError:
        return {}
    for l in lines:
        if l.startswith("#") or not l.endswith(" " + host):
            continue
        return dict(kv.partition("=")[::2] for kv in l[:-len(host) - 1].split(","))
    return {}


def verdict(ver, key, fam, rec, c, what):
    """(ok, why not) of what (records, recorded, failed) for key's host:
    rec its records at the fake, c its ddclient cache entry."""
    want4, want6 = fam in ("ipv4", "dual"), fam in ("ipv6", "dual")
    if what == "records":
        gone = ANSWERS[key].get("other") == "removed"
        want = {"A": IP4 if want4 else "192.0.2.1",
                "AAAA": IP6 if want6 else None if gone else "2001:db8::1"}
        if ANSWERS[key].get("client"):
            # the connection's address (127.0.0.1 here) for the family
            # chosen: an IPv6 host's AAAA would never be set
            want = {"A": "127.0.0.1" if want4 else "192.0.2.1",
                    "AAAA": None if want6 else "2001:db8::1"}
        got = {"A": rec.get("A"), "AAAA": rec.get("AAAA")}
        return got == want, "records %r, not %r" % (got, want)
    if what == "recorded":
        # per family (3.11, and 3.10's protocols that update both), or
        # one address (status, ip: 3.10, and 3.11's protocols that update
        # IPv4 only, whose per-family keys it leaves "noconnect"); 3.11's
        # "ip" may hold the ipv4= of usev4=ipv4
        fams = [(n, a) for n, a, w in ((4, IP4, want4), (6, IP6, want6)) if w]
        ok = all(c.get("status-ipv%d" % n) == "good" and c.get("ipv%d" % n) == a
                 for n, a in fams) or (
            len(fams) == 1 and c.get("status") == "good" and
            c.get("ip") == fams[0][1])
        return ok, "cache %r" % c
    return c.get("status", "") != "good" and all(
        c.get("status-ipv%d" % n, "") != "good" for n in (4, 6)), "cache %r" % c


def verdicts(ver, fam, state, cache, what, keys):
    """One "ok - ..." / "not ok - ..." line per key: what holds for its
    host (KEY.example.com)."""
    try:
        recs = json.load(open(state))
    except (OSError, ValueError):
        recs = {}
    said = {"records": "the records as chosen",
            "recorded": "ddclient records the success",
            "failed": "recorded as a failure"}[what]
    for key in keys:
        host = key + ".example.com"
        ok, msg = verdict(ver, key, fam, recs.get(host, {}),
                          cache_entry(cache, host), what)
        print("%s - [%s] %s %s: %s%s" % ("ok" if ok else "not ok", ver, key,
                                          fam, said, "" if ok else " (%s)" % msg))


def sent_for(logf, host):
    """The requests the fakes logged that concern host (it names it, or
    the fake resolved it), and the addresses each carried."""
    out = []
    for line in open(logf) if os.path.exists(logf) else []:
        g = json.loads(line)
        names = ",".join(",".join(v) for k, v in g.get("params", {}).items()
                         if k in ("hostname", "host", "domain", "fqdn", "h",
                                  "name", "domains")).split(",")
        text = "%s?%s %s" % (g.get("path", ""), g.get("query", ""), g.get("body", ""))
        if host not in names and g.get("host") != host and host not in text:
            continue
        addrs = set()
        for tok in re.split(r"[^0-9A-Fa-f:.]+", urllib.parse.unquote(text)):
            try:
                addrs.add(str(ipaddress.ip_address(tok.strip(".:"))))
            except ValueError:
                pass
        aaaa = "type=AAAA" in g.get("query", "") or "/AAAA" in g.get("path", "")
        out.append((addrs, aaaa))
    return out


def families(ver, state, logf, pairs):
    """Per HOST=FAMILY: each request for it carries only the addresses
    of its family (an IPv4 host no IPv6 address, no AAAA look-up), and
    its records end as chosen (the other family untouched)."""
    try:
        recs = json.load(open(state))
    except (OSError, ValueError):
        recs = {}
    for pair in pairs:
        host, fam = pair.split("=")
        want = {IP4} if fam == "ipv4" else {IP6} if fam == "ipv6" else {IP4, IP6}
        reqs = sent_for(logf, host)
        got = set().union(*[a for a, _ in reqs]) - {"192.0.2.1", "2001:db8::1"}
        ok = bool(reqs) and got == want and not (fam == "ipv4" and any(
            x for _, x in reqs))
        print("%s - [%s] %s (%s): its requests carry %s%s" % (
            "ok" if ok else "not ok", ver, host, fam, " and ".join(sorted(want)),
            "" if ok else " (got %s in %d requests%s)" % (
                sorted(got), len(reqs), ", an AAAA one" if any(
                    x for _, x in reqs) else "")))
        rec = recs.get(host, {})
        w = {"A": IP4 if fam != "ipv6" else "192.0.2.1",
             "AAAA": IP6 if fam != "ipv4" else "2001:db8::1"}
        g = {"A": rec.get("A"), "AAAA": rec.get("AAAA")}
        print("%s - [%s] %s (%s): records %s" % (
            "ok" if g == w else "not ok", ver, host, fam,
            "A %s, AAAA %s" % (w["A"], w["AAAA"]) + ("" if g == w else
                                                     " (got %r)" % g)))


def plan39(ver):
    """t0039's facts per ANSWERS preset, one line each: id, families
    offered on ver (- if none), form fields (less the family), why (1/0),
    has a badauth answer, has a throttle answer, the list's words for
    each (- if none), and the refusal words per family
    (family=words;...), the protocol."""
    for pid, a in ANSWERS.items():
        vers, proto, server, fields, extra = PRESETS[pid]
        f = form(ver, pid, proto, server, fields, extra, pid + ".example.com")
        f = "&".join(x for x in f.split("&") if not x.startswith("family="))
        print("\t".join([pid, ",".join(a["offer"].get(ver, [])) or "-", f,
                         "%d" % ("why" in a),
                         "%d" % (a.get("badauth") is not None),
                         "%d" % (a.get("throttle") is not None),
                         words(pid, "badauth") or "-",
                         words(pid, "throttle") or "-",
                         ";".join("%s=%s" % x for x in
                                  a.get("refused", {}).items()) or "-",
                         proto]))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, ver = sys.argv[1], sys.argv[2]
    if cmd == "plan":
        for row in rows(ver):
            print("%s\t%d\t%s" % (row[0], row[1], form(ver, row[0], *row[2:])))
    elif cmd == "protocols":
        print("\n".join(sorted(p for p, v in CUSTOM.items() if ver in v)))
    elif cmd == "retarget":
        retarget(sys.argv[2], sys.argv[3])
    elif cmd == "requests":
        for key in sys.argv[4:]:
            ok = request_ok(ver, key, sys.argv[3])
            print("%s - [%s] %s: the request the provider documents" % (
                "ok" if ok else "not ok", ver, key))
    elif cmd == "verdicts":
        verdicts(ver, sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6],
                 sys.argv[7:])
    elif cmd == "families":
        families(ver, sys.argv[3], sys.argv[4], sys.argv[5:])
    elif cmd == "plan39":
        plan39(ver)
    elif cmd == "check":
        check(ver, sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
