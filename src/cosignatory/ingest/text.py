"""Bytes to clean text: encoding detection, mojibake repair, newline and Unicode normalization.

Owns how every format's text is decoded and cleaned, so that `Document.text` (the text every
span indexes into) is made the same way everywhere. Beyond decoding, repairing mojibake and
normalizing newlines and Unicode (NFC), the text is kept exactly as given: quotes, dashes,
ligatures, whitespace inside lines. Charset detection and ftfy run only when they can matter.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from typing import Any

from cosignatory.errors import IngestError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINES = re.compile(r"\r\n?|[\x85\u2028\u2029]")
# Control characters that never occur in text: their share tells junk from a legacy encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WESTERN_DEFAULT = "cp1252"  # the web's reading of "latin-1" and the commonest legacy encoding
# What a wrong code page makes: a symbol inside a word ("M³ller"), or a run of accented
# letters ("Îòêðûòîå" is Russian read as cp1252).
_ODD = re.compile(r"[^\W\d_][\xa0-\xb3\xb5\xb6\xb8-\xbf\xd7\xf7€‚„†‡ˆ‰‹›•˜™][^\W\d_]|[À-ÿ]{3}")


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode a file's bytes to cleaned text; `declared` is an encoding the container names.

    Order: byte-order mark, strict UTF-8, the declared encoding, UTF-16 without BOM (by its
    NUL pattern), then charset-normalizer. Raises IngestError for binary data.
    """
    text = _decode(data, source, declared)
    if text is None or len(_CONTROL.findall(text[:4096])) > len(text[:4096]) // 100 + 1:
        raise IngestError(source, "binary file, not text/HTML/PDF/JSON Lines")
    return clean(text)


def clean(text: str) -> str:
    """Repair mojibake (ftfy), normalize newlines to \\n and Unicode to NFC; nothing else."""
    text = _NEWLINES.sub("\n", text)
    if text.isascii():  # nothing to repair or normalize: the fast path for plain English
        return text
    from ftfy import fix_text

    return unicodedata.normalize("NFC", fix_text(text, _fixer()))


def _decode(data: bytes, source: str, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"starts like {encoding.upper()} but is not") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _utf16_without_bom(data) if b"\x00" in data else _detect(data)


@cache
def _fixer() -> Any:
    from ftfy import TextFixerConfig

    # Only undo encoding damage: quotes, ligatures, widths and entities stay as printed.
    return TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
        explain=False,
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has NULs in every other byte; anything else is binary."""
    sample = data[:4096]
    pairs = max(len(sample) // 2, 1)
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    encoding = "utf-16-le" if odd > 0.3 > even else "utf-16-be" if even > 0.3 > odd else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> str | None:
    """Guess a legacy encoding: charset-normalizer's candidates and cp1252, least odd first.

    charset-normalizer alone misreads short Western texts (cp1252 as cp775 or iso8859-10), so
    each candidate's decoding is judged by how many implausible letter sequences it makes.
    """
    from charset_normalizer import from_bytes

    guesses = [
        m.encoding for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))
    ]
    if not guesses:
        return None
    best: tuple[int, str] | None = None
    # Ties go to cp1252, then to Windows code pages: far commoner than ISO 8859 in the wild.
    ranked = sorted(guesses[:8], key=lambda encoding: not encoding.startswith("cp125"))
    for encoding in dict.fromkeys([_WESTERN_DEFAULT, *ranked]):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = len(_ODD.findall(text))
        if best is None or odd < best[0]:
            best = (odd, text)
    return best[1] if best else None
