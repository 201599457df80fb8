"""Reads INI files with Python's own configparser.ConfigParser() (default options, as
piuparts does) and prints what it sees, for the differential tests of IniParser and IniFile.

Usage: /usr/bin/python3 configparser_dump.py FILE...

Prints one JSON object, keyed by FILE as given:
  {"sections": {SECTION: {KEY: VALUE}}, "defaults": {KEY: VALUE}}
      when the file was read; SECTION in file order, KEY in the order options(SECTION)
      lists them (the section's own keys, then [DEFAULT]'s), VALUE as get() interpolates it,
      or {"error": EXCEPTION-NAME} when get() fails;
  {"error": EXCEPTION-NAME, "lines": [LINE...], "message": TEXT}
      when read_file() rejects the file.
"""

import configparser
import json
import sys


def value(parser, section, key):
    try:
        return parser.get(section, key)
    except configparser.Error as e:
        return {"error": type(e).__name__}


def dump(path):
    parser = configparser.ConfigParser()
    try:
        with open(path, encoding="utf-8") as f:
            parser.read_file(f, path)
    except configparser.Error as e:
        if getattr(e, "lineno", None) is not None:
            lines = [e.lineno]
        else:
            lines = [number for number, _ in getattr(e, "errors", [])]
        return {"error": type(e).__name__, "lines": lines, "message": str(e)}
    return {
        "sections": {
            section: {key: value(parser, section, key) for key in parser.options(section)}
            for section in parser.sections()
        },
        "defaults": {
            key: value(parser, parser.default_section, key) for key in parser.defaults()
        },
    }


json.dump({path: dump(path) for path in sys.argv[1:]}, sys.stdout, indent=1)
