/*
 * audit_view.c: an auditor's reading of the trail. See audit_view.h.
 */
#include "audit_view.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "caldate.h"
#include "mgw_err.h"
#include "pbjson.h"

/* ---- Europe/London -------------------------------------------------------- */

/* The last Sunday of month m of year y, as a day number. */
static int32_t last_sunday(int y, int m)
{
	int32_t last = (m == 12 ? caldate_from_ymd(y + 1, 1, 1) : caldate_from_ymd(y, m + 1, 1)) - 1;
	return last - caldate_weekday(last) % 7;
}

/* BST of year y as [start, end) in Unix seconds: 01:00 UTC on the last Sundays. */
static void bst_of(int y, int64_t *start, int64_t *end)
{
	*start = (int64_t)last_sunday(y, 3) * 86400 + 3600;
	*end = (int64_t)last_sunday(y, 10) * 86400 + 3600;
}

static int year_of(int64_t t)
{
	int y, m, d;
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	caldate_to_ymd((int32_t)day, &y, &m, &d);
	return y;
}

int audit_london_offset(int64_t t)
{
	int64_t s, e;
	bst_of(year_of(t), &s, &e);
	return t >= s && t < e ? 3600 : 0;
}

/* A local Europe/London time (seconds as if UTC) to Unix seconds. */
static int64_t london_to_utc(int64_t local)
{
	int64_t s, e, bst = local - 3600;
	bst_of(year_of(local), &s, &e);
	/* The repeated October hour: the first (BST). The March gap: read as GMT. */
	return bst >= s && bst < e ? bst : local;
}

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int audit_parse_when(const char *s, int upper, int64_t *ms)
{
	size_t n = s ? strlen(s) : 0;
	int32_t day;
	char date[11];
	if (n == 0)
		return MGW_E_INVALID;
	if (strspn(s, "0123456789") == n) {
		if (n > 15) /* beyond year 9999 in ms */
			return MGW_E_INVALID;
		*ms = strtoll(s, NULL, 10);
		return MGW_OK;
	}
	if (n < 10)
		return MGW_E_INVALID;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (caldate_parse(date, &day) != 0 || day < 0)
		return MGW_E_INVALID;
	if (n == 10) {
		*ms = london_to_utc((int64_t)(day + (upper ? 1 : 0)) * 86400) * 1000;
		return MGW_OK;
	}
	/* T or space, HH:MM, optional :SS, then nothing (local), Z, or +HH:MM / -HH:MM */
	const char *p = s + 10;
	int hh, mm, ss = 0, oh = 0, om = 0;
	if ((*p != 'T' && *p != ' ') || strlen(p) < 6 || digits(p + 1, 2, &hh) || p[3] != ':' ||
	    digits(p + 4, 2, &mm))
		return MGW_E_INVALID;
	p += 6;
	if (*p == ':') {
		if (digits(p + 1, 2, &ss) || strlen(p) < 3)
			return MGW_E_INVALID;
		p += 3;
	}
	if (hh > 23 || mm > 59 || ss > 59)
		return MGW_E_INVALID;
	int64_t local = (int64_t)day * 86400 + hh * 3600 + mm * 60 + ss;
	if (*p == '\0') {
		*ms = london_to_utc(local) * 1000;
		return MGW_OK;
	}
	if (!strcmp(p, "Z")) {
		*ms = local * 1000;
		return MGW_OK;
	}
	if ((*p != '+' && *p != '-') || strlen(p) != 6 || digits(p + 1, 2, &oh) || p[3] != ':' ||
	    digits(p + 4, 2, &om) || oh > 14 || om > 59)
		return MGW_E_INVALID;
	int64_t off = (int64_t)oh * 3600 + om * 60;
	*ms = (local - (*p == '+' ? off : -off)) * 1000;
	return *ms >= 0 ? MGW_OK : MGW_E_INVALID;
}

/* ---- one record ----------------------------------------------------------- */

