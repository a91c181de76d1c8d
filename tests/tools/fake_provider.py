#!/usr/bin/env python3
"""fake_provider.py: the fake servers of the end-to-end tests, on 127.0.0.1.

  fake_provider.py provider --port-file F --log L [--control C] [--port N]
      A dyndns2 server. Every request is logged to L as one JSON line:
      {"path", "query", "hostname", "hostnames", "myip", "login", "password",
       "auth", "answer"}. Bytes that are not UTF-8 are kept as surrogate
      escapes (\\udcXX in the JSON), so nothing is lost. The answer comes from
      the control file C, re-read on every request (a missing or damaged file
      counts as {}):
        {"answers": {"host.example.com": "badauth"},
         "passwords": {"host.example.com": "the-only-good-password"}}
      A host with an expected password that the request does not carry gets
      "badauth"; otherwise its entry in "answers", else "good 203.0.113.7".
      One answer line per host of a multi-host request.

  fake_provider.py checkip --port-file F [--log L] [--slow SECONDS]
      A "check IP" server: /addr answers "198.51.100.23", /garbage a page
      with no address, /slow the address after SECONDS (default 8), /500
      HTTP 500; anything else 404.

--port 0 (the default) binds any free port; the port is written to F once
the server listens. Stop it with SIGTERM.
"""
import argparse
import base64
import json
import os
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_ANSWER = "good 203.0.113.7"
CHECKIP = {
    "/addr": (200, "198.51.100.23\n"),
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

    def do_GET(self):
        if self.server.opts.mode == "checkip":
            self.checkip()
        else:
            self.provider()

    def checkip(self):
        path = urllib.parse.urlsplit(self.path).path
        self.log_json({"path": path})
        if path == "/slow":
            time.sleep(self.server.opts.slow)
            code, body = 200, CHECKIP["/addr"][1]
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
        lines = []
        for h in hosts or [""]:
            if h in passwords and passwords[h] != password:
                lines.append("badauth")
            else:
                lines.append(answers.get(h, DEFAULT_ANSWER))
        self.log_json({
            "path": parts.path, "query": parts.query, "hostname": hostname,
            "hostnames": hosts, "myip": q.get("myip", [""])[0],
            "login": login, "password": password, "auth": header,
            "answer": lines, "time": time.time(),
        })
        if login is None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="fake"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.reply(200, "\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["provider", "checkip"])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log")
    ap.add_argument("--control", default="")
    ap.add_argument("--slow", type=float, default=8.0)
    opts = ap.parse_args()
    if opts.mode == "provider" and not opts.log:
        ap.error("provider needs --log")

    ThreadingHTTPServer.daemon_threads = True
    srv = ThreadingHTTPServer(("127.0.0.1", opts.port), Handler)
    srv.opts = opts
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Written once listening, atomically: a reader never sees half a port.
    tmp = opts.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, opts.port_file)
    try:
        srv.serve_forever()
    finally:
        srv.server_close()


if __name__ == "__main__":
    main()
