/*
 * cmd_action.c: marac action add|update|list (actions set at a meeting,
 * with their countdowns), and the option parsing and round trip the
 * follow-up verbs share (cli.h, cmd_marker.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cli.h"
#include "mgw_err.h"
#include "pbjson.h"

int fu_parse(const char *cmd, int argc, char **argv, struct conn_args *ca,
	     const struct fu_opt *opts, size_t n, int *help)
{
	return fu_parse_file(cmd, argc, argv, ca, opts, n, NULL, help);
}

int fu_parse_file(const char *cmd, int argc, char **argv, struct conn_args *ca,
		  const struct fu_opt *opts, size_t n, const char **file, int *help)
{
	for (int i = 1; i < argc; i++) {
		int r = conn_args_parse(ca, argc, argv, &i);
		if (r < 0) {
			fprintf(stderr, "marac %s: %s needs a valid value\n", cmd, argv[i]);
			return EX_USAGE;
		}
		if (r > 0)
			continue;
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			*help = 1;
			return EX_OK;
		}
		size_t k = 0;
		while (k < n && strcmp(a, opts[k].name) != 0)
			k++;
		if (k == n) {
			int option = a[0] == '-' && a[1] != 0;
			if (!option && file && *file == NULL) {
				*file = a;
				continue;
			}
			fprintf(stderr, "marac %s: %s %s\n", cmd,
				option ? "unknown option" : "unexpected argument", a);
			return EX_USAGE;
		}
		if (opts[k].flag) {
			*opts[k].flag = 1;
			continue;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "marac %s: %s needs a value\n", cmd, a);
			return EX_USAGE;
		}
		*opts[k].val = argv[++i];
	}
	return EX_OK;
}

int fu_roundtrip(const struct conn_args *ca, const Marac__V1__Frame *req, int want,
		 const char *msg_id, const char *what, Marac__V1__Frame **res)
{
	mgw_client *c = NULL;
	int ex = conn_open(ca, &c);
	if (ex != EX_OK)
		return ex;
	int rc = mgw_client_request(c, req, want, msg_id, ca->timeout_ms, res);
	if (rc != MGW_OK)
		ex = conn_fail(c, rc, what);
	mgw_client_free(c);
	return ex;
}

void fu_print_json(const ProtobufCMessage *m)
{
	char *out = pbjson_dump(m, 1);
	printf("%s\n", out ? out : "{}");
	free(out);
}

const char *fu_auto_id(const char *cmd, const ProtobufCMessage *m, const char *verb,
		       char buf[40])
{
	uint8_t *b;
	size_t n;
	int rc = codec_pack(m, &b, &n) == MGW_OK ? 0 : -1;
	if (rc == 0) {
		rc = cli_auto_msg_id(buf, b, n, verb, strlen(verb));
		free(b);
	}
	if (rc != 0) {
		fprintf(stderr, "marac %s: cannot compute the msg_id digest\n", cmd);
		return NULL;
	}
	return buf;
}

int fu_show(const struct conn_args *ca, const Marac__V1__Frame *req, int want,
	    const char *msg_id, const char *what,
	    const ProtobufCMessage *(*part)(const Marac__V1__Frame *res),
	    void (*print)(const ProtobufCMessage *part))
{
	Marac__V1__Frame *res = NULL;
	int ex = fu_roundtrip(ca, req, want, msg_id, what, &res);
	if (ex != EX_OK)
		return ex;
	if (print)
		print(part(res));
	else
		fu_print_json(part(res));
	codec_free(&res->base);
	return EX_OK;
}

int fu_dispatch(const char *cmd, int argc, char **argv, const struct fu_verb *verbs, size_t n,
		int (*usage)(int help))
{
	struct conn_args ca;
	conn_args_init(&ca);
	if (argc < 2)
		return usage(0);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return usage(1);
	for (size_t k = 0; k < n; k++)
		if (!strcmp(argv[1], verbs[k].name))
			return verbs[k].run(argc - 1, argv + 1, &ca);
	fprintf(stderr, "marac %s: unknown verb \"%s\" (", cmd, argv[1]);
	for (size_t k = 0; k < n; k++)
		fprintf(stderr, "%s%s", k ? ", " : "", verbs[k].name);
	fprintf(stderr, ")\n");
	return EX_USAGE;
}

void fu_list_head(size_t n, const char *noun, const char *today, int truncated)
{
	printf("%zu %s%s (today %s)%s\n", n, noun, n == 1 ? "" : "s", today,
	       truncated ? ", more not shown" : "");
}

/* "3 days left", "due today", "4 days overdue" into buf. */
static const char *countdown(int32_t d, char *buf, size_t n)
{
	if (d == 0)
		snprintf(buf, n, "due today");
	else if (d > 0)
		snprintf(buf, n, "%d day%s left", (int)d, d == 1 ? "" : "s");
	else
		snprintf(buf, n, "%d day%s OVERDUE", (int)-d, d == -1 ? "" : "s");
	return buf;
}