/* s cut to printable ASCII (else '?') and to n - 1 bytes: the gateway is not trusted. */
static const char *clean(const char *s, char *buf, size_t n)
{
	size_t k = 0;
	for (; s && *s && k + 1 < n; s++)
		buf[k++] = *s >= 0x20 && *s < 0x7f ? *s : '?';
	buf[k] = '\0';
	return buf;
}

const char *audit_enum_name(const ProtobufCEnumDescriptor *d, int v, char *buf, size_t n)
{
	const char *s = v ? pbjson_enum_short_name(d, v, buf, n) : NULL;
	return s ? s : "-";
}

struct tally {
	int action;
	char ground[48];
	unsigned n;
};

static int tally_cmp(const void *pa, const void *pb)
{
	const struct tally *a = pa, *b = pb;
	if (a->action != b->action)
		return a->action - b->action;
	return strcmp(a->ground, b->ground);
}

#define MANIFEST_TALLY_MAX 64

void audit_manifest_summary(const Marac__V1__AuditRecord *r, char *buf, size_t n)
{
	struct tally t[MANIFEST_TALLY_MAX];
	size_t nt = 0;
	snprintf(buf, n, "-");
	for (size_t i = 0; i < r->n_manifest; i++) {
		const Marac__V1__RedactionEntry *e = r->manifest ? r->manifest[i] : NULL;
		if (e == NULL)
			continue;
		char g[48];
		clean(e->ground && e->ground[0] ? e->ground : "no-ground", g, sizeof g);
		size_t k = 0;
		while (k < nt && !(t[k].action == (int)e->action && !strcmp(t[k].ground, g)))
			k++;
		if (k == nt) {
			if (nt == MANIFEST_TALLY_MAX)
				continue; /* a policy has far fewer grounds than this */
			t[nt].action = (int)e->action;
			memcpy(t[nt].ground, g, sizeof g);
			t[nt++].n = 0;
		}
		t[k].n++;
	}
	if (nt == 0)
		return;
	qsort(t, nt, sizeof *t, tally_cmp);
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < nt && k < n; ) {
		unsigned total = 0;
		size_t j = i;
		while (j < nt && t[j].action == t[i].action)
			total += t[j++].n;
		char an[24];
		k += (size_t)snprintf(buf + k, n - k, "%s%s %u (", i ? "; " : "",
				      audit_enum_name(&marac__v1__redaction_action__descriptor,
						      t[i].action, an, sizeof an), total);
		for (size_t q = i; q < j && k < n; q++)
			k += (size_t)snprintf(buf + k, n - k, "%s%s %u", q > i ? ", " : "",
					      t[q].ground, t[q].n);
		if (k < n)
			k += (size_t)snprintf(buf + k, n - k, ")");
		i = j;
	}
}

static void utc_text(int64_t ms, char out[32])
{
	int y, m, d;
	int64_t secs = ms >= 0 ? ms / 1000 : 0;
	caldate_to_ymd((int32_t)(secs / 86400), &y, &m, &d);
	int64_t r = secs % 86400;
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, (int)(r / 3600),
		 (int)(r / 60 % 60), (int)(r % 60), (int)(ms >= 0 ? ms % 1000 : 0));
}

/* Everything of r that is not in a column of its own, "k=v" separated by spaces. */
static void detail_text(const Marac__V1__AuditRecord *r, char *buf, size_t n)
{
	char c[80];
	size_t k = 0;
	buf[0] = '\0';
#define ADD(key, val)                                                                    \
	do {                                                                             \
		if ((val) && (val)[0] && k < n)                                          \
			k += (size_t)snprintf(buf + k, n - k, "%s%s=%s", k ? " " : "", key,    \
					      clean(val, c, sizeof c));                  \
	} while (0)
	ADD("msg", r->msg_id);
	ADD("delivery", r->delivery_id);
	ADD("reason", r->reason);
	ADD("attempted", r->attempted);
	ADD("area", r->marac_area);
	ADD("meeting", r->meeting_date);
#undef ADD
	if (r->case_known && k < n)
		k += (size_t)snprintf(buf + k, n - k, "%scase=referral", k ? " " : "");
	if (r->count && k < n)
		snprintf(buf + k, n - k, "%scount=%" PRIu64, k ? " " : "", r->count);
}

