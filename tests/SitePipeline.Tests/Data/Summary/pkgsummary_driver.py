# Drives Debian's piupartslib.pkgsummary for the differential tests. Reads a JSON job on stdin:
#   {"date": "...", "out": "<dir>", "sections": [{"name": "s", "adds": [[rep, pkg, flag, cnt, url], ...]}],
#    "order": ["s", ...]}
# writes <out>/<section>/summary.json for each section with add_summary, then <out>/summary.json
# merged from those files in "order" with read_summary/merge_summary.
import json
import os
import sys

import piupartslib.pkgsummary as pkgsummary

job = json.loads(sys.stdin.buffer.read())


def fresh():
    summary = pkgsummary.new_summary()
    summary["_date"] = job["date"]  # the clock is the only difference wanted out
    return summary


for section in job["sections"]:
    summary = fresh()
    for rep, pkg, flag, cnt, url in section["adds"]:
        pkgsummary.add_summary(summary, rep, pkg, flag, cnt, url)
    directory = os.path.join(job["out"], section["name"])
    os.makedirs(directory, exist_ok=True)
    pkgsummary.write_summary(summary, os.path.join(directory, "summary.json"))

merged = fresh()
for name in job["order"]:
    path = os.path.join(job["out"], name, "summary.json")
    if os.path.isfile(path):
        merged = pkgsummary.merge_summary(merged, pkgsummary.read_summary(path))
pkgsummary.write_summary(merged, os.path.join(job["out"], "summary.json"))
