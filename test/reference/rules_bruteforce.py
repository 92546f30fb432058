"""Reference for the `rules` analysis (issue #11), outside the project: frequent itemsets counted
by brute force (every subset of every basket, itertools.combinations) and rules with mlxtend's
metric definitions, written independently in plain Python.

R's arules and Python's mlxtend are not installable on this offline machine (apt has no
r-cran-arules; pip finds no mlxtend), so this script is the outside reference. It reads two
public basket sets kept in test/fixtures:
  - baskets/groceries-20.txt: the first 20 baskets of arules' Groceries (basket format, one
    basket per line), mined as receipts;
  - issue10/groceries.csv: 200 seeded lines shaped like the Kaggle "Groceries dataset"
    (Member_number, Date, itemDescription; written for the tests, not the real file), mined as
    customer-day baskets (one member's items on one date).
Run: python3 test/reference/rules_bruteforce.py  → test/reference/fixtures/rules_groceries.json
"""
import csv
import itertools
import json
import math
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "../.."))


def mine(baskets, min_support, max_len):
    n = len(baskets)
    counts = {}
    for b in baskets:
        items = sorted(set(b))
        for k in range(1, min(max_len, len(items)) + 1):
            for sub in itertools.combinations(items, k):
                counts[sub] = counts.get(sub, 0) + 1
    frequent = {s: c for s, c in counts.items() if c / n >= min_support}
    rules = []
    for s, c in frequent.items():
        if len(s) < 2:
            continue
        for k in range(1, len(s)):
            for a in itertools.combinations(s, k):
                cons = tuple(x for x in s if x not in a)
                sA, sC, sAC = frequent[a] / n, frequent[cons] / n, c / n
                conf = sAC / sA
                lev = sAC - sA * sC
                den = max(sAC * (1 - sA), sA * (sC - sAC))
                rules.append({
                    "antecedents": " & ".join(sorted(a)),
                    "consequents": " & ".join(sorted(cons)),
                    "antecedent support": sA,
                    "consequent support": sC,
                    "support": sAC,
                    "confidence": conf,
                    "lift": conf / sC,
                    "leverage": lev,
                    "conviction": "inf" if conf >= 1 else (1 - sC) / (1 - conf),
                    "zhangs_metric": 0 if den == 0 else lev / den,
                })
    rules.sort(key=lambda r: (r["antecedents"], r["consequents"]))
    itemsets = sorted(({"items": " & ".join(sorted(s)), "count": c} for s, c in frequent.items()), key=lambda x: x["items"])
    return {"baskets": n, "minSupport": min_support, "maxLength": max_len, "itemsets": itemsets, "rules": rules}


def basket_file(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            items = {x.strip() for x in line.rstrip("\r\n").split(",") if x.strip()}
            if items:
                out.append(items)
    return out


def customer_days(path):
    groups = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups.setdefault((row["Member_number"], row["Date"]), set()).add(row["itemDescription"])
    return list(groups.values())


if __name__ == "__main__":
    out = {
        "groceries20": mine(basket_file(os.path.join(ROOT, "test/fixtures/baskets/groceries-20.txt")), 0.1, 4),
        "kaggleCustomerDay": mine(customer_days(os.path.join(ROOT, "test/fixtures/issue10/groceries.csv")), 0.01, 3),
    }
    dest = os.path.join(ROOT, "test/reference/fixtures/rules_groceries.json")
    with open(dest, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    for k, v in out.items():
        print(k, v["baskets"], "baskets", len(v["itemsets"]), "itemsets", len(v["rules"]), "rules")
