#!/usr/bin/env python3
# msgargs.py: `make lint`: every dd_fail, msg_set, bad and note call in
# backend/ and cgi/ that names its key literally (MSG_x) passes as many
# parameters as msg.h's MSG_LIST gives the key letters. C's varargs
# cannot check that; at run time a wrong count gives MSG_refused (msg.h),
# which only a test that sees the message notices. A key chosen at run
# time (a table's, a ?:) is the table's business and is not checked here.
import glob
import re
import sys

# function: how many arguments come before the key
CALLS = {"dd_fail": 3, "msg_set": 1, "bad": 2, "note": 2}


def args_of(s):
    """The top-level arguments of the call whose '(' precedes s."""
    args, depth, cur, i = [], 0, "", 0
    while i < len(s):
        c = s[i]
        if c in "\"'":
            j = i + 1
            while s[j] != c:
                j += 2 if s[j] == "\\" else 1
            cur += s[i:j + 1]
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append(cur)
                return args
            depth -= 1
        if c == "," and depth == 0:
            args.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    return args


def main():
    spec = dict(re.findall(r'X\((\w+), "(\w*)"\)',
                           open("backend/msg.h").read()))
    bad = checked = 0
    for path in sorted(glob.glob("backend/*.c") + glob.glob("cgi/*.c")):
        src = open(path).read()
        for fn, skip in CALLS.items():
            for m in re.finditer(r"(?<![\w(])%s\(" % fn, src):
                args = args_of(src[m.end():])
                if len(args) <= skip:
                    continue
                key = re.fullmatch(r"\s*MSG_(\w+)\s*", args[skip])
                if key is None:
                    continue
                checked += 1
                want = len(spec.get(key.group(1), ""))
                got = len(args) - skip - 1
                if key.group(1) not in spec or want != got:
                    line = src.count("\n", 0, m.start()) + 1
                    print("%s:%d: %s(MSG_%s): %d parameters, the key has %d"
                          % (path, line, fn, key.group(1), got, want))
                    bad += 1
    if checked < 50:
        print("msgargs: only %d calls found" % checked)
        return 1
    return 1 if bad else 0


sys.exit(main())
