"""pdf_text.py: the text of each page of a PDF that headless Chromium printed.

Enough of PDF for Chromium/Skia output only (no external packages are
installed for this): objects "N 0 obj ... endobj", Flate streams, fonts with
ToUnicode CMaps (bfchar and bfrange), text shown with <hex> Tj and [..] TJ
using two-byte glyph ids. Used by tests/agenda_render.test.sh to read the
page numbers ("Page 1 of 2") that CSS margin boxes put on each page.
"""
import re
import sys
import zlib


def _stream(body):
    m = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    if not m:
        return b""
    raw = m.group(1)
    if b"FlateDecode" in body[:m.start()]:
        return zlib.decompressobj().decompress(raw)
    return raw


def _cmap(text):
    mp = {}
    for blk in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            mp[int(a, 16)] = bytes.fromhex(b.decode()).decode("utf-16-be", "replace")
    for blk in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, c in re.findall(
                rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            lo, hi, start = int(a, 16), int(b, 16), int(c, 16)
            for k in range(lo, hi + 1):
                mp[k] = chr(start + k - lo)
    return mp


def pages_text(data):
    objs = {int(m.group(1)): m.group(2)
            for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    fonts = {}
    for num, body in objs.items():
        m = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if m:
            fonts[num] = _cmap(_stream(objs.get(int(m.group(1)), b"")))
    pages = []
    for num in sorted(objs):
        body = objs[num]
        if not re.search(rb"/Type\s*/Page\b", body):
            continue
        res = body
        m = re.search(rb"/Resources (\d+) 0 R", body)
        if m:
            res = objs.get(int(m.group(1)), b"")
        fontmap = {name: fonts[int(ref)]
                   for name, ref in re.findall(rb"/([A-Za-z]+\d*) (\d+) 0 R", res)
                   if int(ref) in fonts}
        m = re.search(rb"/Contents (\d+) 0 R", body)
        content = _stream(objs.get(int(m.group(1)), b"")) if m else b""
        out, cur = [], {}
        for tok in re.finditer(rb"/(\S+) [\d.]+ Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ",
                               content, re.S):
            if tok.group(1):
                cur = fontmap.get(tok.group(1), {})
                continue
            hexes = ([tok.group(2)] if tok.group(2) is not None
                     else re.findall(rb"<([0-9A-Fa-f]*)>", tok.group(3)))
            for h in hexes:
                for i in range(0, len(h) - 3, 4):
                    out.append(cur.get(int(h[i:i + 4], 16), ""))
        pages.append("".join(out))
    return pages


if __name__ == "__main__":
    for i, p in enumerate(pages_text(open(sys.argv[1], "rb").read())):
        print(f"--- page {i + 1}\n{p}")
