/*
 * gw.h: the daemon's shared state and the functions the server/ files call
 * across each other. Library headers never include this.
 *
 * Threads (DESIGN.md "The daemon"):
 *  - the lws SERVICE THREAD owns every socket, every struct session, the
 *    current epoch pointer and the read-only store handle; it does bounded
 *    work per byte: reassembly, decode, validation, routing;
 *  - the WRITER THREAD owns the read-write store and the audit tree; it runs
 *    the executor (executor.h), which commits jobs in groups.
 * They meet only through the executor's two capped queues (jobs in,
 * completions out) under gw.ex.lock, and through refcounted epochs
 * (epoch.h), which are immutable once published.
 *
 * Every request kind lives in one file, req_KIND.c, holding its service
 * thread half (KIND_svc_*) and its writer half (KIND_wr_*) side by side.
 *
 * Annotations used below: "service thread", "writer thread", "any thread,
 * under X", "set before the threads start, then read-only".
 */
#ifndef MARAC_GW_H
#define MARAC_GW_H

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <libwebsockets.h>

#include "agenda.h"
#include "checkpoint.h"
#include "codec.h"
#include "config.h"
#include "epoch.h"
#include "executor.h"
#include "merkle.h"
#include "mgw_limits.h"
#include "policy.h"
#include "store.h"
#include "trail.h"

/* One queued outbound frame (service thread). */
struct out_frame {
	struct out_frame *next;
	size_t len;
	uint64_t seq;               /* deliveries: their seq (0 for control frames) */
	int ctl;                    /* queued as a control frame (else a delivery) */
	unsigned char buf[];        /* LWS_PRE bytes of headroom, then the frame */
};

/*
 * One node connection. Service thread only: created in the lws FILTER
 * callback, listed from ESTABLISHED, unlisted at CLOSED. The writer never
 * sees a session; it answers through completions naming conn_id.
 */
struct session {
	struct lws *wsi;
	uint64_t conn_id;           /* 0 until ESTABLISHED and after CLOSED */
	struct session *next_live;  /* gw.sessions list */
	struct session *next_conn, *next_node; /* session.c's indexes by conn_id and node */
	int authed;                 /* registry match done at FILTER */
	int hello_seen;             /* Hello received; Welcome may still be pending */
	int welcomed;               /* Welcome queued: deliveries may flow */
	int closing;                /* close requested; no more input processed */
	int close_handed;           /* s11-daemon: the close is lws's now (on_writeable) */
	int close_status;
	char close_reason[64];
	/* identity, copied from the certificate and the epoch's registry at FILTER */
	char node[MGW_ID_MAX + 1];
	int agency;
	unsigned roles;
	uint8_t cert_sha256[32];
	char cert_hex[65];
	char subject[512];          /* one-line subject, for registry reloads */
	int64_t cert_not_after;     /* r-redteam2: the certificate's notAfter (Unix s; 0: none):
				     * session_tick closes the session when it passes */
	/* h13-audit: the Frame body being handled (0 outside on_message), so a
	 * refusal record says what was attempted */
	int rx_body_case;
	/* inbound reassembly */
	unsigned char *rx;
	size_t rx_len, rx_cap;
	int rx_overflow;
	/* outbound: control frames first, then deliveries */
	struct out_frame *ctl_head, *ctl_tail;
	size_t ctl_count;
	size_t ctl_bytes;           /* r-redteam3: their bytes (mgw_limits.h MGW_CTL_QUEUE_BYTES) */
	struct out_frame *dlv_head, *dlv_tail;
	size_t dlv_count;
	size_t dlv_bytes;           /* r-redteam4: their bytes (mgw_limits.h MGW_DLV_QUEUE_BYTES) */
	int dlv_capped;             /* a delivery was left in the outbox for want of room */
	uint64_t last_queued_seq;   /* highest delivery seq queued or sent */
	unsigned unacked;           /* deliveries sent, not acked */
	int outbox_held;            /* a body failed its check: nothing more is sent */
	/* flow control: jobs of this session in the executor */
	unsigned in_flight;         /* requests (share, refer) awaiting their answer */
	size_t in_flight_bytes;     /* r-redteam6: their frames' bytes (MGW_IN_FLIGHT_BYTES) */
	size_t rx_msg_bytes;        /* r-redteam6: the message being handled (0 outside on_message) */
	unsigned jobs;              /* every job of this session not yet finished */
	int rx_paused;              /* lws told to stop reading it */
	int rx_full;                /* the last rx_update found it full */
	int in_rx;                  /* in on_receive or rx_resume: lws is not told here */
	struct held_msg *held_head, *held_tail; /* read while full, handled by rx_resume */
	lws_sorted_usec_list_t rx_sul; /* rx_resume, after lws's read */
	int64_t live_ms;            /* r-redteam7: liveness_hold's last restart of lws's ping clock (monotonic) */
	/* r-redteam2: requests other than shares, referrals, acks and lookups
	 * (limits.requests_per_second): a token bucket; at 0 the session is
	 * not read (rate_paused) until session_tick refills it */
	double req_tokens;
	unsigned req_burst, req_per_sec; /* the config's at connection: a reload applies to new ones */
	int64_t req_refill_ms;
	int rate_paused;
	int rate_kept;              /* r-redteam4: its bucket is kept for the node's next
				     * connection (req_rate_keep: closed or superseded) */
	int64_t hello_deadline_ms;  /* Error + close 1008 if no Hello by then */
	int64_t retract_sent_rid;   /* req_retract.c: highest retraction queued on this connection */
	uint64_t flag_sent_seq;     /* highest Flag seq queued on this connection (req_lookup.c) */
	/* h11-perf: a Flag may be waiting in the store for this connection (set
	 * at Welcome and by a flag's EX_DONE_NOTIFY, cleared by a pump that
	 * found none), so a pump without new flags reads nothing (req_lookup.c) */
	int flags_dirty;
	int want_write;             /* lws_callback_on_writable asked, WRITEABLE not yet run */
	struct job *ack_open;       /* req_ack.c: its queued ack job that takes more acks */
	unsigned acks_open;         /* DeliverAcks read and not yet answered: bounded like jobs
	                             * (rx_update), as when each ack was a job of its own */
};

