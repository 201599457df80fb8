# Drives Debian's piupartslib.conf.Config.get_std_distro with python3-distro-info as of given
# days. stdin: JSON list of [YYYY-MM-DD, distro or null, upgrade-test-distros or null];
# stdout: one answer per line, "ERROR <exception>" where piuparts would fail.
import datetime
import json
import sys

import distro_info
import piupartslib.conf

original_init = distro_info.DebianDistroInfo.__init__
today = [None]


def init(self):
    original_init(self)
    self._date = today[0]  # DebianDistroInfo answers for the day it was created


distro_info.DebianDistroInfo.__init__ = init

for day, distro, upgrade in json.loads(sys.stdin.read()):
    today[0] = datetime.date.fromisoformat(day)
    config = piupartslib.conf.Config("section", {"distro": distro, "upgrade-test-distros": upgrade})
    try:
        print(config.get_std_distro())
    except Exception as e:
        print("ERROR", type(e).__name__)
