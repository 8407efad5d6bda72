"""Every chapter, for any event: builds, says what is absent, names only what the event holds,
escapes every input value, reads like a page (not a pandas dump), keeps the answers out of the
student edition, and never contradicts the table beside a sentence.

The report is built once for the sample event (shared with tests/test_report.py), once for the
hand-written events of tests/events/ (one, two and three articles, no quotes, no limit word, a
hostile one) and a generated event of 30 articles from six outlets.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import nbformat
import pytest

import analysis as an
from analysis.report import build_report, notebook_paths

from .chapter_events import EVENTS, HOSTILE, SMALL, make_thirty
from .conftest import ROOT, SAMPLE_EVENT
from .pages import read_page

NOTEBOOKS = [p.stem for p in notebook_paths(ROOT / "notebooks")]


@pytest.fixture(scope="module")
def built(tmp_path_factory, sample_report_dir):
    """Report folders by event name (the sample's built once for the session)."""
    tmp = tmp_path_factory.mktemp("chapters")
    thirty = make_thirty(tmp / "events" / "thirty-articles")
    events = [EVENTS / name for name in SMALL + [HOSTILE]] + [thirty]
    out = build_report(events, out=tmp / "reports", workers=2, log=lambda *_: None)
    folders = {e.name: out / e.name for e in events}
    folders[SAMPLE_EVENT.name] = sample_report_dir
    return folders, {e.name: e for e in events} | {SAMPLE_EVENT.name: SAMPLE_EVENT}


def _pages(folder: Path, edition: str):
    return {nb: read_page(folder / edition / f"{nb}.html") for nb in NOTEBOOKS}


def _corpus(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.load_event(path)


# --------------------------------------------------------------------------- it builds

def test_every_chapter_builds_for_every_kind_of_event(built):
    folders, _ = built
    assert {"one-article", "two-articles", "three-articles", "no-quotes", "no-limit-word", "no-words", "hostile",
            "thirty-articles", SAMPLE_EVENT.name} <= set(folders)
    for name, folder in folders.items():
        for edition in ("full", "student"):
            for nb in NOTEBOOKS:
                assert (folder / edition / f"{nb}.html").is_file(), (name, edition, nb)


def test_absence_is_said_in_words(built):
    folders, _ = built
    texts = {name: " ".join(" ".join(p.narrative) for p in _pages(f, "student").values()) for name, f in folders.items()}
    assert "one article: there is nothing to compare it with" in texts["one-article"]
    assert "No article of this event carries a direct quote" in texts["no-quotes"]
    assert "No statement is quoted in more than one article" in texts["no-quotes"]
    assert "The lexicon finds none of its words in these articles" in texts["no-quotes"]
    assert "The lexicon finds no limit word in any article" in texts["no-limit-word"]
    assert "No article of this event uses an anonymous source" in texts["no-limit-word"] or \
        "uses an anonymous source" not in texts["no-limit-word"]
    assert "No two articles share a passage" in texts["no-quotes"]
    assert "The articles have no content words to compare" in texts["no-words"]



# --------------------------------------------------------------------------- what the prose names

# Names of methods, tools and the like that chapters may use whatever the event.
GENERIC = {
    "monroe", "colaresi", "quinn", "fightin", "words", "flesch", "kincaid", "reading", "ease", "gunning", "fog",
    "smog", "coleman", "liau", "ari", "dale", "chall", "linsear", "write", "tf", "idf", "jaccard", "polnear",
    "entman", "us", "coverage", "lens", "csv", "associated", "press", "lede", "ledes", "textstat", "english",
    "python", "jupyter", "dr", "frames", "md",
}
# Numbers the narrative may state whatever the event: method constants, not findings.
GENERIC_NUMBERS = {"0", "1", "2", "3", "5", "6", "8", "9", "12", "18", "25", "30", "45", "100", "1,000", "3,000",
                   "924", "0.95", "0.05", "2008", "1993", "10", "15", "7", "0.3", "20", "22", "37", "4"}


def _static_words() -> set[str]:
    """Every word the notebooks themselves write in lower case: ordinary words, not names."""
    words = set()
    for path in notebook_paths(ROOT / "notebooks"):
        for cell in nbformat.read(path, as_version=4).cells:
            words |= set(re.findall(r"\b[a-z]+\b", cell.source))
    return words


def _event_words(path) -> set[str]:
    corpus = _corpus(path)
    a = corpus.articles
    text = " ".join([*a["raw_text"], *corpus.outlet_of(), *map(str, a.index), *(str(v) for v in a["title"]),
                     corpus.title, (Path(path) / "README.md").read_text("utf-8")])
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)} | set(re.findall(r"\d[\d,.]*\d|\d", text))


