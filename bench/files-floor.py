#!/usr/bin/python3
"""The file system's share of a cold report: creates as many files as a cold report of full
bookworm main creates (pages written to a temporary name and renamed, as both reports do, empty
.kpr files, and hard links for the logs) with nothing else around them, and prints the time the
kernel spent. No report can create its files faster on the same machine and file system.

    bench/files-floor.py [DIRECTORY] [PAGES KPRS LINKS]   (default: a temporary directory; 75000 30000 29000)

DIRECTORY must not exist yet (it is made, on the file system to measure, and removed at the end).
"""
import os
import shutil
import sys
import tempfile
import time

args = sys.argv[1:]
if args and not args[0].isdigit():
    root = args.pop(0)
    if os.path.exists(root):
        sys.exit(f"files-floor: {root} exists; name a directory to be made (and removed)")
    os.makedirs(root)
else:
    root = tempfile.mkdtemp(prefix="files-floor-")
pages, kprs, links = (int(a) for a in args) if len(args) == 3 else (75000, 30000, 29000)
page = b"x" * 5000  # about the size of a source page
directories = 600    # source/<subdirectory>/ and maintainer/<letter>/ of a section

start, times = time.time(), os.times()
for d in range(directories):
    os.makedirs(f"{root}/pages/{d}", exist_ok=True)
for i in range(pages):
    name = f"{root}/pages/{i % directories}/page{i}.html"
    fd = os.open(name + ".tmp", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, page)
    os.close(fd)
    os.rename(name + ".tmp", name)
os.makedirs(f"{root}/kpr")
os.makedirs(f"{root}/logs")
for i in range(kprs):
    os.close(os.open(f"{root}/kpr/log{i}.kpr", os.O_WRONLY | os.O_CREAT, 0o644))
for i in range(links):
    os.link(f"{root}/kpr/log{i % kprs}.kpr", f"{root}/logs/log{i}.log")
end = os.times()
print(f"files-floor: {pages} pages, {kprs} .kpr files, {links} links: {time.time() - start:.1f} s wall, "
      f"{end.system - times.system:.1f} s in the kernel, {end.user - times.user:.1f} s in Python")
shutil.rmtree(root)
