/*
 * limits.h: every limit of marac-gateway in one place, with why.
 *
 * The operational limits (those with a config key named below) are defaults:
 * gateway.yaml may lower or raise them within the hard bounds checked at
 * config load. The others are compiled in because a wrong value is unsafe.
 */
#ifndef MARAC_LIMITS_H
#define MARAC_LIMITS_H

/*
 * Largest WebSocket message (one Frame) accepted or sent, after fragment
 * reassembly. A CaseSummary with a long narrative is tens of KiB; 1 MiB
 * leaves room for a multi-page narrative while bounding what one peer can
 * make us buffer. Above it the connection closes with 1009.
 * Config: limits.max_frame_bytes (4 KiB .. 16 MiB).
 */
#define MGW_MAX_FRAME_BYTES_DEFAULT   (1u << 20)
#define MGW_MAX_FRAME_BYTES_MIN       4096u
#define MGW_MAX_FRAME_BYTES_MAX       (16u << 20)

/*
 * protobuf-c's unpack allocates up to ~35x its input for adversarial input
 * (many tiny repeated sub-messages). Decoding runs under a budgeted allocator
 * capped at this multiple of the input size (plus a small floor), so one
 * frame cannot cost more than ~64 MiB of heap at the default frame cap.
 */
#define MGW_DECODE_BUDGET_FACTOR      64u
#define MGW_DECODE_BUDGET_FLOOR       (64u << 10)

/*
 * Shares a node may have awaiting ShareAccepted. Beyond it the gateway stops
 * reading from that node (rx flow control) rather than queueing more: the
 * node feels the back-pressure, nobody else does.
 * Config: limits.max_in_flight (1 .. 1024).
 */
#define MGW_MAX_IN_FLIGHT_DEFAULT     64u

/*
 * Deliveries the gateway pushes to one node before it must ack some. The
 * rest wait in the durable outbox, so a slow reader costs disk, not memory.
 * Config: limits.delivery_window (1 .. 1024).
 */
#define MGW_DELIVERY_WINDOW_DEFAULT   64u

/*
 * Concurrent WebSocket connections. A MARAC area has tens of agency nodes;
 * 256 covers a region with headroom while bounding fds and memory. A
 * national deployment raises it (an idle authenticated node costs about
 * 40 KiB and two file descriptors' worth of the fd limit: its own and its
 * share of the handshake pool).
 * Config: limits.max_connections (1 .. 65536).
 */
#define MGW_MAX_CONNECTIONS_DEFAULT   256u

/*
 * Seconds of silence before the gateway pings, and seconds a ping may go
 * unanswered before the connection is dropped. A TLS handshake plus Hello
 * must complete within the handshake timeout (slowloris).
 * Config: limits.idle_ping_secs, limits.ping_timeout_secs, limits.handshake_timeout_secs.
 */
#define MGW_IDLE_PING_SECS_DEFAULT        30u
#define MGW_PING_TIMEOUT_SECS_DEFAULT     10u

/*
 * s11-daemon. Seconds the writer may go without finishing a batch (or
 * being idle) while it has work before the nodes it holds back are let go:
 * a node the gateway does not read has its ping clock stopped (its pong
 * waits behind its requests), so while the writer is stuck (a disk that
 * hangs fsync, a full disk failing every COMMIT) such a session stayed
 * connected for as long, holding its slot with nothing to say why. They
 * are closed 4001 (reconnect later: proto/README section 7); idle nodes stay. A minute is far
 * beyond a healthy batch (256 jobs, each well under 100 ms even sanitized)
 * and short of what an operator would call an outage.
 * Config: limits.writer_stall_secs.
 */
#define MGW_WRITER_STALL_SECS_DEFAULT     60u
#define MGW_WRITER_STALL_SECS_MIN         2u
#define MGW_WRITER_STALL_SECS_MAX         3600u
#define MGW_HANDSHAKE_TIMEOUT_SECS_DEFAULT 10u

/*
 * Group commit: the writer thread takes up to this many queued shares into
 * one SQLite transaction (one fsync). Bigger batches amortise the fsync;
 * the bound keeps one transaction's latency predictable.
 */
#define MGW_COMMIT_BATCH_MAX          256u

/*
 * Bounded queue between the lws service thread and the writer thread.
 * When full, sessions stop reading (the in-flight cap normally trips first).
 */
#define MGW_WRITER_QUEUE_MAX          4096u