#define MGW_COMMIT_BUCKETS 11

/* Counters: any thread, relaxed atomics (metrics.c). */
struct gw_metrics {
	uint64_t connections_total, connections_refused, shares_accepted, shares_refused,
		deliveries_sent, deliveries_acked, commits, commit_us_total, frames_too_large;
	uint64_t commit_hist[MGW_COMMIT_BUCKETS];
};

/* The audit tree: writer thread only (audit_tree.c). */
struct audit_tree {
	struct merkle_range range;  /* every committed record */
	struct merkle_range verify; /* background re-hash of [0, later.to) */
	struct audit_trail_later later; /* what start-up trusted through the stored nodes */
	checkpoint_key *key;
	char *vkey;
	uint64_t cp_size;           /* size of the last signed checkpoint */
	int64_t cp_time_ms;
	int64_t anchor_ms;          /* when state_dir/audit.checkpoint was last written */
	char *batch_note;           /* writer: checkpoint signed in the open batch, not yet committed */
};

/* Pre-authentication refusals, counted per reason and interval (refuse.c):
 * room for every reason refuse_preauth is called with (16: tls.c
 * verify_reason and cert_missing, session.c admit, preauth.c), and more. */
#define MGW_PREAUTH_REASONS 32
struct preauth_count {
	const char *reason;         /* static string */
	uint64_t n;                 /* refusals not yet audited */
	int64_t last_ms;            /* when its last record was written */
};

struct gw {
	/* Set before the threads start, then read-only. */
	const char *config_path;
	char *state_dir;            /* restart-only: copied from the first epoch */
	char *audit_origin;         /* restart-only */
	int new_audit_key;          /* --new-audit-key: replacing the signing key is intended */
	struct lws_context *ctx;
	struct lws_vhost *vhost;
	SSL_CTX *ssl_ctx;           /* the vhost's; its verify store is swapped on reload */

