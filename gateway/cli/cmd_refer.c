/*
 * cmd_refer.c: marac refer (a referral to the MARAC), marac research (this
 * agency's pre-meeting research status) and marac agenda (a chair pulls a
 * meeting's agenda).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agenda.h"
#include "cli.h"
#include "mgw_err.h"
#include "pbjson.h"

/*
 * One line for the coordinator: what the answer matched, on which kinds and
 * how strongly ("repeat of TS-2026-0001 (strong: phone, name_dob)"). Kinds
 * and case refs only: the answer holds no identifier.
 */
static void print_match(const Marac__V1__ReferralAccepted *ra)
{
	const char *ref = NULL, *how = NULL;
	/* The form and threshold applied: "DASH 15 of 27 (police form), threshold 14". */
	if (ra->dash && ra->dash->text && ra->dash->text[0])
		fprintf(stderr, "marac refer: %s: %s\n", ra->case_ref, ra->dash->text);
	if (ra->serial_perpetrator && ra->serial_perpetrator->other_cases > 0) {
		const Marac__V1__SerialPerpetrator *sp = ra->serial_perpetrator;
		fprintf(stderr, "marac refer: %s: SERIAL PERPETRATOR: in %u other victim's case(s) (on",
			ra->case_ref, (unsigned)sp->other_cases);
		for (size_t i = 0; i < sp->n_matched_on; i++)
			fprintf(stderr, "%s %s", i ? "," : "", sp->matched_on[i]);
		fprintf(stderr, "); notice sent to %zu agenc%s\n", sp->n_notified,
			sp->n_notified == 1 ? "y" : "ies");
	}
	if (ra->repeat && ra->n_previous > 0 && ra->previous[0]) {
		ref = ra->previous[0]->case_ref;
		how = "repeat of";
	} else if (ra->linked_case_ref && ra->linked_case_ref[0]) {
		ref = ra->linked_case_ref;
		how = ra->linked_later ? "linked to the later case" : "linked to";
	}
	if (ref == NULL) {
		fprintf(stderr, "marac refer: %s: no earlier case matched\n", ra->case_ref);
		return;
	}
	const char *st = ra->strength == MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_STRONG ? "strong"
			 : ra->strength == MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_WEAK ? "weak"
											  : "unrated";
	fprintf(stderr, "marac refer: %s: %s %s (%s:", ra->case_ref, how, ref, st);
	for (size_t i = 0; i < ra->n_matched_on; i++)
		fprintf(stderr, "%s %s", i ? "," : "", ra->matched_on[i]);
	if (ra->n_perpetrator_matched_on > 0) {
		fprintf(stderr, "; perpetrator:");
		for (size_t i = 0; i < ra->n_perpetrator_matched_on; i++)
			fprintf(stderr, "%s %s", i ? "," : "", ra->perpetrator_matched_on[i]);
	}
	fprintf(stderr, ")\n");
}

