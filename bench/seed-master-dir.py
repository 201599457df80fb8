# Seeds a master directory for bench/master-reserve.sh: section SECTION with logs for the
# packages of a plain Packages file, picked with a fixed seed (40% pass, 3% fail, 1% untestable,
# some bugged, affected and reserved), so both masters see exactly the same directory.
import os
import random
import sys

packages_file, root, section = sys.argv[1:4]
directories = ["pass", "fail", "untestable", "reserved", "bugged", "affected", "recycle"]
for directory in directories:
    os.makedirs(os.path.join(root, section, directory), exist_ok=True)
shares = [("pass", 0.40), ("fail", 0.03), ("untestable", 0.01), ("bugged", 0.005), ("affected", 0.005), ("reserved", 0.002)]
pick = random.Random(7)
name = version = None
with open(packages_file, encoding="utf-8") as packages:
    for line in packages:
        if line.startswith("Package: "):
            name = line[9:].strip()
        elif line.startswith("Version: "):
            version = line[9:].strip()
        elif not line.strip() and name:
            x, edge = pick.random(), 0.0
            for directory, share in shares:
                edge += share
                if x < edge:
                    open(os.path.join(root, section, directory, "%s_%s.log" % (name, version)), "w").close()
                    break
            name = version = None
