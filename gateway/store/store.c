/*
 * store.c: SQLite implementation of store.h.
 *
 * Schema (version 3, in meta.schema_version):
 *   shares(sender_node, msg_id, digest, accepted_at_ms, accepted)  PK(sender_node, msg_id)
 *   deliveries(recipient_node, seq, delivery_id, recipient_agency, acked_at_ms, digest,
 *              body_id)  PK(recipient_node, seq), WITHOUT ROWID: a node's deliveries are
 *              appended at the end of its key range, and no index on the random
 *              delivery_id is kept (an ack names its seq; the id is compared). digest =
 *              SHA-256(body) as queued, kept when the body is purged. Narrow: an ack
 *              rewrites only this row.
 *   deliveries_unacked  partial index (recipient_node, seq) WHERE acked_at_ms IS NULL
 *   delivery_body(body_id INTEGER PK, body)  the packed Deliver without its seq and
 *              delivery_id (the transport adds both), so the recipients of one share
 *              that get the same view share one row; apart from the rows acks update
 *              (an ack never copies a body) and deleted whole by retention
 *   node_seq(node PK, next_seq)       per-node delivery sequence, written once per node
 *                                     per transaction (cached by the writer until COMMIT)
 *   audit(seq PK, record, leaf)       record = packed AuditRecord, leaf = RFC 6962 leaf hash
 *   audit_node(level, idx, hash)      PK(level, idx): the hash of the perfect subtree over
 *                                     leaves [idx * 2^level, (idx + 1) * 2^level), written in
 *                                     the transaction that adds its last leaf, for level >=
 *                                     STORE_NODE_MIN_LEVEL only (files written before may
 *                                     hold lower ones too: never read)
 *   checkpoints(size PK, note)        signed notes
 * Version 1 files (bodies inside deliveries, no digest, no audit_node) are
 * upgraded to version 2 at the first read-write open (bodies moved out and
 * digested, nodes computed from the leaves), and version 2 files (deliveries
 * keyed by delivery_id, bodies by delivery_id) to version 3 (one-time O(n)
 * passes, each in one transaction).
 *
 * Reads that need several values use ONE statement, so they see one
 * snapshot: two statements outside a transaction see two (a commit in
 * between made the delivery pump skip a seq that was never sent). The one
 * exception is reading the audit tree (records, leaves, nodes, several
 * statements per proof or range): those rows never change once committed
 * and only grow, so any later snapshot agrees with an earlier one on every
 * row below the size the caller asked about.
 * Prepared statements live as long as the handle.
 */
#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <openssl/sha.h>
#include <sqlite3.h>

#include "codec.h"
#include "merkle.h"
#include "mgw_err.h"
#include "mgw_limits.h"

#define MGW_STR_(x) #x
#define MGW_STR(x) MGW_STR_(x)

/* Nodes whose next seq one transaction keeps in memory (more are written through). */
#define STORE_SEQ_CACHE 64

