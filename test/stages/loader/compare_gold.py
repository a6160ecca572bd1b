#!/usr/bin/env python3
"""compare_gold.py GOLD.json < DOCUMENT.json: the document's cells against the gold.

The comparison of the team's score-corpus: every value the gold states (null
included) must come back equal, cells listed under "_uncertain" and keys that
start with "_" are not scored.  Prints "N/M cells" and, on a difference, the
first cells that differ; exits 1 on any difference.
"""
import json
import sys
from decimal import Decimal


def flatten(doc, prefix=""):
    out = {}
    if isinstance(doc, dict):
        for k, v in doc.items():
            out.update(flatten(v, prefix + "." + k if prefix else k))
    else:
        out[prefix] = doc
    return out


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return Decimal(str(a)) == Decimal(str(b))
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return a == b


def main():
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    skip = set(gold.pop("_uncertain", []))
    gold = {k: v for k, v in flatten(gold).items() if k not in skip and not k.startswith("_")}
    got = flatten(json.loads(sys.stdin.read()))
    wrong = [(k, v, got.get(k, "<missing>")) for k, v in gold.items() if not same(v, got.get(k, "<missing>"))]
    print("%d/%d cells" % (len(gold) - len(wrong), len(gold)))
    for k, v, g in wrong[:8]:
        print("  %s: expected %s, got %s" % (k, json.dumps(v, ensure_ascii=False), json.dumps(g, ensure_ascii=False)))
    return 1 if wrong or not gold else 0


if __name__ == "__main__":
    sys.exit(main())
