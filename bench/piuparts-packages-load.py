# The reference side of bench/packages-load.sh: piuparts 1.1.7's own Packages loader
# (piupartslib.packagesdb.PackagesFile, from Debian's piuparts-common) on a Packages URL.
# Prints one line in the same key=value form as piuparts-site-bench.
import gc
import resource
import sys
import time

from piupartslib.packagesdb import PackagesFile

url = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
times = []
count = 0
for _ in range(runs):
    start = time.monotonic()
    packages = PackagesFile()
    packages.load_packages_urls([url])
    times.append(time.monotonic() - start)
    count = len(packages)
    del packages
    gc.collect()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print("packages=%d first=%.3f best=%.3f peak_mb=%.0f" % (count, times[0], min(times), peak_mb))