static void party(const char *node, int agency, char *buf, size_t n)
{
	char nb[72], ab[40];
	if (!node || !node[0]) {
		snprintf(buf, n, "%s", agency ? audit_enum_name(&marac__v1__agency__descriptor,
							        agency, ab, sizeof ab) : "-");
		return;
	}
	snprintf(buf, n, "%s [%s]", clean(node, nb, sizeof nb),
		 audit_enum_name(&marac__v1__agency__descriptor, agency, ab, sizeof ab));
}

void audit_table_header(FILE *f)
{
	fprintf(f, "%-6s %-24s %-20s %-38s %-38s %-16s %-10s %-24s %-40s %s\n", "SEQ",
		"TIME (UTC)", "EVENT", "ACTOR", "RECIPIENT", "CASE", "PURPOSE", "BASIS", "DETAIL",
		"MANIFEST (fields by action and ground)");
}

void audit_table_row(FILE *f, const Marac__V1__AuditRecord *r)
{
	char ts[32], ev[40], act[112], rec[112], cs[72], pu[32], ba[48], det[512], man[1024];
	utc_text(r->time_ms, ts);
	party(r->actor_node, r->actor_agency, act, sizeof act);
	party(r->recipient_node, r->recipient_agency, rec, sizeof rec);
	detail_text(r, det, sizeof det);
	audit_manifest_summary(r, man, sizeof man);
	fprintf(f, "%-6" PRIu64 " %-24s %-20s %-38s %-38s %-16s %-10s %-24s %-40s %s\n", r->seq, ts,
		audit_enum_name(&marac__v1__audit_event__descriptor, r->event, ev, sizeof ev), act,
		rec, r->case_ref && r->case_ref[0] ? clean(r->case_ref, cs, sizeof cs) : "-",
		audit_enum_name(&marac__v1__purpose__descriptor, r->purpose, pu, sizeof pu),
		audit_enum_name(&marac__v1__lawful_basis__descriptor, r->lawful_basis, ba, sizeof ba),
		det[0] ? det : "-", man);
}

int audit_record_about_case(const Marac__V1__AuditRecord *r, const char *case_ref)
{
	if (case_ref == NULL || case_ref[0] == '\0')
		return 1;
	return (r->case_ref && !strcmp(r->case_ref, case_ref)) ||
	       (r->to_case_ref && !strcmp(r->to_case_ref, case_ref));
}

int audit_lifecycle_line(const Marac__V1__AuditRecord *r, const char *case_ref, char *buf,
			 size_t n)
{
	char ts[32], who[112], why[64], x[72], y[72], z[16];
	const char *what;
	switch (r->event) {
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_WITHDRAWN:
		what = "withdrawn";
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_CLOSED:
		what = "closed";
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED:
		what = "merged";
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_TRANSFERRED:
		what = "transferred";
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED:
		what = "share retracted";
		break;
	default:
		return 0;
	}
	utc_text(r->time_ms, ts);
	ts[19] = 'Z'; /* to the second, as the rest of the summary */
	ts[20] = '\0';
	party(r->actor_node, r->actor_agency, who, sizeof who);
	clean(r->reason && r->reason[0] ? r->reason : "-", why, sizeof why);
	int k = snprintf(buf, n, "%s %s by %s", ts, what, who);
	if (k < 0 || (size_t)k >= n)
		return 1;
	switch (r->event) {
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED:
		/* seen from the survivor, the duplicate came in; from the duplicate, it went */
		if (case_ref && r->to_case_ref && !strcmp(case_ref, r->to_case_ref))
			snprintf(buf + k, n - (size_t)k, ": %s merged into this case",
				 clean(r->case_ref, x, sizeof x));
		else
			snprintf(buf + k, n - (size_t)k, ": into %s",
				 clean(r->to_case_ref, x, sizeof x));
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_TRANSFERRED:
		snprintf(buf + k, n - (size_t)k, ": from %s to %s (meeting %s)",
			 r->marac_area && r->marac_area[0] ? clean(r->marac_area, x, sizeof x) : "-",
			 r->to_area && r->to_area[0] ? clean(r->to_area, y, sizeof y) : "-",
			 r->meeting_date && r->meeting_date[0] ? clean(r->meeting_date, z, sizeof z)
							       : "-");
		break;
	case MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED:
		snprintf(buf + k, n - (size_t)k, ": share %s, %s, %" PRIu64 " deliveries",
			 r->msg_id && r->msg_id[0] ? clean(r->msg_id, x, sizeof x) : "-", why,
			 r->count);
		break;
	default:
		snprintf(buf + k, n - (size_t)k, ": %s", why);
	}
	return 1;
}

