"""Events for the chapter tests: the hand-written ones in tests/events/ and a generated one of 30.

The generated event is made from hand-written sentences about an invented event (a city's
new tram line), shuffled with a fixed seed: six outlets with five articles each, so outlets
repeat, and some articles carry quotes, anonymous sources and words that size the event.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

EVENTS = Path(__file__).resolve().parent / "events"
#: The hand-written events, each a folder with manifest.csv, articles/ and README.md.
SMALL = ["one-article", "two-articles", "three-articles", "no-quotes", "no-limit-word", "no-words"]
HOSTILE = "hostile"

_OPENINGS = [
    "The city council approved a new tram line on Tuesday, linking the harbor to the university.",
    "A new tram line will run from the harbor to the university after a council vote on Tuesday.",
    "City leaders voted on Tuesday to build a tram line across the river, a major change for commuters.",
    "The council backed a tram line on Tuesday, but only as far as the university for now.",
    "Work on a new tram line will start next spring, the council decided on Tuesday.",
]
_BODY = [
    "The line will have eleven stops and cost about $400 million.",
    "Construction is expected to take three years.",
    "Mayor Lena Ortiz said the vote was a historic step for the city.",
    "“This line will change how people get to work,” Ortiz said.",
    "Two council aides, who asked not to be named because the budget is not final, said costs could rise.",
    "Critics said the plan was a limited answer to traffic on the ring road.",
    "“We asked for a network and got one line,” said Paul Nader, who leads a riders' group.",
    "The state will pay for half of the project.",
    "Shop owners on Harbor Street worry about two years of road works.",
    "The first trams are due to run in 2029.",
    "A council engineer said the route avoids the old bridge.",
    "The vote was 9 to 4.",
    "Buses will keep running on the route until the trams start.",
    "According to a person familiar with the talks, a second line is being studied.",
    "The university welcomed the decision in a short statement.",
    "Residents can comment on the plan until the end of the month.",
]
OUTLETS = ["Harbor Times", "River Post", "Metro Wire", "Campus Daily", "Evening Ledger", "Radio North"]


def make_thirty(folder: Path, n: int = 30, seed: int = 0) -> Path:
    """Write an event of ``n`` articles into ``folder`` and return it."""
    rng = random.Random(seed)
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        aid = f"t{i:02d}"
        body = [rng.choice(_OPENINGS)] + rng.sample(_BODY, rng.randint(5, 10))
        paragraphs = [" ".join(body[k:k + 2]) for k in range(0, len(body), 2)]
        (folder / "articles" / f"{aid}.txt").write_text("\n\n".join(paragraphs) + "\n", "utf-8")
        rows.append({"article_id": aid, "file": f"articles/{aid}.txt", "outlet": OUTLETS[i % len(OUTLETS)],
                     "title": f"Tram line story {i + 1}", "date": f"2025-10-{1 + i % 9:02d}"})
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (folder / "README.md").write_text("# A new tram line (October 2025)\n\nA generated test event of "
                                      f"{n} articles from {len(OUTLETS)} outlets about an invented tram line.\n",
                                      "utf-8")
    return folder
