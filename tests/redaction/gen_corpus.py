#!/usr/bin/env python3
"""Generate the annotated redaction corpus (tests/redaction/README.md).

    python3 tests/redaction/gen_corpus.py [--out DIR] [--count N] [--seed S]

Writes one JSON file per case, DIR/cNNNN.json:
    {"id": "c0001", "style": "cad", "case": {CaseSummary, proto3 JSON},
     "spans": [{"field", "text", "category", "at": [offsets], "owner",
                "withhold_from": [agencies], "exclude": [words]}, ...]}
Python 3 standard library only; the output depends only on the seed, so a
rerun reproduces the committed corpus byte for byte.

Every value is synthetic: phones in 07700 900xxx, 01632 960xxx and
020 7946 0xxx, NHS numbers 999xxxxxxx with a valid check digit, invented
names, streets, registrations and account numbers. Who a span must be
withheld from follows policy/default.yaml (see wf() below and the README).
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_names as N  # noqa: E402

SEED = 20261130
AGENCIES = ["police", "childrens_social_care", "adult_social_care", "health", "idva",
            "probation", "housing", "education"]
ALL = AGENCIES
VC = ["police", "idva"]
NOT_VC = [a for a in ALL if a not in VC]
CJ = ["police", "probation"]
SAFEG = [a for a in ALL if a not in CJ]
NEVER = {"refuge", "victim_location", "safe_times", "victim_contact"}


def minus(*xs):
    return [a for a in ALL if a not in xs]


# Who a span must be withheld from: policy/default.yaml read per owner. Third
# parties' data goes from everyone; the subjects' data from the agencies the
# policy does not give the matching structured field to.
WF = {
    "victim": {"gp_practice": minus("health"), "nhs_number": minus("health"),
               "dob": ["education"], "pnc_id": SAFEG, "crn": SAFEG, "address": NOT_VC,
               "workplace": NOT_VC, "vehicle": NOT_VC, "social_handle": NOT_VC,
               "phone": NOT_VC, "email": NOT_VC},
    "perp": {"address": ["adult_social_care", "health", "idva", "education"],
             "workplace": ["adult_social_care", "health", "idva", "education"],
             "phone": SAFEG, "email": SAFEG, "pnc_id": SAFEG, "crn": SAFEG,
             "nhs_number": minus("health"), "gp_practice": minus("health"),
             "dob": ["education"], "vehicle": SAFEG, "social_handle": SAFEG},
    "child": {"child_name": ["adult_social_care", "probation", "housing"],
              "school": ["adult_social_care", "health", "idva", "probation", "housing"],
              "dob": ["adult_social_care", "probation", "housing"],
              "nhs_number": minus("health", "childrens_social_care"),
              "gp_practice": minus("health"),
              "address": ["adult_social_care", "health", "probation", "housing", "education"]},
}


def wf(owner, cat):
    if cat in NEVER:
        return NOT_VC
    return WF.get(owner, {}).get(cat, ALL)


class Ctx:
    """One case being generated: its people, places and the random stream."""

    def __init__(self, rnd, idx):
        self.r = rnd
        self.idx = idx
        self.used_first = set()
        self.used_last = set()
        self.kept_words = set()    # words of names the policy shares: never a span's part
        self.unlisted = []         # unlisted third parties already mentioned (reused)
        self.word_surnames = []    # surnames that are also English words, in this case
        self.sentence_cats = set()

    # ---- random helpers ----
    def ch(self, xs):
        return self.r.choice(xs)

    def p(self, x):
        return self.r.random() < x


R = None  # set per case


# ---- identifiers -----------------------------------------------------------------------

def nhs_number(c):
    while True:
        d = [9, 9, 9] + [c.r.randrange(10) for _ in range(6)]
        s = sum(v * (10 - i) for i, v in enumerate(d))
        k = 11 - s % 11
        if k == 11:
            k = 0
        if k == 10:
            continue
        return "".join(map(str, d + [k]))


def mobile(c):
    return "07700900%03d" % c.r.randrange(1000)


def landline(c):
    if c.p(0.5):
        return "01632960%03d" % c.r.randrange(1000)
    return "02079460%03d" % c.r.randrange(1000)


WS_ODD = ["\u00a0", "\u202f", "\t", "  ", "\n", "\u2009"]


def fmt_phone(c, num, odd=None):
    """num: 11 digits starting 0. Returns a written form."""
    if odd is None:
        odd = c.p(0.55)
    mob = num.startswith("07")
    if mob:
        a, b = num[:5], num[5:]
        forms = [a + " " + b, num, a + " " + b[:3] + " " + b[3:], a + "-" + b,
                 "+44 " + a[1:] + " " + b, "+44 (0)" + a[1:] + " " + b, "+44" + num[1:],
                 "0044 " + a[1:] + " " + b, "(" + a + ") " + b, a + "." + b[:3] + "." + b[3:]]
    elif num.startswith("020"):
        forms = ["020 " + num[3:7] + " " + num[7:], "(020) " + num[3:7] + " " + num[7:],
                 num, "0207 " + num[4:7] + " " + num[7:], "+44 20 " + num[3:7] + " " + num[7:]]
    else:
        forms = ["01632 " + num[5:], "(01632) " + num[5:], num, "01632 " + num[5:8] + " " + num[8:],
                 "+44 1632 " + num[5:]]
    f = c.ch(forms)
    if odd:
        kind = c.r.randrange(7)
        if kind == 0:      # an odd space where the space is
            f = f.replace(" ", c.ch(WS_ODD), 1) if " " in f else f[:5] + c.ch(WS_ODD) + f[5:]
        elif kind == 1:    # en dash, em dash
            f = f.replace(" ", c.ch(["\u2013", " \u2013 ", "\u2014", "-"]))
        elif kind == 2:    # full-width digits
            f = "".join(chr(0xFF10 + int(x)) if x.isdigit() and c.p(0.7) else x for x in f)
        elif kind == 3:    # the letter O for zero
            f = "".join("O" if x == "0" and c.p(0.6) else x for x in f)
        elif kind == 4:    # double spaces
            f = f.replace(" ", "  ")
        elif kind == 5:    # dots
            f = re.sub(r"[ -]", ".", f)
        else:              # spaced digits
            f = " ".join(f.replace(" ", "")) if c.p(0.3) else f.replace(" ", " " * 3)
    return f


def postcode(c):
    a = c.ch(N.POSTCODE_AREAS)
    d = str(c.r.randrange(1, 30 if len(a) == 2 else 20))
    if len(a) == 1 and c.p(0.2):
        d = str(c.r.randrange(1, 9)) + c.ch("ABCDEFGHJKPSTUW")
    inward = str(c.r.randrange(10)) + "".join(c.ch("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    return a + d + " " + inward


def fmt_postcode(c, pc):
    f = c.r.randrange(6)
    if f == 0:
        return pc.lower()
    if f == 1:
        return pc.replace(" ", "")
    if f == 2:
        return pc.replace(" ", "  ")
    if f == 3:
        return pc.replace(" ", "\u00a0")
    return pc


def dob_date(c, y0, y1):
    return (c.r.randrange(y0, y1 + 1), c.r.randrange(1, 13), c.r.randrange(1, 29))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(d):
    return str(d) + ("th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


def fmt_date(c, ymd, style=None):
    y, m, d = ymd
    forms = ["%02d/%02d/%04d" % (d, m, y), "%d/%d/%04d" % (d, m, y), "%02d.%02d.%02d" % (d, m, y % 100),
             "%02d-%02d-%04d" % (d, m, y), "%04d-%02d-%02d" % (y, m, d),
             "%s %s %d" % (ordinal(d), MONTHS[m - 1], y), "%d %s %d" % (d, MONTHS[m - 1][:3], y),
             "%d %s %d" % (d, MONTHS[m - 1], y), "%02d/%02d/%02d" % (d, m, y % 100),
             "the %s of %s %d" % (ordinal(d), MONTHS[m - 1], y), "%02d %s %04d" % (d, MONTHS[m - 1][:3].upper(), y)]
    return forms[style] if style is not None else c.ch(forms)


PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"  # index 0 is Z (ident.h, MoJ PNCIdValidator)


def pnc(c):
    yy = c.r.randrange(0, 26)
    serial = c.r.randrange(1, 9999999)
    chk = PNC_LETTERS[int("%02d%07d" % (yy, serial)) % 23]
    if c.p(0.5):
        return "%02d/%07d%s" % (yy, serial, chk)
    return "20%02d/%07d%s" % (yy, serial, chk)


def crn(c):
    return c.ch("ABCDEFGHJKLMNPRSTUVWXYZ") + "%06d" % c.r.randrange(1000000)


def ni_number(c):
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p2 = c.ch(first) + c.ch(second)
        if p2 not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    dg = "%06d" % c.r.randrange(1000000)
    s = c.ch("ABCD")
    if c.p(0.5):
        return "%s %s %s %s %s" % (p2, dg[:2], dg[2:4], dg[4:], s)
    return p2 + dg + s


def passport(c):
    n = "%09d" % c.r.randrange(100000000, 999999999)
    return c.ch([n, n[:4] + " " + n[4:], n[:3] + " " + n[3:6] + " " + n[6:]])


def driving_licence(c, last, first, ymd, female):
    y, m, d = ymd
    s = re.sub(r"[^A-Z]", "", last.upper().replace("MAC", "MC"))[:5].ljust(5, "9")
    mm = m + (50 if female else 0)
    core = "%s%d%02d%02d%d%s%s9%s" % (s, (y // 10) % 10, mm, d, y % 10, first[0].upper(),
                                      "9", "".join(c.ch("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)))
    core = re.sub(r"[^A-Z0-9]", "9", core.upper())
    if c.p(0.4):
        return core[:5] + " " + core[5:11] + " " + core[11:]
    return core


def vehicle(c):
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    k = c.r.randrange(10)
    if k < 6:
        s = c.ch(L) + c.ch(L) + "%02d" % c.ch([51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
                                              65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13]) \
            + " " + "".join(c.ch(L) for _ in range(3))
    elif k < 8:
        s = c.ch("ABCDEFGHJKLMNPRSTVWXY") + str(c.r.randrange(1, 999)) + " " + "".join(c.ch(L) for _ in range(3))
    else:
        s = "".join(c.ch(L) for _ in range(3)) + " " + str(c.r.randrange(1, 999)) + c.ch("ABCDEFGHJKLMNPRSTVWXY")
    f = c.r.randrange(5)
    if f == 0:
        return s.replace(" ", "")
    if f == 1:
        return s.lower() if c.p(0.3) else s.replace(" ", "\u00a0")
    return s


def sort_account(c):
    sc = "%02d-%02d-%02d" % (c.r.randrange(10, 99), c.r.randrange(100), c.r.randrange(100))
    ac = "%08d" % c.r.randrange(10000000, 99999999)
    return c.ch([sc, sc.replace("-", " "), sc.replace("-", "")]), ac


def handle(c, first, last):
    base = c.ch([first.lower(), first.lower()[:4] + last.lower()[:1], last.lower(), c.ch(["chunk", "lilbabe", "queenb", "dazzaboi", "princess", "lad", "mrs_x", "fitbaby", "bossman"])])
    base = re.sub(r"[^a-z]", "", base) or "user"
    tail = c.ch(["", "_", "."]) + c.ch([str(c.r.randrange(10, 999)), "x", "xx", str(c.r.randrange(80, 99))])
    return base + tail


def email_for(c, first, last, professional=False):
    f = re.sub(r"[^a-z]", "", strip_acc(first).lower()) or "x"
    l = re.sub(r"[^a-z]", "", strip_acc(last).lower()) or "y"
    if professional:
        dom = c.ch(["example.gov.uk", "nhs.example.net", "example-council.gov.uk", "example.police.uk", "example.org.uk"])
        return c.ch([f + "." + l, f[0] + "." + l, f + l]) + "@" + dom
    return c.ch([f + "." + l, f + l[:1] + str(c.r.randrange(70, 99)), f + "_" + l, l + f[:1], f + str(c.r.randrange(1, 999))]) + "@" + c.ch(["example.com", "example.org", "example.net", "example.co.uk"])


ACC = str.maketrans("áéíóúÁÉÍÓÚàèìòùâêîôûŷŶäëïöüłŁńśźżŻŚąęćĆȚțșȘăĂîÎŞşòÒ", "aeiouAEIOUaeiouaeiouyYaeiouAlnszzZSaecCTtsSaAiISsoO")


def strip_acc(s):
    return s.translate(ACC)


def obfuscate_email(c, e):
    local, dom = e.split("@")
    k = c.r.randrange(4)
    if k == 0:
        return local.replace(".", " dot ") + " at " + dom.replace(".", " dot ")
    if k == 1:
        return local + "[at]" + dom.replace(".", "[dot]")
    if k == 2:
        return local + " (at) " + dom
    return local + " @ " + dom


# ---- people --------------------------------------------------------------------------

ORIGINS = list(N.FEMALE.keys())


def pick_surname(c, origin, female):
    pool = N.SURNAMES["word"] if (origin == "english" and c.p(0.45)) else N.SURNAMES[origin]
    for _ in range(50):
        s = c.ch(pool)
        if isinstance(s, tuple):
            s = s[0] if female else s[1]
        if s not in c.used_last:
            return s
    return s


def new_person(c, female, origin=None, surname=None, child=False):
    origin = origin or c.ch(ORIGINS)
    for _ in range(100):
        if child:
            first = c.ch(N.CHILD_F if female else N.CHILD_M)
        else:
            first = c.ch((N.FEMALE if female else N.MALE)[origin])
        if first not in c.used_first and first not in c.used_last:
            break
    last = surname or pick_surname(c, origin, female)
    c.used_first.add(first)
    c.used_last.add(last)
    if last in N.SURNAMES["word"]:
        c.word_surnames.append(last)
    return {"first": first, "last": last, "female": female, "origin": origin}


def full(p):
    return p["first"] + " " + p["last"]


def mis1(c, s):
    """A one-edit misspelling (surnames of five letters or more)."""
    i = c.r.randrange(1, len(s) - 1)
    k = c.r.randrange(3)
    if k == 0:
        return s[:i] + s[i + 1:]
    if k == 1 and s[i] != s[i + 1]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i] + s[i:]


# ---- segments and labels -----------------------------------------------------------------

def lab(cat, owner=None, exclude=None):
    d = {"category": cat}
    if owner:
        d["owner"] = owner
    if exclude:
        d["exclude"] = sorted(set(exclude))
    return d


def sens(c, text, cat, owner="third"):
    """A sensitive segment; words of shared names are not its identifying parts."""
    words = re.findall(r"[^\W\d_]+", text)
    ex = [w for w in words if w.lower() in c.kept_words]
    return [(text, lab(cat, owner, ex))]


def keep(text, cat):
    return [(text, {"category": cat})]


def lit(text):
    return [(text, None)]


# ---- address forms -------------------------------------------------------------------------

def street(c, abbrev=None):
    if c.p(0.07):
        return c.ch(N.WELSH_STREETS)
    st = c.ch(N.STREET_FIRST)
    t = c.ch(N.STREET_TYPE)
    if abbrev is None:
        abbrev = c.p(0.3)
    return st + " " + (t[1] if abbrev else t[0])


def house_no(c):
    n = c.r.randrange(1, 240)
    k = c.r.randrange(10)
    if k < 6:
        return str(n)
    if k < 8:
        return "%d%s" % (n, c.ch("abc"))
    return "Flat %d, %d%s" % (c.r.randrange(1, 30), n, c.ch(["", "a", "b"]))


def new_address(c, with_town=True):
    k = c.r.randrange(10)
    if k < 6:
        line = house_no(c) + " " + street(c)
    elif k < 8:
        line = "Flat %d, %s, %s" % (c.r.randrange(1, 40), c.ch(N.BUILDINGS), street(c))
    elif k < 9:
        line = c.ch(N.HOUSE_NAMES) + ", " + street(c)
    else:
        line = "Flat %d/%d, %d %s" % (c.r.randrange(0, 4), c.r.randrange(1, 3), c.r.randrange(1, 200), street(c))
    town = c.ch(N.TOWNS)
    return {"line": line, "town": town, "postcode": postcode(c)}


ABBR = [("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Crescent", "Cres"), ("Close", "Cl"),
        ("Court", "Ct"), ("Lane", "Ln"), ("Drive", "Dr"), ("Gardens", "Gdns"), ("Terrace", "Terr"),
        ("Grove", "Gr"), ("Place", "Pl"), ("Square", "Sq")]


def respell_line(c, line):
    """The same address written differently: abbreviation, case, punctuation."""
    out = line
    for a, b in ABBR:
        if re.search(r"\b%s\b" % a, out):
            out = re.sub(r"\b%s\b" % a, b + c.ch(["", "."]), out)
            break
        if re.search(r"\b%s\b" % b, out):
            out = re.sub(r"\b%s\b" % b, a, out)
            break
    k = c.r.randrange(4)
    if k == 0:
        out = out.upper()
    elif k == 1:
        out = out.replace(",", "")
    elif k == 2:
        out = re.sub(r"^(\d+)", r"\1,", out)
    return out


def addr_text(c, a, town=None, pc=None):
    if town is None:
        town = c.p(0.5)
    if pc is None:
        pc = c.p(0.25)
    s = a["line"]
    if town:
        s += c.ch([", ", " ", ",\n"]) + a["town"]
    if pc:
        s += c.ch([", ", " ", "  "]) + fmt_postcode(c, a["postcode"])
    return s


# ---- slots ---------------------------------------------------------------------------------

def v_name(c, form=None):
    v = c.victim
    forms = [full(v), v["first"], "Ms " + v["last"], v["last"].upper() + ", " + v["first"],
             v["first"] + " " + v["last"].upper(), full(v).upper()]
    if v.get("nick"):
        forms += [v["nick"], v["nick"]]
    return keep(c.ch(forms) if form is None else forms[form], "keep_subject_name")


def p_name(c, i=0, form=None):
    p = c.perps[min(i, len(c.perps) - 1)]
    forms = [full(p), p["first"], "Mr " + p["last"], p["last"].upper() + ", " + p["first"],
             p["last"].upper() + " " + p["first"], full(p).upper(), p["first"] + " " + p["last"].upper()]
    if p.get("nick"):
        forms += [p["nick"], "'" + p["nick"] + "'"]
    return keep(c.ch(forms) if form is None else forms[form], "keep_subject_name")


def child_ref(c, first_only=None):
    if not c.children:
        return lit(c.ch(["the children", "the baby", "the kids"]))
    ch = c.ch(c.children)
    if first_only is None:
        first_only = c.p(0.6)
    t = ch["first"] if first_only else c.ch([full(ch), ch["first"] + " (%d)" % ch["age"], ch["first"].upper()])
    if "(" in t:
        nm, rest = t.split(" (", 1)
        return sens(c, nm, "child_name", "child") + lit(" (" + rest)
    return sens(c, t, "child_name", "child")


KIN_F = ["sister", "mum", "mother", "nan", "aunt", "auntie", "cousin", "sister-in-law", "step-mum",
         "best friend", "friend", "colleague", "ex-partner's sister", "niece", "daughter from a previous relationship"]
KIN_M = ["brother", "dad", "father", "uncle", "cousin", "brother-in-law", "step-dad", "friend",
         "new partner", "grandad", "ex", "lodger", "nephew", "son's father"]


def unlisted(c, female=None, origin=None, same_surname=None, kind="tp"):
    """A person no structured field lists; sometimes one already mentioned."""
    pool = [p for k, p in c.unlisted if k == kind and (female is None or p["female"] == female)]
    if pool and c.p(0.3):
        return c.ch(pool)
    female = c.p(0.6) if female is None else female
    p = new_person(c, female, origin=origin or (c.victim["origin"] if c.p(0.5) else None), surname=same_surname)
    c.unlisted.append((kind, p))
    return p


def tp_name_form(c, p):
    forms = [p["first"], p["first"], full(p), full(p), p["last"].upper() + ", " + p["first"],
             ("Mrs " if p["female"] else "Mr ") + p["last"], p["first"] + " " + p["last"][0],
             p["first"][0] + ". " + p["last"]]
    if p["first"] in N.NICK:
        forms.append(c.ch(N.NICK[p["first"]]))
    return c.ch(forms)


def slot_tp(c, arg=None):
    """An unlisted third party with the words that introduce them."""
    k = c.r.randrange(14)
    if k < 5:
        female = c.p(0.6)
        same = None
        if c.p(0.25):
            same = c.ch([c.victim["last"], c.perps[0]["last"]])
        p = unlisted(c, female, same_surname=same)
        if same:
            p = dict(p)
            p["last"] = same
            nm = c.ch([p["first"], full(p), p["first"] + " " + same.upper()])
        else:
            nm = tp_name_form(c, p)
        pron = c.ch(["her ", "his ", "the victim's ", "V's ", "her "])
        kin = c.ch(KIN_F if female else KIN_M)
        sep = c.ch([" ", " ", ", ", " - ", " ("])
        segs = lit(pron + kin + sep) + sens(c, nm, "third_party_name")
        return segs + lit(")" if sep == " (" else "")
    if k < 7:
        p = unlisted(c)
        nb = "number %d" % c.r.randrange(1, 120) if c.p(0.5) else c.ch(["no. %d", "No %d", "#%d"]) % c.r.randrange(1, 120)
        title = ("Mrs " if p["female"] else "Mr ") + p["last"] if c.p(0.6) else full(p)
        pre = c.ch(["neighbour ", "the neighbour ", "next door neighbour ", "", "a neighbour, "])
        return lit(pre) + sens(c, title, "third_party_name") + lit(c.ch([" at ", " who lives at ", " from "])) + sens(c, nb, "address")
    if k < 9:
        p = unlisted(c, female=c.p(0.7))
        cue = c.ch(["a friend called ", "a friend named ", "a woman called ", "a man known as ", "someone called ",
                    "her friend ", "a friend, ", "his mate ", "a lad called ", "an associate known as "])
        nm = c.ch([p["first"], p["first"], full(p), c.ch(N.STREET_NICK)])
        if nm in c.used_first or nm.lower() in c.kept_words:
            nm = p["first"]
        q = c.ch(["", "'", '"'])
        return lit(cue + q) + sens(c, nm, "third_party_name") + lit(q)
    if k < 11:
        p = unlisted(c)
        return lit(c.ch(["Witness: ", "witness ", "W/ ", "Informant: ", "INFORMANT "])) + sens(c, p["last"].upper() + ", " + p["first"], "third_party_name")
    p = unlisted(c)
    nm = c.ch([full(p), p["first"]])
    return lit(c.ch(["her ex ", "his new girlfriend ", "her new partner ", "her landlord ", "the ex-partner's mother "])) + sens(c, nm, "third_party_name")


PRO_TITLES = [("DC", True), ("PC", True), ("PS", True), ("DS", False), ("PCSO", True), ("HV", False),
              ("SW", False), ("Dr", False), ("CPN", False), ("Midwife", False), ("IDVA", False),
              ("Probation Officer", False), ("housing officer", False), ("DSL", False), ("Nurse", False),
              ("social worker", False), ("Family Support Worker", False), ("teacher", False), ("PO", False)]


def slot_tpn(c, arg=None):
    p = unlisted(c, female=None if arg is None else arg == "f")
    return sens(c, c.ch([full(p), full(p), p["first"] + " " + p["last"].upper(), p["last"].upper() + " " + p["first"]]), "third_party_name")


def sender(c):
    if getattr(c, "sender", None) is None:
        p = unlisted(c, kind="sender")
        c.sender = (p, email_for(c, p["first"], p["last"], professional=True))
    return c.sender


def slot_sender(c, arg=None):
    p, e = sender(c)
    return sens(c, full(p), "third_party_name") + lit(" <") + sens(c, e, "email") + lit(">")


def slot_signame(c, arg=None):
    p, e = sender(c)
    return sens(c, c.ch([full(p), p["first"] + " " + p["last"].upper(), p["first"]]), "third_party_name")


def slot_sigemail(c, arg=None):
    p, e = sender(c)
    return sens(c, e, "email")


def slot_pro(c, arg=None):
    p = unlisted(c, female=c.p(0.6), kind="pro")
    t, collar = c.ch(PRO_TITLES)
    if collar:
        k = c.r.randrange(3)
        num = str(c.r.randrange(1000, 9999))
        nm = [t + " " + num + " " + p["last"].upper(), t + " " + num + " " + p["last"], t + " " + p["last"] + " " + num][k]
    else:
        if t == "Dr" or c.p(0.3):
            nm = t + " " + (p["last"] if c.p(0.6) else full(p))
        else:
            nm = t + " " + c.ch([full(p), p["first"], p["first"] + " " + p["last"].upper()])
    if c.p(0.15):
        nm = nm.upper()
    return sens(c, nm, "third_party_name")


def listed_other(c, i=None):
    if not c.others:
        return slot_tp(c)
    o = c.others[c.r.randrange(len(c.others))] if i is None else c.others[i]
    k = c.r.randrange(10)
    if k < 3:
        return sens(c, full(o), "third_party_name")
    forms = [o["first"], ("Mrs " if o["female"] else "Mr ") + o["last"], o["last"].upper() + ", " + o["first"],
             o["first"][0] + ". " + o["last"], o["first"] + " " + o["last"].upper()]
    if o["first"] in N.NICK:
        forms += [c.ch(N.NICK[o["first"]])] * 2
    if len(o["last"]) >= 5 and " " not in o["last"]:
        forms += [o["first"] + " " + mis1(c, o["last"]), ("Mrs " if o["female"] else "Mr ") + mis1(c, o["last"])]
    return sens(c, c.ch(forms), "listed_name_variant")


def slot_loc(c, arg=None):
    """Where the victim is: refuge, a new address, someone she stays with."""
    if c.refuge and c.p(0.45):
        rf = c.refuge
        k = c.r.randrange(7)
        st = re.sub(r"^\d+\w? ", "", rf["line"])
        if k == 0:
            return lit(c.ch(["in the refuge on ", "at the refuge on ", "in a refuge on "])) + sens(c, st, "refuge", "victim")
        if k == 1:
            return lit("at the refuge, ") + sens(c, respell_line(c, rf["line"]), "refuge", "victim")
        if k == 2:
            return lit(c.ch(["in refuge in ", "in a refuge in ", "to a refuge in "])) + sens(c, rf["town"], "refuge", "victim")
        if k == 3:
            return lit("at ") + sens(c, addr_text(c, rf, pc=True), "refuge", "victim") + lit(" (refuge)")
        if k == 4:
            return lit("in the ") + sens(c, st, "refuge", "victim") + lit(" refuge")
        if k == 5:
            return lit("in refuge (") + sens(c, fmt_postcode(c, rf["postcode"]), "refuge", "victim") + lit(")")
        return lit("at ") + sens(c, rf["house"], "refuge", "victim") + lit(c.ch([", the refuge", " refuge", " (women's refuge)"]))
    k = c.r.randrange(11)
    a = new_address(c)
    if k == 0:
        return lit(c.ch(["at ", "at ", "living at ", "at the address "])) + sens(c, addr_text(c, a), "victim_location", "victim")
    if k == 1:
        f = c.p(0.5)
        return lit("with her " + c.ch(KIN_F if f else KIN_M) + " at ") + sens(c, addr_text(c, a, town=c.p(0.4)), "victim_location", "victim")
    if k == 2:
        return lit(c.ch(["at her mum's in ", "at her sister's in ", "with family in ", "sofa surfing in ", "at her nan's in "])) + sens(c, a["town"], "victim_location", "victim")
    if k == 3:
        p = unlisted(c, female=True)
        return lit("with ") + sens(c, p["first"], "third_party_name") + lit(" on ") + sens(c, re.sub(r"^[\w/, ]*?\d+\w? ", "", a["line"]).split(", ")[-1], "victim_location", "victim")
    if k == 4:
        return lit("in temporary accommodation at ") + sens(c, "%s, %s" % (c.ch(N.BUILDINGS), a["town"]), "victim_location", "victim")
    if k == 5:
        return lit("in a B&B on ") + sens(c, street(c) + ", " + a["town"], "victim_location", "victim")
    if k == 6:
        return lit("at the ") + sens(c, c.ch(["Premier Inn", "Travelodge", "Holiday Inn Express"]) + " in " + a["town"], "victim_location", "victim")
    if k == 7:
        return lit("at her new address, ") + sens(c, addr_text(c, a, pc=True), "victim_location", "victim")
    if k == 8:
        return lit(c.ch(["at ", "at ", "at the flat at "])) + sens(c, a["line"], "victim_location", "victim")
    if k == 9:
        return lit(c.ch(["at a friend's on ", "at her cousin's flat on "])) + sens(c, street(c), "victim_location", "victim")
    return lit("in ") + sens(c, a["town"], "victim_location", "victim") + lit(c.ch([" with her sister", " with her parents", " with friends"]))


SAFE_TIMES = ["after 10am when he is at work", "Tues/Thurs mornings only", "between 1 and 3pm while the kids are at school",
              "before 8.30am", "weekday lunchtimes (12-2)", "any time after 7pm except Fridays",
              "only on Mondays between 9 and 11", "when he is at the gym on Wednesday evenings",
              "Mon-Fri 09:30-14:30", "not at weekends, weekdays 10-12 only", "after he leaves for work at 7",
              "Tuesday and Thursday 10:00 to 12:00", "in her lunch break, 12:30-13:15",
              "while he is at football on Saturday mornings", "after the school run, 9.15 to 11",
              "only when he is on nights (Sun-Wed)", "between 2pm and 2.45pm on weekdays",
              "early morning before 7am", "Wednesdays after 1pm when he signs on",
              "after 9pm when he's asleep", "on Fridays when he visits his mum"]


def slot_safe(c, arg=None):
    return sens(c, c.ch(SAFE_TIMES), "safe_times", "victim")


def slot_vphone(c, arg=None):
    num = c.ch(c.victim["phones"])
    return sens(c, fmt_phone(c, num), "victim_contact", "victim")


def slot_vemail(c, arg=None):
    e = c.victim["email"]
    return sens(c, obfuscate_email(c, e) if c.p(0.4) else (e.upper() if c.p(0.1) else e), "victim_contact", "victim")


def slot_vaddr(c, arg=None):
    a = c.victim["addr"]
    k = c.r.randrange(4)
    if k == 0:
        return sens(c, respell_line(c, a["line"]), "victim_contact", "victim")
    if k == 1:
        return sens(c, addr_text(c, a, town=True), "victim_contact", "victim")
    if k == 2:
        return sens(c, fmt_postcode(c, a["postcode"]), "victim_contact", "victim")
    return sens(c, a["line"] + ", " + fmt_postcode(c, a["postcode"]), "victim_contact", "victim")


def owner_of(c, arg):
    if arg in ("victim", "perp", "child", "third"):
        return arg
    return c.ch(["third", "third", "perp", "victim"])


def slot_phone(c, arg=None):
    ow = owner_of(c, arg)
    if ow == "victim":
        return slot_vphone(c)
    num = c.perps[0]["phones"][0] if ow == "perp" and c.p(0.6) else (mobile(c) if c.p(0.8) else landline(c))
    t = fmt_phone(c, num)
    if c.p(0.15):
        pre = c.ch(["tel", "mob:", "Tel:", "m.", "ph"])
        return sens(c, pre + t.replace(" ", ""), "phone", ow)
    return sens(c, t, "phone", ow)


def slot_email(c, arg=None):
    ow = owner_of(c, arg)
    if ow == "victim":
        return slot_vemail(c)
    p = c.perps[0] if ow == "perp" else unlisted(c)
    e = email_for(c, p["first"], p["last"])
    return sens(c, obfuscate_email(c, e) if c.p(0.45) else e, "email", ow)


def slot_nhs(c, arg=None):
    ow = owner_of(c, arg)
    n = nhs_number(c)
    f = c.ch([n, n[:3] + " " + n[3:6] + " " + n[6:], n[:3] + "-" + n[3:6] + "-" + n[6:],
              n[:3] + "\u00a0" + n[3:6] + "\u00a0" + n[6:], n[:3] + " " + n[3:6] + "\n" + n[6:],
              "".join(chr(0xFF10 + int(x)) for x in n), n[:3] + "  " + n[3:6] + "  " + n[6:]])
    return sens(c, f, "nhs_number", ow)


def slot_ni(c, arg=None):
    return sens(c, ni_number(c), "ni_number", owner_of(c, arg))


def slot_pnc(c, arg=None):
    ow = arg or "perp"
    v = c.perps[0]["pnc"] if ow == "perp" and c.p(0.5) else pnc(c)
    return sens(c, v, "pnc_id", ow)


def slot_crn(c, arg=None):
    return sens(c, crn(c), "crn", arg or "perp")


def slot_passport(c, arg=None):
    ow = owner_of(c, arg)
    if ow == "child" and not c.children:
        ow = "third"
    return sens(c, passport(c), "passport", ow)


def slot_dl(c, arg=None):
    ow = owner_of(c, arg)
    p = c.perps[0] if ow == "perp" else (c.victim if ow == "victim" else unlisted(c))
    return sens(c, driving_licence(c, strip_acc(p["last"]), strip_acc(p["first"]), dob_date(c, 1970, 2003), p["female"]), "driving_licence", ow)


def slot_bank(c, arg=None):
    ow = owner_of(c, arg)
    sc, ac = sort_account(c)
    k = c.r.randrange(4)
    if k == 0:
        return lit("sort code ") + sens(c, sc, "bank", ow) + lit(" account ") + sens(c, ac, "bank", ow)
    if k == 1:
        return lit("s/c ") + sens(c, sc, "bank", ow) + lit(" a/c ") + sens(c, ac, "bank", ow)
    if k == 2:
        return lit("account no. ") + sens(c, ac, "bank", ow)
    return lit("bank details ") + sens(c, sc + " " + ac, "bank", ow)


def slot_reg(c, arg=None):
    ow = owner_of(c, arg)
    r = vehicle(c)
    k = c.r.randrange(4)
    if k == 0:
        return lit("a %s %s, reg " % (c.ch(N.COLOURS), c.ch(N.CAR_MAKES))) + sens(c, r, "vehicle", ow)
    if k == 1:
        return lit("VRM ") + sens(c, r, "vehicle", ow)
    if k == 2:
        return sens(c, r, "vehicle", ow) + lit(" (%s %s)" % (c.ch(N.COLOURS), c.ch(N.CAR_MAKES)))
    return lit("vehicle ") + sens(c, r, "vehicle", ow)


def slot_handle(c, arg=None):
    ow = owner_of(c, arg)
    p = c.perps[0] if ow == "perp" else (c.victim if ow == "victim" else unlisted(c))
    h = handle(c, strip_acc(p["first"]), strip_acc(p["last"]))
    k = c.r.randrange(6)
    if k == 0:
        return lit("on Snapchat as ") + sens(c, h, "social_handle", ow)
    if k == 1:
        return lit("on Instagram as ") + sens(c, "@" + h, "social_handle", ow)
    if k == 2:
        return lit("via TikTok (") + sens(c, "@" + h, "social_handle", ow) + lit(")")
    if k == 3:
        return lit("on Facebook as ") + sens(c, "'%s %s'" % (p["first"], c.ch(["Marie", "Babe", "x", "Official", "Jnr"])), "social_handle", ow)
    if k == 4:
        return lit("on WhatsApp/Snap (") + sens(c, h, "social_handle", ow) + lit(")")
    return lit("on X, ") + sens(c, "@" + h, "social_handle", ow)


def slot_dob(c, arg=None):
    ow = owner_of(c, arg)
    if ow == "child" and not c.children:
        ow, ymd = "third", dob_date(c, 2008, 2025)   # a child the case does not list
    elif ow == "child":
        ch = c.ch(c.children)
        ymd = ch["dob"]
    elif ow == "perp":
        ymd = c.perps[0]["dob"]
    elif ow == "victim":
        ymd = c.victim["dob"]
    else:
        ymd = dob_date(c, 1950, 2005)
    cue = c.ch(["DOB ", "DOB: ", "D.O.B. ", "d.o.b ", "born ", "born on ", "b. ", "DoB ", "(DOB ", "dob:"])
    t = fmt_date(c, ymd)
    segs = lit(cue) + sens(c, t, "dob", ow)
    if cue.startswith("("):
        segs += lit(")")
    return segs


def school_name(c):
    f = c.ch(N.SCHOOL_FORMS)
    return f.format(x=c.ch(N.SCHOOL_X), s=c.ch(N.SAINTS), w=c.ch(N.WELSH_SCHOOL), g=c.ch(N.GAELIC_SCHOOL), i=c.ch(N.IRISH_SCHOOL))


def gp_name(c):
    return c.ch(N.GP_FORMS).format(x=c.ch(N.GP_X), s=c.ch(N.SURNAMES["south_asian"] + N.SURNAMES["english"]))


def slot_school(c, arg=None):
    if c.children and c.p(0.7):
        ch = c.ch(c.children)
        t = ch["school"]
        if c.p(0.3):
            t = t.replace("Primary School", "Primary").replace("School", "Sch")
        return sens(c, t, "school", "child")
    return sens(c, school_name(c), "school", "child")


def slot_gp(c, arg=None):
    ow = arg or c.ch(["victim", "victim", "perp", "child"])
    if ow == "victim" and c.p(0.6):
        return sens(c, c.victim["gp"], "gp_practice", "victim")
    return sens(c, gp_name(c), "gp_practice", ow)


def slot_work(c, arg=None):
    ow = arg or c.ch(["victim", "victim", "perp", "third"])
    t = c.ch(N.WORKPLACES).format(st=street(c), town=c.ch(N.TOWNS), x=c.ch(N.GP_X + N.STREET_FIRST),
                                  sur=c.ch(N.SURNAMES["english"]))
    if t.startswith("the "):
        return lit("the ") + sens(c, t[4:], "workplace", ow)
    return sens(c, t, "workplace", ow)


def slot_addr3(c, arg=None):
    ow = arg or "third"
    if ow == "perp":
        a = c.perps[0]["addr"]
        return sens(c, c.ch([a["line"], addr_text(c, a), respell_line(c, a["line"])]), "address", "perp")
    return sens(c, addr_text(c, new_address(c)), "address", "third")


# ---- must-keep slots -----------------------------------------------------------------

def slot_ag(c, arg=None):
    return keep(c.ch(N.AGENCIES_KEEP), "keep_agency")


def slot_law(c, arg=None):
    return keep(c.ch(N.LEGISLATION), "keep_legislation")


def slot_ref(c, arg=None):
    k = c.r.randrange(9)
    d, m = c.r.randrange(1, 29), c.r.randrange(1, 13)
    n = c.r.randrange(10, 9999)
    t = ["CAD %d %02d/%02d" % (n, d, m), "crime ref %d/%05d/%02d" % (c.r.randrange(10, 99), c.r.randrange(100000), c.ch([24, 25, 26])),
         "incident %04d of %02d/%02d/2025" % (n, d, m), "Log %d %02d/%02d" % (n, d, m), "CRIS %07d/25" % c.r.randrange(10000000),
         "occurrence 25/%06d" % c.r.randrange(1000000), "URN %02dAB%07d" % (c.r.randrange(10, 99), c.r.randrange(10000000)),
         "CAD%d/%02d%02d" % (n, d, m), "Niche ref 1400%07d" % c.r.randrange(10000000)][k]
    return keep(t, "keep_reference")


def slot_time(c, arg=None):
    h, mi = c.r.randrange(0, 24), c.ch([0, 5, 10, 15, 20, 30, 40, 45, 50])
    t = c.ch(["%02d:%02d" % (h, mi), "%02d%02d hrs" % (h, mi), "%02d%02dhrs" % (h, mi), "%d.%02d%s" % (h % 12 or 12, mi, "pm" if h >= 12 else "am"),
              "approx %02d%02d" % (h, mi), "%d%s" % (h % 12 or 12, "pm" if h >= 12 else "am")])
    return keep(t, "keep_time")


def slot_money(c, arg=None):
    return keep(c.ch(["£%d" % c.r.randrange(5, 900), "£%d,%03d" % (c.r.randrange(1, 9), c.r.randrange(1000)),
                      "£%d.%02d" % (c.r.randrange(1, 300), c.r.randrange(100)), "£%d a week" % c.r.randrange(20, 200),
                      "£%dk" % c.r.randrange(2, 40), "%d pounds" % c.r.randrange(10, 500)]), "keep_money")


def slot_date(c, arg=None):
    d, m = c.r.randrange(1, 29), c.r.randrange(1, 13)
    y = c.ch([2024, 2025, 2026])
    return keep(c.ch(["%02d/%02d/%d" % (d, m, y), "%s %s" % (ordinal(d), MONTHS[m - 1]), "%s" % c.ch(WEEKDAYS),
                      "%02d/%02d/%d" % (d, m, y), "%s %s" % (c.ch(WEEKDAYS), ordinal(d)), "%02d.%02d.%02d" % (d, m, y % 100),
                      "%d %s %d" % (d, MONTHS[m - 1][:3], y), "%s %d" % (MONTHS[m - 1], y), "%s night" % c.ch(WEEKDAYS)]), "keep_date")


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

KEEP_TOWNS = ["{t} Magistrates' Court", "{t} Crown Court", "{t} Royal Infirmary", "{t} General Hospital",
              "the custody suite at {t}", "{t} bus station", "on holiday in Blackpool", "{t} Family Court",
              "HMP Humber", "HMP Hull", "HMP Cardiff", "Diana, Princess of Wales Hospital", "A&E at {t}"]


def slot_town(c, arg=None):
    return keep(c.ch(KEEP_TOWNS).format(t=c.ch(N.TOWNS)), "keep_other")


def slot_misc(c, arg=None):
    return keep(c.ch(["DASH", "Q14", "the RIC", "MARAC", "Q10-12", "RAG rating", "A&E", "ED", "MASH strategy meeting",
                      "ICPC", "RCPC", "CIN plan", "CP plan", "PLO", "TAC meeting", "CAF", "safety plan", "RESPECT programme"]), "keep_other")


CW = {
    "Green": ["He drives a {=keep_common_word:Green Vauxhall} Corsa.", "He was wearing a {=keep_common_word:green hoodie}.",
              "Put the knife in the {=keep_common_word:green bin}.", "Police gave the {=keep_common_word:green light} for contact."],
    "Young": ["Referred to {=keep_common_word:Young Carers}.", "The children are {=keep_common_word:very young}.",
              "{=keep_common_word:Young people} on the estate filmed it."],
    "May": ["Review booked for {=keep_common_word:9th May}.", "He {=keep_common_word:may be} released next week.",
            "She said she {=keep_common_word:may return} to him.", "Last seen in {=keep_common_word:May 2025}."],
    "Hope": ["{=keep_common_word:There is hope} she will engage.", "She {=keep_common_word:hopes to} move area.",
             "{=keep_common_word:Hope she} keeps the appointment."],
    "Rose": ["{=keep_common_word:Tensions rose} after the court date.", "He has a {=keep_common_word:rose tattoo} on his neck.",
             "The arrears {=keep_common_word:rose to} a level she could not pay."],
    "Worker": ["Allocated {=keep_common_word:social worker} is on leave.", "Her {=keep_common_word:support worker} attended.",
               "{=keep_common_word:Family Support Worker} to visit weekly."],
    "Bird": ["He smashed the {=keep_common_word:bird feeder}.", "An {=keep_common_word:early bird} appointment was offered."],
    "King": ["He bought a {=keep_common_word:king-size bed} on finance.", "They met at {=keep_common_word:Burger King}."],
    "Brown": ["He left a {=keep_common_word:brown envelope} of cash.", "Suspect has {=keep_common_word:brown eyes}.",
              "Seen getting into a {=keep_common_word:Brown Vauxhall} Astra."],
    "Walker": ["The baby's {=keep_common_word:baby walker} was thrown.", "A {=keep_common_word:dog walker} called 999."],
    "Marsh": ["He dumped her phone on {=keep_common_word:the marsh} behind the estate."],
    "White": ["A {=keep_common_word:white van} was seen.", "The school runs {=keep_common_word:White Ribbon} sessions."],
    "Wood": ["He took a {=keep_common_word:piece of wood} to the door."],
    "Hill": ["She ran {=keep_common_word:up the hill} to the shop."],
    "Moss": ["She slipped on {=keep_common_word:moss on the path}."],
    "Fox": ["He blamed {=keep_common_word:a fox} for the bins."],
    "Stone": ["A {=keep_common_word:stone} went through the window.", "She has {=keep_common_word:lost a stone} in weight."],
    "Hunt": ["He is on a {=keep_common_word:job hunt}."],
    "Banks": ["She relies on {=keep_common_word:food banks}."],
    "Little": ["There is {=keep_common_word:little support} from family."],
    "Best": ["A {=keep_common_word:best interests} decision was made."],
    "Sharp": ["He held a {=keep_common_word:sharp knife} to her throat."],
    "Waters": ["Her {=keep_common_word:waters broke} early."],
    "Swift": ["There was a {=keep_common_word:swift response} from units."],
    "Field": ["The children play on {=keep_common_word:the field} at the back."],
    "Cook": ["He would not let her {=keep_common_word:cook} for the children."],
}


def slot_cw(c, arg=None):
    ws = [w for w in c.word_surnames if w in CW]
    w = c.ch(ws) if ws else c.ch(list(CW))
    return expand(c, c.ch(CW[w]))


SLOTS = {
    "V": lambda c, a: v_name(c), "Vf": lambda c, a: v_name(c, 1), "P": lambda c, a: p_name(c),
    "P2": lambda c, a: p_name(c, 1), "Pf": lambda c, a: p_name(c, 0, 1), "C": lambda c, a: child_ref(c),
    "Cf": lambda c, a: child_ref(c, True), "TP": slot_tp, "TPN": slot_tpn, "SENDER": slot_sender, "SIGNAME": slot_signame, "SIGEMAIL": slot_sigemail, "PRO": slot_pro, "O": lambda c, a: listed_other(c),
    "LOC": slot_loc, "SAFE": slot_safe, "VPH": slot_vphone, "VEM": slot_vemail, "VADDR": slot_vaddr,
    "PH": slot_phone, "EM": slot_email, "NHS": slot_nhs, "NI": slot_ni, "PNC": slot_pnc, "CRN": slot_crn,
    "PASS": slot_passport, "DL": slot_dl, "BANK": slot_bank, "REG": slot_reg, "HANDLE": slot_handle,
    "DOB": slot_dob, "SCHOOL": slot_school, "GP": slot_gp, "WORK": slot_work, "ADDR": slot_addr3,
    "AG": slot_ag, "LAW": slot_law, "REF": slot_ref, "TIME": slot_time, "MONEY": slot_money,
    "DATE": slot_date, "TOWN": slot_town, "MISC": slot_misc, "CW": slot_cw,
}

# What each slot can produce (for the README's template counts).
SLOT_CATS = {
    "V": ["keep_subject_name"], "Vf": ["keep_subject_name"], "P": ["keep_subject_name"], "P2": ["keep_subject_name"],
    "Pf": ["keep_subject_name"], "C": ["child_name"], "Cf": ["child_name"], "TP": ["third_party_name", "address"],
    "PRO": ["third_party_name"], "TPN": ["third_party_name"], "SENDER": ["third_party_name", "email"], "SIGNAME": ["third_party_name"], "SIGEMAIL": ["email"], "O": ["third_party_name", "listed_name_variant"],
    "LOC": ["refuge", "victim_location", "third_party_name"], "SAFE": ["safe_times"], "VPH": ["victim_contact"],
    "VEM": ["victim_contact"], "VADDR": ["victim_contact"], "PH": ["phone", "victim_contact"],
    "EM": ["email", "victim_contact"], "NHS": ["nhs_number"], "NI": ["ni_number"], "PNC": ["pnc_id"], "CRN": ["crn"],
    "PASS": ["passport"], "DL": ["driving_licence"], "BANK": ["bank"], "REG": ["vehicle"], "HANDLE": ["social_handle"],
    "DOB": ["dob"], "SCHOOL": ["school"], "GP": ["gp_practice"], "WORK": ["workplace"], "ADDR": ["address"],
    "AG": ["keep_agency"], "LAW": ["keep_legislation"], "REF": ["keep_reference"], "TIME": ["keep_time"],
    "MONEY": ["keep_money"], "DATE": ["keep_date"], "TOWN": ["keep_other"], "MISC": ["keep_other"],
    "CW": ["keep_common_word"],
}

SLOT_RE = re.compile(r"\{(=[a-z_]+:[^}]*|[A-Za-z0-9]+(?::[a-z]+)?)\}")


def expand(c, tpl):
    segs = []
    pos = 0
    for m in SLOT_RE.finditer(tpl):
        if m.start() > pos:
            segs += lit(tpl[pos:m.start()])
        s = m.group(1)
        if s.startswith("="):
            cat, text = s[1:].split(":", 1)
            segs += keep(text, cat)
        else:
            name, _, arg = s.partition(":")
            segs += SLOTS[name](c, arg or None)
        pos = m.end()
    segs += lit(tpl[pos:])
    return segs


def template_cats(tpl):
    cats = set()
    for m in SLOT_RE.finditer(tpl):
        s = m.group(1)
        if s.startswith("="):
            cats.add(s[1:].split(":", 1)[0])
        else:
            nm, _, arg = s.partition(":")
            for ct in SLOT_CATS[nm]:
                cats.add(ct)
            if arg == "victim" and nm in ("PH", "EM"):
                cats.add("victim_contact")
    return cats


from gen_templates import STYLES, COMMENTS, INCIDENT_STYLES, EMAIL_SIG, EMAIL_HEAD  # noqa: E402


# ---- composing a field ---------------------------------------------------------------

TYPOS = {"received": "recieved", "separate": "seperate", "occurred": "occured", "definitely": "definately",
         "their": "thier", "which": "wich", "tomorrow": "tommorow", "accommodation": "accomodation",
         "because": "becuase", "believe": "beleive", "until": "untill", "address": "adress",
         "threatened": "threatend", "the": "teh", "and": "adn", "arrested": "arested", "advised": "advsied"}


def typo(c, text):
    def sub(m):
        w = m.group(0)
        if w.lower() in TYPOS and c.p(0.12):
            t = TYPOS[w.lower()]
            return t if w.islower() else (t.upper() if w.isupper() else t.capitalize())
        if len(w) >= 6 and w.islower() and c.p(0.01):
            i = c.r.randrange(1, len(w) - 2)
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        return w
    return re.sub(r"[A-Za-z]+", sub, text)


def sentence(c, tpl):
    segs = expand(c, tpl)
    # A keep span inside a statement of where the victim is, or when she is
    # safe to call, may fairly go with the clause: it is not counted there.
    if any(l and l["category"] in NEVER for _, l in segs):
        segs = [(t, None if (l and l["category"].startswith("keep_")) else l) for t, l in segs]
    return segs


def build(c, segs, field, upper=False, wrap=0, typos=True):
    """Join segments into the field's text; labels get code-point offsets."""
    out = []
    spans = []
    pos = 0
    for t, l in segs:
        if l is None and typos:
            t = typo(c, t)
        if upper:
            u = t.upper()
            assert len(u) == len(t)
            t = u
        if l is not None and t:
            spans.append((pos, len(t), l))
        out.append(t)
        pos += len(t)
    s = "".join(out)
    if wrap:
        chars = list(s)
        col = 0
        last_space = -1
        for i, ch in enumerate(chars):
            if ch == "\n":
                col = 0
                last_space = -1
                continue
            col += 1
            if ch == " ":
                last_space = i
            if col > wrap and last_space >= 0:
                chars[last_space] = "\n"
                col = i - last_space
                last_space = -1
        s = "".join(chars)
    res = []
    for at, n, l in spans:
        d = dict(l)
        d["field"] = field
        d["text"] = s[at:at + n]
        d["at"] = at
        res.append(d)
    return s, res


