/*
 * bench_vs_mosquitto.c: the gateway and Mosquitto side by side, same job,
 * interleaved in one run (issue 11 item 4).
 *
 *   bench_vs_mosquitto --gateway-bin B --policy P [--mosquitto-bin M]
 *       [--secs 5] [--rounds 2] [--window 100] [--fanouts 1,4,8]
 *       [--payloads 2048,32768,524288] [--floor-secs 3] [--idle 0,1000,5000,10000]
 *       [--settle 1] [--out result.json] [--keep DIR]
 *
 * One process does everything, so every latency is read from one clock:
 *  - a fresh PKI in a temporary directory (EC P-256, made here with the
 *    OpenSSL API): a CA, the server certificate (both servers use it), one
 *    sender, up to 8 recipients and one certificate per idle connection;
 *  - the gateway's registry holds ONLY the nodes that connect (the sender,
 *    the recipients; the idle nodes in a second config used only for the
 *    idle series), so no share is delivered to a node that never acks;
 *  - both servers on loopback with mutual TLS 1.3: the gateway as configured
 *    here (synchronous=FULL: each share durable before ShareAccepted);
 *    Mosquitto with require_certificate, use_identity_as_username,
 *    persistence true (its autosave: NOT durable per message), QoS 1,
 *    persistent subscribers (clean session false);
 *  - the job: 1 sender to N recipients, payload P, W in flight, a message
 *    counting as in flight until every recipient has it; run for --secs,
 *    then drained. Each (fan-out, payload) job runs gateway, Mosquitto,
 *    gateway, Mosquitto ... (--rounds each); figures are the median round.
 *
 * Measured per job: deliveries/s (deliveries over first send .. last
 * delivery), server CPU per message (utime + stime of the server process
 * from /proc/PID/stat over the job, divided by messages), accept p50/p99
 * (send to ShareAccepted; send to PUBACK), delivery p50/p99 (send to
 * receipt at each recipient). The floor: fan-out 1, 2 KiB, one in flight.
 * The idle series: RSS (VmRSS) of each freshly started server with 0, 1k,
 * ... idle authenticated connections (gateway: TLS, upgrade, Hello/Welcome;
 * Mosquitto: TLS, CONNECT clean session false, SUBSCRIBE QoS 1), at most 8
 * handshakes at a time (the gateway's per-address pre-auth cap).
 *
 * Clients: the gateway's are driven here over OpenSSL and a minimal RFC 6455
 * client in one epoll loop (frames masked with a zero key: the gateway only
 * requires the mask bit); Mosquitto's job uses libmosquitto (one network
 * thread per client, mosquitto_loop_start), its idle series the same epoll
 * loop with hand-made MQTT 3.1.1 CONNECT/SUBSCRIBE packets. Both servers'
 * CPU is their own; the client shares the machine with them.
 *
 * Output: a table on stdout and JSON (--out): per job both servers' figures
 * and the ratios gateway/Mosquitto. Exit 0 when every job completed, 1 when
 * any failed (message on stderr), 2 on usage.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <mosquitto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "codec.h"
#include "harness_ws.h"

#define MAX_FANOUT 8
#define MAX_SERIES 8
#define HANDSHAKES_AT_ONCE 8 /* the gateway's default limits.preauth_per_address */

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Servers started by this process: stopped however it ends. */
static pid_t children[2];

static void kill_children(void)
{
	for (int i = 0; i < 2; i++)
		if (children[i] > 0) {
			kill(children[i], SIGKILL);
			waitpid(children[i], NULL, 0);
			children[i] = 0;
		}
}

static void on_fatal_signal(int sig)
{
	for (int i = 0; i < 2; i++)
		if (children[i] > 0)
			kill(children[i], SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bench_vs_mosquitto: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static int parse_list(const char *s, long *out, int max)
{
	int n = 0;
	char *d = strdup(s), *save = NULL;
	for (char *t = strtok_r(d, ",", &save); t && n < max; t = strtok_r(NULL, ",", &save))
		out[n++] = atol(t);
	free(d);
	return n;
}

/* ---- options -------------------------------------------------------------- */

static struct {
	const char *gw_bin, *mq_bin, *policy, *out, *keep;
	double secs, floor_secs, settle;
	int rounds, window;
	long fanouts[MAX_SERIES], payloads[MAX_SERIES], idle[MAX_SERIES];
	int n_fanouts, n_payloads, n_idle;
} O;

/* ---- PKI -------------------------------------------------------------------- */

struct ident {
	char name[48];
	X509 *crt;
	EVP_PKEY *key; /* shared by the idle identities */
	char fp[16 + 96];
};

static struct {
	char dir[256];
	EVP_PKEY *ca_key, *srv_key, *idle_key;
	X509 *ca, *srv;
	struct ident sender, rcpt[MAX_FANOUT], *idle;
	long n_idle;
	long serial;
} P;

static void add_ext(X509 *x, X509V3_CTX *ctx, int nid, const char *v)
{
	X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, ctx, nid, v);
	if (e == NULL || X509_add_ext(x, e, -1) != 1)
		die("certificate extension %d", nid);
	X509_EXTENSION_free(e);
}

enum cert_kind { CERT_CA, CERT_SERVER, CERT_CLIENT };

static X509 *make_cert(const char *ou, const char *cn, EVP_PKEY *key, enum cert_kind kind)
{
	X509 *x = X509_new();
	X509_NAME *n = X509_NAME_new();
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), ++P.serial);
	X509_gmtime_adj(X509_getm_notBefore(x), -3600);
	X509_gmtime_adj(X509_getm_notAfter(x), 30L * 86400);
	X509_set_pubkey(x, key);
	X509_NAME_add_entry_by_txt(n, "O", MBSTRING_ASC, (const unsigned char *)"MARAC Bench", -1,
				   -1, 0);
	if (ou)
		X509_NAME_add_entry_by_txt(n, "OU", MBSTRING_ASC, (const unsigned char *)ou, -1, -1,
					   0);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
	X509_set_subject_name(x, n);
	X509_set_issuer_name(x, kind == CERT_CA ? n : X509_get_subject_name(P.ca));
	X509V3_CTX ctx;
	X509V3_set_ctx_nodb(&ctx);
	X509V3_set_ctx(&ctx, kind == CERT_CA ? x : P.ca, x, NULL, NULL, 0);
	add_ext(x, &ctx, NID_basic_constraints, kind == CERT_CA ? "critical,CA:TRUE"
								 : "critical,CA:FALSE");
	add_ext(x, &ctx, NID_key_usage, kind == CERT_CA ? "critical,keyCertSign,cRLSign"
							: "critical,digitalSignature");
	add_ext(x, &ctx, NID_subject_key_identifier, "hash");
	if (kind != CERT_CA)
		add_ext(x, &ctx, NID_authority_key_identifier, "keyid");
	if (kind == CERT_SERVER) {
		add_ext(x, &ctx, NID_ext_key_usage, "serverAuth");
		add_ext(x, &ctx, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
	} else if (kind == CERT_CLIENT) {
		add_ext(x, &ctx, NID_ext_key_usage, "clientAuth");
	}
	if (X509_sign(x, kind == CERT_CA ? key : P.ca_key, EVP_sha256()) <= 0)
		die("cannot sign a certificate");
	X509_NAME_free(n);
	return x;
}

static void write_pem(const char *name, X509 *x, EVP_PKEY *k)
{
	char p[512];
	FILE *f;
	if (x) {
		snprintf(p, sizeof p, "%s/%s.crt", P.dir, name);
		if ((f = fopen(p, "w")) == NULL || PEM_write_X509(f, x) != 1)
			die("%s: cannot write", p);
		fclose(f);
	}
	if (k) {
		snprintf(p, sizeof p, "%s/%s.key", P.dir, name);
		if ((f = fopen(p, "w")) == NULL ||
		    PEM_write_PrivateKey(f, k, NULL, NULL, 0, NULL, NULL) != 1)
			die("%s: cannot write", p);
		fclose(f);
		chmod(p, 0600);
	}
}

