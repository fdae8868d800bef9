#!/usr/bin/env python3
"""
gen_lexicon.py: compile the name and common-word lexicon into C at build time.

  gen_lexicon.py --dict british-english --propernames propernames.gz \
                 --textnames Text/Names.pm --dir policy/lexicon --out lexicon_data.c

Sources (each file under policy/lexicon/ names its own in its header):
  common words   Debian wbritish: the words of /usr/share/dict/british-english
                 that occur in lower case (possessives dropped);
  names          Debian miscfiles /usr/share/dict/propernames (forenames),
                 libtext-names-perl Text/Names.pm (the US census forename and
                 surname tables it embeds), uk_forenames.txt, uk_surnames.txt,
                 nicknames.txt; minus not_names.txt (entries of those packages
                 that are not names: "The", "Think", "Plastic");
  allow-list     allow.txt: never a person's name (agencies, places, months,
                 legislation...), with sections for street types and
                 institution words that end a name ("Windsor Crescent");
  cues           cues.txt: titles, ranks, kinship and role words, "called".

Output: one C file defining the tables declared in gateway/redact/lexicon_data.h:
an open-addressing hash table (FNV-1a over the folded word, linear probing,
load factor at most 1/2) whose slots point into one string blob, the nickname
lists, and the character fold table. Folding here and in lexicon.c must agree:
this script emits the fold table lexicon.c uses, and test_lexicon checks that
every key is its own fold.
"""
import argparse
import gzip
import re
import sys
import unicodedata

# Bits, as lexicon.h defines them.
LEX_COMMON = 1 << 0
LEX_FORENAME = 1 << 1
LEX_SURNAME = 1 << 2
LEX_ALLOW = 1 << 3
LEX_PHRASE = 1 << 4
LEX_STREET = 1 << 5
LEX_INSTITUTION = 1 << 6
LEX_TITLE = 1 << 7
LEX_RANK = 1 << 8
LEX_KIN = 1 << 9
LEX_CALLED = 1 << 10
LEX_PARTICLE = 1 << 11
LEX_FUNCTION = 1 << 12
LEX_MODAL = 1 << 13
LEX_SHOP = 1 << 14
LEX_PLACE = 1 << 15

SECTION_BITS = {
    # allow.txt
    "agency": LEX_ALLOW, "legislation": LEX_ALLOW, "place": LEX_ALLOW | LEX_PLACE,
    "calendar": LEX_ALLOW, "clinical": LEX_ALLOW, "police": LEX_ALLOW,
    "brand": LEX_ALLOW, "other": LEX_ALLOW, "nationality": LEX_ALLOW,
    "shop": LEX_ALLOW | LEX_SHOP,
    "street": LEX_STREET, "institution": LEX_INSTITUTION,
    # cues.txt
    "title": LEX_TITLE, "rank": LEX_RANK, "kin": LEX_KIN, "called": LEX_CALLED,
    "particle": LEX_PARTICLE, "function": LEX_FUNCTION, "modal": LEX_MODAL,
}

SPECIAL = {
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ħ": "h", "Ħ": "h", "ı": "i", "ĳ": "ij", "Ĳ": "ij", "ŀ": "l", "Ŀ": "l",
    "ŉ": "n", "ſ": "s", "ƒ": "f", "ŋ": "n", "Ŋ": "n", "ĸ": "k", "Ɨ": "i", "ɨ": "i",
    "ƀ": "b", "Ƀ": "b", "ȼ": "c", "Ȼ": "c", "ɇ": "e", "Ɇ": "e", "ɍ": "r", "Ɍ": "r",
}

# Ranges lexicon.c looks up in the fold table; others are copied unchanged.
FOLD_RANGES = [(0xC0, 0x250), (0x1E00, 0x1F00)]


def fold_char(ch):
    """(folded ASCII string or '' to copy, is_letter, is_upper) for a table char."""
    if ch in SPECIAL:
        return SPECIAL[ch], True, ch != ch.lower() or ch in "ÆŒÞÐŁØĐĦĲĿŊƗɃȻɆɌ"
    cat = unicodedata.category(ch)
    if not cat.startswith("L"):
        return "", False, False
    base = unicodedata.normalize("NFD", ch)[0]
    up = cat == "Lu" or cat == "Lt"
    if base.isascii() and base.isalpha():
        return base.lower(), True, up
    return "", True, up


FOLD = {}
for lo, hi in FOLD_RANGES:
    for cp in range(lo, hi):
        FOLD[cp] = fold_char(chr(cp))