def compose(c, style, n):
    st = STYLES[style]
    segs = []
    head = st.get("head")
    if head:
        segs += expand(c, c.ch(head))
    bullets = st.get("bullets", 0) and c.p(st["bullets"])
    mark = c.ch(["- ", "• ", "* ", "o "])
    tpls = c.r.sample(st["t"], min(n, len(st["t"])))
    # the common-word traps for this case's surnames go in too
    if c.word_surnames and c.p(0.8):
        tpls.insert(c.r.randrange(len(tpls) + 1), "{CW}")
    for i, tpl in enumerate(tpls):
        s = sentence(c, tpl)
        if st.get("lines"):
            pre = expand(c, c.ch(st["lines"]))
            if any(l and l["category"] in NEVER for _, l in s):
                pre = [(t, None if (l and l["category"].startswith("keep_")) else l) for t, l in pre]
            segs += pre + s + lit("\n")
        elif bullets:
            segs += lit(mark) + s + lit("\n")
        else:
            segs += s + lit(c.ch([" ", " ", "  ", "\n"]) if i + 1 < len(tpls) else "")
    tail = st.get("tail")
    if tail:
        segs += lit("\n") + expand(c, c.ch(tail))
    return segs


def email_wrap(c, body_segs):
    segs = expand(c, c.ch(EMAIL_HEAD)) + lit("\n\n") + body_segs + lit("\n\n") + expand(c, c.ch(EMAIL_SIG))
    return segs


