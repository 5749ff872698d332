"""Normalised text for the two body formats: plain text and HTML.

Both keep an exact offset map to the decoded source (``extractors.textmap``).
Plain text keeps its layout (columns matter on cover pages), loses carriage
returns, and has each SGML layout tag (``<PAGE>``, ``<S>``, ``<C>``,
``<TABLE>``...) replaced by one space that maps to the whole tag. HTML becomes text with
block structure: block elements end lines, table cells end with a tab,
entities are decoded, runs of white space fold to one space, and hidden
content (scripts, styles, the inline-XBRL header) is left out of the text.
"""

from __future__ import annotations

import html
import re

from extractors.textmap import MappedText, TextBuilder

# Layout tags of 1990s-2000s text filings (seeds, 10k_apple_1994.txt).
_TEXT_TAGS = re.compile(r"\r|</?(?:PAGE|S|C|TABLE|CAPTION|FN|F\d{1,2}|R\d{1,2}|PRE|DOCUMENT|TEXT)>", re.IGNORECASE)

_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9:_-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
    r"|[ \t\r\n\f\v\u00a0]+",
    re.DOTALL,
)
_BLOCK = frozenset(["div", "br", "tr", "li", "ul", "ol", "thead", "tbody", "tfoot", "pre", "dl", "dt", "dd", "section", "article", "header", "footer"])
# Elements that end a paragraph: a blank line after them.
_PARA = frozenset(["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr", "center", "blockquote", "title", "body", "html", "page"])
_CELL = frozenset(("td", "th"))
_SKIP = frozenset(("script", "style", "head", "ix:header", "xml", "noscript"))
_VOID = frozenset(["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"])
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_IX_FACT = re.compile(
    r"<ix:(?:nonNumeric|nonFraction)\b[^>]*\bname=\"([^\"]+)\"[^>]*>(.*?)</ix:(?:nonNumeric|nonFraction)>",
    re.DOTALL | re.IGNORECASE,
)


def normalise_text(source: str, start: int, end: int) -> MappedText:
    """Plain text body ``source[start:end]`` to normalised text."""
    b = TextBuilder()
    pos = start
    for m in _TEXT_TAGS.finditer(source, start, end):
        b.copy(source, pos, m.start())
        if m.group() != "\r":
            b.replace(" ", m.start(), m.end())
        pos = m.end()
    b.copy(source, pos, end)
    return b.build()


def looks_like_html(source: str, start: int, end: int) -> bool:
    """Whether a body is HTML rather than plain text with SGML layout tags.

    Text filings of the 1990s-2000s use ``<TABLE>``, ``<S>``, ``<C>`` and
    ``<PAGE>`` (10q_apple_2000_dup.txt), so those do not count as HTML.
    """
    head = source[start : min(end, start + 20000)].lower()
    if re.search(r"<html|<body|<!doctype html", head):
        return True
    return len(re.findall(r"<(?:p|div|td|tr|br|font|span|b|i)\b[^>]*>", head)) >= 5


def normalise_html(source: str, start: int, end: int) -> tuple[MappedText, dict[str, str]]:
    """HTML body ``source[start:end]`` to text, and the hidden XBRL header facts."""
    b = TextBuilder()
    skip: list[tuple[str, int]] = []  # (tag, depth of that tag when skipping started)
    depth: dict[str, int] = {}
    hidden = _ix_header_facts(source, start, end)
    pos = start
    for m in _HTML_TOKEN.finditer(source, start, end):
        if skip:
            pos = m.end()
            name = (m.group(2) or "").lower()
            if not name:
                continue
            if m.group(1):
                depth[name] = depth.get(name, 1) - 1
                if name == skip[-1][0] and depth[name] < skip[-1][1]:
                    skip.pop()
            elif name not in _VOID and not m.group(3).rstrip().endswith("/"):
                depth[name] = depth.get(name, 0) + 1
            continue
        b.copy(source, pos, m.start())
        pos = m.end()
        tok = m.group()
        first = tok[0]
        if first == "<":
            name = (m.group(2) or "").lower()
            if not name:  # comment, doctype, processing instruction
                continue
            closing = bool(m.group(1))
            attrs = m.group(3) or ""
            if not closing and name not in _VOID and not attrs.rstrip().endswith("/"):
                depth[name] = depth.get(name, 0) + 1
                if name in _SKIP or _HIDDEN_STYLE.search(attrs):
                    skip.append((name, depth[name]))
                    continue
            elif closing:
                depth[name] = max(depth.get(name, 1) - 1, 0)
            if name in _PARA:
                _break(b, "\n", m.start(), m.end())
                if b.tail(2) != "\n\n" and b.length:
                    b.replace("\n", m.end(), m.end())
            elif name in _BLOCK:
                _break(b, "\n", m.start(), m.end())
            elif name in _CELL and closing:
                _break(b, "\t", m.start(), m.end())
        elif first == "&":
            text = html.unescape(tok if tok.endswith(";") else tok + ";")
            if text == tok + ";":
                text = tok
            text = text.replace("\u00a0", " ")
            if text.isspace():
                _space(b, m.start(), m.end())
            else:
                b.replace(text, m.start(), m.end())
        else:
            _space(b, m.start(), m.end())
    if not skip:
        b.copy(source, pos, end)
    return b.build(), hidden


def _ix_header_facts(source: str, start: int, end: int) -> dict[str, str]:
    """The facts of an inline-XBRL header (hidden from the text, kept apart)."""
    hidden: dict[str, str] = {}
    head = re.search(r"<ix:header>(.*?)</ix:header>", source[start:end], re.DOTALL | re.IGNORECASE)
    if head:
        for f in _IX_FACT.finditer(head.group(1)):
            hidden.setdefault(f.group(1), _strip_tags(f.group(2)))
    return hidden


def _space(b: TextBuilder, s: int, e: int) -> None:
    last = b.last_char()
    if last and not last.isspace():
        b.replace(" ", s, e)


def _break(b: TextBuilder, char: str, s: int, e: int) -> None:
    last = b.last_char()
    if not last:
        return
    if char == "\n" and last == "\n":
        return
    if char == "\t" and last in "\t\n":
        return
    b.replace(char, s, e)


def _strip_tags(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
