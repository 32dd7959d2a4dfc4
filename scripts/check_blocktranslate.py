"""Fail when a `{% blocktranslate %}` (or `blocktrans`) in a template is not `trimmed`.

Without `trimmed`, the template's indentation and line breaks become part of the msgid, so a
reformatted template silently loses its translation. Run by `make lint`; pass folders to check
(default: `templates`).
"""

import re
import sys
from pathlib import Path

TAG = re.compile(r"\{%-?\s*blocktrans(?:late)?\b(?P<args>.*?)-?%\}")


def untrimmed(root):
    """(path, line number, tag) for every blocktranslate tag under root without `trimmed`."""
    for path in sorted(Path(root).rglob("*")):
        if path.suffix not in {".html", ".txt", ".xml"} or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in TAG.finditer(line):
                if "trimmed" not in match.group("args").split():
                    yield path, number, match.group(0)


def main(roots):
    found = [f"{path}:{number}: {tag}" for root in roots for path, number, tag in untrimmed(root)]
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} blocktranslate tag(s) without 'trimmed'.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["templates"]))
