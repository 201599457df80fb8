#!/usr/bin/python3
"""Print what piuparts' own loader keeps from one or more Packages URLs, as JSON.

Used by the differential tests (IndexLoaderPiupartsTests). Run it with Debian's python, which
has python3-apt, and with piuparts-common installed:

    /usr/bin/python3 piuparts_packages.py URL...

Each URL is given without compression suffix, as in piuparts.conf; piuparts tries .xz, .bz2,
.gz and the plain file itself (with file:// only .xz works in piuparts 1.1.7).

Output: {"urls": [the URLs piuparts opened], "packages": [[name, Version, Depends,
Pre-Depends, Provides], ...]} with one entry per package in the order piuparts keeps them
(first appearance of each name), field values as piuparts stores them (stripped), null when
a field is absent.
"""

import json
import sys

from piupartslib.packagesdb import PackagesFile

FIELDS = ("Version", "Depends", "Pre-Depends", "Provides")


def main(urls):
    packages = PackagesFile()
    packages.load_packages_urls(urls)
    rows = [[name] + [package.get(field) for field in FIELDS] for name, package in packages.items()]
    json.dump({"urls": packages.get_urls(), "packages": rows}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