int cmd_refer(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *basis = "public_task_sch1_para18", *msg_id = NULL, *file = NULL;
	const struct fu_opt opts[] = {{"--basis", &basis, NULL}, {"--msg-id", &msg_id, NULL}};
	int help = 0;
	int ex = fu_parse_file("refer", argc, argv, &ca, opts, 2, &file, &help);
	if (ex != EX_OK)
		return ex;
	if (help || file == NULL) {
		fprintf(help ? stdout : stderr,
			"usage: marac refer [connection options] [--basis B] [--msg-id ID] "
			"REFERRAL.json|-\n"
			"\n"
			"Refers a case (a marac.v1.Referral in the proto3 JSON mapping) to the\n"
			"MARAC of its area. The gateway scores the DASH answers, checks the route,\n"
			"looks for earlier referrals of the same victim (and perpetrator), assigns\n"
			"a case reference and the next meeting, and notifies the attending\n"
			"agencies (each sees what the policy allows). Prints the ReferralAccepted\n"
			"as JSON, and on stderr one line saying whether it repeats or is linked\n"
			"to an earlier case, on which kinds of identifier (matchedOn) and how\n"
			"strongly (strong: NHS number, phone, name + DOB; weak: postcode + name,\n"
			"a name one letter out); an inconsistent referral is refused naming the\n"
			"field (exit 1).\n"
			"  --basis    public_task_sch1_para18 (default) | law_enforcement_sch8_para4 |\n"
			"             cda_1998_s115 | caldicott_7 | consent\n"
			"  --msg-id   idempotency key (default: derived from the file, so re-running\n"
			"             the same command never refers twice)\n"
			"Exit codes: see 'marac --help'.\n");
		return help ? EX_OK : EX_USAGE;
	}
	int bv;
	if (pbjson_enum_from_name(&marac__v1__lawful_basis__descriptor, basis, &bv) != MGW_OK ||
	    bv == 0) {
		fprintf(stderr, "marac refer: --basis: unknown value \"%s\"\n", basis);
		return EX_USAGE;
	}
	size_t len;
	char *text = read_file(file, &len);
	if (text == NULL)
		return EX_INPUT;
	char err[512];
	ProtobufCMessage *m = NULL;
	if (pbjson_parse(&marac__v1__referral__descriptor, text, len, &m, err, sizeof err) !=
	    MGW_OK) {
		fprintf(stderr, "marac refer: %s: %s\n", file, err);
		free(text);
		return EX_INPUT;
	}
	char idbuf[40];
	if (msg_id == NULL && cli_auto_msg_id(idbuf, text, len, &bv, sizeof bv) == 0)
		msg_id = idbuf;
	free(text);
	if (msg_id == NULL) {
		codec_free(m);
		fprintf(stderr, "marac refer: cannot compute the msg_id digest\n");
		return EX_INPUT;
	}
	Marac__V1__Refer rf = MARAC__V1__REFER__INIT;
	rf.msg_id = (char *)msg_id;
	rf.referral = (Marac__V1__Referral *)m;
	rf.lawful_basis = bv;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_REFER;
	req.refer = &rf;
	ex = fu_roundtrip(&ca, &req, MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED, msg_id, "referral",
		       &res);
	if (ex == EX_OK) {
		fu_print_json(&res->referral_accepted->base);
		print_match(res->referral_accepted);
		codec_free(&res->base);
	}
	codec_free(m);
	return ex;
}

int cmd_research(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *case_ref = NULL, *status = "done";
	const struct fu_opt opts[] = {{"--case", &case_ref, NULL}, {"--status", &status, NULL}};
	int help = 0;
	int ex = fu_parse_file("research", argc, argv, &ca, opts, 2, NULL, &help);
	if (ex != EX_OK)
		return ex;
	int done = !strcmp(status, "done") ? 1 : !strcmp(status, "not-done") ? 0 : -1;
	if (help || case_ref == NULL || done < 0) {
		fprintf(help ? stdout : stderr,
			"usage: marac research [connection options] --case CASE_REF "
			"[--status done|not-done]\n"
			"\n"
			"Tells the gateway this agency has (or has not yet) checked its records\n"
			"for the case before the meeting; the chair's agenda shows it. The\n"
			"research itself stays with the agency. Prints the ResearchRecorded as JSON.\n"
			"Exit codes: see 'marac --help'.\n");
		return help ? EX_OK : EX_USAGE;
	}
	Marac__V1__ResearchStatus rs = MARAC__V1__RESEARCH_STATUS__INIT;
	rs.case_ref = (char *)case_ref;
	rs.done = done;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_RESEARCH_STATUS;
	req.research_status = &rs;
	ex = fu_roundtrip(&ca, &req, MARAC__V1__FRAME__BODY_RESEARCH_RECORDED, NULL, "research",
		       &res);
	if (ex == EX_OK) {
		fu_print_json(&res->research_recorded->base);
		codec_free(&res->base);
	}
	return ex;
}

/* Append the rows of list (n) to *dst (*dn), taking them over (codec memory). */
static int rows_take(Marac__V1__AgendaRow ***dst, size_t *dn, Marac__V1__AgendaRow ***src,
		     size_t *sn)
{
	if (*sn == 0)
		return 0;
	Marac__V1__AgendaRow **v = codec_malloc((*dn + *sn) * sizeof *v);
	if (v == NULL)
		return -1;
	if (*dn)
		memcpy(v, *dst, *dn * sizeof *v);
	memcpy(v + *dn, *src, *sn * sizeof *v);
	codec_mfree(*dst);
	*dst = v;
	*dn += *sn;
	*sn = 0; /* the rows now belong to dst */
	return 0;
}

