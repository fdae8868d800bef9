/*
 * The HTML agenda as a browser shows it: agenda_build() over synthetic
 * cases, agenda_render_html() to a file, then headless Chromium (Debian's
 * chromium package, installed by deploy/deps.sh) parses it. The DOM
 * Chromium dumps must show the protective marking at top and bottom, the
 * confidentiality statement, every listed case once, in section order and
 * referral-date order, with ages, counts, repeat date and research; and the
 * page must print to an A4 landscape PDF.
 *
 * Chromium missing is a failure, not a skip: the agenda is what a chair
 * prints, and nothing else here checks that a browser can read it.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "agenda.h"
#include "codec.h"
#include "mgw_err.h"

#define MEETING "2026-03-10"
#define AREA "Redcar & Cleveland" /* the & must survive escaping */

enum { POLICE = 1, CSC = 2, ASC = 3, HEALTH = 4, IDVA = 5, PROBATION = 6, HOUSING = 7,
       EDUCATION = 8 };

/* 12 and 6 on the meeting day (12th birthday on the day, 7th the day after). */
static const char *const kids_early[] = {"2019-03-11", "2014-03-10"};
/* 9, 3 and one whose DOB is not a date. */
static const char *const kids_late[] = {"2023-01-31", "unknown", "2016-07-04"};

/* Given out of agency order: the agenda lists them in agency order. */
static const struct agenda_research res_children[] = {
	{HEALTH, 1}, {POLICE, 1}, {CSC, 0}, {EDUCATION, 0},
};
static const struct agenda_research res_adult[] = {{HOUSING, 0}, {IDVA, 1}, {PROBATION, 1}};

/*
 * Out of order on purpose. Within the children section the earlier
 * referral has the higher case ref, so date order and ref order differ.
 */
static const struct agenda_case cases[] = {
	{.case_ref = "TS-2026-0104", .referral_date = "2026-02-20", .referring_agency = HOUSING,
	 .route = 2, .score = 11, .level = 3, .transfer_in = 1, .research = res_adult,
	 .n_research = 3, .meeting_date = MEETING},
	{.case_ref = "TS-2025-0040", .referral_date = "2025-03-05", .referring_agency = POLICE,
	 .route = 1, .score = 18, .level = 3, .meeting_date = "2025-03-18", .lapsed = 1},
	{.case_ref = "TS-2026-0102", .referral_date = "2026-02-17", .referring_agency = HEALTH,
	 .route = 1, .score = 16, .level = 3, .children_dobs = kids_late, .n_children = 3,
	 .meeting_date = MEETING},
	{.case_ref = "TS-2026-0199", .referral_date = "2026-02-25", .referring_agency = POLICE,
	 .route = 1, .score = 14, .level = 3, .meeting_date = "2026-03-24"}, /* not this meeting */
	{.case_ref = "TS-2026-0108", .referral_date = "2026-02-05", .referring_agency = IDVA,
	 .route = 4, .score = 9, .level = 2, .repeat = 1, .last_referral_date = "2025-06-01",
	 .research = res_adult, .n_research = 3, .meeting_date = MEETING},
	{.case_ref = "TS-2026-0109", .referral_date = "2026-02-03", .referring_agency = POLICE,
	 .route = 1, .score = 15, .level = 3, .children_dobs = kids_early, .n_children = 2,
	 .research = res_children, .n_research = 4, .meeting_date = MEETING},
};
#define NCASES (sizeof cases / sizeof cases[0])

/* What the page must show, top to bottom. */
static const char *const page_order[] = {
	"1. Outstanding actions",
	"2. New cases with children", "TS-2026-0109", "TS-2026-0102",
	"3. New cases: adults only", "TS-2026-0108", "TS-2026-0104",
	"4. Cases whose 12-month repeat window has lapsed", "TS-2025-0040",
};

static char workdir[256];

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

/* Runs even when an assertion ends the test: nothing is left in /tmp. */
static void cleanup(void)
{
	if (workdir[0] != '\0')
		nftw(workdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	workdir[0] = '\0';
}

static const char *find_chromium(void)
{
	static char found[512];
	const char *path = getenv("PATH");
	char *dirs = strdup(path != NULL ? path : "/usr/bin:/bin");
	cr_assert_not_null(dirs);
	found[0] = '\0';
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d != NULL;
	     d = strtok_r(NULL, ":", &save)) {
		snprintf(found, sizeof found, "%s/chromium", d);
		if (access(found, X_OK) == 0)
			break;
		found[0] = '\0';
	}
	free(dirs);
	if (found[0] == '\0' && access("/usr/bin/chromium", X_OK) == 0)
		snprintf(found, sizeof found, "/usr/bin/chromium");
	return found[0] != '\0' ? found : NULL;
}

