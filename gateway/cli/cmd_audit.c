/*
 * cmd_audit.c: marac audit query|export|verify|proof, for auditors.
 *
 * query, export and proof talk to the gateway with an auditor certificate
 * (every request is itself audited there); verify is offline: it needs
 * only the export file and the gateway's public verifier key.
 *
 * The gateway is the party being audited, so nothing it answers is
 * trusted: every count, pointer and length is checked before use,
 * allocations are bounded by what was received, and proofs are checked by
 * proofcheck.h against a checkpoint whose signature was verified here.
 *
 * Paging: query and export ask for pages of at most PAGE_START records and
 * halve the page when the gateway answers that a page does not fit in one
 * frame (max_frame_bytes), growing it again after pages that fit, so a
 * trail of large records never fails with "answer above max_frame_bytes".
 * Only a single record larger than a frame cannot be fetched (the gateway
 * must then page by size itself); that is reported with its position.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit_view.h"
#include "auditlog.h"
#include "checkpoint.h"
#include "cli.h"
#include "merkle.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "proofcheck.h"

/* Records asked for per page; the gateway caps a page at 1000. */
#define PAGE_START 256u
#define PAGE_MAX 1000u

static void help(FILE *f)
{
	fprintf(f,
		"usage: marac audit query  [connection options] [--case REF] [--agency A] [--node ID]\n"
		"                          [--event E] [--from WHEN] [--to WHEN]\n"
		"                          [--format table|csv|json] [--json]\n"
		"       marac audit report [connection options] [--from WHEN] [--to WHEN]\n"
		"                          [--format table|csv]\n"
		"       marac audit export [connection options] --out FILE [--wait SECS]\n"
		"       marac audit verify FILE --pubkey VKEY|VKEYFILE [--require-coverage]\n"
		"                          [--allow-tail]\n"
		"       marac audit proof  [connection options] --seq N [--pubkey VKEY|VKEYFILE]\n"
		"\n"
		"query   prints matching audit records: a table (purpose, basis, what was\n"
		"        attempted, and the manifest as fields by action and ground: never\n"
		"        values), RFC 4180 CSV (--format csv), or JSON lines (--json); with\n"
		"        --case, first the case's referral, what was shared about it and its\n"
		"        lifecycle (withdrawn, closed, merged, transferred, shares retracted);\n"
		"        --case also finds a duplicate's merge into REF\n"
		"        ('marac audit --case REF' is the same as 'marac audit query --case REF')\n"
		"report  per-agency totals over the period: shares, referrals, deliveries,\n"
		"        receipts (acks), refusals (and by reason), agenda pulls, research,\n"
		"        lookups, flags, actions and markers and their notices, lifecycle\n"
		"        changes, retractions, serial perpetrators, connections: every kind\n"
		"        of record (the table leaves out measures with no events; CSV has all)\n"
		"WHEN    YYYY-MM-DD (the day's start in " AUDIT_TZ_NAME "; as --to the whole day\n"
		"        is included), YYYY-MM-DDTHH:MM[:SS] (" AUDIT_TZ_NAME " local time),\n"
		"        the same ending Z or +HH:MM (that instant), or Unix milliseconds.\n"
		"        Times are printed in UTC.\n"
		"export  writes every record and signed checkpoint to FILE (progress on a terminal),\n"
		"        up to the gateway's latest signed checkpoint, so every record exported is\n"
		"        proven: it first waits up to --wait SECS (default 90) for a checkpoint\n"
		"        covering the trail as it was when the export started; newer records are\n"
		"        left out (said on stderr; the next export has them)\n"
		"verify  checks an export offline: recomputes the Merkle tree, checks every\n"
		"        checkpoint's signature and root; names the first bad record; exit 1 if bad;\n"
		"        exit 7 if it verifies but records after its last checkpoint are unproven\n"
		"        (exit 0 for them with --allow-tail; exit 1 with --require-coverage)\n"
		"proof   fetches and checks the inclusion proof of record N in the latest checkpoint\n"
		"The verifier key is state_dir/audit.vkey on the gateway: obtain it out of band.\n");
}

/* A vkey given literally ("name+id+key") or as a file holding it. */
static char *load_vkey(const char *arg)
{
	if (access(arg, R_OK) == 0) {
		size_t n;
		char *t = read_file(arg, &n);
		if (t)
			t[strcspn(t, "\r\n")] = 0;
		return t;
	}
	return strchr(arg, '+') ? strdup(arg) : NULL;
}

/* The oneof member for the frame's body case is NULL (a hostile or broken answer). */
static int body_missing(const Marac__V1__Frame *f)
{
	switch (f->body_case) {
	case MARAC__V1__FRAME__BODY_AUDIT_RECORDS:
		return f->audit_records == NULL;
	case MARAC__V1__FRAME__BODY_CHECKPOINTS:
		return f->checkpoints == NULL;
	case MARAC__V1__FRAME__BODY_PROOF:
		return f->proof == NULL;
	default:
		return 1;
	}
}

