#!/usr/bin/python3
"""Seeds the full-size master directory of bench/report.sh: section `bookworm` of all of bookworm
main, with about 30,000 logs.

Usage: /usr/bin/python3 bench/seed-report-dir.py PACKAGES SOURCES_XZ MASTER_DIRECTORY

PACKAGES is the plain bookworm main amd64 Packages index (bench/data/Packages, made by
bench/packages-load.sh), SOURCES_XZ the bookworm main Sources.xz (only its Binary lists are read,
to name packages that left the archive). MASTER_DIRECTORY must not exist yet; the script makes
MASTER_DIRECTORY/bookworm/ with:

  pass fail bugged affected untestable reserved recycle/   <package>_<version>.log
      about 40% of the packages pass, 2.5% fail, 1.5% untestable, 0.8% bugged, 0.4% affected,
      0.2% reserved (empty markers); 2% of the packages also have a log of an older version, and
      200 logs name binaries that are not in the index (the report archives both kinds)
  bugged/*.bug, affected/*.bug   bug links, as piuparts-analyze writes them
  counts.txt                     a year of state history, one row a day, ending the day before
                                 2026-11-24 (the day bench/report.sh reports)

The logs are written by this script, not by piuparts: their layout imitates piuparts logs (a
Start line, "<elapsed> LEVEL: text" lines, DUMP blocks of apt and dpkg output, the verdict at the
end; 3-14 KB, 6.4 KB on average). Failed logs carry the messages the known-problem definitions
piuparts ships in /usr/share/piuparts/known_problems match (owned/unowned files after purge, maintainer script
errors, file overwrites, held broken packages ...), about 8% carry none (unclassified), and 6% of
the passing logs carry an issue (adequate tags, broken symlinks ...). Some lines are there to be
excluded by EXCLUDE_PATTERN (/usr/local, files owned by several packages, /usr/share/mime).

Deterministic: a fixed random seed, packages in index order, file times fixed (between
2025-11-24 and 2026-11-23 UTC). Same indexes in, same directory out.
"""

import calendar
import lzma
import os
import random
import sys
import time

import apt_pkg

apt_pkg.init()

SEED = 20261124
SECTION = "bookworm"
DIRECTORIES = ["pass", "fail", "untestable", "reserved", "bugged", "affected", "recycle"]
SHARES = [("pass", 0.40), ("fail", 0.025), ("untestable", 0.015), ("bugged", 0.008), ("affected", 0.004), ("reserved", 0.002)]
STALE_SHARE = 0.02
REMOVED_LOGS = 200
FIRST = calendar.timegm((2025, 11, 24, 0, 0, 0))
LAST = calendar.timegm((2026, 11, 23, 23, 0, 0))
STATES = ["successfully-tested", "failed-testing", "cannot-be-tested", "essential-required",
          "waiting-to-be-tested", "waiting-for-dependency-to-be-tested", "dependency-failed-testing",
          "dependency-cannot-be-tested", "dependency-does-not-exist", "circular-dependency", "unknown",
          "unknown-preferred-alternative", "no-dependency-from-alternatives-exists", "outdated"]
MIRROR = "http://deb.debian.org/debian"
TARBALL = "/srv/piuparts/slave/basetgz/bookworm_amd64.tar.gz"
HOSTS = ["piu-slave-bm-a", "piu-slave-bm-b", "piu-slave-ubc-01", "piu-slave-conova-01"]
RULE = "-" * 78


def read_packages(path):
    """(name, version, architecture, first alternatives of Pre-Depends and Depends) in index order."""
    packages, fields = [], {}
    with open(path, encoding="utf-8") as index:
        for line in index:
            if line == "\n":
                if fields:
                    packages.append(stanza(fields))
                fields = {}
            elif line[0] not in " \t" and ":" in line:
                key, _, value = line.partition(":")
                if key in ("Package", "Version", "Architecture", "Depends", "Pre-Depends", "Installed-Size"):
                    fields[key] = value.strip()
    if fields:
        packages.append(stanza(fields))
    return packages