/*
 * SQLite page size of a new store (an existing file keeps its own: SQLite
 * cannot change it in WAL mode). With 4 KiB pages a 2 KiB delivery body
 * (a typical case summary) took a page of its own, because two do not fit
 * in one: a share wrote about 3 pages (12 KiB) to the WAL for 5.5 KiB of
 * rows. 8 KiB pages hold three such bodies; larger pages would make each
 * ack (a narrow update that dirties a whole page) write more.
 */
#define MGW_STORE_PAGE_SIZE           8192

/*
 * WAL checkpoints run off the commit path (store.c's checkpointer thread,
 * its own connection, PASSIVE): SQLite's auto-checkpoint is off, because it
 * ran inside COMMIT and fsynced the database there (13-19 ms stalls). A
 * PASSIVE checkpoint starts once the WAL holds this many pages (SQLite's
 * own default; 8 MiB at MGW_STORE_PAGE_SIZE), at most every MGW_WAL_CHECKPOINT_GAP_MS; the
 * WAL file is truncated (TRUNCATE, which waits for readers) only after
 * MGW_WAL_IDLE_MS without a commit, and only if it grew past the same mark.
 */
#define MGW_WAL_CHECKPOINT_PAGES      1000
#define MGW_WAL_CHECKPOINT_GAP_MS     50
#define MGW_WAL_IDLE_MS               1000

/*
 * Threads that prepare queued jobs (redaction, packing, hashing) off the
 * writer thread: one per online core, at most this many (each holds only
 * its current job).
 */
#define MGW_PREP_WORKERS_MAX          8u

/*
 * Committed deliveries the service thread keeps in memory until first sent
 * (outbox_cache.c), so a full delivery window does not make the pump read
 * them back from the store. Beyond this many bytes they are read back.
 */
#define MGW_OUTBOX_CACHE_BYTES        (64u << 20)

/*
 * Of that queue, the last slots are kept for records the gateway emits
 * itself (connections, aggregated refusals): sessions are paused at
 * MAX - RESERVE, so a flood of node requests cannot crowd out the trail.
 */
#define MGW_WRITER_QUEUE_RESERVE      256u

/*
 * Bytes of control frames (answers, refusals, Retracts, Flags) a node may
 * leave unread before it is cut off ("not reading", close 1008), beside
 * the count session.c bounds them by (2 x max_in_flight + 16): at least
 * this, and at least four frames of limits.max_frame_bytes. Counted alone,
 * one node pipelining 140 list reads of 1 MiB answers and never reading
 * them held 191 MiB of the gateway (2.3 GiB at a 16 MiB frame limit). 32
 * MiB holds the 20 audit pages the request bucket lets an auditor ask for
 * at once; the CLI and a reading node never come near it.
 */
#define MGW_CTL_QUEUE_BYTES           (32u << 20)

/*
 * Bytes of Deliver frames queued in memory for one node's socket. The
 * delivery window bounds them by count only (64 frames of up to
 * limits.max_frame_bytes: 64 MiB per node, 16 GiB at the largest limits),
 * and a node that stops reading its socket (TCP window zero) while its
 * window is open had that much held for it, per connection (r-redteam4:
 * six such nodes sent 64 views of 0.9 MiB each grew the daemon by 287
 * MiB; now by 128, half of it the global outbox cache). Beyond this many bytes (at least one frame) the rest wait in
 * the durable outbox, or the global outbox cache (MGW_OUTBOX_CACHE_BYTES),
 * and are queued as the socket drains: a slow reader costs disk, not
 * memory. 4 MiB is hundreds of typical summaries, so a reading node is
 * never held back by it.
 */
#define MGW_DLV_QUEUE_BYTES           (4u << 20)

/*
 * r-redteam6. Bytes of shares and referrals one connection may have
 * waiting for their answer, beside limits.max_in_flight (a count): 64
 * shares of 0.9 MiB, each redacted into seven views on the way to the
 * writer, grew the daemon from 14 MiB to 468 MiB for one node (16 MiB
 * frames: 64 x 16 MiB x 8 would be gigabytes). At this many bytes (and at
 * least two max_frame_bytes) the gateway stops reading the connection
 * until answers come back, as at max_in_flight: nothing is refused. With 4
 * MiB the same node peaks at 149 MiB (8 MiB: 241), and its 64 shares are
 * all accepted sooner (3.4 s against 7.9 s: less for the workers to
 * juggle). 4 MiB is a thousand typical summaries, so a node sending
 * ordinary shares never meets it.
 */