static int exchange(mgw_client *c, Marac__V1__Frame *req, Marac__V1__Frame__BodyCase want,
		    int timeout_ms, Marac__V1__Frame **out)
{
	int rc = mgw_client_request(c, req, (int)want, NULL, timeout_ms, out);
	/* The body asked for must be there, whatever the gateway put in the frame. */
	if (rc == MGW_OK && ((*out)->body_case != want || body_missing(*out))) {
		codec_free(&(*out)->base);
		*out = NULL;
		return MGW_E_MALFORMED;
	}
	return rc;
}

static int wants_help(int argc, char **argv)
{
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	return 0;
}

/* Did the gateway refuse a page because it does not fit in one frame? */
static int page_too_large(mgw_client *c, int rc)
{
	const Marac__V1__Error *e = mgw_client_last_error(c);
	return rc == MGW_E_REFUSED && e && e->message && strstr(e->message, "max_frame_bytes");
}

/*
 * One page of q, shrinking q->limit while the gateway says it does not
 * fit. On MGW_OK *res is an AuditRecords frame whose page was checked:
 * records non-NULL, in increasing seq order from q->start_seq, next_seq
 * beyond them (so paging always advances).
 */
static int fetch_page(mgw_client *c, Marac__V1__AuditQuery *q, int timeout, Marac__V1__Frame **res)
{
	for (;;) {
		Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
		req.body_case = MARAC__V1__FRAME__BODY_AUDIT_QUERY;
		req.audit_query = q;
		int rc = exchange(c, &req, MARAC__V1__FRAME__BODY_AUDIT_RECORDS, timeout, res);
		if (page_too_large(c, rc) && q->limit > 1) {
			q->limit /= 2;
			continue;
		}
		if (page_too_large(c, rc)) {
			fprintf(stderr, "marac audit: the record at or after seq %llu does not fit in one "
					"frame (max_frame_bytes); the gateway must page it by size\n",
				(unsigned long long)q->start_seq);
			return rc;
		}
		if (rc != MGW_OK)
			return rc;
		const Marac__V1__AuditRecords *ar = (*res)->audit_records;
		uint64_t last = q->start_seq;
		int ok = ar->n_records <= q->limit && (ar->n_records == 0 || ar->records != NULL);
		for (size_t k = 0; ok && k < ar->n_records; k++) {
			ok = ar->records[k] != NULL && ar->records[k]->seq >= last;
			if (ok)
				last = ar->records[k]->seq + 1;
		}
		if (!ok || (ar->more && ar->next_seq < last) || (ar->more && ar->next_seq <= q->start_seq)) {
			codec_free(&(*res)->base);
			*res = NULL;
			fprintf(stderr, "marac audit: the gateway sent a page that is out of order or "
					"does not advance\n");
			return MGW_E_MALFORMED;
		}
		/* A page that fitted: try a larger one next time. */
		if (q->limit < PAGE_MAX)
			q->limit = q->limit * 2 > PAGE_MAX ? PAGE_MAX : q->limit * 2;
		return MGW_OK;
	}
}

/*
 * Every record matching *q0 (from its start_seq), page by page, to fn;
 * fn returning non-zero stops with EX_OUTPUT. q0 is not changed.
 */
static int each_record(mgw_client *c, const struct conn_args *ca, const Marac__V1__AuditQuery *q0,
		       int (*fn)(void *, const Marac__V1__AuditRecord *), void *ctx, const char *what)
{
	Marac__V1__AuditQuery q = *q0;
	q.limit = PAGE_START;
	for (;;) {
		Marac__V1__Frame *res = NULL;
		int rc = fetch_page(c, &q, ca->timeout_ms, &res);
		if (rc != MGW_OK)
			return conn_fail(c, rc, what);
		Marac__V1__AuditRecords *ar = res->audit_records;
		int stop = 0;
		for (size_t k = 0; k < ar->n_records && !stop; k++)
			stop = fn(ctx, ar->records[k]);
		q.start_seq = ar->next_seq;
		int more = ar->more;
		codec_free(&res->base);
		if (stop)
			return EX_OUTPUT;
		if (!more)
			return EX_OK;
	}
}

/* What the trail says about one case, read before its records are listed. */
#define CASE_SHARES_LISTED 50 /* the table below lists them all */

struct case_sum {
	Marac__V1__AuditRecord *referral; /* the REFERRAL_ACCEPTED record (a copy) */
	unsigned long long shares, tied, deliveries, acks, refusals, other;
	char *lines;                      /* one line per share, the first CASE_SHARES_LISTED */
	size_t len;
	const char *case_ref;
	char *life;                       /* lifecycle lines: withdrawn, closed, merged, ... */
	size_t life_len;
	unsigned long long life_n;
};

/* A case ref from the gateway fit to print as a command (1-64 of A-Z a-z 0-9 - / . _). */
static int ref_printable(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 0 && n <= 64 &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/._") == n;
}