def stanza(fields):
    depends = []
    for key in ("Pre-Depends", "Depends"):
        for group in fields.get(key, "").split(","):
            name = group.split("|")[0].split("(")[0].split("[")[0].split("<")[0].strip().split(":")[0]
            if name and name not in depends:
                depends.append(name)
    return (fields["Package"], fields["Version"], fields.get("Architecture", "amd64"), depends,
            int(fields.get("Installed-Size", "100") or 100))


def binaries_not_in(sources_xz, names):
    """Binary names of the Sources index that the Packages index lacks (udebs, other architectures)."""
    missing = set()
    with lzma.open(sources_xz, "rt", encoding="utf-8") as sources:
        binary, continuing = [], False
        for line in sources:
            if line.startswith("Binary:"):
                binary, continuing = [line[7:]], True
            elif continuing and line[:1] in (" ", "\t"):
                binary.append(line)
            else:
                if continuing:
                    missing.update(b.strip() for b in "".join(binary).split(",") if b.strip() and b.strip() not in names)
                continuing = False
    return sorted(missing)


def older(version, rng):
    """A version dpkg orders before `version`: the previous Debian revision, else a ~ suffix."""
    upstream, dash, revision = version.rpartition("-")
    if dash and revision.isdigit() and int(revision) > 1:
        candidate = "%s-%d" % (upstream, int(revision) - rng.randint(1, int(revision) - 1))
    elif dash and revision:
        candidate = "%s-%s~bpo%d" % (upstream, revision, rng.randint(1, 3))
    else:
        candidate = version + "~rc%d" % rng.randint(1, 4)
    assert apt_pkg.version_compare(candidate, version) < 0, (candidate, version)
    return candidate


def deb(name, version, arch):
    return "%s_%s_%s.deb" % (name, version.split(":", 1)[-1], arch)


class Log:
    """One log being written: an elapsed-time clock and the lines so far."""

    def __init__(self, rng, start):
        self.rng = rng
        self.start = start
        self.elapsed = 0.0
        self.lines = ["Start: %s UTC" % stamp(start), ""]

    def tick(self, low=0.0, high=0.4):
        self.elapsed += self.rng.uniform(low, high)

    def line(self, level, text, low=0.0, high=0.4):
        self.tick(low, high)
        minutes, seconds = divmod(self.elapsed, 60)
        self.lines.append("%dm%.1fs %s: %s" % (minutes, seconds, level, text))

    def dump(self, body):
        minutes, seconds = divmod(self.elapsed, 60)
        self.lines.append("%dm%.1fs DUMP: " % (minutes, seconds))
        self.lines.extend("  " + b for b in body)

    def command(self, argv, body=(), status=0, low=0.3, high=3.0):
        self.line("DEBUG", "Starting command: %r" % (argv,))
        self.tick(low, high)
        if body:
            self.dump(body)
        if status == 0:
            self.line("DEBUG", "Command ok: %r" % (argv,))
        else:
            self.line("ERROR", "Command failed (status=%d): %r" % (status, argv))

    def text(self):
        self.lines.append("End: %s UTC" % stamp(self.start + int(self.elapsed) + 1))
        return "\n".join(self.lines) + "\n"


def stamp(seconds):
    return "%04d-%02d-%02d %02d:%02d:%02d" % tuple(time.gmtime(seconds)[:6])