#define MGW_IN_FLIGHT_BYTES           (4u << 20)

/*
 * Jobs one session may have in the executor (requests, acks, auditor and
 * agenda requests together) before the gateway stops reading from it.
 * Acks come at most one per delivery in the window; the rest is requests.
 */
#define MGW_SESSION_JOBS_MAX(in_flight, window) ((in_flight) + (window) + 8u)

/*
 * Pre-authentication: a TCP connection must finish TLS and the WebSocket
 * upgrade within this many seconds (lws's own timer), far below the Hello
 * timeout, because it costs a slot before anyone is known. The pool of
 * connections still in handshake is separate from the node slots, so
 * anonymous peers cannot lock nodes out.
 *
 * Per source address (limits.preauth_per_address): while the pool is under
 * pressure (at least MGW_PREAUTH_PRESSURE_PCT of it in use) an address
 * holds at most this many handshakes, its oldest dropped for a newer one,
 * so one peer cannot fill the pool. Below that mark any address may
 * handshake at once: every node of an agency behind one NAT reconnecting
 * together after a gateway restart (tens of handshakes from one address)
 * must not be dropped, and a pool half free is no flood.
 */
#define MGW_PREAUTH_TIMEOUT_SECS      5u
#define MGW_PREAUTH_PER_ADDRESS_MIN     1u
#define MGW_PREAUTH_PER_ADDRESS_MAX     65536u
#define MGW_PREAUTH_PER_ADDRESS_DEFAULT 8u
#define MGW_PREAUTH_PRESSURE_PCT      50u
#define MGW_REGISTERED_RESERVE_MIN    8u

/*
 * Refusals before authentication are audited as one record per reason per
 * interval with their count (the first of an interval at once): anonymous
 * peers must not be able to grow the append-only trail at line rate.
 */
#define MGW_PREAUTH_AUDIT_SECS        60u

/*
 * Graceful stop: nodes get a close (1001) and this long to answer it
 * before their sockets are dropped; well under systemd's TimeoutStopSec.
 */
#define MGW_STOP_GRACE_MS             2000u
/*
 * r-redteam6. Before that close, the gateway stops reading and waits up
 * to this long for the requests it has read to be committed and answered
 * (a group commit takes milliseconds; a full writer queue, seconds): they
 * were committed, but a sender closed unanswered sent them again. Both
 * together stay well under systemd's TimeoutStopSec (90 s by default).
 */
#define MGW_STOP_DRAIN_MS             5000u

/* Recipients one share may name (there are 8 agencies; nodes per agency vary). */
#define MGW_MAX_RECIPIENT_NODES       64u

/* msg_id: 1..128 printable ASCII (no spaces): an idempotency key, not data. */
#define MGW_MSG_ID_MAX                128u

/*
 * case_ref: 1..64 of A-Z a-z 0-9 and - / . _, starting alphanumeric. A
 * reference, not data: anything else is refused at the door and appears in
 * logs and the trail only as a digest.
 */
#define MGW_CASE_REF_MAX              64u

/* Identifiers in config (node ids, areas): short, printable, no personal data. */
#define MGW_ID_MAX                    64u

/*
 * Hard bounds of the operational limits above, checked by config_load.
 * In flight and the delivery window: below 1 nothing moves; above 1024 one
 * node could pin that many decoded frames or queued deliveries in memory.
 */
#define MGW_MAX_IN_FLIGHT_MIN         1u
#define MGW_MAX_IN_FLIGHT_MAX         1024u
#define MGW_DELIVERY_WINDOW_MIN       1u
#define MGW_DELIVERY_WINDOW_MAX       1024u

/*
 * Connections: 65,536 idle nodes are about 2.5 GiB of session and TLS state
 * and need an fd limit of about 131,000 (nodes, handshake pool, reserve);
 * beyond that memory, not descriptors, is the bound, and nobody has planned it.
 */
#define MGW_MAX_CONNECTIONS_MIN       1u
#define MGW_MAX_CONNECTIONS_MAX       65536u

/*
 * File descriptors: at start the daemon raises its soft RLIMIT_NOFILE up to
 * the hard limit, but not past this: lws sizes its fd tables by the limit
 * and zeroes them (16 bytes per fd: the poll array and the fd-to-connection
 * map, 4 MiB resident here), and 65,536 connections need about 131,000.
 * Descriptors beyond the connection slots: the store, the log, the
 * listeners and lws's own.
 */