/* ---- CSV ------------------------------------------------------------------ */

void audit_csv_cell(FILE *f, const char *s)
{
	s = s ? s : "";
	int guard = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
		    s[0] == '\r';
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

static void csv_cells(FILE *f, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		audit_csv_cell(f, cells[i]);
	}
	fputs("\r\n", f);
}

#define AUDIT_CSV_COLS 20
static const char *const csv_header[AUDIT_CSV_COLS] = {
	"seq", "time_utc", "event", "actor_node", "actor_agency", "recipient_node",
	"recipient_agency", "case_ref", "case_known", "msg_id", "delivery_id", "purpose",
	"lawful_basis", "manifest", "reason", "attempted", "marac_area", "meeting_date",
	"count", "time_ms",
};

void audit_csv_header(FILE *f)
{
	csv_cells(f, csv_header, AUDIT_CSV_COLS);
}

/* An enum's short name for a CSV cell: empty when unset (not "-", which would be guarded). */
static const char *csv_enum(const ProtobufCEnumDescriptor *d, int v, char *buf, size_t n)
{
	const char *s = audit_enum_name(d, v, buf, n);
	return strcmp(s, "-") ? s : "";
}

void audit_csv_row(FILE *f, const Marac__V1__AuditRecord *r)
{
	char seq[24], ts[32], ev[40], aa[40], ra[40], pu[32], ba[48], man[1024], cnt[24], tms[24];
	char s[9][72];
	snprintf(seq, sizeof seq, "%" PRIu64, r->seq);
	snprintf(cnt, sizeof cnt, "%" PRIu64, r->count);
	snprintf(tms, sizeof tms, "%" PRId64, r->time_ms);
	utc_text(r->time_ms, ts);
	audit_manifest_summary(r, man, sizeof man);
	const char *cells[AUDIT_CSV_COLS] = {
		seq, ts,
		csv_enum(&marac__v1__audit_event__descriptor, r->event, ev, sizeof ev),
		clean(r->actor_node, s[0], sizeof s[0]),
		csv_enum(&marac__v1__agency__descriptor, r->actor_agency, aa, sizeof aa),
		clean(r->recipient_node, s[1], sizeof s[1]),
		csv_enum(&marac__v1__agency__descriptor, r->recipient_agency, ra, sizeof ra),
		clean(r->case_ref, s[2], sizeof s[2]), r->case_known ? "yes" : "no",
		clean(r->msg_id, s[3], sizeof s[3]), clean(r->delivery_id, s[4], sizeof s[4]),
		csv_enum(&marac__v1__purpose__descriptor, r->purpose, pu, sizeof pu),
		csv_enum(&marac__v1__lawful_basis__descriptor, r->lawful_basis, ba, sizeof ba),
		strcmp(man, "-") ? man : "", clean(r->reason, s[5], sizeof s[5]), clean(r->attempted, s[6], sizeof s[6]),
		clean(r->marac_area, s[7], sizeof s[7]), clean(r->meeting_date, s[8], sizeof s[8]),
		cnt, tms,
	};
	csv_cells(f, cells, AUDIT_CSV_COLS);
}

