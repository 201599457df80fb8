# Seeds a master directory for bench/maintenance.sh: one section, SECTION, with COUNT logs of
# made-up packages spread like a full bookworm main run (86% pass, 6% fail, 2% bugged, 2%
# affected, 4% untestable), ages from 0 to 400 days, a few recycle marks, a recent idle.stamp,
# and log texts of some kilobytes with now and then a phrase a known problem looks for.
# Deterministic for a given NOW (unix seconds), so both tools see the same directory.
import os
import random
import sys

root, section, count, now = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
pick = random.Random(20261124)
shares = [("pass", 0.86), ("fail", 0.06), ("bugged", 0.02), ("affected", 0.02), ("untestable", 0.04)]
for directory in [s[0] for s in shares] + ["reserved", "recycle"]:
    os.makedirs(os.path.join(root, section, directory), exist_ok=True)

noise = [
    "DEBUG: Starting: ['chroot', '/srv/piuparts/tmp', 'apt-get', '-y', 'install', 'PKG']",
    "DEBUG: Command ok: ['chroot', '/srv/piuparts/tmp', 'dpkg', '--get-selections']",
    "  Setting up PKG (1.0-1) ...",
    "  Unpacking PKG (1.0-1) ...",
    "  Selecting previously unselected package PKG.",
    "  Preparing to unpack .../PKG_1.0-1_amd64.deb ...",
    "INFO: Running adequate resulted in no tags",
    "DEBUG: Recording chroot state",
    "  Processing triggers for man-db (2.11.2-2) ...",
]
phrases = [
    "  /etc/PKG/PKG.conf\t owned by: PKG",
    "  /usr/local/share/PKG/ not owned",
    "  /usr/lib/PKG/x -> y  Broken symlink",
    "  /var/lib/dpkg/info/PKG.postrm: 12: setfont: not found",
    "  E: Broken packages",
    "  The following packages have been kept back:",
    "  dpkg: error processing package PKG (--configure): installed PKG package post-installation script subprocess returned error exit status 1",
    "MISSING COPYRIGHT FILE: /usr/share/doc/PKG/copyright",
    "  dpkg: error processing archive PKG.deb (--unpack): trying to overwrite '/usr/bin/PKG', which is also in package other 1.0",
]

for i in range(count):
    x, edge, where = pick.random(), 0.0, "pass"
    for directory, share in shares:
        edge += share
        if x < edge:
            where = directory
            break
    name = "pkg%05d" % i
    lines = ["0m0.0s INFO: ------------------------------------------------------------------------------",
             "0m0.0s INFO: To quickly glance what went wrong, scroll down to the bottom of this logfile."]
    seconds = 0.0
    for _ in range(pick.randint(20, 120)):
        seconds += pick.random() * 3
        text = pick.choice(phrases) if pick.random() < (0.02 if where == "pass" else 0.08) else pick.choice(noise)
        lines.append("%dm%.1fs %s" % (seconds // 60, seconds % 60, text.replace("PKG", name)))
    lines.append("%dm%.1fs INFO: %s" % (seconds // 60, seconds % 60, "PASS: All tests." if where == "pass" else "FAIL: see above"))
    path = os.path.join(root, section, where, "%s_1.0-%d.log" % (name, i % 7))
    with open(path, "w") as log:
        log.write("\n".join(lines) + "\n")
    age = pick.random() * 400 * 86400
    os.utime(path, (now - age, now - age))
    if where in ("pass", "fail") and pick.random() < 0.01:
        os.link(path, os.path.join(root, section, "recycle", os.path.basename(path)))

stamp = os.path.join(root, section, "idle.stamp")
open(stamp, "w").close()
os.utime(stamp, (now - 3600, now - 3600))
