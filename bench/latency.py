#!/usr/bin/env python3
"""latency.py: Save -> the update request at a fake dyndns2 provider,
through the real CGI, ddns-apply and the real ddclient daemon (Debian's).
Each round changes the host's password (so ddclient must resend) and
times from the CGI's start to the request's arrival. Prints one line.

usage: latency.py TOP BUILD DIR ROUNDS
"""
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time

TOP, B, D, ROUNDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
os.makedirs(D + "/state", exist_ok=True)
procs = []


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def cgi(method, query, body=b""):
    env = {"DDNS_ADMIN_CONFIG": D + "/conf", "REQUEST_METHOD": method,
           "QUERY_STRING": query, "CONTENT_TYPE": "application/x-www-form-urlencoded",
           "CONTENT_LENGTH": str(len(body)), "SERVER_ADDR": "127.0.0.1",
           "SERVER_PORT": "80", "REMOTE_USER": "admin"}
    return subprocess.run([B + "/ddns.cgi"], input=body, env=env,
                          capture_output=True).stdout


def requests():
    try:
        with open(D + "/prov.log") as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def main():
    log = D + "/prov.log"
    pf = D + "/prov.port"
    procs.append(subprocess.Popen(["python3", TOP + "/tests/tools/fake_provider.py",
                                   "provider", "--port-file", pf, "--log", log],
                                  stderr=subprocess.DEVNULL))
    while not (os.path.exists(pf) and open(pf).read().strip()):
        time.sleep(0.05)
    port = open(pf).read().strip()
    conf = subprocess.run([TOP + "/tools/instance-conf.sh", D,
                           "ddclient_use = ip, ip=203.0.113.7", "ddclient_ssl = no",
                           "ddclient_daemon = 60", "checkip = /bin/true",
                           "plain_http = custom",
                           "checkip6_url = none"],
                          env=dict(os.environ, BUILD=B), capture_output=True,
                          check=True).stdout
    open(D + "/conf", "wb").write(conf)
    cgi("GET", "")                       # the database
    subprocess.run([B + "/ddns-apply"], env={"DDNS_ADMIN_CONFIG": D + "/conf"},
                   capture_output=True)
    dd = subprocess.Popen(["ddclient", "-file", D + "/ddclient.conf", "-cache",
                           D + "/ddclient.cache", "-foreground", "-daemon=60",
                           "-noquiet"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, env={"PATH": "/usr/bin:/bin"})
    procs.append(dd)
    open(D + "/ddclient.pid", "w").write("%d\n" % dd.pid)
    time.sleep(2)                        # its signal handlers are set
    times = []
    for r in range(ROUNDS + 1):
        out = cgi("GET", "action=edit")
        tok = re.search(rb'name="csrf_token" value="([^"]*)"', out).group(1).decode()
        ident = ""
        if r > 0:                        # Modify carries the row's version
            out = cgi("GET", "action=edit&id=1")
            tok = re.search(rb'name="csrf_token" value="([^"]*)"', out).group(1).decode()
            ver = re.search(rb'name="version" value="([^"]*)"', out).group(1).decode()
            ident = "&id=1&version=" + ver
        body = ("csrf_token=%s%s&hostname=bench.example.com&provider=custom"
                "&server=127.0.0.1:%s&protocol=dyndns2&login=u&password=pw%d"
                "&family=ipv4" % (tok, ident, port, r)).encode()
        n = requests()
        t0 = time.monotonic()
        cgi("POST", "action=save", body)
        deadline = t0 + 30
        while requests() == n and time.monotonic() < deadline:
            time.sleep(0.005)
        if requests() == n:
            raise SystemExit("no request within 30 s in round %d" % r)
        if r > 0:                        # round 0 creates the host
            times.append(time.monotonic() - t0)
        time.sleep(0.3)                  # let the pass end (cache written)
    print("median %.0f ms over %d saves (min %.0f, max %.0f)" % (
        statistics.median(times) * 1000, len(times), min(times) * 1000,
        max(times) * 1000))


try:
    main()
finally:
    for p in procs:
        p.send_signal(signal.SIGTERM)
        p.wait()
