/*
 * failsafe unit model: the third layer (failsafe.h, "The unit model").
 * Sentences no cue list and no rule of failsafe.c withholds, that the
 * trained model does: a safe window explained by his routine, a time
 * worked out from her hours, where she will give birth, a safe route. And
 * ordinary sentences of agency, legislation and meeting business that it
 * keeps. It runs only for recipients not entitled to her whereabouts.
 * Synthetic data of our own (no corpus sentence, name or place). When a
 * retrained model changes one of these, that is a change of behaviour:
 * say why in the commit.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failsafe.h"
#include "scrub.h"

/* Sentences only the model withholds: the rules find nothing in them. */
static const char *const MODEL_ONLY[] = {
	"He is at the gym until 9 on Mondays so that is the window.",
	/* (was "She finishes at 2 so any time after half 3 is fine.": the
	 * rules take her working hours as a safe time since s11-where) */
	"She gets the kids in by 4 so any time after that.",
	"She is booked in to have the baby at Fairfield not the General.",
	/* (was "Safe to leave a voicemail on the landline.": the rules take
	 * leaving a voicemail as a contact and its route since h10-where) */
	"Tuesdays at the cafe are her only time to herself.",
};

/* Ordinary business the model keeps. */
static const char *const ORDINARY[] = {
	"The MARAC meeting is on 14 March at 10am in the Civic Centre.",
	"The Domestic Abuse Act 2021 places a duty on local authorities.",
	"Probation will complete an OASys assessment before sentence.",
	"Children's Social Care held a strategy meeting under Section 47.",
	"The officer completed the DASH risk assessment at the scene.",
	"Minutes will be circulated to all agencies after the meeting.",
	"He was charged with assault by beating and bailed to court.",
	"The school has a DSL who will attend the next meeting.",
	/* "She was seen by the health visitor for the 6-8 week check." was here:
	 * at the threshold chosen in session 11 (0.08, for 0.45 points more
	 * never-share on exam11) the model withholds it (in its training notes
	 * "she was seen" is mostly where she was seen): a cost accepted, fail safe. */
	"The health visitor completed the 6-8 week check with mum.",
	"The IDVA service will offer support through the court process.",
	"The review hearing is listed for 2 June at the Magistrates.",
	"The perpetrator has been remanded in custody until trial.",
};

static struct spans run(int model, const char *s)
{
	struct spans sv = {0};
	size_t n = strlen(s);
	cr_assert_eq(model ? failsafe_scan_model(s, n, &sv) : failsafe_scan(s, n, &sv), 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start < sv.v[i].end && sv.v[i].end <= n, "span out of bounds");
	return sv;
}

Test(failsafe_model, withholds_what_the_rules_miss)
{
	for (size_t k = 0; k < sizeof MODEL_ONLY / sizeof MODEL_ONLY[0]; k++) {
		const char *s = MODEL_ONLY[k];
		struct spans rules = run(0, s);
		cr_assert_eq(rules.n, 0, "the rules alone withhold nothing in: %s", s);
		spans_free(&rules);

		struct spans sv = run(1, s);
		cr_assert_eq(sv.n, 1, "the model withholds: %s", s);
		cr_assert_str_eq(sv.v[0].rule, "fs:model");
		/* the whole sentence but its full stop */
		cr_assert_eq(sv.v[0].start, 0, "%s", s);
		cr_assert_eq(sv.v[0].end, strlen(s) - 1, "%s", s);
		spans_free(&sv);
	}
}

Test(failsafe_model, keeps_ordinary_business)
{
	for (size_t k = 0; k < sizeof ORDINARY / sizeof ORDINARY[0]; k++) {
		struct spans sv = run(1, ORDINARY[k]);
		cr_assert_eq(sv.n, 0, "nothing to withhold in: %s", ORDINARY[k]);
		spans_free(&sv);
	}
	/* and all of them as one note: units are decided one by one */
	char note[4096] = "";
	for (size_t k = 0; k < sizeof ORDINARY / sizeof ORDINARY[0]; k++) {
		strcat(note, ORDINARY[k]);
		strcat(note, k % 3 == 2 ? "\n" : " ");
	}
	struct spans sv = run(1, note);
	cr_assert_eq(sv.n, 0, "nothing to withhold in the note");
	spans_free(&sv);
}

Test(failsafe_model, a_log_stamp_stays_and_only_the_unit_goes)
{
	const char *s = "14/03 10:20 Call with IDVA. She gets the kids in by 4 so any time after "
			"that. Minutes will be circulated to all agencies after the meeting.";
	struct spans sv = run(1, s);
	spans_sort(&sv);
	int found = 0;
	for (size_t i = 0; i < sv.n; i++) {
		if (strcmp(sv.v[i].rule, "fs:model") != 0)
			continue;
		found = 1;
		const char *want = "She gets the kids in by 4 so any time after that";
		cr_assert_eq(sv.v[i].end - sv.v[i].start, strlen(want));
		cr_assert(memcmp(s + sv.v[i].start, want, strlen(want)) == 0);
	}
	cr_assert(found, "the model withholds the safe-time sentence");
	spans_free(&sv);
}

static char *scrub_with(unsigned flags, const char *text, char **rule)
{
	struct scrub_spec spec = {.flags = flags};
	scrubber *sc = scrubber_build(&spec);
	cr_assert_not_null(sc);
	char *out = NULL;
	struct scrub_finding *fd = NULL;
	size_t nfd = 0;
	cr_assert_eq(scrub_text_ex(sc, text, strlen(text), "s40(2)", 0, &out, NULL, &fd, &nfd), 0);
	*rule = NULL;
	for (size_t i = 0; i < nfd; i++)
		if (strcmp(fd[i].rule, "fs:model") == 0)
			*rule = (char *)fd[i].rule;
	free(fd);
	scrubber_free(sc);
	return out;
}

Test(failsafe_model, through_the_scrubber_only_for_recipients_not_entitled)
{
	const char *t = "Strategy meeting held. He is at the gym until 9 on Mondays so that is the "
			"window. Next review in May.";
	char *rule = NULL;
	char *out = scrub_with(SCRUB_F_LOCATION, t, &rule);
	cr_assert(strstr(out, "[WITHHELD s38:") != NULL, "%s", out);
	cr_assert(strstr(out, "gym") == NULL, "%s", out);
	cr_assert(strstr(out, "Strategy meeting held.") != NULL, "%s", out);
	cr_assert(strstr(out, "Next review in May.") != NULL, "%s", out);
	cr_assert_not_null(rule, "the finding names the model (--explain shows it)");
	free(out);

	/* police and the IDVA (no SCRUB_F_LOCATION): the model never runs */
	for (size_t k = 0; k < sizeof MODEL_ONLY / sizeof MODEL_ONLY[0]; k++) {
		out = scrub_with(0, MODEL_ONLY[k], &rule);
		cr_assert_str_eq(out, MODEL_ONLY[k]);
		cr_assert_null(rule);
		free(out);
	}
}

Test(failsafe_model, a_text_with_no_sentence_end_is_left_to_the_rules)
{
	/* One unit of 20,000 words: scaled by the square root of their number,
	 * its repeated features would grow without bound and withhold it all. */
	size_t n = 20000 * 9;
	char *s = malloc(n + 1);
	cr_assert_not_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = "Abcdefgh "[i % 9];
	s[n] = 0;
	struct spans sv = run(1, s);
	cr_assert_eq(sv.n, 0);
	spans_free(&sv);
	free(s);
}
