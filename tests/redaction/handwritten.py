#!/usr/bin/env python3
"""Build a hand-written redaction corpus (tests/redaction/holdout, exam, ...).

One converter for every hand-written set: DIR/src/*.yaml in, DIR/*.json out,
DIR/lint_ok.txt the (case, word) pairs a person checked for the lints.

The cases are written by hand in src/*.yaml, one YAML document per case,
with inline marks around every labelled span of free text:

    {{code|text}}            a span of category `code` (table CODES below)
    {{code|text|x=W1,W2}}    ... whose words W1, W2 are not identifying
                             (shared anyway); words of the victim's and
                             perpetrators' names are excluded automatically

A span may run over a hard line break. Tokens for characters that are hard
to see or type: ~nb~ no-break space, ~nnb~ narrow no-break space, ~th~ thin
space, ~zw~ zero-width space, ~t~ tab. In an nhs span (and in a structured
NHS number) a trailing '#' is replaced by the mod-11 check digit; in a pnc
span or structured PNC id a trailing '#' by the PNC check letter.

A case's keys are id, style, ref or case_ref, area, victim, perps, children,
others, risk, incidents, narrative, aware, consent, consent_reason, refuge and
intel; any other is refused with the file and the case named (its text would
otherwise be dropped unread).

The converter strips the marks, computes the code-point offsets ("at"),
fills "withhold_from" from the category and owner (WF below, which is
tests/redaction/README.md's category table applied to policy/default.yaml),
and writes the corpus format that build/tests/redaction_measure reads, with
the case's structured fields in proto3 JSON.

    python3 tests/redaction/handwritten.py tests/redaction/holdout           # write the JSON
    python3 tests/redaction/handwritten.py tests/redaction/holdout --check   # fail if it differs
    python3 tests/redaction/handwritten.py tests/redaction/exam --stats      # counts per category

Each set's cases were composed without reading the scrubber (gateway/redact/),
policy/lexicon/ or the generated corpus's templates (each set's README says
what else its writer had not seen).
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = None  # the corpus directory (main)

AGENCIES = ["police", "childrens_social_care", "adult_social_care", "health",
            "idva", "probation", "housing", "education"]
ALL = list(AGENCIES)


def but(*keep):
    return [a for a in AGENCIES if a not in keep]


# policy/default.yaml, summarised per category and owner:
#  never_share (refuge, victim.address/phones/email/safe_times): police, idva only
#  perpetrators[].address: shared to police, probation, childrens_social_care, housing
#  perpetrators[].phones/email: police, probation (masked to idva, csc: still withheld)
#  perpetrators[].pnc_id, probation_crn: criminal justice only
#  *.nhs_number: health (children's also childrens_social_care)
#  children[].full_name: police, csc, health, idva, education
#  children[].school: police, csc, education
#  children[].address: police, idva, csc
#  gp_practice: health
#  dates of birth: victim's/perp's masked to the year for education; children's
#  masked for adult_social_care, probation, housing
#  others (third parties): s40(2) from everyone in free text
NOT_VC = but("police", "idva")
WF = {
    "refuge": NOT_VC,
    "victim_location": NOT_VC,
    "safe_times": NOT_VC,
    "victim_contact": NOT_VC,
    "third_party_name": ALL,
    "listed_name_variant": ALL,
    "child_name": ["adult_social_care", "probation", "housing"],
    ("address", "third"): ALL,
    ("address", "perp"): ["adult_social_care", "health", "idva", "education"],
    ("address", "child"): ["adult_social_care", "health", "probation", "housing", "education"],
    "school": ["adult_social_care", "health", "idva", "probation", "housing"],
    "gp_practice": but("health"),
    ("workplace", "victim"): NOT_VC,
    ("workplace", "perp"): ["adult_social_care", "health", "idva", "education"],
    ("workplace", "third"): ALL,
    ("vehicle", "victim"): NOT_VC,
    ("vehicle", "perp"): but("police", "probation"),
    ("vehicle", "third"): ALL,
    ("social_handle", "victim"): NOT_VC,
    ("social_handle", "perp"): but("police", "probation"),
    ("social_handle", "third"): ALL,
    "bank": ALL,
    ("dob", "victim"): ["education"],
    ("dob", "perp"): ["education"],
    ("dob", "child"): ["adult_social_care", "probation", "housing"],
    ("dob", "third"): ALL,
    ("phone", "perp"): but("police", "probation"),
    ("phone", "third"): ALL,
    ("phone", "child"): ALL,
    ("email", "perp"): but("police", "probation"),
    ("email", "third"): ALL,
    ("nhs_number", "victim"): but("health"),
    ("nhs_number", "perp"): but("health"),
    ("nhs_number", "child"): but("health", "childrens_social_care"),
    ("nhs_number", "third"): ALL,
    "ni_number": ALL,
    ("pnc_id", "victim"): but("police", "probation"),
    ("pnc_id", "perp"): but("police", "probation"),
    ("pnc_id", "third"): ALL,
    ("crn", "victim"): but("police", "probation"),
    ("crn", "perp"): but("police", "probation"),
    ("crn", "third"): ALL,
    "passport": ALL,
    "driving_licence": ALL,
}

NEVER = {"refuge", "victim_location", "safe_times", "victim_contact"}

# short codes used in the sources -> (category, owner)
OWNERS = {"v": "victim", "p": "perp", "c": "child", "t": "third"}
SHORT = {
    "ref": ("refuge", "victim"), "loc": ("victim_location", "victim"),
    "st": ("safe_times", "victim"), "vc": ("victim_contact", "victim"),
    "tp": ("third_party_name", "third"), "lv": ("listed_name_variant", "third"),
    "ch": ("child_name", "child"), "addr": ("address", "third"),
    "sch": ("school", "child"), "gp": ("gp_practice", None),
    "work": ("workplace", "third"), "veh": ("vehicle", "third"),
    "soc": ("social_handle", "third"), "bank": ("bank", None),
    "dob": ("dob", "third"), "ph": ("phone", "third"), "em": ("email", "third"),
    "nhs": ("nhs_number", "victim"), "ni": ("ni_number", None),
    "pnc": ("pnc_id", "perp"), "crn": ("crn", "perp"),
    "pass": ("passport", None), "dl": ("driving_licence", None),
    "k.ag": ("keep_agency", None), "k.leg": ("keep_legislation", None),
    "k.ref": ("keep_reference", None), "k.time": ("keep_time", None),
    "k.money": ("keep_money", None), "k.date": ("keep_date", None),
    "k.word": ("keep_common_word", None), "k.subj": ("keep_subject_name", None),
    "k.other": ("keep_other", None),
}

TOKENS = {"~nb~": "\u00a0", "~nnb~": "\u202f", "~th~": "\u2009", "~zw~": "\u200b",
          "~t~": "\t"}

MARK = re.compile(r"\{\{([a-z.]+)\|(.*?)\}\}", re.S)

PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"


def die(msg):
    sys.exit("build.py: " + msg)


def digits_of(s):
    out = []
    for ch in s:
        if "０" <= ch <= "９":
            ch = chr(ord(ch) - 0xFEE0)
        if ch.isdigit():
            out.append(ch)
        elif ch in "Oo":
            out.append("0")
    return "".join(out)


def nhs_check(nine):
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1)))
    c = 11 - total % 11
    if c == 11:
        c = 0
    if c == 10:
        return None
    return str(c)


def fill_nhs(s, where):
    if not s.endswith("#"):
        return s
    d = digits_of(s[:-1])
    if len(d) != 9:
        die("%s: NHS %r needs 9 digits before '#'" % (where, s))
    c = nhs_check(d)
    if c is None:
        die("%s: NHS %r has no valid check digit (11-sum is 10): change a digit" % (where, s))
    if "０" <= s[-2] <= "９":
        c = chr(ord(c) + 0xFEE0)
    return s[:-1] + c


def fill_pnc(s, where):
    if not s.endswith("#"):
        return s
    m = re.search(r"(\d{2,4})\s*/\s*(\d{1,7})\s*#$", s)
    if not m:
        die("%s: PNC %r is not YY/NNNNNNN#" % (where, s))
    yy = m.group(1)[-2:]
    ser = m.group(2).rjust(7, "0")
    return s[:-1] + PNC_LETTERS[int(yy + ser) % 23]


def tokens(s):
    for k, v in TOKENS.items():
        s = s.replace(k, v)
    return s


def parse_marked(raw, where):
    """Strip marks; return (plain text, [(code, text, start, extras)])."""
    raw = tokens(raw)
    out = []
    spans = []
    pos = 0      # in raw
    n_cp = 0     # code points written so far
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        if "{{" in before or "}}" in before:
            die("%s: stray mark near %r" % (where, before[-40:]))
        out.append(before)
        n_cp += len(before)
        code = m.group(1)
        parts = m.group(2).split("|")
        text = parts[0]
        extras = {}
        for p in parts[1:]:
            if p.startswith("x="):
                extras["exclude"] = [w.strip() for w in p[2:].split(",") if w.strip()]
            else:
                die("%s: unknown mark option %r" % (where, p))
        if code.startswith("nhs"):
            text = fill_nhs(text, where)
        if code.startswith("pnc"):
            text = fill_pnc(text, where)
        if not text or text != text.strip(" "):
            die("%s: span %r is empty or has outer spaces" % (where, text))
        spans.append((code, text, n_cp, extras))
        out.append(text)
        n_cp += len(text)
        pos = m.end()
    rest = raw[pos:]
    if "{{" in rest or "}}" in rest:
        die("%s: stray mark near %r" % (where, rest[:40]))
    out.append(rest)
    return "".join(out), spans


def category(code, where):
    if code in SHORT:
        cat, owner = SHORT[code]
    else:
        base, _, o = code.rpartition(".")
        if base not in SHORT or o not in OWNERS:
            die("%s: unknown code %r" % (where, code))
        cat, _ = SHORT[base]
        owner = OWNERS[o]
    if cat.startswith("keep_"):
        return cat, None, None
    wf = WF.get(cat)
    if wf is None:
        wf = WF.get((cat, owner))
    if wf is None:
        die("%s: no withhold_from rule for %s owned by %s" % (where, cat, owner))
    return cat, owner, wf


# ---- structured fields -------------------------------------------------------------------

ROLE = {"victim": "PERSON_ROLE_VICTIM", "perp": "PERSON_ROLE_PERPETRATOR",
        "child": "PERSON_ROLE_CHILD", "witness": "PERSON_ROLE_WITNESS",
        "neighbour": "PERSON_ROLE_NEIGHBOUR", "family": "PERSON_ROLE_FAMILY",
        "professional": "PERSON_ROLE_PROFESSIONAL", "unsafe": "PERSON_ROLE_UNSAFE_CONTACT",
        "safe": "PERSON_ROLE_SAFE_CONTACT"}
ANS = {True: "ANSWER_YES", False: "ANSWER_NO", None: "ANSWER_NOT_KNOWN",
       "yes": "ANSWER_YES", "no": "ANSWER_NO", "nk": "ANSWER_NOT_KNOWN"}
LEVEL = {"standard": "RISK_LEVEL_STANDARD", "medium": "RISK_LEVEL_MEDIUM",
         "high": "RISK_LEVEL_HIGH"}


class Case:
    def __init__(self, doc, src):
        self.doc = doc
        self.id = doc["id"]
        self.where = "%s:%s" % (os.path.basename(src), self.id)
        self.spans = []        # (field, code, text, at, extras)
        self.subject_words = set()

    def text(self, field, raw):
        plain, sp = parse_marked(str(raw), "%s %s" % (self.where, field))
        for code, t, at, ex in sp:
            self.spans.append((field, code, t, at, ex))
        return plain

    def person(self, p, path, role):
        o = {}
        if "name" in p:
            o["fullName"] = self.text(path + ".full_name", p["name"])
        if p.get("aka"):
            o["aliases"] = [self.text("%s.aliases[%d]" % (path, i), a)
                            for i, a in enumerate(p["aka"])]
        for k, j in (("dob", "dateOfBirth"), ("gender", "gender"), ("em", "email"),
                     ("ni", "niNumber"), ("rel", "relationshipToVictim"),
                     ("school", "school"), ("gp", "gpPractice"), ("st", "safeTimes"),
                     ("crn", "probationCrn"), ("agency", "agencyName"),
                     ("edd", "expectedDeliveryDate")):
            if k in p and p[k] is not None:
                o[j] = self.text("%s.%s" % (path, re.sub(r"([A-Z])", r"_\1", j).lower()),
                                 str(p[k]))
        if "nhs" in p:
            o["nhsNumber"] = fill_nhs(str(p["nhs"]), self.where)
        if "pnc" in p:
            o["pncId"] = fill_pnc(str(p["pnc"]), self.where)
        if p.get("ph"):
            o["phones"] = [self.text("%s.phones[%d]" % (path, i), x)
                           for i, x in enumerate(p["ph"])]
        if p.get("dobs"):
            o["otherDobs"] = list(p["dobs"])
        if p.get("addr"):
            a = {"lines": [self.text("%s.address.lines[%d]" % (path, i), x)
                           for i, x in enumerate(p["addr"])]}
            if p.get("pc"):
                a["postcode"] = self.text(path + ".address.postcode", p["pc"])
            o["address"] = a
        o["role"] = ROLE[role]
        if role == "victim":
            o["safeToCall"] = ANS[p.get("safe", "yes")]
            o.setdefault("gender", "female")
        if role in ("victim", "perp"):
            for n in [p.get("name", "")] + list(p.get("aka") or []):
                for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", str(n)):
                    self.subject_words.add(w)
        return o

    # the keys a case may have; any other is a writer's slip that would
    # drop its text without a word (session 35: exam2's x036 wrote
    # `police_intelligence` for `intel`, and nothing read it for 30 sessions)
    KEYS = {"id", "style", "ref", "case_ref", "area", "victim", "perps", "children", "others",
            "risk", "incidents", "narrative", "aware", "consent", "consent_reason", "refuge",
            "intel"}
    RISK_KEYS = {"form", "yes", True, "nk", "comments", "sources", "level"}

    def build(self):
        d = self.doc
        bad = sorted(str(k) for k in d if k not in self.KEYS)
        bad += sorted("risk." + str(k) for k in (d.get("risk") or {}) if k not in self.RISK_KEYS)
        if bad:
            die("%s: unknown key(s) %s (known: %s)" %
                (self.where, ", ".join(bad), ", ".join(sorted(self.KEYS))))
        # `case_ref` (with marks, labelled like free text) or `ref` (verbatim)
        ref = (self.text("case_ref", d["case_ref"]) if "case_ref" in d
               else d.get("ref", "MARAC-%s" % self.id.upper()))
        c = {"caseRef": ref, "maracArea": d.get("area", "testshire")}
        c["victim"] = self.person(d["victim"], "victim", "victim")
        c["perpetrators"] = [self.person(p, "perpetrators[%d]" % i, "perp")
                             for i, p in enumerate(d.get("perps") or [])]
        if d.get("children"):
            c["children"] = [self.person(p, "children[%d]" % i, "child")
                             for i, p in enumerate(d["children"])]
        if d.get("others"):
            c["others"] = [self.person(p, "others[%d]" % i, p.get("role", "family"))
                           for i, p in enumerate(d["others"])]
        r = d.get("risk") or {}
        form = r.get("form", 24)
        nq = 27 if form == 27 else 24
        # YAML reads a bare `yes:` key as the boolean True: {yes: [1, 2]} is {True: [1, 2]}
        yes = set(r.get("yes") or r.get(True) or [])
        unknown = set(r.get("nk") or [])
        comments = r.get("comments") or {}
        sources = r.get("sources") or {}
        answers = []
        for q in range(1, nq + 1):
            a = {"question": q,
                 "answer": "ANSWER_YES" if q in yes else
                 ("ANSWER_NOT_KNOWN" if q in unknown else "ANSWER_NO")}
            i = len(answers)
            if q in comments:
                a["comment"] = self.text("risk.answers[%d].comment" % i, comments[q])
            a["source"] = self.text("risk.answers[%d].source" % i, sources.get(q, "victim"))
            answers.append(a)
        score = len(yes)
        lvl = r.get("level") or ("high" if score >= 14 else "medium" if score >= 10 else "standard")
        c["risk"] = {"form": "DASH_FORM_POLICE_27" if form == 27 else "DASH_FORM_SAFELIVES_24",
                     "answers": answers, "score": score, "level": LEVEL[lvl]}
        if d.get("incidents"):
            inc = []
            for i, x in enumerate(d["incidents"]):
                e = {"date": str(x["date"])}
                e["summary"] = self.text("incidents[%d].summary" % i, x["text"])
                if x.get("ref"):
                    e["policeRef"] = str(x["ref"])
                inc.append(e)
            c["incidents"] = inc
        if d.get("narrative"):
            c["narrative"] = self.text("narrative", d["narrative"].rstrip("\n"))
        c["victimAware"] = ANS[d.get("aware", "yes")]
        c["consentGiven"] = ANS[d.get("consent", "yes")]
        if d.get("consent_reason"):
            c["consentReason"] = self.text("consent_reason", d["consent_reason"].rstrip("\n"))
        if d.get("refuge"):
            rf = d["refuge"]
            a = {"lines": [self.text("refuge_address.lines[%d]" % i, x)
                           for i, x in enumerate(rf["addr"])]}
            if rf.get("pc"):
                a["postcode"] = rf["pc"]
            c["refugeAddress"] = a
        if d.get("intel"):
            c["policeIntelligence"] = self.text("police_intelligence", d["intel"].rstrip("\n"))
        return c

    def field_text(self, c, field):
        cur = c
        for part in re.findall(r"[a-z_]+|\[\d+\]", field):
            if part.startswith("["):
                cur = cur[int(part[1:-1])]
            else:
                cam = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), part)
                cur = cur[cam]
        return cur

    def spans_json(self, c):
        out = []
        merged = {}
        for field, code, text, at, ex in self.spans:
            cat, owner, wf = category(code, "%s %s %r" % (self.where, field, text))
            key = (field, text, cat, owner)
            if key in merged:
                merged[key]["at"].append(at)
                continue
            s = {"field": field, "text": text, "category": cat, "at": [at]}
            if wf is not None:
                s["owner"] = owner
                s["withhold_from"] = list(wf)
                excl = set(ex.get("exclude", []))
                for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text):
                    if w.lower() in {x.lower() for x in self.subject_words}:
                        excl.add(w)
                if excl:
                    s["exclude"] = sorted(excl)
            merged[key] = s
            out.append(s)
        # checks: each span is where it says
        for s in out:
            t = self.field_text(c, s["field"])
            for at in s["at"]:
                if t[at:at + len(s["text"])] != s["text"]:
                    die("%s: %s %r not at %d" % (self.where, s["field"], s["text"], at))
        return out


SENT_END = re.compile(r"[.!?](?=\s)|\n\s*\n|\n(?=\s*(?:[-•*o] |\[?\d{1,2}[:./]\d{2}|\d{4}\b|\d{1,2}/\d{1,2}/|\d+\. |>))")


ABBREV = re.compile(r"(?:\b[A-Za-z]|Mr|Mrs|Ms|Dr|St|Rd|Ave|No|no|approx|Insp|Sgt|Supt|Cllr|Dna|Ll|wk|wks|yrs|incl|ref|tel|mob)\.$")


def sentences(t):
    """Conservative sentence bounds: (start, end) pairs. A full stop after an
    initial or a common abbreviation ("J.", "Dr.", "Rd.") ends nothing."""
    b = [0]
    for m in SENT_END.finditer(t):
        if m.group(0) == "." and ABBREV.search(t[max(0, m.start() - 8):m.end()]):
            continue
        b.append(m.end())
    b.append(len(t))
    return list(zip(b[:-1], b[1:]))


def drop_keeps_near_never(case_id, c, spans, field_text, warn):
    """A must-keep span in a sentence with a never-share span is not labelled
    (tests/redaction/README.md): withholding that sentence is what the issue asks."""
    keep_out = []
    for s in spans:
        if not s["category"].startswith("keep_"):
            keep_out.append(s)
            continue
        t = field_text(c, s["field"])
        bounds = sentences(t)
        never_at = [(a, a + len(n["text"])) for n in spans
                    if n["field"] == s["field"] and n["category"] in NEVER for a in n["at"]]
        ats = []
        for at in s["at"]:
            sb = [x for x in bounds if x[0] <= at < x[1]]
            sb = sb[0] if sb else (0, len(t))
            if any(a < sb[1] and e > sb[0] for a, e in never_at):
                warn.append("%s %s: keep %r dropped (never-share in its sentence)"
                            % (case_id, s["field"], s["text"]))
                continue
            ats.append(at)
        if ats:
            s["at"] = ats
            keep_out.append(s)
    return keep_out


STRUCTURE = set("""road street avenue ave lane close court crescent cres drive way walk wlk place
grove gardens gdns terrace terr row mews square view flat apartment apt house cottage estate
block floor unit room number mr mrs ms miss mx dr dc pc ds di dci ps sgt pcso hv cpn sw po dsl
idva nurse midwife teacher officer probation social worker family support housing supt nana mum
dad nan the she he her his him they them their this that then when after before only not now
and but with from who has had was are will for near opposite any time except between while
until weekdays weekday weekends mornings evenings lunchtimes nights refuge women safe hostel
school sch primary academy nursery infant junior high college community catholic surgery
medical centre center health healthcare practice partners group clinic hospital ysgol gymraeg
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thur thurs fri sat sun north south east west upper lower new old
dob born tel mob email reg vrm""".split())


# Reviewed lint warnings: the word stands elsewhere in another sense (a town in
# an agency's name, a common word that is also a listed surname, a nationality).
LINT_OK = set()  # DIR/lint_ok.txt (main)


def lint(case_id, c, spans, field_text, warn):
    """Warn when an identifying word of a sensitive span also stands unlabelled
    in some labelled field: the baseline would then keep it, and a leak of it
    would not be counted."""
    fields = sorted({s["field"] for s in spans})
    covered = {}
    for s in spans:
        if s["category"].startswith("keep_"):
            continue
        for at in s["at"]:
            covered.setdefault(s["field"], []).append((at, at + len(s["text"])))
    for s in spans:
        if s["category"].startswith("keep_"):
            continue
        ex = {w.lower() for w in s.get("exclude", [])}
        words = [w for w in re.findall(r"[^\W\d_]+", s["text"])
                 if len(w) >= 3 and w[0].isupper() and w.lower() not in STRUCTURE
                 and w.lower() not in ex]
        for f in fields:
            t = field_text(c, f)
            for w in set(words):
                if (case_id, w) in LINT_OK:
                    continue
                for m in re.finditer(r"(?<![^\W\d_])%s(?![^\W\d_])" % re.escape(w), t, re.I):
                    if not any(a <= m.start() < e for a, e in covered.get(f, [])):
                        warn.append("%s %s: %r of %s %r stands unlabelled at %d"
                                    % (case_id, f, w, s["category"], s["text"], m.start()))


TEXT_FIELDS = re.compile(r"^(narrative|consent_reason|incidents\[\d+\]\.summary|risk\.answers\[\d+\]\.comment)$")


def lint_listed(case_id, c, spans, field_text, warn):
    """Warn when a word of a listed child's or third party's name stands
    unlabelled in a free-text field (a child named in passing is easily
    missed when writing)."""
    words = set()
    for p in list(c.get("children") or []) + list(c.get("others") or []):
        for n in [p.get("fullName", "")] + list(p.get("aliases") or []):
            for w in re.findall(r"[^\W\d_]+", n):
                if len(w) >= 3:
                    words.add(w)
    subj = set()
    for p in [c["victim"]] + list(c.get("perpetrators") or []):
        for n in [p.get("fullName", "")] + list(p.get("aliases") or []):
            subj.update(w.lower() for w in re.findall(r"[^\W\d_]+", n))
    words = {w for w in words if w.lower() not in subj and (case_id, w) not in LINT_OK}
    fields = []
    def walk(o, path):
        if isinstance(o, dict):
            for k, v in o.items():
                walk(v, path + ("." if path else "") + re.sub(r"([A-Z])", r"_\1", k).lower())
        elif isinstance(o, list):
            for i, v in enumerate(o):
                walk(v, "%s[%d]" % (path, i))
        elif isinstance(o, str) and TEXT_FIELDS.match(path):
            fields.append(path)
    walk(c, "")
    for f in fields:
        t = field_text(c, f)
        cov = [(a, a + len(s["text"])) for s in spans if s["field"] == f
               and not s["category"].startswith("keep_") for a in s["at"]]
        for w in words:
            for m in re.finditer(r"(?<![^\W\d_])%s(?![^\W\d_])" % re.escape(w), t, re.I):
                if not any(x <= m.start() < y for x, y in cov):
                    warn.append("%s %s: listed name word %r stands unlabelled at %d"
                                % (case_id, f, w, m.start()))


def load_sources():
    docs = []
    for src in sorted(glob.glob(os.path.join(HERE, "src", "*.yaml"))):
        with open(src, encoding="utf-8") as f:
            try:
                for d in yaml.safe_load_all(f):
                    if d:
                        docs.append((d, src))
            except yaml.YAMLError as e:
                die("%s: %s" % (os.path.basename(src), e))
    return docs


def main():
    global HERE
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", help="the corpus directory: src/*.yaml in, *.json out")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    HERE = os.path.abspath(args.dir)
    ok = os.path.join(HERE, "lint_ok.txt")
    if os.path.exists(ok):
        for line in open(ok, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                case_id, word = line.split(None, 1)
                LINT_OK.add((case_id, word.strip()))
    seen = set()
    written = {}
    warn = []
    lints = []
    stats = {}
    styles = {}
    for d, src in load_sources():
        k = Case(d, src)
        if k.id in seen:
            die("duplicate id " + k.id)
        seen.add(k.id)
        c = k.build()
        spans = k.spans_json(c)
        spans = drop_keeps_near_never(k.id, c, spans, k.field_text, warn)
        lint(k.id, c, spans, k.field_text, lints)
        lint_listed(k.id, c, spans, k.field_text, lints)
        for s in spans:
            stats[s["category"]] = stats.get(s["category"], 0) + len(s["at"])
        styles[d.get("style", "?")] = styles.get(d.get("style", "?"), 0) + 1
        doc = {"id": k.id, "style": d.get("style", "?"), "case": c, "spans": spans}
        written[k.id + ".json"] = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if args.stats:
        for cat in sorted(stats):
            print("%-22s %5d" % (cat, stats[cat]))
        print("cases %d" % len(written))
        for st in sorted(styles):
            print("  style %-24s %3d" % (st, styles[st]))
    for w in sorted(set(lints)):
        print("lint: " + w, file=sys.stderr)
    if not args.quiet:
        for w in warn:
            print("note: " + w, file=sys.stderr)
    old = {os.path.basename(p) for p in glob.glob(os.path.join(HERE, "*.json"))}
    if args.check:
        bad = [n for n in written
               if not os.path.exists(os.path.join(HERE, n))
               or open(os.path.join(HERE, n), encoding="utf-8").read() != written[n]]
        bad += sorted(old - set(written))
        if bad:
            die("out of date: " + " ".join(bad[:10]))
        return
    for n in old - set(written):
        os.remove(os.path.join(HERE, n))
    for n, t in written.items():
        with open(os.path.join(HERE, n), "w", encoding="utf-8") as f:
            f.write(t)


if __name__ == "__main__":
    main()
