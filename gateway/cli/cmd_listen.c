/*
 * cmd_listen.c: marac listen: receive deliveries and store them durably.
 *
 * Each Deliver becomes OUT/<delivery_id>.json, written to a temporary file,
 * fsynced, renamed and the directory fsynced (STYLE.md 11); only then is it
 * acknowledged. A redelivery of an id already on disk is acknowledged
 * without rewriting: the application sees each delivery exactly once.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fsutil.h"
#include "mgw_err.h"
#include "pbjson.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void help(FILE *f)
{
	fprintf(f,
		"usage: marac listen [connection options] --out DIR [--count N] [--idle-exit S]\n"
		"                    [--flags FDIR]\n"
		"\n"
		"Receives this node's deliveries (resuming after the last acknowledged one),\n"
		"writes each as DIR/<delivery_id>.json and acknowledges it once the file is\n"
		"fsynced. Prints one line per delivery: delivery id, seq, sender, case ref.\n"
		"A Retract from the gateway (the sender retracted its share) deletes\n"
		"DIR/<delivery_id>.json, then confirms; it prints \"retracted ...\".\n"
		"DIR (and FDIR) must be owned by you and writable by no one else.\n"
		"  --count N      exit 0 after N new deliveries and retractions\n"
		"  --idle-exit S  exit 0 after S seconds with nothing received\n"
		"  --flags FDIR   also keep each Flag (a case of this agency touched by\n"
		"                 another: lookup.proto) as FDIR/<flag_id>.json and\n"
		"                 acknowledge it; flags are not counted by --count\n"
		"Stops cleanly on SIGINT/SIGTERM. Exit codes: see 'marac --help'.\n");
}

static int id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f')))
			return 0;
	return 1;
}

/*
 * Atomic, durable write of text to dir/name (write_file_atomic: an
 * unpredictable temporary name opened O_CREAT|O_EXCL, so a file or symlink
 * planted in dir is never written through). Returns 0 or -1 (errno set).
 */
static int write_durably(const char *dir, const char *name, const char *text)
{
	char dst[4096];
	if ((size_t)snprintf(dst, sizeof dst, "%s/%s", dir, name) >= sizeof dst) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return write_file_atomic(dst, text, strlen(text), 0600) == MGW_OK ? 0 : -1;
}

/*
 * dir (made 0700 if missing) must be a directory, not a symlink, owned by
 * this user and writable by nobody else: anyone else who can write there
 * can plant a symlink where a delivery is about to land (or as a delivery's
 * name, so it reads as already held and is acknowledged unwritten), or
 * read what lands. 0, or -1 with the reason printed.
 */
static int own_dir(const char *dir)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "marac listen: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	struct stat st;
	if (lstat(dir, &st) != 0) {
		fprintf(stderr, "marac listen: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "marac listen: %s: not a directory (a symlink is refused)\n", dir);
		return -1;
	}
	if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
		fprintf(stderr, "marac listen: %s: must be owned by this user and writable by "
			"no one else (chmod go-w), or another user could redirect deliveries\n",
			dir);
		return -1;
	}
	return 0;
}

/*
 * A Retract: delete DIR/<delivery_id>.json durably (unlink, fsync the
 * directory) and only then confirm with RetractAck; a delivery never
 * received (or deleted before) is confirmed as is. Returns 0, 1 (malformed
 * id), 2 (cannot delete), or the client's error from the ack.
 */
static int on_retract(mgw_client *c, const char *dir, const Marac__V1__Retract *r)
{
	if (!id_ok(r->delivery_id)) {
		fprintf(stderr, "marac listen: refusing a retraction with a malformed id\n");
		return 1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.json", dir, r->delivery_id);
	int had = unlink(path) == 0;
	if (!had && errno != ENOENT) {
		fprintf(stderr, "marac listen: %s: %s\n", path, strerror(errno));
		return 2;
	}
	if (had) {
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd < 0 || fsync(dfd) != 0) {
			fprintf(stderr, "marac listen: %s: %s\n", dir, strerror(errno));
			if (dfd >= 0)
				close(dfd);
			return 2;
		}
		close(dfd);
	}
	printf("retracted %s seq %llu from %s case %s: %s\n", r->delivery_id,
	       (unsigned long long)r->seq, r->from_node, r->case_ref[0] ? r->case_ref : "-",
	       had ? "deleted" : "not held");
	return mgw_client_retract_ack(c, r->delivery_id);
}

static int64_t now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

