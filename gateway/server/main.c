/*
 * main.c: marac-gateway, the daemon.
 *
 *   marac-gateway --config FILE [--check-config]
 *
 * Start-up: build the first epoch (config, policy, CA and CRL, each
 * validated; --check-config stops here: exit 0 if all are valid, 1 with
 * file:line otherwise), open the store (created on first start), open the
 * audit tree, start the writer thread (the executor), bind, write the bound
 * port to listen.port_file (atomically), drop privileges if root, notify
 * systemd, serve. Signals are taken by one thread that only sets flags and
 * wakes the loop (STYLE.md 9; sig_main below): SIGHUP builds a new epoch
 * and swaps it in (the old one stays if anything is invalid or a
 * restart-only key changed); SIGTERM and SIGINT
 * stop gracefully: nodes get 1001 and MGW_STOP_GRACE_MS to close, queued
 * commits finish, a last checkpoint covers the trail.
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include <openssl/crypto.h>

#include "actions.h"
#include "cases.h"
#include "store_retract.h"
#include "flags.h"
#include "clock.h"
#include "fsutil.h"
#include "gw.h"
#include "markers.h"
#include "match.h"
#include "log.h"
#include "mgw_err.h"

struct gw G;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: marac-gateway --config FILE [--check-config] [--new-audit-key]\n"
		"       marac-gateway --help | --version\n"
		"\n"
		"The MARAC information-sharing gateway: authenticates agency nodes by\n"
		"TLS client certificate, applies the redaction policy per recipient,\n"
		"stores and forwards shares durably and audits every share and read.\n"
		"\n"
		"  -c, --config FILE   gateway.yaml (see deploy/gateway.yaml)\n"
		"  -n, --check-config  validate the config and the policy, then exit\n"
		"      --new-audit-key make a new audit signing key although a trail\n"
		"                      exists (its old key was lost); never implied\n"
		"  -h, --help          this text\n"
		"  -V, --version       the version\n"
		"\n"
		"Signals: SIGHUP reloads the node registry, CRL and policy (the old\n"
		"ones stay if the new ones are invalid, or if a key that needs a restart\n"
		"changed: state_dir, audit.origin, listen, tls); SIGTERM/SIGINT stop gracefully.\n"
		"Exit status: 0 clean stop or valid config, 1 invalid config or policy,\n"
		"2 usage, 3 start-up failure (store, TLS, bind).\n");
}

/*
 * Signals. SIGHUP, SIGTERM and SIGINT are blocked in every thread (the mask
 * is set before the first thread starts, and threads inherit it); one thread
 * takes them with sigwaitinfo, sets the flag and wakes the service loop. No
 * handler runs asynchronously, so nothing need be async-signal-safe, and a
 * signal cannot be lost: under ThreadSanitizer, whose runtime defers a
 * handler to the next intercepted call of the thread the kernel chose, a
 * SIGTERM sent just after start was now and then never handled and the
 * daemon kept serving (seen twice in CI; gdb showed every thread idle, the
 * flag unset).
 */
static struct {
	sigset_t set;
	pthread_t thread;
	int started;
	int exiting;              /* atomic: sig_stop asked the thread to return */
	pthread_mutex_t lock;     /* ctx: set after the context is created, cleared before it is destroyed */
	struct lws_context *ctx;
} sig = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void sig_wake(void)
{
	pthread_mutex_lock(&sig.lock);
	if (sig.ctx)
		lws_cancel_service(sig.ctx);
	pthread_mutex_unlock(&sig.lock);
}

/* Service thread: the context the signal thread wakes (NULL before destroying it). */
static void sig_set_ctx(struct lws_context *ctx)
{
	pthread_mutex_lock(&sig.lock);
	sig.ctx = ctx;
	pthread_mutex_unlock(&sig.lock);
}