enum {
	ST_SHARE_GET, ST_SHARE_PUT, ST_SEQ_GET, ST_SEQ_PUT, ST_DLV_PUT, ST_DLV_GET,
	ST_DLV_ACK, ST_DLV_ACK_THROUGH, ST_ACKED_THROUGH, ST_DEPTH, ST_OUTBOX,
	ST_AUDIT_PUT, ST_AUDIT_GET, ST_AUDIT_LEAF, ST_CP_PUT, ST_CP_LATEST, ST_CP_LIST,
	ST_NODE_PUT, ST_NODE_GET, ST_PURGE, ST_BODY_PUT, ST_DLV_GET_ID, ST_PENDING, ST_DLV_ACK_RANGE,
	ST_DLV_GET_RANGE, ST_SPAN, ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_SHARE_GET] = "SELECT digest, accepted FROM shares WHERE sender_node=?1 AND msg_id=?2",
	[ST_SHARE_PUT] = "INSERT INTO shares(sender_node,msg_id,digest,accepted_at_ms,accepted) VALUES(?1,?2,?3,?4,?5)",
	[ST_SEQ_GET] = "SELECT next_seq FROM node_seq WHERE node=?1",
	[ST_SEQ_PUT] = "INSERT INTO node_seq(node,next_seq) VALUES(?1,?2) ON CONFLICT(node) DO UPDATE SET next_seq=excluded.next_seq",
	[ST_DLV_PUT] = "INSERT INTO deliveries(recipient_node,seq,delivery_id,recipient_agency,digest,body_id)"
		       " VALUES(?1,?2,?3,?4,?5,?6)",
	[ST_BODY_PUT] = "INSERT INTO delivery_body(body) VALUES(?1)",
	/* By primary key; the id is compared, not indexed. */
	[ST_DLV_GET] = "SELECT delivery_id, acked_at_ms FROM deliveries WHERE recipient_node=?1 AND seq=?2",
	/* The rows a run of acked seqs names: one scan, not a lookup per ack. */
	[ST_DLV_GET_RANGE] = "SELECT seq, delivery_id, acked_at_ms FROM deliveries"
			     " WHERE recipient_node=?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq",
	/* An ack without its seq: the node's rows are scanned (no index on the random id). */
	[ST_DLV_GET_ID] = "SELECT seq, acked_at_ms FROM deliveries WHERE recipient_node=?1 AND delivery_id=?2",
	[ST_PENDING] = "SELECT 1 FROM deliveries d JOIN delivery_body b ON b.body_id=d.body_id"
		       " WHERE d.recipient_node=?1 AND d.seq=?2 AND d.acked_at_ms IS NULL",
	[ST_DLV_ACK] = "UPDATE deliveries SET acked_at_ms=?3 WHERE recipient_node=?1 AND seq=?2 AND acked_at_ms IS NULL",
	[ST_DLV_ACK_RANGE] = "UPDATE deliveries SET acked_at_ms=?4 WHERE recipient_node=?1 AND seq BETWEEN ?2 AND ?3"
			     " AND acked_at_ms IS NULL",
	[ST_DLV_ACK_THROUGH] = "UPDATE deliveries SET acked_at_ms=?3 WHERE recipient_node=?1 AND seq<=?2 AND acked_at_ms IS NULL",
	/* INDEXED BY: without it the planner walks the node's whole key range, acked rows too. */
	[ST_ACKED_THROUGH] = "SELECT COALESCE((SELECT MIN(seq)-1 FROM deliveries INDEXED BY deliveries_unacked"
			     " WHERE recipient_node=?1 AND acked_at_ms IS NULL),"
			     " (SELECT MAX(seq) FROM deliveries WHERE recipient_node=?1), 0)",
	/* r-redteam6: two index probes, however deep the outbox */
	[ST_SPAN] = "SELECT (SELECT MAX(seq) FROM deliveries WHERE recipient_node=?1) - (SELECT MIN(seq)"
		    " FROM deliveries INDEXED BY deliveries_unacked WHERE recipient_node=?1"
		    " AND acked_at_ms IS NULL) + 1",
	[ST_DEPTH] = "SELECT COUNT(*) FROM deliveries INDEXED BY deliveries_unacked"
		     " WHERE recipient_node=?1 AND acked_at_ms IS NULL",
	/* LEFT JOIN: an unacked delivery whose body was deleted is reported, not skipped. */
	[ST_OUTBOX] = "SELECT d.seq, d.delivery_id, b.body, d.digest FROM deliveries d INDEXED BY deliveries_unacked"
		      " LEFT JOIN delivery_body b ON b.body_id=d.body_id"
		      " WHERE d.recipient_node=?1 AND d.seq>?2 AND d.acked_at_ms IS NULL ORDER BY d.seq LIMIT ?3",
	[ST_AUDIT_PUT] = "INSERT INTO audit(seq,record,leaf) VALUES(?1,?2,?3)",
	[ST_AUDIT_GET] = "SELECT record FROM audit WHERE seq=?1",
	[ST_AUDIT_LEAF] = "SELECT leaf FROM audit WHERE seq=?1",
	[ST_CP_PUT] = "INSERT OR REPLACE INTO checkpoints(size,note) VALUES(?1,?2)",
	[ST_CP_LATEST] = "SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1",
	[ST_CP_LIST] = "SELECT size, note FROM checkpoints WHERE size>=?1 ORDER BY size",
	[ST_NODE_PUT] = "INSERT OR REPLACE INTO audit_node(level,idx,hash) VALUES(?1,?2,?3)",
	[ST_NODE_GET] = "SELECT hash FROM audit_node WHERE level=?1 AND idx=?2",
	/* A shared body goes when every delivery of it was acked before the bound
	 * (a scan of the outbox: housekeeping, not the share path). */
	[ST_PURGE] = "DELETE FROM delivery_body WHERE body_id IN (SELECT body_id FROM deliveries"
		     " WHERE body_id IS NOT NULL GROUP BY body_id"
		     " HAVING COUNT(acked_at_ms)=COUNT(*) AND MAX(acked_at_ms)<?1)",
};

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS shares(sender_node TEXT NOT NULL, msg_id TEXT NOT NULL,"
	"  digest BLOB NOT NULL, accepted_at_ms INTEGER NOT NULL, accepted BLOB NOT NULL,"
	"  PRIMARY KEY(sender_node, msg_id)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS node_seq(node TEXT PRIMARY KEY, next_seq INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY, record BLOB NOT NULL,"
	"  leaf BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS checkpoints(size INTEGER PRIMARY KEY, note TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS audit_node(level INTEGER NOT NULL, idx INTEGER NOT NULL,"
	"  hash BLOB NOT NULL, PRIMARY KEY(level, idx)) WITHOUT ROWID;";

/* The outbox, version 3 (a new file, or the end of an upgrade). */
static const char outbox_v3_sql[] =
	"CREATE TABLE deliveries(recipient_node TEXT NOT NULL, seq INTEGER NOT NULL,"
	"  delivery_id TEXT NOT NULL, recipient_agency INTEGER NOT NULL, acked_at_ms INTEGER,"
	"  digest BLOB, body_id INTEGER, PRIMARY KEY(recipient_node, seq)) WITHOUT ROWID;"
	"CREATE TABLE delivery_body(body_id INTEGER PRIMARY KEY, body BLOB NOT NULL);"
	"CREATE INDEX deliveries_unacked ON deliveries(recipient_node, seq)"
	"  WHERE acked_at_ms IS NULL;";

/*
 * The checkpointer (read-write handles only): a thread with its own
 * connection that copies the WAL into the database (PASSIVE: it never
 * blocks the writer, nor waits for readers), so no COMMIT does a
 * checkpoint and its database fsync. The writer's WAL hook tells it how
 * big the WAL is after each commit.
 */
struct checkpointer {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int started;
	/* under lock */
	int stop;
	int frames;                 /* WAL frames after the last commit */
	int peak;                   /* most frames since the WAL was last truncated */
	int64_t last_commit_ms;
	int armed;                  /* wal_gate: the WAL is whole in the database, no commit since */
	int ungated;                /* wal_gate: the writer's transactions open, begun unarmed */
	pthread_cond_t ungated_done;
	/* wal_gate: taken before lock, never the other way round */
	pthread_mutex_t gate;
	char path[4096];
};


struct store {
	sqlite3 *db;
	struct checkpointer *ck;
	int gated;            /* wal_gate: this write transaction holds ck->gate */
	sqlite3_stmt *st[ST_COUNT];
	int readonly;
	uint64_t audit_next;  /* next audit seq (writer's view) */
	uint64_t audit_saved; /* audit_next at store_begin, for rollback */
	uint64_t audit_sp;    /* audit_next at store_savepoint */
	int64_t audit_last_ms; /* time of the newest record: times never go backwards */
	/* The compact range of every leaf (writer's view), and its copies for rollback. */
	struct merkle_range range, range_saved, range_sp;
	/* store_audit_append's buffer (0x00 || record), kept between records:
	 * nine records per share at fan-out 4 were nine malloc/free pairs */
	uint8_t *abuf;
	size_t acap;
	/* Next delivery seq of the nodes the open transaction queued for,
	 * written to node_seq once per node at store_commit (not per delivery). */
	struct seq_cache {
		char node[128];
		uint64_t next;
	} seqs[STORE_SEQ_CACHE];
	unsigned n_seqs;
};

/*
 * r-redteam7. wal_gate: SQLite before 3.51.3 (Debian 12 has 3.40.1) has
 * the WAL-reset race (sqlite.org/wal.html#walresetbug): once a checkpoint
 * has copied the whole WAL, the next write transaction to commit restarts
 * it; a checkpoint on another connection starting meanwhile can miss the
 * restart, and a later one then skips frames: committed pages never reach
 * the database file, which is left corrupt. The checkpointer thread and
 * the writer are two such connections. So, from a checkpoint that copied
 * the whole WAL (or may have: any that failed) until the writer's next
 * commit (wal_hook), ck->armed: a write transaction the writer begins
 * then holds ck->gate until it ends, and a checkpoint run then takes the
 * gate and first waits for any write transaction begun before the WAL
 * was complete (ungated). Otherwise neither waits for the other: under
 * load the writer commits within milliseconds of a checkpoint, long
 * before the next (MGW_WAL_CHECKPOINT_GAP_MS), and the gate is rarely
 * taken; an idle writer is not held up by it at all.
 */
static void wal_gate_enter(store *s)
{
	struct checkpointer *ck = s->ck;
	s->gated = 0;
	if (ck == NULL)
		return;
	pthread_mutex_lock(&ck->lock);
	if (ck->armed)
		s->gated = 1;
	else
		ck->ungated++;
	pthread_mutex_unlock(&ck->lock);
	if (s->gated)
		pthread_mutex_lock(&ck->gate);
}

static void wal_gate_leave(store *s)
{
	struct checkpointer *ck = s->ck;
	if (ck == NULL)
		return;
	if (s->gated) {
		s->gated = 0;
		pthread_mutex_unlock(&ck->gate);
		return;
	}
	pthread_mutex_lock(&ck->lock);
	if (ck->ungated > 0 && --ck->ungated == 0)
		pthread_cond_signal(&ck->ungated_done);
	pthread_mutex_unlock(&ck->lock);
}

/* After a checkpoint (under ck->lock): whether the writer's next commit may restart the WAL. */
static void wal_gate_after_checkpoint(struct checkpointer *ck, int rc, int log, int done)
{
	if (rc == SQLITE_OK && log == 0)
		ck->armed = 0; /* truncated or restarted by the checkpoint itself */
	else if (rc != SQLITE_OK || (log > 0 && done == log))
		ck->armed = 1;
}

sqlite3 *store_db(store *s)
{
	return s->db;
}

int store_exists(const char *dir)
{
	char path[4096];
	struct stat db;
	if (snprintf(path, sizeof path, "%s/gateway.db", dir) >= (int)sizeof path)
		return 1; /* store_open will say why */
	/* The file's own bytes only: a WAL beside a file of no pages is not
	 * read but deleted by SQLite (pagerOpenWalIfPresent), which then
	 * starts an empty database (rv-review4: the WAL of a gateway killed
	 * with -9 whose gateway.db was then lost started an empty store). The
	 * file has its header as soon as the store is made (journal_mode=WAL
	 * writes it), before the audit key exists. */
	return stat(path, &db) == 0 && db.st_size > 0;
}

int64_t store_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int fail_db(store *s, char *err, size_t errlen, const char *what)
{
	if (err)
		snprintf(err, errlen, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : "no handle");
	return MGW_E_DB;
}

static sqlite3_stmt *stmt(store *s, int id)
{
	sqlite3_stmt *st = s->st[id];
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static int exec(store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK : MGW_E_DB;
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Writer thread, after each commit (sqlite3_wal_hook): the WAL's size. */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct checkpointer *ck = arg;
	(void)db;
	(void)name;
	pthread_mutex_lock(&ck->lock);
	ck->armed = 0; /* this commit restarted the WAL, or appended to it: no restart pending */
	ck->frames = frames;
	if (frames > ck->peak)
		ck->peak = frames;
	ck->last_commit_ms = mono_ms();
	if (frames >= MGW_WAL_CHECKPOINT_PAGES)
		pthread_cond_signal(&ck->cond);
	pthread_mutex_unlock(&ck->lock);
	return SQLITE_OK;
}

static void *checkpointer_main(void *arg)
{
	struct checkpointer *ck = arg;
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(ck->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return NULL; /* the WAL then grows until the last handle closes */
	}
	/* TRUNCATE waits this long for readers (and holds the writer off meanwhile). */
	sqlite3_busy_timeout(db, 100);
	/* A connection knows the file is in WAL mode only once it has read it:
	 * before, a checkpoint "succeeds" doing nothing (log and done -1). */
	sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
	int64_t last_ck = 0;
	pthread_mutex_lock(&ck->lock);
	while (!ck->stop) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += MGW_WAL_CHECKPOINT_GAP_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&ck->cond, &ck->lock, &ts);
		if (ck->stop)
			break;
		int64_t now = mono_ms();
		int busy = ck->frames >= MGW_WAL_CHECKPOINT_PAGES &&
			   now - last_ck >= MGW_WAL_CHECKPOINT_GAP_MS;
		int idle = ck->peak >= MGW_WAL_CHECKPOINT_PAGES &&
			   now - ck->last_commit_ms >= MGW_WAL_IDLE_MS;
		if (!busy && !idle)
			continue;
		int gated = ck->armed; /* wal_gate: the writer's next commit may restart the WAL */
		if (gated) {
			pthread_mutex_unlock(&ck->lock);
			pthread_mutex_lock(&ck->gate);
			pthread_mutex_lock(&ck->lock);
			while (ck->ungated > 0 && !ck->stop)
				pthread_cond_wait(&ck->ungated_done, &ck->lock);
		}
		pthread_mutex_unlock(&ck->lock);
		int log = 0, done = 0;
		int rc = sqlite3_wal_checkpoint_v2(db, NULL,
						   idle ? SQLITE_CHECKPOINT_TRUNCATE
							: SQLITE_CHECKPOINT_PASSIVE,
						   &log, &done);
		last_ck = mono_ms();
		if (rc == SQLITE_OK && log < 0) /* the PRAGMA above met a lock: read the mode again */
			sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		pthread_mutex_lock(&ck->lock);
		if (rc != SQLITE_OK || log >= 0)
			wal_gate_after_checkpoint(ck, rc, log, done);
		if (gated)
			pthread_mutex_unlock(&ck->gate);
		/* The writer restarts a fully copied WAL at its next commit. */
		if (idle && rc == SQLITE_OK)
			ck->peak = ck->frames = 0;
	}
	pthread_mutex_unlock(&ck->lock);
	sqlite3_close(db);
	return NULL;
}