/* Appends line and a newline to *buf (*len bytes so far). 0, or 1 out of memory. */
static int append_line(char **buf, size_t *len, const char *line)
{
	size_t n = strlen(line);
	char *v = realloc(*buf, *len + n + 2);
	if (v == NULL)
		return 1;
	memcpy(v + *len, line, n);
	v[*len + n] = '\n';
	v[*len + n + 1] = '\0';
	*buf = v;
	*len += n + 1;
	return 0;
}

/* "    record 15, 2026-..Z: health-testshire [health], meeting, public_task_sch1_para18, tied" */
static int case_share_line(struct case_sum *cs, const Marac__V1__AuditRecord *r)
{
	char line[512], ts[32], ag[40], pu[32], ba[48];
	time_t secs = (time_t)(r->time_ms / 1000);
	struct tm tm;
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&secs, &tm));
	int n = snprintf(line, sizeof line, "    record %llu, %s: %.64s [%s], %s, %s, %s\n",
			 (unsigned long long)r->seq, ts, r->actor_node,
			 audit_enum_name(&marac__v1__agency__descriptor, r->actor_agency, ag, sizeof ag),
			 audit_enum_name(&marac__v1__purpose__descriptor, r->purpose, pu, sizeof pu),
			 audit_enum_name(&marac__v1__lawful_basis__descriptor, r->lawful_basis, ba,
					 sizeof ba),
			 r->case_known ? "tied to the referral" : "not tied");
	for (char *p = line; *p; p++)
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			*p = '?'; /* node ids come from the gateway: nothing reaches the terminal raw */
	char *v = realloc(cs->lines, cs->len + (size_t)n + 1);
	if (v == NULL)
		return 1;
	memcpy(v + cs->len, line, (size_t)n + 1);
	cs->lines = v;
	cs->len += (size_t)n;
	return 0;
}

static int case_add(void *ctx, const Marac__V1__AuditRecord *r)
{
	struct case_sum *cs = ctx;
	switch (r->event) {
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REFERRAL_ACCEPTED:
		if (cs->referral == NULL) {
			uint8_t *b;
			size_t n;
			ProtobufCMessage *m = NULL;
			if (codec_pack(&r->base, &b, &n) != MGW_OK)
				return 1;
			int rc = codec_unpack(&marac__v1__audit_record__descriptor, b, n, n, &m);
			free(b);
			if (rc != MGW_OK)
				return 1;
			cs->referral = (Marac__V1__AuditRecord *)m;
		}
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED:
		cs->shares++;
		cs->tied += r->case_known;
		if (cs->shares <= CASE_SHARES_LISTED && case_share_line(cs, r) != 0)
			return 1;
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED:
		cs->deliveries++;
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED:
		cs->acks++;
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED:
		cs->refusals++;
		break;
	default: {
		char line[400] = "    ";
		if (audit_lifecycle_line(r, cs->case_ref, line + 4, sizeof line - 4)) {
			cs->life_n++;
			if (cs->life_n <= CASE_SHARES_LISTED &&
			    append_line(&cs->life, &cs->life_len, line) != 0)
				return 1;
			/* a duplicate merged in: its own referral and shares are under its ref */
			if (cs->life_n <= CASE_SHARES_LISTED &&
			    r->event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED &&
			    r->to_case_ref && !strcmp(r->to_case_ref, cs->case_ref) &&
			    ref_printable(r->case_ref)) {
				snprintf(line, sizeof line, "      its referral and shares: marac "
					 "audit --case %s", r->case_ref);
				if (append_line(&cs->life, &cs->life_len, line) != 0)
					return 1;
			}
		} else {
			cs->other++;
		}
	}
	}
	return 0;
}

/*
 * `--case REF`: the case's referral and its shares together, before the
 * records themselves. A share is tied to the referral when the gateway
 * recorded case_known (its case_ref named a referral case it held then).
 */
