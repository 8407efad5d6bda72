"""Loading: the sample event, in-memory corpora, metadata, and the bad-input suite."""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest

import analysis as an
from analysis import CorpusError

from .conftest import SAMPLE_EVENT


def make_event(tmp_path, files: dict[str, bytes | str], manifest: str | None = None):
    """An event folder with ``files`` in articles/ and a manifest listing them (or ``manifest``)."""
    folder = tmp_path / "event"
    (folder / "articles").mkdir(parents=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / "articles" / name).write_bytes(data)
    if manifest is None:
        manifest = "article_id,file\n" + "".join(f"{i},articles/{n}\n" for i, n in enumerate(files))
    (folder / "manifest.csv").write_text(manifest, "utf-8")
    return folder


# --------------------------------------------------------------------------- the sample event

def test_sample_event_frames(sample_corpus):
    c = sample_corpus
    assert c.ids == ["000", "001", "002", "003", "004"]
    assert c.articles.outlet.tolist() == ["AP", "CNN", "NYT", "Rewrite", "Scripps"]
    assert c.title.startswith("US lets Ukraine strike")
    assert len(c.warnings) == 0
    assert set(c.paragraphs.kind) == {"body", "subhead"}
    for frame, cols in [(c.paragraphs, ["article_id", "para_id", "kind", "start", "end", "text"]),
                        (c.sentences, ["article_id", "sent_id", "para_id", "kind", "start", "end", "text"]),
                        (c.edits, ["article_id", "rule", "raw_start", "raw_end", "start", "end", "removed", "replacement"])]:
        assert list(frame.columns) == cols
    # Offsets point into the clean text.
    for row in c.sentences.itertuples():
        assert c.text(row.article_id)[row.start:row.end] == row.text


def test_sample_event_metadata_read_off_the_text(sample_corpus):
    a = sample_corpus.articles
    assert a.at["000", "date"] == "2024-05-31" and a.at["002", "date"] == "2024-05-30"
    assert a.at["000", "dateline"] == "WASHINGTON" and a.at["000", "credit"] == "AP"
    # "CNN —" opens the CNN article: a dateline (the outlet stands where the place would be),
    # not a credit line; the outlet comes from the manifest.
    assert a.at["001", "dateline"] == "CNN" and a.isna().at["001", "credit"]
    assert a.at["001", "outlet"] == "CNN"
    assert a.at["004", "attribution"] == "inferred"


def test_sample_event_body_sentence_counts(sample_corpus):
    """Counted by hand from the articles; no split after U.S., Gen. or C.Q."""
    counts = sample_corpus.articles.n_sentences.to_dict()
    assert counts == {"000": 26, "001": 30, "002": 23, "003": 13, "004": 25}
    for text in sample_corpus.sentences.text:
        assert not text.endswith(("U.S.", "Gen.", "C.Q.", "Mr.", "J."))


def test_sample_files_are_the_seeds_byte_for_byte():
    """The manifest's files exist, and nothing rewrote them (sizes as copied)."""
    sizes = {p.name[:3]: p.stat().st_size for p in (SAMPLE_EVENT / "articles").iterdir()}
    assert sizes == {"000": 4958, "001": 5777, "002": 3495, "003": 2368, "004": 4971}


# --------------------------------------------------------------------------- in memory

def test_from_texts_and_from_records():
    c = an.from_texts({"a": "One sentence. Two.", "b": "Three."}, outlet={"a": "X", "b": "Y"})
    assert c.articles.n_sentences.tolist() == [2, 1] and c.articles.outlet.tolist() == ["X", "Y"]
    frame = pd.DataFrame({"article_id": ["p", "q"], "text": ["Kyiv.", "Kiev."], "source": ["s1", "s2"]})
    c = an.from_records(frame)
    assert c.ids == ["p", "q"] and c.articles.source.tolist() == ["s1", "s2"]
    assert len(an.from_records([])) == 0


def test_from_records_needs_text_column():
    with pytest.raises(CorpusError, match="no 'text' column"):
        an.from_records([{"body": "x"}])


def test_cp1252_text_loads_with_a_warning(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "He said “no” – café.".encode("cp1252")})
    with pytest.warns(an.CorpusWarning, match="Windows-1252"):
        c = an.load_event(folder)
    assert c.text("0") == "He said “no” – café."
    assert c.warnings.code.tolist() == ["encoding"]
    assert c.articles.at["0", "encoding"] == "cp1252"


def test_utf8_bom_and_crlf(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "\ufeffLine one.\r\nLine two.\r\n".encode("utf-8")})
    c = an.load_event(folder)
    assert c.text("0") == "Line one.\nLine two." and c.articles.at["0", "encoding"] == "utf-8-sig"
    assert c.rebuild_raw("0") == "\ufeffLine one.\r\nLine two.\r\n".removeprefix("\ufeff")