static int checkpointer_start(store *s, const char *path)
{
	struct checkpointer *ck = calloc(1, sizeof *ck);
	if (ck == NULL)
		return MGW_E_NOMEM;
	snprintf(ck->path, sizeof ck->path, "%s", path);
	pthread_mutex_init(&ck->lock, NULL);
	pthread_cond_init(&ck->cond, NULL);
	pthread_mutex_init(&ck->gate, NULL);
	pthread_cond_init(&ck->ungated_done, NULL);
	if (pthread_create(&ck->thread, NULL, checkpointer_main, ck) != 0) {
		pthread_cond_destroy(&ck->ungated_done);
		pthread_mutex_destroy(&ck->gate);
		pthread_cond_destroy(&ck->cond);
		pthread_mutex_destroy(&ck->lock);
		free(ck);
		return MGW_E_NOMEM;
	}
	ck->started = 1;
	s->ck = ck;
	sqlite3_wal_hook(s->db, wal_hook, ck);
	return MGW_OK;
}

static void checkpointer_stop(store *s)
{
	struct checkpointer *ck = s->ck;
	if (ck == NULL)
		return;
	sqlite3_wal_hook(s->db, NULL, NULL);
	pthread_mutex_lock(&ck->lock);
	ck->stop = 1;
	pthread_cond_signal(&ck->cond);
	pthread_cond_signal(&ck->ungated_done);
	pthread_mutex_unlock(&ck->lock);
	pthread_join(ck->thread, NULL);
	pthread_cond_destroy(&ck->ungated_done);
	pthread_mutex_destroy(&ck->gate);
	pthread_cond_destroy(&ck->cond);
	pthread_mutex_destroy(&ck->lock);
	free(ck);
	s->ck = NULL;
}

/* 1 if the statement prepares (e.g. the column it names exists). */
static int prepares(store *s, const char *sql)
{
	sqlite3_stmt *q = NULL;
	int ok = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) == SQLITE_OK;
	sqlite3_finalize(q);
	return ok;
}

/*
 * Version 1 -> 2: bodies move to delivery_body, each digested into
 * deliveries.digest, and the old column is dropped (secure_delete is on, so
 * the old copies are zeroed). In one transaction, so a crash half way
 * leaves version 1 to upgrade again.
 */
