/*
 * gw.h: the daemon's internal state, shared by the server/ files only.
 *
 * Threads: the lws service thread owns every socket and every struct
 * session; the writer thread owns the read-write store handle. They meet
 * through two bounded queues (jobs in, completions out) guarded by one
 * mutex; the writer wakes the service thread with lws_cancel_service().
 *
 * Reloads (SIGHUP) swap the config (node registry), CRL and policy on the
 * service thread. Jobs carry a reference to the policy they were routed
 * under, so a share is redacted under the policy in force when it arrived.
 */
#ifndef MARAC_GW_H
#define MARAC_GW_H

#include <pthread.h>
#include <stdint.h>
#include <libwebsockets.h>

#include "checkpoint.h"
#include "codec.h"
#include "config.h"
#include "merkle.h"
#include "mgw_limits.h"
#include "policy.h"
#include "store.h"

/* A refcounted policy, so reload can swap it while jobs still use the old one. */
struct policy_ref {
	policy *p;
	int refs; /* guarded by gw.lock */
};

struct recipient {
	char node[MGW_ID_MAX + 1];
	int agency;
	char delivery_id[33]; /* 128-bit random, hex */
};

enum job_kind { JOB_SHARE, JOB_ACK, JOB_ACK_THROUGH, JOB_AUDIT, JOB_REFER, JOB_RESEARCH };

struct job {
	enum job_kind kind;
	uint64_t conn_id;            /* session to answer, 0 = none */
	char node[MGW_ID_MAX + 1];   /* acting node */
	int agency;                  /* its agency */
	/* JOB_SHARE */
	Marac__V1__Frame *frame;     /* owned: frame->share is the Share */
	uint8_t digest[32];          /* SHA-256 of the packed Share */
	struct policy_ref *policy;   /* held reference */
	size_t n_recip;
	struct recipient recip[MGW_MAX_RECIPIENT_NODES];
	/* JOB_ACK / JOB_ACK_THROUGH */
	char delivery_id[MGW_MSG_ID_MAX + 1];
	uint64_t seq;
	/* JOB_AUDIT */
	Marac__V1__AuditRecord *rec; /* owned, codec_free */
	/* JOB_REFER (frame->refer) and JOB_RESEARCH (frame->research_status) */
	char area[MGW_ID_MAX + 1];   /* the referral area decided on the service thread */
	unsigned score;              /* DASH yes count */
	int level;                   /* risk level after judgement */
	void *ext;                   /* kind-specific state, freed by ext_free */
	void (*ext_free)(void *);
	int64_t enqueued_us;
	struct job *next;
};

enum completion_kind { DONE_FRAME, DONE_NOTIFY, DONE_SHARE_FINISHED };

struct completion {
	enum completion_kind kind;
	uint64_t conn_id;           /* DONE_FRAME / DONE_SHARE_FINISHED */
	uint8_t *frame;             /* DONE_FRAME: packed Frame, malloc'd */
	size_t len;
	char node[MGW_ID_MAX + 1];  /* DONE_NOTIFY: node whose outbox grew or cursor moved */
	struct completion *next;
};

struct out_frame {
	struct out_frame *next;
	size_t len;
	uint64_t seq;               /* deliveries: their seq (0 for control frames) */
	unsigned char buf[];        /* LWS_PRE bytes of headroom, then the frame */
};

struct session {
	struct lws *wsi;
	uint64_t conn_id;
	struct session *next_live;  /* gw.sessions list */
	int authed;                 /* registry match done */
	int welcomed;               /* Hello answered */
	int closing;                /* close requested; no more input processed */
	int close_status;
	char close_reason[64];
	char node[MGW_ID_MAX + 1];
	int agency;
	unsigned roles;
	uint8_t cert_sha256[32];
	char cert_hex[65];
	char subject[512];          /* the certificate's one-line subject, for registry reloads */
	/* inbound reassembly */
	unsigned char *rx;
	size_t rx_len, rx_cap;
	int rx_overflow;
	/* outbound: control frames first, then deliveries */
	struct out_frame *ctl_head, *ctl_tail;
	size_t ctl_count;
	struct out_frame *dlv_head, *dlv_tail;
	size_t dlv_count;
	uint64_t last_queued_seq;   /* highest delivery seq queued or sent */
	unsigned in_flight;         /* shares awaiting ShareAccepted */
	unsigned unacked;           /* deliveries sent, not acked */
	int rx_paused;
};