@pytest.mark.parametrize("edition", ["full", "student"])
def test_narrative_names_no_person_place_or_number_absent_from_the_event(built, edition):
    folders, paths = built
    lower = _static_words()
    for name, folder in folders.items():
        if name == HOSTILE:
            continue  # its names are markup; checked below
        known = _event_words(paths[name])
        for nb, page in _pages(folder, edition).items():
            prose = set(page.prose)
            for block in page.narrative:
                for word in re.findall(r"\b[A-Z][A-Za-z]+", block):
                    w = word.lower()
                    assert w in known or w in GENERIC or w in lower, (name, nb, word, block[:120])
                if block in prose:
                    continue  # numbers in prose outputs are computed from the event
                for number in re.findall(r"(?<![\w.])\d[\d,.]*\d|(?<![\w.])\d(?![\w])", block):
                    assert number.rstrip(".,") in GENERIC_NUMBERS or number in known, (name, nb, number, block[:120])


# --------------------------------------------------------------------------- a page, not a dump

_DUMP = [
    (re.compile(r"\bNaN\b|<NA>|\bNaT\b"), "a raw missing value"),
    (re.compile(r"(?<![\w“\"])None(?![\w”\"])"), "None"),
    (re.compile(r"Corpus\(\d|\{'|'\}|\\n|dtype|Traceback|object at 0x"), "a Python repr"),
    (re.compile(r"\d\.\d{4,}"), "a float to many places"),
]


#: HTML tables drawn by the library's side-by-side views (escaped there), not data tables.
LIBRARY_VIEWS = {"cl-disc"}


@pytest.mark.parametrize("edition", ["full", "student"])
def test_pages_read_like_pages_not_pandas(built, edition):
    folders, _ = built
    for name, folder in folders.items():
        for nb, page in _pages(folder, edition).items():
            visible = page.visible if name != HOSTILE else re.sub(r"<[^>]*>", "", page.visible)
            for pattern, what in _DUMP:
                found = pattern.search(visible)
                assert not found, (name, edition, nb, what, visible[max(0, found.start() - 60):found.end() + 60])
            assert page.stderr == 0, (name, edition, nb, "a warning printed on the page")
            assert page.body_headers == 0, (name, edition, nb, "a table shows its index")
            for h in page.headers:
                assert not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", h), (name, nb, "snake_case header", h)
            for t in page.tables:
                # every table is an.table's (with a caption) or a library view of passages side by side
                assert "cl-table" in t["class"] or t["class"] in LIBRARY_VIEWS, (name, nb, "a raw table", t["headers"][:4])
                if "cl-table" in t["class"]:
                    assert t["caption"], (name, nb, "a table without a caption", t["headers"][:4])
                if "Before" in t["headers"]:
                    assert "“" in t["caption"], (name, nb, "keyword in context without the searched term")


def test_chapter_titles_are_distinct_and_every_chapter_names_its_event(built):
    folders, paths = built
    for name, folder in folders.items():
        pages = _pages(folder, "full")
        titles = [p.h1[0] for p in pages.values()]
        assert len(set(titles)) == len(titles), (name, titles)
        corpus = _corpus(paths[name])
        for nb, page in pages.items():
            assert any(corpus.title in b for b in page.narrative), (name, nb, "the chapter does not name its event")


# --------------------------------------------------------------------------- the student edition