/* ---- per-agency totals ---------------------------------------------------- */

enum side { BY_ACTOR, BY_RECIPIENT };

/*
 * What the report counts: one row per measure. events: AuditEvent value
 * names separated by '|', or "*WORD*" for every event whose name holds
 * WORD. Every AuditEvent this build declares is named by some row (a unit
 * test walks audit.proto's list, so a new kind cannot be forgotten);
 * records of kinds no row names (a newer gateway's) are counted as
 * "other". New rows go after the existing ones (before "other"), so a
 * report's CSV columns keep their positions. by_count: the record stands
 * for `count` events (aggregated refusals, rate-limited lookups); in other
 * records count means something else (a retraction's deliveries, a list's
 * length) and the record is one event.
 */
static const struct measure {
	const char *name;
	const char *events;
	enum side side;
	int by_count;
} measures[] = {
	{"shares", "AUDIT_EVENT_SHARE_ACCEPTED", BY_ACTOR, 0},
	{"referrals", "AUDIT_EVENT_REFERRAL_ACCEPTED", BY_ACTOR, 0},
	{"deliveries", "AUDIT_EVENT_DELIVERY_COMMITTED", BY_RECIPIENT, 0},
	{"receipts", "AUDIT_EVENT_DELIVERY_ACKED", BY_RECIPIENT, 0},
	{"refusals", "AUDIT_EVENT_REQUEST_REFUSED|AUDIT_EVENT_CONNECTION_REFUSED", BY_ACTOR, 1},
	{"agenda_pulls", "AUDIT_EVENT_AGENDA_PULLED", BY_ACTOR, 0},
	{"research", "AUDIT_EVENT_RESEARCH_MARKED", BY_ACTOR, 0},
	{"lookups", "AUDIT_EVENT_LOOKUP", BY_ACTOR, 0},
	{"lookups_limited", "AUDIT_EVENT_LOOKUP_RATE_LIMITED", BY_ACTOR, 1},
	{"flags_raised", "AUDIT_EVENT_FLAG_RAISED", BY_ACTOR, 0},
	{"audit_queries", "AUDIT_EVENT_AUDIT_QUERIED", BY_ACTOR, 0},
	/* issues 12 and 13: after the meeting, the case's life, matching */
	{"actions", "AUDIT_EVENT_ACTION_ADDED|AUDIT_EVENT_ACTION_UPDATED", BY_ACTOR, 0},
	{"action_notices", "AUDIT_EVENT_ACTION_NOTICE", BY_RECIPIENT, 0},
	{"markers", "AUDIT_EVENT_MARKER_ADDED|AUDIT_EVENT_MARKER_INFORMED|"
		    "AUDIT_EVENT_MARKER_REVIEWED", BY_ACTOR, 0},
	{"marker_notices", "AUDIT_EVENT_MARKER_NOTICE", BY_RECIPIENT, 0},
	{"marker_escalations", "AUDIT_EVENT_MARKER_ESCALATED", BY_RECIPIENT, 0},
	{"followup_lists", "AUDIT_EVENT_FOLLOWUP_LISTED", BY_ACTOR, 0},
	{"flag_acks", "AUDIT_EVENT_FLAG_ACKED", BY_ACTOR, 0},
	{"flag_history_reads", "AUDIT_EVENT_FLAG_HISTORY_READ", BY_ACTOR, 0},
	{"lifecycle", "AUDIT_EVENT_CASE_WITHDRAWN|AUDIT_EVENT_CASE_CLOSED|AUDIT_EVENT_CASE_MERGED|"
		      "AUDIT_EVENT_CASE_TRANSFERRED", BY_ACTOR, 0},
	{"retractions", "AUDIT_EVENT_SHARE_RETRACTED", BY_ACTOR, 0},
	{"retracts_delivered", "AUDIT_EVENT_RETRACT_DELIVERED", BY_RECIPIENT, 0},
	{"retracts_confirmed", "AUDIT_EVENT_RETRACT_CONFIRMED", BY_ACTOR, 0},
	{"serial_perpetrator", "AUDIT_EVENT_SERIAL_PERPETRATOR", BY_ACTOR, 0},
	{"connections", "AUDIT_EVENT_NODE_CONNECTED", BY_ACTOR, 0},
	{"gateway_events", "AUDIT_EVENT_GATEWAY_START|AUDIT_EVENT_GATEWAY_STOP|"
			   "AUDIT_EVENT_POLICY_LOADED|AUDIT_EVENT_CHECKPOINT_SIGNED", BY_ACTOR, 0},
	{"culled", "AUDIT_EVENT_SESSION_CULLED", BY_ACTOR, 0},
};
#define N_MEASURES (sizeof measures / sizeof measures[0])
#define N_AGENCY_ROWS (MARAC__V1__AGENCY__AGENCY_EDUCATION + 1) /* 0: none */

