#!/usr/bin/env python3
"""ddclient_sends.py: what the real ddclient ($DDCLIENT, 3.10 or 3.11) would
send for a configuration, without reaching any provider.

  ddclient_sends.py CONF [WORKDIR]
      Prints one JSON line per request ddclient makes:
        {"server": "127.0.0.1:9", "path": "/nic/update", "query": "...",
         "hosts": ["a.example.com", ...], "auth": "login:password",
         "scheme": "https", "method": "GET", "headers": ["Name: value", ...],
         "body": "..."}
      (headers: those ddclient adds for the provider, not Host,
      User-Agent, Connection, Content-Length, Authorization: Basic)
      (auth as bytes with surrogate escapes, like fake_provider.py's log),
      then a last line {"warnings": [...], "rc": N, "version": "3.10"}: the
      WARNING/ERROR/FATAL lines other than the failed connection itself.

How, per version (the two differ):
  3.10 talks HTTP itself: -noexec prints the request line and the
       Authorization header ("SENDING: GET ...", "SENDING: Authorization:
       Basic ...") and the connection ("CONNECT: host:port"), and opens
       nothing; -debug says before it whether it would be http or https
       ("protocol = https").
  3.11 runs curl; its -noexec prints only the URL, never the credentials.
       So it runs for real (-verbose prints curl's options: user="l:p",
       url="http://server/path?query", escaped by escape_curl_param) with
       ALL_PROXY on a closed port of 127.0.0.1, so that no request can
       leave the machine whatever server the config names; the failed
       connection is then expected and not counted as a warning.
The config is copied (mode 0600) and a throw-away cache is used.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

CLOSED = "http://127.0.0.1:9"      # the discard port: nothing listens


def version(prog):
    """'3.10' / '3.11' from the script's version line (no perl run)."""
    with open(prog, "rb") as f:
        for line in f:
            m = re.match(rb"use version [0-9.]+; our \$VERSION = version->declare\('v?(\d+\.\d+)[.']", line)
            if m:
                return m.group(1).decode()
    return ""


def curl_unescape(b):
    """curl's reading of a quoted config value (the inverse of ddclient
    3.11's escape_curl_param, as curl does it: \\t \\n \\r \\v, else the
    next byte literally)."""
    out, i = bytearray(), 0
    while i < len(b):
        c = b[i:i + 1]
        if c == b"\\" and i + 1 < len(b):
            n = b[i + 1:i + 2]
            out += {b"t": b"\t", b"n": b"\n", b"r": b"\r", b"v": b"\v"}.get(n, n)
            i += 2
        else:
            out += c
            i += 1
    return bytes(out)


def text(b):
    return b.decode("utf-8", "surrogateescape")


def run(conf, work=None):
    """(requests, warnings, rc, version) for the configuration CONF."""
    prog = os.environ.get("DDCLIENT", "/usr/bin/ddclient")
    ver = version(prog)
    work = work or tempfile.mkdtemp(prefix="ddsends.")
    copy = os.path.join(work, "sends.conf")
    shutil.copy(conf, copy)
    os.chmod(copy, 0o600)
    cache = os.path.join(work, "sends.cache")
    if os.path.exists(cache):
        os.unlink(cache)
    env = {"PATH": "/usr/bin:/bin", "PERLIO": ":unix"}
    args = [prog, "-file", copy, "-cache", cache, "-foreground", "-daemon=0",
            "-noquiet", "-verbose", "-force"]
    if ver == "3.10":
        args += ["-noexec", "-debug"]
    else:
        env.update(ALL_PROXY=CLOSED, all_proxy=CLOSED, http_proxy=CLOSED,
                   HTTPS_PROXY=CLOSED, https_proxy=CLOSED)
    p = subprocess.run(args, capture_output=True, timeout=300, env=env)
    reqs, cur, scheme, part = [], None, None, None
    # 3.10 prints stdout and stderr apart; only stdout carries the request.
    for line in (p.stdout + b"\n" + p.stderr).split(b"\n"):
        if ver == "3.10":
            m = re.match(rb"DEBUG:\s+protocol\s+=\s+(\S+)", line)
            if m:
                scheme = text(m.group(1))
            m = re.match(rb"CONNECT:\s+(\S+)", line)
            if m:
                cur = {"server": text(m.group(1)), "scheme": scheme}
            m = re.match(rb"SENDING:\s+(GET|POST|PUT|PATCH|DELETE) (\S+)", line)
            if m and cur is not None:
                u = urllib.parse.urlsplit(text(m.group(2)))
                cur.update(path=u.path, query=u.query, auth=None,
                           method=text(m.group(1)), headers=[], body="")
                reqs.append(cur)
                part = "headers"
                continue
            m = re.match(rb"SENDING:\s+Authorization: Basic (\S+)", line)
            if m and reqs and reqs[-1] is cur:
                cur["auth"] = text(base64.b64decode(m.group(1)))
                continue
            m = re.match(rb"SENDING: (.*)$", line)
            if m and reqs and reqs[-1] is cur and part is not None:
                v = m.group(1).strip()
                if part == "body":
                    cur["body"] += text(v)
                elif v == b"":
                    part = "body"
                elif not re.match(rb"(Host|User-Agent|Connection|Content-Length):", v):
                    cur["headers"].append(text(v))
            elif not line.startswith(b"SENDING:"):
                part = None
        else:
            if re.match(rb"SENDING:\s+Curl system cmd to ", line):
                cur = {"auth": None, "headers": [], "body": "", "method": "GET"}
                reqs.append(cur)
            m = re.match(rb'SENDING:\s+user="(.*)"$', line)
            if m and cur is not None:
                cur["auth"] = text(curl_unescape(m.group(1)))
            m = re.match(rb'SENDING:\s+request=(\S+)$', line)
            if m and cur is not None:
                cur["method"] = text(m.group(1))
            m = re.match(rb'SENDING:\s+header="(.*)"$', line)
            if m and cur is not None:
                cur["headers"].append(text(curl_unescape(m.group(1))))
            m = re.match(rb'SENDING:\s+data="(.*)"$', line)
            if m and cur is not None:
                cur["body"] = text(curl_unescape(m.group(1)))
            m = re.match(rb'SENDING:\s+url="(.*)"$', line)
            if m and cur is not None:
                u = urllib.parse.urlsplit(text(curl_unescape(m.group(1))))
                cur.update(server=u.netloc, path=u.path, query=u.query,
                           scheme=u.scheme)
    for r in reqs:
        q = urllib.parse.parse_qs(r.get("query", ""), keep_blank_values=True,
                                  encoding="utf-8", errors="surrogateescape")
        r["hosts"] = [h for h in q.get("hostname", [""])[0].split(",") if h]
        r["myip"] = q.get("myip", [""])[0]
    warnings = []
    for line in p.stderr.split(b"\n"):
        if not re.match(rb"(WARNING|ERROR|FATAL|CRITICAL)", line):
            continue
        if ver != "3.10" and re.search(rb"CURL error \(7\)|curl cannot connect to", line):
            continue        # the closed proxy port: expected
        warnings.append(text(line))
    return reqs, warnings, p.returncode, ver


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    reqs, warnings, rc, ver = run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    for r in reqs:
        print(json.dumps(r, ensure_ascii=True))
    print(json.dumps({"warnings": warnings, "rc": rc, "version": ver}, ensure_ascii=True))


if __name__ == "__main__":
    main()