def fold(word):
    """The key of a word or phrase, as lexicon.c's lex_fold computes it."""
    out = []
    gap = False
    for ch in unicodedata.normalize("NFC", word):
        cp = ord(ch)
        if ch.isascii():
            if ch.isalnum():
                piece = ch.lower()
            elif ch == "'":
                continue
            else:
                gap = True
                continue
        elif cp in (0x2019, 0x2018, 0x02BC):
            continue
        elif 0x300 <= cp <= 0x36F:
            continue
        elif cp in FOLD:
            f, letter, _ = FOLD[cp]
            if not letter:
                gap = True
                continue
            piece = f if f else ch
        elif unicodedata.category(ch).startswith("L") or unicodedata.category(ch).startswith("N"):
            piece = ch
        else:
            gap = True
            continue
        if gap and out:
            out.append(" ")
        gap = False
        out.append(piece)
    return "".join(out)


def read_list(path):
    """Entries of one of our files: '#' comments, '[section]' headers,
    entries separated by white space, or one per line if the section is
    marked 'lines' (phrases)."""
    section, per_line = None, False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.fullmatch(r"\[([a-z-]+)( lines)?\]", line)
            if m:
                section, per_line = m.group(1), bool(m.group(2))
                continue
            if per_line:
                yield section, line
            else:
                for w in line.split():
                    yield section, w.replace("_", " ")


def textnames_tables(path):
    src = open(path, encoding="latin-1").read()
    out = {}
    for var in ("COMMON_MALE_FIRSTNAMES", "COMMON_FEMALE_FIRSTNAMES", "COMMON_SURNAMES"):
        m = re.search(r"\$" + var + r" = <<ENDNAMES;\n(.*?)\nENDNAMES", src, re.S)
        if not m:
            sys.exit("gen_lexicon: %s: table %s not found" % (path, var))
        out[var] = re.findall(r"([A-Z][A-Z'\-]*)\s+[\d.]+\s+[\d.]+\s+\d+", m.group(1))
    return out


def c_string(b):
    """Bytes as a C string literal using octal escapes (never ambiguous)."""
    s = []
    for x in b:
        c = chr(x)
        if 0x20 <= x < 0x7F and c not in '"\\?':
            s.append(c)
        else:
            s.append("\\%03o" % x)
    return '"' + "".join(s) + '"'