def _solution_lines():
    lines = {}
    for path in notebook_paths(ROOT / "notebooks"):
        for cell in nbformat.read(path, as_version=4).cells:
            if "solution" in cell.metadata.get("tags", []) and cell.cell_type == "markdown":
                first = next(ln for ln in cell.source.splitlines() if ln.strip())
                lines.setdefault(path.stem, []).append(re.sub(r"[*`#]", "", first).strip()[:40])
    return lines


def test_the_student_edition_gives_no_answers(built):
    folders, _ = built
    solutions = _solution_lines()
    for name, folder in folders.items():
        for nb, page in _pages(folder, "student").items():
            text = " ".join(page.visible.split())
            assert "Answer" not in text and "For the teacher" not in text, (name, nb)
            for line in solutions.get(nb, []):
                assert line not in text, (name, nb, line)
            for caption in page.captions:
                assert not caption.startswith("Answer"), (name, nb, caption)


def test_exercises_need_no_code_and_pages_show_no_deliberate_error():
    for path in notebook_paths(ROOT / "notebooks"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and "solution" not in cell.metadata.get("tags", []):
                if "Exercise" in cell.source:
                    assert "an." not in cell.source.split("Exercise", 1)[1], (path.name, "an exercise that needs code")
            if cell.cell_type == "code":
                assert "except ValueError" not in cell.source and "raise " not in cell.source, path.name


def test_exercise_charts_do_not_state_the_answer():
    """The lesson asks which article is easiest or hardest: its chart there names none."""
    for path in notebook_paths(ROOT / "notebooks"):
        nb = nbformat.read(path, as_version=4)
        asks_grades = any("easiest to read" in c.source for c in nb.cells if c.cell_type == "markdown"
                          and "solution" not in c.metadata.get("tags", []))
        for cell in nb.cells:
            if asks_grades and "grade_by_outlet(" in cell.source and "solution" not in cell.metadata.get("tags", []):
                assert "finding=False" in cell.source, path.name


# --------------------------------------------------------------------------- markup from input

TEXT_ATTRIBUTES = {"alt", "title", "aria-label"}


def test_nothing_from_a_hostile_event_becomes_markup(built):
    """Text, quotes, outlet, title, article_id and README carry <script>, <img onerror>,
    "><svg onload> and javascript: urls: no element or handler on any page comes from them."""
    folders, _ = built
    folder = folders[HOSTILE]
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) >= 2 * len(NOTEBOOKS) + 3 + 1
    for path in pages:
        page = read_page(path)
        for tag, attrs in page.tags:
            assert tag not in ("script", "svg", "iframe", "object", "embed"), (path.name, tag, attrs)
            assert not (tag == "img" and not attrs.get("src", "").startswith("data:")), (path.name, attrs)
            for key, value in attrs.items():
                assert not key.startswith("on"), (path.name, tag, key, value)
                # Attributes a browser shows as text (a figure's alt text, a tooltip) may quote an
                # outlet's name, payload included, as text; no other attribute may carry it.
                if key not in TEXT_ATTRIBUTES:
                    assert "alert(" not in value and not value.strip().lower().startswith("javascript:"), \
                        (path.name, tag, key, value)
        for style in page.styles:
            assert "display:none}" not in style.replace(" ", ""), path.name
        assert not page.scripts, path.name
    # ... and the payload is still there, as text a reader can see
    chapter = read_page(folder / "full" / "01_corpus.html")
    assert "<script>alert('outlet')</script>" in chapter.visible


# --------------------------------------------------------------------------- sentences against tables

def _prose(folder, nb, edition="full"):
    return " ".join(read_page(folder / edition / f"{nb}.html").prose)


