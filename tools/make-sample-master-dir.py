#!/usr/bin/python3
"""Builds samples/master-dir: a small, realistic piuparts master directory.

Usage (from anywhere; needs /usr/bin/python3 with apt_pkg, lz4 and xz):

    /usr/bin/python3 tools/make-sample-master-dir.py [--cache DIR]

What it (re)creates under samples/master-dir (everything else there is left alone):
  piuparts.conf, distros.conf      two sections, bookworm and bookworm-security, read from a
                                   relative file: mirror (run the report with this directory as
                                   working directory)
  mirror/dists/<suite>/main/{binary-amd64/Packages.xz,source/Sources.xz}
                                   real Debian stanzas, bytes unchanged and in index order, for a
                                   subset of about 300 bookworm binaries (seed packages plus their
                                   Depends/Pre-Depends closure) and about 30 bookworm-security
                                   binaries, plus every Sources stanza building one of them
  <section>/{pass,fail,bugged,affected,untestable,reserved}/<package>_<version>.log
                                   logs written by this script (not piuparts output), with a few
                                   deliberately obsolete ones; .bug files beside bugged logs
  <section>/counts.txt, <section>/submissions.txt
                                   a year of invented history ending with the sample's states
  known-problems/*.conf            our own known-problem definitions (piuparts' file names)

Inputs: the bookworm and bookworm-security Packages indexes apt keeps in /var/lib/apt/lists
(*.lz4), and the matching Sources.xz indexes, downloaded once from deb.debian.org into the cache
directory (default bench/data/sample-cache, gitignored). The result is a pure function of these
four indexes: fixed random seeds, fixed dates, no clock, sorted iteration everywhere. Newer
indexes (a point release) give a slightly different, equally valid sample.
"""

import argparse
import calendar
import datetime
import glob
import lzma
import os
import random
import re
import shutil
import subprocess
import sys
import urllib.request

import apt_pkg

apt_pkg.init()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "master-dir")
LISTS = "/var/lib/apt/lists"
SOURCES_URLS = {
    "bookworm": "http://deb.debian.org/debian/dists/bookworm/main/source/Sources.xz",
    "bookworm-security": "http://deb.debian.org/debian-security/dists/bookworm-security/main/source/Sources.xz",
}
PACKAGES_GLOBS = {
    "bookworm": "*_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
    "bookworm-security": "*bookworm-security*main_binary-amd64_Packages.lz4",
}
SEED = 20261123
LOG_DIRS = ["pass", "fail", "bugged", "affected", "untestable", "reserved"]
STATES = ["successfully-tested", "failed-testing", "cannot-be-tested", "essential-required",
          "waiting-to-be-tested", "waiting-for-dependency-to-be-tested", "dependency-failed-testing",
          "dependency-cannot-be-tested", "dependency-does-not-exist", "circular-dependency", "unknown",
          "unknown-preferred-alternative", "no-dependency-from-alternatives-exists", "outdated"]
HISTORY_FIRST = datetime.date(2025, 11, 24)
HISTORY_LAST = datetime.date(2026, 11, 23)


# ---------------------------------------------------------------------------------------------
# Indexes

class Stanza:
    """One paragraph of a Packages or Sources index: its raw bytes and its parsed fields."""

    def __init__(self, raw, position):
        self.raw = raw                      # bytes, ending with a single b"\n"
        self.position = position            # index order
        self.fields = apt_pkg.TagSection(raw.decode("utf-8"))
        self.name = self.fields["Package"]
        self.version = self.fields["Version"]

    def get(self, key, default=""):
        return self.fields.get(key, default)

    def depends(self):
        """Or-groups of Depends and Pre-Depends: lists of package names."""
        groups = []
        for key in ("Pre-Depends", "Depends"):
            if self.get(key):
                for group in apt_pkg.parse_depends(self.get(key)):
                    groups.append([alternative[0] for alternative in group])
        return groups

    def provides(self):
        if not self.get("Provides"):
            return []
        return [group[0][0] for group in apt_pkg.parse_depends(self.get("Provides"))]

    def source(self):
        """(source name, source version) as piuparts derives them."""
        field = self.get("Source")
        if not field:
            return self.name, self.version
        match = re.match(r"(\S+)(?:\s+\((.*)\))?", field)
        return match.group(1), match.group(2) or self.version

    def binaries(self):
        return [b.strip() for b in self.get("Binary").split(",") if b.strip()]


def split_stanzas(data):
    stanzas = []
    for raw in data.split(b"\n\n"):
        raw = raw.strip(b"\n")
        if raw:
            stanzas.append(Stanza(raw + b"\n", len(stanzas)))
    return stanzas


def read_packages(suite):
    paths = sorted(glob.glob(os.path.join(LISTS, PACKAGES_GLOBS[suite])))
    if not paths:
        sys.exit("no %s Packages index in %s (apt-get update with bookworm sources)" % (suite, LISTS))
    data = subprocess.run(["lz4", "-dc", paths[0]], check=True, capture_output=True).stdout
    return split_stanzas(data)


def read_sources(suite, cache):
    path = os.path.join(cache, "%s_main_Sources.xz" % suite)
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        print("downloading %s" % SOURCES_URLS[suite], file=sys.stderr)
        with urllib.request.urlopen(SOURCES_URLS[suite], timeout=120) as answer:
            data = answer.read()
        with open(path + ".part", "wb") as out:
            out.write(data)
        os.rename(path + ".part", path)
    with lzma.open(path) as xz:
        return split_stanzas(xz.read())