/*
 * The whole agenda, page by page over one connection (the gateway pages it
 * by frame size: AgendaRequest.from_row, Agenda.next_row and more).
 */
static int agenda_pull(const struct conn_args *ca, Marac__V1__Frame *req, Marac__V1__Frame **res)
{
	mgw_client *c = NULL;
	int ex = conn_open(ca, &c);
	if (ex != EX_OK)
		return ex;
	Marac__V1__Frame *all = NULL;
	for (;;) {
		Marac__V1__Frame *page = NULL;
		int rc = mgw_client_request(c, req, MARAC__V1__FRAME__BODY_AGENDA, NULL,
					    ca->timeout_ms, &page);
		if (rc != MGW_OK) {
			ex = conn_fail(c, rc, "agenda");
			codec_free(all ? &all->base : NULL);
			all = NULL;
			break;
		}
		Marac__V1__Agenda *p = page->agenda;
		int more = p->more && p->next_row > req->agenda_request->from_row;
		req->agenda_request->from_row = p->next_row;
		if (all == NULL) {
			all = page;
		} else {
			Marac__V1__Agenda *a = all->agenda;
			if (rows_take(&a->cases_with_children, &a->n_cases_with_children,
				      &p->cases_with_children, &p->n_cases_with_children) ||
			    rows_take(&a->adult_only_cases, &a->n_adult_only_cases,
				      &p->adult_only_cases, &p->n_adult_only_cases) ||
			    rows_take(&a->lapsed_cases, &a->n_lapsed_cases, &p->lapsed_cases,
				      &p->n_lapsed_cases)) {
				fprintf(stderr, "marac agenda: out of memory\n");
				codec_free(&page->base);
				codec_free(&all->base);
				all = NULL;
				ex = EX_OUTPUT;
				break;
			}
			codec_free(&page->base);
		}
		if (!more)
			break;
	}
	mgw_client_free(c);
	*res = all;
	return all ? EX_OK : ex;
}

/* "police,health" into agencies (at most 8). 0, or -1 naming the bad one on stderr. */
static int parse_agencies(const char *list, Marac__V1__Agency *out, size_t *n)
{
	char buf[256];
	*n = 0;
	if (snprintf(buf, sizeof buf, "%s", list) >= (int)sizeof buf)
		return -1;
	for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int e;
		if (pbjson_enum_from_name(&marac__v1__agency__descriptor, t, &e) != MGW_OK || e == 0 ||
		    *n == 8) {
			fprintf(stderr, "marac agenda: --apologies: \"%s\" is not an agency "
					"(police, childrens_social_care, ..., education)\n", t);
			return -1;
		}
		out[(*n)++] = (Marac__V1__Agency)e;
	}
	return 0;
}

#define AOB_ARGS_MAX 50