	/* Service thread only. */
	struct epoch *epoch;        /* current; jobs pin their own reference */
	store *reader;              /* read-only store handle */
	struct session *sessions;
	unsigned n_sessions;        /* established */
	unsigned n_handshaking;     /* accepted TCP connections not yet established */
	uint64_t next_conn_id;
	struct preauth_count preauth[MGW_PREAUTH_REASONS];
	struct preauth_slot *hs;    /* connections in handshake (preauth.c) */
	unsigned n_hs;

	/* Any thread: relaxed atomics. */
	struct gw_metrics m;

	/* The executor: queues under ex.lock; its thread is the writer thread. */
	struct executor ex;

	/* Writer thread only (opened before it starts, closed after it joined). */
	store *writer_store;
	struct audit_tree audit;

	int stopping; /* any thread, atomic (gw_stopping): SIGTERM/SIGINT taken, or a fatal error */
	int fatal;    /* any thread, atomic: exit status forced by a fatal error */
	int reload;   /* atomic: SIGHUP taken (the signal thread sets, the service thread takes) */
};

/* Any thread: the gateway is stopping (a signal, or a fatal error). */
static inline int gw_stopping(const struct gw *g)
{
	return __atomic_load_n(&g->stopping, __ATOMIC_SEQ_CST);
}

extern struct gw G;

/* ---- audit_emit.c: the one audit emitter -------------------------------- */

/*
 * The fields of one audit record; every one optional. Sender-chosen strings
 * (msg_id, case_ref) are written only if they pass their grammar
 * (gw_msg_id_ok, gw_case_ref_ok); otherwise as "sha256:" + hex of their
 * bytes. reason must be a code ([a-z0-9_], at most 40).
 */
struct audit_fields {
	int event;                  /* Marac__V1__AuditEvent */
	const char *actor_node;
	int actor_agency;
	const char *recipient_node;
	int recipient_agency;
	const char *case_ref;
	const char *msg_id;
	const char *delivery_id;
	const uint8_t *original_sha256, *view_sha256, *policy_sha256, *cert_sha256, *root_hash;
	const uint8_t *body_sha256;     /* DELIVERY_COMMITTED: the stored Deliver bytes */
	Marac__V1__RedactionEntry **manifest;
	size_t n_manifest;
	int purpose, lawful_basis;
	const char *reason;
	uint64_t tree_size;
	uint64_t count;             /* aggregated records: how many events */
	const char *marac_area, *meeting_date;
	int64_t time_ms;            /* 0: now */
	/* h13-audit */
	const char *attempted;      /* REQUEST_REFUSED: the request's Frame body ("agenda_request") */
	int case_known;             /* SHARE_ACCEPTED: case_ref is a referral case of this gateway */
	/* case lifecycle (h13-life) */
	const char *to_case_ref;    /* CASE_MERGED: the surviving case */
	const char *to_area;        /* CASE_TRANSFERRED: the receiving area (config id) */
	/* flags and lookups (lookup.proto) */
	char *const *matched_on;    /* static kind names (match_kind_name) */
	size_t n_matched_on;
	const uint8_t *query_sha256; /* LOOKUP: keyed digest of the normalised query */
	const int *flagged_agencies; /* FLAG_RAISED: Marac__V1__Agency values */
	size_t n_flagged_agencies;
	const char *item_id, *due_date; /* h12-actions: action or marker id, YYYY-MM-DD */
};

/*
 * The one way to write an audit record.
 *  - Writer thread (w != NULL): appended inside the open transaction; *seq
 *    (if given) gets its index. Durable with the batch's COMMIT, and an
 *    answer that depends on it goes out only after that COMMIT (executor).
 *  - Service thread (w == NULL): queued as its own job, committed in a
 *    later batch; nothing waits for it. Used for events with no answer
 *    (connections, refusals).
 * Returns 0, MGW_E_NOMEM, MGW_E_DB (writer), MGW_E_TOO_LARGE (queue full:
 * the record is dropped and logged, service thread).
 */
int audit_emit(struct gw *g, struct wctx *w, const struct audit_fields *f, uint64_t *seq);