class Universe:
    """Package lookup over one or more indexes (later ones override earlier ones by name)."""

    def __init__(self, *indexes):
        self.packages = {}
        self.providers = {}
        for index in indexes:
            for stanza in index:
                self.packages[stanza.name] = stanza
        for name in sorted(self.packages, key=lambda n: self.packages[n].position):
            for virtual in self.packages[name].provides():
                self.providers.setdefault(virtual, []).append(name)

    def needed(self, stanza, chosen):
        """Names a package pulls in: every existing alternative, one provider of a virtual name."""
        names = []
        for group in stanza.depends():
            for name in group:
                if name in self.packages:
                    names.append(name)
                elif name in self.providers:
                    providers = self.providers[name]
                    already = [p for p in providers if p in chosen]
                    names.append(already[0] if already else providers[0])
        return names

    def closure(self, start, chosen, limit):
        """Packages not in chosen that start pulls in (with start itself), or None above limit."""
        new, todo = [], list(start)
        seen = set(chosen)
        while todo:
            name = todo.pop(0)
            if name in seen:
                continue
            seen.add(name)
            new.append(name)
            if len(new) > limit:
                return None
            todo.extend(self.needed(self.packages[name], seen))
        return new


def write_index(path, stanzas):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = b"".join(s.raw + b"\n" for s in sorted(stanzas, key=lambda s: s.position))
    subprocess.run(["xz", "-6", "-T1", "-c"], input=data, check=True, stdout=open(path, "wb"))


# ---------------------------------------------------------------------------------------------
# Package choice

def choose_bookworm(universe, rng):
    by_position = sorted(universe.packages.values(), key=lambda s: s.position)

    def is_lib(s):
        return s.name.startswith("lib") and not s.name.endswith(("-dbg", "-dev"))

    categories = [
        ("libraries", 30, is_lib),
        ("architecture all", 25, lambda s: s.get("Architecture") == "all" and not s.name.startswith("lib")),
        ("provides", 12, lambda s: bool(s.get("Provides"))),
        ("alternatives", 12, lambda s: "|" in s.get("Depends")),
        ("plus", 8, lambda s: "+" in s.name),
        ("binNMU or other source version", 8, lambda s: "(" in s.get("Source")),
        ("development", 5, lambda s: s.name.endswith("-dev")),
        ("other", 20, lambda s: True),
    ]
    chosen, seeds = {}, []
    for title, quota, wanted in categories:
        candidates = [s.name for s in by_position if wanted(s)]
        rng.shuffle(candidates)
        taken = 0
        for name in candidates:
            if taken == quota:
                break
            if name in chosen:
                continue
            limit = 14 if len(seeds) < 10 else 6
            new = universe.closure([name], chosen, limit)
            if new is None or len(chosen) + len(new) > 400:
                continue
            for n in new:
                chosen[n] = title
            seeds.append(name)
            taken += 1
    return chosen, seeds


def dependency_missing_extra(universe, chosen, rng):
    """One more package, whose only missing dependency is left out on purpose."""
    candidates = []
    for name in sorted(universe.packages):
        if name in chosen:
            continue
        new = universe.closure([name], chosen, 2)
        if new is None or len(new) != 2:
            continue
        if [new[1]] in universe.packages[name].depends():
            candidates.append((name, new[1]))
    return rng.choice(candidates)


def choose_security(bookworm_universe, security, chosen, rng):
    """About 30 security binaries: mostly updates of sample packages, some outdated, a few new."""
    both = Universe(bookworm_universe.packages.values(), security)
    updates, outdated, same, new = [], [], [], []
    for stanza in security:
        old = bookworm_universe.packages.get(stanza.name)
        if old is None:
            new.append(stanza.name)
            continue
        compared = apt_pkg.version_compare(stanza.version, old.version)
        (updates if compared > 0 else outdated if compared < 0 else same).append(stanza.name)
    picked, extra_bookworm, extra_security = [], [], []
    wanted = [(updates, 20, True), (outdated, 4, True), (same, 2, True), (updates, 2, False), (new, 2, False)]
    for names, quota, in_sample in wanted:
        names = list(names)
        rng.shuffle(names)
        taken = 0
        for name in names:
            if taken == quota:
                break
            if name in picked or (in_sample and name not in chosen) or (not in_sample and name in chosen):
                continue
            known = set(chosen) | set(extra_bookworm) | set(picked) | set(extra_security)
            pulled = both.closure([name], known, 6)
            if pulled is None:
                continue
            pulled = pulled[1:]
            picked.append(name)
            for p in pulled:
                # a dependency that only exists in bookworm-security joins the security subset too
                if p in bookworm_universe.packages:
                    extra_bookworm.append(p)
                else:
                    extra_security.append(p)
            # the bookworm version of an updated package is in the sample too
            if name in bookworm_universe.packages and name not in chosen and name not in extra_bookworm:
                extra_bookworm.append(name)
            taken += 1
    return picked + extra_security, extra_bookworm


def sources_for(sources, binaries):
    return [s for s in sources if any(b in binaries for b in s.binaries())]


# ---------------------------------------------------------------------------------------------
# Logs (text written here; the layout imitates piuparts logs, the wording is ours)

class Clock:
    def __init__(self, rng):
        self.rng = rng
        self.seconds = 0.0

    def tick(self, low=0.0, high=0.3):
        self.seconds += self.rng.uniform(low, high)

    def __str__(self):
        minutes, seconds = divmod(self.seconds, 60)
        return "%dm%.1fs" % (minutes, seconds)