static void fingerprint(X509 *x, char *out)
{
	unsigned char md[32];
	unsigned n = 0;
	X509_digest(x, EVP_sha256(), md, &n);
	char *p = out + sprintf(out, "sha256:");
	for (unsigned i = 0; i < n; i++)
		p += sprintf(p, "%s%02X", i ? ":" : "", md[i]);
}

static void make_ident(struct ident *id, const char *name, const char *ou, EVP_PKEY *shared)
{
	snprintf(id->name, sizeof id->name, "%s", name);
	id->key = shared ? shared : EVP_EC_gen("P-256");
	id->crt = make_cert(ou, name, id->key, CERT_CLIENT);
	fingerprint(id->crt, id->fp);
	if (!shared)
		write_pem(name, id->crt, id->key);
}

/* Agencies of the recipients: every non-police agency, then a second health node. */
static const char *const RCPT_AGENCY[MAX_FANOUT] = {
	"childrens_social_care", "adult_social_care", "health", "idva",
	"probation", "housing", "education", "health"};
static const int RCPT_AGENCY_NUM[MAX_FANOUT] = {2, 3, 4, 5, 6, 7, 8, 4};

static void make_pki(long n_idle)
{
	P.ca_key = EVP_EC_gen("P-256");
	P.ca = make_cert(NULL, "MARAC Bench CA", P.ca_key, CERT_CA);
	write_pem("ca", P.ca, NULL);
	P.srv_key = EVP_EC_gen("P-256");
	P.srv = make_cert(NULL, "marac-gateway", P.srv_key, CERT_SERVER);
	write_pem("server", P.srv, P.srv_key);
	make_ident(&P.sender, "bench-sender", "police", NULL);
	for (int i = 0; i < MAX_FANOUT; i++) {
		char n[32];
		snprintf(n, sizeof n, "bench-r%d", i + 1);
		make_ident(&P.rcpt[i], n, RCPT_AGENCY[i], NULL);
	}
	P.n_idle = n_idle;
	if (n_idle) {
		P.idle_key = EVP_EC_gen("P-256");
		P.idle = calloc((size_t)n_idle, sizeof *P.idle);
		for (long i = 0; i < n_idle; i++) {
			char n[32];
			snprintf(n, sizeof n, "idle-%05ld", i);
			make_ident(&P.idle[i], n, "health", P.idle_key);
		}
	}
}

/* The gateway config: the job's nodes, or (idle) the idle nodes only. */
static void write_gateway_yaml(const char *file, const char *state, int idle)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", P.dir, file);
	FILE *f = fopen(p, "w");
	if (f == NULL)
		die("%s: cannot write", p);
	fprintf(f, "listen:\n  address: 127.0.0.1\n  port: 0\n  port_file: %s.port\n", file);
	fprintf(f, "tls:\n  cert: server.crt\n  key: server.key\n  ca: ca.crt\n");
	fprintf(f, "state_dir: %s\npolicy: '%s'\n", state, O.policy);
	fprintf(f, "log:\n  level: warn\n");
	fprintf(f, "limits:\n  max_in_flight: 1024\n  delivery_window: 1024\n"
		   "  max_connections: %ld\n", idle ? P.n_idle + 16 : 64);
	fprintf(f, "nodes:\n");
	if (idle) {
		for (long i = 0; i < P.n_idle; i++)
			fprintf(f, "  - id: %s\n    agency: health\n    fingerprint: \"%s\"\n"
				   "    roles: [node]\n    areas: [idle]\n",
				P.idle[i].name, P.idle[i].fp);
		fclose(f);
		return;
	}
	fprintf(f, "  - id: %s\n    agency: police\n    fingerprint: \"%s\"\n    roles: [node]\n"
		   "    areas: [", P.sender.name, P.sender.fp);
	for (int k = 0; k < O.n_fanouts; k++)
		fprintf(f, "%sf%ld", k ? ", " : "", O.fanouts[k]);
	fprintf(f, "]\n");
	for (int i = 0; i < MAX_FANOUT; i++) {
		int any = 0;
		for (int k = 0; k < O.n_fanouts; k++)
			any |= i < O.fanouts[k];
		if (!any)
			continue;
		fprintf(f, "  - id: %s\n    agency: %s\n    fingerprint: \"%s\"\n    roles: [node]\n"
			   "    areas: [", P.rcpt[i].name, RCPT_AGENCY[i], P.rcpt[i].fp);
		for (int k = 0, first = 1; k < O.n_fanouts; k++)
			if (i < O.fanouts[k]) {
				fprintf(f, "%sf%ld", first ? "" : ", ", O.fanouts[k]);
				first = 0;
			}
		fprintf(f, "]\n");
	}
	fclose(f);
}

static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t l = sizeof a;
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &l) != 0)
		die("no free port");
	close(fd);
	return ntohs(a.sin_port);
}

static void write_mosquitto_conf(const char *file, const char *state, int port)
{
	char p[512];
	snprintf(p, sizeof p, "%s/%s", P.dir, file);
	FILE *f = fopen(p, "w");
	if (f == NULL)
		die("%s: cannot write", p);
	if (geteuid() == 0)
		fprintf(f, "user root\n");
	fprintf(f, "per_listener_settings false\nallow_anonymous false\n"
		   "persistence true\npersistence_location %s/%s/\n"
		   "max_inflight_messages 0\nmax_queued_messages 0\n"
		   "log_dest stderr\nlog_type error\nlog_type warning\n"
		   "listener %d 127.0.0.1\ncafile %s/ca.crt\ncertfile %s/server.crt\n"
		   "keyfile %s/server.key\nrequire_certificate true\n"
		   "use_identity_as_username true\ntls_version tlsv1.3\n",
		P.dir, state, port, P.dir, P.dir, P.dir);
	fclose(f);
	snprintf(p, sizeof p, "%s/%s", P.dir, state);
	mkdir(p, 0700);
}

/* ---- servers -------------------------------------------------------------------- */

struct server {
	const char *what;
	pid_t pid;
	int port;
};

static pid_t spawn(char *const argv[], const char *log)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (fd >= 0)
			dup2(fd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	for (int i = 0; i < 2; i++)
		if (children[i] <= 0) {
			children[i] = pid;
			break;
		}
	return pid;
}

static int try_connect(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	int ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

static void start_gateway(struct server *s, const char *yaml)
{
	char cfg[512], log[512], portf[512];
	snprintf(cfg, sizeof cfg, "%s/%s", P.dir, yaml);
	snprintf(log, sizeof log, "%s/gateway.log", P.dir);
	snprintf(portf, sizeof portf, "%s/%s.port", P.dir, yaml);
	unlink(portf);
	char *argv[] = {(char *)O.gw_bin, "--config", cfg, NULL};
	s->what = "gateway";
	s->pid = spawn(argv, log);
	for (int i = 0; i < 300; i++) {
		FILE *f = fopen(portf, "r");
		if (f && fscanf(f, "%d", &s->port) == 1) {
			fclose(f);
			return;
		}
		if (f)
			fclose(f);
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid)
			die("the gateway exited at start: see %s", log);
		usleep(50000);
	}
	die("the gateway did not start: see %s", log);
}