# Failures: (weight, messages placed after the install, as (level, text) or DUMP lists). The
# wording imitates piuparts, dpkg and apt; each kind carries the phrase one of piuparts' shipped
# known-problem definitions looks for. None = no known phrase (unclassified).
def failure(kind, name, version, other, chroot, rng):
    files = ["/etc/%s/%s.conf" % (name, name), "/var/lib/%s/state" % name, "/var/log/%s.log" % name]
    if kind == "owned":
        return [("ERROR", "FAIL: Package purging left files on system:"),
                ["%s\t owned by: %s" % (f, name) for f in files[:rng.randint(1, 3)]]]
    if kind == "owned-many":
        return [("ERROR", "FAIL: Package purging left files on system:"),
                ["/usr/share/doc/%s\t owned by: %s, %s" % (other, name, other)]]
    if kind == "unowned":
        leftovers = ["%s\t not owned" % f for f in files[:rng.randint(1, 3)]]
        if rng.random() < 0.3:
            leftovers.append("/usr/share/mime/packages/%s.xml\t not owned" % name)
        return [("ERROR", "FAIL: Package purging left files on system:"), leftovers]
    if kind == "usr-local":
        return [("ERROR", "FAIL: Package purging left files on system:"),
                ["/usr/local/share/%s/\t not owned" % name, "/usr/local/lib/%s.so\t not owned" % name]]
    if kind == "alternatives":
        return [("ERROR", "FAIL: Package purging left files on system:"),
                ["/etc/alternatives/%s\t not owned" % name]]
    if kind == "postinst":
        return [["Setting up %s (%s) ..." % (name, version),
                 "/var/lib/dpkg/info/%s.postinst: 42: cannot create /run/%s/pid: Directory nonexistent" % (name, name),
                 "dpkg: error processing package %s (--configure):" % name,
                 " installed %s package post-installation script subprocess returned error exit status 2" % name,
                 "Errors were encountered while processing:", " " + name,
                 "E: Sub-process /usr/bin/dpkg returned an error code (1)"]]
    if kind == "prerm":
        return [["Removing %s (%s) ..." % (name, version),
                 "dpkg: error processing package %s (--remove):" % name,
                 " installed %s package pre-removal script subprocess returned error exit status 1" % name,
                 "dpkg: too many errors, stopping"]]
    if kind == "postrm":
        return [["Purging configuration files for %s (%s) ..." % (name, version),
                 "/var/lib/dpkg/info/%s.postrm: 17: ucf: not found" % name,
                 "dpkg: error processing package %s (--purge):" % name,
                 " installed %s package post-removal script subprocess returned error exit status 127" % name]]
    if kind == "overwrite":
        return [["Unpacking %s (%s) ..." % (name, version),
                 "dpkg: error processing archive /var/cache/apt/archives/%s (--unpack):" % deb(name, version, "amd64"),
                 " trying to overwrite '/usr/share/man/man1/%s.1.gz', which is also in package %s 1.0-1" % (name, other),
                 "Errors were encountered while processing:",
                 " /var/cache/apt/archives/%s" % deb(name, version, "amd64")]]
    if kind == "held":
        return [["Some packages could not be installed. This may mean that you have",
                 "requested an impossible situation or if you are using the unstable",
                 "distribution that some required packages have not yet been created",
                 "or been moved out of Incoming.",
                 "The following packages have unmet dependencies:",
                 " %s : Depends: %s (>= 9.0) but 1.0-1 is to be installed" % (name, other),
                 "E: Unable to correct problems, you have held broken packages."]]
    if kind == "processes":
        return [("ERROR", "FAIL: Processes are running inside chroot:"),
                ["root       %d  0.0  0.1  12345  6789 ?        Ss   03:14   0:00 /usr/sbin/%s -D" % (rng.randint(1000, 9999), name)]]
    if kind == "broken-symlink":
        return [("ERROR", "FAIL: Broken symlinks:"),
                ["/usr/lib/%s/lib%s.so -> lib%s.so.1 (%s)" % (name, name, name, name)]]
    if kind == "purge-pending":
        return [["dpkg: error processing package %s (--purge):" % name, " dependency problems - not purging",
                 "Errors were encountered while processing:", " " + name]]
    if kind == "immediate":
        return [["E: Could not perform immediate configuration on '%s:amd64'. Please see man 5 apt.conf under APT::Immediate-Configure for details. (2)" % other]]
    if kind == "timeout":
        return [("ERROR", "Command was terminated after exceeding runtime limit (2700 s)"),
                ("ERROR", "Process KILLED - exceed maximum run time")]
    if kind == "db":
        return [["Setting up %s (%s) ..." % (name, version),
                 "dbconfig-common: writing config to /etc/dbconfig-common/%s.conf" % name,
                 "psql: could not connect to server: No such file or directory",
                 "dbconfig-common: %s configure: noninteractive fail." % name]]
    if kind == "insserv":
        return [["insserv: warning: script '%s' missing LSB tags and overrides" % name,
                 "insserv: There is a loop between service %s and %s if started" % (name, other),
                 "insserv: exiting now!"]]
    if kind == "triggers":
        return [["dpkg: cycle found while processing triggers:",
                 " chain of packages whose triggers are or may be responsible:", "  %s -> %s" % (name, other)]]
    if kind == "conffile":
        return [["Configuration file '/etc/%s/%s.conf'" % (name, name),
                 " ==> Modified (by you or by a script) since installation.",
                 "dpkg: error processing package %s (--configure):" % name,
                 " end of file on stdin at conffile prompt"]]
    if kind == "modified":
        return [("ERROR", "FAIL: After purging files have been modified:"),
                ["/etc/%s/defaults\towned by: %s" % (other, other)]]
    if kind == "disappeared":
        return [("ERROR", "FAIL: After purging files have disappeared:"),
                ["/etc/%s.d/\towned by: base-files" % name]]
    if kind == "over-symlink":
        return [("ERROR", "FAIL: Package %s installs objects over existing directory symlinks:" % name),
                ["  /lib/%s (/lib -> usr/lib)" % name]]
    if kind == "md5sums":
        return [("ERROR", "FAIL: debsums reports modifications inside the chroot:"),
                ["  FILE WITHOUT MD5SUM: /usr/share/%s/data.bin" % name]]
    if kind == "cron":
        return [("ERROR", "FAIL: Cron file /etc/cron.daily/%s has output with package removed" % name)]
    if kind == "diversion":
        return [("ERROR", "FAIL: Installed diversions (dpkg-divert) not removed by purge:"),
                ["diversion of /usr/bin/%s to /usr/bin/%s.real by %s" % (other, other, name)]]
    if kind == "pre-depends":
        return [["E: Couldn't configure pre-depend %s:amd64 for %s:amd64, probably a dependency cycle." % (other, name)]]
    if kind == "unclassified":
        return [("ERROR", "FAIL: Installation and purging test.")]
    raise ValueError(kind)