def deb_name(stanza):
    version = stanza.version.split(":", 1)[-1]
    return "%s_%s_%s.deb" % (stanza.name, version, stanza.get("Architecture"))


class LogWriter:
    def __init__(self, section, suite, mirror, universe, chosen, rng):
        self.section = section
        self.suite = suite
        self.mirror = mirror
        self.universe = universe
        self.chosen = chosen
        self.rng = rng

    def direct_deps(self, stanza):
        names = []
        for group in stanza.depends():
            for name in group:
                if name in self.chosen and name not in names and name != stanza.name:
                    names.append(name)
                    break
                if name in self.universe.providers:
                    providers = [p for p in self.universe.providers[name] if p in self.chosen]
                    if providers:
                        names.append(providers[0])
                        break
        return names[:8]

    def write(self, stanza, outcome, issues=(), version=None):
        """outcome: pass, untestable or one of the failure kinds below; issues: warnings."""
        rng = self.rng
        version = version or stanza.version
        clock = Clock(rng)
        chroot = "/srv/piuparts/tmp/tmp" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
        tarball = "/srv/piuparts/slave/basetgz/bookworm_amd64.tar.gz"
        spec = "%s=%s" % (stanza.name, version)
        lines = []

        def line(level, text):
            clock.tick()
            lines.append("%s %s: %s" % (clock, level, text))

        def dump(body):
            lines.append("%s DUMP: " % clock)
            lines.extend("  " + b for b in body)

        def command(argv, body, status=0, low=0.5, high=4.0):
            line("DEBUG", "Starting: %r" % (argv,))
            clock.tick(low, high)
            if body:
                dump(body)
            if status == 0:
                line("DEBUG", "Command ok: %r" % (argv,))
            else:
                line("ERROR", "Command failed (status=%d): %r" % (status, argv))

        rule = "-" * 78
        line("INFO", rule)
        line("INFO", "Sample log for piuparts-site, written by tools/make-sample-master-dir.py.")
        line("INFO", "Look at the end of the log first: the verdict is on the last lines.")
        line("INFO", rule)
        line("INFO", "Test subject: %s, section %s, architecture amd64." % (spec, self.section))
        line("INFO", "Command line arguments: piuparts --arch amd64 -d %s --mirror %s -b %s %s"
             % (self.suite, self.mirror, tarball, spec))
        line("DEBUG", "Created temporary directory %s" % chroot)
        line("DEBUG", "Unpacking %s into %s" % (tarball, chroot))
        command(["tar", "-C", chroot, "-zxf", tarball], [], low=2.0, high=6.0)
        command(["chroot", chroot, "apt-get", "update"],
                ["Get:1 %s %s InRelease [151 kB]" % (self.mirror, self.suite.split("-")[0]),
                 "Fetched 8951 kB in 2s (4409 kB/s)", "Reading package lists..."])
        if outcome == "untestable":
            deps = self.direct_deps(stanza)
            missing = deps[0] if deps else "libfoo1"
            command(["chroot", chroot, "apt-get", "-y", "install", spec],
                    ["Reading package lists...", "Building dependency tree...",
                     "Some packages could not be installed: the archive is in an inconsistent state",
                     "or a package has not been migrated yet.",
                     "The following packages have unmet dependencies:",
                     " %s : Depends: %s but it is not installable" % (stanza.name, missing),
                     "E: Unable to correct problems, you have held broken packages."], status=100)
            line("ERROR", "Installation of %s is not possible in this chroot: the package cannot be tested." % stanza.name)
            line("INFO", "UNTESTABLE: %s" % spec)
            return "\n".join(lines) + "\n"

        deps = [self.universe.packages[d] for d in self.direct_deps(stanza) if d in self.universe.packages]
        installed = deps + [stanza]
        body = ["Reading package lists...", "Building dependency tree...", "The following NEW packages will be installed:",
                "  " + " ".join(s.name for s in installed),
                "0 upgraded, %d newly installed, 0 to remove and 0 not upgraded." % len(installed)]
        for s in installed:
            body += ["Selecting previously unselected package %s." % s.name,
                     "Preparing to unpack .../%s ..." % deb_name(s),
                     "Unpacking %s (%s) ..." % (s.name, s.version)]
        failing = None
        if outcome == "overwrite":
            other = self.universe.packages[rng.choice(sorted(n for n in self.chosen if n != stanza.name))]
            path = rng.choice(["/usr/bin/%s", "/usr/share/man/man1/%s.1.gz", "/usr/lib/x86_64-linux-gnu/%s/plugin.so",
                               "/etc/bash_completion.d/%s"]) % stanza.name.split("-")[0]
            body[-1:] = ["Unpacking %s (%s) ..." % (stanza.name, version),
                         "dpkg: error processing archive /var/cache/apt/archives/%s (--unpack):" % deb_name(stanza),
                         " trying to overwrite '%s', which is also in package %s %s" % (path, other.name, other.version),
                         "Errors were encountered while processing:",
                         " /var/cache/apt/archives/%s" % deb_name(stanza),
                         "E: Sub-process /usr/bin/dpkg returned an error code (1)"]
            failing = 100
        else:
            for s in installed:
                body.append("Setting up %s (%s) ..." % (s.name, s.version))
            if outcome in ("postinst", "postinst-not-found"):
                helper = rng.choice(["update-%s-registry", "%s-setup", "rebuild-%s-cache"]) % stanza.name.split("-")[0]
                if outcome == "postinst-not-found":
                    body.append("/var/lib/dpkg/info/%s.postinst: %d: %s: not found" % (stanza.name, rng.randint(8, 60), helper))
                    status = 127
                else:
                    body.append("%s: cannot open /var/lib/%s/state: No such file or directory" % (helper, stanza.name))
                    status = 1
                body += ["dpkg: error processing package %s (--configure):" % stanza.name,
                         " installed %s package post-installation script subprocess returned error exit status %d"
                         % (stanza.name, status),
                         "Errors were encountered while processing:", " " + stanza.name,
                         "E: Sub-process /usr/bin/dpkg returned an error code (1)"]
                failing = 100
            elif outcome == "dependency":
                dep = deps[-1] if deps else stanza
                body = ["Reading package lists...", "Building dependency tree...",
                        "The following packages have unmet dependencies:",
                        " %s : Depends: %s (>= %s) but %s is to be installed"
                        % (stanza.name, dep.name, dep.version + ".1", dep.version),
                        "E: Unable to correct problems, you have held broken packages."]
                failing = 100
        command(["chroot", chroot, "apt-get", "-y", "install", spec], body, status=failing or 0, low=3.0, high=25.0)
        if failing:
            line("ERROR", "FAIL: Installation and purging test.")
            return "\n".join(lines) + "\n"
        line("INFO", "Installation of %s ok" % spec)
        command(["chroot", chroot, "apt-get", "-y", "remove", stanza.name],
                ["Reading package lists...", "The following packages will be REMOVED:", "  " + stanza.name,
                 "Removing %s (%s) ..." % (stanza.name, version)])
        if outcome == "postrm-not-found":
            tool = rng.choice(["ucf", "deb-systemd-helper", "update-menus"])
            command(["chroot", chroot, "dpkg", "--purge", stanza.name],
                    ["Purging configuration files for %s (%s) ..." % (stanza.name, version),
                     "/var/lib/dpkg/info/%s.postrm: %d: %s: not found" % (stanza.name, rng.randint(5, 40), tool),
                     "dpkg: error processing package %s (--purge):" % stanza.name,
                     " installed %s package post-removal script subprocess returned error exit status 127" % stanza.name],
                    status=1)
            line("ERROR", "FAIL: Installation and purging test.")
            return "\n".join(lines) + "\n"
        if outcome == "hang":
            line("DEBUG", "Starting: %r" % (["chroot", chroot, "dpkg", "--purge", stanza.name],))
            clock.tick(1800.0, 1800.0)
            line("ERROR", "No output for 30 minutes from the purge of %s; the process group was killed." % stanza.name)
            line("ERROR", "FAIL: Installation and purging test.")
            return "\n".join(lines) + "\n"
        command(["chroot", chroot, "dpkg", "--purge", stanza.name],
                ["Purging configuration files for %s (%s) ..." % (stanza.name, version)])
        line("DEBUG", "Comparing the file lists of the chroot before and after the test")
        if outcome.startswith("owned"):
            base, name = stanza.name.split("-")[0], stanza.name
            files = {"owned": ["/etc/%s/\t owned by: %s" % (base, name), "/etc/%s/%s.conf\t owned by: %s" % (base, base, name)],
                     "owned-many": ["/usr/share/%s-common/\t owned by: %s, %s-data" % (base, name, base)],
                     "owned-local": ["/usr/local/share/%s/\t owned by: %s" % (base, name)]}[outcome]
            line("ERROR", "FAIL: Package purging left files on system:")
            lines.extend("  " + f for f in files)
            line("ERROR", "FAIL: Installation and purging test.")
            return "\n".join(lines) + "\n"
        for issue in issues:
            base = stanza.name.split("-")[0]
            if issue == "symlinks":
                line("WARNING", "Broken symlinks:")
                lines.append("  /usr/share/doc/%s/changelog.gz -> ../%s-common/changelog.gz (%s)" % (stanza.name, base, stanza.name))
                if rng.random() < 0.5:
                    lines.append("  /usr/lib/%s/%s.jar -> /usr/share/java/%s.jar (%s)" % (base, base, base, stanza.name))
            elif issue == "conffiles":
                line("WARNING", "Obsolete conffiles of %s:" % stanza.name)
                lines.append("  /etc/%s/%s.conf.old %032x" % (base, base, rng.getrandbits(128)))
        line("INFO", "PASS: Installation and purging test.")
        line("DEBUG", "Removed directory tree at %s" % chroot)
        line("INFO", "PASS: All tests.")
        line("INFO", "End of the test of %s." % spec)
        return "\n".join(lines) + "\n"


