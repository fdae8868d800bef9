/*
 * main.c: marac-gateway, the daemon.
 *
 *   marac-gateway --config FILE [--check-config]
 *
 * Start-up: load and validate the config and the policy (--check-config
 * stops here: exit 0 if both are valid, 1 with file:line otherwise), open the
 * store (created on first start), start the writer thread, bind, write the
 * bound port to listen.port_file, drop privileges if root, notify systemd,
 * serve. Signal handlers only set flags and wake the loop (STYLE.md 9):
 * SIGHUP reloads (build, validate, swap; keep the old on error), SIGTERM and
 * SIGINT shut down gracefully (close nodes with 1001, finish commits).
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

struct gw G;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: marac-gateway --config FILE [--check-config]\n"
		"       marac-gateway --help | --version\n"
		"\n"
		"The MARAC information-sharing gateway: authenticates agency nodes by\n"
		"TLS client certificate, applies the redaction policy per recipient,\n"
		"stores and forwards shares durably and audits every share and read.\n"
		"\n"
		"  -c, --config FILE   gateway.yaml (see deploy/gateway.yaml)\n"
		"  -n, --check-config  validate the config and the policy, then exit\n"
		"  -h, --help          this text\n"
		"  -V, --version       the version\n"
		"\n"
		"Signals: SIGHUP reloads the node registry, CRL and policy (the old\n"
		"ones stay if the new ones are invalid); SIGTERM/SIGINT stop gracefully.\n"
		"Exit status: 0 clean stop or valid config, 1 invalid config or policy,\n"
		"2 usage, 3 start-up failure (store, TLS, bind).\n");
}

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		G.reload = 1;
	else
		G.stopping = 1;
	if (G.ctx)
		lws_cancel_service(G.ctx);
}

static int load_policy(const struct mgw_config *cfg, struct policy_ref **out, char *err,
		       size_t errlen)
{
	policy *p = NULL;
	int rc = policy_load(cfg->policy_path, &p, err, errlen);
	if (rc != MGW_OK)
		return rc;
	struct policy_ref *r = calloc(1, sizeof *r);
	if (r == NULL) {
		policy_free(p);
		return MGW_E_NOMEM;
	}
	r->p = p;
	r->refs = 1;
	*out = r;
	return MGW_OK;
}

static void audit_event(struct gw *g, int event, const uint8_t *policy_hash)
{
	struct job *j = calloc(1, sizeof *j);
	Marac__V1__AuditRecord *r =
		(Marac__V1__AuditRecord *)codec_new(&marac__v1__audit_record__descriptor);
	if (j == NULL || r == NULL) {
		free(j);
		codec_free(r ? &r->base : NULL);
		return;
	}
	r->event = event;
	if (policy_hash) {
		r->policy_sha256.data = codec_malloc(32);
		if (r->policy_sha256.data) {
			memcpy(r->policy_sha256.data, policy_hash, 32);
			r->policy_sha256.len = 32;
		}
	}
	j->kind = JOB_AUDIT;
	j->rec = r;
	if (writer_submit(g, j) != MGW_OK)
		job_free(j);
}

/*
 * SIGHUP: a new config (registry and limits), CRL and policy, each built
 * and validated before anything is swapped. Listen address, TLS key and
 * state_dir need a restart; a change to them is logged and ignored.
 */