static int case_summary(mgw_client *c, const struct conn_args *ca, const Marac__V1__AuditQuery *q)
{
	Marac__V1__AuditQuery all = MARAC__V1__AUDIT_QUERY__INIT;
	all.case_ref = q->case_ref;
	struct case_sum cs = {0};
	cs.case_ref = q->case_ref;
	int ex = each_record(c, ca, &all, case_add, &cs, "audit query");
	if (ex != EX_OK) {
		codec_free(cs.referral ? &cs.referral->base : NULL);
		free(cs.lines);
		free(cs.life);
		return ex;
	}
	char line[1024];
	printf("Case %s\n", q->case_ref);
	if (cs.referral) {
		const Marac__V1__AuditRecord *r = cs.referral;
		char ag[40];
		snprintf(line, sizeof line, "%s", r->reason);
		printf("  Referral: accepted (record %llu) from %s [%s], %s, for the meeting of %s\n",
		       (unsigned long long)r->seq, r->actor_node[0] ? r->actor_node : "-",
		       audit_enum_name(&marac__v1__agency__descriptor, r->actor_agency, ag, sizeof ag),
		       line[0] ? line : "-", r->meeting_date[0] ? r->meeting_date : "-");
		printf("  Shares about this referral case: %llu (%llu tied to the referral by the "
		       "gateway)\n", cs.shares, cs.tied);
	} else {
		printf("  Referral: none accepted by this gateway with this case ref; its %llu "
		       "share(s) are not tied to a referral\n", cs.shares);
	}
	if (cs.lines)
		fputs(cs.lines, stdout);
	if (cs.shares > CASE_SHARES_LISTED)
		printf("    ... and %llu more (below)\n", cs.shares - CASE_SHARES_LISTED);
	printf("  Deliveries: %llu committed, %llu acknowledged; refusals naming the case: %llu\n",
	       cs.deliveries, cs.acks, cs.refusals);
	/* what happened to the case after: withdrawn, closed, merged (either way), transferred */
	if (cs.life_n == 0) {
		printf("  Lifecycle: nothing recorded (not withdrawn, closed, merged or "
		       "transferred; no share retracted)\n\n");
	} else {
		printf("  Lifecycle: %llu event(s)\n", cs.life_n);
		fputs(cs.life, stdout);
		if (cs.life_n > CASE_SHARES_LISTED)
			printf("    ... and %llu more (below)\n", cs.life_n - CASE_SHARES_LISTED);
		putchar('\n');
	}
	codec_free(cs.referral ? &cs.referral->base : NULL);
	free(cs.lines);
	free(cs.life);
	return EX_OK;
}

static int report_add(void *ctx, const Marac__V1__AuditRecord *r)
{
	return audit_report_add(ctx, r) != MGW_OK;
}

static int do_report(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	int csv = 0;
	if (wants_help(argc, argv)) {
		help(stdout);
		return EX_OK;
	}
	for (int i = 2; i < argc; i++) {
		int r = conn_args_parse(&ca, argc, argv, &i);
		if (r < 0)
			return EX_USAGE;
		if (r > 0)
			continue;
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (v && !strcmp(a, "--from") && audit_parse_when(v, 0, &q.from_ms) == MGW_OK)
			i++;
		else if (v && !strcmp(a, "--to") && audit_parse_when(v, 1, &q.to_ms) == MGW_OK)
			i++;
		else if (v && !strcmp(a, "--format") && (!strcmp(v, "csv") || !strcmp(v, "table"))) {
			csv = !strcmp(v, "csv");
			i++;
		} else {
			fprintf(stderr, "marac audit report: bad option or value: %s%s%s\n", a,
				v ? " " : "", v ? v : "");
			return EX_USAGE;
		}
	}
	if (q.to_ms && q.from_ms > q.to_ms) {
		fprintf(stderr, "marac audit report: --from is after --to\n");
		return EX_USAGE;
	}
	struct audit_report *rep = audit_report_new(q.from_ms, q.to_ms);
	if (rep == NULL)
		return EX_OUTPUT;
	mgw_client *c;
	int ex = conn_open(&ca, &c);
	if (ex == EX_OK) {
		/* The gateway filters by time; the report counts what came back. */
		ex = each_record(c, &ca, &q, report_add, rep, "audit report");
		mgw_client_free(c);
	}
	if (ex == EX_OK && audit_report_write(rep, csv, stdout) != MGW_OK) {
		fprintf(stderr, "marac audit report: cannot write to stdout\n");
		ex = EX_OUTPUT;
	}
	audit_report_free(rep);
	return ex;
}