FAILURE_KINDS = ["overwrite"] * 7 + ["postinst"] * 4 + ["postinst-not-found"] * 3 + ["postrm-not-found"] * 2 \
    + ["owned"] * 4 + ["owned-many"] * 2 + ["owned-local"] * 1 + ["dependency"] * 4 + ["hang"] * 3


# ---------------------------------------------------------------------------------------------
# Approximate states (only for the invented history; the report computes the real ones)

def approximate_states(universe, names, results, outdated=(), depends_states=None):
    """The states piuparts' master gives, closely enough for the history (the report computes them)."""
    depends_states = depends_states or {}
    direct = {"pass": "successfully-tested", "fail": "failed-testing", "bugged": "failed-testing",
              "affected": "failed-testing", "untestable": "cannot-be-tested", "reserved": "waiting-to-be-tested"}
    own = set(names)
    provided = {v for n in names for v in universe.packages[n].provides()}
    state = {}
    for name in names:
        state[name] = "outdated" if name in outdated else direct.get(results.get(name), "unknown")
        # a pass log counts at once only if every first alternative is in this section itself
        if state[name] == "successfully-tested" and depends_states and any(
                g[0] not in own and g[0] not in provided for g in universe.packages[name].depends()):
            state[name] = "unknown"

    def lookup(name):
        found = state.get(name)
        if found is None or found == "outdated":
            found = depends_states.get(name, found)
        return found

    changed = True
    while changed:
        changed = False
        for name in names:
            if state[name] != "unknown":
                continue
            found = []
            for group in universe.packages[name].depends():
                choice = None
                for alternative in group:
                    target = alternative
                    if lookup(alternative) is None:
                        targets = [p for p in universe.providers.get(alternative, []) if lookup(p) is not None]
                        target = targets[0] if targets else None
                    if target is not None:
                        choice = lookup(target)
                        break
                found.append(choice or "does-not-exist")
            if "does-not-exist" in found:
                new = "dependency-does-not-exist"
            elif any(s in ("failed-testing", "dependency-failed-testing") for s in found):
                new = "dependency-failed-testing"
            elif any(s in ("cannot-be-tested", "dependency-cannot-be-tested") for s in found):
                new = "dependency-cannot-be-tested"
            elif all(s == "successfully-tested" for s in found):
                new = "successfully-tested" if results.get(name) == "pass" else "waiting-to-be-tested"
            else:
                continue
            state[name] = new
            changed = True
    for name in names:
        if state[name] == "unknown":
            state[name] = "waiting-for-dependency-to-be-tested"
    return state