static int status_from(const char *s)
{
	if (!strcmp(s, "open"))
		return MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN;
	if (!strcmp(s, "done"))
		return MARAC__V1__ACTION_STATUS__ACTION_STATUS_DONE;
	if (!strcmp(s, "not-possible") || !strcmp(s, "not_possible_circumstances_changed"))
		return MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_POSSIBLE_CIRCUMSTANCES_CHANGED;
	if (!strcmp(s, "not-done") || !strcmp(s, "not_done"))
		return MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_DONE;
	return -1;
}

static const char *status_label(int s)
{
	switch (s) {
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN: return "open";
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_DONE: return "done";
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_POSSIBLE_CIRCUMSTANCES_CHANGED:
		return "not possible (circumstances changed)";
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_DONE: return "not done";
	default: return "?";
	}
}

/* fu_show's parts of the answers: the stored action, the list. */
static const ProtobufCMessage *recorded(const Marac__V1__Frame *res)
{
	return &res->action_recorded->action->base;
}

static const ProtobufCMessage *list_of(const Marac__V1__Frame *res)
{
	return &res->action_list->base;
}

/*
 * Free text for a terminal: line breaks indented as the list's, a CR of a
 * CRLF dropped, any other control character (C0, DEL, C1) shown as '?'. A
 * gateway refuses them in new text, but one may have been stored before,
 * and an escape sequence would reach the reader's terminal.
 */
static void put_text(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			fputs("\n    ", stdout);
		else if (*p == '\r' && p[1] == '\n')
			continue;
		else if (*p == '\t')
			putchar(' ');
		else if (*p < 0x20 || *p == 0x7f)
			putchar('?');
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			putchar('?');
			p++;
		} else
			putchar(*p);
	}
}

static void print_list(const ProtobufCMessage *m)
{
	const Marac__V1__ActionList *l = (const Marac__V1__ActionList *)m;
	fu_list_head(l->n_actions, "action", l->today, l->truncated);
	for (size_t i = 0; i < l->n_actions; i++) {
		const Marac__V1__Action *a = l->actions[i];
		char cd[32];
		printf("%s  %s  %s  due %s  %s  %s\n    ", a->action_id, a->case_ref,
		       agenda_agency_label(a->owner), a->due_date,
		       a->status == MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN
			       ? countdown(a->days_left, cd, sizeof cd)
			       : status_label(a->status),
		       a->date_reported[0] ? a->date_reported : "");
		put_text(a->description);
		putchar('\n');
	}
}

static int usage(int help)
{
	fprintf(help ? stdout : stderr,
		"usage: marac action add [connection options] --case CASE_REF --owner AGENCY\n"
		"                        --date MARAC_DATE --due YYYY-MM-DD --description TEXT\n"
		"                        [--msg-id ID]\n"
		"       marac action update [connection options] --id ACTION_ID\n"
		"                        --status open|done|not-possible|not-done [--note TEXT]\n"
		"                        [--msg-id ID]\n"
		"       marac action list [connection options] [--area AREA] [--case CASE_REF]\n"
		"                        [--overdue] [--all] [--json]\n"
		"\n"
		"add (chairs): records an action the meeting on MARAC_DATE set for the owner\n"
		"agency (police, childrens_social_care, adult_social_care, health, idva,\n"
		"probation, housing, education), due on --due. The description is free text:\n"
		"the gateway scrubs it under the policy, as a narrative for the owner agency,\n"
		"before it stores it. update (nodes of the owner agency only): reports its\n"
		"status; not-possible is 'could not be done because circumstances changed'.\n"
		"list: a chair sees its areas' actions, a node those its agency owns; open\n"
		"ones only unless --all; --overdue only those past their due date. Each shows\n"
		"days left or overdue. The gateway notifies the owner agency and the chair on\n"
		"the due date and every action_notice_every_days after (the area's, else\n"
		"followup.action_notice_every_days).\n"
		"add and update print the stored Action as JSON; --msg-id defaults to a\n"
		"digest of the options, so re-running a command never records it twice.\n"
		"Exit codes: see 'marac --help'.\n");
	return help ? EX_OK : EX_USAGE;
}