static int migrate_v1(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *q = NULL, *u = NULL;
	int rc = MGW_E_DB;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE; ALTER TABLE deliveries ADD COLUMN digest BLOB;"
				"CREATE TABLE IF NOT EXISTS delivery_body(delivery_id TEXT PRIMARY KEY,"
				"  body BLOB NOT NULL);"
				"INSERT INTO delivery_body(delivery_id, body)"
				"  SELECT delivery_id, body FROM deliveries;",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT delivery_id, body FROM delivery_body", -1, &q, NULL) !=
		    SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "UPDATE deliveries SET digest=?2 WHERE delivery_id=?1", -1, &u,
			       NULL) != SQLITE_OK)
		goto fail;
	int st;
	while ((st = sqlite3_step(q)) == SQLITE_ROW) {
		uint8_t d[32];
		codec_sha256(sqlite3_column_blob(q, 1), (size_t)sqlite3_column_bytes(q, 1), d);
		sqlite3_reset(u);
		sqlite3_bind_value(u, 1, sqlite3_column_value(q, 0));
		sqlite3_bind_blob(u, 2, d, 32, SQLITE_TRANSIENT);
		if (sqlite3_step(u) != SQLITE_DONE)
			goto fail;
	}
	if (st != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(q);
	sqlite3_finalize(u);
	q = u = NULL;
	if (sqlite3_exec(s->db, "ALTER TABLE deliveries DROP COLUMN body;"
				"UPDATE meta SET value='2' WHERE key='schema_version'; COMMIT;",
			 NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	return MGW_OK;
fail:
	fail_db(s, err, errlen, "upgrading the store to version 2");
	sqlite3_finalize(q);
	sqlite3_finalize(u);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/*
 * Version 2 -> 3: deliveries re-keyed by (recipient_node, seq), without
 * the index on the random delivery id; bodies keyed by an increasing
 * body_id that deliveries point to (so one body can serve several). Old
 * bodies keep their bytes (with the delivery id inside, which the
 * transport's copy repeats with the same value) and their digests, so the
 * DELIVERY_COMMITTED records still match. One transaction: a crash half
 * way leaves version 2 to upgrade again. The old tables' pages are zeroed
 * (secure_delete).
 */
static int migrate_v2(store *s, char *err, size_t errlen)
{
	static const char head[] =
		"BEGIN IMMEDIATE;"
		"DROP INDEX IF EXISTS deliveries_unacked;"
		"ALTER TABLE deliveries RENAME TO deliveries_v2;"
		"ALTER TABLE delivery_body RENAME TO delivery_body_v2;";
	static const char tail[] =
		"INSERT INTO delivery_body(body_id, body) SELECT rowid, body FROM delivery_body_v2;"
		"INSERT INTO deliveries(recipient_node, seq, delivery_id, recipient_agency, acked_at_ms,"
		"  digest, body_id)"
		"  SELECT d.recipient_node, d.seq, d.delivery_id, d.recipient_agency, d.acked_at_ms,"
		"  d.digest, b.rowid FROM deliveries_v2 d"
		"  LEFT JOIN delivery_body_v2 b ON b.delivery_id = d.delivery_id;"
		"DROP TABLE deliveries_v2; DROP TABLE delivery_body_v2;"
		"UPDATE meta SET value='3' WHERE key='schema_version';"
		"COMMIT;";
	if (sqlite3_exec(s->db, head, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, outbox_v3_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, tail, NULL, NULL, NULL) != SQLITE_OK) {
		fail_db(s, err, errlen, "upgrading the store to version 3");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return MGW_E_DB;
	}
	return MGW_OK;
}

/* A new file gets version 3; older ones are upgraded a version at a time. */
static int migrate(store *s, char *err, size_t errlen)
{
	int rc;
	if (!prepares(s, "SELECT 1 FROM deliveries LIMIT 0")) {
		if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(s->db, outbox_v3_sql, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(s->db, "INSERT OR REPLACE INTO meta(key,value) VALUES"
					"('schema_version','3'); COMMIT;",
				 NULL, NULL, NULL) != SQLITE_OK) {
			fail_db(s, err, errlen, "creating the outbox");
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return MGW_E_DB;
		}
		return MGW_OK;
	}
	if (prepares(s, "SELECT body FROM deliveries LIMIT 0") &&
	    (rc = migrate_v1(s, err, errlen)) != MGW_OK)
		return rc;
	if (!prepares(s, "SELECT body_id FROM deliveries LIMIT 0"))
		return migrate_v2(s, err, errlen);
	return MGW_OK;
}

/*
 * Interior nodes below this level are not stored: store_audit_node hashes
 * them from their (at most 2^(STORE_NODE_MIN_LEVEL-1)) leaves when a proof
 * or range needs one. Storing every level cost about one INSERT per audit
 * record (nine per share at fan-out 4; 12% of the writer thread); levels
 * 1 to 3 are seven in eight of them.
 */
#define STORE_NODE_MIN_LEVEL 4u

static int node_put(store *s, unsigned level, uint64_t idx, const uint8_t h[32])
{
	sqlite3_stmt *st = stmt(s, ST_NODE_PUT);
	sqlite3_bind_int(st, 1, (int)level);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)idx);
	sqlite3_bind_blob(st, 3, h, 32, SQLITE_STATIC);
	return step_done(st);
}

/*
 * Append leaf h to *r, writing the interior nodes it completes. r is
 * changed only on success.
 */
static int range_append(store *s, struct merkle_range *r, const uint8_t leaf[32])
{
	if (r->size == UINT64_MAX)
		return MGW_E_TOO_LARGE;
	uint8_t h[32];
	memcpy(h, leaf, 32);
	unsigned n = r->n, level = 0;
	uint64_t idx = r->size;
	for (uint64_t sz = r->size; sz & 1; sz >>= 1) {
		int rc = merkle_node_hash(r->nodes[n - 1], h, h);
		if (rc != MGW_OK)
			return rc;
		n--;
		level++;
		idx >>= 1;
		if (level >= STORE_NODE_MIN_LEVEL && (rc = node_put(s, level, idx, h)) != MGW_OK)
			return rc;
	}
	memcpy(r->nodes[n], h, 32);
	r->n = n + 1;
	r->size++;
	return MGW_OK;
}

/*
 * The writer's compact range at open: O(log n) node reads. A version-1 file
 * (leaves, no nodes) gets its nodes written once from the leaves.
 */
static int load_range(store *s, char *err, size_t errlen)
{
	int rc = store_audit_range(s, s->audit_next, &s->range);
	if (rc != MGW_E_NOTFOUND) {
		if (rc != MGW_OK)
			fail_db(s, err, errlen, "reading the audit tree");
		return rc;
	}
	merkle_range_init(&s->range);
	if (exec(s, "BEGIN IMMEDIATE") != MGW_OK)
		return fail_db(s, err, errlen, "indexing the audit tree");
	for (uint64_t i = 0; i < s->audit_next; i++) {
		uint8_t leaf[32];
		if ((rc = store_audit_leaf(s, i, leaf)) != MGW_OK ||
		    (rc = range_append(s, &s->range, leaf)) != MGW_OK) {
			exec(s, "ROLLBACK");
			snprintf(err, errlen, "indexing the audit tree: leaf %llu: %s",
				 (unsigned long long)i, mgw_strerror(rc));
			return rc;
		}
	}
	if (exec(s, "COMMIT") != MGW_OK)
		return fail_db(s, err, errlen, "indexing the audit tree");
	return MGW_OK;
}

int store_open(const char *dir, int readonly, store **out, char *err, size_t errlen)
{
	*out = NULL;
	char path[4096];
	if (snprintf(path, sizeof path, "%s/gateway.db", dir) >= (int)sizeof path) {
		snprintf(err, errlen, "%s: path too long", dir);
		return MGW_E_INVALID;
	}
	if (!readonly && mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: cannot create state directory: %s", dir, strerror(errno));
		return MGW_E_IO;
	}
	store *s = calloc(1, sizeof *s);
	if (s == NULL)
		return MGW_E_NOMEM;
	s->readonly = readonly;
	int flags = readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	flags |= SQLITE_OPEN_NOMUTEX; /* one handle per thread, by contract */
	int rc = MGW_E_DB;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		rc = fail_db(s, err, errlen, path);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 5000);
	if (!readonly) {
		char *emsg = NULL;
		if (sqlite3_exec(s->db,
				 /* a new file only; before WAL mode, which fixes it */
				 "PRAGMA page_size=" MGW_STR(MGW_STORE_PAGE_SIZE) ";"
				 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
				 /* checkpoints are the checkpointer thread's, never COMMIT's */
				 "PRAGMA wal_autocheckpoint=0;"
				 "PRAGMA foreign_keys=ON;"
				 /* Deleted content (purged delivery bodies) is zeroed, not left in free pages. */
				 "PRAGMA secure_delete=ON;",
				 NULL, NULL, &emsg) != SQLITE_OK ||
		    sqlite3_exec(s->db, schema_sql, NULL, NULL, &emsg) != SQLITE_OK) {
			snprintf(err, errlen, "%s: %s", path, emsg ? emsg : "schema failed");
			sqlite3_free(emsg);
			goto fail;
		}
		/* and its WAL and shared-memory files, which a store made before the
		 * daemon set its umask (main.c) left readable by others */
		chmod(path, 0600);
		for (size_t i = 0; i < 2; i++) {
			char side[4200];
			snprintf(side, sizeof side, "%s%s", path, i ? "-shm" : "-wal");
			chmod(side, 0600);
		}
		if ((rc = migrate(s, err, errlen)) != MGW_OK)
			goto fail;
	}
	for (int i = 0; i < ST_COUNT; i++) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
				       &s->st[i], NULL) != SQLITE_OK) {
			rc = fail_db(s, err, errlen, path);
			goto fail;
		}
	}
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, "SELECT COALESCE(MAX(seq)+1,0) FROM audit", -1, &q, NULL) !=
	    SQLITE_OK) {
		rc = fail_db(s, err, errlen, path);
		goto fail;
	}
	if (sqlite3_step(q) == SQLITE_ROW)
		s->audit_next = (uint64_t)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	if (s->audit_next > 0) {
		/* The newest record's time, for the monotonic clamp. */
		uint8_t *b = NULL;
		size_t n = 0;
		ProtobufCMessage *m = NULL;
		if (store_audit_get(s, s->audit_next - 1, &b, &n) == MGW_OK &&
		    codec_unpack(&marac__v1__audit_record__descriptor, b, n, n, &m) == MGW_OK)
			s->audit_last_ms = ((Marac__V1__AuditRecord *)m)->time_ms;
		codec_free(m);
		free(b);
	}
	if (!readonly && (rc = load_range(s, err, errlen)) != MGW_OK)
		goto fail;
	if (!readonly && (rc = checkpointer_start(s, path)) != MGW_OK) {
		snprintf(err, errlen, "%s: cannot start the checkpointer", path);
		goto fail;
	}
	*out = s;
	return MGW_OK;