static int do_query(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	int json = 0;
	if (wants_help(argc, argv)) {
		help(stdout);
		return EX_OK;
	}
	q.limit = PAGE_START;
	for (int i = 2; i < argc; i++) {
		int r = conn_args_parse(&ca, argc, argv, &i);
		if (r < 0)
			return EX_USAGE;
		if (r > 0)
			continue;
		const char *a = argv[i];
		if (!strcmp(a, "--json")) {
			json = 1;
			continue;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "marac audit query: %s needs a value\n", a);
			return EX_USAGE;
		}
		const char *v = argv[++i];
		int e;
		if (!strcmp(a, "--case")) q.case_ref = (char *)v;
		else if (!strcmp(a, "--node")) q.node = (char *)v;
		else if (!strcmp(a, "--from") && audit_parse_when(v, 0, &q.from_ms) == MGW_OK) ;
		else if (!strcmp(a, "--to") && audit_parse_when(v, 1, &q.to_ms) == MGW_OK) ;
		else if (!strcmp(a, "--format") && !strcmp(v, "table")) json = 0;
		else if (!strcmp(a, "--format") && !strcmp(v, "csv")) json = 2;
		else if (!strcmp(a, "--format") && !strcmp(v, "json")) json = 1;
		else if (!strcmp(a, "--agency") &&
			 pbjson_enum_from_name(&marac__v1__agency__descriptor, v, &e) == MGW_OK) q.agency = e;
		else if (!strcmp(a, "--event") &&
			 pbjson_enum_from_name(&marac__v1__audit_event__descriptor, v, &e) == MGW_OK) q.event = e;
		else {
			fprintf(stderr, "marac audit query: bad option or value: %s %s\n", a, v);
			return EX_USAGE;
		}
	}
	if (q.to_ms && q.from_ms > q.to_ms) {
		fprintf(stderr, "marac audit query: --from is after --to\n");
		return EX_USAGE;
	}
	mgw_client *c;
	int ex = conn_open(&ca, &c);
	if (ex != EX_OK)
		return ex;
	if (json == 0 && q.case_ref && q.case_ref[0] && (ex = case_summary(c, &ca, &q)) != EX_OK) {
		mgw_client_free(c);
		return ex;
	}
	int header = json != 1;
	for (;;) {
		Marac__V1__Frame *res = NULL;
		int rc = fetch_page(c, &q, ca.timeout_ms, &res);
		if (rc != MGW_OK) {
			ex = conn_fail(c, rc, "audit query");
			break;
		}
		Marac__V1__AuditRecords *ar = res->audit_records;
		if (header) {
			if (json == 2)
				audit_csv_header(stdout);
			else
				audit_table_header(stdout);
			header = 0;
		}
		for (size_t k = 0; k < ar->n_records; k++) {
			Marac__V1__AuditRecord *r = ar->records[k];
			if (json == 1) {
				char *t = pbjson_dump(&r->base, 0);
				printf("%s\n", t ? t : "{}");
				free(t);
			} else if (json == 2) {
				audit_csv_row(stdout, r);
			} else {
				audit_table_row(stdout, r);
			}
		}
		q.start_seq = ar->next_seq;
		int more = ar->more;
		codec_free(&res->base);
		if (!more)
			break;
	}
	mgw_client_free(c);
	return ex;
}

struct cps {
	char **notes;
	uint64_t *sizes;
	size_t n;
};

/*
 * One Checkpoints answer for min_size, appended to out: every size at
 * least min_size and none below the one before. *added gets how many.
 */
static int fetch_checkpoint_page(mgw_client *c, int timeout, int latest, uint64_t min_size,
				 struct cps *out, size_t *added, char **vkey)
{
	Marac__V1__CheckpointRequest cr = MARAC__V1__CHECKPOINT_REQUEST__INIT;
	cr.latest_only = latest;
	cr.min_size = min_size;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_CHECKPOINT_REQUEST;
	req.checkpoint_request = &cr;
	*added = 0;
	int rc = exchange(c, &req, MARAC__V1__FRAME__BODY_CHECKPOINTS, timeout, &res);
	if (rc != MGW_OK)
		return rc;
	Marac__V1__Checkpoints *cp = res->checkpoints;
	/* n_notes came off the wire, but the frame holds them all: bounded by its size. */
	if (cp->n_notes > 0 && cp->notes == NULL) {
		codec_free(&res->base);
		return MGW_E_MALFORMED;
	}
	char **nn = realloc(out->notes, (out->n + cp->n_notes + 1) * sizeof *nn);
	if (nn)
		out->notes = nn;
	uint64_t *ns = nn ? realloc(out->sizes, (out->n + cp->n_notes + 1) * sizeof *ns) : NULL;
	if (ns)
		out->sizes = ns;
	rc = nn && ns ? MGW_OK : MGW_E_NOMEM;
	for (size_t i = 0; rc == MGW_OK && i < cp->n_notes; i++) {
		uint64_t size;
		uint8_t root[32];
		if (cp->notes[i] == NULL ||
		    checkpoint_parse_unverified(cp->notes[i], strlen(cp->notes[i]), NULL, &size, root) !=
		    MGW_OK)
			continue;
		/* Oldest first and from min_size, as asked: the export places them by size. */
		if (size < min_size || (out->n > 0 && size < out->sizes[out->n - 1])) {
			rc = MGW_E_MALFORMED;
			break;
		}
		if ((out->notes[out->n] = strdup(cp->notes[i])) == NULL) {
			rc = MGW_E_NOMEM;
			break;
		}
		out->sizes[out->n++] = size;
		(*added)++;
	}
	if (rc == MGW_OK && vkey && *vkey == NULL &&
	    (*vkey = strdup(cp->vkey ? cp->vkey : "")) == NULL)
		rc = MGW_E_NOMEM;
	codec_free(&res->base);
	return rc;
}

/*
 * Every checkpoint (or the latest), following pages: a gateway that pages
 * its checkpoint list by size answers from min_size on; one that does not
 * answers the rest in one go and the next request adds nothing. Stops when
 * an answer brings no checkpoint above the largest seen.
 */
static int fetch_checkpoints(mgw_client *c, int timeout, int latest, struct cps *out, char **vkey)
{
	size_t added;
	out->n = 0;
	if (vkey)
		*vkey = NULL;
	int rc = fetch_checkpoint_page(c, timeout, latest, 0, out, &added, vkey);
	while (rc == MGW_OK && !latest && added > 0 && out->sizes[out->n - 1] < UINT64_MAX)
		rc = fetch_checkpoint_page(c, timeout, 0, out->sizes[out->n - 1] + 1, out, &added,
					   NULL);
	return rc;
}