static void start_mosquitto(struct server *s, const char *conf)
{
	char cfg[512], log[512];
	snprintf(cfg, sizeof cfg, "%s/%s", P.dir, conf);
	snprintf(log, sizeof log, "%s/mosquitto.log", P.dir);
	char *argv[] = {(char *)O.mq_bin, "-c", cfg, NULL};
	s->what = "mosquitto";
	s->pid = spawn(argv, log);
	for (int i = 0; i < 300; i++) {
		if (try_connect(s->port))
			return;
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid)
			die("mosquitto exited at start: see %s", log);
		usleep(50000);
	}
	die("mosquitto did not start: see %s", log);
}

static void stop_server(struct server *s)
{
	if (s->pid <= 0)
		return;
	kill(s->pid, SIGTERM);
	for (int i = 0; i < 200 && waitpid(s->pid, NULL, WNOHANG) == 0; i++)
		usleep(50000);
	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
	for (int i = 0; i < 2; i++)
		if (children[i] == s->pid)
			children[i] = 0;
	s->pid = 0;
}

/* utime + stime of a process, in seconds. */
static double proc_cpu(pid_t pid)
{
	char p[64], buf[1024];
	snprintf(p, sizeof p, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(p, "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = 0;
	char *s = strrchr(buf, ')');
	unsigned long ut = 0, st = 0;
	/* after ")": state(3) ... utime is field 14, stime 15 */
	if (s == NULL || sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut,
				&st) != 2)
		return 0;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static long proc_rss_kib(pid_t pid)
{
	char p[64], line[256];
	long kb = -1;
	snprintf(p, sizeof p, "/proc/%d/status", (int)pid);
	FILE *f = fopen(p, "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/* ---- the epoll client: TLS, then a WebSocket (gateway) or MQTT (Mosquitto) ---- */

enum proto { PR_GW, PR_MQ };
enum cstate { C_TCP, C_TLS, C_UPGRADE, C_HELLO, C_CONNACK, C_SUBACK, C_READY, C_DEAD };

struct conn;
typedef void (*on_frame_fn)(struct conn *c, Marac__V1__Frame *f);

struct conn {
	int fd;
	SSL *ssl;
	enum proto proto;
	enum cstate state;
	unsigned events;
	int idx; /* caller's: 0 sender, 1.. recipient */
	const struct ident *id;
	uint8_t *rx;
	size_t rx_len, rx_cap;
	uint8_t *tx;
	size_t tx_off, tx_len, tx_cap;
	on_frame_fn on_frame;
};

static SSL_CTX *client_ctx;
static int ep = -1;
static int n_handshaking;

static void buf_put(uint8_t **b, size_t *len, size_t *cap, const void *p, size_t n)
{
	if (*len + n > *cap) {
		size_t nc = *cap ? *cap : 4096;
		while (nc < *len + n)
			nc *= 2;
		if ((*b = realloc(*b, nc)) == NULL)
			die("out of memory");
		*cap = nc;
	}
	memcpy(*b + *len, p, n);
	*len += n;
}

static void conn_fail(struct conn *c, const char *why)
{
	if (c->state == C_DEAD)
		return;
	if (c->state < C_READY)
		n_handshaking--;
	fprintf(stderr, "bench_vs_mosquitto: %s connection %s: %s\n",
		c->proto == PR_GW ? "gateway" : "mosquitto", c->id ? c->id->name : "?", why);
	c->state = C_DEAD;
	epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
}

static void ws_send(struct conn *c, const uint8_t *p, size_t n, int opcode)
{
	uint8_t h[WS_FRAME_HEADER_MAX];
	/* the zero mask key: payload goes as is */
	size_t hn = ws_frame_header(h, opcode, 1, n, ws_zero_key);
	if (c->tx_off == c->tx_len)
		c->tx_off = c->tx_len = 0;
	buf_put(&c->tx, &c->tx_len, &c->tx_cap, h, hn);
	buf_put(&c->tx, &c->tx_len, &c->tx_cap, p, n);
}

static void send_frame(struct conn *c, const Marac__V1__Frame *f)
{
	size_t n = marac__v1__frame__get_packed_size(f);
	uint8_t *b = malloc(n ? n : 1);
	marac__v1__frame__pack(f, b);
	ws_send(c, b, n, 2);
	free(b);
}

static void mq_put(struct conn *c, const void *p, size_t n)
{
	if (c->tx_off == c->tx_len)
		c->tx_off = c->tx_len = 0;
	buf_put(&c->tx, &c->tx_len, &c->tx_cap, p, n);
}

/* MQTT 3.1.1 CONNECT (clean session 0, keepalive 600 s, client id = CN). */
static void mq_connect(struct conn *c)
{
	uint8_t b[128];
	size_t idl = strlen(c->id->name), n = 0;
	size_t rem = 10 + 2 + idl;
	b[n++] = 0x10;
	b[n++] = (uint8_t)rem;
	memcpy(b + n, "\0\4MQTT\4\0\x02\x58", 10);
	n += 10;
	b[n++] = 0;
	b[n++] = (uint8_t)idl;
	memcpy(b + n, c->id->name, idl);
	n += idl;
	mq_put(c, b, n);
}

static void mq_subscribe(struct conn *c)
{
	char topic[64];
	int tl = snprintf(topic, sizeof topic, "idle/%s", c->id->name);
	uint8_t b[96];
	size_t n = 0;
	b[n++] = 0x82;
	b[n++] = (uint8_t)(2 + 2 + tl + 1);
	b[n++] = 0;
	b[n++] = 1;
	b[n++] = 0;
	b[n++] = (uint8_t)tl;
	memcpy(b + n, topic, (size_t)tl);
	n += (size_t)tl;
	b[n++] = 1;
	mq_put(c, b, n);
}

static void gw_upgrade(struct conn *c)
{
	static const char req[] = "GET /v1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
				  "Connection: Upgrade\r\nSec-WebSocket-Key: bWFyYWMtYmVuY2gta2V5IQ==\r\n"
				  "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: marac.v1\r\n\r\n";
	mq_put(c, req, sizeof req - 1);
}

static void gw_hello(struct conn *c)
{
	Marac__V1__Hello h = MARAC__V1__HELLO__INIT;
	h.protocol_version = 1;
	h.client_software = "bench_vs_mosquitto";
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_HELLO;
	f.hello = &h;
	send_frame(c, &f);
}

static void became_ready(struct conn *c)
{
	c->state = C_READY;
	n_handshaking--;
}

/* Consume whole messages from c->rx. */
static void parse(struct conn *c)
{
	size_t off = 0;
	while (c->state != C_DEAD) {
		uint8_t *p = c->rx + off;
		size_t n = c->rx_len - off;
		if (c->state == C_UPGRADE) {
			void *end = memmem(p, n, "\r\n\r\n", 4);
			if (end == NULL)
				break;
			if (n < 12 || memcmp(p, "HTTP/1.1 101", 12) != 0) {
				conn_fail(c, "upgrade refused");
				break;
			}
			off += (size_t)((uint8_t *)end - p) + 4;
			c->state = C_HELLO;
			gw_hello(c);
			continue;
		}
		if (c->proto == PR_MQ) {
			/* fixed header, remaining length (varint) */
			if (n < 2)
				break;
			size_t rem = 0, hl = 1;
			int shift = 0;
			while (hl < n && hl < 5) {
				rem |= (size_t)(p[hl] & 0x7f) << shift;
				shift += 7;
				if (!(p[hl++] & 0x80))
					break;
			}
			if (hl >= n && rem)
				break;
			if (n < hl + rem)
				break;
			uint8_t type = p[0] >> 4;
			if (c->state == C_CONNACK && type == 2) {
				if (rem < 2 || p[hl + 1] != 0) {
					conn_fail(c, "CONNACK refused");
					break;
				}
				c->state = C_SUBACK;
				mq_subscribe(c);
			} else if (c->state == C_SUBACK && type == 9) {
				became_ready(c);
			}
			off += hl + rem;
			continue;
		}
		/* WebSocket frame from the server: never masked */
		if (n < 2)
			break;
		uint8_t op = p[0] & 0x0f;
		size_t len = p[1] & 0x7f, hl = 2;
		if (len == 126) {
			if (n < 4)
				break;
			len = (size_t)p[2] << 8 | p[3];
			hl = 4;
		} else if (len == 127) {
			if (n < 10)
				break;
			len = 0;
			for (int i = 0; i < 8; i++)
				len = len << 8 | p[2 + i];
			hl = 10;
		}
		if (n < hl + len)
			break;
		off += hl + len;
		if (!(p[0] & 0x80)) {
			conn_fail(c, "fragmented message (not expected from lws_write)");
			break;
		}
		if (op == 9) {
			ws_send(c, p + hl, len, 10);
			continue;
		}
		if (op == 8) {
			conn_fail(c, len >= 2 ? "closed by the gateway" : "closed");
			break;
		}
		if (op != 2)
			continue;
		Marac__V1__Frame *f = marac__v1__frame__unpack(NULL, len, p + hl);
		if (f == NULL) {
			conn_fail(c, "undecodable frame");
			break;
		}
		if (c->state == C_HELLO) {
			if (f->body_case != MARAC__V1__FRAME__BODY_WELCOME)
				conn_fail(c, "no Welcome");
			else
				became_ready(c);
		} else if (c->on_frame) {
			c->on_frame(c, f);
		}
		marac__v1__frame__free_unpacked(f, NULL);
	}
	if (off) {
		memmove(c->rx, c->rx + off, c->rx_len - off);
		c->rx_len -= off;
	}
}

static void set_events(struct conn *c, unsigned ev)
{
	if (c->state == C_DEAD || ev == c->events)
		return;
	struct epoll_event e = {.events = ev, .data.ptr = c};
	epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &e);
	c->events = ev;
}

static void tls_done(struct conn *c)
{
	if (c->proto == PR_GW) {
		c->state = C_UPGRADE;
		gw_upgrade(c);
	} else {
		c->state = C_CONNACK;
		mq_connect(c);
	}
}

static void drive(struct conn *c)
{
	unsigned want = EPOLLIN;
	if (c->state == C_TCP) {
		int err = 0;
		socklen_t l = sizeof err;
		getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
		if (err) {
			conn_fail(c, strerror(err));
			return;
		}
		c->state = C_TLS;
	}
	if (c->state == C_TLS) {
		int r = SSL_connect(c->ssl);
		if (r == 1) {
			tls_done(c);
		} else {
			int e = SSL_get_error(c->ssl, r);
			if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
				set_events(c, e == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT);
				return;
			}
			conn_fail(c, "TLS handshake failed");
			return;
		}
	}
	for (int progress = 1; progress && c->state != C_DEAD;) {
		progress = 0;
		while (c->tx_off < c->tx_len) {
			int w = SSL_write(c->ssl, c->tx + c->tx_off, (int)(c->tx_len - c->tx_off));
			if (w <= 0) {
				int e = SSL_get_error(c->ssl, w);
				if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ)
					break;
				conn_fail(c, "write failed");
				return;
			}
			c->tx_off += (size_t)w;
		}
		for (;;) {
			if (c->rx_cap - c->rx_len < 16384) {
				c->rx_cap = c->rx_cap * 2 + 16384;
				if ((c->rx = realloc(c->rx, c->rx_cap)) == NULL)
					die("out of memory");
			}
			int r = SSL_read(c->ssl, c->rx + c->rx_len, (int)(c->rx_cap - c->rx_len));
			if (r <= 0) {
				int e = SSL_get_error(c->ssl, r);
				if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
					break;
				conn_fail(c, "closed by the server");
				return;
			}
			c->rx_len += (size_t)r;
			progress = 1;
		}
		if (progress) {
			size_t before = c->tx_len - c->tx_off;
			parse(c);
			progress = c->tx_len - c->tx_off != before;
		}
	}
	if (c->tx_off < c->tx_len)
		want |= EPOLLOUT;
	set_events(c, want);
}

static struct conn *conn_open(enum proto pr, int port, const struct ident *id, int idx)
{
	struct conn *c = calloc(1, sizeof *c);
	c->proto = pr;
	c->id = id;
	c->idx = idx;
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (c->fd < 0)
		die("socket: %s (raise ulimit -n)", strerror(errno));
	int one = 1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0 && errno != EINPROGRESS)
		die("connect: %s", strerror(errno));
	c->ssl = SSL_new(client_ctx);
	SSL_set_fd(c->ssl, c->fd);
	SSL_set_tlsext_host_name(c->ssl, "localhost");
	SSL_use_certificate(c->ssl, id->crt);
	SSL_use_PrivateKey(c->ssl, id->key);
	SSL_set_mode(c->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER |
				     SSL_MODE_RELEASE_BUFFERS);
	c->state = C_TCP;
	c->events = EPOLLOUT;
	struct epoll_event e = {.events = EPOLLOUT, .data.ptr = c};
	epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &e);
	n_handshaking++;
	return c;
}