static void *sig_main(void *arg)
{
	(void)arg;
	for (;;) {
		int s = sigwaitinfo(&sig.set, NULL);
		if (__atomic_load_n(&sig.exiting, __ATOMIC_SEQ_CST))
			break; /* sig_stop */
		if (s < 0)
			continue; /* EINTR: another signal's handler (none of ours) ran */
		if (s == SIGHUP)
			__atomic_store_n(&G.reload, 1, __ATOMIC_SEQ_CST);
		else
			__atomic_store_n(&G.stopping, 1, __ATOMIC_SEQ_CST);
		sig_wake();
	}
	return NULL;
}

/* Main thread, before any other thread starts. */
static int sig_start(void)
{
	sigemptyset(&sig.set);
	sigaddset(&sig.set, SIGHUP);
	sigaddset(&sig.set, SIGTERM);
	sigaddset(&sig.set, SIGINT);
	if (pthread_sigmask(SIG_BLOCK, &sig.set, NULL) != 0)
		return -1;
	if (pthread_create(&sig.thread, NULL, sig_main, NULL) != 0)
		return -1;
	sig.started = 1;
	return 0;
}

static void sig_stop(void)
{
	if (!sig.started)
		return;
	__atomic_store_n(&sig.exiting, 1, __ATOMIC_SEQ_CST);
	pthread_kill(sig.thread, SIGINT); /* to this thread only: its sigwaitinfo returns */
	pthread_join(sig.thread, NULL);
	sig.started = 0;
}

static void nofile_check(const struct mgw_config *c);

static void audit_gateway_event(struct gw *g, int event)
{
	struct audit_fields f = {.event = event, .policy_sha256 = g->epoch->policy_sha256};
	if (event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_STOP)
		f.policy_sha256 = NULL;
	/* h12-actions: a start on the test clock is on the trail for every auditor to see */
	if (event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START) {
		/* audit.checkpoint missing at start (trail.h, file_missing): on the trail,
		 * where an auditor's verify shows it */
		int missing = g->audit.later.file_missing;
		if (mgw_clock_test())
			f.reason = missing ? "test_clock_checkpoint_file_missing" : "test_clock";
		else if (missing)
			f.reason = "checkpoint_file_missing";
	}
	audit_emit(g, NULL, &f, NULL);
}

/*
 * SIGHUP (service thread): a whole new epoch, built and validated before
 * anything is swapped. Sessions copied their identity at connect; those
 * whose certificate the new CRL revokes, or that no longer map to the same
 * node, are closed. Jobs already routed keep the epoch they pinned.
 */
static void reload(struct gw *g)
{
	char err[1400];
	struct epoch *ne = epoch_build(g->config_path, g->epoch, g->epoch->id + 1, err, sizeof err);
	if (ne == NULL) {
		/* "what": the part that failed (config, policy, crl, restart-only key). */
		char what[24];
		snprintf(what, sizeof what, "%.*s", (int)strcspn(err, ":"), err);
		log_event(LOG_ERROR, "reload_failed", "what", what, "detail", err, NULL);
		return;
	}
	SSL_CTX_set1_cert_store(g->ssl_ctx, ne->verify);
	nofile_check(ne->cfg); /* a raised max_connections: the fd limit is the start's */
	struct epoch *old = g->epoch;
	g->epoch = ne;
	for (struct session *s = g->sessions; s; s = s->next_live) {
		/* The certificate must still map to the same node, exactly as at connect:
		 * a node re-registered under another fingerprint drops the old cert. */
		const struct mgw_node *n = config_find_node(ne->cfg, s->cert_hex, s->subject);
		const char *why = tls_session_revoked(ne, s->wsi) ? "cert_revoked"
				  : n == NULL || strcmp(n->id, s->node) != 0 || n->agency != s->agency
				  ? "node_unregistered"
				  : NULL;
		if (why) {
			struct refusal r = {
				.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				.reason = why,
				.close = LWS_CLOSE_STATUS_POLICY_VIOLATION,
				.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				.silent = 1,
			};
			refuse(g, s, NULL, NULL, &r, "%s", why);
		} else {
			s->roles = n->roles;
		}
	}
	epoch_put(old);
	char hex[65], id[24];
	gw_hex(ne->policy_sha256, 32, hex);
	snprintf(id, sizeof id, "%llu", (unsigned long long)ne->id);
	log_event(LOG_INFO, "reloaded", "epoch", id, "policy_sha256", hex, NULL);
	audit_gateway_event(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_POLICY_LOADED);
}