static void reload(struct gw *g)
{
	char err[1024];
	struct mgw_config *nc = NULL;
	if (config_load(g->config_path, &nc, err, sizeof err) != MGW_OK) {
		log_event(LOG_ERROR, "reload_failed", "what", "config", "detail", err, NULL);
		return;
	}
	struct policy_ref *np = NULL;
	if (load_policy(nc, &np, err, sizeof err) != MGW_OK) {
		log_event(LOG_ERROR, "reload_failed", "what", "policy", "detail", err, NULL);
		config_free(nc);
		return;
	}
	struct mgw_config *old = g->cfg;
	g->cfg = nc;
	if (tls_reload_crl(g, err, sizeof err) != MGW_OK) {
		log_event(LOG_ERROR, "reload_failed", "what", "crl", "detail", err, NULL);
		g->cfg = old;
		config_free(nc);
		policy_ref_put(g, np);
		return;
	}
	/*
	 * Sessions copy what they need (node id, agency, roles) at connect, so
	 * the old config can go now. Nodes removed from the registry or whose
	 * certificate the new CRL revokes are disconnected.
	 */
	for (struct session *s = g->sessions; s; s = s->next_live) {
		/* The certificate must still map to the same node, exactly as at connect:
		 * a node re-registered under another fingerprint drops the old cert. */
		const struct mgw_node *n = config_find_node(nc, s->cert_hex, s->subject);
		if (tls_session_revoked(s->wsi)) {
			log_event(LOG_WARN, "session_revoked", "node", s->node, NULL);
			audit_refusal(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				      "cert_revoked", s->node, s->agency, s->cert_sha256, NULL);
			session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "certificate revoked");
		} else if (n == NULL || strcmp(n->id, s->node) != 0 || n->agency != s->agency) {
			log_event(LOG_WARN, "session_unregistered", "node", s->node, NULL);
			session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "node no longer registered");
		} else {
			s->roles = n->roles;
		}
	}
	config_free(old);
	pthread_mutex_lock(&g->lock);
	struct policy_ref *op = g->policy;
	g->policy = np;
	pthread_mutex_unlock(&g->lock);
	policy_ref_put(g, op);
	char hex[65];
	gw_hex(policy_sha256(np->p), 32, hex);
	log_event(LOG_INFO, "reloaded", "policy_sha256", hex, NULL);
	audit_event(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_POLICY_LOADED, policy_sha256(np->p));
}

void gw_on_signals(struct gw *g)
{
	if (g->reload) {
		g->reload = 0;
		reload(g);
	}
}

static int write_port_file(const char *path, int port)
{
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (f == NULL)
		return MGW_E_IO;
	fprintf(f, "%d\n", port);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		fclose(f);
		return MGW_E_IO;
	}
	fclose(f);
	return rename(tmp, path) == 0 ? MGW_OK : MGW_E_IO;
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