static void free_cps(struct cps *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->notes[i]);
	free(c->notes);
	free(c->sizes);
}

/*
 * r-redteam6. The trail's size now (one AuditQuery page of one record:
 * AuditRecords.tree_size), into *size. 0 or the client's error.
 */
static int trail_size(mgw_client *c, int timeout, uint64_t *size)
{
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	q.limit = 1;
	Marac__V1__Frame *res = NULL;
	int rc = fetch_page(c, &q, timeout, &res);
	if (rc == MGW_OK) {
		*size = res->audit_records->tree_size;
		codec_free(&res->base);
	}
	return rc;
}

/*
 * Wait up to wait_s seconds for the gateway's latest checkpoint to cover
 * `want` records (it signs one every audit.checkpoint_secs, default 60).
 * 0 (covered, or the wait ran out: the export then ends at the latest
 * checkpoint there is) or the client's error.
 */
static int wait_checkpoint(mgw_client *c, int timeout, uint64_t want, long wait_s)
{
	time_t end = time(NULL) + wait_s;
	for (;;) {
		struct cps last = {0};
		int rc = fetch_checkpoints(c, timeout, 1, &last, NULL);
		uint64_t have = rc == MGW_OK && last.n > 0 ? last.sizes[last.n - 1] : 0;
		free_cps(&last);
		if (rc != MGW_OK || have >= want || time(NULL) >= end)
			return rc;
		sleep(1);
	}
}

static int do_export(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *outp = NULL;
	long wait_s = 90;
	if (wants_help(argc, argv)) {
		help(stdout);
		return EX_OK;
	}
	for (int i = 2; i < argc; i++) {
		int r = conn_args_parse(&ca, argc, argv, &i);
		if (r < 0)
			return EX_USAGE;
		if (r > 0)
			continue;
		if (!strcmp(argv[i], "--out") && i + 1 < argc)
			outp = argv[++i];
		else if (!strcmp(argv[i], "--wait") && i + 1 < argc) {
			char *end;
			wait_s = strtol(argv[++i], &end, 10);
			if (*end || wait_s < 0 || wait_s > 86400) {
				fprintf(stderr, "marac audit export: --wait: 0..86400 seconds\n");
				return EX_USAGE;
			}
		} else {
			fprintf(stderr, "marac audit export: unknown option %s\n", argv[i]);
			return EX_USAGE;
		}
	}
	if (outp == NULL) {
		help(stderr);
		return EX_USAGE;
	}
	mgw_client *c;
	int ex = conn_open(&ca, &c);
	if (ex != EX_OK)
		return ex;
	struct cps cps = {0};
	/* r-redteam6: the export ends at a signed checkpoint, so nothing in it is
	 * unproven; first wait (a while) for one covering the trail as it is now. */
	uint64_t start_size = 0;
	int rc = trail_size(c, ca.timeout_ms, &start_size);
	if (rc == MGW_OK)
		rc = wait_checkpoint(c, ca.timeout_ms, start_size, wait_s);
	if (rc == MGW_OK)
		rc = fetch_checkpoints(c, ca.timeout_ms, 0, &cps, NULL);
	uint64_t proven = cps.n > 0 ? cps.sizes[cps.n - 1] : 0, tip = start_size;
	if (rc != MGW_OK) {
		ex = conn_fail(c, rc, "checkpoints");
		free_cps(&cps);
		mgw_client_free(c);
		return ex;
	}
	/* r-redteam6: an unpredictable name made O_EXCL (mkstemp, 0600), not
	 * FILE.partial opened through whatever symlink someone planted there. */
	char tmp[4200];
	FILE *f = NULL;
	int made = 0;
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.partial.XXXXXX", outp) < sizeof tmp) {
		int fd = mkstemp(tmp);
		made = fd >= 0;
		f = fd >= 0 ? fdopen(fd, "wb") : NULL;
		if (fd >= 0 && f == NULL)
			close(fd);
	}
	auditlog_writer *w = NULL;
	char origin[CHECKPOINT_MAX_ORIGIN + 1] = "marac-gateway";
	if (cps.n > 0) {
		char *o = NULL;
		uint64_t sz;
		uint8_t root[32];
		if (checkpoint_parse_unverified(cps.notes[0], strlen(cps.notes[0]), &o, &sz, root) == MGW_OK) {
			snprintf(origin, sizeof origin, "%s", o);
			free(o);
		}
	}
	if (f == NULL || auditlog_writer_open(f, origin, &w) != MGW_OK) {
		fprintf(stderr, "marac audit export: %s: cannot write\n", tmp);
		ex = EX_OUTPUT;
		goto out;
	}
	int tty = isatty(STDERR_FILENO);
	size_t next_cp = 0;
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	q.limit = PAGE_START;
	while (q.start_seq < proven) {
		Marac__V1__Frame *res = NULL;
		rc = fetch_page(c, &q, ca.timeout_ms, &res);
		if (rc != MGW_OK) {
			ex = conn_fail(c, rc, "audit export");
			goto out;
		}
		Marac__V1__AuditRecords *ar = res->audit_records;
		if (ar->tree_size > tip)
			tip = ar->tree_size;
		for (size_t k = 0; k < ar->n_records && ar->records[k]->seq < proven; k++) {
			uint8_t *b;
			size_t n;
			if (codec_pack(&ar->records[k]->base, &b, &n) != MGW_OK) {
				ex = EX_OUTPUT;
				codec_free(&res->base);
				goto out;
			}
			rc = auditlog_writer_record(w, b, n);
			free(b);
			if (rc != MGW_OK) {
				fprintf(stderr, "marac audit export: record %llu: %s\n",
					(unsigned long long)ar->records[k]->seq, mgw_strerror(rc));
				ex = EX_OUTPUT;
				codec_free(&res->base);
				goto out;
			}
			/* A checkpoint goes right after the record that completes its tree. */
			while (next_cp < cps.n && cps.sizes[next_cp] <= auditlog_writer_size(w)) {
				if (cps.sizes[next_cp] == auditlog_writer_size(w))
					auditlog_writer_checkpoint(w, cps.notes[next_cp], strlen(cps.notes[next_cp]));
				next_cp++;
			}
		}
		if (tty)
			fprintf(stderr, "\rexporting: %llu / %llu records",
				(unsigned long long)auditlog_writer_size(w),
				(unsigned long long)ar->tree_size);
		q.start_seq = ar->next_seq;
		int more = ar->more;
		codec_free(&res->base);
		if (!more)
			break;
	}
	if (tty)
		fprintf(stderr, "\n");
	if (auditlog_writer_finish(w) != MGW_OK || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		ex = EX_OUTPUT;
		goto out;
	}
	fclose(f);
	f = NULL;
	if (rename(tmp, outp) != 0) {
		ex = EX_OUTPUT;
		goto out;
	}
	printf("exported %llu records and %zu checkpoints to %s\n",
	       (unsigned long long)auditlog_writer_size(w), cps.n, outp);
	if (tip > auditlog_writer_size(w))
		fprintf(stderr, "marac audit export: %llu newer records are not yet under a signed "
			"checkpoint and were left out; the next export has them\n",
			(unsigned long long)(tip - auditlog_writer_size(w)));