struct reason_count {
	int agency;
	char reason[48];
	unsigned long long n;
};

struct audit_report {
	int64_t from_ms, to_ms;
	unsigned long long totals[N_AGENCY_ROWS][N_MEASURES];
	unsigned long long other[N_AGENCY_ROWS]; /* events no measure counts */
	unsigned long long records;
	struct reason_count *reasons;
	size_t n_reasons, cap_reasons;
};

static int event_matches(const char *pattern, const char *name)
{
	size_t pl = strlen(pattern);
	if (pl > 2 && pattern[0] == '*' && pattern[pl - 1] == '*') {
		char word[40];
		if (pl - 2 >= sizeof word)
			return 0;
		memcpy(word, pattern + 1, pl - 2);
		word[pl - 2] = '\0';
		return strstr(name, word) != NULL;
	}
	for (const char *p = pattern; *p;) {
		size_t l = strcspn(p, "|");
		if (strlen(name) == l && !strncmp(p, name, l))
			return 1;
		p += l + (p[l] == '|');
	}
	return 0;
}

struct audit_report *audit_report_new(int64_t from_ms, int64_t to_ms)
{
	struct audit_report *r = calloc(1, sizeof *r);
	if (r) {
		r->from_ms = from_ms;
		r->to_ms = to_ms;
	}
	return r;
}

void audit_report_free(struct audit_report *r)
{
	if (r)
		free(r->reasons);
	free(r);
}

static int agency_row(int agency)
{
	return agency > 0 && agency < (int)N_AGENCY_ROWS ? agency : 0;
}

static int add_reason(struct audit_report *r, int agency, const char *reason, unsigned long long n)
{
	char rb[48];
	clean(reason && reason[0] ? reason : "unspecified", rb, sizeof rb);
	for (size_t i = 0; i < r->n_reasons; i++)
		if (r->reasons[i].agency == agency && !strcmp(r->reasons[i].reason, rb)) {
			r->reasons[i].n += n;
			return MGW_OK;
		}
	if (r->n_reasons == r->cap_reasons) {
		size_t cap = r->cap_reasons ? r->cap_reasons * 2 : 16;
		struct reason_count *v = realloc(r->reasons, cap * sizeof *v);
		if (v == NULL)
			return MGW_E_NOMEM;
		r->reasons = v;
		r->cap_reasons = cap;
	}
	struct reason_count *rc = &r->reasons[r->n_reasons++];
	rc->agency = agency;
	memcpy(rc->reason, rb, sizeof rb);
	rc->n = n;
	return MGW_OK;
}