static void conn_free(struct conn *c)
{
	if (c->state != C_DEAD)
		epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
	if (c->state < C_READY && c->state != C_DEAD)
		n_handshaking--;
	SSL_free(c->ssl);
	close(c->fd);
	free(c->rx);
	free(c->tx);
	free(c);
}

/* One pass of the loop: wait up to ms for events and drive them. */
static void loop_once(int ms)
{
	struct epoll_event ev[256];
	int n = epoll_wait(ep, ev, 256, ms);
	for (int i = 0; i < n; i++)
		drive(ev[i].data.ptr);
}

static void flush_conn(struct conn *c)
{
	if (c->state == C_READY && c->tx_off < c->tx_len)
		drive(c);
}

static void client_init(void)
{
	client_ctx = SSL_CTX_new(TLS_client_method());
	SSL_CTX_set_min_proto_version(client_ctx, TLS1_3_VERSION);
	X509_STORE_add_cert(SSL_CTX_get_cert_store(client_ctx), P.ca);
	SSL_CTX_set_verify(client_ctx, SSL_VERIFY_PEER, NULL);
	SSL_CTX_set_session_cache_mode(client_ctx, SSL_SESS_CACHE_OFF);
	ep = epoll_create1(0);
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
}

/* Wait until every connection is ready (or one failed). */
static int wait_ready(struct conn **cs, int n, int ms)
{
	int64_t end = now_ns() + (int64_t)ms * 1000000;
	for (;;) {
		int ready = 0;
		for (int i = 0; i < n; i++) {
			if (cs[i]->state == C_DEAD)
				return -1;
			ready += cs[i]->state == C_READY;
		}
		if (ready == n)
			return 0;
		if (now_ns() > end)
			return -1;
		loop_once(50);
	}
}

/* ---- statistics ------------------------------------------------------------------ */

struct lat {
	int64_t *v;
	size_t n, cap;
};

static void lat_add(struct lat *l, int64_t ns)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = ns;
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static double lat_pct(struct lat *l, int pc)
{
	if (l->n == 0)
		return 0;
	qsort(l->v, l->n, sizeof *l->v, cmp64);
	size_t i = (l->n * (size_t)pc) / 100;
	return (double)l->v[i < l->n ? i : l->n - 1] / 1e6;
}

struct result {
	int ok;
	long msgs, deliveries;
	double secs, dps, cpu_ms, acc50, acc99, dlv50, dlv99;
};