static int action_add(int argc, char **argv, struct conn_args *ca)
{
	const char *case_ref = NULL, *owner = NULL, *date = NULL, *due = NULL, *desc = NULL,
		   *msg_id = NULL;
	const struct fu_opt opts[] = {{"--case", &case_ref, NULL}, {"--owner", &owner, NULL},
				      {"--date", &date, NULL},	   {"--due", &due, NULL},
				      {"--description", &desc, NULL}, {"--msg-id", &msg_id, NULL}};
	int help = 0;
	int ex = fu_parse("action add", argc, argv, ca, opts, 6, &help);
	if (ex != EX_OK || help || !case_ref || !owner || !date || !due || !desc)
		return ex != EX_OK ? ex : usage(help);
	int ag;
	if (pbjson_enum_from_name(&marac__v1__agency__descriptor, owner, &ag) != MGW_OK || ag == 0) {
		char up[64];
		snprintf(up, sizeof up, "AGENCY_%s", owner);
		for (char *p = up; *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		if (pbjson_enum_from_name(&marac__v1__agency__descriptor, up, &ag) != MGW_OK ||
		    ag == 0) {
			fprintf(stderr, "marac action add: --owner: unknown agency \"%s\"\n", owner);
			return EX_USAGE;
		}
	}
	Marac__V1__ActionAdd q = MARAC__V1__ACTION_ADD__INIT;
	q.case_ref = (char *)case_ref;
	q.owner = ag;
	q.marac_date = (char *)date;
	q.due_date = (char *)due;
	q.description = (char *)desc;
	char idbuf[40];
	if (msg_id == NULL && (msg_id = fu_auto_id("action add", &q.base, "add", idbuf)) == NULL)
		return EX_INPUT;
	q.msg_id = (char *)msg_id;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_ADD;
	req.action_add = &q;
	return fu_show(ca, &req, MARAC__V1__FRAME__BODY_ACTION_RECORDED, msg_id, "action add",
		       recorded, NULL);
}

static int action_update(int argc, char **argv, struct conn_args *ca)
{
	const char *id = NULL, *status = NULL, *note = "", *msg_id = NULL;
	const struct fu_opt opts[] = {{"--id", &id, NULL}, {"--status", &status, NULL},
				      {"--note", &note, NULL}, {"--msg-id", &msg_id, NULL}};
	int help = 0;
	int ex = fu_parse("action update", argc, argv, ca, opts, 4, &help);
	if (ex != EX_OK || help || !id || !status)
		return ex != EX_OK ? ex : usage(help);
	int st = status_from(status);
	if (st < 0) {
		fprintf(stderr, "marac action update: --status: open, done, not-possible or not-done\n");
		return EX_USAGE;
	}
	Marac__V1__ActionUpdate q = MARAC__V1__ACTION_UPDATE__INIT;
	q.action_id = (char *)id;
	q.status = st;
	q.note = (char *)note;
	char idbuf[40];
	if (msg_id == NULL && (msg_id = fu_auto_id("action update", &q.base, "upd", idbuf)) == NULL)
		return EX_INPUT;
	q.msg_id = (char *)msg_id;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_UPDATE;
	req.action_update = &q;
	return fu_show(ca, &req, MARAC__V1__FRAME__BODY_ACTION_RECORDED, msg_id,
		       "action update", recorded, NULL);
}

static int action_list(int argc, char **argv, struct conn_args *ca)
{
	const char *area = "", *case_ref = "";
	int overdue = 0, all = 0, json = 0, help = 0;
	const struct fu_opt opts[] = {{"--area", &area, NULL},	{"--case", &case_ref, NULL},
				      {"--overdue", NULL, &overdue}, {"--all", NULL, &all},
				      {"--json", NULL, &json}};
	int ex = fu_parse("action list", argc, argv, ca, opts, 5, &help);
	if (ex != EX_OK || help)
		return ex != EX_OK ? ex : usage(help);
	Marac__V1__ActionListRequest q = MARAC__V1__ACTION_LIST_REQUEST__INIT;
	q.marac_area = (char *)area;
	q.case_ref = (char *)case_ref;
	q.overdue_only = overdue;
	q.include_closed = all;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_LIST_REQUEST;
	req.action_list_request = &q;
	return fu_show(ca, &req, MARAC__V1__FRAME__BODY_ACTION_LIST, NULL, "action list",
		       list_of, json ? NULL : print_list);
}

int cmd_action(int argc, char **argv)
{
	static const struct fu_verb verbs[] = {
		{"add", action_add}, {"update", action_update}, {"list", action_list}};
	return fu_dispatch("action", argc, argv, verbs, 3, usage);
}
