#!/usr/bin/python3
"""Writes a man page (roff) from the --help text of piuparts-site or one of its verbs.

    help-to-man.py PROGRAM DATE VERSION [VERB]  > page.1

PROGRAM is the piuparts-site executable to ask; the page is piuparts-site(1) without VERB, else
piuparts-site-VERB(1). System.CommandLine's help has the sections Description:, Usage:,
Options: and Commands:; an option or command line is "  name  text", and a line indented to
the text column continues the text.
"""
import re
import subprocess
import sys


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def sections(help_text):
    found, name = {}, None
    for line in help_text.splitlines():
        if re.fullmatch(r"[A-Z][a-z]+:", line):
            name = line[:-1]
            found[name] = []
        elif name and line.strip():
            found[name].append(line)
    return found


def entries(lines):
    """(term, [paragraphs]) pairs of a two-column list."""
    result = []
    for line in lines:
        match = re.match(r"  (\S.*?)(?:\s{2,}(\S.*))?$", line)
        if match and not line.startswith("   "):
            result.append((match.group(1), [match.group(2)] if match.group(2) else []))
        elif result:
            result[-1][1].append(line.strip())
    return result


def main():
    program, date, version = sys.argv[1:4]
    verb = sys.argv[4] if len(sys.argv) > 4 else None
    args = [program] + ([verb] if verb else []) + ["--help"]
    help_text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    parts = sections(help_text)
    description = [line.strip() for line in parts.get("Description", [])]
    name = f"piuparts-site-{verb}" if verb else "piuparts-site"
    # The NAME line: the description up to its first sentence, clause or colon.
    summary = re.split(r"\. |, |: ", description[0])[0].rstrip(".") if verb else "the server side of piuparts"
    out = [
        f'.TH {name.upper()} 1 "{date}" "piuparts-site {version}" "piuparts-site"',
        ".SH NAME",
        f"{roff(name)} \\- {roff(summary[0].lower() + summary[1:] if verb else summary)}",
        ".SH SYNOPSIS",
    ]
    for line in parts.get("Usage", []):
        out += [".nf", roff(line.strip()), ".fi"]
    out.append(".SH DESCRIPTION")
    for paragraph in description:
        out += [roff(paragraph), ".PP"]
    if out[-1] == ".PP":
        out.pop()
    for section, title in (("Options", "OPTIONS"), ("Commands", "COMMANDS")):
        if section not in parts:
            continue
        out.append(f".SH {title}")
        for term, paragraphs in entries(parts[section]):
            out += [".TP", f"\\fB{roff(term)}\\fR"]
            for i, paragraph in enumerate(paragraphs):
                if i:
                    out.append(".IP")
                out.append(roff(paragraph))
            if section == "Commands":
                out += [".IP", f"See \\fBpiuparts-site\\-{roff(term)}\\fR(1)."]
    out += [".SH FILES", "/etc/piuparts/piuparts.conf, /etc/piuparts/distros.conf",
            ".SH SEE ALSO", "\\fBpiuparts\\fR(1)" + ("" if not verb else ", \\fBpiuparts-site\\fR(1)")]
    print("\n".join(out))


if __name__ == "__main__":
    main()