int cmd_agenda(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *area = NULL, *date = NULL, *format = "html", *out = NULL;
	const char *apol = NULL, *start = NULL, *minutes = NULL;
	const struct fu_opt opts[] = {
		{"--area", &area, NULL}, {"--date", &date, NULL}, {"--format", &format, NULL},
		{"--out", &out, NULL}, {"--apologies", &apol, NULL}, {"--start", &start, NULL},
		{"--minutes", &minutes, NULL}};
	/* --aob ITEM may be repeated: taken out of argv before the other options. */
	const char *aob[AOB_ARGS_MAX];
	size_t n_aob = 0;
	char **av = calloc((size_t)argc + 1, sizeof *av);
	int ac = 0;
	if (av == NULL)
		return EX_OUTPUT;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--aob") && i + 1 < argc && n_aob < AOB_ARGS_MAX)
			aob[n_aob++] = argv[++i];
		else
			av[ac++] = argv[i];
	}
	int help = 0;
	int ex = fu_parse_file("agenda", ac, av, &ca, opts, 7, NULL, &help);
	free(av);
	if (ex != EX_OK)
		return ex;
	int fmt = !strcmp(format, "html") ? 0 : !strcmp(format, "csv") ? 1
		  : !strcmp(format, "json") ? 2 : -1;
	Marac__V1__AgendaRequest q = MARAC__V1__AGENDA_REQUEST__INIT;
	Marac__V1__Agency apologies[8];
	unsigned hhmm;
	char *end = NULL;
	unsigned long mins = minutes ? strtoul(minutes, &end, 10) : 0;
	int bad_opt = (apol && parse_agencies(apol, apologies, &q.n_apologies) != 0) ||
		  (start && agenda_parse_hhmm(start, &hhmm) != MGW_OK) ||
		  (minutes && (*end || mins == 0 || mins > AGENDA_MINUTES_MAX));
	if (help || area == NULL || date == NULL || fmt < 0 || bad_opt) {
		fprintf(help ? stdout : stderr,
			"usage: marac agenda [connection options] --area AREA --date YYYY-MM-DD\n"
			"                    [--format html|csv|json] [--out FILE]\n"
			"                    [--apologies AGENCY,...] [--start HH:MM] [--minutes N]\n"
			"                    [--aob ITEM]...\n"
			"\n"
			"Pulls the agenda of AREA's meeting on that date (chair certificates only;\n"
			"every pull is audited) and writes it to FILE (default stdout): a printable\n"
			"HTML page (default), CSV, or JSON. It lists who is expected (agencies with\n"
			"a node in the area) and who sent apologies, then case refs, time slots,\n"
			"dates, routes, DASH scores, repeats (with the earlier case and area),\n"
			"transfers (with the area they come from), children's ages and research\n"
			"status: no names; then any other business. Pages are numbered in print.\n"
			"Marked " AGENDA_MARKING ".\n"
			"  --apologies  agencies that sent apologies (police, health, idva, ...)\n"
			"  --start      when the first case starts (default: the area's start_time,\n"
			"               else " AGENDA_START_DEFAULT ")\n"
			"  --minutes    minutes per case, 1..120 (default: the area's\n"
			"               minutes_per_case, else 15)\n"
			"  --aob        an item of any other business (repeat for more); added to\n"
			"               the printed agenda here, never sent to the gateway\n"
			"Exit codes: see 'marac --help'.\n");
		return help ? EX_OK : EX_USAGE;
	}
	q.marac_area = (char *)area;
	q.meeting_date = (char *)date;
	q.apologies = apologies;
	if (start)
		q.start_time = (char *)start;
	q.minutes_per_case = (uint32_t)mins;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_AGENDA_REQUEST;
	req.agenda_request = &q;
	ex = agenda_pull(&ca, &req, &res);
	if (ex != EX_OK)
		return ex;
	if (agenda_add_aob(res->agenda, aob, n_aob) != MGW_OK) {
		fprintf(stderr, "marac agenda: --aob: an item is empty or longer than 500 bytes\n");
		codec_free(&res->base);
		return EX_USAGE;
	}
	/* Write to a temporary file next to --out, then rename: never half an agenda. */
	char tmp[4096];
	FILE *f = stdout;
	if (out) {
		if (snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", out) >= (int)sizeof tmp) {
			fprintf(stderr, "marac agenda: --out path too long\n");
			codec_free(&res->base);
			return EX_USAGE;
		}
		int fd = mkstemp(tmp);
		f = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (f == NULL) {
			fprintf(stderr, "marac agenda: %s: %s\n", out, strerror(errno));
			if (fd >= 0)
				close(fd);
			codec_free(&res->base);
			return EX_OUTPUT;
		}
	}
	const Marac__V1__Agenda *a = res->agenda;
	int rc = fmt == 0 ? agenda_render_html(a, f) : fmt == 1 ? agenda_render_csv(a, f)
							      : agenda_render_json(a, f);
	if (out) {
		int bad = rc != MGW_OK || fflush(f) != 0 || fsync(fileno(f)) != 0;
		bad |= fclose(f) != 0;
		if (bad || rename(tmp, out) != 0) {
			fprintf(stderr, "marac agenda: %s: cannot write: %s\n", out, strerror(errno));
			unlink(tmp);
			ex = EX_OUTPUT;
		}
	} else if (rc != MGW_OK || fflush(stdout) != 0) {
		fprintf(stderr, "marac agenda: cannot write to stdout\n");
		ex = EX_OUTPUT;
	}
	codec_free(&res->base);
	return ex;
}