def history(final, rng, point_releases):
    """Daily rows from HISTORY_FIRST to HISTORY_LAST ending at the final counts, with gaps."""
    total = sum(final.values())
    days = (HISTORY_LAST - HISTORY_FIRST).days + 1
    gaps = set()
    for start, length in [(41, 1), (118, 3), (203, 1), (290, 2)]:
        gaps.update(range(start, start + length))
    rows = []
    start_total = int(total * 0.93)
    for day in range(days):
        if day in gaps:
            continue
        progress = day / (days - 1)
        size = round(start_total + (total - start_total) * progress)
        counts = {s: 0 for s in STATES}
        for s in ("failed-testing", "cannot-be-tested", "dependency-failed-testing", "dependency-cannot-be-tested",
                  "dependency-does-not-exist", "outdated"):
            wobble = rng.choice([0, 0, 0, 1, -1]) if final[s] >= 3 else 0
            counts[s] = max(0, round(final[s] * (0.6 + 0.4 * progress)) + wobble) if day < days - 1 else final[s]
        waiting_final = final["waiting-to-be-tested"] + final["waiting-for-dependency-to-be-tested"]
        bump = 0
        for release in point_releases:
            if 0 <= day - release < 6:
                bump = int(size * 0.06 * (6 - (day - release)) / 6)
        waiting = round(waiting_final + (size * 0.45 - waiting_final) * (1 - progress) ** 2) + bump
        if day == days - 1:
            waiting = waiting_final
        share = final["waiting-for-dependency-to-be-tested"] / waiting_final if waiting_final else 0.3
        counts["waiting-for-dependency-to-be-tested"] = round(waiting * share)
        counts["waiting-to-be-tested"] = waiting - counts["waiting-for-dependency-to-be-tested"]
        if day == days - 1:
            counts = dict(final)
        else:
            counts["successfully-tested"] = max(0, size - sum(counts.values()))
        rows.append((HISTORY_FIRST + datetime.timedelta(days=day), counts))
    return rows


def write_counts(path, rows):
    with open(path, "w") as out:
        out.write(", ".join(["date"] + STATES) + "\n")
        for date, counts in rows:
            out.write(", ".join([date.strftime("%Y%m%d")] + [str(counts[s]) for s in STATES]) + "\n")


def unix(date, seconds):
    return calendar.timegm(date.timetuple()) + seconds


def write_submissions(path, logs, obsolete, rng):
    """logs: (dir, name, version) of current logs; obsolete: older (dir, name, version)."""
    kind = {"pass": "pass", "fail": "fail", "bugged": "fail", "affected": "fail", "untestable": "untestable"}
    first, last = unix(HISTORY_FIRST, 0), unix(HISTORY_LAST, 86399)
    entries = []
    for directory, name, version in obsolete:
        entries.append((rng.randint(first, first + 120 * 86400), kind[directory], name, version))
    for directory, name, version in logs:
        if directory not in kind:
            continue
        when = rng.randint(first + 30 * 86400, last)
        entries.append((when, kind[directory], name, version))
        retests = rng.choice([0, 0, 1, 1, 2]) if directory == "pass" else rng.choice([0, 1])
        for _ in range(retests):
            entries.append((rng.randint(first, when - 1), "pass" if directory == "pass" else "fail", name, version))
    entries.sort()
    with open(path, "w") as out:
        for entry in entries:
            out.write("%d %s %s %s\n" % entry)
    return len(entries)


# ---------------------------------------------------------------------------------------------
# Configuration and known problems

