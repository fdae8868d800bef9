#!/usr/bin/env python3
"""tests/interop/kinds.py: every request kind and error code of proto/README.md.

Written, like client.py (whose WebSocket client it uses), from proto/README.md
and the .proto files alone: a stranger's second pass, over what client.py
leaves out. Each check names the README section it holds the gateway to.

    kinds.py --host H --port P --pki DIR --proto DIR --fixtures DIR

DIR of --pki is a certs/gen.sh PKI whose gateway.yaml also has a second
referral area `otherton` (tests/interop.test.sh adds it) and whose state
directory holds audit.vkey. Prints PASS/FAIL per check; exit 1 on any FAIL.

Covered, each with its README section: Hello (version, second Hello, a
superseded connection); every frame-level refusal and its close code (text
1003, unmasked 1002, RSV bits and stray continuations 1002, too large and
fragments over the cap 1009, no body and bad UTF-8 1007, a gateway-only
frame); fragments with a ping between; TLS refusals (no certificate, foreign
CA, revoked, expired, unregistered 403); Share (refusals by field, limits,
lawful basis, UNKNOWN_RECIPIENT, VIEW_TOO_LARGE, a frame of exactly
max_frame_bytes, unknown fields and enum values, other encoders' bytes);
the delivery window and Hello.resume_after; Refer (DASH applied,
duplicate, MSG_ID_CONFLICT, INVALID_REFERRAL by field, a serial
perpetrator and its notice); ResearchStatus; AgendaRequest (and the agenda
after a merge); ActionAdd/Update/ListRequest; MarkerAdd/Inform/Review/
ListRequest and the per-case caps; countdown notices, escalation on the
test clock; Flag, its ack and FlagHistoryRequest; the order of what is
pending after Welcome; LookupRequest forms, open cases only, RATE_LIMITED;
CloseCase, MergeCase, TransferCase, RetractShare, RetractAck; AuditQuery
(paging, filters, refusals), CheckpointRequest (Ed25519 notes checked with
audit.vkey), InclusionProofRequest and ConsistencyProofRequest (RFC 9162
paths checked), what each audit record carries and the digests a client
can recompute; every refusal reason in the trail named in README section 6;
with --marac, the JSON files `marac listen` writes (section 11). With
--paging (a gateway whose limits.max_frame_bytes is 4096): the agenda in
pages, audit pages, a truncated action list, checkpoints that fit a frame.
"""
import argparse
import base64
import copy
import datetime
import hashlib
import json
import os
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import client as base  # noqa: E402  (the README's transport, written once)

check = base.check
Closed = base.Closed

UNSOLICITED = ("deliver", "flag", "retract")
ERRORS = []  # every Error answer, to check that none quotes personal data


class Node:
    """One connection after Hello. Frames the gateway sends unasked
    (Deliver, Flag, Retract: README section 5) may come between a request
    and its answer; they are kept here, the answer is returned."""

    def __init__(self, a, name, hello=True):
        self.name = name
        self.c = base.Conn(a.host, a.port, a.pki, name)
        self.got = []
        self.raw = {}
        self.welcome = base.hello(self.c) if hello else None

    def _keep(self, f):
        self.got.append(f)
        if f.WhichOneof("body") == "deliver":
            self.raw[f.deliver.delivery_id] = self.c.last_raw

    def answer(self, timeout=15):
        end = time.time() + timeout
        while True:
            f = self.c.recv(max(0.1, end - time.time()))
            if f.WhichOneof("body") in UNSOLICITED:
                self._keep(f)
                continue
            if f.WhichOneof("body") == "error":
                ERRORS.append(f.error.message)
            return f

    def req(self, frame, timeout=15):
        self.c.send(frame)
        return self.answer(timeout)

    def req_raw(self, frame_bytes, timeout=15):
        self.c._send(0x2, frame_bytes)
        return self.answer(timeout)

    def wait_for(self, pred, timeout):
        """Unasked frames until pred(frame) holds for one (or time runs out)."""
        for f in self.got:
            if pred(f):
                return f
        end = time.time() + timeout
        while time.time() < end:
            try:
                f = self.c.recv(max(0.1, end - time.time()))
            except (socket.timeout, TimeoutError):
                break
            self._keep(f)
            if pred(f):
                return f
        return None

    def drain(self, seconds=0.5):
        try:
            while True:
                self._keep(self.c.recv(seconds))
        except (socket.timeout, TimeoutError):
            pass

    def ack_all(self):
        """DeliverAck for each Deliver and Flag kept, RetractAck for each Retract."""
        for f in self.got:
            b = f.WhichOneof("body")
            x = pb.Frame()
            if b == "deliver":
                x.deliver_ack.delivery_id = f.deliver.delivery_id
                x.deliver_ack.seq = f.deliver.seq
            elif b == "flag":
                x.deliver_ack.delivery_id = f.flag.flag_id
                x.deliver_ack.seq = f.flag.seq
            elif b == "retract":
                x.retract_ack.delivery_id = f.retract.delivery_id
            else:
                continue
            self.c.send(x)
        self.got = []

    def close(self):
        self.c.close()


def err_name(code):
    try:
        return pb.ErrorCode.Name(code)
    except ValueError:
        return str(code)


def is_error(f, code, msg_id=None, field=None):
    if f.WhichOneof("body") != "error" or f.error.code != code:
        return False
    if msg_id is not None and f.error.msg_id != msg_id:
        return False
    if field is not None and field not in f.error.message:
        return False
    return True


def show(f):
    b = f.WhichOneof("body")
    if b == "error":
        return "error %s %r msg_id=%r" % (err_name(f.error.code), f.error.message, f.error.msg_id)
    return b


def expect_error(node, frame, code, what, msg_id=None, field=None):
    f = node.req(frame)
    return check(is_error(f, code, msg_id, field), "%s: %s (got %s)" % (what, err_name(code), show(f)))


def close_code(conn, timeout=5):
    """The close code the gateway sends next (frames before it are skipped)."""
    try:
        while True:
            conn.recv(timeout)
    except Closed as cl:
        return cl.code
    except (socket.timeout, TimeoutError, OSError):
        return None


def F(**kw):
    """A Frame with one body: F(share={...}) from a dict in proto3 JSON form."""
    (body, value), = kw.items()
    f = pb.Frame()
    json_format.ParseDict({body: value}, f)
    return f


# ---- RFC 9162 proofs, C2SP checkpoints (README section 9)

def h_leaf(b):
    return hashlib.sha256(b"\x00" + b).digest()