FAILURES = [
    (14, "owned"), (3, "owned-many"), (12, "unowned"), (2, "usr-local"), (2, "alternatives"), (12, "postinst"),
    (4, "prerm"), (5, "postrm"), (8, "overwrite"), (6, "held"), (3, "processes"), (4, "broken-symlink"),
    (3, "purge-pending"), (1, "immediate"), (1, "timeout"), (2, "db"), (1, "insserv"), (1, "triggers"),
    (1, "conffile"), (1, "modified"), (1, "disappeared"), (2, "over-symlink"), (2, "md5sums"), (1, "cron"),
    (1, "diversion"), (1, "pre-depends"), (8, "unclassified"),
]

ADEQUATE_TAGS = ["library-not-found", "undefined-symbol", "broken-symlink", "missing-copyright-file",
                 "py-file-not-bytecompiled", "program-name-collision", "incompatible-licenses",
                 "symbol-size-mismatch", "missing-pkgconfig-dependency", "obsolete-conffile"]


def issue(name, other, rng):
    """A warning a passing (or failed) log may carry, matched by one of the *_issue definitions."""
    kind = rng.choice(["adequate", "adequate", "adequate", "symlink", "owned", "unowned", "rebuild",
                       "exception", "copyright", "maintscript", "not-found", "lsb"])
    if kind == "adequate":
        tag = rng.choice(ADEQUATE_TAGS)
        boring = " less interesting" if tag in ("broken-symlink", "obsolete-conffile") else ""
        return [("WARN", "WARN: Running adequate resulted in%s tags found: %s: %s /usr/lib/x86_64-linux-gnu/lib%s.so.1"
                 % (boring, name, tag, name))]
    if kind == "symlink":
        return [("WARN", "WARN: Broken symlinks:"), ["/usr/share/doc/%s/README -> ../%s/README (%s)" % (name, other, name)]]
    if kind == "owned":
        return [("WARN", "WARN: Package purging left files on system:"), ["/var/cache/%s/\t owned by: %s" % (name, name)]]
    if kind == "unowned":
        return [("WARN", "WARN: Package purging left files on system:"), ["/var/lib/%s/\t not owned" % name]]
    if kind == "rebuild":
        return [["Setting up %s ..." % name, "warning: maintainer scripts should not call install-info anymore,"]]
    if kind == "exception":
        return [("INFO", "Applying piuparts exception for package %s" % name)]
    if kind == "copyright":
        return [("WARN", "WARN: Inadequate results from running adequate!"), ["  MISSING COPYRIGHT FILE: /usr/share/doc/%s/copyright" % name]]
    if kind == "maintscript":
        return [["dpkg: warning: old %s package post-removal script subprocess returned error exit status 1" % name]]
    if kind == "not-found":
        return [["/var/lib/dpkg/info/%s.postrm: 9: which: not found" % name]]
    return [["update-rc.d: warning: start runlevel arguments (2 3 4 5) do not match LSB Default-Start values (S) of %s" % name]]