def test_statements_agree_with_the_tables_beside_them(built):
    folders, paths = built
    for name, folder in folders.items():
        if name == HOSTILE:
            continue
        corpus = _corpus(paths[name])
        # 01: the rebuild check
        assert f"Rebuilt exactly from the clean text and the edit log: {len(corpus)} of" in _prose(folder, "01_corpus")
        # 02: who follows whom
        close, p02 = an.closest_follower(corpus), _prose(folder, "02_wording")
        if len(close):
            lead = close.iloc[0]
            assert (f"{lead.article} ({lead.outlet}) follows {lead.source} ({lead.source_outlet}): "
                    f"{lead.n_in_order} of its {lead.n_sentences} sentences") in p02, name
        else:
            assert "No article follows another closely" in p02, name
        # 03: the pair's verdict
        pair, p03 = an.compare_readability(corpus), _prose(folder, "03_readability")
        if len(pair):
            grades = pair.set_index("measure").verdict[["flesch_kincaid_grade", "coleman_liau_index", "gunning_fog"]]
            word = {"higher": "harder than", "lower": "easier than"}.get(grades.mode().iloc[0], "about the same as")
            assert f"{pair.article_a.iloc[0]} reads {word} {pair.article_b.iloc[0]}" in p03, name
        # 05: which articles have no limit word, and who sizes the event how
        firsts, p05 = an.first_hits(corpus), _prose(folder, "05_framing")
        missing = list(firsts.outlet[~firsts.found])
        if missing and len(missing) < len(firsts):
            assert f"The lexicon finds no limit word in {an.listing(missing)}" in p05, name
        elif not missing:
            assert "finds no limit word" not in p05, name
        sizing = an.sizing_by_outlet(corpus)
        for row in sizing.itertuples():
            side = ("both up and down" if row.own_bigger and row.own_smaller else "only up" if row.own_bigger else
                    "only down" if row.own_smaller else "only through a source")
            group = re.search(r"In their own voice: (.*?)\.(?: The lexicon|$| \S)", p05)
            assert group and any(row.outlet in part and part.endswith(side) for part in group.group(1).split("; ")), \
                (name, row.outlet, side, p05[:300])
        # 06: the warm-up answer reports up and down apart, for both articles of the pair
        warm, p06 = an.warmup_pair(corpus), _prose(folder, "06_classroom")
        for row in warm.itertuples():
            up = f"{an.count(row.own_bigger, 'sentence')} {'sizes' if row.own_bigger == 1 else 'size'} it up"
            down = f"{an.count(row.own_smaller, 'sentence')} {'sizes' if row.own_smaller == 1 else 'size'} it down"
            assert f"{row.outlet}: " in p06 and up in p06 and down in p06, (name, row.outlet, up, down)


def test_no_chapter_states_a_sample_finding_for_another_event(built):
    folders, _ = built
    for name, folder in folders.items():
        if name == SAMPLE_EVENT.name:
            continue
        text = " ".join(" ".join(p.visible.split()) for p in _pages(folder, "full").values())
        for word in ("Kharkiv", "counterfire", "Blinken", "Stoltenberg", "Herbst", "ATACMS", "Zelensk", "Rewrite",
                     "Scripps", "Moldova", "Biden"):
            assert word not in text, (name, word)


# --------------------------------------------------------------------------- the sample's corrected facts

def test_sample_chapter_05_does_not_say_the_retelling_states_no_limit(built):
    folders, _ = built
    assert "no limit word in Rewrite" not in _prose(folders[SAMPLE_EVENT.name], "05_framing")


def test_the_own_lexicon_table_has_one_row_per_article(built):
    """An event whose articles have no words keeps its empty frames, without pairing every
    article with every outlet (the sample's five articles once showed as 25 rows)."""
    folders, paths = built
    for name, folder in folders.items():
        page = (folder / "full" / "05_framing.html").read_text("utf-8")
        at = page.find("Your own lexicon: rates per 1,000")
        table = page[at:page.find("</table>", at)]
        assert table.count("<tr") - 1 == len(_corpus(paths[name])), name


def test_sample_green_light_is_permission_not_size(sample_corpus):
    sizing = an.sizing_by_outlet(sample_corpus).set_index("outlet")
    assert "green light" not in sizing.at["Scripps", "bigger_words"]


def test_sample_warm_up_never_nets_bigger_against_smaller(built, sample_corpus):
    p06 = _prose(built[0][SAMPLE_EVENT.name], "06_classroom")
    assert "score" not in p06.lower() and "never nets" in p06
    for row in an.warmup_pair(sample_corpus).itertuples():
        if row.own_bigger and row.own_smaller:
            assert f"{row.outlet}: " in p06  # both sides reported for a mixed article