int audit_report_add(struct audit_report *r, const Marac__V1__AuditRecord *rec)
{
	if ((r->from_ms && rec->time_ms < r->from_ms) || (r->to_ms && rec->time_ms >= r->to_ms))
		return MGW_OK;
	r->records++;
	const ProtobufCEnumValue *v =
		protobuf_c_enum_descriptor_get_value(&marac__v1__audit_event__descriptor, rec->event);
	const char *name = v ? v->name : "";
	int counted = 0;
	for (size_t m = 0; m < N_MEASURES; m++) {
		if (!event_matches(measures[m].events, name))
			continue;
		unsigned long long weight = measures[m].by_count && rec->count ? rec->count : 1;
		int ag = agency_row(measures[m].side == BY_ACTOR ? (int)rec->actor_agency
								 : (int)rec->recipient_agency);
		r->totals[ag][m] += weight;
		counted = 1;
		if (!strcmp(measures[m].name, "refusals") &&
		    add_reason(r, ag, rec->reason, weight) != MGW_OK)
			return MGW_E_NOMEM;
	}
	if (!counted)
		r->other[agency_row((int)rec->actor_agency)]++;
	return MGW_OK;
}

const char *audit_report_measure_of(int event)
{
	const ProtobufCEnumValue *v =
		protobuf_c_enum_descriptor_get_value(&marac__v1__audit_event__descriptor, event);
	if (v == NULL || event == 0)
		return NULL;
	for (size_t m = 0; m < N_MEASURES; m++)
		if (event_matches(measures[m].events, v->name))
			return measures[m].name;
	return NULL;
}

long long audit_report_total(const struct audit_report *r, const char *measure, int agency)
{
	int ag = agency_row(agency);
	if (!strcmp(measure, "other"))
		return (long long)r->other[ag];
	for (size_t m = 0; m < N_MEASURES; m++)
		if (!strcmp(measures[m].name, measure))
			return (long long)r->totals[ag][m];
	return -1;
}

static const char *row_label(int ag)
{
	return ag ? agenda_agency_label(ag) : "Gateway / before authentication";
}

static int reason_cmp(const void *pa, const void *pb)
{
	const struct reason_count *a = pa, *b = pb;
	if (a->agency != b->agency)
		return a->agency - b->agency;
	return strcmp(a->reason, b->reason);
}

static void write_csv(const struct audit_report *r, const char *from, const char *to, FILE *f)
{
	char num[N_MEASURES + 1][24];
	const char *cells[3 + N_MEASURES + 1];
	const char *period[] = {"period", from, to, AUDIT_TZ_NAME " dates; times UTC"};
	csv_cells(f, period, 4);
	cells[0] = "section";
	cells[1] = "agency";
	cells[2] = "reason";
	for (size_t m = 0; m < N_MEASURES; m++)
		cells[3 + m] = measures[m].name;
	cells[3 + N_MEASURES] = "other";
	csv_cells(f, cells, 4 + N_MEASURES);
	for (int ag = 1; ag <= (int)N_AGENCY_ROWS; ag++) {
		int a = ag % (int)N_AGENCY_ROWS; /* agencies in order, then "none" */
		cells[0] = "totals";
		cells[1] = row_label(a);
		cells[2] = "";
		for (size_t m = 0; m < N_MEASURES; m++) {
			snprintf(num[m], sizeof num[m], "%llu", r->totals[a][m]);
			cells[3 + m] = num[m];
		}
		snprintf(num[N_MEASURES], sizeof num[N_MEASURES], "%llu", r->other[a]);
		cells[3 + N_MEASURES] = num[N_MEASURES];
		csv_cells(f, cells, 4 + N_MEASURES);
	}
	for (size_t i = 0; i < r->n_reasons; i++) {
		const char *row[4 + N_MEASURES] = {"refusals", row_label(r->reasons[i].agency),
						   r->reasons[i].reason};
		for (size_t m = 0; m < N_MEASURES; m++)
			if (!strcmp(measures[m].name, "refusals")) {
				snprintf(num[m], sizeof num[m], "%llu", r->reasons[i].n);
				row[3 + m] = num[m];
			}
		csv_cells(f, row, 4 + N_MEASURES);
	}
}