fail:
	store_close(s);
	return rc;
}

void store_close(store *s)
{
	if (s == NULL)
		return;
	checkpointer_stop(s); /* first: the last connection to close checkpoints the WAL */
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s->abuf);
	free(s);
}

static int seq_write(store *s, const char *node, uint64_t next);

/* Write the transaction's cached counters now (before a savepoint). */
static int seq_flush(store *s)
{
	int rc = MGW_OK;
	for (unsigned i = 0; i < s->n_seqs && rc == MGW_OK; i++)
		rc = seq_write(s, s->seqs[i].node, s->seqs[i].next);
	s->n_seqs = 0;
	return rc;
}

int store_begin(store *s)
{
	s->n_seqs = 0;
	s->audit_saved = s->audit_next;
	s->range_saved = s->range;
	wal_gate_enter(s);
	int rc = exec(s, "BEGIN IMMEDIATE");
	if (rc != MGW_OK)
		wal_gate_leave(s);
	return rc;
}

int store_commit(store *s)
{
	/* The per-node counters, once per node per transaction. */
	int rc = seq_flush(s);
	if (rc == MGW_OK)
		rc = exec(s, "COMMIT");
	if (rc != MGW_OK)
		store_rollback(s);
	else
		wal_gate_leave(s);
	return rc;
}

void store_rollback(store *s)
{
	exec(s, "ROLLBACK");
	wal_gate_leave(s);
	s->n_seqs = 0;
	s->audit_next = s->audit_saved;
	s->range = s->range_saved;
}

int store_savepoint(store *s)
{
	/* Counters cached before the savepoint go to the table, which ROLLBACK TO restores. */
	if (seq_flush(s) != MGW_OK)
		return MGW_E_DB;
	s->audit_sp = s->audit_next;
	s->range_sp = s->range;
	return exec(s, "SAVEPOINT job");
}

int store_release(store *s)
{
	return exec(s, "RELEASE job");
}

void store_rollback_to(store *s)
{
	exec(s, "ROLLBACK TO job");
	exec(s, "RELEASE job");
	s->n_seqs = 0; /* only counters of deliveries the rollback took back */
	s->audit_next = s->audit_sp;
	s->range = s->range_sp;
}

static int copy_blob(sqlite3_stmt *st, int col, uint8_t **out, size_t *len)
{
	const void *b = sqlite3_column_blob(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	*out = malloc(n ? n : 1);
	if (*out == NULL)
		return MGW_E_NOMEM;
	if (n)
		memcpy(*out, b, n);
	*len = n;
	return MGW_OK;
}

int store_share_lookup(store *s, const char *sender_node, const char *msg_id,
		       uint8_t digest[32], uint8_t **accepted, size_t *accepted_len)
{
	sqlite3_stmt *st = stmt(s, ST_SHARE_GET);
	sqlite3_bind_text(st, 1, sender_node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, msg_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return MGW_E_NOTFOUND;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return MGW_E_DB;
	}
	if (sqlite3_column_bytes(st, 0) == 32)
		memcpy(digest, sqlite3_column_blob(st, 0), 32);
	rc = copy_blob(st, 1, accepted, accepted_len);
	sqlite3_reset(st);
	return rc;
}

int store_share_insert(store *s, const char *sender_node, const char *msg_id,
		       const uint8_t digest[32], int64_t at_ms, const uint8_t *accepted,
		       size_t accepted_len)
{
	sqlite3_stmt *st = stmt(s, ST_SHARE_PUT);
	sqlite3_bind_text(st, 1, sender_node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, msg_id, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, digest, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, at_ms);
	sqlite3_bind_blob(st, 5, accepted, (int)accepted_len, SQLITE_STATIC);
	return step_done(st);
}

int store_delivery_insert(store *s, const char *delivery_id, const char *recipient_node,
			  int recipient_agency, const uint8_t *deliver, size_t len,
			  uint64_t *seq)
{
	uint8_t digest[32];
	return store_delivery_insert_digest(s, delivery_id, recipient_node, recipient_agency,
					    deliver, len, digest, seq);
}

/* The node's next seq: the transaction's cache, else node_seq. */
static int seq_next(store *s, const char *node, uint64_t *next, struct seq_cache **slot)
{
	*slot = NULL;
	for (unsigned i = 0; i < s->n_seqs; i++)
		if (strcmp(s->seqs[i].node, node) == 0) {
			*slot = &s->seqs[i];
			*next = s->seqs[i].next;
			return MGW_OK;
		}
	sqlite3_stmt *st = stmt(s, ST_SEQ_GET);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	*next = 1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*next = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

static int seq_write(store *s, const char *node, uint64_t next)
{
	sqlite3_stmt *st = stmt(s, ST_SEQ_PUT);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)next);
	return step_done(st);
}

/* Remember next for node until store_commit (written through if the cache is full). */
static int seq_set(store *s, struct seq_cache *slot, const char *node, uint64_t next)
{
	if (slot == NULL && s->n_seqs < STORE_SEQ_CACHE && strlen(node) < sizeof slot->node) {
		slot = &s->seqs[s->n_seqs++];
		snprintf(slot->node, sizeof slot->node, "%s", node);
	}
	if (slot == NULL)
		return seq_write(s, node, next);
	slot->next = next;
	return MGW_OK;
}