out:
	auditlog_writer_free(w);
	if (f)
		fclose(f);
	if (ex != EX_OK && made)
		unlink(tmp); /* nothing half-written is left behind */
	free_cps(&cps);
	mgw_client_free(c);
	return ex;
}

static int do_verify(int argc, char **argv)
{
	const char *file = NULL, *pub = NULL;
	unsigned flags = 0;
	int allow_tail = 0;
	if (wants_help(argc, argv)) {
		help(stdout);
		return EX_OK;
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--pubkey") && i + 1 < argc)
			pub = argv[++i];
		else if (!strcmp(argv[i], "--require-coverage"))
			flags |= AUDITLOG_REQUIRE_COVERAGE;
		else if (!strcmp(argv[i], "--allow-tail"))
			allow_tail = 1;
		else if (file == NULL && argv[i][0] != '-')
			file = argv[i];
		else {
			help(stderr);
			return EX_USAGE;
		}
	}
	if (file == NULL || pub == NULL) {
		help(stderr);
		return EX_USAGE;
	}
	char *vkey = load_vkey(pub);
	if (vkey == NULL) {
		fprintf(stderr, "marac audit verify: %s: not a verifier key or a file holding one\n", pub);
		return EX_INPUT;
	}
	struct auditlog_report rep;
	int rc = auditlog_verify_file(file, vkey, flags, &rep);
	free(vkey);
	if (rc == MGW_OK) {
		printf("%s: %s\n", file, rep.message);
		if (rep.warnings)
			printf("%s: warning: %s\n", file, rep.warning);
		/* r-redteam6: records no checkpoint covers verify only as far as the
		 * file goes (anyone could have written them): a script must not read
		 * that as proven, so it is an exit status of its own. */
		if (rep.records > rep.proven && !allow_tail) {
			fprintf(stderr, "%s: UNPROVEN TAIL: records %llu..%llu are after the last "
				"signed checkpoint (exit 7; --allow-tail accepts them, "
				"--require-coverage refuses them)\n",
				file, (unsigned long long)rep.proven,
				(unsigned long long)(rep.records - 1));
			return EX_UNPROVEN;
		}
		return EX_OK;
	}
	fprintf(stderr, "%s: NOT VERIFIED: %s\n", file, rep.message);
	return rc == MGW_E_IO || rc == MGW_E_MALFORMED ? EX_INPUT : EX_REFUSED;
}

