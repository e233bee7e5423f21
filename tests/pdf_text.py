"""Reads a PDF written by WeasyPrint back, for assertions: the XMP metadata and the text.

pypdf and poppler are not installed; WeasyPrint's PDFs are simple enough to read here. Streams
are Flate-compressed; text is drawn as glyph ids of embedded font subsets, and each font carries
a ToUnicode map from glyph id to character, which is what a PDF reader uses to copy text too.
"""

import re
import zlib

_OBJ_STREAM = re.compile(rb"(\d+) 0 obj\s*<<(.*?)>>\s*stream\r?\n", re.S)
_FONT = re.compile(rb"/BaseFont\s*/([A-Z]{6})\+[^/]*(?:/[^/]*)*?/ToUnicode\s+(\d+)\s+0\s+R")
_BFCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")
_TEXT_OP = re.compile(
    rb"/([A-Z]{6})\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>[^\]]*?)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj"
)


def streams(pdf: bytes) -> dict[int, bytes]:
    """Every stream of the PDF by object number, decompressed."""
    result = {}
    for match in _OBJ_STREAM.finditer(pdf):
        length = re.search(rb"/Length\s+(\d+)", match.group(2))
        start = match.end()
        data = pdf[start : start + int(length.group(1))] if length else b""
        if b"/FlateDecode" in match.group(2):
            data = zlib.decompress(data)
        result[int(match.group(1))] = data
    return result


def metadata(pdf: bytes) -> str:
    """The XMP metadata packet (title, language, PDF/A part) as text."""
    for data in streams(pdf).values():
        if b"<x:xmpmeta" in data:
            return data.decode("utf-8")
    return ""


def text(pdf: bytes) -> str:
    """The text drawn on the pages, runs separated by spaces."""
    all_streams = streams(pdf)
    blob = b"\n".join([pdf, *all_streams.values()])  # font dicts may sit in object streams
    maps: dict[bytes, dict[int, str]] = {}
    for tag, ref in _FONT.findall(blob):
        cmap = all_streams.get(int(ref), b"")
        maps[tag] = {
            int(src, 16): bytes.fromhex(dst.decode()).decode("utf-16-be")
            for src, dst in _BFCHAR.findall(cmap.split(b"beginbfchar", 1)[-1])
        }
    runs: list[str] = []
    for data in all_streams.values():
        if b" Tf" not in data:
            continue
        current: dict[int, str] = {}
        for font, array, single in _TEXT_OP.findall(data):
            if font:
                current = maps.get(font, {})
                continue
            hexes = re.findall(rb"<([0-9a-fA-F]*)>", array) if array else [single]
            run = "".join(
                current.get(int(h[i : i + 4], 16), "?") for h in hexes for i in range(0, len(h), 4)
            )
            runs.append(run)
    return re.sub(r"\s+", " ", " ".join(runs))
