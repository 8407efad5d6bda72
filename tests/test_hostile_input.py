"""Hostile input (issue 12, part A): nothing outside an event is read, nothing is lost or
garbled silently while loading, and every bad input is one clear line, never a traceback.

The report command's own cases (what it may replace, unique names, Ctrl-C, notebook
failures) are in ``tests/test_report_safety.py``.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest

import analysis as an
from analysis import CorpusError
from analysis.__main__ import main
from analysis.events import new_event


def make_event(root: Path, files: dict[str, bytes | str], manifest: str | bytes | None = None,
               name: str = "event") -> Path:
    """An event folder ``root/name`` with ``files`` in articles/ and a manifest listing them
    (or ``manifest``)."""
    folder = root / name
    (folder / "articles").mkdir(parents=True)
    for fname, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / "articles" / fname).write_bytes(data)
    if manifest is None:
        manifest = "article_id,file\n" + "".join(f"{i},articles/{n}\n" for i, n in enumerate(files))
    (folder / "manifest.csv").write_bytes(manifest.encode("utf-8") if isinstance(manifest, str) else manifest)
    return folder


def load_quietly(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.load_event(folder)


def one_line(exc_info) -> str:
    message = str(exc_info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# --------------------------------------------------------------------------- files outside the event

SECRET = "The secret text nobody may publish."


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.mark.parametrize("listed", ["../secret.txt", "articles/../../secret.txt", "ABSOLUTE"])
def test_a_listed_file_outside_the_event_is_an_error_naming_the_row(tmp_path, secret, listed):
    listed = str(secret) if listed == "ABSOLUTE" else listed
    folder = make_event(tmp_path, {"a.txt": "A text."},
                        manifest=f"article_id,file\nok,articles/a.txt\nleak,{listed}\n")
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    message = one_line(exc)
    assert f"manifest.csv, line 3: article 'leak': file {listed!r} resolves to" in message
    assert "outside the event folder" in message and SECRET not in message


def test_an_absolute_system_path_is_refused(tmp_path):
    folder = make_event(tmp_path, {}, manifest="article_id,file\n1,/etc/passwd\n")
    with pytest.raises(CorpusError, match=r"line 2: article '1': file '/etc/passwd' resolves to .*outside"):
        an.load_event(folder)


def test_a_symlink_out_of_articles_is_refused(tmp_path, secret):
    folder = make_event(tmp_path, {"a.txt": "A text."})
    (folder / "articles" / "b.txt").symlink_to(secret)
    (folder / "manifest.csv").write_text("article_id,file\n1,articles/a.txt\n2,articles/b.txt\n")
    with pytest.raises(CorpusError, match=r"line 3: article '2': file 'articles/b.txt' resolves to .*secret.txt, "
                                          r"outside the event folder"):
        an.load_event(folder)


def test_a_symlink_out_of_a_linked_articles_folder_is_refused(tmp_path, secret):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "articles").symlink_to(tmp_path)  # the whole articles/ folder points outside
    (folder / "manifest.csv").write_text("article_id,file\n1,articles/secret.txt\n")
    with pytest.raises(CorpusError, match="outside the event folder"):
        an.load_event(folder)


def test_a_symlink_inside_the_event_is_fine(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A text that is long enough."})
    (folder / "originals").mkdir()
    (folder / "originals" / "b.txt").write_text("Another text, also fine.")
    (folder / "articles" / "b.txt").symlink_to(folder / "originals" / "b.txt")
    (folder / "manifest.csv").write_text("article_id,file\n1,articles/a.txt\n2,articles/b.txt\n")
    assert an.load_event(folder).text("2") == "Another text, also fine."


def test_an_event_folder_reached_through_a_symlink_loads(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A text."})
    (tmp_path / "link").symlink_to(folder)
    c = an.load_event(tmp_path / "link")
    assert c.text("0") == "A text." and c.name == "event"


def test_a_source_file_outside_the_event_is_an_error(tmp_path, secret):
    folder = make_event(tmp_path, {"a.txt": "A text."},
                        manifest="article_id,file,source_file\n1,articles/a.txt,../secret.txt\n")
    with pytest.raises(CorpusError, match=r"line 2: article '1': source_file '../secret.txt' resolves to .*outside"):
        an.load_event(folder)


def test_a_missing_source_file_is_a_warning(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A text."},
                        manifest="article_id,file,source_file\n1,articles/a.txt,articles/a.html\n")
    c = load_quietly(folder)
    assert c.warnings.code.tolist() == ["missing_source_file"]


def test_the_readme_is_not_read_through_a_link_out_of_the_event(tmp_path):
    outside = tmp_path / "private.md"
    outside.write_text(f"# {SECRET}\n\n{SECRET}\n")
    folder = make_event(tmp_path, {"a.txt": "A text."})
    (folder / "README.md").symlink_to(outside)
    with pytest.warns(an.CorpusWarning, match="README.md: resolves to .*outside the event folder; not read"):
        c = an.load_event(folder)
    assert c.title == "event" and SECRET not in c.title
    assert c.warnings.code.tolist() == ["readme"]
    from analysis.report import _event_summary

    assert _event_summary(c) == ""


def test_a_manifest_linked_from_outside_is_refused(tmp_path):
    other = make_event(tmp_path, {"a.txt": "A text."}, name="other")
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "manifest.csv").symlink_to(other / "manifest.csv")
    with pytest.raises(CorpusError, match=r"event/manifest.csv: resolves to .*other/manifest.csv, outside the event"):
        an.load_event(folder)


def test_a_folder_named_manifest_csv(tmp_path):
    folder = tmp_path / "event"
    (folder / "manifest.csv").mkdir(parents=True)
    with pytest.raises(CorpusError, match="manifest.csv: a folder, not a file"):
        an.load_event(folder)


def test_a_listed_folder_or_a_link_loop(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest="article_id,file\n1,articles\n")
    with pytest.raises(CorpusError, match=r"line 2: article '1': file 'articles' is a folder, not a file"):
        an.load_event(folder)
    (folder / "articles" / "loop.txt").symlink_to(folder / "articles" / "loop.txt")
    (folder / "manifest.csv").write_text("article_id,file\n1,articles/loop.txt\n")
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    assert "article '1'" in one_line(exc)


def test_a_nul_character_in_a_listed_name(tmp_path):
    # After the first 8 KB, so the manifest is not taken for a binary file.
    padding = "x" * 9000
    folder = make_event(tmp_path, {"a.txt": "A."},
                        manifest=f"article_id,file,notes\n1,articles/a.txt,{padding}\n2,articles/b\x00.txt,\n")
    with pytest.raises(CorpusError, match=r"line 3: article '2': file 'articles/b\\x00.txt' holds a NUL character"):
        an.load_event(folder)
    with pytest.raises(CorpusError, match="NUL"):
        an.load_event(str(folder) + "\x00")


def test_backslashes_in_a_listed_path_get_a_hint(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest="article_id,file\n1,articles\\a.txt\n")
    with pytest.raises(CorpusError, match=r"which does not exist \(separate folders with '/'"):
        an.load_event(folder)


def test_unreadable_files_are_one_line_errors(tmp_path, monkeypatch):
    folder = make_event(tmp_path, {"a.txt": "A."})
    real_read = Path.read_bytes

    def refuse(self):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    assert "line 2: article '0': file 'articles/a.txt' cannot be read (Permission denied)" in one_line(exc)


def test_an_unreadable_event_folder_is_a_one_line_error(tmp_path, monkeypatch):
    folder = make_event(tmp_path, {"a.txt": "A."})
    real_exists = Path.exists

    def refuse(self, *args, **kwargs):
        if self.name == "manifest.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", refuse)
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    assert "manifest.csv: cannot be read (Permission denied)" in one_line(exc)


def test_load_event_of_dot_names_the_real_folder(tmp_path, monkeypatch):
    folder = make_event(tmp_path, {"a.txt": "A."})
    monkeypatch.chdir(folder / "articles")
    assert an.load_event("..").name == "event"


# --------------------------------------------------------------------------- the manifest: nothing lost

def test_a_row_with_more_values_than_columns_is_an_error(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."},
                        manifest="article_id,file,outlet,title\n1,articles/a.txt,AP,Biden, Zelensky meet\n")
    with pytest.raises(CorpusError, match=r"manifest.csv, line 2: 5 values but the header names 4 columns "
                                          r"\(extra: ' Zelensky meet'\); a comma inside a value\?"):
        an.load_event(folder)


def test_empty_trailing_values_lose_nothing_and_load(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest="article_id,file,outlet\n1,articles/a.txt,AP,,\n")
    assert an.load_event(folder).articles.at["1", "outlet"] == "AP"


def test_duplicate_column_names_are_an_error_naming_them(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A.", "b.txt": "B."},
                        manifest="article_id,file,outlet,file\n1,articles/a.txt,AP,articles/b.txt\n")
    with pytest.raises(CorpusError, match=r"manifest.csv: column\(s\) 'file' appear more than once"):
        an.load_event(folder)


@pytest.mark.parametrize("column", ["text", "raw_text", "n_words", "encoding"])
def test_a_column_the_loader_computes_is_an_error(tmp_path, column):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest=f"article_id,file,{column}\n1,articles/a.txt,mine\n")
    with pytest.raises(CorpusError, match=rf"column\(s\) '{column}' are computed when the event is loaded"):
        an.load_event(folder)


def test_a_value_under_an_unnamed_column_is_an_error(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest="article_id,file,,outlet\n1,articles/a.txt,x,AP\n")
    with pytest.raises(CorpusError, match="line 2: a value in column 3, which has no name"):
        an.load_event(folder)
    (folder / "manifest.csv").write_text("article_id,file,\n1,articles/a.txt,\n")  # empty: fine
    assert len(an.load_event(folder)) == 1


def test_line_numbers_are_the_lines_of_the_file(tmp_path):
    manifest = 'article_id,file,notes\n\n1,articles/a.txt,"two\nlines"\n\n1,articles/b.txt,\n'
    folder = make_event(tmp_path, {"a.txt": "A.", "b.txt": "B."}, manifest=manifest)
    with pytest.raises(CorpusError, match=r"line 6: duplicate article_id '1' \(first on line 3\)"):
        an.load_event(folder)


@pytest.mark.parametrize("aid", ['"a\nb"', '"a\tb"'])
def test_an_id_with_a_control_character_is_an_error(tmp_path, aid):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest=f"article_id,file\n{aid},articles/a.txt\n")
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    assert "line 2: article_id" in one_line(exc) and "control character" in str(exc.value)


def test_a_huge_field_is_a_one_line_error(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."},
                        manifest="article_id,file,notes\n1,articles/a.txt," + "x" * 200_000 + "\n")
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    assert "manifest.csv, line 2: not valid CSV (field larger than field limit" in one_line(exc)


def test_an_unclosed_quotation_mark_is_an_error_naming_its_line(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A.", "b.txt": "B."},
                        manifest='article_id,file,title\n1,articles/a.txt,"Biden\n2,articles/b.txt,x\n')
    with pytest.raises(CorpusError) as exc:
        an.load_event(folder)
    assert "manifest.csv, line 2: not valid CSV" in one_line(exc) and "never closed" in str(exc.value)


def test_a_manifest_separated_by_semicolons_gets_a_hint(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest="article_id;file\n1;articles/a.txt\n")
    with pytest.raises(CorpusError, match=r"columns separated by ';'\? manifest.csv separates them with commas"):
        an.load_event(folder)


def test_the_event_folder_itself_as_a_file(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A."}, manifest="article_id,file\n1,.\n")
    with pytest.raises(CorpusError, match=r"line 2: article '1': file '.' is the event folder itself, not a file"):
        an.load_event(folder)
    with pytest.raises(TypeError, match="load_event needs the path of an event folder"):
        an.load_event(5)


# --------------------------------------------------------------------------- decoding

def test_a_stray_byte_in_a_utf8_manifest_is_utf8_with_a_recorded_warning(tmp_path):
    manifest = "article_id,file,outlet\n1,articles/a.txt,Süddeutsche Zeitung\n2,articles/b.txt,Le Monde \x00\n"
    data = manifest.encode("utf-8").replace(b"\x00", b"\xe9")  # one byte of Windows-1252 pasted in
    folder = make_event(tmp_path, {"a.txt": "A text.", "b.txt": "B text."}, manifest=data)
    with pytest.warns(an.CorpusWarning, match=r"manifest.csv: 1 byte sequence\(s\) not valid UTF-8 .*line 3"):
        c = an.load_event(folder)
    assert c.articles.at["1", "outlet"] == "Süddeutsche Zeitung"  # not "SÃ¼ddeutsche"
    assert c.articles.at["2", "outlet"] == "Le Monde \ufffd"
    row = c.warnings.iloc[0]
    assert (row.code, row.file) == ("encoding", str(folder / "manifest.csv"))


def test_a_windows_1252_manifest_is_recorded(tmp_path):
    data = "article_id,file,outlet\n1,articles/a.txt,Le Monde diplomatique — café\n".encode("cp1252")
    folder = make_event(tmp_path, {"a.txt": "A text."}, manifest=data)
    c = load_quietly(folder)
    assert c.articles.at["1", "outlet"] == "Le Monde diplomatique — café"
    assert c.warnings.code.tolist() == ["encoding"] and "Windows-1252" in c.warnings.message[0]


def test_a_mostly_utf8_article_with_one_bad_byte(tmp_path):
    data = "Zelenskyy said “no” in Kyiv – again.".encode("utf-8") + b" \x92 end."
    folder = make_event(tmp_path, {"a.txt": data})
    c = load_quietly(folder)
    assert c.text("0") == "Zelenskyy said “no” in Kyiv – again. \ufffd end."
    assert c.articles.at["0", "encoding"] == "utf-8" and c.warnings.code.tolist() == ["encoding"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_load(tmp_path, codec):
    text = "Київ said “no” to the plan."
    data = text.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + text.encode(codec)
    folder = make_event(tmp_path, {"a.txt": data})
    c = an.load_event(folder)
    assert c.text("0") == text and len(c.warnings) == 0


def test_an_undecodable_file_name_in_articles_is_shown_escaped(tmp_path):
    folder = make_event(tmp_path, {"a.txt": "A text."})
    (folder / "articles" / os.fsdecode(b"caf\xe9.txt")).write_text("Unlisted.")
    c = load_quietly(folder)
    message = c.warnings.message[0]
    assert "caf\\xe9.txt: in articles/ but not listed" in message
    message.encode("utf-8")  # no surrogate escapes left in a recorded message


# --------------------------------------------------------------------------- scripts

CHINESE = ("美国允许乌克兰打击俄罗斯境内目标\n\n"
           "华盛顿——美国官员周四表示，拜登总统已批准乌克兰使用美国武器打击俄罗斯境内的部分目标。\n\n"
           "一名美国官员说：“这是一个有限的政策调整。”国务卿布林肯在布拉格表示，美国将继续支持乌克兰。\n\n"
           "克里姆林宫警告说，此举将导致局势升级。")


def test_a_chinese_article_has_body_paragraphs_words_and_sentences():
    with pytest.warns(an.CorpusWarning, match="mostly Chinese or Japanese characters"):
        c = an.from_texts({"zh": CHINESE})
    assert c.paragraphs.kind.tolist() == ["title", "body", "body", "body"]
    n_chars = sum(ch >= "\u4e00" and ch <= "\u9fff" for p in CHINESE.split("\n\n")[1:] for ch in p)
    assert c.articles.at["zh", "n_words"] == n_chars  # one word per character
    assert c.body_sentences().text.tolist() == [
        "华盛顿——美国官员周四表示，拜登总统已批准乌克兰使用美国武器打击俄罗斯境内的部分目标。",
        "一名美国官员说：“这是一个有限的政策调整。”", "国务卿布林肯在布拉格表示，美国将继续支持乌克兰。",
        "克里姆林宫警告说，此举将导致局势升级。"]
    assert c.warnings.code.tolist() == ["language"]


def test_japanese_sentences_end_at_full_stops_with_closing_brackets():
    text = "政府は声明を発表した。「これは限定的な措置だ」と述べた。首相は記者団に対し、支援を続けると語った！"
    with pytest.warns(an.CorpusWarning):
        c = an.from_texts({"ja": "東京発\n" + text})
    assert c.paragraphs.kind.tolist() == ["title", "body"]
    assert c.body_sentences().text.tolist() == ["政府は声明を発表した。", "「これは限定的な措置だ」と述べた。",
                                                "首相は記者団に対し、支援を続けると語った！"]


def test_a_script_not_segmented_here_is_a_warning():
    thai = "กรุงเทพ รัฐบาลไทยประกาศมาตรการใหม่ในวันพฤหัสบดี\nนายกรัฐมนตรีกล่าวว่ามาตรการนี้จะช่วยเศรษฐกิจ"
    with pytest.warns(an.CorpusWarning):
        c = an.from_texts({"th": thai})
    assert "unsupported_script" in c.warnings.code.tolist()
    assert "mostly Thai script" in c.warnings.message[c.warnings.code == "unsupported_script"].iloc[0]


def test_no_body_text_is_a_warning():
    with pytest.warns(an.CorpusWarning, match="no body text: every paragraph looks like a title or subhead"):
        c = an.from_texts({"a": "Breaking news\nMore to come\nStay tuned"})
    assert c.articles.at["a", "n_words"] == 0 and c.warnings.code.tolist() == ["no_body_text"]


# --------------------------------------------------------------------------- surrogates

BROKEN = "Officials said it is limited. A lone \ud800 here, a pair \ud83d\ude00 there."


def test_surrogates_become_text_and_the_raw_text_is_kept():
    with pytest.warns(an.CorpusWarning, match="surrogate code point"):
        c = an.from_texts({"a": BROKEN, "b": "Another text."})
    assert c.text("a") == "Officials said it is limited. A lone \ufffd here, a pair 😀 there."
    assert c.rebuild_raw("a") == BROKEN == c.articles.at["a", "raw_text"]
    assert c.warnings.code.tolist() == ["surrogates"]
    assert set(c.edits.rule[c.edits.article_id == "a"]) == {"surrogates"}
    c.text("a").encode("utf-8")


def test_features_from_records_measures_a_text_with_surrogates(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BROKEN}) + "\n" + json.dumps({"id": "b", "text": "Fine."}) + "\n")
    notes: list[dict] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = an.features_from_records(path, errors="warn", warnings=notes)
        reference = an.features(an.from_jsonl(path))
    assert table.article_id.tolist() == ["a", "b"] and table.equals(reference)
    assert [n["code"] for n in notes] == ["surrogates"]


def test_features_from_records_with_warn_skips_a_record_that_cannot_be_loaded(monkeypatch):
    import importlib

    features = importlib.import_module("analysis.features")  # (an.features is the function)
    real = features._split_record

    def fragile(rec):
        if "boom" in rec["raw_text"]:
            raise RuntimeError("cannot split this")
        return real(rec)

    monkeypatch.setattr(features, "_split_record", fragile)
    notes: list[dict] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = an.features_from_records([{"article_id": "a", "text": "Fine one."}, {"article_id": "b", "text": "boom."},
                                          {"article_id": "c", "text": "Fine two."}], errors="warn", warnings=notes)
    assert table.article_id.tolist() == ["a", "c"]
    assert [(n["article_id"], n["code"]) for n in notes] == [("b", "feature_error")]
    with pytest.raises(features.FeatureError, match="article b: loading failed"):
        an.features_from_records([{"article_id": "b", "text": "boom."}])


# --------------------------------------------------------------------------- new-event

CYRILLIC = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            "<title>Киев принял бюджет</title></head><body><article><h1>Киев принял бюджет</h1>"
            "<p>Городской совет Киева в четверг принял бюджет, который увеличивает расходы на школы на "
            "четыре процента после долгих дебатов.</p><p>«Это бюджет для наших детей», — сказала депутат "
            "Анна Руденко, проголосовавшая за него. Критики заявили, что план недофинансирует дороги.</p>"
            "</article></body></html>")


def test_new_event_decodes_a_page_in_its_declared_charset(tmp_path):
    page = tmp_path / "kyiv.html"
    page.write_bytes(CYRILLIC.encode("cp1251"))
    folder = new_event("kyiv", [page], root=tmp_path / "events")
    text = (folder / "articles" / "000_kyiv.txt").read_text("utf-8")
    assert "Городской совет Киева" in text and "Ã" not in text and "Ð" not in text
    c = an.load_event(folder)
    assert c.articles.at["000", "title"] == "Киев принял бюджет"
    assert "(cp1251)" in c.articles.at["000", "notes"]


@pytest.mark.parametrize("page, expected", [
    (b'<meta charset="windows-1251"><p>\xca\xe8\xe5\xe2</p>', ("<p>Киев</p>", "cp1251", 0)),
    (b"<meta charset='iso-8859-1'><p>caf\xe9 \x93ok\x94</p>", ("<p>café “ok”</p>", "cp1252", 0)),
    ("\ufeff<meta charset=\"windows-1251\"><p>Київ</p>".encode("utf-8"), ("<p>Київ</p>", "utf-8-sig", 0)),
    ('<?xml version="1.0" encoding="koi8-r"?><p>Киев</p>'.encode("koi8-r"), ("<p>Киев</p>", "koi8-r", 0)),
    ('<meta charset="windows-1251"><p>Київ</p>'.encode("utf-8"), ("<p>Київ</p>", "utf-8", 1)),  # stale declaration
    ('<meta charset="x-nonsense"><p>Київ</p>'.encode("utf-8"), ("<p>Київ</p>", "utf-8", 1)),
    (b'<meta charset="shift_jis"><p>\x82\xa0\xff\xff</p>', ("<p>あ", "shift_jis", 1)),  # bad bytes: U+FFFD
])
def test_decode_html_honours_the_declared_charset(page, expected):
    from analysis.events import decode_html

    fragment, encoding, n_notes = expected
    text, used, notes = decode_html(page, "p.html")
    assert fragment in text and used == encoding and len(notes) == n_notes


def test_new_event_root_is_a_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("A text.")
    (tmp_path / "root").write_text("not a folder")
    assert main(["new-event", "e", str(tmp_path / "a.txt"), "--root", str(tmp_path / "root")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "root: a file, not a folder" in err


def test_new_event_root_not_writable(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("A text.")
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):
        if "locked" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert main(["new-event", "e", str(tmp_path / "a.txt"), "--root", str(tmp_path / "locked")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be created (Permission denied); choose a folder you can write to" in err


def test_new_event_name_too_long(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("A text.")
    assert main(["new-event", "e" * 300, str(tmp_path / "a.txt"), "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the event name is 300 characters long; use at most 100" in err


def test_new_event_bad_inputs_are_one_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "folder.txt").mkdir()
    assert main(["new-event", "e", str(tmp_path / "folder.txt"), "--root", str(tmp_path)]) == 1
    assert "folder.txt: a folder, not a file" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text("A text.")
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(
        PermissionError(13, "Permission denied", str(self))) if self.name == "a.txt" else real_read(self))
    assert main(["new-event", "e", str(tmp_path / "a.txt"), "--root", str(tmp_path)]) == 1
    assert "a.txt: cannot be read (Permission denied)" in capsys.readouterr().err
    assert not (tmp_path / "e").exists()


def test_new_event_html_parser_failure_is_one_line(tmp_path, monkeypatch):
    import trafilatura

    page = tmp_path / "p.html"
    page.write_text("<html><body><p>Some text that is long enough to extract, maybe.</p></body></html>")
    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: (_ for _ in ()).throw(ValueError("odd page\nline 2")))
    with pytest.raises(CorpusError) as exc:
        new_event("e", [page], root=tmp_path / "events")
    assert "p.html: the HTML page could not be read (ValueError: odd page)" in one_line(exc)


def test_new_event_interrupted_leaves_nothing(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A text.")
    real_write = Path.write_text

    def interrupt(self, *args, **kwargs):
        if self.name == "README.md":
            raise KeyboardInterrupt
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", interrupt)
    with pytest.raises(KeyboardInterrupt):
        new_event("e", [tmp_path / "a.txt"], root=tmp_path / "events")
    assert not (tmp_path / "events" / "e").exists()


@pytest.mark.parametrize("date", ["yesterday", "2024-13-45", "31/05/2024"])
def test_a_date_that_is_not_a_calendar_date_is_recorded(tmp_path, date):
    ev = make_event(tmp_path, {"a.txt": "Officials said on Monday it was done."},
                    f"article_id,file,outlet,date\na,articles/a.txt,AP,{date}\n")
    c = load_quietly(ev)
    w = c.warnings[c.warnings.code == "date_unreadable"]
    assert len(w) == 1 and repr(date) in w.message.iloc[0] and "YYYY-MM-DD" in w.message.iloc[0]
    assert c.articles.date.iloc[0] == date  # shown as written


def test_a_calendar_date_is_not_flagged(tmp_path):
    ev = make_event(tmp_path, {"a.txt": "Officials said on Monday it was done."},
                    "article_id,file,outlet,date\na,articles/a.txt,AP,2024-05-31T08:00\n")
    assert "date_unreadable" not in set(load_quietly(ev).warnings.code)


def test_from_texts_of_a_list_is_a_clear_type_error():
    with pytest.raises(TypeError, match="dict of article id -> text, got a list"):
        an.from_texts(["Officials said so."])


def test_a_text_that_is_not_a_string_is_skipped_saying_what_it_is():
    with pytest.warns(an.CorpusWarning):
        c = an.from_texts({"a": 5, "b": "Officials said so."})
    assert c.ids == ["b"] and "its text is a int, not a string; skipped" in c.warnings.message.iloc[0]