PIUPARTS_CONF = """\
# piuparts-site sample configuration: a small master directory with two sections, made by
# tools/make-sample-master-dir.py from real Debian indexes (see samples/README.md). The file
# format is piuparts.conf(5); Debian's piuparts reads it the same way.
#
# Every path here is relative to the working directory, which must be this directory (or a copy
# of it): the report reads the logs from ".", the known problems from known-problems/ and the
# Packages/Sources indexes from the file: mirror in mirror/ (a relative file: URL, read the way
# Python's urllib reads it).

[global]
sections =
    bookworm
    bookworm-security
master-directory = .
# Debian's piuparts-report writes here (the directory must exist); piuparts-site report is given
# its output directory with --output instead
output-directory = ../../_site
mirror = file:mirror
known-problem-directory = known-problems
web-host = piuparts.example.org
doc-root = /

[bookworm]
description = + Debian bookworm / main: a sample of about 300 packages (install, remove and purge tests)
distro = bookworm
area = main
arch = amd64
precedence = 1
max-reserved = 50

[bookworm-security]
description = + Debian bookworm-security: security updates, tested against bookworm
distro = bookworm-security
depends-sections = bookworm
arch = amd64
precedence = 2
json-sections = default
"""

DISTROS_CONF = """\
# Distributions of the sample. bookworm has no block: it is read from the section's mirror
# (file:mirror). The security archive is its own distribution, partial, on top of bookworm; in
# the sample it lives on the same local mirror.

[bookworm-security]
uri = file:mirror
distribution = bookworm-security
depends = bookworm
"""

# (file name, PATTERN, EXCLUDE_PATTERN or None, WHERE, ISSUE, HEADER, HELPTEXT)
KNOWN_PROBLEMS = [
    ("broken_symlinks_issue.conf", "WARNING: Broken symlinks:", None, "pass", 1,
     "Packages that leave broken symbolic links behind after installation",
     "<p>After installing the package, at least one symbolic link in the chroot points to a file\n"
     "that does not exist. Often the target is shipped by another package that is not a\n"
     "dependency, or a path changed in a new upstream version. The test still passes.</p>"),
    ("command_not_found_error.conf", "command not found|: not found", None, "fail bugged affected", 0,
     "Packages whose maintainer scripts call a command that is not installed",
     "<p>A maintainer script ran a program that is not available at that moment. Either the\n"
     "package needs to depend (or pre-depend) on the package providing it, or the script must check\n"
     "that the program exists before calling it, as Debian Policy section 6.1 asks for programs\n"
     "from non-essential packages.</p>"),
    ("dependency_error.conf", "The following packages have unmet dependencies:|E: Unable to correct problems", None,
     "fail bugged affected", 0,
     "Packages that cannot be installed because of unmet dependencies",
     "<p>apt could not find a set of packages satisfying the dependencies of the package under\n"
     "test. The dependency may be too strict, or a package it needs has not reached the archive\n"
     "in the required version.</p>"),
    ("obsolete_conffiles_issue.conf", "WARNING: Obsolete conffiles", None, "pass", 1,
     "Packages leaving obsolete configuration files behind",
     "<p>dpkg still lists configuration files as belonging to the package that the package no\n"
     "longer ships. They should be removed on upgrade, for example with\n"
     "<tt>dpkg-maintscript-helper rm_conffile</tt>.</p>"),
    ("overwrite_other_packages_files_error.conf", "trying to overwrite .*, which is also in package", None,
     "fail bugged affected", 0,
     "Packages that try to overwrite files of other packages",
     "<p>Unpacking the package failed because it contains a file that another installed package\n"
     "already owns. When files move between packages, the new owner needs\n"
     "<tt>Breaks</tt> and <tt>Replaces</tt> on the versions of the old owner that still ship\n"
     "them; if the packages simply conflict, they must say so with <tt>Conflicts</tt>.</p>"),
    ("owned_files_after_purge_error.conf", " owned by: ", ", |usr/local/", "fail bugged affected", 0,
     "Packages that leave files they own behind after purge",
     "<p>After the package was purged, files or directories that dpkg counts as belonging to it\n"
     "are still on the system. Usually a maintainer script recreated them, or dpkg could not\n"
     "remove a directory because something else left files in it. Files shared by several\n"
     "packages and files below /usr/local are listed on separate pages.</p>"),
    ("owned_files_by_many_packages_error.conf", " owned by: .+, ", "usr/local/", "fail bugged affected", 0,
     "Packages leaving files behind after purge that several packages own",
     "<p>Like the owned files problem, but the left-over files belong to more than one package,\n"
     "so the culprit is often one of the other owners.</p>"),
    ("post_installation_script_error.conf", "post-installation script (subprocess )?returned error exit status", None,
     "fail bugged affected", 0,
     "Packages whose postinst script fails",
     "<p>The configuration step of the package failed: its postinst exited with a non-zero\n"
     "status. The lines just before the error in the log usually show which command failed.</p>"),
    ("unclassified_failures.conf", "this-pattern-is-never-found-in-any-log-9c41e0d2", None, "fail bugged affected", 0,
     "Failed logs that no known problem explains",
     "<p>None of the known problem definitions matches these failed logs. They need to be read\n"
     "by a human, and perhaps a new definition should be added.</p>"),
]