#define MGW_COMMIT_BUCKETS 11

/* Updated with relaxed atomics from both threads (metrics.c). */
struct gw_metrics {
	uint64_t connections_total, connections_refused, shares_accepted, shares_refused,
		deliveries_sent, deliveries_acked, commits, commit_us_total, frames_too_large;
	uint64_t commit_hist[MGW_COMMIT_BUCKETS];
};

/* The audit tree: owned by the writer thread (audit.c). */
struct audit_tree {
	struct merkle_range range;  /* every committed record */
	checkpoint_key *key;
	char *vkey;
	uint64_t cp_size;           /* size of the last signed checkpoint */
	int64_t cp_time_ms;
};

struct gw {
	struct mgw_config *cfg;
	const char *config_path;
	struct lws_context *ctx;
	struct lws_vhost *vhost;
	SSL_CTX *ssl_ctx;           /* the vhost's, captured for CRL reloads */
	store *reader;              /* service thread's read-only handle */
	struct policy_ref *policy;  /* current */
	struct session *sessions;
	unsigned n_sessions;
	uint64_t next_conn_id;
	struct gw_metrics m;

	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct job *jobs_head, *jobs_tail;
	size_t jobs_count;
	struct completion *done_head, *done_tail;
	int writer_stop;
	pthread_t writer;
	store *writer_store;
	struct audit_tree audit;

	volatile int stopping;      /* SIGTERM/SIGINT seen */
	volatile int reload;        /* SIGHUP seen */
};

extern struct gw G;

/* writer.c */
int writer_start(struct gw *g, char *err, size_t errlen);
void writer_stop(struct gw *g);     /* drains every queued job, then joins */
/* Queue a job; takes ownership. Returns 0 or MGW_E_TOO_LARGE (queue full: job not taken). */
int writer_submit(struct gw *g, struct job *j);
/* Service thread: take every completion (caller frees each). */
struct completion *writer_take_completions(struct gw *g);
void job_free(struct job *j);
/* Completions: a frame for a connection (takes buf; NULL if out of memory), an
 * outbox notification, and pushing a list (or one) onto another. */
struct completion *completion_frame(uint64_t conn_id, uint8_t *buf, size_t len);
struct completion *completion_notify(const char *node);
void completion_push(struct completion **list, struct completion *c);
void policy_ref_put(struct gw *g, struct policy_ref *r);
struct policy_ref *policy_ref_get(struct gw *g);

/* audit.c (writer thread) */
int audit_open(struct gw *g, store *st, char *err, size_t errlen);
/* Sign a checkpoint if due (force: whenever records are uncovered). */
int audit_after_commit(struct gw *g, store *st, int force);
void audit_close(struct gw *g);

/* share.c (writer side): process a batch member inside the open transaction. */
int share_commit(struct gw *g, store *st, struct job *j, struct completion **answer,
		 struct completion **notify_list);
/* share.c (service side): validate and route a Share; on success returns a job. */
struct job *share_route(struct gw *g, struct session *s, Marac__V1__Frame *f,
			Marac__V1__Error *err_out, char *errbuf, size_t errlen);

/* share.c: the parts a referral reuses. Add the nodes of agency ag serving
 * area (not sender) to j's recipients; returns how many, or -1 (e set). */
int share_route_agency(struct gw *g, struct job *j, const char *sender, const char *area, int ag,
		       Marac__V1__Error *e, char *eb, size_t en);
/* Redact sh per recipient agency, write each outbox row with its audit
 * record (inside the caller's savepoint); refs point into ref_store. */