static int serve(void)
{
	char err[1024];
	struct lws_context_creation_info info;
	static lws_retry_bo_t retry;
	int rc = 3;

	if (store_open(G.cfg->state_dir, 0, &G.writer_store, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		return 3;
	}
	store_close(G.writer_store); /* created; the writer reopens it */
	G.writer_store = NULL;
	if (store_open(G.cfg->state_dir, 1, &G.reader, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		return 3;
	}
	if (writer_start(&G, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		goto out_reader;
	}

	lws_set_log_level(LLL_ERR, NULL);
	/* One context, explicit vhosts: the node listener (TLS) and, if configured, metrics. */
	memset(&info, 0, sizeof info);
	info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT | LWS_SERVER_OPTION_EXPLICIT_VHOSTS;
	info.fd_limit_per_thread = G.cfg->max_connections + 64;
	info.count_threads = 1;
	info.timeout_secs = G.cfg->handshake_timeout_secs;
	G.ctx = lws_create_context(&info);
	if (G.ctx == NULL) {
		fprintf(stderr, "marac-gateway: cannot create the lws context\n");
		goto out_writer;
	}
	memset(&info, 0, sizeof info);
	retry.secs_since_valid_ping = (uint16_t)G.cfg->idle_ping_secs;
	retry.secs_since_valid_hangup = (uint16_t)(G.cfg->idle_ping_secs + G.cfg->ping_timeout_secs);
	info.vhost_name = "nodes";
	info.port = G.cfg->listen_port;
	info.iface = G.cfg->listen_address;
	info.protocols = gw_protocols;
	info.options = LWS_SERVER_OPTION_REQUIRE_VALID_OPENSSL_CLIENT_CERT |
		       (strchr(G.cfg->listen_address, ':') ? 0 : LWS_SERVER_OPTION_DISABLE_IPV6);
	info.ssl_cert_filepath = G.cfg->tls_cert;
	info.ssl_private_key_filepath = G.cfg->tls_key;
	info.ssl_ca_filepath = G.cfg->tls_ca;
	info.timeout_secs = G.cfg->handshake_timeout_secs;
	info.retry_and_idle_policy = &retry;
	G.vhost = lws_create_vhost(G.ctx, &info);
	if (G.vhost == NULL || G.ssl_ctx == NULL) {
		fprintf(stderr, "marac-gateway: cannot listen on %s:%d with the TLS files given\n",
			G.cfg->listen_address, G.cfg->listen_port);
		goto out_ctx;
	}
	if (G.cfg->metrics_port > 0) {
		memset(&info, 0, sizeof info);
		info.vhost_name = "metrics";
		info.port = G.cfg->metrics_port;
		info.iface = G.cfg->metrics_address;
		info.protocols = metrics_protocols;
		info.options = strchr(G.cfg->metrics_address, ':') ? 0 : LWS_SERVER_OPTION_DISABLE_IPV6;
		if (lws_create_vhost(G.ctx, &info) == NULL) {
			fprintf(stderr, "marac-gateway: cannot listen for metrics on %s:%d\n",
				G.cfg->metrics_address, G.cfg->metrics_port);
			goto out_ctx;
		}
	}
	int port = lws_get_vhost_listen_port(G.vhost);
	if (G.cfg->port_file && write_port_file(G.cfg->port_file, port) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s: cannot write port file\n", G.cfg->port_file);
		goto out_ctx;
	}
	if (drop_privileges(G.cfg->user) != MGW_OK) {
		fprintf(stderr, "marac-gateway: cannot drop privileges to user %s\n", G.cfg->user);
		goto out_ctx;
	}
	char ports[16], hex[65];
	snprintf(ports, sizeof ports, "%d", port);
	gw_hex(policy_sha256(G.policy->p), 32, hex);
	log_event(LOG_INFO, "listening", "address", G.cfg->listen_address, "port", ports,
		  "policy_sha256", hex, "version", MARAC_VERSION, NULL);
	audit_event(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START, policy_sha256(G.policy->p));
	audit_event(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_POLICY_LOADED, policy_sha256(G.policy->p));
#ifdef HAVE_SYSTEMD
	sd_notify(0, "READY=1");
#endif
	while (!G.stopping)
		if (lws_service(G.ctx, 0) < 0)
			break;

	/* Graceful stop: close nodes with 1001, let the closes flush, finish commits. */
#ifdef HAVE_SYSTEMD
	sd_notify(0, "STOPPING=1");
#endif
	log_event(LOG_INFO, "stopping", NULL);
	for (struct session *s = G.sessions; s; s = s->next_live)
		session_close(s, LWS_CLOSE_STATUS_GOINGAWAY, "gateway shutting down");
	for (int i = 0; i < 200 && G.sessions; i++)
		lws_service(G.ctx, 0);
	audit_event(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_STOP, NULL);
	rc = 0;
out_ctx:
	/* The writer wakes the service loop through the context: stop it first. */
	writer_stop(&G);
	gw_handle_completions(&G);
	lws_context_destroy(G.ctx);
	G.ctx = NULL;
	gw_handle_completions(&G); /* frees what the writer posted last */
	goto out_reader;
out_writer:
	writer_stop(&G);
	gw_handle_completions(&G);
out_reader:
	store_close(G.reader);
	G.reader = NULL;
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"check-config", no_argument, NULL, 'n'},
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
		case 'h': usage(stdout); return 0;
		case 'V': printf("marac-gateway %s\n", MARAC_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (config == NULL || optind != argc) {
		usage(stderr);
		return 2;
	}
	char err[1024];
	if (config_load(config, &G.cfg, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		return 1;
	}
	if (G.cfg->policy_path == NULL) {
		fprintf(stderr, "marac-gateway: %s: no policy: set \"policy:\" (default deny "
				"would withhold every field)\n", config);
		config_free(G.cfg);
		return 1;
	}
	if (load_policy(G.cfg, &G.policy, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "marac-gateway: %s\n", err);
		config_free(G.cfg);
		return 1;
	}
	if (check) {
		char hex[65];
		gw_hex(policy_sha256(G.policy->p), 32, hex);
		printf("%s: ok (%zu nodes, policy sha256 %s)\n", config, G.cfg->n_nodes, hex);
		policy_ref_put(&G, G.policy);
		config_free(G.cfg);
		return 0;
	}
	int lvl = log_level_from_name(G.cfg->log_level ? G.cfg->log_level : "info");
	log_set_level(lvl < 0 ? LOG_INFO : (enum log_level)lvl);
	G.config_path = config;
	pthread_mutex_init(&G.lock, NULL);
	pthread_cond_init(&G.cond, NULL);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	int rc = serve();
	policy_ref_put(&G, G.policy);
	tls_cleanup();
	config_free(G.cfg);
	log_event(LOG_INFO, "stopped", NULL);
	return rc;
}
