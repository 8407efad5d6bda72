"""The report's cache (issue 13): a corpus computed once, read back by every notebook;
a stale or foreign cache is ignored with a recorded warning and never unpickled."""

from __future__ import annotations

import pickle
import shutil
import warnings

import pandas as pd

import analysis as an
from analysis.cache import CACHE_HEADER, event_digest, write_cache

from .conftest import SAMPLE_EVENT


def copy_event(tmp_path, name="ev"):
    folder = tmp_path / name
    shutil.copytree(SAMPLE_EVENT, folder)
    return folder


def load(folder, cache):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.load_event(folder, cache=cache)


def test_a_cache_gives_back_the_computed_corpus(tmp_path):
    folder = copy_event(tmp_path)
    corpus = an.load_event(folder)
    quotes = an.quotes(corpus)
    an.frames(corpus)
    path = write_cache(corpus, tmp_path / "c.cache")
    again = load(folder, path)
    assert again is not corpus and len(again._memo) == len(corpus._memo) >= 2
    assert "cache" not in again.warnings.code.tolist()
    pd.testing.assert_frame_equal(an.quotes(again), quotes)


def test_memo_keys_fill_in_defaults(sample_corpus):
    c = an.from_texts(dict(zip(sample_corpus.ids, sample_corpus.articles.raw_text)))
    an.shared_passages(c)
    n = len(c._memo)
    an.shared_passages(c, min_words=8)  # the default, given: the same result
    assert len(c._memo) == n


def test_a_stale_cache_is_ignored_with_a_warning(tmp_path):
    folder = copy_event(tmp_path)
    corpus = an.load_event(folder)
    an.quotes(corpus)
    path = write_cache(corpus, tmp_path / "c.cache")
    article = sorted((folder / "articles").glob("*.txt"))[0]
    article.write_text(article.read_text() + "\nOne more sentence, added after the cache was made.")
    fresh = load(folder, path)
    assert not fresh._memo  # computed afresh, nothing from the cache
    assert "One more sentence" in " ".join(fresh.articles.raw_text)
    (row,) = fresh.warnings[fresh.warnings.code == "cache"].itertuples()
    assert "c.cache" in row.message and "older versions of its files" in row.message


def test_a_cache_of_another_event_is_ignored(tmp_path):
    a, b = copy_event(tmp_path, "a"), copy_event(tmp_path, "b")
    (b / "README.md").write_text("# Another event\n")
    path = write_cache(an.load_event(a), tmp_path / "a.cache")
    corpus = load(b, path)
    assert corpus.title == "Another event"
    assert "cache" in corpus.warnings.code.tolist()


def test_a_file_that_is_not_a_cache_is_never_unpickled(tmp_path):
    folder = copy_event(tmp_path)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    # A pickle that would create `marker` if loaded, with and without a wrong header.
    (tmp_path / "plain.cache").write_bytes(pickle.dumps(Evil()))
    (tmp_path / "wrong.cache").write_bytes(CACHE_HEADER + b"0" * 64 + b"\n" + pickle.dumps(Evil()))
    for name in ("plain.cache", "wrong.cache"):
        corpus = load(folder, tmp_path / name)
        assert "cache" in corpus.warnings.code.tolist()
    assert not marker.exists()
    assert event_digest(folder) != "0" * 64


def test_a_cache_path_that_does_not_exist_just_loads(tmp_path):
    corpus = load(SAMPLE_EVENT, tmp_path / "none.cache")
    assert "cache" not in corpus.warnings.code.tolist() and len(corpus) == 5


def test_a_result_from_the_cache_gives_the_warnings_computing_it_gave(tmp_path):
    folder = tmp_path / "ev"
    (folder / "articles").mkdir(parents=True)
    for name, text in {"a": "One two three four.", "b": "Five six seven eight."}.items():
        (folder / "articles" / f"{name}.txt").write_text(text)
    (folder / "manifest.csv").write_text("article_id,file\na,articles/a.txt\nb,articles/b.txt\n")
    corpus = an.load_event(folder)
    with warnings.catch_warnings(record=True) as first:
        warnings.simplefilter("always")
        an.similarity(corpus, method="shingles")
    path = write_cache(corpus, tmp_path / "c.cache")
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        an.similarity(load(folder, path), method="shingles")
    said = [str(w.message) for w in first if "share" in str(w.message)]
    assert said and [str(w.message) for w in again if "share" in str(w.message)] == said


def test_a_report_chapter_says_the_load_warnings_once_in_words(tmp_path):
    """Loaded from a report's cache, an event's load warnings are one plain note (each chapter
    would otherwise repeat every one of them), naming where they are listed."""
    folder = copy_event(tmp_path)
    (folder / "articles" / "extra.txt").write_text("Not listed in the manifest.", "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = an.load_event(folder)
    assert len(corpus.warnings) >= 1
    path = write_cache(corpus, tmp_path / "c.cache", digest=event_digest(folder))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        an.load_event(folder, cache=path)
    notes = [str(w.message) for w in caught if issubclass(w.category, an.CorpusWarning)]
    assert len(notes) == 1 and "unlisted file" in notes[0] and "first chapter of its report" in notes[0]