# ---- the case --------------------------------------------------------------------------

def make_case(c, style):
    r = c.r
    v = new_person(c, female=c.p(0.88))
    v["dob"] = dob_date(c, 1972, 2005)
    v["addr"] = new_address(c)
    v["phones"] = [mobile(c)] + ([landline(c)] if c.p(0.3) else [])
    v["email"] = email_for(c, v["first"], v["last"])
    v["gp"] = gp_name(c)
    if v["first"] in N.NICK and c.p(0.7):
        v["nick"] = c.ch(N.NICK[v["first"]])
    c.victim = v
    perps = []
    for i in range(1 if c.p(0.8) else 2):
        p = new_person(c, female=not v["female"] if i == 0 else c.p(0.3),
                       origin=v["origin"] if c.p(0.6) else None)
        p["dob"] = dob_date(c, 1965, 2004)
        p["addr"] = new_address(c)
        p["phones"] = [mobile(c)]
        p["pnc"] = pnc(c)
        if p["first"] in N.NICK and c.p(0.5):
            p["nick"] = c.ch(N.NICK[p["first"]])
        perps.append(p)
    c.perps = perps
    for p in [v] + perps:
        for w in re.findall(r"[^\W\d_]+", full(p) + " " + p.get("nick", "")):
            c.kept_words.add(w.lower())
    kids = []
    for i in range(r.choice([0, 0, 1, 1, 2, 2, 3])):
        ch = new_person(c, female=c.p(0.5), child=True, surname=c.ch([v["last"], perps[0]["last"]]))
        ch["dob"] = dob_date(c, 2010, 2025)
        ch["age"] = 2026 - ch["dob"][0]
        ch["school"] = school_name(c)
        kids.append(ch)
    c.children = kids
    others = []
    roles = ["PERSON_ROLE_NEIGHBOUR", "PERSON_ROLE_FAMILY", "PERSON_ROLE_PROFESSIONAL", "PERSON_ROLE_UNSAFE_CONTACT",
             "PERSON_ROLE_SAFE_CONTACT", "PERSON_ROLE_WITNESS"]
    for i in range(r.randrange(1, 5)):
        role = c.ch(roles)
        o = new_person(c, female=c.p(0.6), origin=v["origin"] if c.p(0.4) else None)
        o["role"] = role
        others.append(o)
    c.others = others
    c.refuge = None
    if c.p(0.4):
        a = new_address(c)
        a["line"] = "%d %s" % (r.randrange(1, 90), street(c, abbrev=False))
        a["house"] = c.ch(["Safe House", "Refuge", "Women's Refuge", "DA Refuge"]) + " " + str(r.randrange(1, 9))
        c.refuge = a

    spans = []
    case = {"caseRef": "MARAC-%s-%04d" % (c.ch(["NEL", "TS", "HU", "CF", "DN", "LL"]), c.idx)}
    case["maracArea"] = c.ch(["north-east-lincolnshire", "teesside", "hull", "cardiff", "doncaster", "gwynedd"])

    def add_struct(path, text, cat, owner, exclude=None):
        d = lab(cat, owner, exclude)
        d.update({"field": path, "text": text, "at": 0})
        spans.append(d)

    # victim
    vj = {"fullName": full(v), "role": "PERSON_ROLE_VICTIM"}
    aliases = []
    if v.get("nick"):
        aliases.append(v["nick"] + " " + v["last"])
    if c.p(0.3) and len(v["last"]) >= 5:
        aliases.append(v["first"] + " " + mis1(c, v["last"]))
    if aliases:
        vj["aliases"] = aliases
        for a in aliases:
            for w in re.findall(r"[^\W\d_]+", a):
                c.kept_words.add(w.lower())
    vj["dateOfBirth"] = "%04d-%02d-%02d" % v["dob"]
    vj["gender"] = c.ch(["female", "Female", "F"]) if v["female"] else c.ch(["male", "Male", "M"])
    vj["address"] = {"lines": [v["addr"]["line"], v["addr"]["town"]], "postcode": v["addr"]["postcode"]}
    add_struct("victim.address.lines[0]", v["addr"]["line"], "victim_contact", "victim")
    add_struct("victim.address.postcode", v["addr"]["postcode"], "victim_contact", "victim")
    vj["phones"] = [fmt_phone(c, x, odd=False) for x in v["phones"]]
    for i, x in enumerate(vj["phones"]):
        add_struct("victim.phones[%d]" % i, x, "victim_contact", "victim")
    vj["email"] = v["email"]
    add_struct("victim.email", v["email"], "victim_contact", "victim")
    vj["nhsNumber"] = nhs_number(c)
    add_struct("victim.nhs_number", vj["nhsNumber"], "nhs_number", "victim")
    vj["safeToCall"] = c.ch(["ANSWER_YES", "ANSWER_NO", "ANSWER_NOT_KNOWN"])
    vj["safeTimes"] = c.ch(SAFE_TIMES)
    add_struct("victim.safe_times", vj["safeTimes"], "safe_times", "victim")
    vj["gpPractice"] = v["gp"]
    add_struct("victim.gp_practice", v["gp"], "gp_practice", "victim")
    if c.p(0.03):
        loc = new_address(c)
        junk = vj["gender"] + " - currently staying at " + loc["line"]
        vj["gender"] = junk
        d = lab("victim_location", "victim")
        d.update({"field": "victim.gender", "text": loc["line"], "at": junk.index(loc["line"])})
        spans.append(d)
    case["victim"] = vj

    pj = []
    for i, p in enumerate(perps):
        d = {"fullName": full(p), "dateOfBirth": "%04d-%02d-%02d" % p["dob"], "role": "PERSON_ROLE_PERPETRATOR",
             "gender": "female" if p["female"] else "male",
             "address": {"lines": [p["addr"]["line"], p["addr"]["town"]], "postcode": p["addr"]["postcode"]},
             "phones": [fmt_phone(c, p["phones"][0], odd=False)], "pncId": p["pnc"]}
        add_struct("perpetrators[%d].address.lines[0]" % i, p["addr"]["line"], "address", "perp")
        add_struct("perpetrators[%d].pnc_id" % i, p["pnc"], "pnc_id", "perp")
        if p.get("nick"):
            d["aliases"] = [p["nick"]]
        if c.p(0.3):
            d["probationCrn"] = crn(c)
        rel = c.ch(["ex-partner", "partner", "husband", "ex-husband", "boyfriend", "son", "brother", "father of the children"])
        if i == 0 and c.p(0.12):
            m = new_person(c, female=True, origin=p["origin"])
            a = new_address(c)
            segs = lit(rel + ", living with his mother ") + sens(c, m["first"], "third_party_name") + lit(" at ") + sens(c, a["line"], "address", "third")
            d["relationshipToVictim"], sp = build(c, segs, "perpetrators[%d].relationship_to_victim" % i, typos=False)
            spans += sp
        elif i == 0 and kids and c.p(0.1):
            segs = lit(rel + " (father of ") + sens(c, kids[0]["first"], "child_name", "child") + lit(")")
            d["relationshipToVictim"], sp = build(c, segs, "perpetrators[%d].relationship_to_victim" % i, typos=False)
            spans += sp
        else:
            d["relationshipToVictim"] = rel
        pj.append(d)
    case["perpetrators"] = pj

    if kids:
        cj = []
        for i, ch in enumerate(kids):
            d = {"fullName": full(ch), "dateOfBirth": "%04d-%02d-%02d" % ch["dob"], "role": "PERSON_ROLE_CHILD",
                 "gender": "female" if ch["female"] else "male", "school": ch["school"]}
            add_struct("children[%d].full_name" % i, full(ch), "child_name", "child",
                       [w for w in re.findall(r"[^\W\d_]+", full(ch)) if w.lower() in c.kept_words])
            add_struct("children[%d].school" % i, ch["school"], "school", "child")
            rel = c.ch(["daughter", "son", "stepdaughter", "stepson", "son (perpetrator is father)", "daughter of both"])
            if c.p(0.08):
                g = new_person(c, female=True)
                segs = lit(rel + " (lives with maternal grandmother ") + sens(c, "Mrs " + g["last"] if c.p(0.5) else full(g), "third_party_name") + lit(")")
                d["relationshipToVictim"], sp = build(c, segs, "children[%d].relationship_to_victim" % i, typos=False)
                spans += sp
            else:
                d["relationshipToVictim"] = rel
            if c.refuge and c.p(0.35):
                # the trap: the refuge address written differently in the child's record
                line = respell_line(c, c.refuge["line"])
                d["address"] = {"lines": [line], "postcode": fmt_postcode(c, c.refuge["postcode"])}
                add_struct("children[%d].address.lines[0]" % i, line, "refuge", "victim")
                add_struct("children[%d].address.postcode" % i, d["address"]["postcode"], "refuge", "victim")
            if c.p(0.3):
                d["nhsNumber"] = nhs_number(c)
            cj.append(d)
        case["children"] = cj

    oj = []
    for i, o in enumerate(others):
        d = {"fullName": full(o), "role": o["role"]}
        wfrom = {"PERSON_ROLE_UNSAFE_CONTACT": minus("police", "idva", "childrens_social_care"),
                 "PERSON_ROLE_WITNESS": minus("police"), "PERSON_ROLE_SAFE_CONTACT": minus("idva")}.get(o["role"], ALL)
        sd = lab("third_party_name", "third")
        sd.update({"field": "others[%d].full_name" % i, "text": full(o), "at": 0, "withhold_from": wfrom})
        spans.append(sd)
        if c.p(0.6):
            d["phones"] = [fmt_phone(c, mobile(c))]
            sd = lab("phone", "third")
            sd.update({"field": "others[%d].phones[0]" % i, "text": d["phones"][0], "at": 0,
                       "withhold_from": minus("idva") if o["role"] == "PERSON_ROLE_SAFE_CONTACT" else ALL})
            spans.append(sd)
        rels = {"PERSON_ROLE_NEIGHBOUR": ["neighbour", "next door", "neighbour (upstairs flat)"],
                "PERSON_ROLE_FAMILY": ["sister", "mother", "brother", "aunt", "cousin", "perpetrator's mother"],
                "PERSON_ROLE_PROFESSIONAL": ["allocated social worker", "health visitor", "GP", "IDVA", "probation officer", "housing officer", "DSL"],
                "PERSON_ROLE_UNSAFE_CONTACT": ["perpetrator's brother", "perpetrator's friend", "ex-partner's sister", "his mate"],
                "PERSON_ROLE_SAFE_CONTACT": ["friend", "colleague", "sister", "neighbour"],
                "PERSON_ROLE_WITNESS": ["witness", "passer-by", "shop worker", "taxi driver"]}[o["role"]]
        rel = c.ch(rels)
        k = r.randrange(12)
        if k == 0:
            p2 = unlisted(c)
            segs = lit(rel + ", partner of ") + sens(c, full(p2), "third_party_name")
            d["relationshipToVictim"], sp = build(c, segs, "others[%d].relationship_to_victim" % i, typos=False)
            spans += sp
        elif k == 1:
            a = new_address(c)
            segs = lit(rel + " at ") + sens(c, a["line"], "address", "third")
            d["relationshipToVictim"], sp = build(c, segs, "others[%d].relationship_to_victim" % i, typos=False)
            spans += sp
        else:
            d["relationshipToVictim"] = rel
        if o["role"] == "PERSON_ROLE_PROFESSIONAL":
            d["email"] = email_for(c, o["first"], o["last"], professional=True)
            sd = lab("email", "third")
            sd.update({"field": "others[%d].email" % i, "text": d["email"], "at": 0, "withhold_from": ALL})
            spans.append(sd)
            k = r.randrange(8)
            if k == 0:
                p2 = unlisted(c)
                segs = lit(c.ch(["Children's Social Care", "Health Visiting", "IDVA service"]) + " - manager ") + sens(c, full(p2), "third_party_name")
                d["agencyName"], sp = build(c, segs, "others[%d].agency_name" % i, typos=False)
                spans += sp
            elif k == 1 and c.refuge:
                segs = lit("Women's Aid refuge, ") + sens(c, c.refuge["line"], "refuge", "victim")
                d["agencyName"], sp = build(c, segs, "others[%d].agency_name" % i, typos=False)
                spans += sp
            else:
                d["agencyName"] = c.ch(["Children's Social Care", "NEL Council Housing", "Humberside Police", "IDVA service",
                                        "0-19 Health Visiting", "Probation Service", "CGL", "Adult Social Care", "Foundation Trust"])
        oj.append(d)
    case["others"] = oj

    # risk
    form = c.ch(["DASH_FORM_SAFELIVES_24", "DASH_FORM_POLICE_27"])
    nq = 24 if form.endswith("24") else 27
    answers = []
    yes = 0
    commented = set(r.sample(range(1, nq + 1), r.randrange(3, 9)))
    for q in range(1, nq + 1):
        a = c.ch(["ANSWER_YES", "ANSWER_YES", "ANSWER_NO", "ANSWER_NOT_KNOWN"])
        yes += a == "ANSWER_YES"
        d = {"question": q, "answer": a, "source": c.ch(["victim", "victim", "officer", "IDVA", "police", "victim via IDVA"])}
        if q in commented:
            c.sentence_cats = set()
            segs = sentence(c, c.ch(COMMENTS))
            d["comment"], sp = build(c, segs, "risk.answers[%d].comment" % (q - 1))
            spans += sp
        if c.p(0.03):
            p2 = unlisted(c)
            segs = lit(c.ch(["victim's sister ", "neighbour ", "PC ", "her friend "])) + sens(c, p2["first"] if c.p(0.5) else full(p2), "third_party_name")
            d["source"], sp = build(c, segs, "risk.answers[%d].source" % (q - 1), typos=False)
            spans += sp
        answers.append(d)
    case["risk"] = {"form": form, "answers": answers, "score": yes,
                    "level": "RISK_LEVEL_HIGH" if yes >= 14 else c.ch(["RISK_LEVEL_MEDIUM", "RISK_LEVEL_HIGH"])}

    # incidents
    incs = []
    for i in range(r.randrange(2, 6)):
        ist = c.ch(INCIDENT_STYLES)
        segs = []
        for tpl in r.sample(STYLES[ist]["t"], r.randrange(1, 4)):
            segs += sentence(c, tpl) + lit(" ")
        upper = ist == "cad"
        text, sp = build(c, segs, "incidents[%d].summary" % i, upper=upper)
        y, m, dd = c.ch([2024, 2025, 2026]), r.randrange(1, 13), r.randrange(1, 29)
        incs.append({"date": "%04d-%02d-%02d" % (y, m, dd), "summary": text.rstrip(" "),
                     "policeRef": "CR/%07d/%02d" % (r.randrange(10000000), y % 100)})
        spans += sp
    case["incidents"] = incs

    # narrative in the case's style
    n = r.randrange(7, 16)
    segs = compose(c, style, n)
    if style == "email":
        segs = email_wrap(c, segs)
    wrap = 0
    if STYLES[style].get("wrap") and c.p(STYLES[style]["wrap"]):
        wrap = r.randrange(55, 78)
    text, sp = build(c, segs, "narrative", upper=(style == "cad"), wrap=wrap)
    case["narrative"] = text
    spans += sp

    case["victimAware"] = c.ch(["ANSWER_YES", "ANSWER_NO", "ANSWER_YES"])
    case["consentGiven"] = c.ch(["ANSWER_YES", "ANSWER_NO"])
    if case["consentGiven"] == "ANSWER_NO":
        segs = sentence(c, c.ch(CONSENT))
        case["consentReason"], sp = build(c, segs, "consent_reason")
        spans += sp
    if c.refuge:
        rf = c.refuge
        case["refugeAddress"] = {"lines": [rf["house"], rf["line"], rf["town"]], "postcode": rf["postcode"]}
        add_struct("refuge_address.lines[1]", rf["line"], "refuge", "victim")
        add_struct("refuge_address.postcode", rf["postcode"], "refuge", "victim")
    case["policeIntelligence"] = c.ch(["Marker on perpetrator address.", "Firearms licence refused.",
                                       "Intel suggests perpetrator deals cannabis.", "Warning markers: weapons, violence.",
                                       "No intelligence held."])

    # junk in case_ref
    if c.p(0.04):
        junk = " (" + v["last"].upper() + " / " + respell_line(c, v["addr"]["line"]).upper() + ")"
        case["caseRef"] += junk
        t = junk[junk.index("/ ") + 2:-1]
        d = lab("victim_contact", "victim")
        d.update({"field": "case_ref", "text": t, "at": case["caseRef"].index(t)})
        spans.append(d)

    # fill withhold_from and merge repeated spans of one field
    merged = {}
    for s in spans:
        if not s["text"].strip():
            continue
        if not s["category"].startswith("keep_"):
            s.setdefault("withhold_from", wf(s.get("owner", "third"), s["category"]))
        key = (s["field"], s["text"], s["category"])
        if key in merged:
            merged[key]["at"].append(s["at"])
            continue
        s = dict(s)
        s["at"] = [s["at"]]
        merged[key] = s
    out = []
    for s in merged.values():
        o = {"field": s["field"], "text": s["text"], "category": s["category"], "at": sorted(s["at"])}
        if "owner" in s:
            o["owner"] = s["owner"]
        if "withhold_from" in s:
            o["withhold_from"] = [a for a in AGENCIES if a in s["withhold_from"]]
        if s.get("exclude"):
            o["exclude"] = s["exclude"]
        out.append(o)
    # keep spans must not sit inside a sensitive span of the same field
    sens_ranges = {}
    for s in out:
        if not s["category"].startswith("keep_"):
            for a in s["at"]:
                sens_ranges.setdefault(s["field"], []).append((a, a + len(s["text"])))
    final = []
    for s in out:
        if s["category"].startswith("keep_"):
            ok = all(not (a < e and b > st) for a in s["at"] for b in [a + len(s["text"])]
                     for st, e in sens_ranges.get(s["field"], []))
            if not ok:
                continue
        final.append(s)
    return case, final


