#!/usr/bin/env python3
"""fake_provider.py: the fake servers of the end-to-end tests, on 127.0.0.1
and, with --port6-file, on [::1] too (one process, both families).

  fake_provider.py provider --port-file F --log L [--control C] [--port N]
                   [--port6-file F6] [--cert C --key K]
      A dyndns2 server (HTTPS with --cert and --key). Every request is logged to L as one JSON line:
      {"path", "query", "hostname", "hostnames", "myip", "login", "password",
       "auth", "answer", "client", "family"}; myip is exactly the value the
      client sent (e.g. "203.0.113.7,2001:db8::7"), client its address. Bytes that are not UTF-8 are kept as surrogate
      escapes (\\udcXX in the JSON), so nothing is lost. The answer comes from
      the control file C, re-read on every request (a missing or damaged file
      counts as {}):
        {"answers": {"host.example.com": "badauth"},
         "passwords": {"host.example.com": "the-only-good-password"}}
      A host with an expected password that the request does not carry gets
      "badauth"; otherwise its entry in "answers", else "good MYIP" (the
      myip sent, or the client's address if it sent none).
      One answer line per host of a multi-host request. While the control
      file holds {"hold": true} a request waits for the answer (60 s at
      most): a test sees the state before the provider has answered.

  fake_provider.py checkip --port-file F [--log L] [--slow SECONDS]
                   [--port6-file F6] [--answer4 A4] [--answer6 A6]
      A "check IP" server: /addr answers the address of the client's family
      (A4, default 198.51.100.23, to a client on 127.0.0.1; A6, default
      2001:db8::23, to one on [::1]), /garbage a page with no address, /slow
      the address after SECONDS (default 8), /500 HTTP 500; anything else 404.

  fake_provider.py cloudflare --port-file F --log L --cert C --key K
                   [--control C] [--zone Z]
      Cloudflare's API v4 over HTTPS (C and K: a server certificate for
      127.0.0.1 made by the test), as much of it as ddclient 3.10's and
      3.11's cloudflare protocol call (the same code in both):
        GET   /zones/?name=Z                            -> the zone's id
        GET   /zones/ZID/dns_records?type=A|AAAA&name=H -> the record's id
        PATCH /zones/ZID/dns_records/RID  {"content":"IP"} -> success
      Headers: Content-Type: application/json, and "Authorization: Bearer
      PW" (login=token) or "X-Auth-Email: LOGIN" + "X-Auth-Key: PW". Every
      request is logged to L as one JSON line {"method", "path", "query",
      "headers" (those three), "body", "client"}; every record exists, both
      A and AAAA, with ids "a-H" / "aaaa-H". The control file may hold
      {"token": "the-only-good-token"}: another credential gets HTTP 403 and
      {"success": false}.

  fake_provider.py preset --preset ID[,ID...] --port-file F --log L
                   --state S --cert C --key K [--control C]
      Each provider ID of presets.py's ANSWERS table over HTTPS on a port
      of its own (F lists them, space-separated, in the order given),
      answering as that table says the real one does (status, headers,
      body), look-ups of an API included, and setting the records as its
      model says. Every host starts with A 192.0.2.1 and AAAA 2001:db8::1;
      S holds the records after each request ({"host": {"A": ...,
      "AAAA": ...}}, a record deleted is absent). Every request is logged
      to L as one JSON line {"preset", "method", "path", "query",
      "params", "body", "login", "password", "headers", "host", "route",
      "answer"}. The control file may hold {"answer": "badauth"} or
      {"answer": "throttle"} (where the table has one: every request of
      that preset gets it); else the update is taken. {"hosts": [...]}
      names the records of the account an API lists (FreeDNS); default
      ID.example.com.

--port 0 (the default) binds any free port; the port is written to F once
the server listens (and the [::1] one to F6). Stop it with SIGTERM.
"""
import argparse
import base64
import json
import os
import signal
import socket
import ssl
import sys
import threading
import time
import ipaddress
import re
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHECKIP = {
    "/garbage": (200, "<html>no address</html>"),
    "/500": (500, "internal error\n"),
}

_log_lock = threading.Lock()


def text(b):
    """Bytes as str without losing any: undecodable bytes become surrogates."""
    return b.decode("utf-8", "surrogateescape")