int store_body_put(store *s, const uint8_t *body, size_t len, int64_t *body_id)
{
	sqlite3_stmt *st = stmt(s, ST_BODY_PUT);
	sqlite3_bind_blob(st, 1, body, (int)len, SQLITE_STATIC);
	if (step_done(st) != MGW_OK)
		return MGW_E_DB;
	*body_id = sqlite3_last_insert_rowid(s->db);
	return MGW_OK;
}

int store_delivery_put(store *s, const char *delivery_id, const char *recipient_node,
		       int recipient_agency, int64_t body_id, const uint8_t digest[32],
		       uint64_t *seq)
{
	uint64_t next;
	struct seq_cache *slot;
	int rc = seq_next(s, recipient_node, &next, &slot);
	if (rc != MGW_OK)
		return rc;
	sqlite3_stmt *st = stmt(s, ST_DLV_PUT);
	sqlite3_bind_text(st, 1, recipient_node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)next);
	sqlite3_bind_text(st, 3, delivery_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, recipient_agency);
	sqlite3_bind_blob(st, 5, digest, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, body_id);
	if (step_done(st) != MGW_OK)
		return MGW_E_DB;
	if ((rc = seq_set(s, slot, recipient_node, next + 1)) != MGW_OK)
		return rc;
	*seq = next;
	return MGW_OK;
}

int store_delivery_insert_digest(store *s, const char *delivery_id, const char *recipient_node,
				 int recipient_agency, const uint8_t *deliver, size_t len,
				 uint8_t digest[32], uint64_t *seq)
{
	int64_t body_id;
	codec_sha256(deliver, len, digest);
	int rc = store_body_put(s, deliver, len, &body_id);
	if (rc != MGW_OK)
		return rc;
	return store_delivery_put(s, delivery_id, recipient_node, recipient_agency, body_id, digest,
				  seq);
}

int store_delivery_ack(store *s, const char *node, const char *delivery_id, uint64_t seq,
		       int64_t at_ms, int *was_acked)
{
	sqlite3_stmt *st;
	int acked, rc;
	if (seq != 0) {
		st = stmt(s, ST_DLV_GET);
		sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			sqlite3_reset(st);
			return rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
		}
		const char *id = (const char *)sqlite3_column_text(st, 0);
		int same = id && strcmp(id, delivery_id) == 0;
		acked = sqlite3_column_type(st, 1) != SQLITE_NULL;
		sqlite3_reset(st);
		if (!same)
			return MGW_E_NOTFOUND;
	} else {
		st = stmt(s, ST_DLV_GET_ID);
		sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, delivery_id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			sqlite3_reset(st);
			return rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
		}
		seq = (uint64_t)sqlite3_column_int64(st, 0);
		acked = sqlite3_column_type(st, 1) != SQLITE_NULL;
		sqlite3_reset(st);
	}
	*was_acked = acked;
	if (acked)
		return MGW_OK;
	/* Narrow: the row holds ids, seq, ack time and digest; the body lives apart. */
	st = stmt(s, ST_DLV_ACK);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
	sqlite3_bind_int64(st, 3, at_ms);
	return step_done(st);
}

/* Sort the newly acked seqs (at most a batch: insertion sort). */
static void seqs_sort(uint64_t *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t k = i;
		for (; k > 0 && v[k - 1] > x; k--)
			v[k] = v[k - 1];
		v[k] = x;
	}
}

/*
 * The acks of acks[] that name a seq, resolved with one range scan per run
 * of close seqs (in-order acks: one scan for the whole list) instead of a
 * lookup per ack: same[i] = the row exists and holds acks[i]'s id,
 * was[i] = it was acked before. 0 or MGW_E_DB.
 */
static int ack_rows(store *s, const char *node, const struct store_ack *acks, size_t n,
		    unsigned char *same, unsigned char *was)
{
	size_t ord[STORE_ACK_MANY_MAX], m = 0;
	for (size_t i = 0; i < n; i++) /* stable insertion sort by seq */
		if (acks[i].seq != 0) {
			size_t k = m++;
			for (; k > 0 && acks[ord[k - 1]].seq > acks[i].seq; k--)
				ord[k] = ord[k - 1];
			ord[k] = i;
		}
	for (size_t a = 0; a < m;) {
		size_t b = a; /* a run: each seq at most 8 above the one before (gaps scanned) */
		while (b + 1 < m && acks[ord[b + 1]].seq - acks[ord[b]].seq <= 8)
			b++;
		sqlite3_stmt *st = stmt(s, ST_DLV_GET_RANGE);
		sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)acks[ord[a]].seq);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)acks[ord[b]].seq);
		int rc = sqlite3_step(st);
		for (size_t k = a; k <= b; k++) {
			size_t i = ord[k];
			while (rc == SQLITE_ROW &&
			       (uint64_t)sqlite3_column_int64(st, 0) < acks[i].seq)
				rc = sqlite3_step(st);
			if (rc != SQLITE_ROW)
				break; /* no row for the rest of the run (or an error) */
			if ((uint64_t)sqlite3_column_int64(st, 0) != acks[i].seq)
				continue;
			const char *id = (const char *)sqlite3_column_text(st, 1);
			same[i] = id && strcmp(id, acks[i].delivery_id) == 0;
			was[i] = sqlite3_column_type(st, 2) != SQLITE_NULL;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return MGW_E_DB;
		a = b + 1;
	}
	return MGW_OK;
}

int store_delivery_ack_many(store *s, const char *node, struct store_ack *acks, size_t n,
			    int64_t at_ms)
{
	uint64_t fresh[STORE_ACK_MANY_MAX];
	unsigned char same[STORE_ACK_MANY_MAX] = {0}, was[STORE_ACK_MANY_MAX] = {0};
	size_t nf = 0;
	if (n > STORE_ACK_MANY_MAX)
		return MGW_E_INVALID;
	if (ack_rows(s, node, acks, n, same, was) != MGW_OK)
		return MGW_E_DB;
	for (size_t i = 0; i < n; i++) {
		struct store_ack *a = &acks[i];
		sqlite3_stmt *st;
		int acked = 0, rc;
		if (a->seq != 0) {
			acked = was[i];
			if (!same[i]) {
				a->state = STORE_ACK_UNKNOWN;
				continue;
			}
		} else {
			st = stmt(s, ST_DLV_GET_ID);
			sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, a->delivery_id, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW) {
				a->seq = (uint64_t)sqlite3_column_int64(st, 0);
				acked = sqlite3_column_type(st, 1) != SQLITE_NULL;
			}
			sqlite3_reset(st);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				return MGW_E_DB;
			if (rc == SQLITE_DONE) {
				a->state = STORE_ACK_UNKNOWN;
				continue;
			}
		}
		/* acked before, or earlier in this list (a duplicate) */
		for (size_t k = 0; k < nf && !acked; k++)
			acked = fresh[k] == a->seq;
		a->state = acked ? STORE_ACK_WAS : STORE_ACK_NEW;
		if (!acked)
			fresh[nf++] = a->seq;
	}
	/* Narrow updates, one per run of consecutive seqs (in-order acks: one). */
	seqs_sort(fresh, nf);
	for (size_t i = 0; i < nf;) {
		size_t k = i;
		while (k + 1 < nf && fresh[k + 1] == fresh[k] + 1)
			k++;
		sqlite3_stmt *st = stmt(s, ST_DLV_ACK_RANGE);
		sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)fresh[i]);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)fresh[k]);
		sqlite3_bind_int64(st, 4, at_ms);
		if (step_done(st) != MGW_OK)
			return MGW_E_DB;
		i = k + 1;
	}
	return MGW_OK;
}

