/*
 * cmd_marker.c: marac marker add|inform|review|list (address markers on a
 * case: police nodes record them, the victim being told and the reviews;
 * chairs and escalation nodes list them).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mgw_err.h"
#include "pbjson.h"

static int usage(int help)
{
	fprintf(help ? stdout : stderr,
		"usage: marac marker add [connection options] --case CASE_REF --start YYYY-MM-DD\n"
		"                        --review-due YYYY-MM-DD [--oic NODE_ID] [--msg-id ID]\n"
		"       marac marker inform [connection options] --id MARKER_ID --date YYYY-MM-DD\n"
		"                        --method in-person|phone|letter|email|via-idva\n"
		"                        --outcome informed|no-answer|not-safe|declined|other\n"
		"                        [--msg-id ID]\n"
		"       marac marker review [connection options] --id MARKER_ID\n"
		"                        (--extend YYYY-MM-DD | --withdraw) [--msg-id ID]\n"
		"       marac marker list [connection options] [--area AREA] [--case CASE_REF]\n"
		"                        [--due] [--all] [--json]\n"
		"\n"
		"Police nodes record that a case's address carries a marker (the gateway\n"
		"never holds the address), with its review due (at most\n"
		"followup.marker_max_months, default 6, after the start) and the officer in\n"
		"charge (a police node; default every police node of the area). inform\n"
		"records that the victim was told what the marker is and how long it lasts\n"
		"(--outcome informed) or an attempt to tell her. review extends the marker\n"
		"(she must be told again) or withdraws it. The officer in charge is sent a\n"
		"review notice before the due date; a review not recorded\n"
		"followup.marker_escalate_days (default 14) after it escalates to the area's\n"
		"escalation node. list --due: reviews due soon, overdue or escalated.\n"
		"add, inform and review print the stored Marker as JSON.\n"
		"Exit codes: see 'marac --help'.\n");
	return help ? EX_OK : EX_USAGE;
}

/* Name ("phone", "no-answer") to enum value via the descriptor ("INFORM_METHOD_PHONE"). */
static int enum_from(const ProtobufCEnumDescriptor *d, const char *prefix, const char *s)
{
	char up[96];
	int n = snprintf(up, sizeof up, "%s%s", prefix, s);
	if (n < 0 || (size_t)n >= sizeof up)
		return -1;
	for (char *p = up; *p; p++)
		*p = (char)(*p == '-' ? '_' : *p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	if (!strcmp(up, "INFORM_OUTCOME_NOT_SAFE"))
		strcat(up, "_TO_CONTACT");
	int v;
	return pbjson_enum_from_name(d, up, &v) == MGW_OK && v > 0 ? v : -1;
}

/* fu_show's parts of the answers: the stored marker, the list. */
static const ProtobufCMessage *recorded(const Marac__V1__Frame *res)
{
	return &res->marker_recorded->marker->base;
}

static const ProtobufCMessage *list_of(const Marac__V1__Frame *res)
{
	return &res->marker_list->base;
}

static void print_list(const ProtobufCMessage *msg)
{
	const Marac__V1__MarkerList *l = (const Marac__V1__MarkerList *)msg;
	fu_list_head(l->n_markers, "marker", l->today, l->truncated);
	for (size_t i = 0; i < l->n_markers; i++) {
		const Marac__V1__Marker *m = l->markers[i];
		int32_t d = m->days_to_review;
		char cd[40];
		if (m->state == MARAC__V1__MARKER_STATE__MARKER_STATE_WITHDRAWN)
			snprintf(cd, sizeof cd, "withdrawn %s", m->withdrawn_date);
		else if (d >= 0)
			snprintf(cd, sizeof cd, "review in %d day%s", (int)d, d == 1 ? "" : "s");
		else
			snprintf(cd, sizeof cd, "review %d day%s OVERDUE", (int)-d,
				 d == -1 ? "" : "s");
		printf("%s  %s  since %s  review due %s  %s%s  victim %s  oic %s  "
		       "%zu contact%s\n", m->marker_id, m->case_ref, m->start_date,
		       m->review_due, cd, m->escalated ? "  ESCALATED" : "",
		       m->victim_informed ? "told" : "NOT TOLD",
		       m->oic_node[0] ? m->oic_node : "(police)", m->n_contacts,
		       m->n_contacts == 1 ? "" : "s");
	}
}

static int send_change(struct conn_args *ca, Marac__V1__Frame *req, const char *msg_id,
		       const char *what)
{
	return fu_show(ca, req, MARAC__V1__FRAME__BODY_MARKER_RECORDED, msg_id, what, recorded,
		       NULL);
}

static int marker_add(int argc, char **argv, struct conn_args *ca)
{
	const char *case_ref = NULL, *start = NULL, *due = NULL, *oic = "", *msg_id = NULL;
	const struct fu_opt opts[] = {{"--case", &case_ref, NULL}, {"--start", &start, NULL},
				      {"--review-due", &due, NULL}, {"--oic", &oic, NULL},
				      {"--msg-id", &msg_id, NULL}};
	int help = 0;
	int ex = fu_parse("marker add", argc, argv, ca, opts, 5, &help);
	if (ex != EX_OK || help || !case_ref || !start || !due)
		return ex != EX_OK ? ex : usage(help);
	Marac__V1__MarkerAdd q = MARAC__V1__MARKER_ADD__INIT;
	q.case_ref = (char *)case_ref;
	q.start_date = (char *)start;
	q.review_due = (char *)due;
	q.oic_node = (char *)oic;
	char buf[40];
	if (msg_id == NULL &&
	    (msg_id = fu_auto_id("marker add", &q.base, "madd", buf)) == NULL)
		return EX_INPUT;
	q.msg_id = (char *)msg_id;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_MARKER_ADD;
	req.marker_add = &q;
	return send_change(ca, &req, msg_id, "marker add");
}

static int marker_inform(int argc, char **argv, struct conn_args *ca)
{
	const char *id = NULL, *date = NULL, *method = NULL, *outcome = NULL, *msg_id = NULL;
	const struct fu_opt opts[] = {{"--id", &id, NULL}, {"--date", &date, NULL},
				      {"--method", &method, NULL}, {"--outcome", &outcome, NULL},
				      {"--msg-id", &msg_id, NULL}};
	int help = 0;
	int ex = fu_parse("marker inform", argc, argv, ca, opts, 5, &help);
	if (ex != EX_OK || help || !id || !date || !method || !outcome)
		return ex != EX_OK ? ex : usage(help);
	Marac__V1__MarkerInform q = MARAC__V1__MARKER_INFORM__INIT;
	q.marker_id = (char *)id;
	q.date = (char *)date;
	q.method = enum_from(&marac__v1__inform_method__descriptor, "INFORM_METHOD_", method);
	q.outcome = enum_from(&marac__v1__inform_outcome__descriptor, "INFORM_OUTCOME_", outcome);
	if ((int)q.method < 0 || (int)q.outcome < 0) {
		fprintf(stderr, "marac marker inform: --%s: unknown value \"%s\"\n",
			(int)q.method < 0 ? "method" : "outcome",
			(int)q.method < 0 ? method : outcome);
		return EX_USAGE;
	}
	char buf[40];
	if (msg_id == NULL &&
	    (msg_id = fu_auto_id("marker inform", &q.base, "minf", buf)) == NULL)
		return EX_INPUT;
	q.msg_id = (char *)msg_id;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_MARKER_INFORM;
	req.marker_inform = &q;
	return send_change(ca, &req, msg_id, "marker inform");
}

static int marker_review(int argc, char **argv, struct conn_args *ca)
{
	const char *id = NULL, *extend = NULL, *msg_id = NULL;
	int withdraw = 0, help = 0;
	const struct fu_opt opts[] = {{"--id", &id, NULL}, {"--extend", &extend, NULL},
				      {"--withdraw", NULL, &withdraw}, {"--msg-id", &msg_id, NULL}};
	int ex = fu_parse("marker review", argc, argv, ca, opts, 4, &help);
	if (ex != EX_OK || help || !id || (withdraw == (extend != NULL)))
		return ex != EX_OK ? ex : usage(help);
	Marac__V1__MarkerReview q = MARAC__V1__MARKER_REVIEW__INIT;
	q.marker_id = (char *)id;
	q.withdraw = withdraw;
	q.new_review_due = (char *)(extend ? extend : "");
	char buf[40];
	if (msg_id == NULL &&
	    (msg_id = fu_auto_id("marker review", &q.base, "mrev", buf)) == NULL)
		return EX_INPUT;
	q.msg_id = (char *)msg_id;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_MARKER_REVIEW;
	req.marker_review = &q;
	return send_change(ca, &req, msg_id, "marker review");
}

static int marker_list(int argc, char **argv, struct conn_args *ca)
{
	const char *area = "", *case_ref = "";
	int due = 0, all = 0, json = 0, help = 0;
	const struct fu_opt opts[] = {{"--area", &area, NULL}, {"--case", &case_ref, NULL},
				      {"--due", NULL, &due},	{"--all", NULL, &all},
				      {"--json", NULL, &json}};
	int ex = fu_parse("marker list", argc, argv, ca, opts, 5, &help);
	if (ex != EX_OK || help)
		return ex != EX_OK ? ex : usage(help);
	Marac__V1__MarkerListRequest q = MARAC__V1__MARKER_LIST_REQUEST__INIT;
	q.marac_area = (char *)area;
	q.case_ref = (char *)case_ref;
	q.due_only = due;
	q.include_withdrawn = all;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_MARKER_LIST_REQUEST;
	req.marker_list_request = &q;
	return fu_show(ca, &req, MARAC__V1__FRAME__BODY_MARKER_LIST, NULL, "marker list",
		       list_of, json ? NULL : print_list);
}

int cmd_marker(int argc, char **argv)
{
	static const struct fu_verb verbs[] = {{"add", marker_add},
					       {"inform", marker_inform},
					       {"review", marker_review},
					       {"list", marker_list}};
	return fu_dispatch("marker", argc, argv, verbs, 4, usage);
}