/* Grammars of sender-chosen identifiers (proto/README.md "Identifiers"). */
int gw_msg_id_ok(const char *s);   /* 1..128 of '!'..'~' */
int gw_case_ref_ok(const char *s); /* 1..64 of A-Z a-z 0-9 - / . _, starting alphanumeric */
/* s if ok(s), else "sha256:<64 hex>" of its bytes in buf (72 bytes); "" for NULL. */
const char *gw_safe(const char *s, int (*ok)(const char *), char buf[72]);
void gw_hex(const uint8_t *in, size_t n, char *out);

/* ---- refuse.c: the one refusal path ------------------------------------- */

struct refusal {
	Marac__V1__ErrorCode code;  /* the Error code answered */
	const char *reason;         /* snake_case code for logs, audit, metrics; NULL: the code's name */
	const char *msg_id;         /* sender's msg_id (echoed only if grammatical) */
	const char *case_ref;       /* sender's case ref, if any (digested if not grammatical) */
	int close;                  /* close status after the Error, 0 = keep the connection */
	int event;                  /* audit event; 0 = REQUEST_REFUSED */
	int silent;                 /* no Error frame (a connection closed for cause) */
	/* h13-audit: what was attempted, recorded when each passes its grammar
	 * (area id, YYYY-MM-DD), never personal data */
	const char *attempted;      /* the request kind; NULL: the Frame body's name ("share") */
	const char *marac_area;     /* the area asked about */
	const char *meeting_date;   /* the meeting asked about */
};

/*
 * Refuse a request: validate what is logged, log the codes, audit
 * REQUEST_REFUSED, answer Error (message: fmt). One path for both threads:
 *  - service thread: s is the session, w and j NULL; the Error is queued now;
 *  - writer thread: w and j given, s NULL; the record is in the batch and
 *    the Error goes out after COMMIT, to j's connection.
 * Returns what audit_emit returned (the writer fails the job on MGW_E_DB).
 */
