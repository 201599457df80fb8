# Parses relationship fields with piuparts' own parser (piupartslib, from piuparts-common).
# stdin: a JSON list of field texts; stdout: a JSON list, per text either
# {"groups": [[[name, operator, version], ...], ...]} or {"error": "..."}.
import json
import sys

from piupartslib.dependencyparser import DependencyParser

results = []
for text in json.load(sys.stdin):
    try:
        groups = DependencyParser(text).get_dependencies()
        results.append({"groups": [[[d.name, d.operator, d.version] for d in group] for group in groups]})
    except Exception as e:  # piuparts raises a syntax error, or crashes, on what it rejects
        results.append({"error": "%s: %s" % (type(e).__name__, e)})
json.dump(results, sys.stdout)
