"""Reads piuparts.conf files with piuparts' own piupartslib.conf.Config (python3-piuparts-common)
and prints what the server programs would see, for the differential tests of SectionSettings.

Usage: /usr/bin/python3 piupartsconf_dump.py KEYS FILE...
  KEYS: comma-separated keys to read per section, each with no built-in default (None), and
  [global] as the fallback section, as piuparts-master-backend, -slave and -report read them.

Prints one JSON object, keyed by FILE as given:
  {SECTION: {"values": {KEY: VALUE or null}, "distro": ..., "start-distro": ...,
             "final-distro": ..., "distros": [...]}}
"""

import configparser
import json
import sys

from piupartslib.conf import Config


def dump(path, keys):
    parser = configparser.ConfigParser()
    parser.read(path)
    result = {}
    for section in parser.sections():
        config = Config(section=section, defaults={key: None for key in keys}, defaults_section="global")
        config.read(path)
        result[section] = {
            "values": {key: config[key] for key in keys},
            "distro": config.get_distro(),
            "start-distro": config.get_start_distro(),
            "final-distro": config.get_final_distro(),
            "distros": config.get_distros(),
        }
    return result


keys = sys.argv[1].split(",")
json.dump({path: dump(path, keys) for path in sys.argv[2:]}, sys.stdout, indent=1)