def basic_auth(header):
    """(login, password) of a Basic Authorization header, or (None, None)."""
    if not header or not header.lower().startswith("basic "):
        return None, None
    try:
        raw = base64.b64decode(header[6:].strip(), validate=True)
    except ValueError:
        return None, None
    login, sep, password = raw.partition(b":")
    return text(login), (text(password) if sep else None)


def read_control(path):
    try:
        with open(path, encoding="utf-8") as f:
            c = json.load(f)
        return c if isinstance(c, dict) else {}
    except (OSError, ValueError):
        return {}


class Handler(BaseHTTPRequestHandler):
    server_version = "fake-provider/1"

    def log_message(self, fmt, *args):  # quiet: the JSON log says it all
        pass

    def reply(self, code, body):
        data = body.encode("utf-8", "surrogateescape")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_json(self, entry):
        if not self.server.opts.log:
            return
        line = json.dumps(entry, ensure_ascii=True) + "\n"
        with _log_lock, open(self.server.opts.log, "a", encoding="ascii") as f:
            f.write(line)

    def family(self):
        return 6 if self.server.address_family == socket.AF_INET6 else 4

    def do_GET(self):
        if self.server.opts.mode == "checkip":
            self.checkip()
        elif self.server.opts.mode == "cloudflare":
            self.cloudflare()
        elif self.server.opts.mode == "preset":
            self.preset()
        else:
            self.provider()

    def do_PATCH(self):
        if self.server.opts.mode == "cloudflare":
            self.cloudflare()
        elif self.server.opts.mode == "preset":
            self.preset()
        else:
            self.reply(405, "no PATCH here\n")

    def checkip(self):
        path = urllib.parse.urlsplit(self.path).path
        fam = self.family()
        addr = self.server.opts.answer6 if fam == 6 else self.server.opts.answer4
        self.log_json({"path": path, "client": self.client_address[0], "family": fam})
        if path in ("/addr", "/slow"):
            if path == "/slow":
                time.sleep(self.server.opts.slow)
            code, body = 200, addr + "\n"
        else:
            code, body = CHECKIP.get(path, (404, "no such page\n"))
        try:
            self.reply(code, body)
        except OSError:  # the client gave up waiting (the /slow case)
            pass

    def provider(self):
        end = time.time() + 60
        while read_control(self.server.opts.control).get("hold") and time.time() < end:
            time.sleep(0.1)
        # The path arrives %-encoded as raw bytes; keep them as they are.
        raw = self.path.encode("latin-1")
        parts = urllib.parse.urlsplit(text(raw))
        q = urllib.parse.parse_qs(parts.query, keep_blank_values=True,
                                  encoding="utf-8", errors="surrogateescape")
        hostname = q.get("hostname", [""])[0]
        hosts = [h for h in hostname.split(",") if h]
        header = self.headers.get("Authorization")
        login, password = basic_auth(header)
        control = read_control(self.server.opts.control)
        answers = control.get("answers", {})
        passwords = control.get("passwords", {})
        myip = q.get("myip", [""])[0]
        # As a real provider: "good" with the address set (the client's own
        # when the request names none).
        default = "good " + (myip or self.client_address[0])
        lines = []
        for h in hosts or [""]:
            if h in passwords and passwords[h] != password:
                lines.append("badauth")
            else:
                lines.append(answers.get(h, default))
        self.log_json({
            "path": parts.path, "query": parts.query, "hostname": hostname,
            "hostnames": hosts, "myip": myip,
            "login": login, "password": password, "auth": header,
            "answer": lines, "time": time.time(),
            "client": self.client_address[0], "family": self.family(),
        })
        if login is None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="fake"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.reply(200, "\n".join(lines) + "\n")


    def json_reply(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def cloudflare(self):
        parts = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        n = int(self.headers.get("Content-Length") or 0)
        body = text(self.rfile.read(n)) if n else ""
        hdrs = {k: self.headers.get(k) for k in
                ("Content-Type", "Authorization", "X-Auth-Email", "X-Auth-Key")
                if self.headers.get(k) is not None}
        self.log_json({"method": self.command, "path": parts.path,
                       "query": parts.query, "headers": hdrs, "body": body,
                       "client": self.client_address[0], "time": time.time()})
        want = read_control(self.server.opts.control).get("token")
        if want is not None and hdrs.get("Authorization") != "Bearer " + want:
            return self.json_reply(403, {"success": False, "errors": [
                {"code": 9109, "message": "Invalid access token"}], "result": None})
        zone, zid = self.server.opts.zone, "zone-" + self.server.opts.zone
        path = parts.path.rstrip("/")
        if self.command == "GET" and path == "/zones":
            name = q.get("name", [""])[0]
            res = [{"id": zid, "name": zone}] if name == zone else []
            return self.json_reply(200, {"success": True, "result": res})
        if self.command == "GET" and path == "/zones/%s/dns_records" % zid:
            t, name = q.get("type", [""])[0], q.get("name", [""])[0]
            if t not in ("A", "AAAA") or not name.endswith("." + zone):
                return self.json_reply(200, {"success": True, "result": []})
            return self.json_reply(200, {"success": True, "result": [
                {"id": "%s-%s" % (t.lower(), name), "type": t, "name": name,
                 "content": "192.0.2.1" if t == "A" else "2001:db8::1"}]})
        prefix = "/zones/%s/dns_records/" % zid
        if self.command == "PATCH" and path.startswith(prefix):
            rid = path[len(prefix):]
            try:
                content = json.loads(body)["content"]
            except (ValueError, KeyError, TypeError):
                return self.json_reply(400, {"success": False, "result": None})
            t, _, name = rid.partition("-")
            return self.json_reply(200, {"success": True, "result": {
                "id": rid, "type": t.upper(), "name": name, "content": content}})
        return self.json_reply(404, {"success": False, "result": None})

    def preset(self):
        opts = self.server.opts
        pid = self.server.preset_id
        row = presets().ANSWERS[pid]
        parts = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        n = int(self.headers.get("Content-Length") or 0)
        body = text(self.rfile.read(n)) if n else ""
        login, password = basic_auth(self.headers.get("Authorization"))
        control = read_control(opts.control)
        which = control.get("answer", "good")
        if row.get(which) is None:
            which = "good"
        req = Req(self.command, parts.path, q, body, login, self.headers,
                  control.get("hosts") or [pid + ".example.com"],
                  "https://127.0.0.1:%d" % self.server.server_address[1],
                  self.client_address[0])
        model = row["model"]
        with _log_lock:
            if model in API:
                # a look-up, or the update (key "good"); None: not the API's
                key, v = API[model](req, opts.records, which == "good")
            else:
                key, v = simple(model, req, opts.records, which == "good")
            state = json.dumps(opts.records)
        if key is None:
            code, headers, answer = 404, {"Content-Type": TEXT}, "not found\n"
        else:
            code, headers, answer = (row[which] if key == "good" or which != "good"
                                   else row["lookups"][key])
        # one answer per host of the request (dyndns2 sends several)
        body_out = ""
        for one in (v if isinstance(v, list) else [v]):
            b = answer
            for k, x in one.items():
                b = b.replace("{%s}" % k, x)
            body_out += b
        v = v[0] if isinstance(v, list) else v
        self.log_json({"preset": pid, "method": self.command, "path": parts.path,
                       "query": parts.query, "params": q, "body": body,
                       "login": login, "password": password,
                       "headers": {k: self.headers.get(k) for k in
                                   ("Authorization", "Content-Type",
                                    "X-NFSN-Authentication")
                                   if self.headers.get(k) is not None},
                       "host": v.get("H", ""), "route": key, "answer": which,
                       "time": time.time()})
        tmp = opts.state + ".tmp"
        with open(tmp, "w") as f:
            f.write(state)
        os.rename(tmp, opts.state)
        data = body_out.encode()
        self.send_response(code)
        for k, x in headers.items():
            self.send_header(k, x)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_PUT = do_GET


TEXT = "text/plain"


def presets():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import presets as p
    return p


class Req:
    """One request to a preset's fake: method, path, query (lists),
    body (text), the Basic login, headers, the account's hostnames and the
    fake's own base URL."""
    def __init__(self, method, path, q, body, login, headers, hosts, base,
                 client):
        self.method, self.path, self.q, self.body = method, path, q, body
        self.login, self.headers, self.hosts = login, headers, hosts
        self.base, self.client = base, client

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def form(self):
        return urllib.parse.parse_qs(self.body, keep_blank_values=True)


def family(v):
    try:
        return ipaddress.ip_address(v).version
    except ValueError:
        return 0


def first(q, names, fam=None):
    """The first value of names (in order; comma lists split) that is an
    address of family fam (any value if fam is None), or "preserve"."""
    for n in names:
        for v in ",".join(q.get(n, [])).split(","):
            if fam is None and v:
                return v
            if v == "preserve" or (fam and family(v) == fam):
                return v
    return None


def setrec(rec, kind, v):
    if v == "preserve":
        return
    if v:
        rec[kind] = v
    else:
        rec.pop(kind, None)


def record(records, host):
    """The records of host, made as every host starts: A 192.0.2.1 and
    AAAA 2001:db8::1, so that a change shows."""
    return records.setdefault(host, {"A": "192.0.2.1", "AAAA": "2001:db8::1"})


# How each provider of a plain request sets the records (presets.py's
# ANSWERS says why): (the parameter naming the host, or a function of the
# request; IPv4 parameters; IPv6 parameters; what becomes of a family the
# request does not carry: keep it, or take the connection's address).
def m_desec(q, rec, client):
    v4 = first(q, ("myip", "myipv4", "ip"), 4)
    v6 = first(q, ("myipv6", "ipv6", "myip", "ip"), 6)
    setrec(rec, "A", v4 or (client if family(client) == 4 else ""))
    setrec(rec, "AAAA", v6 or (client if family(client) == 6 else ""))


def m_inwx(q, rec, client):
    setrec(rec, "A", first(q, ("myip",), 4) or "127.0.0.1")
    setrec(rec, "AAAA", first(q, ("myipv6",), 6) or "")


def namecheap_host(r):
    return "%s.%s" % (first(r.q, ("host",)) or "", first(r.q, ("domain",)) or "")


SIMPLE = {
    "dyndns2": ("hostname", ("myip",), ("myip",), "keep"),
    "noip": ("hostname", ("myip",), ("myip", "myipv6"), "keep"),
    "ovh": ("hostname", ("myip",), ("myip",), "keep"),
    "domeneshop": ("hostname", ("myip",), ("myip",), "keep"),
    "changeip": ("hostname", ("ip",), ("ip",), "keep"),
    "zoneedit1": ("host", ("dnsto",), ("dnsto",), "keep"),
    "duckdns": (lambda r: (first(r.q, ("domains",)) or ""), ("ip",), ("ipv6", "ip"), "keep"),
    "freemyip": ("domain", ("myip",), ("myip",), "client"),
    "namecheap": (namecheap_host, ("ip",), ("ip",), "keep"),
    "regfishde": ("fqdn", ("ipv4",), ("ipv6",), "keep"),
    "easydns": ("hostname", ("myip",), ("myip",), "keep"),
    "dondominio": ("host", ("ip",), ("ip",), "keep"),
    "njalla": ("h", ("a",), ("aaaa",), "keep"),
    "1984": ("domain", ("ip",), ("ip",), "keep"),
    "desec": ("hostname", m_desec, None, None),
    "inwx": ("hostname", m_inwx, None, None),
}


def simple(model, r, records, take):
    """The route ("good") and, per host the request names (dyndns2 and
    its kind name several, comma-separated), the placeholders of its
    answer; the records set when take."""
    hp, p4, p6, missing = SIMPLE[model]
    if callable(hp):
        hosts = [hp(r)]
    else:
        hosts = [h for h in ",".join(r.q.get(hp, [])).split(",") if h] or \
            [r.login or ""]
    if callable(p4):
        sent = [first(r.q, ("myip", "myipv4", "ip"), 4),
                first(r.q, ("myipv6", "ipv6", "myip", "ip"), 6)]
    else:
        sent = [first(r.q, p4, 4), first(r.q, p6, 6)]
    sent = [x for x in sent if x and x != "preserve"]
    out = []
    for host in hosts:
        rec = record(records, host)
        if take:
            if callable(p4):
                p4(r.q, rec, r.client)
            else:
                v4, v6 = first(r.q, p4, 4), first(r.q, p6, 6)
                if missing == "client" and not (v4 or v6):
                    v4 = r.client if family(r.client) == 4 else None
                    v6 = r.client if family(r.client) == 6 else None
                if v4:
                    rec["A"] = v4
                if v6:
                    rec["AAAA"] = v6
        out.append({"H": host, "IP": ",".join(sent) or rec.get("A") or ""})
    return "good", out


# The APIs that look a zone or record up first: each returns the route
# (a key of the row's lookups, "good" for the update, None: no such
# route) and the placeholders of its answer; the update sets the record
# when take. Zone: example.com; ids are made from the names.
ZONE = "example.com"


def api_cloudflare(r, records, take):
    path = r.path.rstrip("/")
    zid = "023e105f4ecef8ad9ca31a8372d0c353"
    if r.method == "GET" and path.endswith("/zones"):
        return "zone", {"ZID": zid, "Z": first(r.q, ("name",)) or ""}
    if r.method == "GET" and path.endswith("/zones/%s/dns_records" % zid):
        h, t = first(r.q, ("name",)) or "", first(r.q, ("type",)) or ""
        rec = record(records, h)
        return "record", {"ZID": zid, "H": h, "T": t, "RID": t.lower() + "-" + h,
                          "OLD": rec.get(t, "")}
    m = re.search(r"/zones/%s/dns_records/(A|AAAA)-(.*)$" % zid, path, re.I)
    if r.method == "PATCH" and m:
        t, h = m.group(1).upper(), m.group(2)
        new = (r.json() or {}).get("content", "")
        if take:
            record(records, h)[t] = new
        return "good", {"ZID": zid, "H": h, "T": t, "RID": t.lower() + "-" + h,
                        "IP": new}
    return None, {}


def api_digitalocean(r, records, take):
    m = re.search(r"/v2/domains/([^/]+)/records(?:/(\d+))?$", r.path)
    if not m:
        return None, {}
    z = m.group(1)
    ids = {}
    for i, h in enumerate(sorted(set(r.hosts) | set(records))):
        ids["%d" % (3352892 + 2 * i)] = (h, "A")
        ids["%d" % (3352893 + 2 * i)] = (h, "AAAA")
    if r.method == "GET" and not m.group(2):
        h, t = first(r.q, ("name",)) or "", first(r.q, ("type",)) or ""
        rid = [k for k, x in ids.items() if x == (h, t)]
        return "record", {"Z": z, "H": h, "SUB": h[:-len(z) - 1], "T": t,
                          "RID": rid[0] if rid else "0",
                          "OLD": record(records, h).get(t, "")}
    if r.method in ("PATCH", "PUT") and m.group(2) in ids:
        h, t = ids[m.group(2)]
        new = (r.json() or {}).get("data", "")
        if take:
            record(records, h)[t] = new
        return "good", {"Z": z, "H": h, "SUB": h[:-len(z) - 1], "T": t,
                        "RID": m.group(2), "IP": new}
    return None, {}


def api_godaddy(r, records, take):
    m = re.search(r"/([^/]+)/records/(A|AAAA)/([^/]+)$", r.path)
    if r.method != "PUT" or not m:
        return None, {}
    z, t, sub = m.groups()
    body = r.json()
    new = body[0].get("data", "") if isinstance(body, list) and body else ""
    h = sub + "." + z
    if take:
        record(records, h)[t] = new
    return "good", {"H": h, "T": t, "IP": new}


def api_gandi(r, records, take):
    m = re.search(r"/livedns/domains/([^/]+)/records/([^/]+)/(A|AAAA)$", r.path)
    if r.method != "PUT" or not m:
        return None, {}
    z, sub, t = m.groups()
    vals = (r.json() or {}).get("rrset_values") or [""]
    h = sub + "." + z
    if take:
        record(records, h)[t] = vals[0]
    return "good", {"H": h, "T": t, "IP": vals[0]}


def api_freedns(r, records, take):
    if r.path.rstrip("/").endswith("/api") and first(r.q, ("action",)) == "getdyndns":
        lines = []
        for h in r.hosts:
            rec = record(records, h)
            for t in ("A", "AAAA"):
                if t in rec:
                    lines.append("%s|%s|%s/dynamic/update.php?%s" % (
                        h, rec[t], r.base, token(h, t)))
        return "list", {"LIST": "\n".join(lines)}
    if r.path.endswith("/dynamic/update.php"):
        new = first(r.q, ("address",)) or ""
        for h in r.hosts:
            for t in ("A", "AAAA"):
                if token(h, t) in r.q:
                    if take:
                        record(records, h)[t] = new
                    return "good", {"H": h, "T": t, "IP": new}
    return None, {}


def token(h, t):
    """The update token FreeDNS gives the record t of h (made up here)."""
    return "%s%s" % (t, "".join("%02x" % ord(c) for c in h)[:24])


def api_nfsn(r, records, take):
    m = re.search(r"/dns/([^/]+)/(listRRs|removeRR|addRR)$", r.path)
    if r.method != "POST" or not m:
        return None, {}
    z, op = m.groups()
    f = r.form()
    name = (f.get("name") or [""])[0]
    t = (f.get("type") or ["A"])[0]
    h = name + "." + z if name else z
    rec = record(records, h)
    if op == "listRRs":
        return "list", {"H": h, "SUB": name, "T": t, "OLD": rec.get(t, "")}
    if op == "removeRR":
        if take:
            rec.pop(t, None)
        return "remove", {"H": h}
    new = (f.get("data") or [""])[0]
    if take:
        rec[t] = new
    return "good", {"H": h, "T": t, "IP": new}


def api_dnsexit2(r, records, take):
    body = r.json()
    if r.method != "POST" or not isinstance(body, dict):
        return None, {}
    sent = []
    for u in body.get("update") or []:
        h = u.get("name", "")
        if take:
            record(records, h)[u.get("type", "A")] = u.get("content", "")
        sent.append(u.get("content", ""))
    return "good", {"H": (body.get("update") or [{}])[0].get("name", ""),
                    "IP": ",".join(sent)}


API = {"cloudflare": api_cloudflare, "digitalocean": api_digitalocean,
       "godaddy": api_godaddy, "gandi": api_gandi, "freedns": api_freedns,
       "nfsn": api_nfsn, "dnsexit2": api_dnsexit2}


# dy.fi reads no address from the request: it sets the record of the
# connection's family to the connection's address.
def m_client(q, rec, client):
    setrec(rec, "A" if family(client) == 4 else "AAAA", client)


SIMPLE["client"] = ("hostname", m_client, None, None)


class Server6(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def write_port(path, port):
    # Written once listening, atomically: a reader never sees half a port.
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.rename(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["provider", "checkip", "cloudflare",
                                     "preset"])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log")
    ap.add_argument("--control", default="")
    ap.add_argument("--slow", type=float, default=8.0)
    ap.add_argument("--port6-file", help="also listen on [::1] (any free port)")
    ap.add_argument("--answer4", default="198.51.100.23")
    ap.add_argument("--answer6", default="2001:db8::23")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--zone", default="example.com")
    ap.add_argument("--preset")
    ap.add_argument("--state")
    ap.add_argument("--bind", default="127.0.0.1",
                    help="the local address to listen on (t0043: an "
                    "interface's own, inside the test's network namespace)")
    opts = ap.parse_args()
    opts.records = {}
    if opts.mode == "preset" and not (opts.preset and opts.state):
        ap.error("preset needs --preset and --state")
    if opts.mode in ("provider", "cloudflare", "preset") and not opts.log:
        ap.error("%s needs --log" % opts.mode)
    if opts.mode in ("cloudflare", "preset") and not (opts.cert and opts.key):
        ap.error("%s needs --cert and --key (it speaks HTTPS)" % opts.mode)

    ThreadingHTTPServer.daemon_threads = True
    servers = [ThreadingHTTPServer((opts.bind, opts.port), Handler)]
    ids = (opts.preset or "").split(",")
    if opts.mode == "preset":
        # one server (port) per preset, so that one ddclient pass can hold
        # a host of each: the port file lists the ports in --preset's order
        servers[0].preset_id = ids[0]
        for pid in ids[1:]:
            servers.append(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
            servers[-1].preset_id = pid
    if opts.port6_file:
        servers.append(Server6(("::1", 0), Handler))
    if opts.mode in ("cloudflare", "preset") or (opts.cert and opts.key):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(opts.cert, opts.key)
        for srv in servers:
            srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    for srv in servers:
        srv.opts = opts
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if opts.port6_file:
        threading.Thread(target=servers[1].serve_forever, daemon=True).start()
        write_port(opts.port6_file, servers[1].server_address[1])
    if opts.mode == "preset":
        for srv in servers[1:]:
            threading.Thread(target=srv.serve_forever, daemon=True).start()
        tmp = opts.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(" ".join("%d" % x.server_address[1] for x in servers) + "\n")
        os.rename(tmp, opts.port_file)
    else:
        write_port(opts.port_file, servers[0].server_address[1])
    try:
        servers[0].serve_forever()
    finally:
        for srv in servers:
            srv.server_close()


if __name__ == "__main__":
    main()