int refuse(struct gw *g, struct session *s, struct wctx *w, const struct job *j,
	   const struct refusal *r, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/*
 * A connection refused before authentication (TLS, upgrade, handshake
 * timeout): logged and counted now; audited as one CONNECTION_REFUSED
 * record per reason per MGW_PREAUTH_AUDIT_SECS with the count, the first
 * of an interval at once (service thread).
 */
void refuse_preauth(struct gw *g, const char *reason, const uint8_t *cert_sha256);
/* Flush due aggregated pre-auth counts (service thread; force: all). */
void refuse_preauth_flush(struct gw *g, int force);

/* ---- preauth.c (service thread): connections still in handshake -------- */

/* TCP accept: 0 to admit (while the pool is under pressure, the oldest
 * handshake of the same address beyond limits.preauth_per_address is
 * dropped), non-zero to refuse. */
int preauth_admit(struct gw *g, const struct lws_filter_network_conn_args *a);
void preauth_bind(struct gw *g, struct lws *wsi);    /* the wsi of the last admitted fd */
void preauth_release(struct gw *g, struct lws *wsi); /* established or destroyed */
/* Connections in handshake now (metrics). */
unsigned preauth_in_handshake(struct gw *g);
/* Slots of the handshake pool (allocated at start). */
int preauth_init(struct gw *g, unsigned slots);
void preauth_free(struct gw *g);

/* Writer thread: a request's changes were undone: Error{INTERNAL}, "not
 * stored, retry with the same msg_id", audited REQUEST_REFUSED/not_stored
 * when the batch's transaction is still open (not after a failed COMMIT). */
void answer_not_stored(struct wctx *w, const struct job *j, const char *msg_id);

/* Pack an Error frame (any thread). */
int frame_pack_error(Marac__V1__ErrorCode code, const char *msg, const char *msg_id,
		     uint8_t **out, size_t *len);

/* ---- audit_tree.c (writer thread) ---------------------------------------- */

int audit_tree_open(struct gw *g, store *st, char *err, size_t errlen);
/* After a commit: sign a checkpoint if due (force: whenever records other than
 * the last checkpoint's own are uncovered). e: the epoch of the batch. */
int audit_tree_after_commit(struct gw *g, store *st, const struct epoch *e, int force);
/* Inside a batch's transaction, before its COMMIT: sign a due checkpoint
 * in it (no transaction, no fsync of its own; a failed signing is undone
 * alone and logged); then audit_tree_committed with whether the COMMIT
 * held. 0, or an error (roll the batch back). */
int audit_tree_before_commit(struct gw *g, store *st, const struct epoch *e);
void audit_tree_committed(struct gw *g, store *st, int ok);
void audit_tree_close(struct gw *g);

/* ---- session.c (service thread): transport ------------------------------ */

extern const struct lws_protocols gw_protocols[];
void session_queue_ctl(struct session *s, const uint8_t *frame, size_t len);
/* req_ack.c: one more DeliverAck read and queued (acks_open; may stop reading). */
void session_ack_read(struct gw *g, struct session *s);
/*
 * r-redteam6. Service thread, once g->stopping: stop reading every session
 * (rx_update keeps them paused from now on). Returns 1 while any open
 * session still has jobs to be answered, else 0.
 */
int sessions_stop_reading(struct gw *g);
void session_pump_outbox(struct gw *g, struct session *s);
struct session *session_by_conn(struct gw *g, uint64_t conn_id);
void session_close(struct session *s, int status, const char *reason);
/* refuse() on the service thread: a refusal is audited, so it takes a token
 * of s's request bucket (limits.requests_per_second) whatever the frame's kind. */
void session_charge_refusal(struct gw *g, struct session *s);

/* ---- req_rate.c (service thread): the request bucket of a session ------ */

/*
 * The bucket of a new session of s->node: what the node's last connection
 * left (req_rate_keep), refilled for the time since, or full; less one
 * token for the connection itself (its NODE_CONNECTED record and Hello).
 * Below one token the session starts paused (rate_paused).
 */
void req_rate_init(struct session *s, const struct mgw_config *c, int64_t now_ms);
/* Milliseconds, from its last refill, until s's bucket lets it be read
 * again (0 if it holds a token): a new session's Hello waits that long
 * unread (session.c on_established), so its deadline starts after. */
int64_t req_rate_wait_ms(const struct session *s);
/* Keep s's bucket for its node's next connection: s closed or was
 * superseded (once per session; a full bucket is not kept). */
void req_rate_keep(struct session *s, int64_t now_ms);
/* 1 if a new connection of node may be admitted: the bucket of its live
 * session (live, may be NULL) or the one kept is not deeper in debt than
 * one AuditQuery page (req_rate.c CONNECT_FLOOR). */
int req_rate_may_connect(const struct session *live, const char *node, int64_t now_ms);
/*
 * Charge s for a frame of body_case (refused: 1 when refuse() audits it,
 * whatever its kind; 0 when it is read). Returns 1 when the bucket just
 * ran empty: the caller stops reading the session (rate_paused is set).
 */
int req_rate_charge(struct session *s, int body_case, int refused);
/* Refill by the time elapsed; 1 when a paused session may be read again
 * (rate_paused cleared), else 0. */
int req_rate_refill(struct session *s, int64_t now_ms);
/* A job of s: its kind, acting node and agency, and the epoch in force (pinned). */
void session_job_init(struct gw *g, struct session *s, struct job *j, const struct job_ops *ops);
/*
 * Hand a job of s to the executor (takes j), counting it against s (rx flow
 * control when s or the queue is full). request_msg_id: non-NULL for a
 * share or referral, refused OVERLOADED when max_in_flight are waiting.
 * Returns 0 or MGW_E_TOO_LARGE (refused, answered, j freed).
 */
int session_submit(struct gw *g, struct session *s, struct job *j, const char *request_msg_id);
/* h11-perf: session_submit of a job that stays open in *slot (executor_submit_open). */
int session_submit_open(struct gw *g, struct session *s, struct job *j, struct job **slot);
/* Once a second: Hello deadlines. */
void session_tick(struct gw *g);
/* Executor completions, on the service thread. */
void gw_handle_completions(struct gw *g);

/* ---- request kinds: service-thread entry points (each takes f) ----------- */

void hello_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void share_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void ack_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void refer_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void research_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void agenda_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void auditor_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
/* req_case.c: CloseCase, MergeCase, TransferCase (h13-life). */
void case_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
/* req_retract.c: RetractShare and RetractAck (h13-life). */
void retract_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void retract_ack_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
/*
 * req_retract.c, from session_pump_outbox (service thread): drop s's queued,
 * not yet written Deliver frames whose delivery was retracted, then queue a
 * Retract for every retraction of s's node not yet sent on this connection,
 * at most delivery_window of them. Returns 1 when that batch was full (more
 * may wait: the caller pumps no Deliver behind them), else 0.
 */
int retract_svc_pump(struct gw *g, struct session *s);
/*
 * req_retract.c, writer thread, in j's savepoint: for the purged deliveries
 * d[0..n) of sender_node's message msg_id (store_retract.h), the
 * SHARE_RETRACTED record (actor j's node; reason, count n; *audit_seq if not
 * NULL), then per delivery a durable Retract and its RETRACT_DELIVERED
 * record, and a notification of the recipient node after COMMIT.
 */
struct store_retracted;
int retract_wr_queue(struct wctx *w, const struct job *j, const char *sender_node,
		     int sender_agency, const char *msg_id, int reason,
		     const struct store_retracted *d, size_t n, int64_t now, uint64_t *audit_seq);
void lookup_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void flag_history_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);