def write_known_problems(directory):
    os.makedirs(directory, exist_ok=True)
    for name, pattern, exclude, where, issue, header, helptext in KNOWN_PROBLEMS:
        with open(os.path.join(directory, name), "w") as out:
            out.write("# Known problem for the piuparts-site sample, in piuparts' definition format.\n")
            out.write("# Written for this sample; the file name matches the problem of the same name in piuparts.\n")
            out.write("PATTERN='%s'\n" % pattern)
            if exclude:
                out.write("EXCLUDE_PATTERN='%s'\n" % exclude)
            out.write("WHERE='%s'\n" % where)
            out.write("ISSUE=%d\n" % issue)
            out.write("HEADER='%s'\n" % header)
            out.write("HELPTEXT='\n%s\n'\n" % helptext)


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", default=os.path.join(ROOT, "bench", "data", "sample-cache"),
                        help="where the downloaded Sources.xz indexes are kept")
    args = parser.parse_args()
    rng = random.Random(SEED)

    bookworm_packages = read_packages("bookworm")
    security_packages = read_packages("bookworm-security")
    bookworm_sources = read_sources("bookworm", args.cache)
    security_sources = read_sources("bookworm-security", args.cache)
    bookworm = Universe(bookworm_packages)

    chosen, seeds = choose_bookworm(bookworm, rng)
    security_names, extra = choose_security(bookworm, security_packages, chosen, rng)
    for name in extra:
        for n in bookworm.closure([name], chosen, 50) or []:
            chosen[n] = "security dependency"
    broken, left_out = dependency_missing_extra(bookworm, chosen, rng)
    chosen[broken] = "missing dependency"

    for directory in ["mirror", "known-problems", "bookworm", "bookworm-security"]:
        shutil.rmtree(os.path.join(SAMPLE, directory), ignore_errors=True)
    os.makedirs(SAMPLE, exist_ok=True)
    with open(os.path.join(SAMPLE, "piuparts.conf"), "w") as out:
        out.write(PIUPARTS_CONF)
    with open(os.path.join(SAMPLE, "distros.conf"), "w") as out:
        out.write(DISTROS_CONF)
    write_known_problems(os.path.join(SAMPLE, "known-problems"))

    security_by_name = {s.name: s for s in security_packages}
    indexes = {
        "bookworm": ([bookworm.packages[n] for n in chosen], sources_for(bookworm_sources, chosen)),
        "bookworm-security": ([security_by_name[n] for n in security_names],
                              sources_for(security_sources, set(security_names))),
    }
    for suite, (binaries, sources) in indexes.items():
        base = os.path.join(SAMPLE, "mirror", "dists", suite, "main")
        write_index(os.path.join(base, "binary-amd64", "Packages.xz"), binaries)
        write_index(os.path.join(base, "source", "Sources.xz"), sources)

    report = {}
    # ---- bookworm logs
    names = sorted(chosen, key=lambda n: bookworm.packages[n].position)
    writer = LogWriter("bookworm", "bookworm", "http://deb.debian.org/debian", bookworm, chosen, rng)
    order = list(names)
    rng.shuffle(order)
    total = len(order)
    quota = {"pass": round(total * 0.55), "fail": round(total * 0.08), "bugged": round(total * 0.03),
             "affected": round(total * 0.02), "untestable": round(total * 0.03), "reserved": 2}
    results = {}
    # a few failing libraries with reverse dependencies, so that dependency-failed-testing shows up
    essential = {n for n in names if bookworm.packages[n].get("Essential") == "yes"
                 or bookworm.packages[n].get("Priority") == "required"}
    users = {n: [] for n in names}
    for n in names:
        for d in writer.direct_deps(bookworm.packages[n]):
            users[d].append(n)

    def rrdeps(name):
        seen, todo = set(), list(users[name])
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(users[n])
        return len(seen)

    # only packages few others need fail, or every second package would be dependency-failed
    harmless = {n for n in names if rrdeps(n) <= 2 and n not in essential and n != broken}
    with_rdeps = [n for n in order if 1 <= rrdeps(n) <= 4 and n not in essential and n != broken]
    for n in with_rdeps[:3]:
        results[n] = "fail"
    results[with_rdeps[3]] = "untestable"
    # their direct users stay untested: dependency-failed-testing and dependency-cannot-be-tested
    blocked = {u for n in list(results) for u in users[n]}
    rest = [n for n in order if n not in results and n != broken and n not in blocked]
    # the base system passes (as on piuparts.debian.org); then, roughly, packages that others
    # wait for are tested first (the master hands them out first)
    jitter = {n: rng.random() for n in names}
    rest.sort(key=lambda n: (n not in essential, -min(rrdeps(n), 4) - 3 * jitter[n]))
    for directory in ["pass", "fail", "bugged", "affected", "untestable", "reserved"]:
        already = sum(1 for r in results.values() if r == directory)
        pool = rest if directory == "pass" else [n for n in rest if n in harmless]
        picked = [n for n in pool if n not in results][:max(0, quota[directory] - already)]
        for n in picked:
            results[n] = directory
        rest = [n for n in rest if n not in results]
    failure_kinds = list(FAILURE_KINDS)
    rng.shuffle(failure_kinds)
    logs = []
    failed = [n for n in names if results.get(n) in ("fail", "bugged", "affected")]
    passed = [n for n in names if results.get(n) == "pass"]
    issues = {}
    for n in rng.sample(passed, 9):
        issues[n] = ["symlinks"]
    for n in rng.sample(passed, 4):
        issues.setdefault(n, []).append("conffiles")
    kinds = {}
    for i, n in enumerate(failed):
        kinds[n] = failure_kinds[i % len(failure_kinds)]
    section_dir = os.path.join(SAMPLE, "bookworm")
    for directory in LOG_DIRS:
        os.makedirs(os.path.join(section_dir, directory), exist_ok=True)
    bug = 1031000
    bugged = [n for n in names if results.get(n) == "bugged"]
    affected = [n for n in names if results.get(n) == "affected"]
    with_bug = set(bugged[:-1] + affected[:1])    # piuparts-analyze did not find a bug for every log
    for n in names:
        directory = results.get(n)
        if directory is None:
            continue
        stanza = bookworm.packages[n]
        path = os.path.join(section_dir, directory, "%s_%s.log" % (n, stanza.version))
        if directory == "reserved":
            text = ""
        elif directory == "pass":
            text = writer.write(stanza, "pass", issues.get(n, ()))
        elif directory == "untestable":
            text = writer.write(stanza, "untestable")
        else:
            text = writer.write(stanza, kinds[n])
        with open(path, "w") as out:
            out.write(text)
        logs.append((directory, n, stanza.version))
        if n in with_bug:
            bug += rng.randint(300, 9000)
            with open(path[:-4] + ".bug", "w") as out:
                out.write('<a href="https://bugs.debian.org/%d" target="_blank">#%d</a>\n' % (bug, bug))
    # obsolete logs: an older version next to a current pass log, an older version alone, a removed package
    obsolete = []
    with_old = [n for n in passed if re.search(r"-\d+$", bookworm.packages[n].version)
                and not bookworm.packages[n].version.endswith("-1")]
    old_target = [n for n in names if n not in results and n != broken
                  and re.search(r"-\d+$", bookworm.packages[n].version) and not bookworm.packages[n].version.endswith("-1")]

    def older(version):
        head, revision = version.rsplit("-", 1)
        return "%s-%d" % (head, int(revision) - 1)

    for n, directory in [(with_old[0], "pass"), (old_target[0], "pass")]:
        version = older(bookworm.packages[n].version)
        with open(os.path.join(section_dir, directory, "%s_%s.log" % (n, version)), "w") as out:
            out.write(writer.write(bookworm.packages[n], "pass", version=version))
        obsolete.append((directory, n, version))
    gone = bookworm.packages[sorted(n for n in bookworm.packages if n not in chosen and n.startswith("python3-"))[7]]
    with open(os.path.join(section_dir, "fail", "%s_%s.log" % (gone.name, gone.version)), "w") as out:
        out.write(LogWriter("bookworm", "bookworm", "http://deb.debian.org/debian", bookworm, chosen, rng)
                  .write(gone, "owned"))
    obsolete.append(("fail", gone.name, gone.version))
    states = approximate_states(bookworm, names, results)
    final = {s: 0 for s in STATES}
    for s in states.values():
        final[s] += 1
    write_counts(os.path.join(section_dir, "counts.txt"), history(final, rng, [82, 243]))
    submitted = write_submissions(os.path.join(section_dir, "submissions.txt"), logs, obsolete, rng)
    report["bookworm"] = (len(names), final, submitted, obsolete)

    # ---- bookworm-security logs
    security = Universe(bookworm_packages, [security_by_name[n] for n in security_names])
    sec_names = sorted(security_names, key=lambda n: security_by_name[n].position)
    outdated = {n for n in sec_names if n in bookworm.packages
                and apt_pkg.version_compare(security_by_name[n].version, bookworm.packages[n].version) < 0}
    writer = LogWriter("bookworm-security", "bookworm-security", "http://security.debian.org/debian-security",
                       security, set(chosen) | set(sec_names), rng)
    testable = [n for n in sec_names if n not in outdated]
    rng.shuffle(testable)
    sec_results = {}
    for i, n in enumerate(testable[:20]):
        sec_results[n] = "fail" if i < 2 else "pass"
    sec_dir = os.path.join(SAMPLE, "bookworm-security")
    for directory in LOG_DIRS:
        os.makedirs(os.path.join(sec_dir, directory), exist_ok=True)
    sec_logs = []
    sec_kinds = ["owned", "postinst-not-found"]
    for n in sec_names:
        directory = sec_results.get(n)
        if directory is None:
            continue
        stanza = security_by_name[n]
        text = writer.write(stanza, "pass") if directory == "pass" else writer.write(stanza, sec_kinds.pop(0))
        with open(os.path.join(sec_dir, directory, "%s_%s.log" % (n, stanza.version)), "w") as out:
            out.write(text)
        sec_logs.append((directory, n, stanza.version))
    sec_states = approximate_states(security, sec_names, sec_results, outdated, states)
    sec_final = {s: 0 for s in STATES}
    for s in sec_states.values():
        sec_final[s] += 1
    write_counts(os.path.join(sec_dir, "counts.txt"), history(sec_final, rng, [82, 243]))
    sec_submitted = write_submissions(os.path.join(sec_dir, "submissions.txt"), sec_logs, [], rng)
    report["bookworm-security"] = (len(sec_names), sec_final, sec_submitted, [])

    print("seeds: %d; left out on purpose: %s (needed by %s)" % (len(seeds), left_out, broken))
    for section, (count, final, submitted, obsolete) in report.items():
        print("%s: %d binaries, %d sources, %d submissions, obsolete logs %s"
              % (section, count, len(indexes[section][1]), submitted, obsolete))
        print("  states (estimated): %s" % ", ".join("%s=%d" % (s, n) for s, n in final.items() if n))


if __name__ == "__main__":
    main()
