"""The search page's long tail: every distinct substring of 2 to 6 characters of the demo catalogue's item and
sub-item names, in sorted order (the same list every run), each as a percent-encoded search page path.

    python3 bench/lib/search-queries.py src/main/resources/demo/catalogue.yml > queries.txt
"""
import re
import sys
import urllib.parse

text = open(sys.argv[1], encoding="utf-8").read()
names = {m.group(1).strip() for m in re.finditer(r"^(?:  |      )- name: (.+)$", text, re.M)}
queries = {n[i:j] for n in names for i in range(len(n)) for j in range(i + 2, min(len(n), i + 6) + 1)}
for q in sorted(queries):
    print("/search?q=" + urllib.parse.quote(q, safe=""))