/* file:// URL of an absolute path, percent-encoding all but unreserved bytes and '/'. */
static void file_url(const char *path, char *out, size_t n)
{
	size_t k = (size_t)snprintf(out, n, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p && k + 4 < n; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			out[k++] = (char)*p;
		else
			k += (size_t)snprintf(out + k, n - k, "%%%02X", *p);
	}
	out[k] = '\0';
}

/*
 * Headless Chromium on url with up to two extra flags (NULL for none),
 * stdout to out_path, stderr discarded, bounded by timeout(1). Chromium
 * gets none of the sanitizer settings of an ASan run (it would write report
 * files of its own) and a HOME inside workdir. Returns the exit status, or
 * -1.
 */
static int run_chromium(const char *chromium, const char *flag1, const char *flag2,
			const char *url, const char *out_path)
{
	char profile[300], home[300];
	snprintf(profile, sizeof profile, "--user-data-dir=%s/profile", workdir);
	snprintf(home, sizeof home, "%s/home", workdir);
	char *argv[20];
	int k = 0;
	const char *const fixed[] = {
		"timeout", "-k", "10", "60", chromium, "--headless=new", "--no-sandbox",
		"--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--no-default-browser-check", profile,
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		argv[k++] = (char *)fixed[i];
	if (flag1 != NULL)
		argv[k++] = (char *)flag1;
	if (flag2 != NULL)
		argv[k++] = (char *)flag2;
	argv[k++] = (char *)url;
	argv[k] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		int null = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (out < 0 || null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 ||
		    dup2(null, 2) < 0)
			_exit(126);
		unsetenv("ASAN_OPTIONS");
		unsetenv("UBSAN_OPTIONS");
		unsetenv("LSAN_OPTIONS");
		unsetenv("LD_PRELOAD");
		mkdir(home, 0700);
		setenv("HOME", home, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 1 << 16, n = 0, r;
	char *buf = malloc(cap + 1);
	while (buf != NULL && (r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			char *bigger = realloc(buf, 2 * cap + 1);
			if (bigger == NULL)
				free(buf);
			buf = bigger;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf != NULL)
		buf[n] = '\0';
	*len = n;
	return buf;
}

/*
 * The text a reader sees in dom[0..n): tags become a space, the entities
 * Chromium's serializer writes are decoded, runs of white space become one
 * space. Caller frees.
 */
static char *visible_text(const char *dom, size_t n)
{
	static const struct { const char *ent; char c; } ents[] = {
		{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''},
		{"&nbsp;", ' '},
	};
	char *out = malloc(n + 1);
	cr_assert_not_null(out);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		char c = dom[i];
		if (c == '<') {
			const char *end = memchr(dom + i, '>', n - i);
			i = end != NULL ? (size_t)(end - dom) + 1 : n;
			c = ' ';
		} else if (c == '&') {
			size_t e = 0;
			while (e < sizeof ents / sizeof ents[0] &&
			       strncmp(dom + i, ents[e].ent, strlen(ents[e].ent)) != 0)
				e++;
			if (e < sizeof ents / sizeof ents[0]) {
				c = ents[e].c;
				i += strlen(ents[e].ent);
			} else {
				i++;
			}
		} else {
			i++;
		}
		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
		if (c == ' ' && (k == 0 || out[k - 1] == ' '))
			continue;
		out[k++] = c;
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return out;
}

static size_t count(const char *hay, const char *needle)
{
	size_t c = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		c++;
	return c;
}

#define NCELLS 10
struct row {
	char *cell[NCELLS]; /* visible text of each <td> */
	size_t n;
};

/* The cells of the agenda row of case ref in the DOM, as visible text. */
static struct row find_row(const char *dom, const char *ref)
{
	struct row r = {0};
	char key[64];
	snprintf(key, sizeof key, "<td>%s</td>", ref);
	const char *start = strstr(dom, key);
	cr_assert_not_null(start, "no table cell holds %s", ref);
	const char *end = strstr(start, "</tr>");
	cr_assert_not_null(end, "row of %s is not closed", ref);
	for (const char *p = start; r.n < NCELLS;) {
		const char *td = strstr(p, "<td");
		if (td == NULL || td >= end)
			break;
		const char *open_end = strchr(td, '>');
		const char *close = strstr(td, "</td>");
		cr_assert(open_end != NULL && close != NULL && close <= end);
		r.cell[r.n++] = visible_text(open_end + 1, (size_t)(close - open_end - 1));
		p = close + 5;
	}
	cr_assert_eq(r.n, NCELLS, "row of %s has %zu cells, expected %d", ref, r.n, NCELLS);
	return r;
}

static void free_row(struct row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->cell[i]);
}

/* Exact cell values of one row: NULL skips a column. */
static void check_row(const char *dom, const char *const want[NCELLS])
{
	static const char *const col[NCELLS] = {
		"case ref", "referred", "referring agency", "route", "DASH", "level",
		"repeat", "transfer in", "children", "research",
	};
	struct row r = find_row(dom, want[0]);
	for (int i = 0; i < NCELLS; i++)
		if (want[i] != NULL)
			cr_expect_str_eq(r.cell[i], want[i], "%s, %s column: shown \"%s\", want \"%s\"",
					 want[0], col[i], r.cell[i], want[i]);
	free_row(&r);
}

Test(agenda_chromium, rendered_page_shows_rows_in_order_and_prints, .timeout = 120,
     .fini = cleanup)
{
	const char *chromium = find_chromium();
	cr_assert_not_null(chromium,
			   "chromium is not installed: the agenda render test needs headless "
			   "Chromium. Install Debian's chromium package (deploy/deps.sh installs "
			   "it: sudo apt-get install -y --no-install-recommends chromium)");

	const char *tmp = getenv("TMPDIR");
	snprintf(workdir, sizeof workdir, "%s/marac-agenda-chromium-XXXXXX",
		 tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(workdir), "mkdtemp %s: %s", workdir, strerror(errno));

	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(agenda_build(AREA, MEETING, cases, NCASES, NULL, &a), MGW_OK);
	char html_path[300], dom_path[300], pdf_path[300], url[1024];
	snprintf(html_path, sizeof html_path, "%s/agenda-XXXXXX.html", workdir);
	int fd = mkstemps(html_path, 5);
	cr_assert_geq(fd, 0, "mkstemps: %s", strerror(errno));
	FILE *f = fdopen(fd, "w");
	cr_assert_not_null(f);
	int rc = agenda_render_html(a, f);
	cr_assert_eq(fclose(f), 0);
	codec_free(&a->base);
	cr_assert_eq(rc, MGW_OK);

	snprintf(dom_path, sizeof dom_path, "%s/dom.html", workdir);
	snprintf(pdf_path, sizeof pdf_path, "%s/agenda.pdf", workdir);
	file_url(html_path, url, sizeof url);

	/* ---- the page as Chromium parsed it ---- */
	rc = run_chromium(chromium, "--dump-dom", NULL, url, dom_path);
	cr_assert_eq(rc, 0, "chromium --dump-dom %s exited %d (124: timed out)", url, rc);
	size_t dom_len = 0;
	char *dom = slurp(dom_path, &dom_len);
	cr_assert_not_null(dom);
	cr_assert_gt(dom_len, 1000, "Chromium dumped %zu bytes of DOM", dom_len);
	const char *body = strstr(dom, "<body");
	cr_assert_not_null(body, "no <body> in the DOM Chromium dumped");
	cr_assert_eq(count(body, "<table"), 4, "a page table and one per listed section");
	char *text = visible_text(body, strlen(body));

	cr_expect_eq(count(text, AGENDA_MARKING), 2, "marking shown %zu times, want top and bottom",
		     count(text, AGENDA_MARKING));
	const char *h1 = strstr(text, "MARAC agenda: " AREA);
	cr_assert_not_null(h1, "heading with the area (escaped & decoded) not shown");
	cr_expect(strncmp(text, AGENDA_MARKING, strlen(AGENDA_MARKING)) == 0,
		  "the page does not start with the marking");
	size_t tl = strlen(text), ml = strlen(AGENDA_MARKING);
	cr_expect(tl > ml && strcmp(text + tl - ml, AGENDA_MARKING) == 0,
		  "the page does not end with the marking");
	cr_expect_not_null(strstr(text, "Meeting date: " MEETING));
	cr_expect_not_null(strstr(text, "Confidentiality statement"));
	cr_expect_not_null(strstr(text, agenda_default_statement),
			   "confidentiality statement not shown in full");
	cr_expect_lt(strstr(text, "Confidentiality statement"), strstr(text, page_order[0]),
		     "statement comes before the business");

	/* Every listed case exactly once; the next meeting's case not at all. */
	for (size_t i = 0; i < NCASES; i++) {
		size_t want = strcmp(cases[i].meeting_date, MEETING) == 0 || cases[i].lapsed;
		cr_expect_eq(count(text, cases[i].case_ref), want, "%s shown %zu times, want %zu",
			     cases[i].case_ref, count(text, cases[i].case_ref), want);
	}
	/* Sections in agenda order; referral-date order within each. */
	const char *prev = h1;
	for (size_t i = 0; i < sizeof page_order / sizeof page_order[0]; i++) {
		const char *at = strstr(text, page_order[i]);
		cr_assert_not_null(at, "\"%s\" not shown", page_order[i]);
		cr_assert_gt(at, prev, "\"%s\" shown before \"%s\": agenda out of order",
			     page_order[i], i ? page_order[i - 1] : "the heading");
		prev = at;
	}
	cr_expect_not_null(strstr(text, "1. Outstanding actions None."), "no actions: None.");
	cr_expect_gt(strstr(text + 1, AGENDA_MARKING), prev, "bottom marking after the last row");

	check_row(body, (const char *const[NCELLS]){
		"TS-2026-0109", "2026-02-03", "Police", "Visible high risk", "15", "High", "No",
		"No", "2 (12, 6)",
		"Police: done Children's social care: outstanding Health: done "
		"Education: outstanding"});
	check_row(body, (const char *const[NCELLS]){
		"TS-2026-0102", "2026-02-17", "Health", NULL, "16", NULL, "No", "No",
		"3 (9, 3, 1 age unknown)", ""});
	check_row(body, (const char *const[NCELLS]){
		"TS-2026-0108", "2026-02-05", "IDVA service", "Repeat", "9", "Medium",
		"Yes (2025-06-01)", "No", "0",
		"IDVA service: done Probation: done Housing: outstanding"});
	check_row(body, (const char *const[NCELLS]){
		"TS-2026-0104", "2026-02-20", "Housing", "Professional judgement", "11", "High",
		"No", "Yes", "0", NULL});
	check_row(body, (const char *const[NCELLS]){
		"TS-2025-0040", "2025-03-05", "Police", NULL, "18", NULL, "No", "No", "0", ""});
	free(text);
	free(dom);

	/* ---- the page printed ---- */
	char pdf_flag[320];
	snprintf(pdf_flag, sizeof pdf_flag, "--print-to-pdf=%s", pdf_path);
	char out_path[300];
	snprintf(out_path, sizeof out_path, "%s/print.out", workdir);
	rc = run_chromium(chromium, pdf_flag, "--no-pdf-header-footer", url, out_path);
	cr_assert_eq(rc, 0, "chromium --print-to-pdf exited %d (124: timed out)", rc);
	size_t pdf_len = 0;
	char *pdf = slurp(pdf_path, &pdf_len);
	cr_assert_not_null(pdf, "Chromium printed no PDF to %s", pdf_path);
	cr_expect_gt(pdf_len, 5000, "PDF is only %zu bytes", pdf_len);
	cr_assert(pdf_len > 5 && memcmp(pdf, "%PDF-", 5) == 0, "not a PDF");
	size_t tail = pdf_len > 1024 ? pdf_len - 1024 : 0;
	cr_expect(memmem(pdf + tail, pdf_len - tail, "%%EOF", 5) != NULL, "PDF is truncated");
	/* The page's own @page rule took: A4 landscape (842 x 595 pt). */
	const char *mb = memmem(pdf, pdf_len, "/MediaBox [", 11);
	cr_assert_not_null(mb, "no page in the PDF");
	double x0, y0, w, h;
	cr_assert_eq(sscanf(mb + 11, "%lf %lf %lf %lf", &x0, &y0, &w, &h), 4);
	cr_expect(w > 835 && w < 848 && h > 588 && h < 601, "page is %.0f x %.0f pt, want A4 "
		  "landscape", w - x0, h - y0);
	free(pdf);
}