CONSENT = ["Seeking consent would increase risk (DPA 2018 {=keep_legislation:Sch 1 para 18}).",
           "Victim not told: {P} monitors her phone ({VPH}).",
           "{V} declined; risk too high to wait. Discussed with {PRO} on {DATE}.",
           "Consent not sought as she is {LOC} and contact could alert {Pf}.",
           "Her sister {TP} said she would not agree; overridden under {LAW}.",
           "Not safe to ask, only call {SAFE}.",
           "Overridden by {AG} manager ({PRO}) due to risk to {C}.",
           "She said no. High risk, shared under {LAW} without consent."]


STYLE_WEIGHTS = None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus"))
    ap.add_argument("--count", type=int, default=340)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--stats", action="store_true", help="print template counts per category and exit")
    a = ap.parse_args()
    if a.stats:
        stats()
        return
    os.makedirs(a.out, exist_ok=True)
    for f in os.listdir(a.out):
        if re.match(r"c\d{4}\.json$", f):
            os.remove(os.path.join(a.out, f))
    master = random.Random(a.seed)
    styles = sorted(STYLES.keys())
    styles = [s for s in styles if not STYLES[s].get("incident_only")]
    for i in range(1, a.count + 1):
        rnd = random.Random(master.randrange(1 << 62))
        c = Ctx(rnd, i)
        style = styles[(i - 1) % len(styles)]
        case, spans = make_case(c, style)
        doc = {"id": "c%04d" % i, "style": style, "case": case, "spans": spans}
        with open(os.path.join(a.out, "c%04d.json" % i), "w", encoding="utf-8") as f:
            f.write(dump_doc(doc))