#define MGW_NOFILE_MAX                (1u << 18)
#define MGW_NOFILE_SPARE              64u

/*
 * A session's inbound reassembly buffer is kept between messages up to this
 * size (acks and small requests reuse it); one grown for a large share is
 * freed once the share is decoded, so an idle node holds no frame buffer.
 */
#define MGW_RX_KEEP_BYTES             (16u << 10)

/*
 * Bytes of queued frames written to one node per WRITEABLE callback (more
 * when a single frame is larger). About a loopback socket buffer's worth:
 * enough that a burst of deliveries costs one wake-up per batch, small
 * enough that the next node in the same service pass is not kept waiting.
 */
#define MGW_WRITEABLE_BYTES           (64u << 10)

/*
 * lws buffers. The per-connection WebSocket rx buffer is allocated for the
 * connection's whole life: it was 64 KiB (an idle node's largest single
 * allocation); one page now, and an idle authenticated node costs about
 * 30 KiB of RSS instead of 36 (bench_vs_mosquitto's idle series). Larger messages
 * arrive in several callbacks and are reassembled in the session (the bytes
 * are copied once either way). Writes go to OpenSSL in chunks of
 * MGW_WS_TX_PACKET (lws would otherwise chunk by the rx size; it buffers the
 * rest of a larger frame and sends it as the socket drains).
 */
#define MGW_WS_RX_BUFFER              (4u << 10)
#define MGW_WS_TX_PACKET              (64u << 10)

/*
 * Timers, in seconds. An hour of silence before a ping is the most a
 * NAT or load balancer in front of the gateway can be trusted to keep a
 * connection; the ping and handshake bounds stop a peer holding a slot for
 * minutes (slowloris). idle + timeout must fit lws's 16-bit timer fields.
 */
#define MGW_IDLE_PING_SECS_MIN        1u
#define MGW_IDLE_PING_SECS_MAX        3600u
#define MGW_PING_TIMEOUT_SECS_MIN     1u
#define MGW_PING_TIMEOUT_SECS_MAX     600u
#define MGW_HANDSHAKE_TIMEOUT_SECS_MIN 1u
#define MGW_HANDSHAKE_TIMEOUT_SECS_MAX 120u

/*
 * Audit checkpoints: one signed tree head every N records or T seconds,
 * whichever comes first. More often costs a signature each; less often
 * leaves more records that an auditor cannot yet prove were logged.
 * Config: audit.checkpoint_every (1 .. 1000000), audit.checkpoint_secs (1 .. 86400).
 */
#define MGW_CHECKPOINT_EVERY_DEFAULT  1000u
#define MGW_CHECKPOINT_EVERY_MIN      1u
#define MGW_CHECKPOINT_EVERY_MAX      1000000u
#define MGW_CHECKPOINT_SECS_DEFAULT   60u
#define MGW_CHECKPOINT_SECS_MIN       1u
#define MGW_CHECKPOINT_SECS_MAX       86400u

/* The checkpoint origin line (audit.origin): bytes, as the C2SP note format allows. */
#define MGW_AUDIT_ORIGIN_MAX          255u

/*
 * gateway.yaml is read whole into memory before parsing: 4 MiB holds a
 * registry of thousands of nodes and stops a wrong path (a log, a device)
 * from being slurped.
 */
#define MGW_CONFIG_MAX_BYTES          (4u << 20)

/*
 * One share's redaction (policy_redact_many): the structured values of a
 * case become the scrubbers' name and value lists, one scrubber per
 * visibility profile, so their size is the share's memory. A real case has
 * a victim, one or two perpetrators, a few children and tens of third
 * parties, each with a handful of aliases; these caps are ten times that
 * and keep one share's scrubbers to a few MiB. A case beyond them is
 * refused with MGW_E_TOO_LARGE before any work (a share with 22,000 names
 * once cost 1.2 GB and stalled every commit for 20 s).
 *   persons     victim + perpetrators + children + others
 *   aliases     per person
 *   value bytes every string of every person and of the refuge address
 */
#define MGW_MAX_CASE_PERSONS          256u
#define MGW_MAX_PERSON_ALIASES        32u
#define MGW_MAX_CASE_VALUE_BYTES      (256u << 10)