void gw_on_signals(struct gw *g)
{
	if (__atomic_load_n(&g->fatal, __ATOMIC_RELAXED))
		__atomic_store_n(&g->stopping, 1, __ATOMIC_SEQ_CST); /* the writer found the trail altered */
	if (__atomic_exchange_n(&g->reload, 0, __ATOMIC_SEQ_CST))
		reload(g);
}

/* Once a second on the service thread: deadlines and aggregated refusals. */
static lws_sorted_usec_list_t tick_sul;

static void tick(lws_sorted_usec_list_t *sul)
{
	session_tick(&G);
	refuse_preauth_flush(&G, 0);
	lookup_svc_flush(&G, 0);
	lws_sul_schedule(G.ctx, 0, &tick_sul, tick, LWS_US_PER_SEC);
}

static int write_port_file(const char *path, int port)
{
	char line[16];
	int n = snprintf(line, sizeof line, "%d\n", port);
	return write_file_atomic(path, line, (size_t)n, 0644);
}

static int drop_privileges(const char *user)
{
	if (geteuid() != 0 || user == NULL)
		return MGW_OK;
	struct passwd *pw = getpwnam(user);
	if (pw == NULL)
		return MGW_E_NOTFOUND;
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
		return MGW_E_IO;
	if (setuid(0) == 0)
		return MGW_E_IO; /* privileges not really dropped */
	return MGW_OK;
}

/* The writer's store, its tables and the audit tree, before the thread starts. */
static int open_writer(char *err, size_t errlen)
{
	if (!store_exists(G.state_dir)) {
		/* r-redteam4: gateway.db deleted or emptied (and audit.checkpoint
		 * with it) started an empty gateway: every accepted share not yet
		 * delivered was lost without a word. The key is made at the first
		 * start, right after the store: with a key, this is not one. Asked
		 * before store_open, which would create the file (and the next
		 * start would then take it as the store). */
		static const char *const was[] = {"audit.key", "audit.vkey", "audit.checkpoint"};
		for (size_t i = 0; i < sizeof was / sizeof was[0]; i++) {
			char p[4200];
			if (snprintf(p, sizeof p, "%s/%s", G.state_dir, was[i]) >= (int)sizeof p ||
			    access(p, F_OK) != 0)
				continue;
			snprintf(err, errlen,
				 "%.300s/gateway.db is missing or empty, but %s exists beside it: the "
				 "store of this gateway (its accepted shares and audit trail) was lost "
				 "or moved. Restore gateway.db from backup; to start a new store on "
				 "purpose, move audit.key, audit.vkey and audit.checkpoint out of the "
				 "state directory first",
				 G.state_dir, was[i]);
			return MGW_E_INVALID;
		}
	}
	int rc = store_open(G.state_dir, 0, &G.writer_store, err, errlen);
	if (rc != MGW_OK)
		return rc;
	if (match_schema(store_db(G.writer_store)) != MGW_OK ||
	    cases_schema(store_db(G.writer_store)) != MGW_OK ||
	    store_retract_schema(G.writer_store) != MGW_OK ||           /* h13-life */
	    actions_schema(store_db(G.writer_store)) != MGW_OK || /* h12-actions */
	    markers_schema(store_db(G.writer_store)) != MGW_OK ||
	    outbox_guard_schema(G.writer_store) != MGW_OK ||
	    flags_schema(store_db(G.writer_store)) != MGW_OK) {
		snprintf(err, errlen, "cannot create the referral tables");
		return MGW_E_DB;
	}
	return audit_tree_open(&G, G.writer_store, err, errlen);
}

static void close_writer(void)
{
	ack_wr_close();
	outbox_guard_wr_close();
	audit_tree_close(&G);
	store_close(G.writer_store);
	G.writer_store = NULL;
}