def h_node(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()


def root_from_inclusion(idx, size, leaf, path):
    if idx >= size:
        return None
    fn, sn, r = idx, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = h_node(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = h_node(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def consistent(first, second, first_hash, second_hash, path):
    if first == second:
        return not path and first_hash == second_hash
    path = list(path)
    if first & (first - 1) == 0:
        path.insert(0, first_hash)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = h_node(c, fr)
            sr = h_node(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = h_node(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_hash and sr == second_hash


def varint(b, i):
    v = sh = 0
    while True:
        v |= (b[i] & 0x7F) << sh
        sh += 7
        i += 1
        if not b[i - 1] & 0x80:
            return v, i


def deliver_body(raw_frame):
    """The bytes of Frame.deliver after its leading seq and delivery_id fields
    (README section 9, DELIVERY_COMMITTED.body_sha256)."""
    if raw_frame[0] != 0x2A:  # Frame field 5 (deliver), length-delimited
        return b""
    _, i = varint(raw_frame, 1)
    d = raw_frame[i:]
    if d[0] != 0x08:          # seq, varint
        return b""
    _, j = varint(d, 1)
    if d[j] != 0x12:          # delivery_id, length-delimited
        return b""
    n, k = varint(d, j + 1)
    return d[k + n:]


def ed25519_verify(pub, msg, sig):
    """openssl's CLI, so that the stranger needs nothing beyond Debian's openssl."""
    d = tempfile.mkdtemp(prefix="marac-interop-sig-")
    der = bytes.fromhex("302a300506032b6570032100") + pub
    p = os.path.join(d, "pub.pem")
    with open(p, "w") as fh:
        fh.write("-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----\n" % base64.b64encode(der).decode())
    with open(os.path.join(d, "msg"), "wb") as fh:
        fh.write(msg)
    with open(os.path.join(d, "sig"), "wb") as fh:
        fh.write(sig)
    r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", p, "-rawin",
                        "-in", os.path.join(d, "msg"), "-sigfile", os.path.join(d, "sig")],
                       capture_output=True)
    for n in ("pub.pem", "msg", "sig"):
        os.unlink(os.path.join(d, n))
    os.rmdir(d)
    return r.returncode == 0


def parse_vkey(vkey):
    name, kid, b = vkey.strip().split("+", 2)
    raw = base64.b64decode(b)
    ok = raw[0] == 1 and len(raw) == 33 and \
        hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() == kid
    return name, bytes.fromhex(kid), raw[1:], ok


def verify_note(note, vkey):
    """(size, root) of a checkpoint note carrying a valid line of vkey, else None."""
    name, kid, pub, ok = parse_vkey(vkey)
    if not ok or "\n\n" not in note:
        return None
    text, sigs = note.split("\n\n", 1)
    text += "\n"
    lines = text.split("\n")
    for s in sigs.strip("\n").split("\n"):
        if not s.startswith("\u2014 "):
            return None
        kname, b = s[2:].rsplit(" ", 1)
        raw = base64.b64decode(b)
        if kname == name and raw[:4] == kid and ed25519_verify(pub, text.encode(), raw[4:]):
            return int(lines[1]), base64.b64decode(lines[2])
    return None


# ---- paging, on a gateway whose max_frame_bytes is 4096 (--paging)

def paging(a):
    """Every answer that can outgrow a frame is paged or cut as the README
    says (sections 8-10, 14): the agenda in pages joined by from_row, audit
    pages within the frame, a truncated action list, checkpoints that fit."""
    police, chair, aud = Node(a, "police"), Node(a, "chair"), Node(a, "auditor")
    mfb = police.welcome.max_frame_bytes
    check(mfb == 4096, "Welcome.max_frame_bytes is the configured 4096 (%d)" % mfb)
    today = datetime.datetime.fromtimestamp(police.welcome.server_time_ms / 1000, datetime.timezone.utc).date()
    refs, md = [], ""
    for i in range(64):
        r = {"victim": {"fullName": "Vee%s Smallframe" % (chr(65 + i % 26) * (1 + i // 26)),
                        "dateOfBirth": "1980-01-%02d" % (i % 28 + 1), "phones": ["07700 900%03d" % (600 + i)],
                        "address": {"postcode": "TS1 1AA"}},
             "risk": {"form": "DASH_FORM_SAFELIVES_24"}, "route": "REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT",
             "judgementReason": "Concern", "victimAware": "ANSWER_YES", "consentGiven": "ANSWER_YES",
             "referralDate": today.isoformat(), "maracArea": "testshire"}
        f = police.req(F(refer={"msgId": "paging-%d" % i, "lawfulBasis": "LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18",
                                "referral": r}))
        if f.WhichOneof("body") != "referral_accepted":
            check(False, "paging referral %d (%s)" % (i, show(f)))
            break
        refs.append(f.referral_accepted.case_ref)
        md = f.referral_accepted.meeting_date
    rows, frm, pages, sizes = [], 0, 0, []
    while pages < 20:
        f = chair.req(F(agendaRequest={"maracArea": "testshire", "meetingDate": md, "fromRow": frm}))
        if f.WhichOneof("body") != "agenda":
            check(False, "AgendaRequest from_row %d (%s)" % (frm, show(f)))
            break
        pages += 1
        sizes.append(len(chair.c.last_raw))
        ag = f.agenda
        rows += [x.case_ref for x in list(ag.cases_with_children) + list(ag.adult_only_cases) + list(ag.lapsed_cases)]
        if not ag.more:
            break
        frm = ag.next_row
    check(pages >= 2 and max(sizes) <= mfb and sorted(rows) == sorted(set(rows)) and set(refs) <= set(rows),
          "the agenda of %d cases comes in %d pages of at most %d bytes, joined by from_row with none lost or repeated"
          % (len(refs), pages, max(sizes) if sizes else 0))
    # (one event only: an AuditQuery counts as 10 requests against the rate)
    start, n, sizes, seqs = 0, 0, [], []
    for _ in range(50):
        f = aud.req(F(auditQuery={"startSeq": str(start), "event": "AUDIT_EVENT_REFERRAL_ACCEPTED"}))
        if f.WhichOneof("body") != "audit_records":
            check(False, "AuditQuery (%s)" % show(f))
            break
        sizes.append(len(aud.c.last_raw))
        seqs += [r.seq for r in f.audit_records.records]
        if not f.audit_records.more:
            break
        start = f.audit_records.next_seq
    check(len(sizes) >= 2 and max(sizes) <= mfb and len(seqs) == len(refs) and seqs == sorted(set(seqs)),
          "the %d REFERRAL_ACCEPTED records page within the frame (%d pages, largest %d bytes), none lost or repeated"
          % (len(seqs), len(sizes), max(sizes) if sizes else 0))
    for i in range(30):
        chair.req(F(actionAdd={"msgId": "paging-act-%d" % i, "caseRef": refs[0], "maracDate": today.isoformat(),
                               "owner": "AGENCY_HEALTH", "dueDate": today.isoformat(),
                               "description": "Action number %d, with words enough to fill a list" % i}))
    f = chair.req(F(actionListRequest={"caseRef": refs[0]}))
    check(f.WhichOneof("body") == "action_list" and f.action_list.truncated and 0 < len(f.action_list.actions) < 30 and
          len(chair.c.last_raw) <= mfb, "30 actions in a 4096-byte frame: ActionList truncated (%s)"
          % (len(f.action_list.actions) if f.WhichOneof("body") == "action_list" else show(f)))
    time.sleep(1.2)
    f = aud.req(F(checkpointRequest={}))
    check(f.WhichOneof("body") == "checkpoints" and f.checkpoints.notes and len(aud.c.last_raw) <= mfb,
          "Checkpoints: as many notes as fit the frame (%d)" % (len(f.checkpoints.notes) if f.WhichOneof("body") == "checkpoints" else 0))
    f = police.req(F(share={"msgId": "paging-big", "to": ["AGENCY_IDVA"], "purpose": "PURPOSE_MEETING",
                            "lawfulBasis": "LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18",
                            "summary": {"caseRef": "PG-1", "maracArea": "testshire",
                                        "narrative": " ".join("07700 900%03d." % i for i in range(230))}}))
    check(is_error(f, pb.ERROR_CODE_VIEW_TOO_LARGE, "paging-big") or is_error(f, pb.ERROR_CODE_FRAME_TOO_LARGE),
          "a share whose view is above 4096 bytes: VIEW_TOO_LARGE (%s)" % show(f))
    for n in (police, chair, aud):
        n.close()
    print("%d failed" % base.FAILS)
    return 1 if base.FAILS else 0


# ---- the scenario

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pki", required=True)
    ap.add_argument("--proto", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--marac", help="the marac CLI: check the JSON files `marac listen` writes (section 11)")
    ap.add_argument("--paging", action="store_true",
                    help="only the paging checks, against a gateway with limits.max_frame_bytes 4096")
    a = ap.parse_args()
    base.load_proto(a.proto)
    global pb, json_format
    pb, json_format = base.pb, base.json_format
    if a.paging:
        return paging(a)
    A = base.case_pb
    t0 = time.time()

    def node(name):
        return Node(a, name)

    # == 1-3. transport, frames, handshake
    # opened now, looked at near the end (section 1, 3): a TCP connection that
    # never starts TLS, and a WebSocket that never says Hello
    mute_tcp = socket.create_connection((a.host, a.port), timeout=5)
    mute_ws = base.Conn(a.host, a.port, a.pki, "asc")
    mute_t0 = time.time()
    x = base.Conn(a.host, a.port, a.pki, "csc")
    f = pb.Frame()
    f.hello.protocol_version = 2
    x.send(f)
    e = x.recv(5)
    check(is_error(e, pb.ERROR_CODE_PROTOCOL_VERSION) and close_code(x) == 1008,
          "Hello{protocol_version: 2}: PROTOCOL_VERSION, close 1008 (section 3)")
    for what, send, want_close in (
            ("a text message", lambda c: c._send(0x1, b"hello"), 1003),
            ("an empty binary message (a Frame with no body)", lambda c: c._send(0x2, b""), 1007),
            ("a Hello whose client_software is not UTF-8",
             lambda c: c._send(0x2, b"\x0a\x05\x08\x01\x12\x01\xff"), 1007)):
        x = base.Conn(a.host, a.port, a.pki, "csc")
        send(x)
        try:
            e = x.recv(5)
        except Closed as cl:
            e, code = None, cl.code
        else:
            code = close_code(x)
        check(e is not None and is_error(e, pb.ERROR_CODE_MALFORMED_FRAME) and code == want_close,
              "%s: MALFORMED_FRAME, close %d (section 2; got %s, close %s)"
              % (what, want_close, show(e) if e else "no Error", code))
    # an unmasked binary frame (RFC 6455 5.1): the client MUST mask
    x = base.Conn(a.host, a.port, a.pki, "csc")
    payload = pb.Frame(hello=pb.Hello(protocol_version=1)).SerializeToString()
    x.s.sendall(struct.pack("!BB", 0x82, len(payload)) + payload)
    try:
        e = x.recv(5)
        code = close_code(x)
    except Closed as cl:
        e, code = None, cl.code
    check(code == 1002 and (e is None or is_error(e, pb.ERROR_CODE_MALFORMED_FRAME)),
          "an unmasked frame: MALFORMED_FRAME, close 1002 (got %s, close %s)" % (show(e) if e else "no Error", code))

    # RFC 6455 framing (section 1, 7): fragments, control frames between them,
    # RSV bits, a stray continuation; on the auditor's certificate, to which
    # nothing is delivered
    def wsframe(c, op, payload, fin=True, rsv=0):
        m = os.urandom(4)
        n = len(payload)
        b0 = (0x80 if fin else 0) | rsv | op
        h = struct.pack("!BB", b0, 0x80 | n) if n < 126 else \
            struct.pack("!BBH", b0, 0x80 | 126, n) if n < 65536 else struct.pack("!BBQ", b0, 0x80 | 127, n)
        c.s.sendall(h + m + bytes(b ^ m[i % 4] for i, b in enumerate(payload)))

    def wsread(c, t=5):
        c.s.settimeout(t)
        b0, b1 = c._read(2)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack("!H", c._read(2))[0]
        elif n == 127:
            n = struct.unpack("!Q", c._read(8))[0]
        return b0 & 0x0F, c._read(n)
    hb = pb.Frame(hello=pb.Hello(protocol_version=1)).SerializeToString()
    x = base.Conn(a.host, a.port, a.pki, "auditor")
    wsframe(x, 0x2, hb[:3], fin=False)
    wsframe(x, 0x9, b"pq")
    wsframe(x, 0x0, hb[3:])
    got = [wsread(x), wsread(x)]
    check(got[0] == (0xA, b"pq") and got[1][0] == 0x2 and pb.Frame.FromString(got[1][1]).WhichOneof("body") == "welcome",
          "a Hello in two fragments with a ping between: the pong, then Welcome")
    wsframe(x, 0x8, struct.pack("!H", 1000))
    op, pl = wsread(x)
    check(op == 0x8 and pl[:2] == struct.pack("!H", 1000), "a close 1000 from the node is answered with close 1000")
    for what, send, want in (("RSV1 set", lambda c: wsframe(c, 0x2, hb, rsv=0x40), 1002),
                             ("a continuation with no message begun", lambda c: wsframe(c, 0x0, b"abc"), 1002)):
        x = base.Conn(a.host, a.port, a.pki, "auditor")
        send(x)
        check(close_code(x) == want, "%s: close %d (RFC 6455 protocol error)" % (what, want))
    x = base.Conn(a.host, a.port, a.pki, "auditor")
    base.hello(x)
    wsframe(x, 0x2, b"\0" * 600000, fin=False)
    try:
        wsframe(x, 0x0, b"\0" * 600000)
    except OSError:
        pass
    try:
        e = x.recv(5)
        code = close_code(x)
    except Closed as cl:
        e, code = None, cl.code
    check(e is not None and is_error(e, pb.ERROR_CODE_FRAME_TOO_LARGE) and code == 1009,
          "two fragments adding up to more than max_frame_bytes: FRAME_TOO_LARGE, close 1009")

    csc = node("csc")
    mfb = csc.welcome.max_frame_bytes
    f = csc.req(F(hello={"protocolVersion": 1}))
    check(is_error(f, pb.ERROR_CODE_UNEXPECTED_FRAME), "a second Hello: UNEXPECTED_FRAME (%s)" % show(f))
    f = csc.req(F(welcome={"nodeId": "x"}))
    check(is_error(f, pb.ERROR_CODE_UNEXPECTED_FRAME), "a frame only the gateway sends: UNEXPECTED_FRAME (%s)" % show(f))
    f = csc.req(F(researchStatus={"caseRef": "NO-SUCH-1", "done": True}))
    check(f.WhichOneof("body") == "error", "the connection stayed open after both (%s)" % show(f))
    x = node("csc")  # supersedes csc: close 4000 (section 7)
    check(close_code(csc.c, 3) == 4000, "the same node connecting again supersedes the first: close 4000")
    csc = x
    x = base.Conn(a.host, a.port, a.pki, "housing")
    base.hello(x)
    try:
        x.send(F(share={"msgId": "big", "summary": {"narrative": "x" * mfb}}))
    except OSError:
        pass  # the gateway may answer and close before it read the whole frame
    e = None
    try:
        while e is None or e.WhichOneof("body") != "error":
            e = x.recv(10)  # housing's pending deliveries may come first
        code = close_code(x)
    except Closed as cl:
        code = cl.code
    except OSError:
        code = "reset"
    check(e is not None and is_error(e, pb.ERROR_CODE_FRAME_TOO_LARGE) and code == 1009,
          "a frame above max_frame_bytes (%d): FRAME_TOO_LARGE, close 1009 (got %s, close %s)"
          % (mfb, show(e) if e else "no Error", code))

    # TLS refusals (section 1)
    def tls_refused(name):
        try:
            c = base.Conn(a.host, a.port, a.pki, name)
            base.hello(c)
            c.close()
            return "welcomed"
        except Closed as cl:
            return "HTTP %s" % cl.code
        except (ssl.SSLError, ConnectionError, OSError) as ex:
            return "TLS: %s" % type(ex).__name__
    for name, want in (("foreign", "TLS"), ("revoked", "TLS"), ("expired", "TLS"),
                       ("unregistered", "HTTP 403")):
        got = tls_refused(name)
        check(got.startswith(want), "certificate %s: refused, %s (%s)" % (name, want, got))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(os.path.join(a.pki, "ca.crt"))
    try:
        s = ctx.wrap_socket(socket.create_connection((a.host, a.port), timeout=5), server_hostname="localhost")
        s.sendall(b"GET /v1 HTTP/1.1\r\nHost: x\r\n\r\n")
        got = s.recv(100)
        nocert = "answered %r" % got[:20] if got else "closed"
    except (ssl.SSLError, ConnectionError, OSError) as ex:
        nocert = "TLS alert: %s" % getattr(ex, "reason", type(ex).__name__)
    check(not nocert.startswith("answered"), "no client certificate: refused in TLS (%s)" % nocert)

    # == 10. referrals
    police = node("police")
    today = datetime.datetime.fromtimestamp(police.welcome.server_time_ms / 1000, datetime.timezone.utc).date()
    with open(os.path.join(a.fixtures, "referral_police.json")) as fh:
        tmpl = json.load(fh)

    def referral(victim, phone, nhs, dob, postcode, perp, perp_dob, perp_phone):
        r = copy.deepcopy(tmpl)
        r["referralDate"] = today.isoformat()
        r["victim"].update({"fullName": victim, "aliases": [], "dateOfBirth": dob, "phones": [phone],
                            "nhsNumber": nhs, "email": "", "address": {"lines": ["2 Sample Street"],
                                                                       "postcode": postcode}})
        r["perpetrators"] = [{"fullName": perp, "dateOfBirth": perp_dob, "phones": [perp_phone],
                              "role": "PERSON_ROLE_PERPETRATOR", "relationshipToVictim": "partner"}]
        r["fears"] = "She fears %s." % perp
        r["safeContacts"] = []
        r["unsafeContacts"] = []
        return r

    def refer(n, msg_id, r, basis="LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18"):
        return n.req(F(refer={"msgId": msg_id, "lawfulBasis": basis, "referral": r}))

    rz = referral("Zara Interopwell", "07700 900456", "9990000018", "1991-05-06", "TS2 3DE",
                  "Kieran Exampleson", "1985-03-03", "07700 900457")
    f = refer(police, "kinds-refer-a", rz)
    ok = check(f.WhichOneof("body") == "referral_accepted", "Refer: ReferralAccepted (%s)" % show(f))
    if not ok:
        print("%d failed" % base.FAILS)
        return 1
    ra = f.referral_accepted
    case_a = ra.case_ref
    check(ra.score == 15 and ra.level == A.RISK_LEVEL_HIGH and ra.dash.questions == 24 and
          ra.dash.threshold == 14 and ra.dash.form == A.DASH_FORM_SAFELIVES_24 and "15 of 24" in ra.dash.text,
          "ReferralAccepted.dash: %r" % ra.dash.text)
    check(ra.meeting_date > today.isoformat() and not ra.repeat and ra.audit_seq > 0,
          "a new case %s for the meeting of %s" % (case_a, ra.meeting_date))
    f = refer(police, "kinds-refer-a", rz)
    check(f.WhichOneof("body") == "referral_accepted" and f.referral_accepted.duplicate and
          f.referral_accepted.case_ref == case_a, "the same Refer again: duplicate, the same case (%s)" % show(f))
    rz2 = copy.deepcopy(rz)
    rz2["crimeRef"] = "TS/99999/26"
    f = refer(police, "kinds-refer-a", rz2)
    check(is_error(f, pb.ERROR_CODE_MSG_ID_CONFLICT, "kinds-refer-a"), "other bytes under that msg_id: MSG_ID_CONFLICT (%s)" % show(f))
    for n, (mut, basis, field) in enumerate((
            (lambda r: r["risk"]["answers"][0].update(answer="ANSWER_NO") or
             [x.update(answer="ANSWER_NO") for x in r["risk"]["answers"][:5]], None, "risk.answers"),
            (lambda r: None, "LAWFUL_BASIS_CALDICOTT_7", "lawful_basis"),
            (lambda r: r.update(victimAware="ANSWER_NO"), None, "victim_aware_reason"),
            (lambda r: r.update(route="REFERRAL_ROUTE_REPEAT"), None, "route"),
            (lambda r: r.update(referralDate=(today + datetime.timedelta(days=3)).isoformat()), None, "referral_date"),
            (lambda r: r["victim"].update(dateOfBirth=(today.replace(year=today.year - 15)).isoformat()), None,
             "victim"),
            (lambda r: r.update(route="REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT", judgementReason=""), None,
             "judgement_reason"))):
        r = referral("Quinn Nomatch", "07700 900901", "9990000026", "1980-01-01", "TS9 9ZZ",
                     "Otto Nomatch", "1979-01-01", "07700 900902")
        mut(r)
        f = refer(police, "kinds-bad-refer-%d" % n, r, basis or "LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18")
        check(is_error(f, pb.ERROR_CODE_INVALID_REFERRAL, "kinds-bad-refer-%d" % n) and
              f.error.message.startswith(field) and "Quinn" not in f.error.message,
              "INVALID_REFERRAL naming %s (%s)" % (field, show(f)))
    csc_refer = F(refer={"msgId": "kinds-refer-csc", "lawfulBasis": "LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4",
                         "referral": referral("Quinn Nomatch", "07700 900901", "9990000026", "1980-01-01",
                                              "TS9 9ZZ", "Otto Nomatch", "1979-01-01", "07700 900902")})
    expect_error(csc, csc_refer, pb.ERROR_CODE_INVALID_REFERRAL,
                 "children's social care claiming law enforcement", "kinds-refer-csc", "lawful_basis")
    chair = node("chair")
    expect_error(chair, csc_refer, pb.ERROR_CODE_NOT_AUTHORISED, "a Refer from a chair (no role node)")

    # a duplicate referral of the same incident (B, to merge), and two more victims (C: transfer, D: withdraw)
    f = refer(police, "kinds-refer-b", rz2)
    check(f.WhichOneof("body") == "referral_accepted" and f.referral_accepted.repeat and
          f.referral_accepted.previous and f.referral_accepted.previous[0].case_ref == case_a,
          "a second referral of Zara is a repeat of %s (%s)" % (case_a, show(f)))
    case_b = f.referral_accepted.case_ref if f.WhichOneof("body") == "referral_accepted" else "TS-NONE"
    f = refer(police, "kinds-refer-c", referral("Yasmin Samplewood", "07700 900461", "9990000034", "1988-02-02",
                                                "TS3 4EF", "Victor Placeholm", "1984-04-04", "07700 900462"))
    case_c = f.referral_accepted.case_ref if check(f.WhichOneof("body") == "referral_accepted",
                                                    "referral C (%s)" % show(f)) else "TS-NONE"
    f = refer(police, "kinds-refer-d", referral("Wendy Testerfield", "07700 900471", "9990000042", "1992-03-03",
                                                "TS4 5GH", "Ulric Dummyman", "1983-05-05", "07700 900472"))
    case_d = f.referral_accepted.case_ref if check(f.WhichOneof("body") == "referral_accepted",
                                                    "referral D (%s)" % show(f)) else "TS-NONE"
    rf = referral("Una Beforeborn", "07700 900491", "9990000069", "1995-07-07", "TS6 7NP",
                  "Tobias Notreal", "1990-08-08", "07700 900492")
    rf["children"] = [{"fullName": "Unborn Beforeborn", "role": "PERSON_ROLE_CHILD",
                       "expectedDeliveryDate": (today + datetime.timedelta(days=100)).isoformat()}]
    f = refer(police, "kinds-refer-f", rf)
    case_f = f.referral_accepted.case_ref if check(f.WhichOneof("body") == "referral_accepted",
                                                    "referral F, whose only child is unborn (%s)" % show(f)) else "TS-NONE"

    # == 4. share refusals
    with open(os.path.join(a.fixtures, "case_basic.json")) as fh:
        summ = json.load(fh)

    def share(msg_id, to, summary=None, purpose="PURPOSE_MEETING", basis="LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18"):
        s = {"msgId": msg_id, "to": to, "summary": summary if summary is not None else summ}
        if purpose:
            s["purpose"] = purpose
        if basis:
            s["lawfulBasis"] = basis
        return F(share=s)
    expect_error(police, share("kinds-s1", ["AGENCY_HEALTH"], purpose=None), pb.ERROR_CODE_INVALID_SHARE,
                 "a Share without purpose", "kinds-s1", "purpose")
    expect_error(police, share("kinds-s2", ["AGENCY_HEALTH"], basis=None), pb.ERROR_CODE_INVALID_SHARE,
                 "a Share without lawful_basis", "kinds-s2", "lawful_basis")
    expect_error(police, share("kinds-s3", []), pb.ERROR_CODE_INVALID_SHARE, "a Share to nobody", "kinds-s3", "to")
    expect_error(police, share("kinds-s4", ["AGENCY_HEALTH"] * 9), pb.ERROR_CODE_INVALID_SHARE,
                 "a Share with 9 `to` entries", "kinds-s4", "to")
    expect_error(police, share("has space", ["AGENCY_HEALTH"]), pb.ERROR_CODE_INVALID_SHARE,
                 "a msg_id with a space (not echoed)", "")
    s5 = dict(summ, caseRef="-bad")
    expect_error(police, share("kinds-s5", ["AGENCY_HEALTH"], s5), pb.ERROR_CODE_INVALID_SHARE,
                 "a case_ref starting with '-'", "kinds-s5", "case_ref")
    expect_error(csc, share("kinds-s6", ["AGENCY_HEALTH"], basis="LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4"),
                 pb.ERROR_CODE_INVALID_SHARE, "children's social care sharing under law enforcement",
                 "kinds-s6", "lawful_basis")
    expect_error(police, share("kinds-s7", ["AGENCY_HEALTH"], basis="LAWFUL_BASIS_CONSENT",
                               summary=dict(summ, consentGiven="ANSWER_NO")), pb.ERROR_CODE_INVALID_SHARE,
                 "consent as the basis without consent_given YES", "kinds-s7", "lawful_basis")
    expect_error(police, share("kinds-s8", ["AGENCY_HEALTH"], dict(summ, maracArea="otherton")),
                 pb.ERROR_CODE_UNKNOWN_RECIPIENT, "a Share to health in otherton (no health node there)", "kinds-s8")
    expect_error(csc, share("kinds-s9", ["AGENCY_HEALTH"], dict(summ, maracArea="otherton")),
                 pb.ERROR_CODE_NOT_AUTHORISED, "a Share about an area the sender does not serve", "kinds-s9")
    expect_error(chair, share("kinds-s10", ["AGENCY_HEALTH"]), pb.ERROR_CODE_NOT_AUTHORISED,
                 "a Share from a chair (no role node)", "kinds-s10")
    phones = " ".join("07700 900%03d." % (i % 1000) for i in range(int(mfb * 0.6) // 14))
    f = police.req(share("kinds-s11", ["AGENCY_HEALTH"], dict(summ, narrative=phones)), timeout=60)
    check(is_error(f, pb.ERROR_CODE_VIEW_TOO_LARGE, "kinds-s11") or is_error(f, pb.ERROR_CODE_INVALID_SHARE, "kinds-s11"),
          "a narrative whose scrubbed view outgrows max_frame_bytes: VIEW_TOO_LARGE (%s)" % show(f)[:160])

    # == 10. research and the agenda
    f = csc.req(F(researchStatus={"caseRef": case_a, "done": True}))
    check(f.WhichOneof("body") == "research_recorded" and f.research_recorded.case_ref == case_a and
          f.research_recorded.agency == A.AGENCY_CHILDRENS_SOCIAL_CARE and f.research_recorded.done,
          "ResearchStatus: ResearchRecorded for csc (%s)" % show(f))
    expect_error(csc, F(researchStatus={"caseRef": "TS-2000-9999", "done": True}), pb.ERROR_CODE_UNKNOWN_CASE,
                 "ResearchStatus on an unknown case")
    ctl = node("control")
    expect_error(ctl, F(researchStatus={"caseRef": case_a, "done": True}), pb.ERROR_CODE_NOT_AUTHORISED,
                 "ResearchStatus from a lookup certificate")

    def agenda(n, **kw):
        q = {"maracArea": "testshire", "meetingDate": ra.meeting_date}
        q.update(kw)
        return n.req(F(agendaRequest=q))
    f = agenda(chair, apologies=["AGENCY_HOUSING"], startTime="09:30", minutesPerCase=12)
    ok = check(f.WhichOneof("body") == "agenda", "AgendaRequest: Agenda (%s)" % show(f))
    if ok:
        ag = f.agenda
        rows = list(ag.cases_with_children) + list(ag.adult_only_cases)
        row = [r for r in rows if r.case_ref == case_a]
        check(row and row[0].dash_score == 15 and row[0].children_count == 2 and row[0].slot.count(":") == 1,
              "the agenda lists %s: DASH 15, 2 children, slot %s" % (case_a, row[0].slot if row else "-"))
        check(row and any(r.agency == A.AGENCY_CHILDRENS_SOCIAL_CARE and r.done for r in row[0].research),
              "the agenda row shows csc's research done")
        check(ag.start_time == "09:30" and ag.minutes_per_case == 12 and list(ag.apologies) == [A.AGENCY_HOUSING]
              and A.AGENCY_HOUSING in ag.attending and ag.confidentiality_statement and ag.protective_marking,
              "Agenda: start 09:30, 12 minutes, housing's apologies, statement and marking")
        check(b"Zara" not in ag.SerializeToString(), "the agenda holds no name")
        ordered = list(ag.cases_with_children) + list(ag.adult_only_cases) + list(ag.lapsed_cases)
        want = ["%02d:%02d" % divmod(9 * 60 + 30 + 12 * i, 60) for i in range(len(ordered))]
        check([x.slot for x in ordered] == want, "slots run from 09:30 in steps of 12 minutes, children first (%s)"
              % [x.slot for x in ordered])
        rb = [x for x in rows if x.case_ref == case_b]
        check(rb and rb[0].repeat and rb[0].last_case_ref == case_a and rb[0].last_area == "testshire" and
              rb[0].last_referral_date == today.isoformat(), "the duplicate's row: a repeat of %s, testshire, today" % case_a)
        rf_ = [x for x in ag.cases_with_children if x.case_ref == case_f]
        check(rf_ and rf_[0].unborn_children == 1 and rf_[0].children_count == 1,
              "a case whose only child is unborn is listed with children, unborn_children 1")
    for what, kw in (("a date the area does not meet", {"meetingDate": (today + datetime.timedelta(days=1)).isoformat()
                                                          if (today + datetime.timedelta(days=1)).weekday() != 1
                                                          else (today + datetime.timedelta(days=2)).isoformat()}),
                     ("a start_time 9.30", {"startTime": "9.30"}), ("121 minutes per case", {"minutesPerCase": 121}),
                     ("meeting_date 01/12/2026", {"meetingDate": "01/12/2026"}),
                     ("apologies from an agency with no node of the area", {"apologies": ["AGENCY_UNSPECIFIED"]})):
        f = agenda(chair, **kw)
        check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "AgendaRequest with %s: INVALID_REQUEST (%s)" % (what, show(f)))
    f = agenda(chair, maracArea="otherton")
    check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED), "AgendaRequest for an area the chair does not serve: NOT_AUTHORISED (%s)" % show(f))
    f = agenda(police)
    check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED), "AgendaRequest from a node: NOT_AUTHORISED (%s)" % show(f))
    f = agenda(chair, maracArea="Nowhere Else")
    check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED), "AgendaRequest for an area that does not exist: NOT_AUTHORISED (%s)" % show(f))

    # == 14. actions
    def action_add(n, msg_id, **kw):
        q = {"msgId": msg_id, "caseRef": case_a, "maracDate": today.isoformat(), "owner": "AGENCY_HEALTH",
             "description": "Call Zara on 07700 900456 about the GP visit", "dueDate": today.isoformat()}
        q.update(kw)
        return n.req(F(actionAdd=q))
    f = action_add(chair, "kinds-act-1")
    ok = check(f.WhichOneof("body") == "action_recorded", "ActionAdd: ActionRecorded (%s)" % show(f))
    act = f.action_recorded.action if ok else pb.Frame().action_recorded.action
    check(act.status == 1 and act.days_left == 0 and act.owner == A.AGENCY_HEALTH and act.case_ref == case_a
          and act.set_by_node == "chair-testshire", "the action as stored: OPEN, due today, owner health")
    check("900456" not in act.description and "Zara" not in act.description,
          "the description is scrubbed before it is stored: %r" % act.description)
    f = action_add(chair, "kinds-act-1")
    check(f.WhichOneof("body") == "action_recorded" and f.action_recorded.duplicate and
          f.action_recorded.action.action_id == act.action_id, "the same ActionAdd again: duplicate (%s)" % show(f))
    f = action_add(chair, "kinds-act-1", dueDate=(today + datetime.timedelta(days=9)).isoformat())
    check(is_error(f, pb.ERROR_CODE_MSG_ID_CONFLICT, "kinds-act-1"), "ActionAdd, other bytes: MSG_ID_CONFLICT (%s)" % show(f))
    f = action_add(chair, "kinds-act-2", owner="AGENCY_IDVA", dueDate=(today + datetime.timedelta(days=7)).isoformat(),
                   description="Safety plan review")
    act2 = f.action_recorded.action if f.WhichOneof("body") == "action_recorded" else None
    check(act2 is not None and act2.days_left == 7, "a second action, due in 7 days (%s)" % show(f))
    for what, kw, code in (
            ("marac_date the day after tomorrow (today allows UTC + 1 day)", {"maracDate": (today + datetime.timedelta(days=2)).isoformat()}, pb.ERROR_CODE_INVALID_REQUEST),
            ("due_date before marac_date", {"dueDate": (today - datetime.timedelta(days=1)).isoformat()}, pb.ERROR_CODE_INVALID_REQUEST),
            ("no owner", {"owner": "AGENCY_UNSPECIFIED"}, pb.ERROR_CODE_INVALID_REQUEST),
            ("an empty description", {"description": ""}, pb.ERROR_CODE_INVALID_REQUEST),
            ("a 4097-byte description", {"description": "a" * 4097}, pb.ERROR_CODE_INVALID_REQUEST),
            ("an unknown case", {"caseRef": "TS-2000-9999"}, pb.ERROR_CODE_UNKNOWN_CASE)):
        f = action_add(chair, "kinds-act-bad-" + what.replace(" ", "-"), **kw)
        check(is_error(f, code), "ActionAdd with %s: %s (%s)" % (what, err_name(code), show(f)))
    f = action_add(police, "kinds-act-police")
    check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED), "ActionAdd from a node (no role chair): NOT_AUTHORISED (%s)" % show(f))

    def action_update(n, msg_id, action_id, status, note=""):
        return n.req(F(actionUpdate={"msgId": msg_id, "actionId": action_id, "status": status, "note": note}))
    health = node("health")
    f = action_update(csc, "kinds-upd-csc", act.action_id, "ACTION_STATUS_DONE")
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER, "kinds-upd-csc"), "ActionUpdate by csc (not the owner): NOT_OWNER (%s)" % show(f))
    f = action_update(chair, "kinds-upd-chair", act.action_id, "ACTION_STATUS_DONE")
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER), "ActionUpdate by the chair: NOT_OWNER (%s)" % show(f))
    f = action_update(health, "kinds-upd-none", "A-999999", "ACTION_STATUS_DONE")
    check(is_error(f, pb.ERROR_CODE_UNKNOWN_ITEM), "ActionUpdate of no such action: UNKNOWN_ITEM (%s)" % show(f))
    f = action_update(health, "kinds-upd-0", act.action_id, "ACTION_STATUS_UNSPECIFIED")
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "ActionUpdate with status UNSPECIFIED: INVALID_REQUEST (%s)" % show(f))
    idva = node("idva")
    f = action_update(idva, "kinds-upd-1", act2.action_id if act2 else "A-0", "ACTION_STATUS_NOT_POSSIBLE_CIRCUMSTANCES_CHANGED",
                      "She moved; Ms Zara Interopwell asked us to call 07700 900456")
    ok = check(f.WhichOneof("body") == "action_recorded" and f.action_recorded.action.status == 3 and
               f.action_recorded.action.date_reported == today.isoformat(),
               "ActionUpdate by the owner (idva): status recorded (%s)" % show(f))
    if ok:
        check("900456" not in f.action_recorded.action.note, "the note is scrubbed: %r" % f.action_recorded.action.note)
    f = health.req(F(actionListRequest={}))
    check(f.WhichOneof("body") == "action_list" and [x.action_id for x in f.action_list.actions] == [act.action_id]
          and f.action_list.today == today.isoformat(),
          "ActionList for health: its open action only (%s)" % (show(f) if f.WhichOneof("body") != "action_list"
                                                               else [x.action_id for x in f.action_list.actions]))
    f = chair.req(F(actionListRequest={"caseRef": case_a, "includeClosed": True}))
    check(f.WhichOneof("body") == "action_list" and len(f.action_list.actions) == 2,
          "ActionList for the chair with include_closed: both actions (%s)" % show(f))
    f = csc.req(F(actionListRequest={}))
    check(f.WhichOneof("body") == "action_list" and not f.action_list.actions, "ActionList for csc: none of its own")
    f = ctl.req(F(actionListRequest={}))
    check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED), "ActionListRequest from a lookup certificate: NOT_AUTHORISED (%s)" % show(f))

    # == 14. markers
    def marker_add(n, msg_id, **kw):
        q = {"msgId": msg_id, "caseRef": case_a, "startDate": today.isoformat(),
             "reviewDue": (today + datetime.timedelta(days=10)).isoformat(), "oicNode": ""}
        q.update(kw)
        return n.req(F(markerAdd=q))
    f = marker_add(police, "kinds-mk-1")
    ok = check(f.WhichOneof("body") == "marker_recorded", "MarkerAdd: MarkerRecorded (%s)" % show(f))
    mk = f.marker_recorded.marker if ok else None
    check(mk is not None and mk.state == 1 and not mk.victim_informed and mk.days_to_review == 10,
          "the marker: ACTIVE, not yet told, review in 10 days")
    f = marker_add(csc, "kinds-mk-csc")
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER) or is_error(f, pb.ERROR_CODE_NOT_AUTHORISED),
          "MarkerAdd from csc: refused (%s)" % show(f))
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER), "MarkerAdd from a node of another agency: NOT_OWNER, reason not_police (%s)" % show(f))
    for what, kw in (("a review 7 months on", {"reviewDue": (today + datetime.timedelta(days=215)).isoformat()}),
                     ("a review already past", {"startDate": (today - datetime.timedelta(days=30)).isoformat(),
                                                "reviewDue": (today - datetime.timedelta(days=1)).isoformat()}),
                     ("an oic_node that is not police", {"oicNode": "csc-testshire"}),
                     ("a start date the day after tomorrow", {"startDate": (today + datetime.timedelta(days=2)).isoformat()})):
        f = marker_add(police, "kinds-mk-bad-" + what.replace(" ", "-"), **kw)
        check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "MarkerAdd with %s: INVALID_REQUEST (%s)" % (what, show(f)))
    mid = mk.marker_id if mk else "M-0"

    def inform(n, msg_id, **kw):
        q = {"msgId": msg_id, "markerId": mid, "date": today.isoformat(), "method": "INFORM_METHOD_PHONE",
             "outcome": "INFORM_OUTCOME_NO_ANSWER"}
        q.update(kw)
        return n.req(F(markerInform=q))
    f = inform(police, "kinds-inf-1")
    check(f.WhichOneof("body") == "marker_recorded" and not f.marker_recorded.marker.victim_informed and
          len(f.marker_recorded.marker.contacts) == 1, "MarkerInform, no answer: an attempt kept, not told (%s)" % show(f))
    f = inform(police, "kinds-inf-2", outcome="INFORM_OUTCOME_INFORMED", method="INFORM_METHOD_VIA_IDVA")
    check(f.WhichOneof("body") == "marker_recorded" and f.marker_recorded.marker.victim_informed and
          f.marker_recorded.marker.contacts[-1].stage == "placed", "MarkerInform, informed: victim_informed (%s)" % show(f))
    f = inform(police, "kinds-inf-3", date=(today + datetime.timedelta(days=2)).isoformat())
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "MarkerInform dated the day after tomorrow: INVALID_REQUEST (%s)" % show(f))
    f = inform(police, "kinds-inf-4", method="INFORM_METHOD_UNSPECIFIED")
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "MarkerInform without a method: INVALID_REQUEST (%s)" % show(f))
    f = inform(csc, "kinds-inf-csc")
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER), "MarkerInform from csc: NOT_OWNER (%s)" % show(f))
    f = inform(police, "kinds-inf-none", markerId="M-999999")
    check(is_error(f, pb.ERROR_CODE_UNKNOWN_ITEM), "MarkerInform of no such marker: UNKNOWN_ITEM (%s)" % show(f))
    f = police.req(F(markerReview={"msgId": "kinds-rev-bad", "markerId": mid,
                                   "newReviewDue": (today + datetime.timedelta(days=200)).isoformat()}))
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "MarkerReview extending beyond 6 months: INVALID_REQUEST (%s)" % show(f))
    f = police.req(F(markerReview={"msgId": "kinds-rev-1", "markerId": mid,
                                   "newReviewDue": (today + datetime.timedelta(days=12)).isoformat()}))
    check(f.WhichOneof("body") == "marker_recorded" and f.marker_recorded.marker.review_due ==
          (today + datetime.timedelta(days=12)).isoformat() and not f.marker_recorded.marker.victim_informed,
          "MarkerReview extend: new review due, she must be told again (%s)" % show(f))
    # a second marker, withdrawn, then reviewed again
    f = marker_add(police, "kinds-mk-2", oicNode="police-testshire")
    mid2 = f.marker_recorded.marker.marker_id if f.WhichOneof("body") == "marker_recorded" else "M-0"
    f = police.req(F(markerReview={"msgId": "kinds-rev-2", "markerId": mid2, "withdraw": True}))
    check(f.WhichOneof("body") == "marker_recorded" and f.marker_recorded.marker.state == 2 and
          f.marker_recorded.marker.withdrawn_date == today.isoformat(), "MarkerReview withdraw: WITHDRAWN (%s)" % show(f))
    f = police.req(F(markerReview={"msgId": "kinds-rev-3", "markerId": mid2, "withdraw": True}))
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "a review of a withdrawn marker: INVALID_REQUEST (%s)" % show(f))
    f = police.req(F(markerListRequest={"caseRef": case_a, "includeWithdrawn": True}))
    check(f.WhichOneof("body") == "marker_list" and len(f.marker_list.markers) == 2 and
          f.marker_list.today == today.isoformat(), "MarkerList (police, include_withdrawn): both (%s)" % show(f))
    f = chair.req(F(markerListRequest={"dueOnly": True}))
    check(f.WhichOneof("body") == "marker_list" and [m.marker_id for m in f.marker_list.markers] == [mid],
          "MarkerList for the chair, due_only: the active marker due in 12 days (%s)" % show(f))
    f = csc.req(F(markerListRequest={}))
    check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED), "MarkerListRequest from csc: NOT_AUTHORISED (%s)" % show(f))

    # == 13. flags: health shares about Zara under its own case ref; police
    # (the referring agency) and idva (flag_agencies) are flagged
    hsum = {"caseRef": "HEALTH-LOCAL-77", "maracArea": "testshire",
            "victim": {"fullName": "Zara Interopwell", "phones": ["+447700900456"], "role": "PERSON_ROLE_VICTIM"},
            "narrative": "Seen in A&E."}
    f = health.req(share("kinds-flag-share", ["AGENCY_IDVA"], hsum))
    check(f.WhichOneof("body") == "share_accepted", "health's share about the same victim is accepted (%s)" % show(f))
    fl = police.wait_for(lambda x: x.WhichOneof("body") == "flag" and x.flag.case_ref == case_a, 10)
    check(fl is not None and fl.flag.touched_by_agency == A.AGENCY_HEALTH and fl.flag.via == "share" and
          "phone" in fl.flag.matched_on and len(fl.flag.flag_id) == 32,
          "police is flagged: %s touched by health via share on phone" % case_a)
    check(fl is None or b"HEALTH-LOCAL" not in fl.SerializeToString(), "the Flag does not carry the toucher's case ref")
    fi = idva.wait_for(lambda x: x.WhichOneof("body") == "flag" and x.flag.case_ref == case_a, 10)
    check(fi is not None, "idva (the area's flag_agencies) is flagged too")
    check(health.wait_for(lambda x: x.WhichOneof("body") == "flag", 0.5) is None, "the touching node is not flagged")
    f = police.req(F(flagHistoryRequest={"caseRef": case_a}))
    check(f.WhichOneof("body") == "flag_history" and f.flag_history.entries and
          f.flag_history.entries[0].agency == A.AGENCY_HEALTH and f.flag_history.entries[0].via == "share",
          "FlagHistory for police: health's touch (%s)" % show(f))
    expect_error(csc, F(flagHistoryRequest={"caseRef": case_a}), pb.ERROR_CODE_NOT_AUTHORISED,
                 "FlagHistoryRequest from csc (neither referrer nor flag agency)")
    expect_error(police, F(flagHistoryRequest={"caseRef": "TS-2000-9999"}), pb.ERROR_CODE_UNKNOWN_CASE,
                 "FlagHistoryRequest on an unknown case")
    expect_error(chair, F(flagHistoryRequest={"caseRef": case_a}), pb.ERROR_CODE_NOT_AUTHORISED,
                 "FlagHistoryRequest from a chair (no role node)")

    # == 13. lookup forms
    def lookup(n, **kw):
        return n.req(F(lookupRequest=kw))
    f = lookup(ctl, msgId="kinds-lk-1", nhsNumber="999 000 0018")
    check(f.WhichOneof("body") == "lookup_result" and f.lookup_result.found and
          f.lookup_result.cases[0].case_ref in (case_a, case_b) and f.lookup_result.cases[0].marker_active and
          "nhs_number" in f.lookup_result.cases[0].matched_on, "lookup by NHS number with spaces: found, marker active (%s)" % show(f))
    if f.WhichOneof("body") == "lookup_result":
        lc = {c.case_ref: c for c in f.lookup_result.cases}
        check(set(lc) == {case_a, case_b}, "the lookup names both open cases of the victim (%s)" % sorted(lc))
        ca = lc.get(case_a)
        check(ca is not None and set(ca.agencies) == {A.AGENCY_POLICE, A.AGENCY_CHILDRENS_SOCIAL_CARE, A.AGENCY_HEALTH}
              and ca.last_heard == today.isoformat() and ca.contact.startswith("Testshire MARAC coordinator"),
              "LookupCase.agencies: the referrer, csc (research), health (touched it); last_heard today; the contact")
    f = lookup(ctl, fullName="INTEROPWELL, Zara", dateOfBirth="06/05/1991")
    check(f.WhichOneof("body") == "lookup_result" and f.lookup_result.found and
          "name_dob" in f.lookup_result.cases[0].matched_on, "lookup by 'SURNAME, Forename' and DD/MM/YYYY: found (%s)" % show(f))
    f = lookup(ctl, phone="07700 900999")
    check(f.WhichOneof("body") == "lookup_result" and not f.lookup_result.found, "lookup of an unknown phone: not found")
    f = lookup(ctl, fullName="Zarah Interopwell", dateOfBirth="1991-05-06")
    check(f.WhichOneof("body") == "lookup_result" and not f.lookup_result.found,
          "lookup by a name one letter off: not found (a fuzzy name never answers a lookup)")
    for i, ph in enumerate(("07700 900456", "+44 (0)7700-900456")):
        lookup(ctl, msgId="kinds-lk-same-%d" % i, phone=ph)
    for what, kw in (("an NHS number failing its check digit", {"nhsNumber": "9990000019"}),
                     ("a name without a date", {"fullName": "Zara Interopwell"}),
                     ("a date that is no date", {"fullName": "Zara Interopwell", "dateOfBirth": "31/02/1991"}),
                     ("no form", {"msgId": "kinds-lk-empty"}), ("not a phone", {"phone": "hello"})):
        f = lookup(ctl, **kw)
        check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "lookup with %s: INVALID_REQUEST (%s)" % (what, show(f)))
    f = lookup(ctl, msgId="kinds-lk-e", nhsNumber="1")
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST, "kinds-lk-e"), "a lookup's Error echoes its msg_id (%s)" % show(f))

    # == 12. lifecycle
    f = chair.req(F(mergeCase={"duplicateCaseRef": case_b, "intoCaseRef": case_a}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.status == 4 and
          f.case_updated.merged_into == case_a and f.case_updated.case_ref == case_b,
          "MergeCase: %s MERGED into %s (%s)" % (case_b, case_a, show(f)))
    f = chair.req(F(mergeCase={"duplicateCaseRef": case_b, "intoCaseRef": case_a}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.unchanged, "the same merge again: unchanged (%s)" % show(f))
    expect_error(chair, F(mergeCase={"duplicateCaseRef": case_a, "intoCaseRef": case_a}), pb.ERROR_CODE_INVALID_REQUEST,
                 "a case merged into itself")
    expect_error(police, F(mergeCase={"duplicateCaseRef": case_c, "intoCaseRef": case_a}), pb.ERROR_CODE_NOT_AUTHORISED,
                 "MergeCase from a node (no role chair)")
    f = csc.req(F(researchStatus={"caseRef": case_b, "done": True}))
    check(is_error(f, pb.ERROR_CODE_CASE_NOT_OPEN) and case_a in f.error.message,
          "ResearchStatus on a merged duplicate: CASE_NOT_OPEN naming %s (%s)" % (case_a, show(f)))
    f = action_add(chair, "kinds-act-merged", caseRef=case_b)
    check(is_error(f, pb.ERROR_CODE_CASE_NOT_OPEN) and case_a in f.error.message,
          "ActionAdd on a merged case: CASE_NOT_OPEN naming the surviving case (%s)" % show(f))
    f = marker_add(police, "kinds-mk-merged", caseRef=case_b)
    check(is_error(f, pb.ERROR_CODE_CASE_NOT_OPEN), "MarkerAdd on a merged case: CASE_NOT_OPEN (%s)" % show(f))
    f = chair.req(F(closeCase={"caseRef": case_b, "reason": "CASE_END_REASON_RISK_REDUCED"}))
    check(is_error(f, pb.ERROR_CODE_CASE_NOT_OPEN), "CloseCase on a merged case: CASE_NOT_OPEN (%s)" % show(f))

    # the agenda after the merge: one row for Zara naming the duplicate, the
    # outstanding action and the marker due for review (section 10, 14)
    f = agenda(chair)
    if check(f.WhichOneof("body") == "agenda", "the agenda after the merge (%s)" % show(f)):
        ag = f.agenda
        rows = list(ag.cases_with_children) + list(ag.adult_only_cases) + list(ag.lapsed_cases)
        ra_row = [x for x in rows if x.case_ref == case_a]
        check(ra_row and list(ra_row[0].merged_case_refs) == [case_b] and not [x for x in rows if x.case_ref == case_b],
              "one row for %s with merged_case_refs [%s], none for the duplicate" % (case_a, case_b))
        acts = [x for x in ag.actions if x.action_id == act.action_id]
        mdays = (datetime.date.fromisoformat(ra.meeting_date) - today).days
        check(acts and acts[0].status == "overdue" and acts[0].days_left == -mdays and acts[0].owner == A.AGENCY_HEALTH,
              "Agenda.actions: the open action due today, overdue at the meeting by %d days (%s)"
              % (mdays, "%s %d" % (acts[0].status, acts[0].days_left) if acts else "-"))
        check(not [x for x in ag.actions if act2 and x.action_id == act2.action_id], "a closed action is not on the agenda")
        mks = [x for x in ag.markers if x.marker_id == mid]
        check(mks and mks[0].days_to_review == 12 - mdays and not mks[0].contacts,
              "Agenda.markers: the marker due for review, counted to the meeting, contacts left out")
    expect_error(chair, F(transferCase={"caseRef": case_c, "toArea": "nowhere"}), pb.ERROR_CODE_INVALID_REQUEST,
                 "TransferCase to an unknown area", field="to_area")
    f = chair.req(F(transferCase={"caseRef": case_c, "toArea": "otherton"}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.marac_area == "otherton" and
          f.case_updated.from_area == "testshire" and f.case_updated.meeting_date > today.isoformat(),
          "TransferCase: %s to otherton, meeting %s (%s)" % (case_c, f.case_updated.meeting_date
                                                             if f.WhichOneof("body") == "case_updated" else "-", show(f)))
    expect_error(chair, F(closeCase={"caseRef": case_c, "reason": "CASE_END_REASON_RISK_REDUCED"}),
                 pb.ERROR_CODE_UNKNOWN_CASE, "the testshire chair closing the case now in otherton")
    expect_error(csc, F(closeCase={"caseRef": case_a, "reason": "CASE_END_REASON_RISK_REDUCED"}),
                 pb.ERROR_CODE_NOT_AUTHORISED, "CloseCase by csc (not the referring agency)")
    expect_error(ctl, F(closeCase={"caseRef": case_a, "reason": "CASE_END_REASON_RISK_REDUCED"}),
                 pb.ERROR_CODE_NOT_AUTHORISED, "CloseCase by a lookup certificate")
    expect_error(police, F(closeCase={"caseRef": case_c}), pb.ERROR_CODE_INVALID_REQUEST, "CloseCase without a reason")
    f = police.req(F(closeCase={"caseRef": case_c, "reason": "CASE_END_REASON_NO_FURTHER_ACTION"}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.status == 3 and f.case_updated.reason == 11,
          "CloseCase by the referring police node (serving otherton): CLOSED (%s)" % show(f))
    f = police.req(F(closeCase={"caseRef": case_c, "reason": "CASE_END_REASON_NO_FURTHER_ACTION"}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.unchanged, "the same close again: unchanged")
    expect_error(police, F(closeCase={"caseRef": case_c, "reason": "CASE_END_REASON_RISK_REDUCED"}),
                 pb.ERROR_CODE_CASE_NOT_OPEN, "closing it again for another reason")
    expect_error(police, F(transferCase={"caseRef": case_c, "toArea": "testshire"}), pb.ERROR_CODE_NOT_AUTHORISED,
                 "TransferCase from a node (no role chair)")
    f = police.req(share("kinds-share-d", ["AGENCY_CHILDRENS_SOCIAL_CARE"], {"caseRef": case_d, "maracArea": "testshire",
                                                                               "narrative": "Follow-up."}))
    check(f.WhichOneof("body") == "share_accepted", "police shares under %s before withdrawing it" % case_d)
    f = police.req(F(closeCase={"caseRef": case_d, "reason": "CASE_END_REASON_WITHDRAWN_IN_ERROR"}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.status == 2 and
          f.case_updated.retracted_deliveries >= 7,
          "CloseCase WITHDRAWN_IN_ERROR: withdrawn, the referral's deliveries retracted (%s)" % show(f))
    rt = csc.wait_for(lambda x: x.WhichOneof("body") == "retract" and x.retract.msg_id == "kinds-refer-d", 10)
    check(rt is not None and rt.retract.reason == 2 and rt.retract.case_ref == case_d,
          "csc is sent a Retract of referral %s (WRONG_CASE)" % case_d)
    rt = csc.wait_for(lambda x: x.WhichOneof("body") == "retract" and x.retract.msg_id == "kinds-share-d", 5)
    check(rt is not None and rt.retract.reason == 2, "and of police's share under %s" % case_d)

    # retraction refusals (section 12)
    expect_error(police, F(retractShare={"msgId": "kinds-never-sent", "reason": "RETRACT_REASON_EXCESSIVE"}),
                 pb.ERROR_CODE_UNKNOWN_SHARE, "RetractShare of an unknown msg_id", "kinds-never-sent")
    expect_error(police, F(retractShare={"msgId": "kinds-refer-a", "reason": "RETRACT_REASON_EXCESSIVE"}),
                 pb.ERROR_CODE_INVALID_REQUEST, "RetractShare of a referral's msg_id", "kinds-refer-a")
    expect_error(idva, F(retractShare={"msgId": "kinds-flag-share", "reason": "RETRACT_REASON_EXCESSIVE"}),
                 pb.ERROR_CODE_UNKNOWN_SHARE, "RetractShare of another node's share")
    expect_error(health, F(retractShare={"msgId": "kinds-flag-share"}), pb.ERROR_CODE_INVALID_REQUEST,
                 "RetractShare without a reason", "kinds-flag-share")
    f = health.req(F(retractShare={"msgId": "kinds-flag-share", "reason": "RETRACT_REASON_EXCESSIVE"}))
    check(f.WhichOneof("body") == "share_retracted" and len(f.share_retracted.deliveries) == 1 and
          f.share_retracted.deliveries[0].agency == A.AGENCY_IDVA, "RetractShare: ShareRetracted (%s)" % show(f))
    f = health.req(F(retractShare={"msgId": "kinds-flag-share", "reason": "RETRACT_REASON_EXCESSIVE"}))
    check(f.WhichOneof("body") == "share_retracted" and f.share_retracted.duplicate, "the same RetractShare: duplicate")
    expect_error(csc, F(retractAck={"deliveryId": "0" * 32}), pb.ERROR_CODE_UNKNOWN_DELIVERY,
                 "RetractAck naming no retraction")
    expect_error(csc, F(deliverAck={"deliveryId": "0" * 32, "seq": "1"}), pb.ERROR_CODE_UNKNOWN_DELIVERY,
                 "DeliverAck naming no delivery")
    dd = [x.deliver for x in csc.got if x.WhichOneof("body") == "deliver"]
    if check(len(dd) >= 2, "csc holds deliveries to acknowledge (%d)" % len(dd)):
        csc.c.send(F(deliverAck={"deliveryId": dd[0].delivery_id}))  # seq 0: found by a search
        csc.c.send(F(deliverAck={"deliveryId": dd[0].delivery_id, "seq": str(dd[0].seq)}))  # a second ack
        f = csc.req(F(researchStatus={"caseRef": "TS-2000-9999", "done": True}))
        check(is_error(f, pb.ERROR_CODE_UNKNOWN_CASE),
              "an ack without seq and a second ack of it are accepted silently (next answer: %s)" % show(f))
    if fl is not None:
        police.c.send(F(deliverAck={"deliveryId": fl.flag.flag_id, "seq": str(fl.flag.seq + 100)}))
        f = police.req(F(flagHistoryRequest={"caseRef": case_a}))
        check(f.WhichOneof("body") == "flag_history", "a flag acked with another seq: accepted (the seq of a flag is not checked)")
        police.got = [x for x in police.got if not (x.WhichOneof("body") == "flag" and x.flag.flag_id == fl.flag.flag_id)]

    probe_rid = ""
    # == 3. what is pending comes after Welcome in order: Retracts, Flags, Delivers
    idva.drain(0.5)
    idva.ack_all()
    idva.drain(0.5)
    idva.ack_all()
    idva.close()
    time.sleep(0.3)
    zsum = {"caseRef": "HEALTH-LOCAL-78", "maracArea": "testshire",
            "victim": {"fullName": "Zara Interopwell", "nhsNumber": "9990000018", "role": "PERSON_ROLE_VICTIM"}}
    f1 = health.req(share("kinds-order-1", ["AGENCY_IDVA"], zsum))
    f2 = health.req(share("kinds-order-2", ["AGENCY_IDVA"], dict(zsum, caseRef="HEALTH-LOCAL-79")))
    f3 = health.req(F(retractShare={"msgId": "kinds-order-1", "reason": "RETRACT_REASON_WRONG_RECIPIENT"}))
    check(f1.WhichOneof("body") == "share_accepted" and f2.WhichOneof("body") == "share_accepted" and
          f3.WhichOneof("body") == "share_retracted" and not f3.share_retracted.deliveries[0].was_acked,
          "health shares twice to idva (offline), retracts the first")
    idva = node("idva")
    idva.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.msg_id == "kinds-order-2", 10)
    idva.drain(0.5)
    order = [x.WhichOneof("body") for x in idva.got]
    kinds_seen = [k for i, k in enumerate(order) if i == 0 or order[i - 1] != k]
    check(kinds_seen == ["retract", "flag", "deliver"],
          "after Welcome: the Retract, then the Flags, then the Deliver (%s)" % order)
    rts = [x.retract for x in idva.got if x.WhichOneof("body") == "retract" and x.retract.msg_id == "kinds-order-1"]
    dls = [x.deliver for x in idva.got if x.WhichOneof("body") == "deliver"]
    check(not [x for x in dls if x.msg_id == "kinds-order-1"] and
          [x.msg_id for x in dls] == ["kinds-order-2"], "idva is sent only the second share (%s)" % [x.msg_id for x in dls])
    if rts and dls:
        check(rts[0].delivery_id == f1.share_accepted.deliveries[0].delivery_id and
              dls[0].msg_id == "kinds-order-2" and dls[0].seq == rts[0].seq + 1,
              "the retracted delivery never comes; its seq %d is the Retract's, the next Deliver is %d"
              % (rts[0].seq, dls[0].seq))
    if rts:
        idva.c.send(F(deliverAck={"deliveryId": rts[0].delivery_id, "seq": str(rts[0].seq)}))
        f = idva.req(F(researchStatus={"caseRef": "TS-2000-9999", "done": True}))
        check(is_error(f, pb.ERROR_CODE_UNKNOWN_CASE),
              "a DeliverAck of the retracted delivery that was never sent: no answer (next: %s)" % show(f))
        probe_rid = rts[0].delivery_id
    idva.ack_all()

    # == 14. notices: the action due today reaches health, the marker due in 12 days police
    nt = health.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.HasField("notice") and
                         x.deliver.notice.item_id == act.action_id, 70)
    ok = check(nt is not None, "health is sent an ACTION_DUE notice for %s (within a minute)" % act.action_id)
    if ok:
        d = nt.deliver
        check(d.notice.kind == 1 and d.notice.due_date == today.isoformat() and d.from_node == "" and
              d.msg_id == "notice/%s/action_due/%s" % (act.action_id, today.isoformat()) and
              not d.HasField("summary") and not d.manifest and d.notice.owner == A.AGENCY_HEALTH,
              "the notice: ACTION_DUE, msg_id %s, no summary" % d.msg_id)
    nm = police.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.HasField("notice") and
                         x.deliver.notice.item_id == mid, 10)
    check(nm is not None and nm.deliver.notice.kind == 3 and nm.deliver.notice.days_overdue == -12,
          "police is sent MARKER_REVIEW_DUE for %s (review in 12 days, within 14)" % mid)
    nc = chair.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.HasField("notice") and
                        x.deliver.notice.item_id == act.action_id, 10)
    check(nc is not None, "the area's chair is sent the ACTION_DUE notice too")

    # == 13. the lookup rate (60 at once, then 10 a second)
    ctl.drain(0.2)
    for i in range(75):
        ctl.c.send(F(lookupRequest={"phone": "07700 900999"}))
    res = []
    for i in range(75):
        try:
            res.append(ctl.answer(10))
        except (socket.timeout, TimeoutError):
            break
    limited = [r for r in res if is_error(r, pb.ERROR_CODE_RATE_LIMITED)]
    check(len(res) == 75 and 1 <= len(limited) <= 75 - 50,
          "75 lookups at once: %d answered, %d RATE_LIMITED" % (len(res) - len(limited), len(limited)))

    # == 2, 4. schema rules: unknown fields ignored, unknown enum values refused
    sh = pb.Share()
    json_format.ParseDict({"msgId": "kinds-unknown-field", "to": ["AGENCY_IDVA"], "purpose": "PURPOSE_MEETING",
                           "lawfulBasis": "LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18",
                           "summary": {"caseRef": "IDV-1", "maracArea": "testshire", "narrative": "Seen."}}, sh)
    b = sh.SerializeToString() + b"\x9a\x06\x03new"  # field 99, unknown to this schema
    f = police.req_raw(b"\x1a" + bytes([len(b)]) + b)
    check(f.WhichOneof("body") == "share_accepted", "a Share with an unknown field: accepted, field ignored (%s)" % show(f))
    q = pb.Frame()
    q.CopyFrom(share("kinds-enum-99", ["AGENCY_IDVA"], {"caseRef": "IDV-2", "maracArea": "testshire"}))
    q.share.purpose = 99
    expect_error(police, q, pb.ERROR_CODE_INVALID_SHARE, "a Share with purpose 99 (unknown enum value)",
                 "kinds-enum-99", "purpose")
    q.share.purpose = A.PURPOSE_MEETING
    q.share.msg_id = "kinds-enum-to-99"
    q.share.to[0] = 99
    expect_error(police, q, pb.ERROR_CODE_INVALID_SHARE, "a Share to agency 99", "kinds-enum-to-99", "to")
    q = share("kinds-dup-to", ["AGENCY_IDVA", "AGENCY_IDVA"], {"caseRef": "IDV-3", "maracArea": "testshire"})
    f = police.req(q)
    check(f.WhichOneof("body") == "share_accepted" and len(f.share_accepted.deliveries) == 1,
          "an agency named twice counts once: one delivery (%s)" % show(f))
    f = police.req(share("kinds-own", ["AGENCY_POLICE"], {"caseRef": "OWN-1", "maracArea": "testshire"}))
    check(is_error(f, pb.ERROR_CODE_UNKNOWN_RECIPIENT, "kinds-own"),
          "a Share to the sender's own agency, which has no other node there: UNKNOWN_RECIPIENT (%s)" % show(f))
    expect_error(police, share("m" * 129, ["AGENCY_IDVA"]), pb.ERROR_CODE_INVALID_SHARE, "a 129-character msg_id", "")

    # other encoders (section 2): `to` unpacked, fields out of order, a field
    # at its default written out, a 4-byte character; overlong and surrogate
    # UTF-8 are no UTF-8
    def fld(num, wt, v):
        def vi(n):
            out = b""
            while True:
                b = n & 0x7F
                n >>= 7
                out += bytes([b | (0x80 if n else 0)])
                if not n:
                    return out
        return vi(num << 3 | wt) + (vi(v) if wt == 0 else vi(len(v)) + v)
    summ_b = A.CaseSummary(case_ref="ENC-1", marac_area="testshire", narrative="Seen \U0001F600 today.").SerializeToString()
    sh_b = (fld(5, 2, summ_b) + fld(4, 0, 1) + fld(2, 0, 5) + fld(2, 0, 7) + fld(3, 0, 3) +
            fld(1, 2, b"kinds-enc-1") + fld(10, 0, 0))
    f = police.req_raw(fld(3, 2, sh_b))
    # (housing's registered nodes include housing-revoked and housing-expired:
    # a share, like a referral, skips them: README section 4)
    check(f.WhichOneof("body") == "share_accepted" and
          {d.node_id for d in f.share_accepted.deliveries} == {"idva-testshire", "housing-testshire"},
          "a Share with `to` unpacked and fields out of order: accepted, to idva and the housing node with a valid certificate (%s)" % (show(f) if f.WhichOneof("body") != "share_accepted" else [(d.node_id, d.agency) for d in f.share_accepted.deliveries]))
    for what, bad in (("an overlong UTF-8 NUL", b"\xc0\x80"), ("a UTF-16 surrogate in UTF-8", b"\xed\xa0\x80")):
        sb = A.CaseSummary(case_ref="ENC-2", marac_area="testshire").SerializeToString() + fld(9, 2, b"a" + bad)
        sh_b = fld(1, 2, b"kinds-enc-2") + fld(2, 0, 5) + fld(3, 0, 3) + fld(4, 0, 1) + fld(5, 2, sb)
        x = base.Conn(a.host, a.port, a.pki, "probation")
        base.hello(x)
        x._send(0x2, fld(3, 2, sh_b))
        e = None
        try:
            while e is None or e.WhichOneof("body") != "error":
                e = x.recv(5)
            code = close_code(x)
        except Closed as cl:
            code = cl.code
        check(e is not None and is_error(e, pb.ERROR_CODE_MALFORMED_FRAME) and code == 1007,
              "a narrative with %s: MALFORMED_FRAME, close 1007 (%s, close %s)" % (what, show(e) if e else "-", code))

    # == 5. the delivery window (64 unacked on the wire), then Hello.resume_after
    dref = csc.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.summary.case_ref == case_a, 5)
    dref_raw = csc.raw.get(dref.deliver.delivery_id) if dref else None
    csc.drain(0.3)
    csc.ack_all()
    for i in range(66):
        f = police.req(share("kinds-win-%d" % i, ["AGENCY_CHILDRENS_SOCIAL_CARE"],
                             {"caseRef": "WIN-%d" % i, "maracArea": "testshire", "narrative": "Window test."}))
        if f.WhichOneof("body") != "share_accepted":
            check(False, "window share %d accepted (%s)" % (i, show(f)))
            break
    def settle(n, want, limit=10):
        """Read until `want` Delivers are held and then nothing more comes for 1 s."""
        end = time.time() + limit
        while time.time() < end:
            held = len([x for x in n.got if x.WhichOneof("body") == "deliver"])
            n.drain(1.0 if held >= want else 0.2)
            if held >= want and held == len([x for x in n.got if x.WhichOneof("body") == "deliver"]):
                return
    settle(csc, 64)
    win = [x.deliver for x in csc.got if x.WhichOneof("body") == "deliver"]
    check(len(win) == 64, "66 shares to a node that does not ack: 64 Delivers on the wire (delivery_window), got %d" % len(win))
    if win:
        ack1 = pb.Frame()
        ack1.deliver_ack.delivery_id = win[0].delivery_id
        ack1.deliver_ack.seq = win[0].seq
        csc.c.send(ack1)
        csc.got = [x for x in csc.got if not (x.WhichOneof("body") == "deliver" and x.deliver.seq == win[0].seq)]
        settle(csc, 64)
        more = [x.deliver for x in csc.got if x.WhichOneof("body") == "deliver"]
        check(len(more) == 64, "one ack brings one more Deliver (%d on the wire)" % len(more))
        top = max(x.seq for x in more)
        csc.close()
        csc = Node(a, "csc", hello=False)
        w = base.hello(csc.c, resume_after=top)
        csc.welcome = w
        check(w.acked_through == top, "Hello.resume_after %d: Welcome.acked_through %d" % (top, w.acked_through))
        csc.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.msg_id == "kinds-win-65", 10)
        csc.drain(0.5)
        check(not [x for x in csc.got if x.WhichOneof("body") == "deliver" and x.deliver.seq <= top],
              "nothing at or below resume_after is sent again")
        csc.ack_all()

    # == 10. a serial perpetrator: another victim, case A's perpetrator
    f = refer(police, "kinds-refer-e", referral("Xenia Fakeworth", "07700 900481", "9990000050", "1993-06-06",
                                                "TS5 6JL", "Kieran Exampleson", "1985-03-03", "07700 900457"))
    ok = check(f.WhichOneof("body") == "referral_accepted" and f.referral_accepted.serial_perpetrator.other_cases >= 1
               and A.AGENCY_POLICE in f.referral_accepted.serial_perpetrator.notified,
               "a referral naming case A's perpetrator: serial_perpetrator, police notified (%s)" % show(f))
    case_e = f.referral_accepted.case_ref if ok else "TS-NONE"
    if ok:
        check(case_a.encode() not in f.SerializeToString(), "the answer does not name the other case")
    sp = police.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.from_node == "" and
                         x.deliver.summary.narrative.startswith("SERIAL PERPETRATOR NOTICE"), 10)
    check(sp is not None and sp.deliver.summary.case_ref == case_e and case_a in sp.deliver.summary.narrative and
          sp.deliver.lawful_basis == A.LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4 and not sp.deliver.manifest,
          "police is sent the serial perpetrator notice naming %s" % case_a)
    check(sp is None or b"Kieran" not in sp.SerializeToString(), "the notice names no one")

    # == 14. per case at most 4 active markers and 64 OPEN actions
    codes = []
    for i in range(5):
        f = marker_add(police, "kinds-mk-cap-%d" % i, caseRef=case_e,
                       reviewDue=(today + datetime.timedelta(days=100)).isoformat())
        codes.append(f.WhichOneof("body") if f.WhichOneof("body") != "error" else err_name(f.error.code))
    check(codes == ["marker_recorded"] * 4 + ["ERROR_CODE_INVALID_REQUEST"],
          "a fifth active marker on one case: INVALID_REQUEST (%s)" % codes[-1])
    codes = []
    for i in range(65):
        f = action_add(chair, "kinds-act-cap-%d" % i, caseRef=case_e, description="Task %d" % i,
                       dueDate=(today + datetime.timedelta(days=30)).isoformat())
        codes.append(f.WhichOneof("body") if f.WhichOneof("body") != "error" else err_name(f.error.code))
    check(codes[:64] == ["action_recorded"] * 64 and codes[64] == "ERROR_CODE_INVALID_REQUEST",
          "a 65th OPEN action on one case: INVALID_REQUEST (%s)" % codes[64])
    f = marker_add(chair, "kinds-mk-chair")
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER), "MarkerAdd from a police chair (not a police node): NOT_OWNER (%s)" % show(f))
    f = marker_add(ctl, "kinds-mk-ctl")
    check(is_error(f, pb.ERROR_CODE_NOT_OWNER), "MarkerAdd from a police lookup certificate: NOT_OWNER (%s)" % show(f))

    # == 10, 4, 13, 14: more rules the README states
    r = referral("Quinn Nomatch", "07700 900901", "9990000026", "1980-01-01", "TS9 9ZZ",
                 "Otto Nomatch", "1979-01-01", "07700 900902")
    for n, (what, mut, field) in enumerate((
            ("POTENTIAL_ESCALATION with 2 incidents in the window",
             lambda x: x.update(route="REFERRAL_ROUTE_POTENTIAL_ESCALATION", risk={"form": "DASH_FORM_SAFELIVES_24"},
                                incidentDates=[(today - datetime.timedelta(days=d)).isoformat() for d in (10, 40)]),
             "incident_dates"),
            ("transfer_in without transfer_from_area", lambda x: x.update(transferIn=True), "transfer_from_area"),
            ("a previous_case_ref of 33 characters",
             lambda x: x.update(route="REFERRAL_ROUTE_REPEAT", previousCaseRef="X" * 33), "previous_case_ref"),
            ("an unborn child due in 400 days", lambda x: x.update(children=[{
                "fullName": "Baby Nomatch", "role": "PERSON_ROLE_CHILD",
                "expectedDeliveryDate": (today + datetime.timedelta(days=400)).isoformat()}]),
             "children[0].expected_delivery_date"),
            ("33 aliases for the victim", lambda x: x["victim"].update(aliases=["Alias %d" % i for i in range(33)]), ""))):
        r2 = copy.deepcopy(r)
        mut(r2)
        f = refer(police, "kinds-more-refer-%d" % n, r2)
        check(is_error(f, pb.ERROR_CODE_INVALID_REFERRAL) and f.error.message.startswith(field),
              "Refer with %s: INVALID_REFERRAL naming %s (%s)" % (what, field or "the limits", show(f)))
    r2 = copy.deepcopy(r)
    r2.update(route="REFERRAL_ROUTE_POTENTIAL_ESCALATION", risk={"form": "DASH_FORM_SAFELIVES_24"},
              incidentDates=[(today - datetime.timedelta(days=d)).isoformat() for d in (10, 40, 70)])
    f = refer(police, "kinds-more-refer-esc", r2)
    check(f.WhichOneof("body") == "referral_accepted" and f.referral_accepted.route == 3 and
          f.referral_accepted.level == A.RISK_LEVEL_STANDARD, "POTENTIAL_ESCALATION with 3 incidents: accepted (%s)" % show(f))
    case_q = f.referral_accepted.case_ref if f.WhichOneof("body") == "referral_accepted" else "TS-NONE"
    for what, summary in (("33 aliases", {"caseRef": "AL-1", "maracArea": "testshire",
                                          "victim": {"fullName": "Al Ias", "aliases": ["A%d" % i for i in range(33)]}}),
                          ("257 people", {"caseRef": "AL-2", "maracArea": "testshire",
                                          "others": [{"fullName": "P%d" % i} for i in range(257)]})):
        expect_error(police, share("kinds-lim-" + what[:2], ["AGENCY_IDVA"], summary), pb.ERROR_CODE_INVALID_SHARE,
                     "a Share with " + what, "kinds-lim-" + what[:2])
    f = agenda(chair, fromRow=9999)
    check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST, field="from_row"), "AgendaRequest from_row beyond the rows: INVALID_REQUEST (%s)" % show(f))
    for n, what, q in ((csc, "ActionListRequest by csc for otherton", F(actionListRequest={"maracArea": "otherton"})),
                       (chair, "MarkerListRequest by the chair for otherton", F(markerListRequest={"maracArea": "otherton"}))):
        f = n.req(q)
        check(is_error(f, pb.ERROR_CODE_NOT_AUTHORISED, field="marac_area"), "%s (not served): NOT_AUTHORISED (%s)" % (what, show(f)))
    f = idva.req(F(flagHistoryRequest={"caseRef": case_a}))
    check(f.WhichOneof("body") == "flag_history" and len(f.flag_history.entries) >= 1,
          "FlagHistoryRequest by idva (the area's flag_agencies): answered (%s)" % show(f))
    for what, f in (("ActionAdd with owner 99", action_add(chair, "kinds-e99-1", owner=99)),
                    ("MarkerInform with method 99", inform(police, "kinds-e99-2", method=99)),
                    ("CloseCase with reason 99", chair.req(F(closeCase={"caseRef": case_e, "reason": 99})))):
        check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "%s (unknown enum value): INVALID_REQUEST (%s)" % (what, show(f)))
    # an open case (section 13) is one not withdrawn, closed or merged, too
    f = lookup(ctl, phone="07700 900481")
    check(f.WhichOneof("body") == "lookup_result" and f.lookup_result.found, "before it is closed, case E is found by lookup")
    f = chair.req(F(closeCase={"caseRef": case_e, "reason": "CASE_END_REASON_RISK_REDUCED"}))
    check(f.WhichOneof("body") == "case_updated" and f.case_updated.status == 3, "CloseCase by the area's chair: CLOSED (%s)" % show(f))
    police.drain(0.2)
    f = health.req(share("kinds-closed-touch", ["AGENCY_IDVA"], {
        "caseRef": "HEALTH-LOCAL-80", "maracArea": "testshire",
        "victim": {"fullName": "Xenia Fakeworth", "phones": ["07700 900481"], "role": "PERSON_ROLE_VICTIM"}}))
    check(f.WhichOneof("body") == "share_accepted" and
          police.wait_for(lambda x: x.WhichOneof("body") == "flag" and x.flag.case_ref == case_e, 1.5) is None,
          "a share matching closed case E's victim flags nobody (flags see open cases only)")
    for what, ph in (("closed case E", "07700 900481"), ("closed case C", "07700 900461"), ("withdrawn case D", "07700 900471")):
        f = lookup(ctl, phone=ph)
        check(f.WhichOneof("body") == "lookup_result" and not f.lookup_result.found,
              "a lookup of %s's victim: not found (no longer an open case)" % what)

    # == boundaries and odd values
    def sized_share(total):
        fr = share("kinds-exact", ["AGENCY_IDVA"], {"caseRef": "EX-1", "maracArea": "testshire", "narrative": ""})
        n = total - len(fr.SerializeToString())
        for _ in range(32):  # length prefixes grow with the text: settle on the exact size
            fr.share.summary.narrative = "a" * n
            d = total - len(fr.SerializeToString())
            if d == 0:
                break
            n += d
        return fr
    x = node("housing")
    fr = sized_share(mfb)
    f = x.req(fr, timeout=30)
    check(len(fr.SerializeToString()) == mfb and not is_error(f, pb.ERROR_CODE_FRAME_TOO_LARGE),
          "a frame of exactly max_frame_bytes (%d) is read, not FRAME_TOO_LARGE (%s)" % (len(fr.SerializeToString()), show(f)[:120]))
    x.close()
    police.c.send(F(error={"code": "ERROR_CODE_INTERNAL", "message": "a node's own trouble"}))
    f = police.req(F(researchStatus={"caseRef": "TS-2000-9999", "done": True}))
    check(is_error(f, pb.ERROR_CODE_UNKNOWN_CASE), "an Error from a node gets no answer (the next answer: %s)" % show(f))
    for what, q in (("CloseCase with a case_ref outside its grammar", F(closeCase={"caseRef": "bad ref", "reason": "CASE_END_REASON_RISK_REDUCED"})),
                    ("ResearchStatus with an empty case_ref", F(researchStatus={"caseRef": "", "done": True})),
                    ("a lookup with a msg_id containing a space", F(lookupRequest={"msgId": "a b", "phone": "07700 900999"})),
                    ("DeliverAck with a delivery_id that is no id", F(deliverAck={"deliveryId": "x" * 200, "seq": "1"})),
                    ("FlagHistoryRequest with a 65-character case_ref", F(flagHistoryRequest={"caseRef": "T" * 65}))):
        f = (chair if "CloseCase" in what else ctl if "lookup" in what else police if "Flag" in what else csc).req(q)
        want = pb.ERROR_CODE_UNKNOWN_DELIVERY if "DeliverAck" in what else pb.ERROR_CODE_INVALID_REQUEST
        check(is_error(f, want, ""), "%s: %s, msg_id not echoed (%s)" % (what, err_name(want), show(f)))
    aud0 = node("auditor")
    f = aud0.req(F(auditQuery={"startSeq": str(10 ** 12)}))
    check(f.WhichOneof("body") == "audit_records" and not f.audit_records.records and not f.audit_records.more,
          "AuditQuery from beyond the end: an empty last page")
    f = aud0.req(F(inclusionProofRequest={"seq": "3"}))
    tsz = f.proof.tree_size if f.WhichOneof("body") == "proof" else 0
    g2 = aud0.req(F(checkpointRequest={"minSize": str(tsz)}))
    note = verify_note(g2.checkpoints.notes[0], open(os.path.join(a.pki, "state", "audit.vkey")).read()) \
        if tsz and g2.WhichOneof("body") == "checkpoints" and g2.checkpoints.notes else None
    check(note and note[0] == tsz and root_from_inclusion(3, tsz, f.proof.leaf_hash, f.proof.hashes) == note[1],
          "InclusionProof with tree_size 0: against a signed checkpoint's size (%d), checks against its root" % tsz)
    f = aud0.req(F(checkpointRequest={"minSize": str(10 ** 9)}))
    check(f.WhichOneof("body") == "checkpoints" and not f.checkpoints.notes, "CheckpointRequest above every size: no notes")
    aud0.close()
    codes = []
    for i in range(64):
        f = inform(police, "kinds-contact-%d" % i, markerId=mid)
        codes.append(f.WhichOneof("body") if f.WhichOneof("body") != "error" else err_name(f.error.code))
    check(codes == ["marker_recorded"] * 62 + ["ERROR_CODE_INVALID_REQUEST"] * 2,
          "a marker keeps 64 contacts; the 65th is INVALID_REQUEST (%d recorded here after 2)" % codes.count("marker_recorded"))

    # what matching remembers (section 12): a closed case still counts, a
    # withdrawn one is forgotten, a merged duplicate answers as the surviving case
    for n, (who, args, want) in enumerate((
            ("Yasmin (case C, closed)", ("Yasmin Samplewood", "07700 900461", "9990000034", "1988-02-02", "TS3 4EF",
                                         "Victor Placeholm", "1984-04-04", "07700 900462"), [case_c]),
            ("Wendy (case D, withdrawn)", ("Wendy Testerfield", "07700 900471", "9990000042", "1992-03-03", "TS4 5GH",
                                           "Ulric Dummyman", "1983-05-05", "07700 900472"), []),
            ("Zara (case B merged into A)", ("Zara Interopwell", "07700 900456", "9990000018", "1991-05-06", "TS2 3DE",
                                             "Kieran Exampleson", "1985-03-03", "07700 900457"), [case_a]))):
        f = refer(health, "kinds-again-%d" % n, referral(*args))
        got = [p.case_ref for p in f.referral_accepted.previous] if f.WhichOneof("body") == "referral_accepted" else show(f)
        check(got == want, "a new referral of %s: previous %s (%s)" % (who, want, got))

    # == 2, 4, 14: ordering. ShareAccepteds come in the order of their Shares;
    # a change sent right behind a TransferCase is judged by the area the
    # case is in when it is written
    for i in range(8):
        police.c.send(share("kinds-pipe-%d" % i, ["AGENCY_IDVA"], {"caseRef": "PIPE-%d" % i, "maracArea": "testshire"}))
    got = [police.answer() for _ in range(8)]
    check([x.share_accepted.msg_id if x.WhichOneof("body") == "share_accepted" else show(x) for x in got] ==
          ["kinds-pipe-%d" % i for i in range(8)], "8 Shares sent at once: 8 ShareAccepted in the order sent")
    chair.c.send(F(transferCase={"caseRef": case_q, "toArea": "otherton"}))
    chair.c.send(F(actionAdd={"msgId": "kinds-behind-transfer", "caseRef": case_q, "maracDate": today.isoformat(),
                              "owner": "AGENCY_HEALTH", "description": "Review", "dueDate": today.isoformat()}))
    chair.c.send(F(closeCase={"caseRef": case_q, "reason": "CASE_END_REASON_RISK_REDUCED"}))
    got = [chair.answer() for _ in range(3)]
    check(got[0].WhichOneof("body") == "case_updated" and got[0].case_updated.marac_area == "otherton" and
          is_error(got[1], pb.ERROR_CODE_UNKNOWN_CASE, "kinds-behind-transfer") and is_error(got[2], pb.ERROR_CODE_UNKNOWN_CASE),
          "an ActionAdd and a CloseCase right behind a TransferCase out of the chair's area: UNKNOWN_CASE (%s)"
          % [show(x) for x in got])

    # == 10. the area a referral goes to (step 3)
    r = referral("Olive Outerton", "07700 900501", "9990000077", "1985-09-09", "OT1 2AB", "Pat Nobody", "1980-10-10",
                 "07700 900502")
    r["maracArea"] = ""
    f = refer(police, "kinds-area-1", r)
    check(f.WhichOneof("body") == "referral_accepted" and f.referral_accepted.marac_area == "otherton" and
          f.referral_accepted.case_ref.startswith("OT-") and not f.referral_accepted.notified,
          "an OT postcode without marac_area: otherton's case, nobody else to notify there (%s)" % show(f))
    expect_error(csc, F(refer={"msgId": "kinds-area-2", "lawfulBasis": "LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18",
                               "referral": r}), pb.ERROR_CODE_NOT_AUTHORISED, "csc referring into otherton", "kinds-area-2",
                 "marac_area")
    for n, (what, mut) in enumerate((("a postcode no area covers", lambda x: x["victim"]["address"].update(postcode="SW1A 1AA")),
                                     ("an unknown marac_area", lambda x: x.update(maracArea="nowhere")))):
        r2 = copy.deepcopy(r)
        mut(r2)
        f = refer(police, "kinds-area-bad-%d" % n, r2)
        check(is_error(f, pb.ERROR_CODE_INVALID_REFERRAL, field="marac_area"),
              "a referral with %s: INVALID_REFERRAL naming marac_area (%s)" % (what, show(f)))
    f = action_update(idva, "kinds-reopen", act2.action_id if act2 else "x", "ACTION_STATUS_OPEN")
    check(f.WhichOneof("body") == "action_recorded" and f.action_recorded.action.status == 1,
          "ActionUpdate OPEN reopens a closed action")

    # == 8. the request rate: 200 at once, then 50 a second, per connection;
    # beyond it the gateway reads more slowly and refuses nothing
    x = node("probation")
    x.drain(0.3)
    t1 = time.time()
    for i in range(300):
        x.c.send(F(researchStatus={"caseRef": "TS-2000-%04d" % i, "done": True}))
    got = []
    try:
        while len(got) < 300:
            got.append(x.answer(10))
    except (socket.timeout, TimeoutError):
        pass
    dt = time.time() - t1
    check(len(got) == 300 and all(is_error(g, pb.ERROR_CODE_UNKNOWN_CASE) for g in got) and dt >= 1.5,
          "300 requests at once: all answered, none refused for rate, over %.1f s (at least (300-200)/50 = 2 s)" % dt)
    x.close()

    # == 14. escalation: the test clock moved on past review_due + 14 days
    # (README.md: STATE_DIR/test_clock_offset_days moves it while it runs)
    rv = today + datetime.timedelta(days=12)
    shift = (rv - today).days + 14 + 1
    with open(os.path.join(a.pki, "state", "test_clock_offset_days"), "w") as fh:
        fh.write("%d\n" % shift)
    esc = chair.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.HasField("notice") and
                         x.deliver.notice.item_id == mid and x.deliver.notice.kind == 4, 10)
    check(esc is not None and esc.deliver.notice.days_overdue == 15 and esc.deliver.notice.due_date == rv.isoformat(),
          "%d days on, no review: MARKER_ESCALATED to the chair (no escalation_node), 15 days overdue" % shift)
    od = health.wait_for(lambda x: x.WhichOneof("body") == "deliver" and x.deliver.HasField("notice") and
                         x.deliver.notice.item_id == act.action_id and x.deliver.notice.kind == 2, 3)
    check(od is not None and od.deliver.notice.days_overdue == shift and
          od.deliver.msg_id.endswith("/action_overdue/%s" % (today + datetime.timedelta(days=shift)).isoformat()),
          "the open action due %d days before: ACTION_OVERDUE (the last notice was over 7 days ago)" % shift)
    with open(os.path.join(a.pki, "state", "test_clock_offset_days"), "w") as fh:
        fh.write("0\n")

    # the connections opened at the start and left silent
    mute_tcp.settimeout(1)
    try:
        gone = mute_tcp.recv(10) == b""
    except ConnectionResetError:
        gone = True
    except (socket.timeout, TimeoutError):
        gone = False
    check(gone, "a TCP connection that never starts TLS is dropped (5 s; %.0f s passed)" % (time.time() - mute_t0))
    wait = 10.5 - (time.time() - mute_t0)
    if wait > 0:
        time.sleep(wait)
    try:
        e = mute_ws.recv(3)
        code = close_code(mute_ws)
    except Closed as cl:
        e, code = None, cl.code
    except OSError:
        e, code = None, None
    check(e is not None and is_error(e, pb.ERROR_CODE_UNEXPECTED_FRAME) and code == 1008,
          "no Hello within handshake_timeout_secs (10 s): UNEXPECTED_FRAME, close 1008 (%s, close %s)"
          % (show(e) if e else "-", code))

    # == 9. auditors
    aud = node("auditor")
    expect_error(police, F(auditQuery={"caseRef": case_a}), pb.ERROR_CODE_NOT_AUTHORISED, "AuditQuery from a node")
    expect_error(police, F(checkpointRequest={}), pb.ERROR_CODE_NOT_AUTHORISED, "CheckpointRequest from a node")
    expect_error(aud, F(auditQuery={"limit": 1001}), pb.ERROR_CODE_INVALID_REQUEST, "AuditQuery limit 1001")
    expect_error(aud, F(auditQuery={"fromMs": "2000", "toMs": "1000"}), pb.ERROR_CODE_INVALID_REQUEST,
                 "AuditQuery from_ms > to_ms")
    expect_error(aud, F(auditQuery={"caseRef": "bad ref"}), pb.ERROR_CODE_INVALID_REQUEST,
                 "AuditQuery with a case_ref outside its grammar")
    q = pb.Frame()
    q.audit_query.event = 99
    expect_error(aud, q, pb.ERROR_CODE_INVALID_REQUEST, "AuditQuery with an unknown event")
    time.sleep(1.2)  # checkpoint_secs 1: the trail so far gets a checkpoint

    def query_all(**q):
        recs, start = [], 0
        for _ in range(50):
            q2 = dict(q, startSeq=str(start))
            f = aud.req(F(auditQuery=q2))
            if f.WhichOneof("body") != "audit_records":
                check(False, "AuditQuery %r answered %s" % (q, show(f)))
                return recs
            recs += list(f.audit_records.records)
            if not f.audit_records.more:
                return recs
            start = f.audit_records.next_seq
        return recs
    import marac.v1.audit_pb2 as au
    recs = query_all(caseRef=case_a)
    kinds = {au.AuditEvent.Name(r.event) for r in recs}
    for k in ("AUDIT_EVENT_REFERRAL_ACCEPTED", "AUDIT_EVENT_RESEARCH_MARKED", "AUDIT_EVENT_ACTION_ADDED",
              "AUDIT_EVENT_ACTION_UPDATED", "AUDIT_EVENT_MARKER_ADDED", "AUDIT_EVENT_MARKER_INFORMED",
              "AUDIT_EVENT_MARKER_REVIEWED", "AUDIT_EVENT_FLAG_RAISED", "AUDIT_EVENT_FLAG_HISTORY_READ",
              "AUDIT_EVENT_CASE_MERGED", "AUDIT_EVENT_LOOKUP", "AUDIT_EVENT_ACTION_NOTICE", "AUDIT_EVENT_MARKER_NOTICE",
              "AUDIT_EVENT_DELIVERY_COMMITTED"):
        check(k in kinds, "a query by case %s shows %s" % (case_a, k))
    merged = [r for r in recs if r.event == au.AUDIT_EVENT_CASE_MERGED]
    check(merged and merged[0].case_ref == case_b and merged[0].to_case_ref == case_a,
          "CASE_MERGED: case_ref the duplicate, to_case_ref the surviving case")
    blob = b"".join(r.SerializeToString() for r in recs)
    check(b"Zara" not in blob and b"900456" not in blob and b"Call " not in blob, "no name, phone or description in the records")
    ref = query_all(event=au.AUDIT_EVENT_REQUEST_REFUSED, node="")
    reasons = {(r.attempted, r.reason) for r in ref}
    for att, rsn in (("share", "invalid_share"), ("share", "unknown_recipient"), ("share", "lawful_basis"),
                     ("refer", "msg_id_conflict"), ("action_update", "not_action_owner"),
                     ("marker_add", "not_police"), ("merge_case", "merge_into_itself"),
                     ("close_case", "case_not_open"), ("audit_query", "not_auditor"),
                     ("retract_share", "unknown_share"), ("agenda_request", "not_authorised"),
                     ("marker_review", "marker_withdrawn"), ("", "text_frame"), ("", "unmasked_frame"),
                     ("hello", "protocol_version")):
        hit = [r for r in ref if r.attempted == att and r.reason == rsn]
        check(hit, "REQUEST_REFUSED attempted=%r reason=%r is in the trail (that reason: attempted %s)" % (
            att, rsn, sorted({r.attempted for r in ref if r.reason == rsn})))
    # every refusal reason in the trail is one the README names (section 6's
    # list, or an ErrorCode name in lower case); pre-authentication ones (section 1)
    with open(os.path.join(a.proto, "README.md")) as fh:
        readme = fh.read()
    import re
    def section(start, end):
        i, j = readme.find(start), readme.find(end)
        check(0 <= i < j, "README has %r before %r" % (start, end))
        return readme[i:j] if 0 <= i < j else ""
    sec6 = section("Every refusal is audited", "\n## 7.")
    sec1 = section("## 1. ", "\n## 2. ")
    documented = set(re.findall(r"`([a-z][a-z0-9_]*)`", sec6)) | \
        {n[len("ERROR_CODE_"):].lower() for n in pb.ErrorCode.keys()}
    seen = sorted({r.reason for r in ref})
    check(set(seen) <= documented, "every REQUEST_REFUSED reason is in README section 6 (not: %s)"
          % sorted(set(seen) - documented))
    check(not [r for r in ref if r.reason == "rate_limited"], "RATE_LIMITED is not audited as REQUEST_REFUSED")
    bad = [r for r in ref if r.attempted == "share" and r.msg_id == "sha256:" + hashlib.sha256(b"has space").hexdigest()]
    check(bad, "a msg_id outside its grammar is in the trail as sha256:<hex> of its bytes")
    cr = query_all(event=au.AUDIT_EVENT_CONNECTION_REFUSED)
    crs = {r.reason for r in cr}
    print("   connection refusals in the trail: %s" % sorted(crs))
    check([r for r in ref if r.reason == "no_hello" and r.actor_node == "asc-testshire"],
          "REQUEST_REFUSED no_hello for the silent WebSocket")
    conn_doc = set(re.findall(r"`([a-z][a-z0-9_]*)`", sec1))
    for rsn in ("cert_untrusted", "cert_revoked", "cert_expired", "cert_unregistered", "cert_missing"):
        check(rsn in crs, "CONNECTION_REFUSED reason %s is in the trail" % rsn)
    check(crs <= conn_doc | documented, "every CONNECTION_REFUSED reason is in README section 1 or 6 (not: %s)"
          % sorted(crs - conn_doc - documented))
    aq = query_all(event=au.AUDIT_EVENT_AUDIT_QUERIED, startSeq="0")
    check({"query"} <= {r.reason for r in aq} and all(r.actor_node == "auditor-testshire" for r in aq),
          "AUDIT_QUERIED records the auditor's queries")
    ap = query_all(event=au.AUDIT_EVENT_AGENDA_PULLED)
    check(ap and ap[0].marac_area == "testshire" and ap[0].meeting_date == ra.meeting_date and
          ap[0].actor_node == "chair-testshire", "AGENDA_PULLED: the chair, area and meeting date")
    f = aud.req(F(auditQuery={"caseRef": case_a, "limit": 3}))
    check(f.WhichOneof("body") == "audit_records" and len(f.audit_records.records) == 3 and f.audit_records.more and
          f.audit_records.next_seq > f.audit_records.records[-1].seq, "AuditQuery limit 3: a page of 3, more, next_seq")
    byn = query_all(node="csc-testshire")
    check(byn and all("csc-testshire" in (r.actor_node, r.recipient_node) for r in byn) and
          {r.recipient_node for r in byn} >= {"csc-testshire"} and {r.actor_node for r in byn} >= {"csc-testshire"},
          "AuditQuery node: records the node acted in or received (%d)" % len(byn))
    bya = query_all(agency=A.AGENCY_IDVA, event=au.AUDIT_EVENT_DELIVERY_COMMITTED)
    check(bya and all(A.AGENCY_IDVA in (r.actor_agency, r.recipient_agency) for r in bya),
          "AuditQuery agency and event together: idva's DELIVERY_COMMITTED records only")
    if len(recs) > 4:
        t1, t2 = recs[1].time_ms, recs[-2].time_ms
        byt = query_all(caseRef=case_a, fromMs=str(t1), toMs=str(t2))
        check(byt and all(t1 <= r.time_ms < t2 for r in byt) and len(byt) < len(recs),
              "AuditQuery from_ms/to_ms: from_ms <= time < to_ms")
    rl = query_all(event=au.AUDIT_EVENT_LOOKUP_RATE_LIMITED)
    check(rl and rl[0].count >= 1 and rl[0].actor_node == "control-testshire",
          "LOOKUP_RATE_LIMITED with a count for the control room")

    # body_sha256 (section 9): over the Deliver's bytes as sent, after the
    # leading seq and delivery_id; for a share's delivery (csc's copy of
    # referral A) and a countdown notice (health's). Each Deliver is also the
    # canonical encoding: another protobuf library re-encodes it byte for byte.
    for who, raw, fr in (("a referral's", dref_raw, dref),
                         ("a notice's", health.raw.get(nt.deliver.delivery_id) if nt else None, nt)):
        if fr is None or raw is None:
            check(False, "%s Deliver to check body_sha256 on" % who)
            continue
        dc = [r for r in recs if r.event == au.AUDIT_EVENT_DELIVERY_COMMITTED and
              r.delivery_id == fr.deliver.delivery_id]
        check(dc and dc[0].body_sha256 == hashlib.sha256(deliver_body(raw)).digest(),
              "%s DELIVERY_COMMITTED.body_sha256: SHA-256 of the Deliver bytes after seq and delivery_id" % who)
        check(fr.SerializeToString() == raw,
              "%s Deliver is canonical protobuf (re-encoded byte for byte; delivery_id once)" % who)

    # checkpoints, signatures, proofs
    with open(os.path.join(a.pki, "state", "audit.vkey")) as fh:
        vkey = fh.read().strip()
    f = aud.req(F(checkpointRequest={}))
    ok = check(f.WhichOneof("body") == "checkpoints" and len(f.checkpoints.notes) >= 2,
               "CheckpointRequest: signed notes (%s)" % show(f))
    check(f.checkpoints.vkey.strip() == vkey, "Checkpoints.vkey is state_dir/audit.vkey")
    notes = [verify_note(n, vkey) for n in f.checkpoints.notes] if ok else []
    check(notes and all(notes), "every note carries a valid Ed25519 line of the gateway's key (%d notes)" % len(notes))
    notes = [n for n in notes if n]
    check([s for s, _ in notes] == sorted(s for s, _ in notes), "notes come oldest first")
    if len(notes) >= 2:
        (s1, r1), (s2, r2) = notes[0], notes[-1]
        f = aud.req(F(consistencyProofRequest={"oldSize": str(s1), "newSize": str(s2)}))
        check(f.WhichOneof("body") == "proof" and f.proof.old_size == s1 and f.proof.tree_size == s2 and
              consistent(s1, s2, r1, r2, f.proof.hashes),
              "ConsistencyProof %d -> %d checks against the two signed roots" % (s1, s2))
        rec = [r for r in recs if r.seq < s2][-1]
        f = aud.req(F(inclusionProofRequest={"seq": str(rec.seq), "treeSize": str(s2)}))
        ok = check(f.WhichOneof("body") == "proof" and f.proof.record.seq == rec.seq, "InclusionProof (%s)" % show(f))
        if ok:
            lh = h_leaf(f.proof.record.SerializeToString())
            check(lh == f.proof.leaf_hash, "leaf_hash = SHA-256(0x00 || the record as re-packed by another protobuf library)")
            check(root_from_inclusion(rec.seq, s2, f.proof.leaf_hash, f.proof.hashes) == r2,
                  "the inclusion path of seq %d leads to the signed root of size %d" % (rec.seq, s2))
        f = aud.req(F(inclusionProofRequest={"seq": str(s2 + 10 ** 6), "treeSize": "0"}))
        check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "an inclusion proof for a seq beyond the tree: INVALID_REQUEST (%s)" % show(f))
        f = aud.req(F(consistencyProofRequest={"oldSize": str(s2 + 5), "newSize": str(s1)}))
        check(is_error(f, pb.ERROR_CODE_INVALID_REQUEST), "a consistency proof old > new: INVALID_REQUEST (%s)" % show(f))
    f = aud.req(F(checkpointRequest={"latestOnly": True}))
    check(f.WhichOneof("body") == "checkpoints" and len(f.checkpoints.notes) == 1, "latest_only: one note")

    # == 9. what each record carries (the table of section 9, and sections 12-14)
    trail = query_all()
    check(trail and [r.seq for r in trail] == list(range(len(trail))), "the whole trail pages through in seq order, gap-free")

    def one(pred):
        x = [r for r in trail if pred(r)]
        return x[0] if x else None
    E = au.AuditEvent.Value
    r = one(lambda r: r.event == E("AUDIT_EVENT_REFERRAL_ACCEPTED") and r.case_ref == case_a)
    check(r and r.reason == "new" and r.marac_area == "testshire" and r.meeting_date == ra.meeting_date and
          r.msg_id == "kinds-refer-a" and r.actor_node == "police-testshire" and len(r.original_sha256) == 32,
          "REFERRAL_ACCEPTED: reason new, area, meeting, msg_id, actor, original_sha256")
    r = one(lambda r: r.event == E("AUDIT_EVENT_REFERRAL_ACCEPTED") and r.case_ref == case_b)
    check(r and r.reason == "repeat", "REFERRAL_ACCEPTED of the duplicate: reason repeat")
    r = one(lambda r: r.event == E("AUDIT_EVENT_RESEARCH_MARKED") and r.case_ref == case_a)
    check(r and r.reason == "done" and r.marac_area == "testshire" and r.actor_agency == A.AGENCY_CHILDRENS_SOCIAL_CARE,
          "RESEARCH_MARKED: reason done, area, csc")
    r = one(lambda r: r.event == E("AUDIT_EVENT_ACTION_ADDED") and r.item_id == act.action_id)
    desc = "Call Zara on 07700 900456 about the GP visit"
    check(r and r.reason == "health" and r.due_date == today.isoformat() and r.case_ref == case_a and
          r.original_sha256 == hashlib.sha256(desc.encode()).digest() and
          r.view_sha256 == hashlib.sha256(act.description.encode()).digest(),
          "ACTION_ADDED: reason the owner, due date, SHA-256 of the description as sent and as stored")
    r = one(lambda r: r.event == E("AUDIT_EVENT_ACTION_UPDATED") and act2 and r.item_id == act2.action_id)
    check(r and r.reason == "not_possible_circumstances_changed", "ACTION_UPDATED: reason the status (%s)" % (r.reason if r else None))
    r = one(lambda r: r.event == E("AUDIT_EVENT_MARKER_INFORMED") and r.item_id == mid)
    check(r and r.reason == "no_answer_by_phone" and r.due_date == today.isoformat(),
          "MARKER_INFORMED: reason no_answer_by_phone, due_date the contact's date (%s)" % (r.reason if r else None))
    r = [x.reason for x in trail if x.event == E("AUDIT_EVENT_MARKER_REVIEWED")]
    check("extended" in r and "withdrawn" in r, "MARKER_REVIEWED: reasons extended and withdrawn (%s)" % r)
    r = one(lambda r: r.event == E("AUDIT_EVENT_FLAG_RAISED") and r.case_ref == case_a and r.reason == "share")
    check(r and r.actor_node == "health-testshire" and set(r.flagged_agencies) >= {A.AGENCY_POLICE, A.AGENCY_IDVA}
          and "phone" in r.matched_on and r.marac_area == "testshire",
          "FLAG_RAISED: the toucher, police and idva flagged, matched on phone")
    r = one(lambda r: r.event == E("AUDIT_EVENT_FLAG_HISTORY_READ") and r.case_ref == case_a)
    check(r and r.marac_area == "testshire", "FLAG_HISTORY_READ: case and area")
    lk = [x for x in trail if x.event == E("AUDIT_EVENT_LOOKUP") and x.msg_id.startswith("kinds-lk-same-")]
    check(len(lk) == 2 and len(lk[0].query_sha256) == 32 and lk[0].query_sha256 == lk[1].query_sha256 and
          lk[0].reason == "hit" and lk[0].case_ref in (case_a, case_b),
          "LOOKUP: one phone written two ways gives one query_sha256; reason hit, the case")
    r = one(lambda r: r.event == E("AUDIT_EVENT_LOOKUP") and r.reason == "miss")
    check(r is not None and r.case_ref == "", "LOOKUP of an unknown phone: reason miss")
    r = one(lambda r: r.event == E("AUDIT_EVENT_CASE_TRANSFERRED") and r.case_ref == case_c)
    check(r and r.marac_area == "testshire" and r.to_area == "otherton" and r.meeting_date,
          "CASE_TRANSFERRED: the sending area, to_area, meeting_date")
    r = one(lambda r: r.event == E("AUDIT_EVENT_CASE_CLOSED") and r.case_ref == case_c)
    check(r and r.reason == "no_further_action", "CASE_CLOSED: reason no_further_action")
    r = one(lambda r: r.event == E("AUDIT_EVENT_CASE_WITHDRAWN") and r.case_ref == case_d)
    check(r and r.reason == "withdrawn_in_error", "CASE_WITHDRAWN: reason withdrawn_in_error")
    r = one(lambda r: r.event == E("AUDIT_EVENT_SHARE_RETRACTED") and r.msg_id == "kinds-flag-share")
    check(r and r.reason == "excessive" and r.count == 1 and r.actor_node == "health-testshire",
          "SHARE_RETRACTED: reason, count 1, the sender")
    r = one(lambda r: r.event == E("AUDIT_EVENT_RETRACT_DELIVERED") and r.msg_id == "kinds-flag-share")
    check(r and r.recipient_node == "idva-testshire" and r.reason in ("acked", "not_acked"),
          "RETRACT_DELIVERED: the recipient, acked or not_acked (%s)" % (r.reason if r else None))
    r = one(lambda r: r.event == E("AUDIT_EVENT_SERIAL_PERPETRATOR") and r.case_ref == case_e)
    check(r and r.reason == "serial_perpetrator" and r.count >= 1, "SERIAL_PERPETRATOR: the new case, count")
    r = [x.reason for x in trail if x.event == E("AUDIT_EVENT_FOLLOWUP_LISTED")]
    check("actions" in r and "markers" in r, "FOLLOWUP_LISTED: reasons actions and markers")
    r = {x.reason for x in trail if x.event == E("AUDIT_EVENT_AUDIT_QUERIED")}
    check({"query", "checkpoints", "inclusion_proof", "consistency_proof"} <= r, "AUDIT_QUERIED: every kind of auditor request (%s)" % sorted(r))
    r = one(lambda r: r.event == E("AUDIT_EVENT_DELIVERY_COMMITTED") and nt is not None and
            r.delivery_id == nt.deliver.delivery_id)
    check(r and r.reason == "action_due" and r.item_id == act.action_id and r.recipient_node == "health-testshire",
          "a notice's DELIVERY_COMMITTED: reason action_due, item_id, recipient")
    r = one(lambda r: r.event == E("AUDIT_EVENT_ACTION_NOTICE") and r.recipient_node == "health-testshire")
    check(r and r.item_id == act.action_id, "ACTION_NOTICE with the recipient")
    r = one(lambda r: r.event == E("AUDIT_EVENT_MARKER_ESCALATED"))
    check(r and r.recipient_node == "chair-testshire" and r.item_id == mid, "MARKER_ESCALATED with the chair as recipient")
    # the digests a recipient or sender can recompute (audit.proto): the view
    # as delivered, the summary and the referral as sent
    if dref is not None:
        r = one(lambda r: r.event == E("AUDIT_EVENT_DELIVERY_COMMITTED") and r.delivery_id == dref.deliver.delivery_id)
        check(r and r.view_sha256 == hashlib.sha256(dref.deliver.summary.SerializeToString()).digest(),
              "DELIVERY_COMMITTED.view_sha256 = SHA-256 of the CaseSummary the recipient got")
    r = one(lambda r: r.event == E("AUDIT_EVENT_SHARE_ACCEPTED") and r.msg_id == "kinds-flag-share")
    sent = pb.Frame()
    json_format.ParseDict({"caseRef": "HEALTH-LOCAL-77"}, sent.share.summary)
    json_format.ParseDict(hsum, sent.share.summary)
    check(r and r.original_sha256 == hashlib.sha256(sent.share.summary.SerializeToString()).digest() and
          not r.case_known, "SHARE_ACCEPTED.original_sha256 = SHA-256 of the CaseSummary as sent; case_known false")
    r = one(lambda r: r.event == E("AUDIT_EVENT_REFERRAL_ACCEPTED") and r.case_ref == case_a)
    sent = F(refer={"msgId": "x", "referral": rz})
    check(r and r.original_sha256 == hashlib.sha256(sent.refer.referral.SerializeToString()).digest(),
          "REFERRAL_ACCEPTED.original_sha256 = SHA-256 of the Referral as sent")
    cps = [x for x in trail if x.event == E("AUDIT_EVENT_CHECKPOINT_SIGNED")]
    check(notes and [x for x in cps if x.tree_size == notes[0][0] and x.root_hash == notes[0][1]],
          "a CHECKPOINT_SIGNED record carries the size and root of the first signed note")
    check(probe_rid and not [x for x in trail if x.delivery_id == probe_rid and x.event == E("AUDIT_EVENT_DELIVERY_ACKED")],
          "and no DELIVERY_ACKED for it: the node never had it")
    r = trail[0] if trail else None
    check(r and r.event == E("AUDIT_EVENT_GATEWAY_START") and r.reason == "test_clock",
          "the trail begins with GATEWAY_START, reason test_clock (the gateway runs on the test clock here)")
    pl = [x for x in trail if x.event == E("AUDIT_EVENT_POLICY_LOADED")]
    check(pl and dref is not None and pl[-1].policy_sha256 == dref.deliver.policy_sha256,
          "POLICY_LOADED.policy_sha256 is the Deliver's policy_sha256")
    der = ssl.PEM_cert_to_DER_cert(open(os.path.join(a.pki, "csc.crt")).read())
    nc = [x for x in trail if x.event == E("AUDIT_EVENT_NODE_CONNECTED") and x.actor_node == "csc-testshire"]
    check(nc and all(x.cert_sha256 == hashlib.sha256(der).digest() for x in nc),
          "NODE_CONNECTED.cert_sha256 is SHA-256 of the node's DER certificate")
    wa = {x.msg_id for x in trail if x.event == E("AUDIT_EVENT_DELIVERY_ACKED") and x.msg_id.startswith("kinds-win-")}
    check(len(wa) == 66, "every window share is audited DELIVERY_ACKED, those acked by Hello.resume_after too (%d of 66)" % len(wa))
    r = one(lambda r: r.event == E("AUDIT_EVENT_FLAG_ACKED") and fl is not None and r.delivery_id == fl.flag.flag_id)
    check(r and r.case_ref == case_a and r.actor_node == "police-testshire", "FLAG_ACKED: the flag id, the case, police")
    r = one(lambda r: r.event == E("AUDIT_EVENT_DELIVERY_ACKED") and r.actor_node == "csc-testshire" and r.case_ref)
    check(r and r.msg_id and len(r.delivery_id) == 32, "DELIVERY_ACKED: the recipient, delivery_id, case_ref, msg_id")
    r = [x for x in trail if x.event == E("AUDIT_EVENT_REQUEST_REFUSED") and x.attempted == "agenda_request"]
    check([x for x in r if x.marac_area == "otherton"], "REQUEST_REFUSED of an agenda for otherton names the area")
    check([x for x in r if x.marac_area == "sha256:" + hashlib.sha256(b"Nowhere Else").hexdigest()] and
          not [x for x in trail if b"Nowhere" in x.SerializeToString()],
          "REQUEST_REFUSED of an agenda for a name that is no area id: marac_area as sha256:<hex>, never the name")
    check([x for x in r if x.reason == "invalid_request" and x.meeting_date == "" and
           x.marac_area == "testshire"] and not [x for x in r if "/" in x.meeting_date],
          "REQUEST_REFUSED keeps meeting_date only when it is a real YYYY-MM-DD")

    # == 11. the JSON form: what `marac listen` writes is the whole Frame in
    # the proto3 JSON mapping, which another library reads strictly and
    # writes back the same (education has every referral pending)
    if a.marac:
        def listen(cert, extra):
            out = tempfile.mkdtemp(prefix="marac-interop-json-")
            fl_dir = tempfile.mkdtemp(prefix="marac-interop-flags-")
            r = subprocess.run([a.marac, "listen", "--gateway", "wss://%s:%d" % (a.host, a.port),
                                "--cert", os.path.join(a.pki, cert + ".crt"), "--key", os.path.join(a.pki, cert + ".key"),
                                "--ca", os.path.join(a.pki, "ca.crt"), "--out", out, "--idle-exit", "2"] +
                               (["--flags", fl_dir] if extra else []), capture_output=True, text=True, timeout=60)
            files = []
            for d in (out, fl_dir):
                for name in sorted(os.listdir(d)):
                    with open(os.path.join(d, name)) as fh:
                        files.append((name, fh.read()))
                    os.unlink(os.path.join(d, name))
                os.rmdir(d)
            return r, files

        def same_json(name, text, body, id_field):
            fr = pb.Frame()
            try:
                json_format.Parse(text, fr)  # strict: an unknown key is an error
            except json_format.ParseError as ex:
                return "does not parse: %s" % ex
            if fr.WhichOneof("body") != body or name != getattr(getattr(fr, body), id_field) + ".json":
                return "not {\"%s\": ...} named by its %s" % (body, id_field)
            if json.loads(text) != json_format.MessageToDict(fr):
                return "written back differently"
            return None
        r, files = listen("education", False)
        check(r.returncode == 0 and len(files) >= 5, "marac listen wrote %d files (exit %d %s)" % (len(files), r.returncode, r.stderr[-200:]))
        bad = [(n, same_json(n, t, "deliver", "delivery_id")) for n, t in files]
        bad = [x for x in bad if x[1]]
        check(files and not bad, "every file is {\"deliver\": ...} named by its delivery_id, and another proto3 JSON "
              "library reads it strictly and writes it back the same (%d files; %s)" % (len(files), bad[:2]))
        # a flag for idva (the area's flag agency), kept by marac listen --flags
        idva.drain(0.3)
        idva.ack_all()
        idva.close()
        time.sleep(0.3)
        f = health.req(share("kinds-json-flag", ["AGENCY_IDVA"], {
            "caseRef": "HEALTH-LOCAL-81", "maracArea": "testshire",
            "victim": {"fullName": "Zara Interopwell", "phones": ["07700 900456"], "role": "PERSON_ROLE_VICTIM"}}))
        r, files = listen("idva", True)
        flags_f = [(n, t) for n, t in files if '"flag"' in t]
        check(r.returncode == 0 and flags_f and not [x for x in flags_f if same_json(x[0], x[1], "flag", "flag_id")],
              "marac listen --flags keeps the flag as {\"flag\": ...} named by its flag_id, read and written back the same "
              "(%d flag files)" % len(flags_f))
        idva = node("idva")

    # section 13: lookups and flags see the same open cases, on the gateway's
    # day: 13 months on (the test clock), case A has lapsed for both
    with open(os.path.join(a.pki, "state", "test_clock_offset_days"), "w") as fh:
        fh.write("400\n")
    time.sleep(1.5)
    police.drain(0.3)
    police.ack_all()  # the flags raised so far
    f = lookup(ctl, phone="07700 900456")
    check(f.WhichOneof("body") == "lookup_result" and not f.lookup_result.found,
          "13 months on, a lookup of Zara finds no open case (%s)" % show(f))
    f = health.req(share("kinds-lapsed-touch", ["AGENCY_IDVA"], {
        "caseRef": "HEALTH-LOCAL-82", "maracArea": "testshire",
        "victim": {"fullName": "Zara Interopwell", "phones": ["07700 900456"], "role": "PERSON_ROLE_VICTIM"}}))
    fl2 = police.wait_for(lambda x: x.WhichOneof("body") == "flag" and x.flag.case_ref == case_a, 2)
    check(f.WhichOneof("body") == "share_accepted" and fl2 is None,
          "and a share about her flags nobody: flags count the window on the gateway's day too")
    with open(os.path.join(a.pki, "state", "test_clock_offset_days"), "w") as fh:
        fh.write("0\n")

    for n in (csc, police, chair, ctl, health, idva, aud):
        n.ack_all()
        n.close()
    # section 6: "The message is for people and never contains personal data"
    pii = ("Zara", "Interopwell", "900456", "Quinn", "Nomatch", "Kieran", "Exampleson", "Yasmin", "Wendy",
           "Xenia", "Olive", "Outerton", "9990000018", "1991-05-06", "SW1A", "TS2 3DE", "OT1 2AB", "Call ", "She moved")
    leaks = [m for m in ERRORS if any(p in m for p in pii)]
    check(len(ERRORS) > 100 and not leaks, "no Error message (%d of them) quotes a name, phone, date of birth, "
          "postcode or free text sent (%s)" % (len(ERRORS), leaks[:3]))
    print("kinds.py: %.1f s" % (time.time() - t0))
    print("%d failed" % base.FAILS)
    return 1 if base.FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