static int do_proof(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *pub = NULL;
	long long seq = -1;
	if (wants_help(argc, argv)) {
		help(stdout);
		return EX_OK;
	}
	for (int i = 2; i < argc; i++) {
		int r = conn_args_parse(&ca, argc, argv, &i);
		if (r < 0)
			return EX_USAGE;
		if (r > 0)
			continue;
		if (!strcmp(argv[i], "--seq") && i + 1 < argc) {
			char *end;
			const char *v = argv[++i];
			seq = strtoll(v, &end, 10);
			if (*v < '0' || *v > '9' || *end != '\0' || seq < 0) {
				fprintf(stderr, "marac audit proof: --seq %s: not a record number\n", v);
				return EX_USAGE;
			}
		}
		else if (!strcmp(argv[i], "--pubkey") && i + 1 < argc)
			pub = argv[++i];
		else {
			help(stderr);
			return EX_USAGE;
		}
	}
	if (seq < 0) {
		help(stderr);
		return EX_USAGE;
	}
	mgw_client *c;
	int ex = conn_open(&ca, &c);
	if (ex != EX_OK)
		return ex;
	struct cps cps = {0};
	char *served_vkey = NULL, *vkey = pub ? load_vkey(pub) : NULL;
	Marac__V1__Frame *res = NULL;
	int rc = fetch_checkpoints(c, ca.timeout_ms, 1, &cps, &served_vkey);
	if (rc != MGW_OK || cps.n == 0) {
		ex = rc != MGW_OK ? conn_fail(c, rc, "checkpoints") : EX_REFUSED;
		if (rc == MGW_OK)
			fprintf(stderr, "marac audit proof: no checkpoint signed yet\n");
		goto out;
	}
	uint64_t size;
	uint8_t root[32];
	const char *use = vkey ? vkey : served_vkey;
	if (checkpoint_parse_verify(cps.notes[0], strlen(cps.notes[0]), use, NULL, &size, root) != MGW_OK) {
		fprintf(stderr, "marac audit proof: the latest checkpoint does not verify with %s\n",
			vkey ? "--pubkey" : "the gateway's key");
		ex = EX_REFUSED;
		goto out;
	}
	Marac__V1__InclusionProofRequest ir = MARAC__V1__INCLUSION_PROOF_REQUEST__INIT;
	ir.seq = (uint64_t)seq;
	ir.tree_size = size;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_INCLUSION_PROOF_REQUEST;
	req.inclusion_proof_request = &ir;
	rc = exchange(c, &req, MARAC__V1__FRAME__BODY_PROOF, ca.timeout_ms, &res);
	if (rc != MGW_OK) {
		ex = conn_fail(c, rc, "inclusion proof");
		goto out;
	}
	/* Nothing in the answer is trusted: audit_inclusion_check looks at every field. */
	Marac__V1__Proof *p = res->proof;
	char why[160];
	rc = audit_inclusion_check(p, (uint64_t)seq, size, root, why, sizeof why);
	int ok = rc == MGW_OK;
	if (rc != MGW_E_MALFORMED && p->record) {
		char *t = pbjson_dump(&p->record->base, 1);
		printf("%s\n", t ? t : "{}");
		free(t);
	}
	if (ok) {
		printf("record %lld is in the log: inclusion proof verified against the checkpoint of "
		       "size %llu%s\n", seq, (unsigned long long)size,
		       vkey ? "" : " (signed by the key the gateway served: check it out of band)");
	} else {
		fprintf(stderr, "marac audit proof: the proof for record %lld does NOT verify: %s\n",
			seq, why);
		ex = EX_REFUSED;
	}
out:
	codec_free(res ? &res->base : NULL);
	free(vkey);
	free(served_vkey);
	free_cps(&cps);
	mgw_client_free(c);
	return ex;
}

int cmd_audit(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		help(argc < 2 ? stderr : stdout);
		return argc < 2 ? EX_USAGE : EX_OK;
	}
	if (!strcmp(argv[1], "query"))
		return do_query(argc, argv);
	if (!strcmp(argv[1], "report"))
		return do_report(argc, argv);
	/* "marac audit --case REF ...": a query (argv[1] is skipped as the verb would be) */
	if (argv[1][0] == '-' && argc >= 2) {
		char **av = malloc(((size_t)argc + 2) * sizeof *av);
		if (av == NULL)
			return EX_OUTPUT;
		av[0] = argv[0];
		av[1] = (char *)"query";
		memcpy(av + 2, argv + 1, ((size_t)argc - 1) * sizeof *av);
		av[argc + 1] = NULL;
		int ex = do_query(argc + 1, av);
		free(av);
		return ex;
	}
	if (!strcmp(argv[1], "export"))
		return do_export(argc, argv);
	if (!strcmp(argv[1], "verify"))
		return do_verify(argc, argv);
	if (!strcmp(argv[1], "proof"))
		return do_proof(argc, argv);
	fprintf(stderr, "marac audit: unknown subcommand \"%s\"\n", argv[1]);
	help(stderr);
	return EX_USAGE;
}