/* ---- req_lookup.c: flags to the owning agencies ---------------------------- */

/*
 * Writer thread, inside a Share's or Refer's savepoint (its one call into
 * flags): the victim's keys (keys, or computed from victim when keys is
 * NULL) against the open cases other than case_ref; each case matched is
 * recorded as touched by j's node, noticed to the nodes told (flags.h) and
 * audited FLAG_RAISED. via: "share" or "referral". 0 or an error (the
 * share is then undone with it).
 */
struct match_keys;
int flags_wr_touch(struct wctx *w, const struct job *j, const Marac__V1__Person *victim,
		   const struct match_keys *keys, const char *case_ref, const char *via,
		   int64_t now);
/* Service thread (the once-a-second tick; force at stop): audit each node's
 * lookups refused RATE_LIMITED and not yet recorded, once their minute is up. */
void lookup_svc_flush(struct gw *g, int force);
/* Service thread: queue s's pending Flags after s->flag_sent_seq (from session_pump_outbox). */
void flag_svc_pump(struct gw *g, struct session *s);
/* Writer thread: DeliverAck of a flag id of j's node: FLAG_ACKED once.
 * 0, MGW_E_NOTFOUND (not a flag of this node), MGW_E_DB. */
int flag_wr_ack(struct wctx *w, const struct job *j, const char *flag_id);
/* h12-actions: req_action.c (ActionAdd, ActionUpdate, ActionListRequest) and
 * req_marker.c (MarkerAdd, MarkerInform, MarkerReview, MarkerListRequest) */
void action_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
void marker_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f);
/* followup.c: writer thread, on the executor's idle pass: queue the due,
 * overdue and escalation notices of actions and markers (at most once per
 * MGW_FOLLOWUP_SWEEP_SECS, at once when the test clock moved). */
void followup_wr_idle(struct gw *g);
/* followup.c: writer thread, agenda_wr_commit: the first page's outstanding
 * actions and due markers of area for meeting into ag. */
int followup_wr_agenda(struct wctx *w, const char *area, const char *meeting,
		       Marac__V1__Agenda *ag);

/* req_agenda.c: an area's meeting schedule (any thread; points into a). */
struct meeting_schedule agenda_schedule_of(const struct mgw_area *a, unsigned min_days);

/* req_share.c, shared with referrals. */
struct recipient {
	char node[MGW_ID_MAX + 1];
	int agency;
	char delivery_id[33];       /* 128-bit random, hex */
};
struct recipients {
	size_t n;
	struct recipient r[MGW_MAX_RECIPIENT_NODES];
};
/* Service thread: add the nodes of agency ag serving area (not sender) under
 * epoch e; returns how many, or -1 (more than MGW_MAX_RECIPIENT_NODES, or no
 * randomness). */