/*
 * Never-share values of one case, in the forms they are compared in
 * (policy_case.c "needles"), and lines of one address. A real case has
 * tens of forms (her address, the refuge, her phones, e-mail and safe
 * times, a handful of children's addresses: a few each) and a UK address
 * at most seven lines. Every value of a share is compared with every form,
 * so the product is what costs: 250 children with ten-line addresses made
 * 5,000 forms and their 7,500 aliases took 1.6 s to compare before the
 * share was refused for its names. Beyond either cap the share is refused
 * with MGW_E_TOO_LARGE before any value is compared.
 */
#define MGW_MAX_NS_FORMS              512u
#define MGW_MAX_ADDRESS_LINES         16u

/*
 * Nesting of gateway.yaml. The deepest legitimate value is five levels down
 * (referrals -> areas -> an area -> skip -> a date); 16 leaves room for
 * flow-style variants. A hostile 100,000-deep file took libyaml's document
 * loader 49 s; the event pre-pass stops at this depth in microseconds.
 */
#define MGW_CONFIG_MAX_DEPTH          16u

/*
 * Nesting of a policy file and of a policy test file (yaml_depth.h). The
 * deepest in policy/ is seven levels (a test's case: persons -> a person
 * -> addresses -> an address -> lines); 32 leaves room for flow style. The
 * policy loader read any depth its 1 MiB allows, quadratically: about
 * seven minutes for one file, on the daemon's service thread at a reload.
 */
#define MGW_POLICY_MAX_DEPTH          32u

/*
 * A CRL file read by config_crl_check: a CA revoking tens of thousands of
 * certificates writes a few MiB; 16 MiB bounds a wrong path (a device, a
 * log) without refusing any real CRL.
 */
#define MGW_CRL_MAX_BYTES             (16u << 20)

/*
 * Delivered case contents kept after the recipient acked them
 * (limits.delivery_retention_secs), then deleted with secure_delete
 * (store_purge_delivered); the ids and digests stay for the audit trail.
 * The gateway is a conduit: each agency keeps its own record. A day lets
 * an operator investigate a delivery problem; 30 days is the most a
 * conduit should hold; 0 deletes at the first purge after the ack.
 */
#define MGW_DELIVERY_RETENTION_SECS_DEFAULT 86400u
#define MGW_DELIVERY_RETENTION_SECS_MIN     0u
#define MGW_DELIVERY_RETENTION_SECS_MAX     (30u * 86400u)

/*
 * How often the idle writer looks for acked bodies past their retention:
 * a sixteenth of the retention, at least MGW_RETENTION_INTERVAL_SECS and
 * at most MGW_RETENTION_INTERVAL_MAX_SECS apart. A purge is one DELETE
 * whose subquery scans every delivery row (grouped by body; tens of
 * milliseconds per hundred thousand rows) and, when it removed something,
 * a WAL truncation; the writer runs it between batches, so each run is a
 * stall for the shares arriving meanwhile (h11-perf: once a second it was
 * the accept p99). With the default day of retention a body goes at most a
 * minute late; with 0 (tests), within a second.
 */
#define MGW_RETENTION_INTERVAL_SECS 1u
#define MGW_RETENTION_INTERVAL_MAX_SECS 60u

/*
 * Start-up re-hashes the whole audit trail (every record against its leaf
 * and the signed roots) up to this many records: about 13 microseconds a
 * record, so at most ~3 s. Larger trails are checked in O(log n + records
 * since the last checkpoint) from the stored tree nodes (trail.h), so a
 * trail of any size starts well inside systemd's start timeout.
 */
#define MGW_AUDIT_START_REHASH_MAX    250000u

/*
 * The free-text scrubber of one (case, visibility profile). Its name and
 * value automata are dense DFAs: about 4 * 64 bytes per byte of pattern
 * (each name expands to a dozen written forms: "J Smith", "Smith, John",
 * nicknames...), so one share listing 22,000 people cost 1.2 GB and stalled
 * every commit. A MARAC case lists tens of people and a handful of withheld
 * values; the caps leave two orders of magnitude of room and bound one
 * scrubber's tables to MGW_SCRUB_MAX_TABLE_BYTES. Above any of them
 * scrubber_build2() refuses with MGW_E_TOO_LARGE rather than scrub with
 * part of the list (a partial list would leak the rest).
 *   MGW_SCRUB_MAX_ENTRIES        names + keep-names + dates + values given
 *   MGW_SCRUB_MAX_ENTRY_BYTES    one name or value (a long address fits)
 *   MGW_SCRUB_MAX_PATTERN_BYTES  folded pattern text after expansion
 *   MGW_SCRUB_MAX_TABLE_BYTES    the automata's transition tables
 */