int store_delivery_ack_through(store *s, const char *node, uint64_t through, int64_t at_ms,
			       uint64_t *n)
{
	sqlite3_stmt *st = stmt(s, ST_DLV_ACK_THROUGH);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)through);
	sqlite3_bind_int64(st, 3, at_ms);
	int rc = step_done(st);
	*n = rc == MGW_OK ? (uint64_t)sqlite3_changes(s->db) : 0;
	return rc;
}

static int scalar_u64(store *s, int id, const char *node, uint64_t *out, int *is_null)
{
	sqlite3_stmt *st = stmt(s, id);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return MGW_E_DB;
	}
	*is_null = sqlite3_column_type(st, 0) == SQLITE_NULL;
	*out = (uint64_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return MGW_OK;
}

int store_acked_through(store *s, const char *node, uint64_t *through)
{
	int null;
	return scalar_u64(s, ST_ACKED_THROUGH, node, through, &null);
}

int store_delivery_pending(store *s, const char *node, uint64_t seq, int *pending)
{
	sqlite3_stmt *st = stmt(s, ST_PENDING);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
	int rc = sqlite3_step(st);
	*pending = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int store_outbox_span(store *s, const char *node, uint64_t *span)
{
	int null;
	int rc = scalar_u64(s, ST_SPAN, node, span, &null);
	if (rc == MGW_OK && null)
		*span = 0;
	return rc;
}

int store_outbox_depth(store *s, const char *node, uint64_t *depth)
{
	int null;
	return scalar_u64(s, ST_DEPTH, node, depth, &null);
}

int store_outbox_fetch_digest(store *s, const char *node, uint64_t after, size_t max,
			      store_outbox_digest_fn fn, void *ctx, uint64_t *bad_seq)
{
	sqlite3_stmt *st = stmt(s, ST_OUTBOX);
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)after);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	int rc, out = MGW_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t seq = (uint64_t)sqlite3_column_int64(st, 0);
		const char *id = (const char *)sqlite3_column_text(st, 1);
		const uint8_t *b = sqlite3_column_blob(st, 2);
		size_t n = (size_t)sqlite3_column_bytes(st, 2);
		const uint8_t *want = sqlite3_column_blob(st, 3);
		uint8_t have[32];
		codec_sha256(b, n, have);
		/* A body edited or deleted (or its digest lost) since it was queued is never sent. */
		if (sqlite3_column_type(st, 2) == SQLITE_NULL || sqlite3_column_bytes(st, 3) != 32 ||
		    memcmp(have, want, 32) != 0) {
			if (bad_seq)
				*bad_seq = seq;
			out = MGW_E_INVALID;
			break;
		}
		if (fn(ctx, seq, id, b, n, have) != 0)
			break;
	}
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	sqlite3_reset(st);
	return ok ? out : MGW_E_DB;
}

struct plain_fetch {
	store_outbox_fn fn;
	void *ctx;
};

static int plain_row(void *ctx, uint64_t seq, const char *id, const uint8_t *b, size_t n,
		     const uint8_t digest[32])
{
	struct plain_fetch *p = ctx;
	return p->fn(p->ctx, seq, id, b, n);
}

int store_outbox_fetch(store *s, const char *node, uint64_t after, size_t max,
		       store_outbox_fn fn, void *ctx)
{
	struct plain_fetch p = {fn, ctx};
	return store_outbox_fetch_digest(s, node, after, max, plain_row, &p, NULL);
}

int store_purge_delivered(store *s, int64_t older_than_ms, uint64_t *n)
{
	*n = 0;
	sqlite3_stmt *st = stmt(s, ST_PURGE);
	sqlite3_bind_int64(st, 1, older_than_ms);
	wal_gate_enter(s); /* a write transaction of its own */
	int rc = step_done(st);
	wal_gate_leave(s);
	if (rc == MGW_OK)
		*n = (uint64_t)sqlite3_changes(s->db);
	return rc;
}

int store_wal_truncate(store *s)
{
	int log = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (s->ck) { /* a checkpoint too: it may leave the WAL whole and not restarted */
		pthread_mutex_lock(&s->ck->lock);
		wal_gate_after_checkpoint(s->ck, rc, log, done);
		pthread_mutex_unlock(&s->ck->lock);
	}
	if (rc == SQLITE_BUSY)
		return MGW_E_CONFLICT;
	return rc == SQLITE_OK ? MGW_OK : MGW_E_DB;
}

int store_integrity_check(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *q = NULL;
	int rc = MGW_E_DB, rows = 0;
	if (err && errlen)
		err[0] = 0;
	if (sqlite3_prepare_v2(s->db, "PRAGMA quick_check(20)", -1, &q, NULL) != SQLITE_OK) {
		fail_db(s, err, errlen, "integrity check");
		goto fail;
	}
	rc = MGW_OK;
	int st;
	while ((st = sqlite3_step(q)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(q, 0);
		rows++;
		/* SQLite 3.40 reports "NULL value in T.C" for NOT NULL columns of
		 * WITHOUT ROWID tables that hold no NULL (fixed in 3.41; match_key
		 * is such a table): not damage, the constraints hold on every write */
		if (v == NULL || strcmp(v, "ok") == 0 || strncmp(v, "NULL value in ", 14) == 0)
			continue;
		/* quick_check names pages and tables, never row contents. */
		if (err)
			snprintf(err, errlen, "the database failed its integrity check: %.200s", v);
		rc = MGW_E_DB;
		break;
	}
	if (rc == MGW_OK && (st != SQLITE_DONE || rows == 0)) {
		if (err)
			snprintf(err, errlen, "the database's integrity check gave no answer: %s",
				 sqlite3_errmsg(s->db));
		rc = MGW_E_DB;
	}
fail:
	sqlite3_finalize(q);
	return rc;
}

int store_audit_append(store *s, Marac__V1__AuditRecord *rec, uint8_t leaf[32])
{
	rec->seq = s->audit_next;
	if (rec->time_ms == 0)
		rec->time_ms = store_now_ms();
	/* A wall clock may step back (NTP); the trail's times must not. */
	if (rec->time_ms < s->audit_last_ms)
		rec->time_ms = s->audit_last_ms;
	/* One buffer holds 0x00 || record, so the leaf hash is one SHA-256 call. */
	size_t n = protobuf_c_message_get_packed_size(&rec->base);
	if (n + 1 > s->acap) {
		uint8_t *nb = realloc(s->abuf, n + 1);
		if (nb == NULL)
			return MGW_E_NOMEM;
		s->abuf = nb;
		s->acap = n + 1;
	}
	uint8_t *buf = s->abuf;
	buf[0] = 0x00;
	protobuf_c_message_pack(&rec->base, buf + 1);
	uint8_t h[32];
	codec_sha256(buf, n + 1, h);
	sqlite3_stmt *st = stmt(s, ST_AUDIT_PUT);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)rec->seq);
	sqlite3_bind_blob(st, 2, buf + 1, (int)n, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, h, 32, SQLITE_STATIC);
	int rc = step_done(st);
	struct merkle_range r = s->range;
	if (rc == MGW_OK)
		rc = range_append(s, &r, h);
	if (rc != MGW_OK)
		return rc;
	s->range = r;
	s->audit_next++;
	s->audit_last_ms = rec->time_ms;
	if (leaf)
		memcpy(leaf, h, 32);
	return MGW_OK;
}