int share_svc_add_agency(const struct epoch *e, struct recipients *rc, const char *sender,
			 const char *area, int ag);
/*
 * Service thread: drop the recipients rc->r[from..n) whose registered
 * certificate is expired, not yet valid or on the epoch's CRL
 * (config_node_cert_state): such a node cannot connect to fetch a
 * delivery, and a revoked one must not (its key may be in other hands),
 * so its outbox would only grow. A node registered without cert: is kept
 * (the gateway cannot tell). Each dropped one is logged by node id, with
 * what (a static string: "share", "referral") and why. Returns how many
 * of rc->r[from..) are kept.
 */
size_t share_svc_drop_invalid(const struct epoch *e, struct recipients *rc, size_t from,
			      const char *what);

/*
 * r-redteam6. Does a node (role node) of agency serve area under e with a
 * certificate that can connect (neither revoked nor expired; one registered
 * without cert: counts)? Only such a node may report an action agency owns
 * there: ActionAdd and TransferCase refuse to leave an open action with an
 * owner that does not attend (req_action.c). Any thread.
 */
int owner_attends(const struct epoch *e, int agency, const char *area);
/*
 * r-redteam6, rv9. Writer thread, before anything of a Share or Refer is
 * written: drop from rc the recipient nodes whose outbox holds
 * limits.max_outbox_per_node uncollected deliveries (store_outbox_span;
 * each logged outbox_full for the operator): one node that never connects
 * must not stop the area's sharing. With whole_agency (a Share), an agency
 * all of whose nodes were dropped refuses the request OUTBOX_FULL naming
 * it and a full node (audited outbox_full), *refused 1, refuse's result
 * returned; a Refer never is refused for it. Else 0 (or MGW_E_DB).
 */
int share_wr_outbox_room(struct wctx *w, const struct job *j, struct recipients *rc,
			 const char *msg_id, const char *case_ref, int whole_agency, int *refused);
/* One recipient agency's redacted view (writer thread). */
struct view {
	int agency;
	Marac__V1__CaseSummary *summary;
	Marac__V1__RedactionEntry **man;
	size_t n_man;
	uint8_t digest[32];
};
/*
 * Writer thread: the view of every recipient agency of rc under w's policy,
 * into v (room for 9), before anything is written. MGW_E_TOO_LARGE with
 * *too_big = the agency when its Deliver would not fit max_frame_bytes, or -1
 * when the case is beyond the redaction limits (policy_redact_many).
 * Free with share_views_free (also after an error).
 */
int share_wr_views(struct wctx *w, const struct job *j, const struct recipients *rc,
		   const Marac__V1__Share *sh, struct view *v, size_t *n, int *too_big);
void share_views_free(struct view *v, size_t n);
/* Writer thread, inside the job's savepoint: per node the outbox row and its
 * DELIVERY_COMMITTED record; refs/n_refs for the answer (point into rc). */
int share_wr_deliver(struct wctx *w, const struct job *j, const struct recipients *rc,
		     const Marac__V1__Share *sh, const struct view *v, size_t nv,
		     const uint8_t digest[32], int64_t now, Marac__V1__DeliveryRef *ref_store,
		     Marac__V1__DeliveryRef **refs, size_t *n_refs);
/*
 * Writer thread: msg_id used before by j's node? Same digest: the stored
 * answer again, flagged duplicate; other bytes: MSG_ID_CONFLICT refused.
 * *handled = 1 in both cases, 0 when msg_id is new.
 */
int share_wr_seen_before(struct wctx *w, const struct job *j, const char *msg_id,
			 const uint8_t digest[32], int *handled);

/* req_ack.c: writer thread: ack every delivery of j's node with after < seq <=
 * through, each audited DELIVERY_ACKED. */