/* The shared state of one job, either server. */
struct job {
	int fanout, window;
	long payload;
	double secs;
	int64_t *t_send;
	int *got;
	long cap, sent, done;
	struct lat acc, dlv;
	int64_t t0, t_last;
	int failed;
	/* Mosquitto: libmosquitto threads */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	long mid_idx[65536];
	int64_t mid_early[65536]; /* PUBACK seen before mosquitto_publish returned its mid */
	long job_id;
};

static void job_grow(struct job *j)
{
	if (j->sent < j->cap)
		return;
	j->cap = j->cap ? j->cap * 2 : 65536;
	j->t_send = realloc(j->t_send, (size_t)j->cap * sizeof *j->t_send);
	j->got = realloc(j->got, (size_t)j->cap * sizeof *j->got);
}

static void job_result(struct job *j, struct result *r, double cpu)
{
	r->ok = !j->failed;
	r->msgs = j->done;
	r->deliveries = j->done * j->fanout;
	r->secs = (double)(j->t_last - j->t0) / 1e9;
	r->dps = r->secs > 0 ? r->deliveries / r->secs : 0;
	r->cpu_ms = j->done ? cpu * 1000.0 / (double)j->done : 0;
	r->acc50 = lat_pct(&j->acc, 50);
	r->acc99 = lat_pct(&j->acc, 99);
	r->dlv50 = lat_pct(&j->dlv, 50);
	r->dlv99 = lat_pct(&j->dlv, 99);
	free(j->acc.v);
	free(j->dlv.v);
	free(j->t_send);
	free(j->got);
}

/* ---- the gateway job ---------------------------------------------------------------- */

static struct job *GJ;
static struct conn *gj_conns[MAX_FANOUT + 1];
static long gj_id;

/* The index of this job's msg_id "bvm-JOB-I"; -1 for another job's (a redelivery). */
static long idx_of(const char *msg_id)
{
	long job, i;
	if (msg_id == NULL || sscanf(msg_id, "bvm-%ld-%ld", &job, &i) != 2 || job != gj_id)
		return -1;
	return i;
}

static void gj_delivered(struct job *j, long i)
{
	int64_t t = now_ns();
	lat_add(&j->dlv, t - j->t_send[i]);
	if (++j->got[i] == j->fanout) {
		j->done++;
		j->t_last = t;
	}
}

static void gj_frame(struct conn *c, Marac__V1__Frame *f)
{
	struct job *j = GJ;
	if (f->body_case == MARAC__V1__FRAME__BODY_SHARE_ACCEPTED) {
		long i = idx_of(f->share_accepted->msg_id);
		if (i >= 0 && i < j->sent)
			lat_add(&j->acc, now_ns() - j->t_send[i]);
	} else if (f->body_case == MARAC__V1__FRAME__BODY_DELIVER) {
		long i = idx_of(f->deliver->msg_id);
		if (i >= 0 && i < j->sent)
			gj_delivered(j, i);
		Marac__V1__DeliverAck a = MARAC__V1__DELIVER_ACK__INIT;
		a.delivery_id = f->deliver->delivery_id;
		a.seq = f->deliver->seq;
		Marac__V1__Frame af = MARAC__V1__FRAME__INIT;
		af.body_case = MARAC__V1__FRAME__BODY_DELIVER_ACK;
		af.deliver_ack = &a;
		send_frame(c, &af);
	} else if (f->body_case == MARAC__V1__FRAME__BODY_ERROR) {
		fprintf(stderr, "bench_vs_mosquitto: gateway refused: %s\n",
			f->error->message ? f->error->message : "");
		j->failed = 1;
	}
}

static char *narrative(long size)
{
	char *s = malloc((size_t)size + 1);
	for (long i = 0; i < size; i++)
		s[i] = "abcdefghij klmnopqrstuvwxyz. "[i % 29];
	s[size] = 0;
	return s;
}

/* The Share the sender sends: also Mosquitto's payload, so both carry the same bytes. */
static uint8_t *share_bytes(long payload, int fanout, long job, long i, size_t *len)
{
	static char *narr;
	static long narr_len;
	if (narr_len != payload) {
		free(narr);
		narr = narrative(payload);
		narr_len = payload;
	}
	char id[64], ref[64], area[16];
	snprintf(id, sizeof id, "bvm-%ld-%ld", job, i);
	snprintf(ref, sizeof ref, "BENCH-%ld-%ld", job, i);
	snprintf(area, sizeof area, "f%d", fanout);
	Marac__V1__Agency to[MAX_FANOUT];
	size_t n_to = 0;
	for (int r = 0; r < fanout; r++) {
		int dup = 0;
		for (size_t k = 0; k < n_to; k++)
			dup |= (int)to[k] == RCPT_AGENCY_NUM[r];
		if (!dup)
			to[n_to++] = (Marac__V1__Agency)RCPT_AGENCY_NUM[r];
	}
	Marac__V1__Person v = MARAC__V1__PERSON__INIT;
	v.full_name = "Bench Victim";
	v.date_of_birth = "1990-01-01";
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.marac_area = area;
	cs.case_ref = ref;
	cs.victim = &v;
	cs.narrative = narr;
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = id;
	sh.to = to;
	sh.n_to = n_to;
	sh.purpose = MARAC__V1__PURPOSE__PURPOSE_MEETING;
	sh.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18;
	sh.summary = &cs;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE;
	f.share = &sh;
	*len = marac__v1__frame__get_packed_size(&f);
	uint8_t *b = malloc(*len);
	marac__v1__frame__pack(&f, b);
	return b;
}

static void run_gateway_job(struct server *s, struct job *j, struct result *r)
{
	int n = j->fanout + 1;
	gj_id++;
	GJ = j;
	int opened = 0;
	for (int i = 0; i < n; i++) {
		/* one handshake at a time: the gateway drops the oldest beyond 8 per address */
		gj_conns[i] = conn_open(PR_GW, s->port, i == 0 ? &P.sender : &P.rcpt[i - 1], i);
		gj_conns[i]->on_frame = gj_frame;
		opened++;
		if (wait_ready(gj_conns, opened, 20000) != 0) {
			n = opened;
			j->failed = 1;
			goto out;
		}
	}
	struct conn *snd = gj_conns[0];
	double cpu0 = proc_cpu(s->pid);
	j->t0 = now_ns();
	int64_t stop = j->t0 + (int64_t)(j->secs * 1e9);
	int64_t hard = stop + 120LL * 1000000000;
	for (;;) {
		int64_t t = now_ns();
		int issuing = t < stop;
		while (issuing && j->sent - j->done < j->window) {
			job_grow(j);
			size_t len;
			uint8_t *b = share_bytes(j->payload, j->fanout, gj_id, j->sent, &len);
			j->got[j->sent] = 0;
			j->t_send[j->sent++] = now_ns();
			ws_send(snd, b, len, 2);
			free(b);
			flush_conn(snd);
		}
		if (!issuing && j->done == j->sent)
			break;
		if (j->failed || t > hard) {
			j->failed = 1;
			break;
		}
		for (int i = 0; i < n; i++)
			if (gj_conns[i]->state == C_DEAD)
				j->failed = 1;
		loop_once(j->sent - j->done < j->window ? 0 : 100);
		for (int i = 0; i < n; i++)
			flush_conn(gj_conns[i]);
	}
	/* the last acks go out before the job ends */
	for (int k = 0; k < 5; k++) {
		for (int i = 0; i < n; i++)
			flush_conn(gj_conns[i]);
		loop_once(10);
	}
	double cpu = proc_cpu(s->pid) - cpu0;
	job_result(j, r, cpu);
	for (int i = 0; i < n; i++)
		conn_free(gj_conns[i]);
	return;
out:
	for (int i = 0; i < n; i++)
		conn_free(gj_conns[i]);
	job_result(j, r, 0);
}

/* ---- the Mosquitto job (libmosquitto, a network thread per client) -------------------- */