#define MGW_SCRUB_MAX_ENTRIES       2048u
#define MGW_SCRUB_MAX_ENTRY_BYTES   512u
#define MGW_SCRUB_MAX_PATTERN_BYTES (64u << 10)
#define MGW_SCRUB_MAX_TABLE_BYTES   (32u << 20)

/*
 * Point-of-call lookups (lookup.h, req_lookup.c), per node: a token bucket
 * of lookup.burst tokens refilled at lookup.per_minute. A control room
 * answers a few calls a minute per operator; 600 a minute with a burst of
 * 60 covers a busy room behind one certificate, while a script walking
 * the phone-number space gets RATE_LIMITED within a second. Refusals are
 * audited as one LOOKUP_RATE_LIMITED record per node per
 * MGW_LOOKUP_REFUSED_AUDIT_SECS with their count, so a flood cannot flood
 * the trail. MGW_LOOKUP_BUCKETS: nodes tracked at once (one per lookup
 * node in the registry is enough; beyond it the least recently used is
 * forgotten, which only ever gives that node a full bucket again).
 */
#define MGW_LOOKUP_PER_MINUTE_DEFAULT 600u
#define MGW_LOOKUP_PER_MINUTE_MIN     1u
#define MGW_LOOKUP_PER_MINUTE_MAX     600000u
#define MGW_LOOKUP_BURST_DEFAULT      60u
#define MGW_LOOKUP_BURST_MIN          1u
#define MGW_LOOKUP_BURST_MAX          100000u
#define MGW_LOOKUP_REFUSED_AUDIT_SECS 60u
#define MGW_LOOKUP_BUCKETS            256u
/* Cases one lookup answers (a person is the victim of one or two open cases). */
#define MGW_LOOKUP_MAX_CASES          8u
/* Flag history entries one answer holds (newest first; "more" says there are older). */
#define MGW_FLAG_HISTORY_MAX          200u
/* Unacknowledged flags sent to a node per connection or notification. */
#define MGW_FLAG_SEND_MAX             64u

/*
 * After the meeting (h12-actions). An action's description and a status
 * note are free text scrubbed under the policy before they are stored:
 * 4 KiB is a paragraph of minutes, more is a case note that belongs in a
 * share. A list answer holds at most MGW_FOLLOWUP_LIST_MAX items, and no
 * more than one frame (limits.max_frame_bytes) carries: an action is up to
 * 4 KiB of text and a marker up to 64 contacts, so 500 of them can pass
 * the default 1 MiB; beyond either the answer says truncated. A marker
 * keeps at most MGW_MARKER_CONTACTS_MAX contacts and attempts (about two a
 * week for six months). The sweep for
 * due notices runs at most every MGW_FOLLOWUP_SWEEP_SECS on the writer's
 * idle time and raises at most MGW_FOLLOWUP_SWEEP_MAX notices a pass, so
 * one pass never holds the writer for long; the rest go on the next pass.
 */
#define MGW_FOLLOWUP_TEXT_MAX       4096u
#define MGW_FOLLOWUP_LIST_MAX       500u
#define MGW_MARKER_CONTACTS_MAX     64u
/*
 * Per case: open actions and active address markers. A meeting sets a
 * handful of actions per case and a victim's address carries one marker
 * (two while she moves, or a refuge): the caps only stop a script or a
 * compromised node from growing one case's follow-up without end, which
 * every list, agenda and sweep would then carry.
 */
#define MGW_ACTIONS_OPEN_PER_CASE_MAX   64u
/*
 * An action's text on the agenda: the agenda's first page carries every
 * outstanding action of the area in one frame, and 4 KiB each would fill
 * the default 1 MiB with 250 of them and leave the chair with no agenda at
 * all. 512 bytes is several sentences; longer text ends in " [...]" and is
 * read whole in `marac action list`.
 */
#define MGW_AGENDA_ACTION_TEXT_MAX      512u
#define MGW_MARKERS_ACTIVE_PER_CASE_MAX 4u
#define MGW_FOLLOWUP_SWEEP_SECS     60u
#define MGW_FOLLOWUP_SWEEP_MAX      64u

