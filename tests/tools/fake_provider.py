#!/usr/bin/env python3
"""fake_provider.py: the fake servers of the end-to-end tests, on 127.0.0.1
and, with --port6-file, on [::1] too (one process, both families).

  fake_provider.py provider --port-file F --log L [--control C] [--port N]
                   [--port6-file F6]
      A dyndns2 server. Every request is logged to L as one JSON line:
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
      One answer line per host of a multi-host request.

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

  fake_provider.py preset --preset ID --port-file F --log L --state S
                   --cert C --key K [--control C]
      Provider ID of presets.py's ANSWERS table over HTTPS, answering as
      that table says the real one does (status, headers, body) and
      setting the records as its model says. Every host starts with
      A 192.0.2.1 and AAAA 2001:db8::1; S holds the records after each
      request ({"host": {"A": ..., "AAAA": ...}}, a record deleted is
      absent). Every request is logged to L as one JSON line {"path",
      "query", "params", "login", "password", "host", "answer"}. The
      control file may hold {"answer": "badauth"} or {"answer":
      "throttle"} (where the table has one); else the update is taken.

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
        row = presets().ANSWERS[opts.preset]
        parts = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        login, password = basic_auth(self.headers.get("Authorization"))
        model = row["model"]
        host = first(q, HOSTPARAM[model]) or login or ""
        which = read_control(opts.control).get("answer", "good")
        if row.get(which) is None:
            which = "good"
        with _log_lock:
            rec = opts.records.setdefault(host, {"A": "192.0.2.1",
                                                 "AAAA": "2001:db8::1"})
            if which == "good":
                MODELS[model](q, rec, self.client_address[0])
            state = json.dumps(opts.records)
        code, headers, body = row[which]
        body = body.replace("{H}", host).replace(
            "{IP}", rec.get("A") or rec.get("AAAA") or "")
        self.log_json({"path": parts.path, "query": parts.query,
                       "params": q, "login": login, "password": password,
                       "host": host, "answer": which, "time": time.time()})
        tmp = opts.state + ".tmp"
        with open(tmp, "w") as f:
            f.write(state)
        os.rename(tmp, opts.state)
        data = body.encode()
        self.send_response(code)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def presets():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import presets as p
    return p


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


# How each provider sets the records (presets.py's ANSWERS says why).
def m_desec(q, rec, client):
    v4 = first(q, ("myip", "myipv4", "ip"), 4)
    v6 = first(q, ("myipv6", "ipv6", "myip", "ip"), 6)
    setrec(rec, "A", v4 or (client if family(client) == 4 else ""))
    setrec(rec, "AAAA", v6 or (client if family(client) == 6 else ""))


def m_inwx(q, rec, client):
    setrec(rec, "A", first(q, ("myip",), 4) or "127.0.0.1")
    setrec(rec, "AAAA", first(q, ("myipv6",), 6) or "")


def m_pairs(names4, names6):
    def m(q, rec, client):
        v4, v6 = first(q, names4, 4), first(q, names6, 6)
        if v4:
            rec["A"] = v4
        if v6:
            rec["AAAA"] = v6
    return m


MODELS = {"desec": m_desec, "inwx": m_inwx,
          "easydns": m_pairs(("myip",), ("myip",)),
          "dondominio": m_pairs(("ip",), ("ip",)),
          "njalla": m_pairs(("a",), ("aaaa",)),
          "1984": m_pairs(("ip",), ("ip",))}
HOSTPARAM = {"desec": ("hostname",), "inwx": ("hostname",),
             "easydns": ("hostname",), "dondominio": ("host",),
             "njalla": ("h",), "1984": ("domain",)}


# issue 19: presets added. dyndns2 (myip carries one or both families,
# comma-separated); dy.fi reads no address: the client's.
def m_client(q, rec, client):
    setrec(rec, "A" if family(client) == 4 else "AAAA", client)


MODELS.update({"dyndns2": m_pairs(("myip",), ("myip",)), "client": m_client})
HOSTPARAM.update({"dyndns2": ("hostname",), "client": ("hostname",)})


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
    opts = ap.parse_args()
    opts.records = {}
    if opts.mode == "preset" and not (opts.preset and opts.state):
        ap.error("preset needs --preset and --state")
    if opts.mode in ("provider", "cloudflare", "preset") and not opts.log:
        ap.error("%s needs --log" % opts.mode)
    if opts.mode in ("cloudflare", "preset") and not (opts.cert and opts.key):
        ap.error("%s needs --cert and --key (it speaks HTTPS)" % opts.mode)

    ThreadingHTTPServer.daemon_threads = True
    servers = [ThreadingHTTPServer(("127.0.0.1", opts.port), Handler)]
    if opts.port6_file:
        servers.append(Server6(("::1", 0), Handler))
    if opts.mode in ("cloudflare", "preset"):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(opts.cert, opts.key)
        for srv in servers:
            srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    for srv in servers:
        srv.opts = opts
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for srv in servers[1:]:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        write_port(opts.port6_file, srv.server_address[1])
    write_port(opts.port_file, servers[0].server_address[1])
    try:
        servers[0].serve_forever()
    finally:
        for srv in servers:
            srv.server_close()


if __name__ == "__main__":
    main()