def test_metadata_mismatch_is_a_warning(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "date 2024-05-31 WASHINGTON (AP) — Text."},
                        manifest="article_id,file,outlet,date\n1,articles/a.txt,CNN,2024-06-01\n")
    with pytest.warns(an.CorpusWarning):
        c = an.load_event(folder)
    assert sorted(c.warnings.code) == ["metadata_mismatch", "metadata_mismatch"]
    assert c.articles.at["1", "outlet"] == "CNN"  # the manifest wins; the text only warns


# --------------------------------------------------------------------------- bad input

def test_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match="no such event folder"):
        an.load_event(tmp_path / "nope")


def test_no_manifest(tmp_path):
    (tmp_path / "e").mkdir()
    with pytest.raises(CorpusError, match="no manifest.csv"):
        an.load_event(tmp_path / "e")


def test_manifest_without_required_columns(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "Text."}, manifest="id,path\n1,articles/a.txt\n")
    with pytest.raises(CorpusError, match=r"manifest.csv: missing required column\(s\) article_id, file"):
        an.load_event(folder)


def test_listed_file_missing(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "Text."}, manifest="article_id,file\n1,articles/b.txt\n")
    with pytest.raises(CorpusError, match="lists file 'articles/b.txt', which does not exist"):
        an.load_event(folder)


def test_duplicate_article_id(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A.", "b.txt": "B."},
                        manifest="article_id,file\n1,articles/a.txt\n1,articles/b.txt\n")
    with pytest.raises(CorpusError, match="line 3: duplicate article_id '1'"):
        an.load_event(folder)


@pytest.mark.parametrize("content", ["", "   \n\t  \n"])
def test_empty_or_whitespace_file(tmp_path, content):
    folder = make_event(tmp_path, {"a.txt": content})
    with pytest.raises(CorpusError, match=r"a.txt: the file is empty or holds only whitespace"):
        an.load_event(folder)


def test_binary_file(tmp_path):
    folder = make_event(tmp_path, {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))})
    with pytest.raises(CorpusError, match="a.txt: looks like a binary file"):
        an.load_event(folder)


def test_undecodable_bytes(tmp_path):
    # 0x81 is undefined in Windows-1252 and invalid as UTF-8.
    folder = make_event(tmp_path, {"a.txt": b"Valid start \x81\x81 end."})
    with pytest.raises(CorpusError, match="a.txt: byte 0x81 at offset 12 is neither UTF-8 nor Windows-1252"):
        an.load_event(folder)


def test_unlisted_file_is_a_warning(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A text."}, manifest="article_id,file\n1,articles/a.txt\n")
    (folder / "articles" / "extra.txt").write_text("Not listed.")
    with pytest.warns(an.CorpusWarning, match="extra.txt: in articles/ but not listed"):
        c = an.load_event(folder)
    assert c.warnings.code.tolist() == ["unlisted_file"] and len(c) == 1


def test_identical_texts_are_a_warning(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "Same text.", "b.txt": "Same text.\n"})
    with pytest.warns(an.CorpusWarning, match="same text as article 0"):
        c = an.load_event(folder)
    assert c.warnings.code.tolist() == ["duplicate_text"] and len(c) == 2
    assert c.articles.at["1", "warnings"] == ("articles/b.txt: same text as article 0",)


def test_sample_event_copy_loads_without_warnings(tmp_path):
    shutil.copytree(SAMPLE_EVENT, tmp_path / "copy")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(an.load_event(tmp_path / "copy")) == 5


def test_outlets_spelled_two_ways_are_one_outlet_with_a_warning(tmp_path):
    import warnings as w
    recs = [{"article_id": "a", "outlet": "Fox News", "text": "Tanks rolled in."},
            {"article_id": "b", "outlet": "fox  news", "text": "Bakers baked bread."},
            {"article_id": "c", "outlet": "CNN", "text": "Rain fell hard."}]
    with w.catch_warnings():
        w.simplefilter("ignore")
        c = an.from_records(recs)
        notes: list[dict] = []
        f = an.features_from_records(recs, warnings=notes)
    assert c.outlet_of().tolist() == ["Fox News", "Fox News", "CNN"]
    assert c.warnings.code.tolist() == ["outlet_spelling"]
    assert "'fox  news'" in c.warnings.message.iloc[0]
    # The feature table's streaming route reads them the same way.
    assert f["outlet"].tolist() == ["Fox News", "Fox News", "CNN"]
    assert [n["code"] for n in notes] == ["outlet_spelling"]
    # An event folder too.
    (tmp_path / "articles").mkdir()
    for name, body in (("a", "Tanks rolled in."), ("b", "Bakers baked bread.")):
        (tmp_path / "articles" / f"{name}.txt").write_text(body, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,file,outlet\na,articles/a.txt,Reuters\nb,articles/b.txt,REUTERS\n",
                                           encoding="utf-8")
    with w.catch_warnings():
        w.simplefilter("ignore")
        e = an.load_event(tmp_path)
    assert set(e.outlet_of()) == {"Reuters"} and "outlet_spelling" in e.warnings.code.tolist()