int ack_wr_through(struct wctx *w, const struct job *j, uint64_t after, uint64_t through);
/* Writer's statements, finalized before its store closes (after the thread joined). */
void ack_wr_close(void);

/* ---- tls.c ---------------------------------------------------------------- */

int tls_harden_server_ctx(struct gw *g, SSL_CTX *ctx, char *err, size_t errlen);
/* Build a verify store from e's CA and CRL: the CRL must be signed by the CA
 * and current (nextUpdate in the future). Service thread (reload) or start. */
int tls_build_store(const struct mgw_config *c, X509_STORE **st, X509_CRL **crl, char *err,
		    size_t errlen);
int tls_verify_cb(int preverify_ok, X509_STORE_CTX *x509_ctx);
int tls_peer_identity(struct lws *wsi, uint8_t sha256[32], char hex[65], char *subject,
		      size_t subject_len);
/* 1 if the peer certificate of wsi is on e's CRL. */
int tls_session_revoked(const struct epoch *e, struct lws *wsi);
/* The peer certificate's notAfter in Unix seconds, or 0 if it cannot be read. */
int64_t tls_peer_not_after(struct lws *wsi);
/* 1 if a client frame of wsi arrived unmasked (RFC 6455 5.1; ws_mask.c). */
int tls_frame_unmasked(struct lws *wsi);

/* ---- metrics.c ------------------------------------------------------------ */

extern const struct lws_protocols metrics_protocols[];
void metrics_refusal(struct gw *g, const char *reason); /* any thread */
void metrics_commit(struct gw *g, uint64_t us);         /* writer thread */

/* ---- outbox_cache.c (service thread): committed, never-sent deliveries -- */

/* Keep a copy of a delivery just committed to node (seq above every one kept
 * for it), if within MGW_OUTBOX_CACHE_BYTES; else nothing (the store has it). */
void outbox_cache_put(const char *node, uint64_t seq, const char *delivery_id,
		      const uint8_t *body, size_t len);
/* Any session queued node's deliveries through seq: forget them. */
void outbox_cache_drop_through(const char *node, uint64_t seq);
/* If delivery seq of node is kept: fn(ctx, ...) with it, and on 0 it is
 * forgotten. Returns 1 if fn took it, else 0 (read it from the store). */
typedef int (*outbox_cache_fn)(void *ctx, uint64_t seq, const char *delivery_id,
			       const uint8_t *body, size_t len);
int outbox_cache_take(const char *node, uint64_t seq, outbox_cache_fn fn, void *ctx);
void outbox_cache_free(void);

/* ---- outbox_guard.c: an outbox body is sent only as committed ---------- */

int outbox_guard_schema(store *st);  /* writer's store, before the thread starts */
/* Writer thread, in the delivery's transaction: its DELIVERY_COMMITTED seq,
 * and the msg_id and case ref its DELIVERY_ACKED record will name. */
int outbox_guard_wr_bind(struct wctx *w, const char *node, uint64_t seq, uint64_t audit_seq,
			 const char *msg_id, const char *case_ref);
/* h11-perf, writer thread: the msg_id and case ref bound to (node, seq) by a
 * recent outbox_guard_wr_bind, from memory: 1 if known (copied, truncated
 * to the sizes given), 0 if the caller reads delivery_audit instead. */
int outbox_guard_wr_info(const char *node, uint64_t seq, char *msg_id, size_t msg_id_n,
			 char *case_ref, size_t case_ref_n);
/* Service thread: 0 if a body whose SHA-256 is digest (as
 * store_outbox_fetch_digest computed it) is what the trail says was
 * committed for delivery_id to node; MGW_E_INVALID (logged
 * outbox_tampered) or MGW_E_DB. */
int outbox_guard_check(store *reader, const char *node, uint64_t seq, const char *delivery_id,
		       const uint8_t digest[32]);
void outbox_guard_close(void);       /* service thread, before the reader closes */
void outbox_guard_wr_close(void);    /* after the writer joined, before its store closes */


/* ---- main.c ---------------------------------------------------------------- */

/* Reload and stop, on the service thread when the loop wakes. */
void gw_on_signals(struct gw *g);

#endif