def fnv1a(b):
    h = 0x811C9DC5
    for x in b:
        h ^= x
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", required=True)
    ap.add_argument("--propernames", required=True)
    ap.add_argument("--textnames", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    bits = {}

    def add(word, b):
        k = fold(word)
        if k:
            bits[k] = bits.get(k, 0) | b
        return k

    with open(a.dict, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if w and w[0].islower() and not w.endswith("'s"):
                add(w, LEX_COMMON)

    not_names = {fold(w) for _, w in read_list(a.dir + "/not_names.txt")}

    def add_name(word, b):
        k = fold(word)
        if k and k not in not_names and len(k) >= 2:
            bits[k] = bits.get(k, 0) | b

    with gzip.open(a.propernames, "rt", encoding="utf-8", errors="replace") as f:
        for w in f:
            add_name(w.strip(), LEX_FORENAME)
    t = textnames_tables(a.textnames)
    for w in t["COMMON_MALE_FIRSTNAMES"] + t["COMMON_FEMALE_FIRSTNAMES"]:
        add_name(w, LEX_FORENAME)
    for w in t["COMMON_SURNAMES"]:
        add_name(w, LEX_SURNAME)
    for _, w in read_list(a.dir + "/uk_forenames.txt"):
        add_name(w, LEX_FORENAME)
    for _, w in read_list(a.dir + "/uk_surnames.txt"):
        add_name(w, LEX_SURNAME)

    # Nicknames: "Formal: Nick Nick ..." both ways; every form is a forename.
    groups = []
    with open(a.dir + "/nicknames.txt", encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            formal, _, rest = line.partition(":")
            forms = [fold(formal)] + [fold(x) for x in rest.split()]
            if not forms[0] or len(forms) < 2 or not all(forms):
                sys.exit("gen_lexicon: nicknames.txt: bad line: %s" % line)
            groups.append(forms)
            for k in forms:
                bits[k] = bits.get(k, 0) | LEX_FORENAME
    related = {}
    for forms in groups:
        formal, nicks = forms[0], forms[1:]
        for n in nicks:
            related.setdefault(formal, []).append(n)
            related.setdefault(n, []).append(formal)

    for fname in ("allow.txt", "cues.txt"):
        for section, w in read_list(a.dir + "/" + fname):
            if section not in SECTION_BITS:
                sys.exit("gen_lexicon: %s: unknown section [%s]" % (fname, section))
            k = add(w, SECTION_BITS[section])
            if " " in k and SECTION_BITS[section] in (LEX_ALLOW, LEX_ALLOW | LEX_PLACE):
                # names.c tries phrases from the word a token holds: without
                # a possessive ("Clare's Law" starts at "clare")
                first = re.split(r"[\s,.&]+", w.strip())[0]
                first = fold(re.sub(r"['\u2019]s?$", "", first))
                if first:
                    bits[first] = bits.get(first, 0) | LEX_PHRASE

    # Blob: "\0" then every key NUL-terminated, sorted for a stable output.
    keys = sorted(bits)
    blob = bytearray(b"\0")
    off = {}
    for k in keys:
        off[k] = len(blob)
        blob += k.encode("utf-8") + b"\0"
    if len(blob) >= 1 << 32:
        sys.exit("gen_lexicon: blob too large")

    # Nickname lists: blob offsets, each list ended by 0; index 0 is "none".
    nick = [0]
    nick_at = {}
    for k in keys:
        if k in related:
            nick_at[k] = len(nick)
            seen = []
            for r in related[k]:
                if r not in seen and r != k:
                    seen.append(r)
            nick += [off[r] for r in seen] + [0]
    if len(nick) >= 1 << 16:
        sys.exit("gen_lexicon: too many nickname entries")

    nslots = 1
    while nslots < 2 * len(keys):
        nslots <<= 1
    slots = [(0, 0)] * nslots
    for k in keys:
        h = fnv1a(k.encode("utf-8")) & (nslots - 1)
        while slots[h][0]:
            h = (h + 1) & (nslots - 1)
        slots[h] = (off[k], bits[k] | (nick_at.get(k, 0) << 16))

    # A 2^16-bit filter of the cue words' hashes, so names.c can skip the
    # lookup of most lower-case words (function words are left out: names.c
    # needs them only capitalised or in capitals, where it always looks up).
    cue_bits = LEX_TITLE | LEX_RANK | LEX_KIN | LEX_CALLED | LEX_PARTICLE | LEX_MODAL
    cue_filter = [0] * 2048
    for k in keys:
        if bits[k] & cue_bits:
            h = fnv1a(k.encode("utf-8"))
            for b in (h & 0xFFFF, h >> 16):
                cue_filter[b >> 5] |= 1 << (b & 31)

    o = []
    o.append("/* Generated by policy/lexicon/gen_lexicon.py: do not edit. */")
    o.append('#include "lexicon_data.h"\n')
    o.append("const uint32_t lex_nkeys = %d;" % len(keys))
    o.append("const uint32_t lex_slot_mask = %d;" % (nslots - 1))
    o.append("const char lex_blob[] =")
    line = []
    size = 0
    for i in range(0, len(blob), 64):
        o.append("\t" + c_string(blob[i:i + 64]))
    o.append(";")
    o.append("const struct lex_slot lex_slots[%d] = {" % nslots)
    for i in range(0, nslots, 8):
        o.append("\t" + " ".join("{%d, %d}," % s for s in slots[i:i + 8]))
    o.append("};")
    o.append("const uint32_t lex_nick[%d] = {" % len(nick))
    for i in range(0, len(nick), 12):
        o.append("\t" + " ".join("%d," % x for x in nick[i:i + 12]))
    o.append("};")
    o.append("const uint32_t lex_cue_filter[2048] = {")
    for i in range(0, 2048, 8):
        o.append("\t" + " ".join("%du," % x for x in cue_filter[i:i + 8]))
    o.append("};")
    for name, (lo, hi) in zip(("lex_fold_latin", "lex_fold_ext"), FOLD_RANGES):
        o.append("const struct lex_fold %s[%d] = {" % (name, hi - lo))
        for cp in range(lo, hi):
            f, letter, up = FOLD[cp]
            o.append("\t{%s, %d, %d}, /* U+%04X */" % (c_string(f.encode()), int(letter), int(up), cp))
        o.append("};")
    with open(a.out, "w", encoding="ascii") as f:
        f.write("\n".join(o) + "\n")


if __name__ == "__main__":
    main()
