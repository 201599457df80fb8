# Dumps with PyYAML as piuparts-report does (yaml.dump(..., default_flow_style=False)).
# stdin: JSON {"sections": [names], "sources": [[source, state, version], ...]};
# stdout: the sections.yaml text, a NUL, the sources.yaml text.
import json
import sys

import yaml

job = json.loads(sys.stdin.buffer.read())
sources = [{"source": s, "state": st, "version": v} for s, st, v in job["sources"]]
out = yaml.dump(job["sections"], default_flow_style=False) + "\0" + yaml.dump(sources, default_flow_style=False)
sys.stdout.buffer.write(out.encode("utf-8"))