/*
 * File descriptors a configuration needs: a node slot and a handshake slot
 * per connection (the pool is at least MGW_REGISTERED_RESERVE_MIN), plus
 * the store, the log, the listeners and lws's own.
 */
static unsigned long nofile_needed(const struct mgw_config *c)
{
	unsigned long pool = c->max_connections > MGW_REGISTERED_RESERVE_MIN
				     ? c->max_connections
				     : MGW_REGISTERED_RESERVE_MIN;
	return (unsigned long)c->max_connections + pool + MGW_NOFILE_SPARE;
}

/*
 * Before the lws context exists (it sizes its fd tables from the limit):
 * raise the soft RLIMIT_NOFILE to the hard limit (at most MGW_NOFILE_MAX)
 * and say so; warn, not fail, when even that is below what max_connections
 * needs: connections past it are refused by the kernel at accept. Under the
 * systemd unit LimitNOFILE sets soft = hard, so no setrlimit call is made
 * (the unit's seccomp filter denies @resources).
 */
static void nofile_check(const struct mgw_config *c)
{
	struct rlimit rl;
	char cur[24], need[24];
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < nofile_needed(c)) {
		snprintf(cur, sizeof cur, "%llu", (unsigned long long)rl.rlim_cur);
		snprintf(need, sizeof need, "%lu", nofile_needed(c));
		log_event(LOG_WARN, "nofile_too_low", "limit", cur, "needed", need, "detail",
			  "limits.max_connections needs more file descriptors: raise LimitNOFILE "
			  "(or ulimit -n)", NULL);
	}
}

