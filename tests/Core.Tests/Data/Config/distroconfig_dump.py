"""Reads distros.conf files with piuparts' own piupartslib.conf.DistroConfig
(python3-piuparts-common) and prints its answers for every distribution the file names,
for the differential tests of DistrosConf and ArchiveLayout.

Usage: /usr/bin/python3 distroconfig_dump.py MIRROR AREA ARCH FILE...

Prints one JSON object, keyed by FILE as given:
  {"with-mirror": ANSWERS, "without-mirror": ANSWERS}
where the section mirror passed to DistroConfig is MIRROR or None, and ANSWERS is
  {DISTRO: {"expand": [...], "candidates": [...], "packages": [URL...], "sources": [URL...]}}
for every section of the file and every name in its depends and candidates lists, in order of
first appearance; an answer that raised is {"error": EXCEPTION-NAME}.
"""

import json
import sys

from piupartslib.conf import DistroConfig


def attempt(answer):
    try:
        return answer()
    except Exception as e:
        return {"error": type(e).__name__}


def names(path):
    conf = DistroConfig(path, None)
    found = list(conf.keys())
    for distro in list(found):
        for key in ("depends", "candidates"):
            for name in (conf.get(distro, key) or "").split():
                if name not in found:
                    found.append(name)
    return found


def answers(path, mirror, area, arch):
    conf = DistroConfig(path, mirror)
    return {
        distro: {
            "expand": attempt(lambda: conf._expand_depends(distro)),
            "candidates": attempt(lambda: conf.get_candidates(distro)),
            "packages": attempt(lambda: conf.get_packages_urls(distro, area, arch)),
            "sources": attempt(lambda: conf.get_sources_urls(distro, area)),
        }
        for distro in names(path)
    }


mirror, area, arch = sys.argv[1:4]
json.dump({
    path: {
        "with-mirror": answers(path, mirror, area, arch),
        "without-mirror": answers(path, None, area, arch),
    }
    for path in sys.argv[4:]
}, sys.stdout, indent=1)