int share_deliver(store *st, struct job *j, const Marac__V1__Share *sh, int64_t now,
		  uint8_t policy_hash[32], Marac__V1__DeliveryRef *ref_store,
		  Marac__V1__DeliveryRef **refs, size_t *n_refs, struct completion **notify);
/* 1 if id is a valid msg_id (1-128 printable ASCII, no spaces). */
int share_msg_id_ok(const char *id);
/* msg_id already used by j->node? Same digest: the stored answer again,
 * flagged duplicate; other bytes: MSG_ID_CONFLICT, audited. *handled = 1
 * in both cases (nothing more to do), 0 when msg_id is new. */
int share_seen_before(struct gw *g, store *st, struct job *j, const char *msg_id,
		      struct completion **answers, int *handled);
/* Answer a repeated msg_id with its stored acceptance, flagged duplicate. */
int share_answer_duplicate(struct job *j, const uint8_t *acc, size_t acc_len,
			   struct completion **answers);

/* referral.c: referrals, research status and agendas. */
void referral_on_refer(struct gw *g, struct session *s, Marac__V1__Frame *f); /* takes f */
void referral_on_research(struct gw *g, struct session *s, Marac__V1__Frame *f); /* takes f */
void referral_on_agenda(struct gw *g, struct session *s, const Marac__V1__Frame *f);
int referral_commit(struct gw *g, store *st, struct job *j, struct completion **answers);
int research_commit(struct gw *g, store *st, struct job *j, struct completion **answers);
/* The msg_id of a JOB_SHARE or JOB_REFER (in-flight requests), else NULL. */
const char *job_request_msg_id(const struct job *j);

/* Frame helpers (share.c) */
int frame_pack_error(Marac__V1__ErrorCode code, const char *msg, const char *msg_id,
		     uint8_t **out, size_t *len);

/* audit helpers (writer.c): queue an audit record from the service thread. */
void audit_refusal(struct gw *g, int event, const char *reason, const char *node,
		   int agency, const uint8_t *cert_sha256, const char *msg_id);

/* metrics.c */
extern const struct lws_protocols metrics_protocols[];
void metrics_refusal(struct gw *g, const char *reason);
void metrics_commit(struct gw *g, uint64_t us);

/* auditor.c: audit queries, checkpoints and proofs for auditor certificates. */
void auditor_handle(struct gw *g, struct session *s, const Marac__V1__Frame *f);

/* tls.c */
int tls_harden_server_ctx(struct gw *g, SSL_CTX *ctx, char *err, size_t errlen);
int tls_reload_crl(struct gw *g, char *err, size_t errlen);
int tls_verify_cb(int preverify_ok, X509_STORE_CTX *x509_ctx);
int tls_peer_identity(struct lws *wsi, uint8_t sha256[32], char hex[65], char *subject,
		      size_t subject_len);
int tls_session_revoked(struct lws *wsi);
void tls_cleanup(void);

/* session.c */
extern const struct lws_protocols gw_protocols[];
void session_queue_ctl(struct session *s, const uint8_t *frame, size_t len);
void session_pump_outbox(struct gw *g, struct session *s);
struct session *session_by_conn(struct gw *g, uint64_t conn_id);
void session_close(struct session *s, int status, const char *reason);
/* 1 (and refused OVERLOADED) if s has max_in_flight requests waiting. */
int session_in_flight_full(struct gw *g, struct session *s, const char *msg_id);
/* Hand a JOB_SHARE/JOB_REFER (owning its frame) to the writer, counting it in flight. */
void session_submit_request(struct gw *g, struct session *s, struct job *j);
/* session_refuse with the code's lower-case name as the audited reason. */
void session_refuse_code(struct session *s, Marac__V1__ErrorCode code, const char *msg,
			 const char *msg_id);
/* Refuse a request: log, audit REQUEST_REFUSED with reason, send Error. */
void session_refuse(struct session *s, Marac__V1__ErrorCode code, const char *msg,
		    const char *msg_id, const char *reason);
void gw_handle_completions(struct gw *g);
void gw_hex(const uint8_t *in, size_t n, char *out);

#endif