/* The measures always shown in the table, even when nothing happened (issue 13's core five). */
#define TABLE_CORE_MEASURES 5

static int col_width(size_t m)
{
	size_t l = m < N_MEASURES ? strlen(measures[m].name) : strlen("other");
	return (int)(l > 8 ? l : 8);
}

/*
 * The table shows the core measures and every other measure with an event
 * in the period (a terminal is too narrow for all of them); the measures
 * left out are named below it, and CSV always has every column.
 */
static void write_table(const struct audit_report *r, const char *from, const char *to, FILE *f)
{
	unsigned long long sum[N_MEASURES + 1] = {0};
	int shown[N_MEASURES + 1];
	for (int a = 0; a < (int)N_AGENCY_ROWS; a++) {
		for (size_t m = 0; m < N_MEASURES; m++)
			sum[m] += r->totals[a][m];
		sum[N_MEASURES] += r->other[a];
	}
	for (size_t m = 0; m <= N_MEASURES; m++)
		shown[m] = m < TABLE_CORE_MEASURES || sum[m] > 0;
	fprintf(f, "Audit report: %s to %s (%llu records; dates read in " AUDIT_TZ_NAME
		   ", times UTC)\n\n", from, to, r->records);
	fprintf(f, "%-32s", "AGENCY");
	for (size_t m = 0; m <= N_MEASURES; m++)
		if (shown[m])
			fprintf(f, " %*s", col_width(m), m < N_MEASURES ? measures[m].name : "other");
	fputc('\n', f);
	for (int ag = 1; ag <= (int)N_AGENCY_ROWS + 1; ag++) {
		int a = ag % (int)N_AGENCY_ROWS; /* agencies in order, then "none", then TOTAL */
		fprintf(f, "%-32s", ag <= (int)N_AGENCY_ROWS ? row_label(a) : "TOTAL");
		for (size_t m = 0; m <= N_MEASURES; m++) {
			if (!shown[m])
				continue;
			unsigned long long v = ag > (int)N_AGENCY_ROWS ? sum[m]
					       : m < N_MEASURES ? r->totals[a][m] : r->other[a];
			fprintf(f, " %*llu", col_width(m), v);
		}
		fputc('\n', f);
	}
	size_t k = 0, col = 0;
	for (size_t m = 0; m <= N_MEASURES; m++) {
		if (shown[m])
			continue;
		const char *name = m < N_MEASURES ? measures[m].name : "other";
		if (k++ == 0) {
			col = (size_t)fprintf(f, "\nNo events in the period: %s", name) - 1;
		} else if (col + strlen(name) + 2 > 96) { /* a terminal's width */
			col = (size_t)fprintf(f, ",\n  %s", name) - 2;
		} else {
			col += (size_t)fprintf(f, ", %s", name);
		}
	}
	fprintf(f, "%s\nRefusals by reason\n", k ? "\n" : "");
	if (r->n_reasons == 0)
		fprintf(f, "  none\n");
	else
		fprintf(f, "%-32s %-40s %8s\n", "AGENCY", "REASON", "COUNT");
	for (size_t i = 0; i < r->n_reasons; i++)
		fprintf(f, "%-32s %-40s %8llu\n", row_label(r->reasons[i].agency),
			r->reasons[i].reason, r->reasons[i].n);
}

int audit_report_write(const struct audit_report *r, int csv, FILE *f)
{
	char from[32] = "the start", to[32] = "now";
	if (r->from_ms)
		utc_text(r->from_ms, from);
	if (r->to_ms)
		utc_text(r->to_ms, to);
	/* refusal rows in agency, then reason order, the same for the same trail */
	if (r->n_reasons > 1) /* none: reasons is NULL, which qsort must not be given */
		qsort(r->reasons, r->n_reasons, sizeof *r->reasons, reason_cmp);
	if (csv)
		write_csv(r, from, to, f);
	else
		write_table(r, from, to, f);
	return fflush(f) != 0 || ferror(f) ? MGW_E_IO : MGW_OK;
}
