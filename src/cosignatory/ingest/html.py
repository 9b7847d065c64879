"""HTML page to text and metadata: the main text through trafilatura, rendered line by line.

trafilatura finds the article and drops menus, teasers and related-article boxes; this module
renders its XML tree itself so the layout that signature lists depend on survives: paragraphs
separated by a blank line, `<br>` as a line break, one list item or table row a line (`- item`,
`| cell | cell |`), headings as `# Heading`, bold and italic as `**b**` and `*i*`. Nothing is
escaped, so the text reads as printed. Pages trafilatura makes nothing of fall back to all the
visible text. trafilatura and lxml are imported only when a page is met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACES = re.compile(r"\s+")
_MARKS = {"#b": "**", "#i": "*"}
_BLOCKS = {
    *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"),
    *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav"),
    *("ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
}
_INVISIBLE = "//script|//style|//noscript|//template|//head|//svg"


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_page(html: str) -> Page:
    """The page's main text (possibly empty) with its title, canonical URL and date."""
    from trafilatura import bare_extraction

    from cosignatory.ingest.text import clean

    result: Any = bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        include_links=False,
        include_images=False,
        deduplicate=False,
    )
    body = getattr(result, "body", None)
    text = _render(body) if body is not None else ""
    if not text:
        text = _visible_text(html)
    return Page(
        text=clean(text),
        title=_field(result, "title"),
        url=_field(result, "url"),
        published=_field(result, "date"),
    )


def _field(result: Any, name: str) -> str | None:
    value = getattr(result, name, None)
    return value.strip() or None if isinstance(value, str) else None


def _render(body: Any) -> str:
    blocks: list[str] = []
    for element in body:
        _block(element, blocks)
    return "\n\n".join(block for block in blocks if block)


def _block(element: Any, blocks: list[str]) -> None:
    """Append the text blocks of one block-level element of trafilatura's XML."""
    tag = element.tag
    if tag == "head":
        level = (element.get("rend") or "h2").lstrip("h")
        text = _normalize(_inline(element))
        blocks.append(f"{'#' * int(level) if level.isdigit() else '##'} {text}" if text else "")
    elif tag == "list":
        blocks.append("\n".join(_items(element, "")))
    elif tag == "table":
        blocks.append("\n".join(_rows(element)))
    elif tag in ("quote", "div", "main", "article", "body"):
        if (element.text or "").strip():
            blocks.append(_normalize(element.text))
        for child in element:
            _block(child, blocks)
            if (child.tail or "").strip():
                blocks.append(_normalize(child.tail))
    else:  # p, code and anything unexpected: a paragraph
        blocks.append(_lines(_inline(element)))


def _items(element: Any, indent: str) -> list[str]:
    ordered = element.get("rend") == "ol"
    lines: list[str] = []
    for number, item in enumerate(element.iterchildren("item"), start=1):
        marker = f"{number}." if ordered else "-"
        nested = [child for child in item if child.tag == "list"]
        for child in nested:
            item.remove(child)
        text = _lines(_inline(item)).replace("\n", "\n" + indent + "  ")
        if text:
            lines.append(f"{indent}{marker} {text}")
        for child in nested:
            lines.extend(_items(child, indent + "  "))
    return lines


def _rows(table: Any) -> list[str]:
    lines = []
    for row in table.iter("row"):
        cells = [_normalize(_inline(cell).replace("\n", " ")) for cell in row.iterchildren("cell")]
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def _inline(element: Any) -> str:
    """The text of an element with `<br>` as \n and bold/italic as markdown marks.

    Newlines in the page source are only whitespace; only `<br>` (and nested lists) break lines.
    """
    parts = [_SPACES.sub(" ", element.text or "")]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == "list":
            parts.append("\n" + "\n".join(_items(child, "")) + "\n")
        else:
            inner = _inline(child)
            mark = _MARKS.get(child.get("rend") or "", "") if child.tag == "hi" else ""
            parts.append(_wrap(inner, mark) if mark else inner)
        parts.append(_SPACES.sub(" ", child.tail or ""))
    return "".join(parts)


def _wrap(text: str, mark: str) -> str:
    """Emphasis marks hug the words, so spaces inside the element move outside the marks."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _lines(text: str) -> str:
    """Non-blank lines, each with its runs of whitespace made one space."""
    return "\n".join(line for line in map(_normalize, text.split("\n")) if line)


def _normalize(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _visible_text(html: str) -> str:
    """All visible text of a page, one block element a line: the fallback for odd pages."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(
            html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return ""
    for element in root.xpath(_INVISIBLE):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return _lines(root.text_content())
