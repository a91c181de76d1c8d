#!/usr/bin/env python3
"""readme-providers.py: README's provider list, made from the tables of
backend/providers.c (build/providers-table prints them) and, for what a
version does not offer, the reason its hint gives (templates/lang/en.hdf,
Lang.Hint.<id>).

  readme-providers.py TABLE           exit 1 (with a diff) when README's
                                      list is not what the tables make
  readme-providers.py TABLE --write   write it into README
TABLE is the providers-table program. The list sits in README between
the lines BEGIN and END below.
"""
import difflib
import os
import re
import subprocess
import sys
import textwrap

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN = "<!-- providers: made by tools/readme-providers.py; do not edit -->"
END = "<!-- end of providers -->"


def hints():
    """Lang.Hint.<id> of en.hdf, by id."""
    out, inside = {}, False
    for line in open(os.path.join(TOP, "templates/lang/en.hdf"), encoding="utf-8"):
        s = line.strip()
        if s in ("Hint {", "Lang.Hint {"):
            inside = True
        elif inside and s == "}":
            inside = False
        elif inside and " = " in s:
            k, v = s.split(" = ", 1)
            out[k] = v
    return out


def why(hint):
    """The reason a hint gives for not offering its preset, or None."""
    m = re.search(r"(?:no longer|not) offered[.:]\s*(.*)", hint or "")
    return m.group(1) if m else None


def wrap(text, indent="  "):
    return textwrap.fill(text, 72, initial_indent="- ",
                         subsequent_indent=indent, break_on_hyphens=False)


def families(f):
    return {"ipv4": "IPv4", "ipv4 ipv6": "IPv4 or IPv6",
            "ipv4 ipv6 dual": "IPv4, IPv6 or both", "dual": "both only",
            "ipv4 dual": "IPv4 or both", "ipv6": "IPv6"}.get(f, f)


def make(table):
    rows = [l.split("\t") for l in
            subprocess.run([table], check=True, capture_output=True,
                           text=True).stdout.splitlines()]
    vers = sorted({r[0] for r in rows})
    h = hints()
    out = [BEGIN]
    for v in vers:
        pre = [r for r in rows if r[0] == v and r[1] == "preset"]
        on = sorted((r for r in pre if r[4] != "-"), key=lambda r: r[3].lower())
        off = sorted((r for r in pre if r[4] == "-"), key=lambda r: r[3].lower())
        out.append(wrap("ddclient %s: %d presets offered, and Custom: %s." % (
            v, len(on), ", ".join("%s (%s)" % (r[3], families(r[4])) for r in on))))
        for r in off:
            other = [x for x in rows if x[1] == "preset" and x[2] == r[2]
                     and x[0] != v and x[4] != "-"]
            reason = why(h.get(r[2])) or (
                "needs ddclient %s." % other[0][0] if other else "no reason given.")
            out.append(wrap("not offered on %s: %s -- %s" % (v, r[3], reason), "    "))
        pro = [r for r in rows if r[0] == v and r[1] == "protocol"]
        out.append(wrap("Custom on %s offers the protocols %s; not %s "
                        "(backend/providers.c says why of each)." % (
                            v, ", ".join(r[2] for r in pro if r[4] != "-"),
                            ", ".join(r[2] for r in pro if r[4] == "-"))))
    out.append(END)
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    want = make(sys.argv[1])
    path = os.path.join(TOP, "README")
    text = open(path, encoding="utf-8").read()
    i, j = text.find(BEGIN), text.find(END)
    if i < 0 or j < 0:
        sys.exit("readme-providers: README has no %s ... %s block" % (BEGIN, END))
    have = text[i:j + len(END) + 1]
    if "--write" in sys.argv[2:]:
        open(path, "w", encoding="utf-8").write(text[:i] + want + text[j + len(END) + 1:])
        return
    if have != want:
        sys.stdout.writelines(difflib.unified_diff(
            have.splitlines(True), want.splitlines(True), "README", "providers.c"))
        sys.exit(1)


if __name__ == "__main__":
    main()