int cmd_listen(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *out = NULL, *flags = NULL;
	long count = 0, idle = 0;
	for (int i = 1; i < argc; i++) {
		int r = conn_args_parse(&ca, argc, argv, &i);
		if (r < 0) {
			fprintf(stderr, "marac listen: %s needs a valid value\n", argv[i]);
			return EX_USAGE;
		}
		if (r > 0)
			continue;
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			help(stdout);
			return EX_OK;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "marac listen: unknown option or missing value: %s\n", a);
			return EX_USAGE;
		}
		if (strcmp(a, "--out") == 0)
			out = argv[++i];
		else if (strcmp(a, "--count") == 0)
			count = strtol(argv[++i], NULL, 10);
		else if (strcmp(a, "--idle-exit") == 0)
			idle = strtol(argv[++i], NULL, 10);
		else if (strcmp(a, "--flags") == 0)
			flags = argv[++i];
		else {
			fprintf(stderr, "marac listen: unknown option %s\n", a);
			return EX_USAGE;
		}
	}
	if (out == NULL || count < 0 || idle < 0) {
		help(stderr);
		return EX_USAGE;
	}
	if ((flags && own_dir(flags) != 0) || own_dir(out) != 0)
		return EX_OUTPUT;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	mgw_client *c = NULL;
	int ex = conn_open(&ca, &c);
	if (ex != EX_OK)
		return ex;
	setvbuf(stdout, NULL, _IOLBF, 0);
	long got = 0;
	int64_t last = now_s();
	while (!stop && (count == 0 || got < count)) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(c, 250, &f);
		if (rc == MGW_E_TIMEOUT) {
			if (idle && now_s() - last >= idle)
				break;
			continue;
		}
		if (rc != MGW_OK) {
			ex = conn_fail(c, rc, "listen");
			break;
		}
		last = now_s();
		if (f->body_case == MARAC__V1__FRAME__BODY_ERROR) {
			fprintf(stderr, "marac listen: gateway error: %s\n", f->error->message);
			codec_free(&f->base);
			continue;
		}
		if (f->body_case == MARAC__V1__FRAME__BODY_RETRACT) {
			/* h13-life: the sender retracted it: delete, then confirm. */
			rc = on_retract(c, out, f->retract);
			codec_free(&f->base);
			if (rc == 1) {
				ex = EX_REFUSED;
				break;
			}
			if (rc == 2) {
				ex = EX_OUTPUT;
				break;
			}
			if (rc != MGW_OK) {
				ex = conn_fail(c, rc, "retract ack");
				break;
			}
			got++;
			continue;
		}
		if (f->body_case == MARAC__V1__FRAME__BODY_FLAG && flags) {
			/* A flag (lookup.proto): kept, then acknowledged; not counted. */
			const Marac__V1__Flag *fl = f->flag;
			if (!id_ok(fl->flag_id)) {
				codec_free(&f->base);
				continue;
			}
			char name[96];
			snprintf(name, sizeof name, "%s.json", fl->flag_id);
			char *json = pbjson_dump(&f->base, 1);
			if (json == NULL || write_durably(flags, name, json) != 0) {
				fprintf(stderr, "marac listen: %s/%s: %s\n", flags, name, strerror(errno));
				free(json);
				codec_free(&f->base);
				ex = EX_OUTPUT;
				break;
			}
			free(json);
			printf("flag %s: case %s touched by %s via %s\n", fl->flag_id,
			       fl->case_ref ? fl->case_ref : "-",
			       fl->touched_by_node ? fl->touched_by_node : "-", fl->via ? fl->via : "-");
			rc = mgw_client_ack(c, fl->flag_id, fl->seq);
			codec_free(&f->base);
			if (rc != MGW_OK) {
				ex = conn_fail(c, rc, "ack");
				break;
			}
			continue;
		}
		if (f->body_case != MARAC__V1__FRAME__BODY_DELIVER) {
			codec_free(&f->base);
			continue;
		}
		Marac__V1__Deliver *d = f->deliver;
		if (!id_ok(d->delivery_id)) {
			fprintf(stderr, "marac listen: refusing delivery with a malformed id\n");
			codec_free(&f->base);
			ex = EX_REFUSED;
			break;
		}
		char name[96], path[4096];
		snprintf(name, sizeof name, "%s.json", d->delivery_id);
		snprintf(path, sizeof path, "%s/%s", out, name);
		struct stat st;
		int fresh = lstat(path, &st) != 0;
		if (fresh) {
			char *json = pbjson_dump(&f->base, 1);
			if (json == NULL || write_durably(out, name, json) != 0) {
				fprintf(stderr, "marac listen: %s: %s\n", path, strerror(errno));
				free(json);
				codec_free(&f->base);
				ex = EX_OUTPUT;
				break;
			}
			free(json);
			got++;
			printf("received %s seq %llu from %s case %s\n", d->delivery_id,
			       (unsigned long long)d->seq, d->from_node,
			       d->summary && d->summary->case_ref ? d->summary->case_ref
			       : d->notice && d->notice->case_ref ? d->notice->case_ref /* h12 */
								  : "-");
		}
		rc = mgw_client_ack(c, d->delivery_id, d->seq);
		codec_free(&f->base);
		if (rc != MGW_OK) {
			ex = conn_fail(c, rc, "ack");
			break;
		}
	}
	/* Let the last acks reach the gateway before closing. */
	Marac__V1__Frame *f = NULL;
	if (ex == EX_OK && mgw_client_recv(c, 200, &f) == MGW_OK)
		codec_free(&f->base);
	mgw_client_free(c);
	return ex;
}
