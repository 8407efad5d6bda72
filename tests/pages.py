"""Reading report pages as a reader sees them: narrative, visible text, tables, markup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "caption", "br", "td", "th", "pre", "table"}


@dataclass
class Page:
    """What a page shows: ``narrative`` (rendered Markdown: cells and prose outputs, one string
    per block, code spans left out), ``visible`` (all text outside code input, styles and
    scripts), table headers, captions, start tags with their attributes, script and style text."""

    title: str = ""
    h1: list[str] = field(default_factory=list)
    narrative: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)       # Markdown *outputs* (an.prose), a subset of narrative
    visible: str = ""
    headers: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    tags: list[tuple[str, dict]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    stderr: int = 0
    body_headers: int = 0   # <th> inside <tbody>: an index shown as row labels
    tables: list[dict] = field(default_factory=list)  # {"caption": str, "headers": [...], "class": str}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, set[str]]] = []   # open elements and their roles
        self.visible: list[str] = []
        self.block: list[str] | None = None
        self.block_is_output = False
        self.block_depth = 0
        self.cell: list[str] | None = None
        self.table: dict | None = None

    def _roles(self) -> set[str]:
        return set().union(*(r for _t, r in self.stack)) if self.stack else set()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.page.tags.append((tag, a))
        roles = set()
        cls = a.get("class", "")
        if tag in ("script", "style", "title"):
            roles.add(tag)
        if "jp-InputArea" in cls.split() or "jp-InputPrompt" in cls.split() or "jp-OutputPrompt" in cls.split():
            roles.add("input")
        if tag == "code":
            roles.add("code")
        if tag == "tbody":
            roles.add("tbody")
        if a.get("data-mime-type") == "application/vnd.jupyter.stderr":
            self.page.stderr += 1
        if a.get("data-mime-type") == "text/markdown" and self.block is None:
            self.block, self.block_depth = [], len(self.stack) + 1
            self.block_is_output = "jp-OutputArea-output" in cls
        if tag == "th" and "tbody" in self._roles():
            self.page.body_headers += 1
        if tag == "table":
            self.table = {"caption": "", "headers": [], "class": a.get("class", "")}
        if tag in ("th", "caption", "h1", "title"):
            self.cell = []
        if tag in _BLOCK:
            self.visible.append("\n")
            if self.block is not None:
                self.block.append(" ")
        if tag not in _VOID:
            self.stack.append((tag, roles))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        while self.stack:
            open_tag, _roles = self.stack.pop()
            if open_tag == tag:
                break
        if tag in ("th", "caption", "h1", "title") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            if tag == "th":
                self.page.headers.append(text)
                if self.table is not None:
                    self.table["headers"].append(text)
            elif tag == "caption":
                self.page.captions.append(text)
                if self.table is not None:
                    self.table["caption"] = text
            elif tag == "h1":
                self.page.h1.append(text.rstrip("¶").strip())
            else:
                self.page.title = text
            self.cell = None
        if tag == "table" and self.table is not None:
            self.page.tables.append(self.table)
            self.table = None
        if self.block is not None and len(self.stack) < self.block_depth:
            text = " ".join("".join(self.block).split())
            self.page.narrative.append(text)
            if self.block_is_output:
                self.page.prose.append(text)
            self.block = None

    def handle_data(self, data):
        roles = self._roles()
        if "script" in roles:
            self.page.scripts.append(data)
            return
        if "style" in roles:
            self.page.styles.append(data)
            return
        if self.cell is not None:
            self.cell.append(data)
        if "title" in roles or "input" in roles:
            return
        self.visible.append(data)
        if self.block is not None and "code" not in roles:
            self.block.append(data)


def read_page(path: Path | str) -> Page:
    reader = _Reader()
    reader.feed(Path(path).read_text("utf-8"))
    reader.close()
    reader.page.visible = re.sub(r"[ \t]+", " ", "".join(reader.visible))
    return reader.page