static struct job *MJ;
static long mj_id;

static void mq_on_publish(struct mosquitto *m, void *u, int mid)
{
	(void)m;
	(void)u;
	struct job *j = MJ;
	pthread_mutex_lock(&j->mu);
	long i = j->mid_idx[mid & 0xffff];
	if (i >= 0 && i < j->sent) {
		lat_add(&j->acc, now_ns() - j->t_send[i]);
		j->mid_idx[mid & 0xffff] = -1;
	} else {
		j->mid_early[mid & 0xffff] = now_ns();
	}
	pthread_mutex_unlock(&j->mu);
}

static void mq_on_message(struct mosquitto *m, void *u, const struct mosquitto_message *msg)
{
	(void)m;
	(void)u;
	struct job *j = MJ;
	long i = -1, job = -1;
	if (msg->payloadlen >= 16) {
		memcpy(&i, msg->payload, sizeof i);
		memcpy(&job, (const char *)msg->payload + 8, sizeof job);
	}
	pthread_mutex_lock(&j->mu);
	if (job == j->job_id && i >= 0 && i < j->sent) {
		gj_delivered(j, i);
		if (j->got[i] == j->fanout)
			pthread_cond_signal(&j->cv);
	}
	pthread_mutex_unlock(&j->mu);
}

static volatile int mq_flags[MAX_FANOUT + 1];

static void mq_on_connect(struct mosquitto *m, void *u, int rc)
{
	(void)m;
	mq_flags[(intptr_t)u - 1] = rc == 0 ? 1 : -1;
}

static void mq_on_subscribe(struct mosquitto *m, void *u, int mid, int n, const int *q)
{
	(void)m;
	(void)mid;
	mq_flags[(intptr_t)u - 1] = n == 1 && q[0] == 1 ? 2 : -1;
}

static struct mosquitto *mq_client(int port, const struct ident *id, intptr_t k)
{
	char crt[512], key[512], ca[512], cid[64];
	snprintf(crt, sizeof crt, "%s/%s.crt", P.dir, id->name);
	snprintf(key, sizeof key, "%s/%s.key", P.dir, id->name);
	snprintf(ca, sizeof ca, "%s/ca.crt", P.dir);
	snprintf(cid, sizeof cid, "%s", id->name);
	/* userdata k + 1: NULL would make libmosquitto pass the client itself */
	struct mosquitto *m = mosquitto_new(cid, false, (void *)(k + 1));
	if (m == NULL)
		die("mosquitto_new");
	mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
	mosquitto_max_inflight_messages_set(m, 0);
	if (mosquitto_tls_set(m, ca, NULL, crt, key, NULL) != MOSQ_ERR_SUCCESS ||
	    mosquitto_tls_opts_set(m, 1, "tlsv1.3", NULL) != MOSQ_ERR_SUCCESS)
		die("mosquitto TLS options");
	mosquitto_connect_callback_set(m, mq_on_connect);
	mosquitto_subscribe_callback_set(m, mq_on_subscribe);
	mosquitto_publish_callback_set(m, mq_on_publish);
	mosquitto_message_callback_set(m, mq_on_message);
	mq_flags[k] = 0;
	if (mosquitto_connect(m, "localhost", port, 600) != MOSQ_ERR_SUCCESS ||
	    mosquitto_loop_start(m) != MOSQ_ERR_SUCCESS) {
		fprintf(stderr, "bench_vs_mosquitto: mosquitto connect failed (%s)\n", id->name);
		mq_flags[k] = -1;
	}
	return m;
}

static int mq_wait(int n, int want, int ms)
{
	for (int t = 0; t < ms; t++) {
		int ok = 0;
		for (int i = 0; i < n; i++) {
			if (mq_flags[i] < 0)
				return -1;
			ok += mq_flags[i] >= want;
		}
		if (ok == n)
			return 0;
		usleep(1000);
	}
	return -1;
}

static void run_mosquitto_job(struct server *s, struct job *j, struct result *r)
{
	int n = j->fanout + 1;
	struct mosquitto *m[MAX_FANOUT + 1] = {0};
	char topic[64];
	j->job_id = ++mj_id;
	snprintf(topic, sizeof topic, "bench/%ld", mj_id);
	MJ = j;
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->cv, NULL);
	memset(j->mid_idx, 0xff, sizeof j->mid_idx);
	for (int i = 0; i < n; i++)
		m[i] = mq_client(s->port, i == 0 ? &P.sender : &P.rcpt[i - 1], i);
	if (mq_wait(n, 1, 20000) != 0) {
		j->failed = 1;
		goto out;
	}
	for (int i = 1; i < n; i++)
		mosquitto_subscribe(m[i], NULL, topic, 1);
	mq_flags[0] = 2;
	if (mq_wait(n, 2, 20000) != 0) {
		j->failed = 1;
		goto out;
	}
	size_t len;
	uint8_t *payload = share_bytes(j->payload, j->fanout, 0, 0, &len);
	double cpu0 = proc_cpu(s->pid);
	pthread_mutex_lock(&j->mu);
	j->t0 = now_ns();
	int64_t stop = j->t0 + (int64_t)(j->secs * 1e9);
	int64_t hard = stop + 120LL * 1000000000;
	for (;;) {
		int64_t t = now_ns();
		int issuing = t < stop;
		while (issuing && j->sent - j->done < j->window) {
			job_grow(j);
			long i = j->sent;
			memcpy(payload, &i, sizeof i);
			memcpy(payload + 8, &j->job_id, sizeof j->job_id);
			j->got[i] = 0;
			j->t_send[i] = now_ns();
			j->sent++;
			int mid = 0;
			/* publish outside our lock: the network threads take it in callbacks */
			pthread_mutex_unlock(&j->mu);
			int rc = mosquitto_publish(m[0], &mid, topic, (int)len, payload, 1, false);
			pthread_mutex_lock(&j->mu);
			if (j->mid_early[mid & 0xffff]) {
				lat_add(&j->acc, j->mid_early[mid & 0xffff] - j->t_send[i]);
				j->mid_early[mid & 0xffff] = 0;
			} else {
				j->mid_idx[mid & 0xffff] = i;
			}
			if (rc != MOSQ_ERR_SUCCESS) {
				j->failed = 1;
				break;
			}
		}
		if (!issuing && j->done == j->sent)
			break;
		if (j->failed || t > hard) {
			j->failed = 1;
			break;
		}
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		if (j->sent - j->done >= j->window || !issuing)
			pthread_cond_timedwait(&j->cv, &j->mu, &ts);
	}
	pthread_mutex_unlock(&j->mu);
	usleep(20000); /* the last PUBACKs to the broker */
	double cpu = proc_cpu(s->pid) - cpu0;
	free(payload);
	for (int i = 0; i < n; i++) {
		mosquitto_disconnect(m[i]);
		mosquitto_loop_stop(m[i], false);
		mosquitto_destroy(m[i]);
	}
	job_result(j, r, cpu);
	return;
out:
	for (int i = 0; i < n; i++)
		if (m[i]) {
			mosquitto_disconnect(m[i]);
			mosquitto_loop_stop(m[i], true);
			mosquitto_destroy(m[i]);
		}
	job_result(j, r, 0);
}

/* ---- the idle series ------------------------------------------------------------------ */

/* Open connections up to `upto` (keeping at most HANDSHAKES_AT_ONCE in handshake). */
static int idle_fill(enum proto pr, int port, struct conn **cs, long *have, long upto)
{
	int64_t end = now_ns() + 600LL * 1000000000;
	while (*have < upto || n_handshaking > 0) {
		while (*have < upto && n_handshaking < HANDSHAKES_AT_ONCE) {
			cs[*have] = conn_open(pr, port, &P.idle[*have], (int)*have);
			(*have)++;
		}
		loop_once(20);
		for (long i = *have - HANDSHAKES_AT_ONCE * 4 < 0 ? 0 : *have - HANDSHAKES_AT_ONCE * 4;
		     i < *have; i++)
			if (cs[i]->state == C_DEAD)
				return -1;
		if (now_ns() > end)
			return -1;
	}
	return 0;
}