void store_audit_tree(store *s, struct merkle_range *out)
{
	*out = s->range;
}

uint64_t store_audit_size(store *s)
{
	if (!s->readonly)
		return s->audit_next;
	sqlite3_stmt *q;
	uint64_t n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT COALESCE(MAX(seq)+1,0) FROM audit", -1, &q, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW)
			n = (uint64_t)sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	return n;
}

static int blob_by_seq(store *s, int id, uint64_t seq, uint8_t **bytes, size_t *len)
{
	sqlite3_stmt *st = stmt(s, id);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)seq);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	}
	rc = copy_blob(st, 0, bytes, len);
	sqlite3_reset(st);
	return rc;
}

int store_audit_get(store *s, uint64_t seq, uint8_t **bytes, size_t *len)
{
	return blob_by_seq(s, ST_AUDIT_GET, seq, bytes, len);
}

int store_audit_leaf(store *s, uint64_t seq, uint8_t out[32])
{
	uint8_t *b;
	size_t n;
	int rc = blob_by_seq(s, ST_AUDIT_LEAF, seq, &b, &n);
	if (rc != MGW_OK)
		return rc;
	if (n == 32)
		memcpy(out, b, 32);
	free(b);
	return n == 32 ? MGW_OK : MGW_E_DB;
}

int store_checkpoint_put(store *s, uint64_t size, const char *note)
{
	sqlite3_stmt *st = stmt(s, ST_CP_PUT);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)size);
	sqlite3_bind_text(st, 2, note, -1, SQLITE_STATIC);
	return step_done(st);
}

int store_checkpoint_latest(store *s, uint64_t *size, char **note)
{
	sqlite3_stmt *st = stmt(s, ST_CP_LATEST);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	}
	*size = (uint64_t)sqlite3_column_int64(st, 0);
	*note = strdup((const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return *note ? MGW_OK : MGW_E_NOMEM;
}

int store_checkpoint_list(store *s, uint64_t min_size, store_checkpoint_fn fn, void *ctx)
{
	sqlite3_stmt *st = stmt(s, ST_CP_LIST);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)min_size);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, (uint64_t)sqlite3_column_int64(st, 0),
		       (const char *)sqlite3_column_text(st, 1)) != 0)
			break;
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
	sqlite3_reset(st);
	return ok ? MGW_OK : MGW_E_DB;
}

int store_audit_node(store *s, unsigned level, uint64_t idx, uint8_t out[32])
{
	if (level == 0)
		return store_audit_leaf(s, idx, out);
	if (level < STORE_NODE_MIN_LEVEL) {
		/* not stored: from its two children (MGW_E_NOTFOUND until its last leaf exists) */
		uint8_t l[32], r[32];
		int rc = store_audit_node(s, level - 1, idx << 1, l);
		if (rc == MGW_OK)
			rc = store_audit_node(s, level - 1, (idx << 1) | 1, r);
		return rc == MGW_OK ? merkle_node_hash(l, r, out) : rc;
	}
	sqlite3_stmt *st = stmt(s, ST_NODE_GET);
	sqlite3_bind_int(st, 1, (int)level);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)idx);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	}
	rc = sqlite3_column_bytes(st, 0) == 32 ? MGW_OK : MGW_E_DB;
	if (rc == MGW_OK)
		memcpy(out, sqlite3_column_blob(st, 0), 32);
	sqlite3_reset(st);
	return rc;
}

int store_audit_range(store *s, uint64_t size, struct merkle_range *out)
{
	struct merkle_range r;
	merkle_range_init(&r);
	uint64_t off = 0;
	/* One perfect subtree per set bit of size, largest first. */
	for (int level = 63; level >= 0; level--) {
		uint64_t span = (uint64_t)1 << level;
		if (!(size & span))
			continue;
		int rc = store_audit_node(s, (unsigned)level, off >> level, r.nodes[r.n]);
		if (rc != MGW_OK)
			return rc;
		r.n++;
		off += span;
	}
	r.size = size;
	*out = r;
	return MGW_OK;
}

static int leaf_src(void *ctx, uint64_t index, uint8_t out[32])
{
	return store_audit_leaf(ctx, index, out);
}

static int node_src(void *ctx, unsigned level, uint64_t index, uint8_t out[32])
{
	return store_audit_node(ctx, level, index, out);
}

int store_audit_root(store *s, uint64_t size, uint8_t root[32])
{
	struct merkle_range r;
	int rc = store_audit_range(s, size, &r);
	return rc == MGW_OK ? merkle_range_root(&r, root) : rc;
}

int store_audit_inclusion_proof(store *s, uint64_t index, uint64_t size,
				uint8_t proof[MERKLE_PROOF_MAX][32], size_t *len)
{
	return merkle_inclusion_proof_nodes(leaf_src, node_src, s, index, size, proof, len);
}

int store_audit_consistency_proof(store *s, uint64_t m, uint64_t n,
				  uint8_t proof[MERKLE_PROOF_MAX][32], size_t *len)
{
	return merkle_consistency_proof_nodes(leaf_src, node_src, s, m, n, proof, len);
}

int store_outbox_check(store *s, char *err, size_t errlen)
{
	/* Rows are never deleted (retention deletes bodies only), so each node's seqs are 1..next-1. */
	static const char sql[] =
		"SELECT n.node, n.next_seq, COUNT(d.seq), COALESCE(MIN(d.seq),0), COALESCE(MAX(d.seq),0)"
		" FROM node_seq n LEFT JOIN deliveries d ON d.recipient_node=n.node GROUP BY n.node"
		" UNION ALL SELECT d.recipient_node, NULL, COUNT(*), 0, 0 FROM deliveries d"
		" WHERE d.recipient_node NOT IN (SELECT node FROM node_seq) GROUP BY d.recipient_node";
	sqlite3_stmt *q = NULL;
	int rc = MGW_E_DB;
	if (err && errlen)
		err[0] = 0;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK) {
		fail_db(s, err, errlen, "outbox check");
		goto fail;
	}
	int st;
	rc = MGW_OK;
	while (rc == MGW_OK && (st = sqlite3_step(q)) == SQLITE_ROW) {
		const char *node = (const char *)sqlite3_column_text(q, 0);
		int no_seq = sqlite3_column_type(q, 1) == SQLITE_NULL;
		uint64_t next = (uint64_t)sqlite3_column_int64(q, 1);
		uint64_t cnt = (uint64_t)sqlite3_column_int64(q, 2);
		uint64_t lo = (uint64_t)sqlite3_column_int64(q, 3), hi = (uint64_t)sqlite3_column_int64(q, 4);
		if (no_seq || next == 0 || cnt != next - 1 || (cnt > 0 && (lo != 1 || hi != next - 1))) {
			if (err)
				snprintf(err, errlen, "the outbox of node \"%s\" holds %llu deliveries "
						      "(seq %llu..%llu) but %s: deliveries were deleted or "
						      "added outside the gateway", node ? node : "?",
					 (unsigned long long)cnt, (unsigned long long)lo,
					 (unsigned long long)hi,
					 no_seq ? "has no sequence counter" : "its sequence says otherwise");
			rc = MGW_E_INVALID;
		}
	}
	if (rc == MGW_OK && st != SQLITE_DONE)
		rc = fail_db(s, err, errlen, "outbox check");
fail:
	sqlite3_finalize(q);
	return rc;
}