static void nofile_raise(const struct mgw_config *c)
{
	struct rlimit rl;
	char cur[24], max[24];
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	rlim_t want = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > MGW_NOFILE_MAX
			      ? MGW_NOFILE_MAX
			      : rl.rlim_max;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
		snprintf(cur, sizeof cur, "%llu", (unsigned long long)rl.rlim_cur);
		rl.rlim_cur = want;
		if (setrlimit(RLIMIT_NOFILE, &rl) == 0) {
			snprintf(max, sizeof max, "%llu", (unsigned long long)want);
			log_event(LOG_INFO, "nofile_raised", "from", cur, "to", max, NULL);
		}
	}
	nofile_check(c);
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int serve(void)
{
	char err[1024];
	struct lws_context_creation_info info;
	static lws_retry_bo_t retry;
	const struct mgw_config *c = G.epoch->cfg;
	int rc = 3;

	if (open_writer(err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		close_writer();
		return 3;
	}
	if (store_open(G.state_dir, 1, &G.reader, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		close_writer();
		return 3;
	}
	unsigned pool = c->max_connections > MGW_REGISTERED_RESERVE_MIN ? c->max_connections
									 : MGW_REGISTERED_RESERVE_MIN;
	if (preauth_init(&G, pool) != MGW_OK || executor_start(&G, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: cannot start: %s\n", err);
		close_writer();
		goto out_reader;
	}

	nofile_raise(c);
	lws_set_log_level(LLL_ERR, NULL);
	/* One context, explicit vhosts: the node listener (TLS) and, if configured, metrics. */
	memset(&info, 0, sizeof info);
	info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT | LWS_SERVER_OPTION_EXPLICIT_VHOSTS;
	/*
	 * fd tables sized by RLIMIT_NOFILE (raised above): lws maps an fd to its
	 * connection by index only when fd_limit_per_thread is not below the
	 * limit; a smaller value made every event scan the whole table.
	 */
	info.fd_limit_per_thread = 0;
	info.count_threads = 1;
	unsigned pre = c->handshake_timeout_secs < MGW_PREAUTH_TIMEOUT_SECS ? c->handshake_timeout_secs
									   : MGW_PREAUTH_TIMEOUT_SECS;
	info.timeout_secs = pre;
	__atomic_store_n(&G.ctx, lws_create_context(&info), __ATOMIC_RELEASE);
	if (G.ctx == NULL) {
		fprintf(stderr, "marac-gateway: cannot create the lws context\n");
		goto out_writer;
	}
	sig_set_ctx(G.ctx);
	memset(&info, 0, sizeof info);
	retry.secs_since_valid_ping = (uint16_t)c->idle_ping_secs;
	retry.secs_since_valid_hangup = (uint16_t)(c->idle_ping_secs + c->ping_timeout_secs);
	info.vhost_name = "nodes";
	info.port = c->listen_port;
	info.iface = c->listen_address;
	info.protocols = gw_protocols;
	info.options = LWS_SERVER_OPTION_REQUIRE_VALID_OPENSSL_CLIENT_CERT |
		       (strchr(c->listen_address, ':') ? 0 : LWS_SERVER_OPTION_DISABLE_IPV6);
	info.ssl_cert_filepath = c->tls_cert;
	info.ssl_private_key_filepath = c->tls_key;
	info.ssl_ca_filepath = c->tls_ca;
	info.timeout_secs = pre;
	info.retry_and_idle_policy = &retry;
	G.vhost = lws_create_vhost(G.ctx, &info);
	if (G.vhost == NULL || G.ssl_ctx == NULL) {
		fprintf(stderr, "marac-gateway: cannot listen on %s:%d with the TLS files given\n",
			c->listen_address, c->listen_port);
		goto out_ctx;
	}
	if (c->metrics_port > 0) {
		memset(&info, 0, sizeof info);
		info.vhost_name = "metrics";
		info.port = c->metrics_port;
		info.iface = c->metrics_address;
		info.protocols = metrics_protocols;
		info.options = strchr(c->metrics_address, ':') ? 0 : LWS_SERVER_OPTION_DISABLE_IPV6;
		if (lws_create_vhost(G.ctx, &info) == NULL) {
			fprintf(stderr, "marac-gateway: cannot listen for metrics on %s:%d\n",
				c->metrics_address, c->metrics_port);
			goto out_ctx;
		}
	}
	int port = lws_get_vhost_listen_port(G.vhost);
	if (c->port_file && write_port_file(c->port_file, port) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s: cannot write port file\n", c->port_file);
		goto out_ctx;
	}
	if (drop_privileges(c->user) != MGW_OK) {
		fprintf(stderr, "marac-gateway: cannot drop privileges to user %s\n", c->user);
		goto out_ctx;
	}
	char ports[16], hex[65];
	snprintf(ports, sizeof ports, "%d", port);
	gw_hex(G.epoch->policy_sha256, 32, hex);
	log_event(LOG_INFO, "listening", "address", c->listen_address, "port", ports,
		  "policy_sha256", hex, "version", MARAC_VERSION, NULL);
	audit_gateway_event(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START);
	audit_gateway_event(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_POLICY_LOADED);
	lws_sul_schedule(G.ctx, 0, &tick_sul, tick, LWS_US_PER_SEC);
#ifdef HAVE_SYSTEMD
	sd_notify(0, "READY=1");
#endif
	while (!gw_stopping(&G))
		if (lws_service(G.ctx, 0) < 0)
			break;

	/* Graceful stop: close nodes with 1001 and give them a short grace to
	 * answer; an unresponsive node is then dropped with the context. */
#ifdef HAVE_SYSTEMD
	sd_notify(0, "STOPPING=1");
#endif
	log_event(LOG_INFO, "stopping", NULL);
	/* r-redteam6: first answer what was read. Nothing more is read; the
	 * requests already queued are committed and answered (for a short
	 * while), so a sender is told its share was accepted rather than left
	 * to send it again: they were committed, but closed unanswered. */
	int64_t drain = mono_ms() + MGW_STOP_DRAIN_MS;
	while (sessions_stop_reading(&G) && mono_ms() < drain)
		if (lws_service(G.ctx, 0) < 0)
			break;
	for (struct session *s = G.sessions; s; s = s->next_live)
		session_close(s, LWS_CLOSE_STATUS_GOINGAWAY, "gateway shutting down");
	int64_t deadline = mono_ms() + MGW_STOP_GRACE_MS;
	while (G.sessions && mono_ms() < deadline)
		if (lws_service(G.ctx, 0) < 0)
			break;
	refuse_preauth_flush(&G, 1);
	lookup_svc_flush(&G, 1);
	audit_gateway_event(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_STOP);
	rc = 0;
out_ctx:
	/* The writer wakes the service loop through the context: stop it first. */
	executor_stop(&G);
	gw_handle_completions(&G);
	lws_sul_cancel(&tick_sul);
	sig_set_ctx(NULL);
	lws_context_destroy(G.ctx);
	__atomic_store_n(&G.ctx, NULL, __ATOMIC_RELEASE);
	gw_handle_completions(&G); /* frees what the writer posted last */
	close_writer();
	goto out_reader;
out_writer:
	executor_stop(&G);
	gw_handle_completions(&G);
	close_writer();
out_reader:
	preauth_free(&G);
	outbox_guard_close();
	store_retract_close(); /* h13-life */
	store_close(G.reader);
	G.reader = NULL;
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"check-config", no_argument, NULL, 'n'},
		{"new-audit-key", no_argument, NULL, 'K'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *config = NULL;
	int check = 0, c;
	while ((c = getopt_long(argc, argv, "c:nhV", opts, NULL)) != -1) {
		switch (c) {
		case 'c': config = optarg; break;
		case 'n': check = 1; break;
		case 'K': G.new_audit_key = 1; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("marac-gateway %s\n", MARAC_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (config == NULL || optind != argc) {
		usage(stderr);
		return 2;
	}
	/*
	 * Everything the daemon creates is its own: SQLite creates gateway.db's
	 * -wal and -shm files (every share's views until the checkpoint) with
	 * the process umask, and a state_dir that already existed readable by
	 * others (made by hand, or by an installer) left them 0644 to every
	 * local user outside systemd's UMask=0077.
	 */
	umask(S_IRWXG | S_IRWXO);
	char err[1400];
	G.epoch = epoch_build(config, NULL, 1, err, sizeof err);
	if (G.epoch == NULL) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		return 1;
	}
	const struct mgw_config *cfg = G.epoch->cfg;
	if (check) {
		char hex[65];
		gw_hex(G.epoch->policy_sha256, 32, hex);
		printf("%s: ok (%zu nodes, policy sha256 %s)\n", config, cfg->n_nodes, hex);
		epoch_put(G.epoch);
		return 0;
	}
	int lvl = log_level_from_name(cfg->log_level ? cfg->log_level : "info");
	log_set_level(lvl < 0 ? LOG_INFO : (enum log_level)lvl);
	if (mgw_clock_init() != MGW_OK) { /* h12-actions: the test clock, if asked for */
		fprintf(stderr, "marac-gateway: MARAC_CLOCK_OFFSET_DAYS: an integer number of days "
				"within +-%d\n", MGW_CLOCK_OFFSET_MAX_DAYS);
		return 1;
	}
	G.config_path = config;
	G.state_dir = strdup(cfg->state_dir);
	G.audit_origin = strdup(cfg->audit_origin ? cfg->audit_origin : "marac-gateway");
	if (G.state_dir == NULL || G.audit_origin == NULL) {
		fprintf(stderr, "marac-gateway: out of memory\n");
		return 3;
	}
	pthread_mutex_init(&G.ex.lock, NULL);
	pthread_cond_init(&G.ex.cond, NULL);

	signal(SIGPIPE, SIG_IGN);
	if (sig_start() != 0) {
		fprintf(stderr, "marac-gateway: cannot start the signal thread\n");
		return 3;
	}

	int rc = serve();
	sig_stop();
	if (__atomic_load_n(&G.fatal, __ATOMIC_RELAXED))
		rc = G.fatal;
	epoch_put(G.epoch);
	G.epoch = NULL;
	free(G.state_dir);
	free(G.audit_origin);
	log_event(LOG_INFO, "stopped", NULL);
	return rc;
}