def dump_doc(doc):
    """The case indented, one line per risk answer and per span: small diffs, small files."""
    def one(x):
        return json.dumps(x, ensure_ascii=False, separators=(", ", ": "))
    case = dict(doc["case"])
    risk = case.pop("risk")
    body = json.dumps(case, ensure_ascii=False, indent=1)[:-2]
    ans = ",\n   ".join(one(a) for a in risk["answers"])
    rest = one({k: v for k, v in risk.items() if k != "answers"})[1:-1]
    body += ',\n "risk": {\n  "answers": [\n   %s\n  ],\n  %s\n }\n}' % (ans, rest)
    out = '{\n"id": %s,\n"style": %s,\n"case": %s,\n"spans": [\n%s\n]\n}\n' % (
        one(doc["id"]), one(doc["style"]), body.replace("\n", "\n"), ",\n".join(one(x) for x in doc["spans"]))
    assert json.loads(out) == doc
    return out


def stats():
    """Distinct sentence templates that can produce each category."""
    per = {}
    alls = set()
    for name, st in STYLES.items():
        alls.update(st["t"])
    alls.update(COMMENTS + CONSENT + [t for ts in CW.values() for t in ts])
    for t in alls:
        for ct in template_cats(t):
            per.setdefault(ct, set()).add(t)
        if t in [x for ts in CW.values() for x in ts]:
            per.setdefault("keep_common_word", set()).add(t)
    print("distinct templates: %d (plus the phrase frames inside each slot)" % len(alls))
    for k in sorted(per):
        print("%-22s %d" % (k, len(per[k])))


if __name__ == "__main__":
    main()