/*
 * Requests per connection other than Share, Refer, Hello, the acks and
 * lookups (which have their own bucket above): list and history reads,
 * follow-up and lifecycle changes, agenda and audit queries; and any
 * request the service thread refuses, whatever its kind (refuse.c). Each writes an audit record (every read is audited) and
 * costs a writer job, and nothing else bounds their rate: one connection
 * pipelining ActionListRequests wrote 20,000 records a second into the
 * append-only trail, whose leaves are also kept in memory. A node may send
 * limits.requests_burst of them at once, refilled at
 * limits.requests_per_second; beyond it
 * the session is not read until the bucket refills (TCP back-pressure, as
 * at max_in_flight): nothing is refused or lost, the node only goes no
 * faster than people at a keyboard and tools paging through answers need.
 */
#define MGW_REQ_PER_SEC_MIN     1u  /* limits.requests_per_second */
#define MGW_REQ_PER_SEC_MAX     100000u
#define MGW_REQ_PER_SEC_DEFAULT 50u
#define MGW_REQ_BURST_MIN       10u /* limits.requests_burst: one AuditQuery page */
#define MGW_REQ_BURST_MAX       1000000u
#define MGW_REQ_BURST_DEFAULT   200u
/*
 * An AuditQuery page scans up to MGW_AUDIT_QUERY_SCAN_MAX records and packs
 * up to a frame of them on the writer: at the request rate one auditor
 * connection kept the writer busy and shares waited 8-12 s. A page costs
 * this many tokens: 20 at once, then 5 a second (5,000 records a second
 * for an export).
 *
 * The scan was 20,000 records a page, about 95 ms for a query whose filter
 * matched nothing on a trail of 20,000 records: the 20 pages of one burst
 * held every node's shares for 1.85 s (3 ms without them), and the pace
 * after it took about half the writer's time (r-redteam4). 2,000 is two
 * pages of an unfiltered export (at most 1,000 records a page) and about
 * 10 ms; a filtered query needs more pages (10,000 records a second
 * scanned at the pace).
 */
#define MGW_REQ_AUDIT_QUERY_COST 10u
#define MGW_AUDIT_QUERY_SCAN_MAX 2000u
/*
 * The bucket is the node's: a new connection continues what the last one
 * left, and costs a token itself (a NODE_CONNECTED record and a Hello
 * job), so reconnecting neither refills it nor writes the trail faster
 * than the rate (r-redteam4: an auditor reconnecting after each burst had
 * 80 pages in 0.09 s; a node looping on connect wrote a record each). The
 * buckets of nodes with no connection are kept in this many slots (one per
 * node of a large registry); a forgotten one is full, as a new node's.
 */
#define MGW_REQ_KEPT_BUCKETS 4096u

/*
 * r-redteam6. Deliveries one node's outbox may hold unacknowledged
 * (limits.max_outbox_per_node), counted as the span from its oldest
 * unacknowledged seq to its newest (one indexed read; a later ack does not
 * shorten it while an earlier delivery is stuck). A node whose certificate
 * is valid but which never connects (a decommissioned system left
 * registered, a broken one) had every share to its agency stored for it
 * without bound: at up to max_frame_bytes a delivery, a disk filled by
 * one absent node. 10,000 is a year or two of a MARAC area's shares for
 * one node (tens of cases a week, a few shares each), and above a load
 * test's burst (scenario_abuse4 queues 5,000 to nodes that never connect);
 * at about 10 KiB a view, 100 MiB. Beyond it a Share or Refer that would queue to that node is refused
 * OUTBOX_FULL naming the node (the sender is told at once and nothing it
 * was told was accepted is dropped); the operator sees outbox_full in the
 * log and marac_outbox_depth in the metrics.
 */
#define MGW_OUTBOX_NODE_DEFAULT 10000u
#define MGW_OUTBOX_NODE_MIN     16u
#define MGW_OUTBOX_NODE_MAX     1000000u

/*
 * r-redteam6. Days a date "not after today" may lie after the gateway's
 * today, which is the UTC date (clock.h): the agencies' dates are Europe/
 * London's, an hour ahead of UTC in summer, so between 00:00 and 01:00 BST
 * a police officer's "told her today" (MarkerInform), a marker started
 * tonight or a meeting's date was "tomorrow" to the gateway and refused;
 * nodes' clocks also drift around midnight. A referral's date had this day
 * of grace already; action meeting dates and marker dates now have it too.
 */
#define MGW_TODAY_GRACE_DAYS 1

#endif