static void idle_settle(int ms)
{
	int64_t end = now_ns() + (int64_t)ms * 1000000;
	while (now_ns() < end)
		loop_once(50);
}

struct idle_row {
	long conns, rss[2];
};

static int run_idle(struct idle_row *rows)
{
	long max = 0;
	for (int k = 0; k < O.n_idle; k++)
		if (O.idle[k] > max)
			max = O.idle[k];
	struct conn **cs = calloc((size_t)max + 1, sizeof *cs);
	int failed = 0;
	for (int which = 0; which < 2; which++) {
		struct server s = {0};
		if (which == 0) {
			start_gateway(&s, "gateway-idle.yaml");
		} else {
			s.port = free_port();
			write_mosquitto_conf("mosquitto-idle.conf", "mq-idle-state", s.port);
			start_mosquitto(&s, "mosquitto-idle.conf");
		}
		idle_settle(500);
		long have = 0;
		int64_t t0 = now_ns();
		for (int k = 0; k < O.n_idle; k++) {
			if (idle_fill(which == 0 ? PR_GW : PR_MQ, s.port, cs, &have, O.idle[k]) != 0) {
				fprintf(stderr, "bench_vs_mosquitto: %s: idle connections failed at %ld\n",
					s.what, have);
				failed = 1;
				break;
			}
			idle_settle((int)(O.settle * 1000));
			long alive = 0;
			for (long i = 0; i < have; i++)
				alive += cs[i]->state == C_READY;
			if (alive != have) {
				fprintf(stderr, "bench_vs_mosquitto: %s: %ld of %ld idle connections lost\n",
					s.what, have - alive, have);
				failed = 1;
			}
			rows[k].conns = O.idle[k];
			rows[k].rss[which] = proc_rss_kib(s.pid);
			fprintf(stderr, "  idle %-9s %6ld connections: RSS %ld KiB (%.1f s)\n", s.what,
				have, rows[k].rss[which], (double)(now_ns() - t0) / 1e9);
		}
		for (long i = 0; i < have; i++)
			conn_free(cs[i]);
		stop_server(&s);
	}
	free(cs);
	return failed ? -1 : 0;
}

/* ---- main -------------------------------------------------------------------------------- */

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return n ? (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2) : 0;
}

#define MAX_ROUNDS 16

struct series_row {
	int fanout, window;
	long payload;
	struct result r[2][MAX_ROUNDS]; /* [0] gateway, [1] mosquitto */
	struct result med[2];
};

/* Median over rounds, per figure. */
static void take_median(struct series_row *s, int rounds)
{
	for (int w = 0; w < 2; w++) {
		double v[MAX_ROUNDS];
		struct result *m = &s->med[w];
		memset(m, 0, sizeof *m);
		m->ok = 1;
#define MED(field)                                      \
	for (int i = 0; i < rounds; i++)                \
		v[i] = (double)s->r[w][i].field;        \
	m->field = median(v, rounds);
		MED(dps);
		MED(cpu_ms);
		MED(acc50);
		MED(acc99);
		MED(dlv50);
		MED(dlv99);
		MED(secs);
#undef MED
		for (int i = 0; i < rounds; i++) {
			m->ok &= s->r[w][i].ok;
			m->msgs += s->r[w][i].msgs;
			m->deliveries += s->r[w][i].deliveries;
		}
	}
}

static double ratio(double a, double b)
{
	return b > 0 ? a / b : 0;
}

static void json_result(FILE *f, const struct result *r)
{
	fprintf(f,
		"{\"ok\":%s,\"messages\":%ld,\"deliveries\":%ld,\"deliveries_per_s\":%.1f,"
		"\"cpu_ms_per_message\":%.4f,\"accept_ms\":{\"p50\":%.3f,\"p99\":%.3f},"
		"\"delivery_ms\":{\"p50\":%.3f,\"p99\":%.3f}}",
		r->ok ? "true" : "false", r->msgs, r->deliveries, r->dps, r->cpu_ms, r->acc50,
		r->acc99, r->dlv50, r->dlv99);
}

static void json_row(FILE *f, const struct series_row *s)
{
	const struct result *g = &s->med[0], *m = &s->med[1];
	fprintf(f, "{\"fanout\":%d,\"payload\":%ld,\"window\":%d,\"gateway\":", s->fanout,
		s->payload, s->window);
	json_result(f, g);
	fprintf(f, ",\"mosquitto\":");
	json_result(f, m);
	fprintf(f,
		",\"ratio\":{\"deliveries_per_s\":%.3f,\"cpu_per_message\":%.2f,"
		"\"accept_p50\":%.2f,\"accept_p99\":%.2f,\"delivery_p50\":%.2f,"
		"\"delivery_p99\":%.2f}}",
		ratio(g->dps, m->dps), ratio(g->cpu_ms, m->cpu_ms), ratio(g->acc50, m->acc50),
		ratio(g->acc99, m->acc99), ratio(g->dlv50, m->dlv50), ratio(g->dlv99, m->dlv99));
}

static void print_row(const struct series_row *s)
{
	const struct result *g = &s->med[0], *m = &s->med[1];
	printf("fan-out %d, %6ld B, W %3d | dlv/s %8.0f %8.0f x%.3f | cpu ms/msg %7.3f %7.3f x%.1f"
	       " | accept p50 %7.2f %6.2f p99 %7.2f %6.2f | dlv p50 %7.2f %6.2f p99 %7.2f %6.2f%s\n",
	       s->fanout, s->payload, s->window, g->dps, m->dps, ratio(g->dps, m->dps), g->cpu_ms,
	       m->cpu_ms, ratio(g->cpu_ms, m->cpu_ms), g->acc50, m->acc50, g->acc99, m->acc99,
	       g->dlv50, m->dlv50, g->dlv99, m->dlv99, g->ok && m->ok ? "" : "  FAILED");
	fflush(stdout);
}

static void run_series(struct server *srv, struct series_row *s)
{
	for (int round = 0; round < O.rounds; round++) {
		for (int w = 0; w < 2; w++) {
			struct job *j = calloc(1, sizeof *j);
			j->fanout = s->fanout;
			j->window = s->window;
			j->payload = s->payload;
			j->secs = s->window == 1 ? O.floor_secs : O.secs;
			if (w == 0)
				run_gateway_job(&srv[0], j, &s->r[w][round]);
			else
				run_mosquitto_job(&srv[1], j, &s->r[w][round]);
			free(j);
		}
	}
	take_median(s, O.rounds);
	print_row(s);
}