def emit(log, messages):
    for message in messages:
        if isinstance(message, tuple):
            log.line(*message)
        else:
            log.dump(message)


def write_log(rng, start, name, version, arch, depends, size, directory, by_name, other, host):
    log = Log(rng, start)
    spec = "%s=%s" % (name, version)
    chroot = "/srv/piuparts/tmp/tmp" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
    log.line("INFO", RULE)
    log.line("INFO", "Bench log written by bench/seed-report-dir.py (piuparts-site), not by piuparts.")
    log.line("INFO", "The verdict is on the last lines of this file.")
    log.line("INFO", RULE)
    log.line("INFO", "piuparts version 1.1.7 starting up.")
    log.line("INFO", "Command line arguments: /usr/sbin/piuparts --scriptsdir /etc/piuparts/scripts --allow-database "
             "--warn-on-leftovers-after-purge --arch amd64 -d bookworm --mirror %s --no-upgrade-test -b %s --apt %s"
             % (MIRROR, TARBALL, spec))
    log.line("INFO", "Running on: Linux %s 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64" % host)
    log.line("DEBUG", "Created temporary directory %s" % chroot)
    log.line("DEBUG", "Unpacking %s into %s" % (TARBALL, chroot))
    log.command(["tar", "-C", chroot, "--auto-compress", "-xf", TARBALL], low=2.0, high=6.0)
    log.command(["chroot", chroot, "apt-get", "update"],
                ["Get:1 %s bookworm InRelease [151 kB]" % MIRROR,
                 "Get:2 %s bookworm/main amd64 Packages [8788 kB]" % MIRROR,
                 "Fetched %d kB in 2s (%d kB/s)" % (8939 + rng.randint(0, 9), rng.randint(3000, 9000)),
                 "Reading package lists..."])
    log.command(["chroot", chroot, "apt-get", "-yf", "dist-upgrade"],
                ["Reading package lists...", "Building dependency tree...", "Reading state information...",
                 "Calculating upgrade...", "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded."])
    log.line("DEBUG", "Recording chroot state")
    log.command(["chroot", chroot, "dpkg-query", "-W", "-f", "${Package} ${Status}\\n"], low=0.1, high=0.5)

    deps = [d for d in depends if d in by_name and d != name][:rng.randint(3, 12)]
    installed = [(d,) + by_name[d] for d in deps] + [(name, version, arch)]
    if directory == "untestable":
        missing = deps[0] if deps else other
        log.command(["chroot", chroot, "apt-get", "-y", "install", spec],
                    ["Reading package lists...", "Building dependency tree...", "Reading state information...",
                     "Some packages could not be installed. This may mean that you have",
                     "requested an impossible situation or if you are using the unstable",
                     "distribution that some required packages have not yet been created",
                     "or been moved out of Incoming.",
                     "The following packages have unmet dependencies:",
                     " %s : Depends: %s but it is not installable" % (name, missing),
                     "E: Unable to correct problems, you have held broken packages."], status=100)
        log.line("ERROR", "Installation of %s is not possible: a dependency cannot be installed." % spec)
        log.line("ERROR", "UNTESTABLE: %s cannot be tested in this chroot." % spec)
        log.line("INFO", "piuparts run ends.")
        return log.text()

    kind = None
    if directory in ("fail", "bugged", "affected"):
        kind = pick(FAILURES, rng)
    messages = failure(kind, name, version, other, chroot, rng) if kind else []
    warnings = issue(name, other, rng) if rng.random() < (0.06 if directory == "pass" else 0.15) else []

    if kind == "held":
        log.command(["chroot", chroot, "apt-get", "-y", "install", spec],
                    ["Reading package lists...", "Building dependency tree...", "Reading state information..."] + messages[0], status=100)
        log.line("ERROR", "FAIL: Installation of %s failed." % spec)
        log.line("ERROR", "piuparts run ends.")
        return log.text()

    body = ["Reading package lists...", "Building dependency tree...", "Reading state information..."]
    if deps:
        body += ["The following additional packages will be installed:", "  " + " ".join(deps)]
    body += ["The following NEW packages will be installed:", "  " + " ".join(p[0] for p in installed),
             "0 upgraded, %d newly installed, 0 to remove and 0 not upgraded." % len(installed),
             "Need to get %d kB of archives." % (size // 3 + rng.randint(10, 900)),
             "After this operation, %d kB of additional disk space will be used." % (size + rng.randint(10, 4000))]
    for i, (p, v, a) in enumerate(installed):
        body.append("Get:%d %s bookworm/main amd64 %s %s %s [%d kB]" % (i + 1, MIRROR, p, a, v, rng.randint(4, 900)))
    body.append("debconf: delaying package configuration, since apt-utils is not installed")
    body.append("Fetched %d kB in 0s (%d kB/s)" % (rng.randint(50, 9000), rng.randint(20000, 90000)))
    files = rng.randint(6000, 20000)
    for p, v, a in installed:
        body += ["Selecting previously unselected package %s." % p,
                 "(Reading database ... %d files and directories currently installed.)" % files,
                 "Preparing to unpack .../%s ..." % deb(p, v, a), "Unpacking %s (%s) ..." % (p, v)]
        files += rng.randint(3, 200)
    early = kind in ("overwrite", "immediate", "pre-depends", "insserv", "triggers", "conffile", "postinst", "db")
    if kind not in ("overwrite", "immediate", "pre-depends"):   # these stop during unpacking
        for p, v, a in installed:
            body.append("Setting up %s (%s) ..." % (p, v))
    if early:
        body += messages[0] if isinstance(messages[0], list) else []
        log.command(["chroot", chroot, "apt-get", "-y", "install", spec], body, status=100, low=2.0, high=40.0)
        emit(log, [m for m in messages if isinstance(m, tuple)])
        emit(log, warnings)
        log.line("ERROR", "FAIL: Installation of %s failed." % spec)
        log.line("ERROR", "piuparts run ends.")
        return log.text()
    log.command(["chroot", chroot, "apt-get", "-y", "install", spec], body, low=2.0, high=40.0)
    log.command(["chroot", chroot, "apt-get", "clean"], low=0.1, high=0.4)
    if kind == "timeout":
        emit(log, messages)
        log.line("ERROR", "piuparts run ends.")
        return log.text()
    emit(log, warnings[:1] if warnings and isinstance(warnings[0], list) else [])
    log.line("DEBUG", "Running adequate on %s" % name)
    log.command(["chroot", chroot, "adequate", "--root", "/", name], low=0.5, high=3.0)
    emit(log, warnings if warnings and isinstance(warnings[0], tuple) else [])
    log.line("INFO", "Checking for files in /usr/local and maintainer scripts that use them")
    remove = [p for p, v, a in installed]
    if kind == "prerm":
        log.command(["chroot", chroot, "dpkg", "--remove"] + remove, messages[0], status=1)
        log.line("ERROR", "piuparts run ends.")
        return log.text()
    log.command(["chroot", chroot, "dpkg", "--remove"] + remove,
                ["(Reading database ... %d files and directories currently installed.)" % files]
                + ["Removing %s (%s) ..." % (p, v) for p, v, a in installed])
    if kind in ("postrm", "purge-pending"):
        log.command(["chroot", chroot, "dpkg", "--purge", "--pending"], messages[0], status=1)
        log.line("ERROR", "piuparts run ends.")
        return log.text()
    log.command(["chroot", chroot, "dpkg", "--purge", "--pending"],
                ["(Reading database ... %d files and directories currently installed.)" % (files - 30)]
                + ["Purging configuration files for %s (%s) ..." % (p, v) for p, v, a in installed if rng.random() < 0.4])
    log.line("DEBUG", "Recording chroot state")
    if messages:
        emit(log, messages)
        log.line("ERROR", "piuparts run ends.")
        return log.text()
    log.line("INFO", "PASS: Installation and purging test.")
    log.line("INFO", "PASS: All tests.")
    log.line("INFO", "piuparts run ends.")
    return log.text()


def pick(weighted, rng):
    x = rng.uniform(0, sum(w for w, _ in weighted))
    for weight, value in weighted:
        x -= weight
        if x < 0:
            return value
    return weighted[-1][1]


def main():
    packages_file, sources_xz, master = sys.argv[1:4]
    if os.path.exists(master):
        sys.exit("%s exists; the seed is written only into a new directory" % master)
    section = os.path.join(master, SECTION)
    for directory in DIRECTORIES:
        os.makedirs(os.path.join(section, directory))
    rng = random.Random(SEED)
    packages = read_packages(packages_file)
    by_name = {name: (version, arch) for name, version, arch, _, _ in packages}
    names = [p[0] for p in packages]
    written = {d: 0 for d in DIRECTORIES}
    times = {}

    def put(directory, name, version, arch, depends, size, when):
        path = os.path.join(section, directory, "%s_%s.log" % (name, version))
        other = rng.choice(names)
        if directory == "reserved":
            text = ""
        else:
            text = write_log(rng, when, name, version, arch, depends, size, directory, by_name, other, rng.choice(HOSTS))
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        times[path] = when + 60
        written[directory] += 1
        if directory in ("bugged", "affected"):
            bug = rng.randint(1000000, 1120000)
            bug_path = path[:-4] + ".bug"
            with open(bug_path, "w", encoding="utf-8") as out:
                out.write('<a href="https://bugs.debian.org/%d" target="_blank">#%d</a>\n' % (bug, bug))
            times[bug_path] = when + 3600

    for name, version, arch, depends, size in packages:
        x, edge = rng.random(), 0.0
        for directory, share in SHARES:
            edge += share
            if x < edge:
                put(directory, name, version, arch, depends, size, rng.randint(FIRST, LAST))
                break
        if rng.random() < STALE_SHARE:
            directory = "pass" if rng.random() < 0.7 else "fail"
            put(directory, name, older(version, rng), arch, depends, size, rng.randint(FIRST, FIRST + (LAST - FIRST) // 2))
    for name in rng.sample(binaries_not_in(sources_xz, set(by_name)), REMOVED_LOGS):
        directory = "pass" if rng.random() < 0.8 else "fail"
        put(directory, name, "%d.%d-%d" % (rng.randint(0, 5), rng.randint(0, 20), rng.randint(1, 4)), "amd64", [], 100,
            rng.randint(FIRST, FIRST + (LAST - FIRST) // 2))

    write_counts(os.path.join(section, "counts.txt"), written, len(packages), rng)
    for path, when in times.items():
        os.utime(path, (when, when))
    total = sum(written.values()) - written["reserved"]
    print("seeded %s: %d packages, %d logs (%s)" % (section, len(packages), total,
          ", ".join("%s %d" % (d, written[d]) for d in DIRECTORIES if written[d])))


def write_counts(path, written, total, rng):
    """A year of invented daily state counts growing towards the seeded numbers."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("date, " + ", ".join(STATES) + "\n")
        days = (LAST - FIRST) // 86400 + 1
        for day in range(days):
            growth = 0.6 + 0.4 * day / (days - 1)
            passed = int(written["pass"] * growth) + rng.randint(-40, 40)
            failed = int((written["fail"] + written["bugged"] + written["affected"]) * growth) + rng.randint(-5, 5)
            untestable = int(written["untestable"] * growth) + rng.randint(-3, 3)
            dep_failed = int(failed * 2.5) + rng.randint(-20, 20)
            dep_untestable = int(untestable * 1.5) + rng.randint(-10, 10)
            waiting_dep = rng.randint(2000, 6000)
            waiting = total - passed - failed - untestable - dep_failed - dep_untestable - waiting_dep
            row = [passed, failed, untestable, 0, waiting, waiting_dep, dep_failed, dep_untestable, 0, 0, 0, 0, 0, 0]
            out.write("%s, %s\n" % (time.strftime("%Y%m%d", time.gmtime(FIRST + day * 86400)),
                                    ", ".join(str(n) for n in row)))
    when = LAST + 1800
    os.utime(path, (when, when))


if __name__ == "__main__":
    main()