static void usage(void)
{
	fprintf(stderr,
		"usage: bench_vs_mosquitto --gateway-bin B --policy P [--mosquitto-bin M]\n"
		"  [--secs S] [--rounds R] [--window W] [--fanouts 1,4,8 | none]\n"
		"  [--payloads 2048,32768,524288] [--floor-secs S] [--idle 0,1000,5000,10000]\n"
		"  [--settle S] [--out FILE.json] [--keep DIR]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	O.mq_bin = "/usr/sbin/mosquitto";
	O.secs = 5;
	O.floor_secs = 3;
	O.settle = 1;
	O.rounds = 2;
	O.window = 100;
	O.out = "bench_vs_mosquitto.json";
	O.n_fanouts = parse_list("1,4,8", O.fanouts, MAX_SERIES);
	O.n_payloads = parse_list("2048,32768,524288", O.payloads, MAX_SERIES);
	O.n_idle = parse_list("0,1000,5000,10000", O.idle, MAX_SERIES);
	for (int i = 1; i < argc; i++) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (v == NULL)
			usage();
		i++;
		if (!strcmp(k, "--gateway-bin")) O.gw_bin = v;
		else if (!strcmp(k, "--mosquitto-bin")) O.mq_bin = v;
		else if (!strcmp(k, "--policy")) O.policy = v;
		else if (!strcmp(k, "--secs")) O.secs = atof(v);
		else if (!strcmp(k, "--floor-secs")) O.floor_secs = atof(v);
		else if (!strcmp(k, "--settle")) O.settle = atof(v);
		else if (!strcmp(k, "--rounds")) O.rounds = atoi(v);
		else if (!strcmp(k, "--window")) O.window = atoi(v);
		else if (!strcmp(k, "--fanouts"))
			O.n_fanouts = strcmp(v, "none") ? parse_list(v, O.fanouts, MAX_SERIES) : 0;
		else if (!strcmp(k, "--payloads")) O.n_payloads = parse_list(v, O.payloads, MAX_SERIES);
		else if (!strcmp(k, "--idle")) O.n_idle = parse_list(v, O.idle, MAX_SERIES);
		else if (!strcmp(k, "--out")) O.out = v;
		else if (!strcmp(k, "--keep")) O.keep = v;
		else usage();
	}
	if (!O.gw_bin || !O.policy || O.rounds < 1 || O.rounds > MAX_ROUNDS || O.window < 1 ||
	    O.secs <= 0)
		usage();
	for (int k = 0; k < O.n_fanouts; k++)
		if (O.fanouts[k] < 1 || O.fanouts[k] > MAX_FANOUT)
			usage();
	for (int k = 0; k < O.n_payloads; k++)
		if (O.payloads[k] < 16)
			usage();
	/* the configs and the children live in the PKI directory: absolute paths */
	static char gw_abs[4096], pol_abs[4096];
	if (realpath(O.gw_bin, gw_abs) == NULL || realpath(O.policy, pol_abs) == NULL)
		die("%s or %s: %s", O.gw_bin, O.policy, strerror(errno));
	O.gw_bin = gw_abs;
	O.policy = pol_abs;
	signal(SIGPIPE, SIG_IGN);
	atexit(kill_children);
	signal(SIGINT, on_fatal_signal);
	signal(SIGTERM, on_fatal_signal);
	signal(SIGSEGV, on_fatal_signal);
	signal(SIGABRT, on_fatal_signal);
	mosquitto_lib_init();

	if (O.keep) {
		snprintf(P.dir, sizeof P.dir, "%s", O.keep);
		mkdir(P.dir, 0700);
	} else {
		snprintf(P.dir, sizeof P.dir, "/tmp/marac-bvm-XXXXXX");
		if (mkdtemp(P.dir) == NULL)
			die("mkdtemp: %s", strerror(errno));
	}
	long max_idle = 0;
	for (int k = 0; k < O.n_idle; k++)
		max_idle = O.idle[k] > max_idle ? O.idle[k] : max_idle;
	if (max_idle == 0)
		O.n_idle = 0; /* --idle 0 or none: no idle series */
	int64_t t = now_ns();
	make_pki(max_idle);
	fprintf(stderr, "bench_vs_mosquitto: PKI in %s (%ld idle identities, %.1f s)\n", P.dir,
		max_idle, (double)(now_ns() - t) / 1e9);
	client_init();
	/* --fanouts none: the idle series only */
	int n_rows = O.n_fanouts && O.n_payloads ? O.n_fanouts * O.n_payloads + 1 : 0;
	struct series_row *rows = calloc((size_t)n_rows + 1, sizeof *rows);
	struct server srv[2] = {{0}};
	if (n_rows) {
		write_gateway_yaml("gateway.yaml", "gw-state", 0);
		start_gateway(&srv[0], "gateway.yaml");
		srv[1].port = free_port();
		write_mosquitto_conf("mosquitto.conf", "mq-state", srv[1].port);
		start_mosquitto(&srv[1], "mosquitto.conf");
	}
	if (O.n_idle)
		write_gateway_yaml("gateway-idle.yaml", "gw-idle-state", 1);
	printf("gateway first, then mosquitto; x = gateway/mosquitto; median of %d rounds\n",
	       O.rounds);
	int r = 0;
	/* the floor: one in flight */
	if (n_rows) {
		rows[r].fanout = (int)O.fanouts[0];
		rows[r].payload = O.payloads[0];
		rows[r].window = 1;
		run_series(srv, &rows[r++]);
	}
	for (int a = 0; n_rows && a < O.n_fanouts; a++)
		for (int b = 0; b < O.n_payloads; b++) {
			rows[r].fanout = (int)O.fanouts[a];
			rows[r].payload = O.payloads[b];
			rows[r].window = O.window;
			run_series(srv, &rows[r++]);
		}
	stop_server(&srv[0]);
	stop_server(&srv[1]);

	/* the idle series: both servers started afresh */
	struct idle_row idle[MAX_SERIES] = {{0}};
	int idle_failed = O.n_idle ? run_idle(idle) : 0;

	int failed = idle_failed;
	FILE *f = fopen(O.out, "w");
	if (f == NULL)
		die("%s: cannot write", O.out);
	fprintf(f, "{\"bench\":\"vs_mosquitto\",\"rounds\":%d,\"secs\":%.2f,\"window\":%d,"
		   "\"note\":\"gateway commits each share durably (fdatasync) before ShareAccepted; "
		   "mosquitto persistence is its periodic autosave\",\"floor\":",
		O.rounds, O.secs, O.window);
	if (n_rows)
		json_row(f, &rows[0]);
	else
		fprintf(f, "null");
	fprintf(f, ",\"series\":[");
	for (int i = 1; i < n_rows; i++) {
		fprintf(f, "%s", i > 1 ? "," : "");
		json_row(f, &rows[i]);
	}
	fprintf(f, "],\"idle\":[");
	for (int k = 0; k < O.n_idle; k++) {
		long g = idle[k].rss[0], m = idle[k].rss[1];
		double gp = k && idle[k].conns > idle[0].conns
				    ? (double)(g - idle[0].rss[0]) / (double)(idle[k].conns - idle[0].conns)
				    : 0;
		double mp = k && idle[k].conns > idle[0].conns
				    ? (double)(m - idle[0].rss[1]) / (double)(idle[k].conns - idle[0].conns)
				    : 0;
		fprintf(f,
			"%s{\"connections\":%ld,\"gateway_rss_kib\":%ld,\"mosquitto_rss_kib\":%ld,"
			"\"gateway_kib_per_conn\":%.1f,\"mosquitto_kib_per_conn\":%.1f,\"ratio\":%.2f}",
			k ? "," : "", idle[k].conns, g, m, gp, mp, ratio((double)g, (double)m));
		printf("idle %6ld connections: gateway RSS %7ld KiB (%.1f KiB/conn), mosquitto %7ld KiB"
		       " (%.1f KiB/conn), x%.2f\n",
		       idle[k].conns, g, gp, m, mp, ratio((double)g, (double)m));
	}
	fprintf(f, "]}\n");
	fclose(f);
	for (int i = 0; i < n_rows; i++)
		failed |= !rows[i].med[0].ok || !rows[i].med[1].ok;
	if (!O.keep) {
		char cmd[600];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", P.dir);
		if (system(cmd) != 0)
			fprintf(stderr, "bench_vs_mosquitto: cannot remove %s\n", P.dir);
	}
	free(rows);
	mosquitto_lib_cleanup();
	return failed ? 1 : 0;
}
