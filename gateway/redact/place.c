/*
 * place.c: see place.h.
 *
 * One walk over the text. place_tok.c cuts words, numbers and punctuation
 * into a ring of tokens, looking each word up once in a hash table of the
 * cue words (place_words.h) for its classes, and marks sentence starts; it
 * cuts LEX_AHEAD tokens at a time, ahead of the recognisers (a loop of
 * one kind at a time runs about half as fast again as the two interleaved
 * token by token). The recognisers then run at each token, reading at most
 * BACK tokens back
 * and LOOK tokens ahead, so the cost per token is bounded and the whole scan
 * is linear with no backtracking and no allocation beyond the spans vector.
 * Addresses and places are place_addr.c's; this file has the statements of
 * where the victim is and safe times, and the walk.
 *
 * Statements of where she is and safe times are decided per sentence: a cue
 * anywhere in it ("staying with", "moved to", "refuge", "safe to call")
 * marks the whole sentence, which is emitted when it ends. Addresses and
 * places are emitted as soon as they are recognised.
 */
#include "place.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "failsafe.h"
#include "lexicon.h"
#include "mgw_err.h"
#include "place_int.h"
#include "scrub.h"

/* A clock time at c ("14:44", ", 21.16"), after a date in a stamp: the
 * token after it, or c. */
static long clock_after(const struct scan *sc, long c)
{
	long k = c + (is_punct(T(sc, c), ',') ? 1 : 0);
	const struct tok *h = T(sc, k), *m = T(sc, k + 1), *u = T(sc, k + 2);
	if (h->type == T_NUM && h->ndig <= 2 && (is_punct(m, ':') || is_punct(m, '.')) &&
	    u->type == T_NUM && u->ndig == 2 && m->start == h->end && u->start == m->end &&
	    !(h->f & F_NL))
		return k + 3;
	return c;
}

/*
 * The token after a time or date stamp that opens a log entry at p ("[1620
 * HRS]", "APPROX 1750", "3.40AM", "05:00 -", "22/05/2026:", "17.06.25 -",
 * a day and month "14/02 -", "12.04 18:30", a weekday before figures "Thu
 * 6/03:"), or p when there is none. The stamp says when the entry was written, not
 * where she is: a withheld statement starts after it. Only digits: "Sunday
 * night:" may be the very window a safe time names.
 */
static int is_clock(const struct scan *sc, long p);
static int tok_in(const struct scan *sc, const struct tok *t, const char *const *list);
static int next_date_only(const struct scan *sc, long p);
static int dated_only(const struct scan *sc, long p);
static int via_court(const struct scan *sc, long p);

/* s19-over: what follows someone's when it is no home of theirs: an
 * event ("at <Name>'s rugby match", "a friend's birthday") or a part of
 * the body ("held a knife to mum's throat") */
static const char *const PL_NOT_HOME[] = {
    "match", "game", "party", "birthday", "funeral", "wedding", "christening", "training",
    "graduation", "concert", "throat", "neck", "face", "head", "arm", "arms", "hair", "chest",
    "stomach", "leg", "legs", "hand", "hands", NULL};

/* What follows "contact" when it is a child's contact session */
static const char *const PL_CONTACT_SESSION[] = {"centre", "center", "session", "sessions",
						 "supervisor", "supervised", NULL};
/* A record of a call that happened: "call log 09/02/2027 14:07-14:41",
 * "call summary", "call transcript" (its times are the record's) */
static const char *const PL_CALL_RECORD[] = {"log", "logs", "logged", "record", "recording",
					     "summary", "transcript", "sheet", NULL};
/* ... and when it is a route to someone ("Mum's contact number") */
static const char *const PL_CONTACT_ROUTE[] = {"number", "numbers", "details", "via", "through",
					       "no", "num", "tel", "phone", "mobile", "email",
					       "e-mail", "landline", NULL};

/* s23-over: between "safety plan" and "school run", what makes the run
 * the plan's topic ("safety plan re school run", "safety plan for the
 * school run", "safety plan incl. school runs") */
static const char *const PL_PLAN_TOPIC[] = {"re", "for", "incl", "including", "around", "about",
					    "on", "the", "her", NULL};

/*
 * s23-over: is the "school run" at p (p is "school") the topic of an
 * agency's safety-planning action ("IDVA to safety plan re school run - due
 * 27/11", "safety plan school run incl. taxi")? It names neither where nor
 * when she goes; the action lists say so at every MARAC. "safety plan" or
 * "safety planning" within three tokens before it, only topic words between
 * (a line break or a ':' between ends it: "Safety plan:\nschool run 8.30 from
 * X" is her routine, decided as before). What follows the run must say
 * no more: the sentence's end, a dash, ';', ',' or a bracket (the action's
 * owner and date), "by" or "due" then only a date, "incl." then a word
 * ("incl. taxi"); not a clock, a place or a day ("school run 8.30-9 from
 * X").
 */
static int safety_plan_topic(const struct scan *sc, long p)
{
	static const char *const DUE[] = {"by", "due", NULL};
	static const char *const INCL[] = {"incl", "including", NULL};
	long r = p + 2;
	const struct tok *a = T(sc, r);
	if (a->type == T_END || (a->f & F_BRK))
		;
	else if (a->type == T_PUNCT && (a->ch == '-' || a->ch == ';' || a->ch == ',' || a->ch == '(' ||
	                                a->ch == '.'))
		;
	else if (tok_in(sc, a, DUE) && next_date_only(sc, r + 1))
		;
	else if (tok_in(sc, a, INCL) && T(sc, r + 1)->type != T_NUM &&
	         !(T(sc, r + 2)->type == T_NUM && is_punct(T(sc, r + 1), '.')))
		;
	else
		return 0;
	static const char *const PLAN[] = {"plan", "planning", "plans", NULL};
	static const char *const SAFETY[] = {"safety", NULL};
	long i = p - 1;
	for (int k = 0; k < 3 && i > sc->ss; k++, i--) {
		const struct tok *t = T(sc, i);
		if (T(sc, i + 1)->f & F_BRK)
			return 0;
		if (tok_in(sc, t, PLAN))
			return tok_in(sc, T(sc, i - 1), SAFETY) &&
			       !(t->f & F_BRK);
		if (!tok_in(sc, t, PL_PLAN_TOPIC) && !is_punct(t, '.'))
			return 0;
	}
	return 0;
}

static long stamp_end(const struct scan *sc, long p)
{
	/* a list's bullet ("- 04/11: ...", "* 2230 ..."): the entry is after it,
	 * with or without a stamp */
	if ((is_punct(T(sc, p), '-') || is_punct(T(sc, p), '*')) && T(sc, p + 1)->start > T(sc, p)->end &&
	    !(T(sc, p + 1)->f & F_BRK) && T(sc, p + 1)->type != T_END)
		p++;
	long i = p;
	int figures = 0; /* the stamp is a date in figures or a clock with ':' or '.' */
	if (is_punct(T(sc, i), '[') || is_punct(T(sc, i), '('))
		i++;
	if (is_word(T(sc, i), W_APPROX))
		i++;
	const struct tok *t = T(sc, i);
	long k = i + 1;
	int words = 0;
	/* a written date: "26th December:", "Sunday 25th |", "3 May 2025 -" */
	{
		long w = i;
		const struct tok *d = T(sc, w);
		if ((d->cls & C_DAY) &&
		    !(d->end - d->start > 5 && (sc->s[d->end - 1] | 0x20) == 's')) /* not "Sundays" */
			w++, words = 1;
		if (T(sc, w)->type == T_NUM && T(sc, w)->ndig <= 2 && (T(sc, w)->cls & C_MON) == 0)
			w++, words |= 2;
		if (T(sc, w)->cls & C_MON) {
			w++, words |= 4;
			/* and the clock it was written at: "Tue 20 Oct 3.15pm:",
			 * "Mon 12 May 15:15 -", "3 May 2025 14:02 -" */
			long c = clock_after(sc, w);
			if (c == w) {
				if (T(sc, w)->type == T_NUM &&
				    (T(sc, w)->ndig == 4 || T(sc, w)->ndig <= 2))
					w++;
				c = clock_after(sc, w);
				if (c == w && T(sc, w)->type == T_NUM && (T(sc, w)->f & F_CLOCK))
					c = w + 1;
			}
			w = c;
		}
		/* not "Sunday night:": that may be when she is there */
		const struct tok *x = T(sc, w);
		if (words && words != 2 && x->type == T_PUNCT && strchr(":-|", x->ch)) {
			k = w;
			goto sep;
		}
	}
	/* a weekday before a date in figures: "Thu 6/03:", "Fri 07.03 -" */
	if ((t->cls & C_DAY) && T(sc, i + 1)->type == T_NUM && T(sc, i + 1)->ndig <= 2 &&
	    (is_punct(T(sc, i + 2), '/') || is_punct(T(sc, i + 2), '.')))
		t = T(sc, ++i), k = i + 1;
	if (t->type != T_NUM)
		return p;
	const struct tok *a = T(sc, k), *b = T(sc, k + 1);
	if (t->f & F_CLOCK) {
		/* 1645HRS, 4PM */
	} else if ((is_punct(a, '.') || is_punct(a, ':')) && b->type == T_NUM && t->ndig <= 2 &&
		   b->ndig == 2 && a->start == t->end && b->start == a->end) {
		k += 2; /* 05:00, 3.40AM, and a date 17.06.25 */
		figures = 1;
		const struct tok *c = T(sc, k), *d = T(sc, k + 1);
		if (is_punct(c, '.') && d->type == T_NUM && c->start == b->end && d->start == c->end)
			k += 2;
		k = clock_after(sc, k); /* "12.04 18:30": a day and month, then the time */
	} else if (is_punct(a, '/') && b->type == T_NUM && is_punct(T(sc, k + 2), '/') &&
		   T(sc, k + 3)->type == T_NUM) {
		k += 4; /* 22/05/2026 */
		figures = 2;
		/* "22/05/2026 14:44", "[22/05/2026, 14:44]": a message log's date
		 * and time */
		long c = k + (is_punct(T(sc, k), ',') ? 1 : 0);
		const struct tok *h = T(sc, c), *m = T(sc, c + 1), *u = T(sc, c + 2);
		if (h->type == T_NUM && h->ndig <= 2 && (is_punct(m, ':') || is_punct(m, '.')) &&
		    u->type == T_NUM && u->ndig == 2 && m->start == h->end && u->start == m->end &&
		    !(h->f & F_NL))
			k = c + 3;
	} else if (is_punct(a, '/') && b->type == T_NUM && t->ndig <= 2 && b->ndig <= 2 &&
		   a->start == t->end && b->start == a->end) {
		k += 2; /* a day and month, "03/02 Moved in.", "19/08 -": a chronology's */
		figures = 2;
	} else if (t->ndig == 4 && t->end - t->start == 4) {
		/* 1750, 0030 */
	} else {
		return p;
	}
	if (is_word(T(sc, k), W_HRS))
		k++;
	if (is_punct(T(sc, k), ']') || is_punct(T(sc, k), ')'))
		k++;
sep:;
	const struct tok *x = T(sc, k);
	if (x->type == T_PUNCT && strchr(":-|,", x->ch)) {
		int bar = x->ch == '|';
		x = T(sc, ++k);
		/* a chronology's next column, the agency: "| CAMHS |" */
		for (long c = k; bar && c < k + 5 && !(T(sc, c)->f & F_NL); c++)
			if (is_punct(T(sc, c), '|')) {
				x = T(sc, k = c + 1);
				break;
			}
	}
	/* The entry goes on in figures after a date or a clock with no separator
	 * between ("02/09 6-8 wk contact ...", "20:31 999 FROM ..."): a count, a
	 * call's number, a window whose figures stay with the statement. Not
	 * after a separator ("10:30 - 12:30 safe"), nor a clock after a clock. */
	if (x->type == T_NUM && figures && k > 0 && !(x->f & F_BRK) && x->start > T(sc, k - 1)->end &&
	    !is_punct(T(sc, k - 1), '-') && !is_punct(T(sc, k - 1), ':') &&
	    (figures == 2 || !is_clock(sc, k)))
		return k;
	/* the entry goes on in words: "6pm - 8pm safe to call" has no stamp */
	if (x->type != T_WORD || (x->f & F_BRK) || (x->cls & (C_TPREP | C_TIMEW | C_DAY)))
		return p;
	return k;
}

/*
 * Is the line of tokens [a, e) the note's title: its first line, parts
 * joined by " - " and no sentence's end ("Safeguarding log - <school>",
 * "IDVA note - <service>", "<FORCE> - occurrence update - PS <name>")?
 * It names the record, not where she is.
 */
static int title_line(const struct scan *sc, long a, long e)
{
	int dash = 0;
	if (sc->ss != 0 || T(sc, sc->ss)->start != 0 || e - a < 4 || e - a > BACK)
		return 0;
	for (long i = a; i < e; i++) {
		const struct tok *t = T(sc, i);
		if (t->type != T_PUNCT)
			continue;
		if (t->ch == '.' || t->ch == '?' || t->ch == '!' || t->ch == ';')
			return 0;
		if (t->ch == '-' && i > a && i + 1 < e && t->start > T(sc, i - 1)->end &&
		    T(sc, i + 1)->start > t->end)
			dash = 1;
	}
	return dash;
}

/*
 * Is the current sentence's stamp a log entry's beyond doubt: in brackets
 * ("[09:45] Hetty: ..."), or a date in figures ("12.04 18:30", "14/02 -")?
 * Then a safe-time statement starts after it too. A bare clock may be the
 * window itself ("10:30 - best time to ring"): it stays in.
 */
static int dated_stamp(const struct scan *sc)
{
	if (sc->body <= sc->ss || sc->body_start >= sc->sent_end)
		return 0;
	long i = sc->ss;
	if ((is_punct(T(sc, i), '-') || is_punct(T(sc, i), '*')) && sc->body > i + 1)
		i++; /* a list's bullet before the stamp (stamp_end) */
	if (is_punct(T(sc, i), '['))
		return 1;
	/* a heading line or the note's title (heading_cut), and the stamp
	 * after it */
	for (long h = sc->body; h > sc->ss && sc->body - h <= 8 && sc->body - sc->ss <= BACK; h--)
		if ((T(sc, h)->f & F_NL) &&
		    (is_punct(T(sc, h - 1), ':') || title_line(sc, sc->ss, h)))
			return 1;
	if ((T(sc, i)->cls & C_DAY) && T(sc, i + 1)->type == T_NUM)
		i++;
	const struct tok *t = T(sc, i), *a = T(sc, i + 1), *b = T(sc, i + 2);
	/* a CAD log's time, four figures, then its text in capitals ("2240 DO
	 * NOT CONTACT FAMILY"); not "1800-2000", "1930 best time to ring" */
	if (t->type == T_NUM && t->ndig == 4 && t->end - t->start == 4 && sc->body == i + 1 &&
	    a->type == T_WORD && (a->f & F_UPPER) && a->start > t->end)
		return 1;
	if (t->type != T_NUM || t->ndig > 2 || b->type != T_NUM || a->start != t->end ||
	    b->start != a->end)
		return 0;
	if (is_punct(a, '/'))
		return 1; /* 14/02, 22/05/2026 */
	/* 12.04.26, or 12.04 then a clock */
	return is_punct(a, '.') && (is_punct(T(sc, i + 3), '.') || clock_after(sc, i + 3) > i + 3);
}

static void flush_sentence(struct scan *sc, long p)
{
	if (sc->flags & PLACE_F_LOCATION) {
		const char *loc = sc->loc_rule;
		/* three clock times in one sentence are a day's timetable
		 * ("carers visit 08:00, 12:30 and 18:00"), as "every day" is */
		if (sc->clock >= 3)
			sc->every = 1;
		if (loc != NULL && sc->his_cue && !sc->other_cue && !sc->she_w)
			loc = NULL; /* about him alone */
		if (loc == NULL && ((sc->routev && (sc->via || sc->clock || sc->every)) ||
				    (sc->comev && sc->clock)))
			loc = "loc:route";
		/* "she is at work until 5" (a timed routine) when no safe-time
		 * cue says more: "call after 10 when he is at work" is a safe time */
		if (loc == NULL && sc->atwork && (sc->window || sc->clock || sc->every) &&
		    sc->safe_rule == NULL && !sc->callw)
			loc = "loc:route";
		if (loc != NULL)
			emit(sc, sc->body_start > sc->sent_start && sc->body_start < sc->sent_end
					 ? sc->body_start
					 : sc->sent_start,
			     sc->sent_end, SCRUB_LOCATION, loc);
		else if (sc->safe_rule != NULL)
			emit(sc, dated_stamp(sc) ? sc->body_start : sc->sent_start, sc->sent_end,
			     SCRUB_SAFE_TIME, sc->safe_rule);
		else if (sc->callw && (sc->window || sc->every))
			/* "contact not at weekends, weekdays 10-12 only", "asked me to
			 * call in her lunch break, 12:30-13:15", "call only on
			 * weekdays": when she can be called is a safe time */
			emit(sc, dated_stamp(sc) ? sc->body_start : sc->sent_start, sc->sent_end,
			     SCRUB_SAFE_TIME, "time:call-window");
	}
	sc->ss = p;
	sc->sent_start = T(sc, p)->start;
	sc->body = stamp_end(sc, p);
	sc->body_start = T(sc, sc->body)->start;
	sc->loc_rule = sc->safe_rule = NULL;
	sc->routev = sc->comev = sc->via = sc->clock = sc->every = 0;
	sc->callw = sc->window = sc->atwork = 0;
	sc->his_cue = sc->other_cue = sc->she_w = 0;
	sc->last_cue = sc->last_admit = -1;
}

static void loc_cue(struct scan *sc, long p, const char *rule)
{
	if (sc->loc_rule == NULL)
		sc->loc_rule = rule;
	sc->last_cue = p;
	sc->other_cue = 1; /* (loc_cue_his clears it again for its own cue) */
}

/* Is the token at o "his" before a kin word ("his mum's", "his brother's
 * address")? */
static int his_kin_at(const struct scan *sc, long o)
{
	return is_word(T(sc, o), W_HIS) && (T(sc, o + 1)->cls & C_KIN);
}

/*
 * s19-over: a cue whose place is his kin's ("moved to his mum's in <Town>",
 * "bailed to his brother's in <Town>", "now at his brother's"): where he
 * is, as "he remains at" is; withheld still when the sentence has a word
 * for her or hers (flush_sentence). o is the token after the preposition.
 */
static void loc_cue_place(struct scan *sc, long p, long o, const char *rule)
{
	if (!his_kin_at(sc, o)) {
		loc_cue(sc, p, rule);
		return;
	}
	int other = sc->other_cue;
	loc_cue(sc, p, rule);
	sc->other_cue = other;
	sc->his_cue = 1;
}

/*
 * Is the subject of the verb at p him: the word before it, after
 * auxiliaries and adverbs ("he will be at", "the husband remains at",
 * "suspect is still at"), one of his words? Reads at most four tokens back.
 */
static int his_subject(const struct scan *sc, long p)
{
	for (long i = p - 1; i >= sc->ss && i >= p - 4; i--) {
		const struct tok *w = T(sc, i);
		if (w->type != T_WORD)
			return 0;
		unsigned v = w->id;
		if (v == W_HE || v == W_HES || v == W_HUSBAND || v == W_SUSPECT ||
		    v == W_PERPETRATOR || v == W_EX || v == W_EXPARTNER || v == W_PARTNER ||
		    v == W_BOYFRIEND)
			return 1;
		if (!(v == W_WILL || v == W_BE || v == W_BEEN || v == W_HAS || v == W_IS ||
		      v == W_WAS || (w->cls & C_ADV)))
			return 0;
	}
	return 0;
}

static void safe_cue(struct scan *sc, const char *rule)
{
	if (sc->safe_rule == NULL)
		sc->safe_rule = rule;
}

/* ---- where she is ------------------------------------------------------------------ */

/* Is the subject of the verb at p a meeting, a case, a MARAC ...? */
static int nonloc_subject(const struct scan *sc, long p)
{
	/* "The meeting on Thursday has been moved": skip auxiliaries and a
	 * short time phrase back to the subject; a pronoun ends the search */
	for (long i = p - 1, k = 0; i >= sc->ss && k < 6; i--, k++) {
		const struct tok *w = T(sc, i);
		if (w->type == T_NUM)
			continue;
		if (w->type != T_WORD)
			return 0;
		if (w->cls & C_NONLOC)
			return 1;
		if ((w->cls & (C_BE | C_ADV | C_DAY | C_MON | C_TIMEW | C_DET)) || w->id == W_HAS ||
		    w->id == W_HAVE || w->id == W_HAD || w->id == W_WILL || w->id == W_TO ||
		    w->id == W_ON || w->id == W_AT || w->id == W_FOR || w->id == W_OF || w->id == W_IN)
			continue;
		return 0;
	}
	return 0;
}

/* Is token i a verb telling a past event ("hid", "screamed"), not where she
 * is, lives or goes (those have their own classes)? */
static int past_event(const struct scan *sc, long i)
{
	const struct tok *w = T(sc, i);
	if (w->type != T_WORD || (w->cls & (C_BE | C_LOCV | C_MOVE | C_ADV | C_FUNC | C_ROUTEV |
					    C_CALLED | C_CALL | C_GOT)))
		return 0;
	const unsigned char *s = sc->s + w->start;
	size_t n = w->end - w->start;
	if (n == 3 && ((s[0] | 0x20) == 'h' || (s[0] | 0x20) == 'r') &&
	    ((s[1] | 0x20) == 'i' || (s[1] | 0x20) == 'a') && ((s[2] | 0x20) == 'd' || (s[2] | 0x20) == 'n'))
		return 1; /* hid, ran */
	return n >= 5 && (s[n - 2] | 0x20) == 'e' && (s[n - 1] | 0x20) == 'd';
}

/* Skip determiners and "another"/"next" from i, and an adjective before a
 * kin word ("her best mate's", "an old friend's"): the kin word says whose
 * place it is. */
static long skip_det(const struct scan *sc, long i)
{
	for (int k = 0; k < 2 && (T(sc, i)->cls & C_DET); k++)
		i++;
	if ((T(sc, i)->cls & C_KINADJ) && (T(sc, i + 1)->cls & C_KIN) && !(T(sc, i + 1)->f & F_BRK))
		i++;
	return i;
}

/* Is the object at x a place she can be: kin, someone's, a town, a refuge, a number? */
static int place_object(const struct scan *sc, long x, int with)
{
	const struct tok *o = T(sc, x);
	if (o->type == T_NUM) {
		/* "the address at 2215" in a log is a time */
		if (tok_hhmm(sc, o) && is_word(T(sc, x - 1), W_AT))
			return 0;
		/* s20-over: a date in full ("Calls to address: 11/06/2024 (...)",
		 * two slashes) is when, a log of calls; "12/3 Oak Row" (one) is
		 * a Scots flat's number. Reads the digits and slashes from it,
		 * 11 bytes at most. */
		int slash = 0;
		for (size_t i = o->start; i < sc->n && i < o->start + 11 &&
		                          ((sc->s[i] >= '0' && sc->s[i] <= '9') || sc->s[i] == '/');
		     i++)
			slash += sc->s[i] == '/';
		if (slash == 2)
			return 0;
		return (o->f & F_HOUSE) && !(T(sc, x + 1)->cls & (C_MON | C_UNIT | C_TIMEW));
	}
	if (o->type != T_WORD || (o->cls & C_ABSTRACT))
		return 0;
	if (o->cls & C_KIN)
		return 1;
	if ((o->f & F_POSS) && !(o->cls & (C_NOTPL | C_INSTM)))
		return 1;
	if (with) /* "with Sarah"; not "with the Home Office" */
		return (o->f & F_CAP) && !(o->cls & (C_NOTPL | C_TITLE | C_DAY | C_MON | C_PRON | C_DET)) &&
		       !((T(sc, x + 1)->f & F_CAP) && (T(sc, x + 1)->cls & C_NOTPL));
	if ((o->cls & (C_REFUGE | C_ACCOM)) && o->id != W_HOME && o->id != W_AREA)
		return 1;
	if (o->id == W_WORKPLACE)
		return 1; /* "is at her workplace most days": where to find her */
	/* "her new address", "a temporary flat", even misspelt: a new
	 * somewhere is where she is now */
	if ((o->cls & C_NEWMOD) && T(sc, x + 1)->type == T_WORD &&
	    !(T(sc, x + 1)->cls & (C_ABSTRACT | C_FUNC | C_CONJ | C_PREP)) && !(T(sc, x + 1)->f & F_BRK))
		return 1;
	/* "the Holiday Inn", "the Seaview Guest House": capitalised words
	 * before a building word, whatever the first one is on its own */
	if (o->f & F_CAP)
		for (long i = x + 1; i < x + 4 && (T(sc, i)->f & F_CAP) && !(T(sc, i)->f & F_BRK); i++)
			if (T(sc, i)->cls & C_BLD)
				return 1;
	return place_town_word(o) || (o->cls & (C_ST | C_STA | C_BLD | C_FLAT));
}

/* After "her flat is on/near ...": a place (a name, kin, a number, a street
 * or institution word: "near the leisure centre"), not a state ("in a poor
 * state of repair"). */
static int her_place_object(const struct scan *sc, long o)
{
	const struct tok *w = T(sc, o);
	if (w->cls & C_ABSTRACT)
		return 0;
	if (place_object(sc, o, 0))
		return 1;
	for (long i = o; i < o + 2 && T(sc, i)->type == T_WORD && !(T(sc, i)->f & F_BRK); i++)
		if (T(sc, i)->cls & (C_ST | C_STA | C_BLD | C_INST | C_INSTC | C_INSTM))
			return 1;
	return 0;
}

/*
 * s40-over: is the verb at p "live" of "capacity (re) where to live", "a
 * decision about where to live": the Mental Capacity Act's question, no
 * statement of where she is (a cue after it still says where)? A
 * capacity's or a decision's word within six tokens before "where to".
 */
static int capacity_where_to(const struct scan *sc, long p)
{
	if (!is_word(T(sc, p - 1), W_TO) || !is_word(T(sc, p - 2), W_WHERE))
		return 0;
	for (long i = p - 3; i >= p - 8 && i >= sc->ss; i--)
		if (tok_in(sc, T(sc, i), failsafe_decide_words))
			return 1;
	return 0;
}

/* After a phone at i ("a phone box", "a neighbour's landline"): "in",
 * "at" or "on" then a place, within three words? */
static int phone_then_place(const struct scan *sc, long i)
{
	for (long k = i + 1; k < i + 4; k++) {
		const struct tok *w = T(sc, k);
		if (w->type != T_WORD || (w->f & F_BRK))
			return 0;
		if ((w->id == W_IN || w->id == W_AT || w->id == W_ON) && !(T(sc, k + 1)->f & F_BRK))
			return place_object(sc, skip_det(sc, k + 1), 0);
	}
	return 0;
}

/*
 * s47-never: "was calling from her uncle's kitchen in <Town>", "rang from
 * <Town>", "ringing from the Costa on <Street>": where she rings from is
 * where she is. The calling verb (not the noun: "calls from him", "a call
 * from the school"), "from", then a place she can be; not his ringing ("he
 * rang from the pub"), nor a number or a phone ("from a withheld number",
 * "from her mobile", "from work": no place).
 */
static int call_from(const struct scan *sc, long p)
{
	unsigned id = T(sc, p)->id;
	if (!(id == W_CALLING || id == W_RINGING || id == W_PHONING || id == W_RANG ||
	      id == W_PHONED || id == W_RINGS) ||
	    !(T(sc, p)->f & F_LOWER))
		return 0;
	const struct tok *fr = T(sc, p + 1);
	if (!is_word(fr, W_FROM) || (fr->f & F_BRK) || (T(sc, p + 2)->f & F_BRK))
		return 0;
	long o = skip_det(sc, p + 2);
	if (!place_object(sc, o, 0) || his_subject(sc, p) || nonloc_subject(sc, p) ||
	    his_kin_at(sc, p + 2))
		return 0;
	/* a phone, not a place: "rang from a friend's phone", "phoned from
	 * a neighbour's landline" (unless a place follows it: "from a phone
	 * box in <Town>") */
	for (long i = o; i < o + 3; i++) {
		const struct tok *d = T(sc, i);
		if (d->type != T_WORD || (i > o && (d->f & F_BRK)))
			break;
		static const char *const DEV[] = {"fone", "phn", "mob", "handset", "ipad", "tablet",
						  "laptop", "device", "account", "work", NULL};
		int phone = d->id == W_PHONE || d->id == W_MOBILE || d->id == W_LANDLINE;
		if (phone && phone_then_place(sc, i))
			break;
		if (phone || d->id == W_NUMBER || d->id == W_LINE || d->id == W_CELL ||
		    tok_in(sc, d, DEV) || tok_in(sc, d, PL_NOT_HOME))
			return 0;
	}
	/* someone else rings: her mother, a neighbour, Mr X ("V's mother
	 * rang from <Town>", "Alaw's mum <Name> rang from <Town>"), in the
	 * verb's own clause (not "Jane, who is scared of her ex-partner, rang
	 * from <Town>": a comma closes an aside) */
	for (long i = p - 1; i >= sc->ss && i >= p - 8; i--) {
		const struct tok *w = T(sc, i);
		if (is_punct(w, ',') || (i < p - 1 && (T(sc, i + 1)->f & F_BRK)))
			break;
		if (w->type == T_WORD && (w->cls & (C_KIN | C_TITLE)))
			return 0;
	}
	return 1;
}

static void try_locv(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if ((t->id == W_LIVE) && capacity_where_to(sc, p))
		return;
	/* "his trawler, moored at <Wharf>": his boat is where he is; not "he
	 * knows she is moored at", "since he left, her boat is moored": the
	 * nearer of she, her, he and his says whose */
	for (long i = p - 1; t->id == W_MOORED && i >= sc->ss && i >= p - 8; i--) {
		unsigned id = T(sc, i)->id;
		if (id == W_SHE || id == W_HER)
			break;
		if (id == W_HIS || id == W_HE)
			return;
	}
	long j = p + 1;
	for (int k = 0; k < 2 && (T(sc, j)->cls & C_ADV) && T(sc, j)->id != W_BACK; k++)
		j++;
	if (t->id == W_SHACKED && is_word(T(sc, j), W_UP))
		j++;
	const struct tok *x = T(sc, j);
	if ((x->type == T_END || x->type == T_PUNCT || (x->f & F_BRK)) &&
	    (t->id == W_STAYING || t->id == W_LIVING || t->id == W_RESIDING || t->id == W_LIVE ||
	     t->id == W_LIVES)) {
		/* "her mum's house in Bilton is where she is staying." */
		for (long i = p - 1; i >= p - 4 && i >= sc->ss; i--)
			if (is_word(T(sc, i), W_WHERE)) {
				loc_cue(sc, p, "loc:staying");
				return;
			}
	}
	if ((x->type == T_NUM || (x->type == T_WORD && (x->f & F_LOWER) && !(x->cls & C_FUNC))) &&
	    T(sc, j + 1)->type == T_WORD && is_word(T(sc, j + 2), W_AWAY) &&
	    !(T(sc, j + 2)->f & F_BRK) && !(t->id == W_STAYED || t->id == W_LIVED)) {
		loc_cue(sc, p, "loc:staying"); /* "lives two streets away from him" */
		return;
	}
	if (x->type != T_WORD)
		return;
	unsigned id = x->id;
	if (id == W_LOCALLY || id == W_NEARBY || id == W_ELSEWHERE || id == W_THERE ||
	    id == W_TEMPORARILY || id == W_UPSTAIRS || id == W_DOWNSTAIRS ||
	    (id == W_NEXT && is_word(T(sc, j + 1), W_DOOR))) {
		loc_cue(sc, p, "loc:staying"); /* "lives upstairs", "is staying next door" */
		return;
	}
	if ((id == W_ABOVE || id == W_BELOW || id == W_BEHIND || id == W_BESIDE) &&
	    !(t->id == W_STAYED || t->id == W_LIVED || t->id == W_RESIDED || t->id == W_SLEPT)) {
		loc_cue(sc, p, "loc:staying"); /* "now lives above the launderette" */
		return;
	}
	if (t->id == W_HIDING) { /* "in hiding" */
		loc_cue(sc, p, "loc:staying");
		return;
	}
	if (!(id == W_WITH || id == W_AT || id == W_IN || id == W_ON || id == W_NEAR ||
	      id == W_ROUND || id == W_OVER || id == W_INTO || id == W_OPPOSITE))
		return;
	long o = skip_det(sc, j + 1);
	if ((T(sc, o)->cls & C_ABSTRACT) && id != W_WITH)
		return; /* living in fear */
	if ((T(sc, o)->cls & (C_UNIT | C_TIMEW | C_DAY)) && id == W_OVER)
		return; /* "to stay over this week": when, not where */
	if (id == W_WITH) {
		/* "lives with the perpetrator", "with her two children": who she
		 * lives with, not where; the abuser knows that address anyway */
		const struct tok *ob = T(sc, o);
		if (ob->type == T_NUM || (T(sc, o + 1)->cls & C_UNIT))
			ob = T(sc, o + 1); /* "2 children", "two children" */
		if ((ob->cls & (C_PRON | C_UNIT)) || ob->id == W_PERPETRATOR || ob->id == W_SUSPECT ||
		    ob->id == W_ABUSER || ob->id == W_HUSBAND)
			return;
		/* "Mrs X (80) lives with her son, who is her carer", "the
		 * children live with their mother": the household at the address
		 * on file, said in the present with nobody moving; not "now
		 * lives with", nor "lives with her sister in Hull" (a place) */
		unsigned pv = T(sc, p - 1)->id;
		if ((t->id == W_LIVES || t->id == W_LIVE) && pv != W_NOW && pv != W_CURRENTLY &&
		    pv != W_STILL && pv != W_TEMPORARILY) {
			int placed = 0;
			for (long i = o; i < o + 12 && !placed; i++) {
				const struct tok *v = T(sc, i);
				if (v->type == T_END || (i > o && (v->f & F_BRK)))
					break;
				placed = v->type == T_WORD &&
					 (v->id == W_IN || v->id == W_AT || v->id == W_NEAR ||
					  v->id == W_ABOVE || v->id == W_BELOW || v->id == W_BEHIND ||
					  v->id == W_BESIDE || v->id == W_OPPOSITE || v->id == W_ON ||
					  v->id == W_NOW || v->id == W_TEMPORARILY || v->id == W_CURRENTLY);
			}
			if (!placed)
				return;
		}
	}
	/* the past ("stayed at home", "lived in the area for years") tells where
	 * she is only when it names a place */
	int past = t->id == W_STAYED || t->id == W_LIVED || t->id == W_RESIDED || t->id == W_SLEPT;
	if (past && !place_object(sc, o, id == W_WITH))
		return;
	loc_cue(sc, p, "loc:staying");
}

/*
 * "Kerry moved in yesterday", "father has moved back in", "Jo moved in.":
 * someone moving into her home, at the address on file, with no place
 * after "in" and nobody of hers in the sentence before (she, her, mum, the
 * victim, we); "she moves in on the 14th" and "Mum and the children moved
 * in" are where she is. j is the token after the verb.
 */
static int someone_moved_in(const struct scan *sc, long p, long j)
{
	if (is_word(T(sc, j), W_BACK))
		j++;
	if (!is_word(T(sc, j), W_IN) || (T(sc, j)->f & F_BRK))
		return 0;
	const struct tok *x = T(sc, j + 1);
	int placeish = x->type == T_WORD && !(x->f & F_BRK) &&
		       (x->id == W_WITH || x->id == W_AT || x->id == W_TO ||
			(x->cls & (C_DET | C_PRON)) || !(x->f & F_LOWER)) &&
		       !(x->cls & (C_DAY | C_MON | C_TIMEW));
	if (placeish)
		return 0;
	for (long k = sc->ss; k < p; k++) {
		const struct tok *v = T(sc, k);
		if (v->type == T_WORD && (v->id == W_SHE || v->id == W_HER || v->id == W_MUM ||
					  v->id == W_MOTHER || v->id == W_VICTIM || v->id == W_WE))
			return 0;
	}
	return 1;
}

/*
 * s36-over: is the move at p money's ("£1,850 moved from <Name>'s account",
 * "he moves it to his own account")? An "account" in the next six words of
 * the sentence. (Not "he moves out": "she plans to return once he moves
 * out" says where she will be.)
 */
static int move_not_hers(const struct scan *sc, long p)
{
	for (long i = p + 1; i <= p + 6 && T(sc, i)->type != T_END && !(T(sc, i)->f & F_BRK); i++) {
		const struct tok *w = T(sc, i);
		if (w->type == T_WORD && w->end - w->start >= 7 &&
		    strncasecmp((const char *)sc->s + w->start, "account", 7) == 0)
			return 1;
	}
	return 0;
}

static void try_move(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (nonloc_subject(sc, p) || move_not_hers(sc, p))
		return;
	if (t->cls & C_MOVEX) {
		loc_cue(sc, p, "loc:moved");
		return;
	}
	long j = p + 1;
	/* s37-over: "he moves it out within the day" (her pension): a thing
	 * moved, not a home */
	if (is_word(T(sc, j), W_IT))
		return;
	/* "moved her to", "moved the children into" */
	for (int k = 0; k < 2; k++) {
		const struct tok *x = T(sc, j);
		if (x->type == T_WORD && (x->cls & (C_PRON | C_DET | C_UNIT | C_KIN)) &&
		    x->id != W_IN && x->id != W_ON)
			j++;
		else
			break;
	}
	const struct tok *x = T(sc, j);
	unsigned id = x->type == T_WORD ? x->id : 0;
	if (t->id == W_PLACED) {
		if (id == W_BY) {
			/* "placed by the out-of-hours team in the Travelodge" */
			long k = j + 1;
			while (k < j + 7 && T(sc, k)->type != T_END && !(T(sc, k)->f & F_BRK) &&
			       !is_word(T(sc, k), W_IN) && !is_word(T(sc, k), W_AT) &&
			       !is_word(T(sc, k), W_INTO))
				k++;
			if (k < j + 7 && !(T(sc, k)->f & F_BRK) && T(sc, k)->type == T_WORD)
				j = k, x = T(sc, j), id = x->id;
		}
		if ((id == W_IN || id == W_AT || id == W_WITH || id == W_INTO) &&
		    !(T(sc, skip_det(sc, j + 1))->cls & (C_NONLOC | C_ABSTRACT)))
			loc_cue(sc, p, "loc:moved");
		return;
	}
	if (t->id == W_FLED || t->id == W_FLEEING || t->id == W_FLEE) {
		if (id == W_TO || id == W_FROM || id == W_WITH || id == W_INTO || id == W_ABROAD ||
		    (x->cls & C_DET) || x->type == T_END || x->type == T_PUNCT)
			loc_cue(sc, p, "loc:moved");
		return;
	}
	if (id == W_ON || id == W_FORWARD || id == W_UP || id == W_AHEAD || id == W_DOWN)
		return; /* moved on, moved up a year */
	if (id == W_TO || id == W_INTO || id == W_ONTO) {
		long o = j + 1;
		for (int k = 0; k < 2 && (T(sc, o)->cls & C_DET); k++)
			o++;
		const struct tok *ob = T(sc, o);
		if (ob->cls & (C_DAY | C_MON | C_NONLOC | C_TIMEW | C_ABSTRACT | C_UNIT))
			return; /* moved to Tuesday, to another MARAC */
		if (ob->type == T_NUM && ((ob->f & F_ORD) || !(ob->f & F_HOUSE) ||
					  (T(sc, o + 1)->cls & (C_MON | C_UNIT | C_TIMEW))))
			return; /* moved to 12 March */
		loc_cue_place(sc, p, j + 1, "loc:moved");
		return;
	}
	if (t->id == W_TRANSFERRED)
		return;
	if (someone_moved_in(sc, p, j))
		return;
	if (x->type == T_END || x->type == T_PUNCT || (x->f & F_BRK) || id == W_AND ||
	    x->type == T_NUM || (x->cls & (C_DAY | C_MON)) || id == W_LAST ||
	    id == W_IN || id == W_OUT || id == W_AWAY || id == W_BACK || id == W_ABROAD ||
	    id == W_HOUSE || id == W_HOME || id == W_ELSEWHERE || id == W_THERE ||
	    id == W_AREA || id == W_ADDRESS || id == W_FROM || id == W_WITH || id == W_NEAR ||
	    id == W_OVER || id == W_ROUND || id == W_LOCALLY || id == W_NEARBY ||
	    (x->cls & (C_ACCOM | C_REFUGE | C_TIMEW)))
		loc_cue(sc, p, "loc:moved");
}

/* Is t "ED" or "A&E" (an emergency department)? */
static int emergency_dept(const struct scan *sc, const struct tok *t)
{
	const unsigned char *w = sc->s + t->start;
	size_t n = t->end - t->start;
	return t->type == T_WORD &&
	       ((n == 2 && w[0] == 'E' && w[1] == 'D') || (n == 3 && (w[0] | 0x20) == 'a' &&
							    w[1] == '&' && (w[2] | 0x20) == 'e'));
}

/*
 * After "was with" or "been with" (j: the token after "with"): a name of
 * one to three capitalised words, then "for" and a length in years or
 * months ("for 9 years", "for six months", "for years"; or a number and
 * the length with no "for": "10 years"), and no word after it: how long
 * they were together, not where she is. Reads at most seven tokens.
 */
static int with_for_years(const struct scan *sc, long j)
{
	long k = j;
	while (k < j + 3 && T(sc, k)->type == T_WORD && (T(sc, k)->f & F_CAP) &&
	       !(T(sc, k)->f & F_BRK) && !(T(sc, k)->cls & (C_DET | C_PRON | C_KIN | C_REFUGE |
							    C_ACCOM)))
		k++;
	if (k == j)
		return 0;
	if (is_word(T(sc, k), W_FOR))
		k++;
	else if (T(sc, k)->type != T_NUM)
		return 0; /* s20-over: "for" left out: "been with <Name> 10 years" */
	if (T(sc, k)->type == T_NUM || (T(sc, k)->type == T_WORD && (T(sc, k)->f & F_LOWER) &&
					 !(T(sc, k)->cls & C_UNIT)))
		k++; /* "9", "six" */
	const struct tok *u = T(sc, k);
	if (!(u->type == T_WORD && (u->id == W_YEARS || u->id == W_MONTHS || u->id == W_YRS)))
		return 0;
	const struct tok *nx = T(sc, k + 1);
	return nx->type != T_WORD || (nx->f & F_BRK);
}

/*
 * "CPA review / discharge plan 07/05/2027, <Name> Hospital", "discharge
 * planning meeting at <Name> Hospital": she is to leave a hospital she is
 * in, named on the same line after "discharge plan(ning)" at p (a
 * capitalised word before a hospital's word). Not "discharged from" (a
 * stay told after it ended), nor a plan with no hospital named.
 */
static int discharge_plan_at(const struct scan *sc, long p)
{
	if (T(sc, p)->id != W_DISCHARGE ||
	    !(is_word(T(sc, p + 1), W_PLAN) || is_word(T(sc, p + 1), W_PLANNING)))
		return 0;
	for (long i = p + 2; i < p + 16; i++) {
		const struct tok *x = T(sc, i);
		if (x->type == T_END || (x->f & F_NL))
			return 0;
		if ((x->cls & C_HOSP) && (T(sc, i - 1)->f & F_CAP) && T(sc, i - 1)->type == T_WORD)
			return 1;
		/* s35: "Discharge planning meeting 16/03, Oak Ward", "... on
		 * Ward 5": the ward she is on, named */
		if (x->id == W_WARD && (x->f & F_CAP) &&
		    ((T(sc, i - 1)->type == T_WORD && (T(sc, i - 1)->f & F_CAP) && !(T(sc, i - 1)->f & F_NL)) ||
		     (T(sc, i + 1)->type == T_NUM && !(T(sc, i + 1)->f & F_NL))))
			return 1;
	}
	return 0;
}

/*
 * s38-over: "in Gareth's name", "in his name", "in joint names", "in
 * her sole name": whose a tenancy, a car or money is, no place. j is
 * the token after "in"; at most four tokens to "name(s)", each a
 * capitalised word, a pronoun, "joint", "sole", an apostrophe or its s.
 */
static int in_whose_name(const struct scan *sc, long j)
{
	for (long k = j; k < j + 5; k++) {
		const struct tok *x = T(sc, k);
		if (x->f & (F_NL | F_BRK))
			return 0;
		if (k > j && x->type == T_WORD && (word_eq(sc, x, "name") || word_eq(sc, x, "names")))
			return 1;
		if (is_punct(x, '\'') || (x->type == T_WORD && ((x->f & F_CAP) || (x->cls & C_PRON) ||
								word_eq(sc, x, "s") || word_eq(sc, x, "joint") ||
								word_eq(sc, x, "sole"))))
			continue;
		return 0;
	}
	return 0;
}

/*
 * After "now", "currently", "still" at p: the token of "at", "in" or
 * "with" whose object is a place, a dwelling or her people, else 0. s41:
 * "safe" or "safely" may come between ("V NOW SAFE @ NBR NO.4"), and a
 * call handler's "@" with spaces round it is "at".
 */
static long now_at(const struct scan *sc, long p)
{
	long j = p + 1;
	if (is_word(T(sc, j), W_SAFE) || is_word(T(sc, j), W_SAFELY))
		j++;
	const struct tok *nx = T(sc, j);
	int at = is_word(nx, W_AT) || is_word(nx, W_IN) || is_word(nx, W_WITH);
	if (!at && is_punct(nx, '@') && nx->start > 0 && sc->s[nx->start - 1] == ' ' &&
	    nx->end < sc->n && sc->s[nx->end] == ' ')
		at = 1;
	if (!at || (nx->f & F_BRK) || (j > p + 1 && (T(sc, p + 1)->f & F_BRK)) ||
	    !place_object(sc, skip_det(sc, j + 1), nx->id == W_WITH))
		return 0;
	return j;
}

/* Before "AT <kin>" in a log in capitals, a word that puts her there: a
 * verb of being or staying, "now", "still", "seen", or her as the log
 * names her (V, VIC, IP, VICTIM). */
static int caps_at_subject(const struct scan *sc, const struct tok *w)
{
	return w->type == T_WORD &&
	       ((w->cls & (C_BE | C_LOCV | C_ADV)) || w->id == W_VICTIM || w->id == W_IP ||
		word_eq(sc, w, "seen") || word_eq(sc, w, "v") || word_eq(sc, w, "vic"));
}

static void try_be(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	long j = p + 1;
	for (int k = 0; k < 2 && (T(sc, j)->cls & C_ADV); k++)
		j++;
	const struct tok *x = T(sc, j);
	/* s35: "he knows she is \"above the phone shop\"": where she is, in
	 * quotes, opening on a place's preposition and "the" (not "is 'in a
	 * state'", "is 'at her wits' end'") */
	if (x->type == T_PUNCT && (x->ch == '"' || x->ch == '\'') && !(x->f & F_BRK) &&
	    t->id != W_BEEN && t->id != W_WAS && !nonloc_subject(sc, p) && !his_subject(sc, p)) {
		const struct tok *y = T(sc, j + 1);
		unsigned q = y->id;
		if (y->type == T_WORD && (y->f & F_LOWER) &&
		    (q == W_ABOVE || q == W_BEHIND || q == W_OPPOSITE || q == W_NEAR || q == W_BESIDE) &&
		    is_word(T(sc, j + 2), W_THE) && !(T(sc, j + 2)->f & F_BRK)) {
			loc_cue(sc, p, "loc:is-at");
			return;
		}
	}
	if (x->type != T_WORD)
		return;
	unsigned id = x->id;
	/* "she is on Ward 3 at <Hospital>", "remains on the ward", "is on
	 * Cedar Ward": a ward
	 * she is in says where she is, as "is at" does; not "he has been on
	 * the ward twice" (his visits), nor "last year she was on the ward" */
	long wd = skip_det(sc, j + 1);
	/* (s55-never: a ward by its name, "she is on Cedar Ward", "Cedar
	 * ward", "Lime Tree Ward"; hers only: "the IDVA is on Cedar Ward
	 * every Tuesday" is the IDVA's) */
	for (long k = wd; k < wd + 2 && is_word(T(sc, p - 1), W_SHE); k++) {
		if (T(sc, k)->type != T_WORD || !(T(sc, k)->f & F_CAP) || (T(sc, k + 1)->f & F_NL))
			break;
		if (is_word(T(sc, k + 1), W_WARD)) {
			wd = k + 1;
			break;
		}
	}
	if (id == W_ON && t->id != W_BEEN && t->id != W_WAS && is_word(T(sc, wd), W_WARD) &&
	    !(T(sc, j + 1)->f & F_BRK) && !nonloc_subject(sc, p) && !his_subject(sc, p)) {
		loc_cue(sc, p, "loc:is-at");
		return;
	}
	int going = !(t->cls & C_FUNC) && t->id != W_BEING && t->id != W_HES && t->id != W_SHES &&
		    t->id != W_THEYRE && t->id != W_REMAINS && t->id != W_REMAIN && t->id != W_REMAINED;
	if (!(id == W_AT || id == W_WITH || id == W_IN || id == W_ROUND || id == W_OVER ||
	      ((id == W_TO || id == W_INTO) && going)))
		return;
	if (nonloc_subject(sc, p))
		return;
	if (id == W_IN && in_whose_name(sc, j + 1))
		return; /* "the car is in Gareth's name": whose, no place */
	if (id == W_WITH && (t->id == W_WAS || t->id == W_BEEN) && with_for_years(sc, j + 1))
		return; /* "was with <Name> for 9 years", "has been with <Name> 10
		         * years" (s20-over): a relationship, no place */
	long o = skip_det(sc, j + 1);
	if (id == W_AT && (is_word(T(sc, o), W_WORK) || is_word(T(sc, o), W_SCHOOL)) && o == j + 1)
		sc->atwork = 1; /* "she is at work until 5": a routine when timed */
	if (!place_object(sc, o, id == W_WITH))
		return;
	/* "goes to Franklin College", "goes to Ysgol y Wern": a school, found
	 * by the place rules */
	{
		unsigned s0 = T(sc, o)->id;
		if (s0 == W_YSGOL || s0 == W_GAELSCOIL || s0 == W_BUNSGOIL || s0 == W_SCOIL)
			return;
	}
	for (long i = o; i < o + 4 && place_town_word(T(sc, i)); i++) {
		const struct tok *h = T(sc, i + 1);
		if ((h->cls & (C_INST | C_INSTC)) && !(h->cls & (C_HOSP | C_VENUE)))
			return; /* not "is at the Premier Inn", "remains at Kelvin Hall" */
		if ((t->id == W_WENT || t->id == W_TAKEN) && (id == W_TO || id == W_INTO) &&
		    (h->cls & C_HOSP || emergency_dept(sc, h)))
			return; /* "went to <Name> ED", "TAKEN TO <NAME> INFIRMARY": an
				 * incident's trip to hospital (s15-over); "is at", "remains
				 * in" a hospital still say where she is */
	}
	int stays = t->id == W_REMAINS || t->id == W_REMAIN || t->id == W_REMAINED ||
		    (t->id == W_BE && is_word(T(sc, p - 1), W_WILL));
	if (stays && his_subject(sc, p)) {
		/* "the husband remains at the property", "he will be at <Name>
		 * Lodge from Monday": where he stays, unless the sentence has
		 * her or hers (flush_sentence); not "HE IS IN A VAN" in
		 * a live incident, where he is is where she is */
		int other = sc->other_cue;
		loc_cue(sc, p, "loc:is-at");
		sc->other_cue = other;
		sc->his_cue = 1;
		return;
	}
	loc_cue(sc, p, "loc:is-at");
}

/*
 * The classes and words at which loc_cues() or safe_cues() can do anything:
 * every test of theirs starts with the token's own class or id, so a word in
 * neither set ("the", "she", "reported") returns at once. Keep in step with
 * the tests below.
 */
#define LOC_CLS (C_REFUGE | C_LOCV | C_MOVE | C_BE | C_NEWMOD | C_GOT | C_ROUTEV | C_TRANS | \
                 C_TIMEW | C_DAY | C_ACCOM)
static const uint8_t LOC_ID[W_COUNT] = {
	[W_ADMITTED] = 1, [W_DISCHARGE] = 1, [W_COMES] = 1, [W_RUNS] = 1, [W_COME] = 1, [W_INPATIENT] = 1, [W_INPATIENT2] = 1, [W_FOUND] = 1,
	[W_ACCOMMODATION] = 1, [W_LODGINGS] = 1, [W_ADDRESS] = 1, [W_TENANCY] = 1,
	[W_PLACEMENT] = 1, [W_SOFA] = 1, [W_BED] = 1, [W_B] = 1, [W_FIND] = 1, [W_FINDS] = 1,
	[W_TRACK] = 1, [W_TRACKED] = 1, [W_TRACE] = 1, [W_LOCATE] = 1, [W_LOCATED] = 1,
	[W_REACHED] = 1, [W_CONTACTABLE] = 1, [W_AT] = 1, [W_ROUND] = 1, [W_TO] = 1,
	[W_ROOM] = 1, [W_RM] = 1, [W_SPACE] = 1, [W_PLACE] = 1, [W_OUT] = 1, [W_SCHOOL] = 1, [W_PUT] = 1,
	[W_NOW] = 1, [W_CURRENTLY] = 1, [W_TEMPORARILY] = 1, [W_PRESENTLY] = 1, [W_STILL] = 1,
	[W_TAKES] = 1, [W_VIA] = 1, [W_ROUTE] = 1, [W_COMMUTE] = 1, [W_EVERY] = 1, [W_EACH] = 1,
	[W_BOOKED] = 1, [W_FLIGHT] = 1, [W_SAILED] = 1, [W_FLEW] = 1, [W_SHELTER] = 1, [W_BETWEEN] = 1, [W_HAS] = 1, [W_TAKE] = 1,
	[W_TAKING] = 1, [W_TOOK] = 1, [W_DRIVE] = 1, [W_DROVE] = 1,
	[W_VACANCY] = 1, [W_UNIT] = 1, [W_NEXT] = 1, [W_RECEIVING] = 1, [W_MARAC] = 1,
	[W_APPOINTMENT] = 1, [W_APPT] = 1, [W_SCAN] = 1, [W_DETAINED] = 1, [W_CLINIC] = 1,
	[W_KEYS] = 1, [W_CALLING] = 1, [W_RINGING] = 1, [W_PHONING] = 1, [W_RANG] = 1,
	[W_PHONED] = 1, [W_RINGS] = 1,
};
#define SAFE_CLS (C_CALL | C_CALLED | C_CHECK)
static const uint8_t SAFE_ID[W_COUNT] = {
	[W_SECOND] = 1, [W_LETTERS] = 1, [W_POST] = 1, [W_MAIL] = 1, [W_UNSAFE] = 1,
	[W_BEST] = 1, [W_BETTER] = 1, [W_SAFE] = 1, [W_ONLY] = 1, [W_LEAVE] = 1,
	[W_VOICEMAIL] = 1, [W_VOICEMAILS] = 1, [W_ANSWERPHONE] = 1, [W_WHEN] = 1,
	[W_WHILE] = 1, [W_WHILST] = 1, [W_ONCE] = 1, [W_AFTER] = 1, [W_BEFORE] = 1,
	[W_UNTIL] = 1, [W_MOBILE] = 1, [W_NUMBER] = 1, [W_LANDLINE] = 1, [W_SEND] = 1,
	[W_USE] = 1, [W_FREELY] = 1, [W_SAFEST] = 1, [W_SAFER] = 1, [W_SPOKEN] = 1,
	[W_HE] = 1, [W_HES] = 1, [W_PASSWORD] = 1, [W_AS] = 1, [W_PRIVATE] = 1,
};

/*
 * A distance at j: "a 10 min drive", "a short walk from", "only a
 * five-minute bus ride", "10 mins from": a time or "short" before a way of
 * going, or a time before "from" or "away".
 */
static int far_from(const struct scan *sc, long j)
{
	if (is_word(T(sc, j), W_ONLY) || is_word(T(sc, j), W_JUST) || is_word(T(sc, j), W_ABOUT))
		j++;
	if (is_word(T(sc, j), W_A) || is_word(T(sc, j), W_AN))
		j++;
	int span = 0; /* a time or "short" seen */
	for (long k = j; k < j + 5; k++) {
		const struct tok *w = T(sc, k);
		if ((w->f & F_BRK) || w->type == T_END)
			return 0;
		unsigned v = w->id;
		if (v == W_MIN || v == W_MINS || v == W_MINUTE || v == W_MINUTES || v == W_SHORT) {
			span = 1;
			continue;
		}
		if (span && (v == W_WALK || v == W_DRIVE || v == W_RIDE || (w->cls & C_TRANS) ||
			     v == W_FROM || v == W_AWAY))
			return 1;
		if (w->type != T_NUM && !is_punct(w, '-') && w->type != T_WORD)
			return 0;
	}
	return 0;
}

/*
 * Is "to" at p the end of a journey she is making: "can you get to",
 * "she'll get to", "tickets to", "the train to", "the 10:15 to"? A refuge
 * worker arranging the journey names the town the refuge is in.
 */
static int travel_to(const struct scan *sc, long p)
{
	const struct tok *pr = T(sc, p - 1);
	if (pr->type == T_WORD && (pr->id == W_TICKET || pr->id == W_TICKETS ||
				   ((pr->cls & C_TRANS) && (pr->f & F_LOWER))))
		return 1;
	if (pr->type == T_NUM && pr->ndig == 2 && (is_punct(T(sc, p - 2), ':') || is_punct(T(sc, p - 2), '.')) &&
	    T(sc, p - 3)->type == T_NUM && T(sc, p - 3)->ndig <= 2 && is_word(T(sc, p - 4), W_THE))
		return 1; /* "the 10:15 to", a train; not a log's "10:30 to Social Work" */
	/* s41-never: a chronology's move with no verb, opening its clause:
	 * "Aga + children to Arbury, Cambridge", "V and kids to <Town>", "Mum
	 * to <Town> with the children" (a person and the children, or her as
	 * the notes name her) */
	{
		long q = p - 1;
		int kids = 0;
		if (pr->type == T_WORD && (pr->id == W_CHILDREN || pr->id == W_KIDS || pr->id == W_CHILD)) {
			q--;
			if (is_word(T(sc, q), W_THE))
				q--;
			if (!(is_punct(T(sc, q), '+') || is_punct(T(sc, q), '&') || is_word(T(sc, q), W_AND)))
				return 0;
			q--, kids = 1;
		}
		const struct tok *sb = T(sc, q), *bf = T(sc, q - 1);
		int opens = (sb->f & F_BRK) || is_punct(bf, '|') || bf->type == T_END ||
			    (bf->f & F_NL && bf->type == T_PUNCT);
		int her = sb->type == T_WORD && (sb->id == W_VICTIM || word_eq(sc, sb, "v") ||
						 word_eq(sc, sb, "mum") || word_eq(sc, sb, "she"));
		int named = sb->type == T_WORD && (sb->f & F_CAP) && !(sb->f & F_UPPER) &&
			    !(sb->cls & (C_FUNC | C_NOTPL | C_DET | C_INST | C_INSTC | C_INSTM | C_DAY |
					 C_MON | C_UNIT));
		/* (not "V to City Hospital ED": an incident's trip to hospital) */
		for (long i = p + 1; i <= p + 4 && opens; i++)
			if ((T(sc, i)->cls & C_HOSP) || emergency_dept(sc, T(sc, i)))
				opens = 0;
		if (opens && (her || (kids && named)))
			return 1;
	}
	if (pr->id == W_GET)
		for (long i = p - 2; i >= p - 3 && i >= sc->ss; i--) {
			unsigned v = T(sc, i)->id;
			if (v == W_YOU || v == W_SHE || v == W_THEY)
				return 1;
			if (v == W_HE)
				return 0;
		}
	return 0;
}

/*
 * Is "Refuge" at p, in title case, the national charity's name: in brackets
 * or a list of services ("(Refuge)", "(Refuge / Solace)", "Solace / Refuge")
 * or a heading's agency before a spaced dash ("Refuge - <Area> IDVA
 * Service"), or before one of its national services ("Refuge national
 * helpline", "Refuge 24h helpline", "referral to Refuge national
 * service": s15-over)? Not "a refuge", "REFUGE", "Refuge space confirmed".
 */
static int refuge_charity(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *pr = T(sc, p - 1), *nx = T(sc, p + 1);
	if (t->id != W_REFUGE || !(t->f & F_CAP) || (t->f & F_UPPER))
		return 0;
	if (is_punct(pr, '(') || is_punct(pr, '/') || is_punct(nx, ')') || is_punct(nx, '/'))
		return 1;
	const struct tok *n2 = T(sc, p + 2);
	if (is_punct(nx, '-') && (nx->f & F_SP) && (n2->f & F_SP))
		return 1;
	if (nx->f & F_BRK)
		return 0;
	if (nx->type == T_WORD && (nx->id == W_NATIONAL || nx->id == W_HELPLINE))
		return 1;
	/* "with <County> Refuge Trust solicitor", "Refuge tech safety
	 * guide": an organisation's name or its service (a stay in one of
	 * its refuges says "refuge" again, lower case) */
	static const char *const ORG[] = {"trust", "charity", "ltd", "tech", NULL};
	if (nx->type == T_WORD && tok_in(sc, nx, ORG))
		return 1;
	return (nx->type == T_NUM || (nx->f & F_DIGIT)) && n2->type == T_WORD &&
	       n2->id == W_HELPLINE && !(n2->f & F_BRK);
}

/*
 * s23-over: is "refuge" at p the kind of a referral ("Refuge referral -
 * outcome", "REFUGE REFERRAL FORM", "refuge referral made", "Refuge
 * Referrals Coordinator")? A referral is the agencies' process, asked for
 * or made: where she goes is what follows, and a refuge named or reached
 * there ("Space accepted at <Name>", "to <Name> refuge in <Town>", "in
 * refuge out of area") has its own cue. Not "refuges": "declined by 3
 * refuges" is none either way. Not "refuge referral to" a place in the
 * same sentence, which the "to" then names.
 */
static int refuge_referral(const struct scan *sc, long p)
{
	static const char *const REFERRAL[] = {"referral", "referrals", NULL};
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1);
	if (t->id != W_REFUGE || nx->type != T_WORD || (nx->f & F_BRK) || !tok_in(sc, nx, REFERRAL))
		return 0;
	/* "refuge referral to <Name> refuge in <Town>", "... to Leeds": the
	 * place comes right after */
	const struct tok *n2 = T(sc, p + 2);
	if (is_word(n2, W_TO) && !(n2->f & F_BRK)) {
		const struct tok *o = T(sc, skip_det(sc, p + 3));
		if (o->type == T_WORD && (o->f & F_CAP) && !(o->f & F_BRK))
			return 0;
	}
	return 1;
}

/*
 * "tenancy in his name", "in <Name>'s sole name", "in both names": who
 * holds the tenancy, not where it is. Is "name" or "names" within the three
 * words at j, on the same sentence?
 */
static int tenancy_holder(const struct scan *sc, long j)
{
	for (long k = j; k < j + 3; k++) {
		const struct tok *w = T(sc, k);
		if (w->type != T_WORD || (k > j && (w->f & F_BRK)))
			return 0;
		size_t n = w->end - w->start;
		const unsigned char *t = sc->s + w->start;
		if ((n == 4 || n == 5) && (t[0] | 0x20) == 'n' && (t[1] | 0x20) == 'a' &&
		    (t[2] | 0x20) == 'm' && (t[3] | 0x20) == 'e' && (n == 4 || (t[4] | 0x20) == 's'))
			return 1;
	}
	return 0;
}

/*
 * s21-never: her next appointment at a named place with its date: "Next
 * ANC: <Name> children's centre 12/03", "Next ANC at <Name> Children's
 * Centre 18/03", "HV to review in clinic at <Name> 17/03 11:00": where she
 * will be, and when. An appointment word after "next" (at most two tokens
 * on) or with "to" or "next" at most four tokens before it, then ':' or
 * "at", a capitalised name (not an acronym, a service, a day or a month)
 * and a date (12/03, 12 March) at most eight tokens on in the sentence.
 * Not "Next review: Tues 12/03" (no place), not "seen in clinic at <Name>"
 * (no plan), not "next appointment at 10:30".
 */
static const char *const PL_APPT[] = {"anc", "appointment", "appt", "clinic", "review",
				      "scan", "antenatal", "session", "core", "conference",
				      "disclosure", "contact", NULL};

static int date_at(const struct scan *sc, long i)
{
	const struct tok *t = T(sc, i), *a = T(sc, i + 1), *b = T(sc, i + 2);
	if (t->type != T_NUM || t->ndig > 2 || t->end - t->start != t->ndig)
		return 0;
	if (is_punct(a, '/') && a->start == t->end && b->type == T_NUM && b->start == a->end)
		return 1;
	return a->type == T_WORD && (a->cls & C_MON) && !(a->f & F_BRK);
}

/* A date at i, or a weekday and its day's number ("Thursday 29th") */
static int day_date_at(const struct scan *sc, long i)
{
	const struct tok *t = T(sc, i), *a = T(sc, i + 1);
	if (t->type == T_WORD && (t->cls & C_DAY) && a->type == T_NUM && a->ndig <= 2 &&
	    !(a->f & F_BRK))
		return 1;
	return date_at(sc, i);
}

/* A date (day_date_at) at a token in [from, to), before the text's end or
 * a sentence's break. */
static int date_within(const struct scan *sc, long from, long to)
{
	for (long i = from; i < to; i++) {
		const struct tok *v = T(sc, i);
		if (v->type == T_END || (v->f & F_BRK))
			return 0;
		if (day_date_at(sc, i))
			return 1;
	}
	return 0;
}

static int place_then_date(const struct scan *sc, long o)
{
	o = skip_det(sc, o);
	const struct tok *w = T(sc, o);
	if (w->type != T_WORD || !(w->f & F_CAP) || (w->f & (F_UPPER | F_BRK)) ||
	    (w->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE | C_PRON | C_DET)))
		return 0;
	return date_within(sc, o + 1, o + 9);
}

/*
 * s30-never: a date, then where ("16/02 10am at <Name> Family Hub", "Tue
 * 12/01 09:20, Ultrasound dept, <Name> Hospital"): a date within the first
 * three tokens at o, then "at" or a comma and a capitalised name that is
 * no agency, day, month or title, in the same sentence.
 */
static int date_then_place(const struct scan *sc, long o)
{
	int date = 0;
	for (long i = o; i < o + 3 && !date; i++)
		date = !(T(sc, i)->f & F_BRK) &&
		       (date_at(sc, i) || /* s35: "Fri 10:20", a weekday and its hour */
			((T(sc, i)->cls & C_DAY) && T(sc, i + 1)->type == T_NUM && !(T(sc, i + 1)->f & F_BRK)));
	if (!date)
		return 0;
	for (long i = o + 1; i < o + 12; i++) {
		const struct tok *v = T(sc, i), *w = T(sc, i + 1);
		if (v->type == T_END || (w->f & F_BRK))
			return 0;
		if ((is_word(v, W_AT) || is_punct(v, ',')) && w->type == T_WORD && (w->f & F_CAP) &&
		    !(w->f & F_UPPER) && !(w->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE | C_PRON | C_DET)))
			return 1;
	}
	return 0;
}

/* A capitalised place word at o that is no agency, day, month, title,
 * pronoun or function word, of three letters or more. */
static int journey_place(const struct scan *sc, long o)
{
	const struct tok *w = T(sc, o);
	return w->type == T_WORD && (w->f & F_CAP) && !(w->f & (F_UPPER | F_BRK)) &&
	       w->end - w->start >= 3 &&
	       !(w->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE | C_PRON | C_DET | C_FUNC));
}

/* A route at o: "Holyhead-Dublin" (one word, two capitals joined by a
 * hyphen) or "Islamabad to Manchester"; the token after it, or 0. */
static long journey_route(const struct scan *sc, long o)
{
	if (!journey_place(sc, o))
		return 0;
	const struct tok *w = T(sc, o);
	for (size_t k = w->start + 1; k + 1 < w->end; k++)
		if (sc->s[k] == '-' && sc->s[k + 1] >= 'A' && sc->s[k + 1] <= 'Z')
			return o + 1;
	if ((is_word(T(sc, o + 1), W_TO) || is_punct(T(sc, o + 1), '-')) && journey_place(sc, o + 2))
		return o + 3;
	return 0;
}

/* s43-never: in a log in capitals, a route written as one word, two
 * places of three letters or more joined by a hyphen ("HOLYHEAD-DUBLIN"),
 * in the tokens [from, to) of one sentence. */
static int caps_route(const struct scan *sc, long from, long to)
{
	for (long k = from; k < to; k++) {
		const struct tok *w = T(sc, k);
		if (w->type == T_END || (w->f & F_BRK))
			return 0;
		if (w->type != T_WORD || !(w->f & F_UPPER))
			continue;
		/* two parts of capitals only, three letters or more each, no
		 * common word ("FACE-TO-FACE", "NON-MOLESTATION" are none) */
		size_t h = w->start;
		while (h < w->end && sc->s[h] >= 'A' && sc->s[h] <= 'Z')
			h++;
		size_t e = h + 1;
		while (e < w->end && sc->s[e] >= 'A' && sc->s[e] <= 'Z')
			e++;
		if (h < w->end && sc->s[h] == '-' && e == w->end && h - w->start >= 3 && e - h - 1 >= 3 &&
		    !(lex_classify((const char *)sc->s + w->start, h - w->start) & (LEX_COMMON | LEX_FUNCTION)) &&
		    !(lex_classify((const char *)sc->s + h + 1, e - h - 1) & (LEX_COMMON | LEX_FUNCTION)))
			return 1;
	}
	return 0;
}

/* A capitalised or capitals word at o that is no agency, day or month. */
static int leg_place(const struct scan *sc, long o)
{
	const struct tok *w = T(sc, o);
	return w->type == T_WORD && (w->f & (F_CAP | F_UPPER)) && w->end - w->start >= 3 &&
	       !(w->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE | C_PRON | C_DET | C_FUNC));
}

/* "to" at p between a place and its hour ("New Street 10:31") and a place
 * and its hour ("Leeds 12:29"), on one line. */
static int timetable_leg(const struct scan *sc, long p)
{
	long c = p - 3; /* "10" ":" "31" before "to" */
	if (c <= sc->ss || T(sc, c)->type != T_NUM || !is_clock(sc, c) || !leg_place(sc, c - 1) ||
	    (T(sc, p)->f & F_BRK))
		return 0;
	if (!leg_place(sc, p + 1))
		return 0;
	for (long i = p + 2; i <= p + 5; i++) {
		const struct tok *v = T(sc, i);
		if (v->type == T_END || (v->f & F_BRK))
			return 0;
		if (v->type == T_NUM && is_clock(sc, i))
			return 1;
	}
	return 0;
}

/* After a booking's date, the first capitalised word in the next six
 * tokens starts a route ("booked 20/02/2027 Islamabad to Manchester"). */
static int booked_route(const struct scan *sc, long o)
{
	for (long k = o; k < o + 6; k++) {
		const struct tok *w = T(sc, k);
		if (w->type == T_END || (w->f & F_BRK))
			return 0;
		if (w->type == T_WORD && (w->f & F_CAP) && !(w->cls & (C_MON | C_DAY)))
			return journey_route(sc, k) != 0;
	}
	return 0;
}

/*
 * s42-never: a journey booked, the conveyance then where and when, in one
 * clause: "Ferry Holyhead-Dublin 28/07, with mam", "ferry from Holyhead 28
 * July", "coach to Glasgow Fri 12th": a capitalised place (after "from" or
 * "to", or none) in the next three tokens, a date in the next ten. The
 * sentence is withheld unless it is about him alone (flush_sentence).
 */
static int journey_booked(const struct scan *sc, long p)
{
	long o = p + 1;
	if (word_eq(sc, T(sc, p - 1), "work"))
		return 0; /* "Work Coach D. Holroyd": a DWP role */
	if (is_word(T(sc, o), W_FROM) || is_word(T(sc, o), W_TO))
		o++;
	return journey_place(sc, o) && date_within(sc, o + 1, p + 11);
}

/* The first token from `from` towards `to` (either way, `to` not
 * included) that `match` accepts, or -1: the walk stops at the text's
 * end, and past `brk_after` (when not -1) at a sentence's break. */
static long tok_find(const struct scan *sc, long from, long to, long brk_after,
                     int (*match)(const struct scan *, long))
{
	long step = from <= to ? 1 : -1;
	for (long i = from; i != to; i += step) {
		const struct tok *x = T(sc, i);
		if (x->type == T_END || (brk_after >= 0 && i > brk_after && (x->f & F_BRK)))
			break;
		if (match(sc, i))
			return i;
	}
	return -1;
}

static int is_his_office(const struct scan *sc, long i)
{
	static const char *const HIS[] = {"probation", "court", "custody", "police", NULL};
	return tok_in(sc, T(sc, i), HIS);
}

/* s30-over: his reporting, not her appointment ("Next appt 11/11 10:00,
 * <Name> probation office"): probation, a court, custody or the police
 * named in the sentence after x. */
static int his_reporting(const struct scan *sc, long x)
{
	return tok_find(sc, x, x + 14, x, is_his_office) >= 0;
}

static int next_appointment(const struct scan *sc, long p)
{
	if (is_word(T(sc, p), W_NEXT)) {
		/* "Next 08/11 at <Name> Park day assessment, 10:00": the date
		 * right after "next", then where */
		if (date_at(sc, p + 1) && !(T(sc, p + 1)->f & F_BRK))
			return date_then_place(sc, p + 1) && !his_reporting(sc, p + 1);
		for (long n = p + 1; n <= p + 2; n++) {
			if (T(sc, n)->f & F_BRK || !tok_in(sc, T(sc, n), PL_APPT))
				continue;
			/* "next core group meeting at", "next review conference:" */
			long x = n + 1;
			while (x < n + 3 && T(sc, x)->type == T_WORD && (T(sc, x)->f & F_LOWER) &&
			       !(T(sc, x)->f & F_BRK) && !is_word(T(sc, x), W_AT))
				x++;
			const struct tok *xt = T(sc, x);
			if (xt->f & F_BRK)
				continue;
			if (is_punct(xt, ':') || is_word(xt, W_AT))
				return place_then_date(sc, x + 1) ||
				       (date_then_place(sc, x + 1) && !his_reporting(sc, x));
			/* "Next appt <Name> office, <District>, 27/01 10:00", "Next
			 * core group 16/02 10am at <Name> Family Hub" */
			return !his_reporting(sc, x) &&
			       (place_then_date(sc, x) || date_then_place(sc, x));
		}
		return 0;
	}
	/* at p: "<appointment word> at", a plan or "next" before it */
	if (p - 1 < sc->ss || !tok_in(sc, T(sc, p - 1), PL_APPT))
		return 0;
	for (long i = p - 2; i >= sc->ss && i >= p - 5; i--)
		if (is_word(T(sc, i), W_TO) || is_word(T(sc, i), W_NEXT))
			return place_then_date(sc, p + 1);
	return 0;
}

/*
 * s30-never: the MARAC or area a case goes to when she has moved names
 * where she now lives: "Receiving MARAC: <Area>", "receiving area",
 * "To: <Area> MARAC" on a transfer form, "refer to MARAC <Area>
 * (transfer)". A MARAC with no area ("refer to MARAC") names no place,
 * nor one with no transfer in its sentence ("Referred to <Area> MARAC":
 * the case's own).
 */
static int is_transfer(const struct scan *sc, long i)
{
	return T(sc, i)->id == W_TRANSFER || T(sc, i)->id == W_TRANSFERRED;
}

static int is_transfer_out(const struct scan *sc, long i)
{
	/* ("transfer in": to the writer's own MARAC) */
	return (is_transfer(sc, i) || T(sc, i)->id == W_RECEIVING) && !is_word(T(sc, i + 1), W_IN);
}

static int transfer_near(const struct scan *sc, long p)
{
	return tok_find(sc, sc->ss, p + 12, p, is_transfer_out) >= 0;
}

static int receiving_marac(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (t->id == W_RECEIVING) {
		/* (then which: "Receiving MARAC: <Area>", "receiving area
		 * (<Area>)"; not "handover to receiving area") */
		const struct tok *nx = T(sc, p + 1), *w = T(sc, p + 2);
		if (is_punct(nx, ':') && w->type == T_WORD && (w->f & (F_CAP | F_UPPER)) &&
		    !(w->f & F_BRK))
			for (long i = p + 3; i < p + 6 && !(T(sc, i)->f & F_BRK); i++)
				if (T(sc, i)->id == W_MARAC)
					return 1; /* "Receiving: <Area> MARAC" */
		/* a move's form: "Receiving borough: <Name>", "Receiving
		 * authority: <Name> Council" */
		if ((is_word(nx, W_BOROUGH) || is_word(nx, W_AUTHORITY) || is_word(nx, W_COUNCIL) ||
		     is_word(nx, W_AREA)) &&
		    is_punct(w, ':') && !(nx->f & F_BRK) && T(sc, p + 3)->type == T_WORD &&
		    (T(sc, p + 3)->f & (F_CAP | F_UPPER)) && !(T(sc, p + 3)->f & F_NL))
			return 1;
		return !(nx->f & F_BRK) && (nx->id == W_MARAC || is_word(nx, W_AREA)) &&
		       !(w->f & F_BRK) &&
		       (is_punct(w, ':') || is_punct(w, '(') || is_punct(w, '-') ||
		        (w->type == T_WORD && (w->f & (F_CAP | F_UPPER)) && place_town_word(w)));
	}
	/* (only where a transfer is spoken of: "Referred to <Area> MARAC"
	 * is the case's own MARAC) */
	if (t->id != W_MARAC)
		return 0;
	if (!transfer_near(sc, p)) {
		/* a form's "From: <Area> MARAC | To: <Area> MARAC" */
		long k = p - 1;
		while (k > p - 5 && T(sc, k)->type == T_WORD)
			k--;
		if (!(is_punct(T(sc, k), ':') && is_word(T(sc, k - 1), W_TO)))
			return 0;
		int from = 0;
		for (long i = k - 2; i > k - 20 && !from; i--)
			from = is_word(T(sc, i), W_FROM) && is_punct(T(sc, i + 1), ':');
		/* (a transfer form's, not an e-mail's "From: ... To: <Area>
		 * MARAC coordinator": a transfer named above it) */
		if (!from || tok_find(sc, k - 2, k - BACK + 2, -1, is_transfer) < 0)
			return 0;
	}
	/* "to MARAC <Area>" */
	const struct tok *nx = T(sc, p + 1);
	if (p - 1 >= sc->ss && is_word(T(sc, p - 1), W_TO) && nx->type == T_WORD &&
	    (nx->f & (F_CAP | F_UPPER)) && !(nx->f & (F_BRK | F_NL)) && place_town_word(nx))
		return 1;
	/* "to <Area> MARAC", "To: <Area> <Area> MARAC" */
	long i = p - 1;
	int words = 0;
	while (i >= sc->ss && words < 3 && T(sc, i)->type == T_WORD &&
	       (T(sc, i)->f & (F_CAP | F_UPPER)) && !(T(sc, i + 1)->f & F_BRK) &&
	       !is_word(T(sc, i), W_TO))
		i--, words++;
	if (words == 0 || i < sc->ss)
		return 0;
	if (is_punct(T(sc, i), ':') && i - 1 >= sc->ss)
		i--;
	return is_word(T(sc, i), W_TO) && !(T(sc, i + 1)->f & F_NL);
}

/*
 * s31-never: "IP detained s2 MHA 1983, Ward 2, <Hospital>", "V detained
 * under section 3": she, detained under the Mental Health Act, is on a
 * ward, as "admitted" says. Only after a word for her (IP, V, victim, she,
 * client, patient) and with "MHA", "section" or a section of it (s2, s3,
 * s4, s5, s135, s136) within the next five tokens: he is detained as
 * often ("Marcus was detained under s2", "MALE DETAINED ASSAULT S39").
 */
static int tok_is_mha(const struct scan *sc, long i)
{
	static const char *const MHA[] = {"mha", "section", "s2", "s3", "s4", "s5", "s135", "s136",
					  NULL};
	return tok_in(sc, T(sc, i), MHA);
}

static int detained_mha(const struct scan *sc, long p)
{
	static const char *const HER[] = {"ip", "v", "victim", "she", "client", "pt", "patient",
					  NULL};
	long b = is_word(T(sc, p - 1), W_WAS) || is_word(T(sc, p - 1), W_IS) ? p - 2 : p - 1;
	if (!tok_in(sc, T(sc, b), HER))
		return 0;
	return tok_find(sc, p + 1, p + 6, p, tok_is_mha) >= 0;
}

/*
 * s35: "Thu 26/11 1400 at <Name> Library, meeting room 2", "<Town> library
 * meeting room, 10:00 on 23/03": a worker meeting her in a public
 * library's room, where she will be and when. p is "room" after a
 * lower-case "meeting"; a library's word within five words before it or
 * four after, on its line.
 */
static int library_meeting_room(const struct scan *sc, long p)
{
	if (!(T(sc, p)->f & F_LOWER) || !is_word(T(sc, p - 1), W_MEETING) || !(T(sc, p - 1)->f & F_LOWER))
		return 0;
	for (long i = p - 2; i >= p - 7 && i >= sc->ss; i--) {
		if (T(sc, i + 1)->f & F_NL)
			break;
		if (T(sc, i)->id == W_LIBRARY)
			return 1;
	}
	for (long i = p + 1; i <= p + 4; i++) {
		const struct tok *x = T(sc, i);
		if (x->type == T_END || (x->f & F_NL))
			break;
		if (x->id == W_LIBRARY)
			return 1;
	}
	return 0;
}

/*
 * s42-never: a room's number of three digits after "room" or "rm" ("TL
 * Stkpt M60 jn 1, rm 214", "placed at the Premier Inn, room 117"): a hotel's
 * or a hostel's room, where she sleeps; not a room a meeting or a hearing
 * is held in ("interview room 101", "court room 204", "meeting room 112").
 */
static int room_number(const struct scan *sc, long p)
{
	static const char *const USE[] = {"interview", "court", "courtroom", "meeting",
					  "consulting", "consultation", "clinic", "waiting",
					  "family", "group", "visiting", "visits", "contact",
					  "training", "conference", "committee", "treatment",
					  "therapy", "exam", "examination", "custody", "board",
					  "class", "tutorial", "video", "police", NULL};
	const struct tok *nx = T(sc, p + 1), *pr = T(sc, p - 1);
	if (nx->type != T_NUM || nx->ndig != 3 || nx->end - nx->start != 3 || (nx->f & F_BRK))
		return 0;
	return !(pr->type == T_WORD && tok_in(sc, pr, USE));
}

/* An appointment's date and "here" in the ten tokens after p, before a
 * sentence's break. */
static int appointment_here(const struct scan *sc, long p)
{
	int date = 0, here = 0;
	for (long i = p + 1; i <= p + 10; i++) {
		const struct tok *v = T(sc, i);
		if (v->type == T_END || (v->f & F_BRK))
			break;
		date |= date_at(sc, i);
		here |= word_eq(sc, v, "here");
	}
	return date && here;
}

/* Before "keys" at p, within three words: she has or gets them ("has the
 * keys", "was given the new keys", "collects keys"); not "give the new
 * keys to Aoife": keys handed on. */
static int keys_had(const struct scan *sc, long p)
{
	static const char *const HAVE[] = {"has", "have", "had", "got", "gets", "get", "getting",
					   "given", "collect", "collects", "collected", "collecting",
					   "picks", "picked", "receive", "receives", "received", NULL};
	static const char *const SHE[] = {"she", "v", "ip", "victim", "client", "mum", NULL};
	static const char *const PASSIVE[] = {"was", "been", "is", "be", "being", "were", NULL};
	for (long i = p - 1; i >= sc->ss && i >= p - 3; i--) {
		const struct tok *w = T(sc, i);
		if (w->type != T_WORD)
			return 0;
		if (!tok_in(sc, w, HAVE))
			continue;
		/* "given" her: passive ("was given the keys"), not "has given
		 * the keys to his brother" */
		if (word_eq(sc, w, "given") && !tok_in(sc, T(sc, i - 1), PASSIVE))
			return 0;
		/* she, by the note's words for her, within three words before */
		for (long j = i - 1; j >= sc->ss && j >= i - 3 && T(sc, j)->type == T_WORD; j--)
			if (tok_in(sc, T(sc, j), SHE))
				return 1;
		return 0;
	}
	return 0;
}

static void loc_cues(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	uint64_t c = t->cls;
	unsigned id = t->id;
	if (!(c & LOC_CLS) && !LOC_ID[id])
		return;
	const struct tok *nx = T(sc, p + 1);
	if ((id == W_NEXT || id == W_AT) && next_appointment(sc, p))
		loc_cue(sc, p, "loc:appointment");
	if (id == W_ROOM && library_meeting_room(sc, p))
		loc_cue(sc, p, "loc:appointment");
	if ((id == W_ROOM || id == W_RM) && room_number(sc, p))
		loc_cue(sc, p, "loc:room");
	/* s30-never: "20wk scan: Tue 12/01 09:20, Ultrasound dept, <Name>
	 * Hospital", "Appointment: Fri 10:20, Clinic 2, <Hospital>": its date
	 * and its place after a label */
	/* s31-never: "housing options appt Civic Offices, Saxon Gate,
	 * Thursday 29th 11am": an appointment's place, then its day */
	if ((id == W_APPOINTMENT || id == W_APPT) && !(nx->f & F_BRK) && place_then_date(sc, p + 1) &&
	    !his_reporting(sc, p + 1))
		loc_cue(sc, p, "loc:appointment");
	/* s35: "Plan: fracture clinic Fri 10:20, Clinic 2, <Hospital>": a
	 * clinic's day and hour, then where */
	if (id == W_CLINIC && (t->f & F_LOWER) && !(nx->f & F_BRK) && date_then_place(sc, p + 1) &&
	    !his_reporting(sc, p + 1))
		loc_cue(sc, p, "loc:appointment");
	/* s42-never: "Next appt 02/03/2027 10:00 here", "1st appt here 26/01
	 * 11.00 in the quiet room": an appointment's date at the writer's own
	 * office, which the note's heading names */
	if ((id == W_APPOINTMENT || id == W_APPT) && appointment_here(sc, p) && !his_reporting(sc, p + 1))
		loc_cue(sc, p, "loc:appointment");
	if ((id == W_APPOINTMENT || id == W_APPT || id == W_SCAN) && is_punct(nx, ':') &&
	    !(T(sc, p + 2)->f & F_BRK) && date_then_place(sc, p + 2) && !his_reporting(sc, p + 2))
		loc_cue(sc, p, "loc:appointment");
	if (c & C_REFUGE) {
		if (!refuge_charity(sc, p) && !refuge_referral(sc, p))
			loc_cue(sc, p, id == W_REFUGE || id == W_REFUGES ? "loc:refuge" : "loc:accommodation");
		return;
	}
	if (id == W_ADMITTED || id == W_INPATIENT || id == W_INPATIENT2 ||
	    (id == W_DETAINED && detained_mha(sc, p)) || discharge_plan_at(sc, p))
		loc_cue(sc, p, "loc:admitted");
	if (receiving_marac(sc, p))
		loc_cue(sc, p, "loc:receiving-area");
	/* s44-never: "once she has the keys to plot 14 at Thetford", "gets
	 * the keys to the flat on Friday": her new home, not his ("he still
	 * has keys to the house") */
	if (id == W_KEYS && (t->f & F_LOWER) && is_word(nx, W_TO) && !(nx->f & F_BRK) &&
	    !(T(sc, p + 2)->f & F_BRK) && keys_had(sc, p) && !his_subject(sc, p) && !nonloc_subject(sc, p)) {
		long o = skip_det(sc, p + 2);
		const struct tok *ob = T(sc, o), *num = T(sc, o + 1);
		/* (a place, or a unit and its number: "plot 14", "flat 2") */
		if (place_object(sc, o, 0) ||
		    (ob->type == T_WORD && (ob->f & F_LOWER) && num->type == T_NUM && !(num->f & F_BRK)))
			loc_cue(sc, p, "loc:moved");
	}
	if (c & C_LOCV)
		try_locv(sc, p);
	if (call_from(sc, p))
		loc_cue(sc, p, "loc:calling-from");
	if (id == W_TAKE || id == W_TAKING || id == W_TOOK) {
		/* "she will take Bao to her cousin in Deptford", "taking both
		 * children to her sister's": where she goes with them */
		long j = p + 1;
		for (int k = 0; k < 3 && T(sc, j)->type == T_WORD && !(T(sc, j)->f & F_BRK) &&
				T(sc, j)->id != W_TO;
		     k++)
			j++;
		long o = skip_det(sc, j + 1);
		if (j > p + 1 && is_word(T(sc, j), W_TO) && !(T(sc, j + 1)->f & F_BRK) &&
		    (T(sc, o)->cls & C_KIN) && place_object(sc, o, 0) && !nonloc_subject(sc, p))
			loc_cue(sc, p, "loc:moved");
	}
	if ((id == W_DRIVE || id == W_DROVE || id == W_DRIVES || id == W_DRIVING) &&
	    (t->f & F_LOWER) && (is_word(nx, W_HER) || is_word(nx, W_THEM)) && !(nx->f & F_BRK)) {
		/* "her friend will drive her up to Leicester", "drove them down
		 * to Exeter": where she is going; not "drove her car" */
		long j = p + 2;
		if (is_word(T(sc, j), W_UP) || is_word(T(sc, j), W_DOWN) || is_word(T(sc, j), W_OVER) ||
		    is_word(T(sc, j), W_BACK))
			j++;
		const struct tok *z = T(sc, j + 1);
		if (is_word(T(sc, j), W_TO) && place_town_word(z) && (z->f & (F_CAP | F_UPPER)) &&
		    !(z->f & (F_NL | F_BRK)))
			loc_cue(sc, p, "loc:moved");
	}
	if (c & C_MOVE)
		try_move(sc, p);
	if (c & C_BE)
		try_be(sc, p);
	if ((c & C_NEWMOD) && !(nx->f & F_BRK)) {
		long j = p + 1;
		if (T(sc, j)->cls & C_NEWMOD)
			j++;
		const struct tok *o = T(sc, j);
		if ((o->cls & C_ACCOM) && o->type == T_WORD)
			loc_cue(sc, p, id == W_SAFE ? "loc:safe-house" : "loc:new-address");
		else if ((o->cls & (C_ST | C_STA)) && (o->f & F_LOWER) && (t->f & F_LOWER) &&
			 (T(sc, p - 1)->cls & C_DET))
			/* "her new street", "their new estate": her street, unnamed */
			loc_cue(sc, p, "loc:new-address");
	}
	if (id == W_SHELTER && (t->f & F_LOWER) && !(T(sc, p - 1)->f & F_CAP) &&
	    !is_word(T(sc, p - 1), W_BUS))
		loc_cue(sc, p, "loc:accommodation"); /* "the night shelter"; not Shelter the charity */
	if (id == W_TO && place_town_word(nx) && !(nx->f & (F_NL | F_BRK)) && travel_to(sc, p))
		loc_cue(sc, p, "loc:moved");
	if (id == W_ACCEPTED && (is_word(nx, W_HER) || is_word(nx, W_THEM)) && !(nx->f & F_BRK)) {
		/* "the DV unit in her new town has accepted her", "the house accepted
		 * them on Friday": a unit or house that takes her in is where she
		 * is; not "accepted her referral", nor a service that did */
		const struct tok *z = T(sc, p + 2);
		if (z->type != T_WORD || (z->f & F_BRK) ||
		    (z->cls & (C_FUNC | C_CONJ | C_TIMEW | C_DAY | C_TPREP)))
			for (long i = p - 1; i >= sc->ss && i >= p - 10; i--) {
				const struct tok *w = T(sc, i);
				if (w->type == T_WORD && ((w->cls & C_FLAT) || w->id == W_HOUSE)) {
					loc_cue(sc, p, "loc:accommodation");
					break;
				}
			}
	}
	if ((c & C_GOT) && is_word(nx, W_INTO) && !(T(sc, p + 2)->f & F_BRK))
		loc_cue(sc, p, "loc:accommodation"); /* "accepted into a Women's Aid house" */
	if (id == W_HAS && (is_word(nx, W_A) || is_word(nx, W_HER)) && !(nx->f & F_BRK)) {
		/* "she has a room above a pub", "has a flat in Leeds": where,
		 * when a place follows; not "has a flat tyre" */
		const struct tok *o = T(sc, p + 2), *v = T(sc, p + 3);
		if ((o->id == W_ROOM || o->id == W_FLAT || o->id == W_HOUSE || o->id == W_BEDSIT) &&
		    (v->id == W_IN || v->id == W_AT || v->id == W_ON || v->id == W_ABOVE ||
		     v->id == W_NEAR || v->id == W_OFF || v->id == W_BEHIND || v->id == W_BELOW) &&
		    !(v->f & F_BRK))
			loc_cue(sc, p, "loc:accommodation");
	}
	if (((c & C_GOT) || id == W_FOUND) && !(nx->f & F_BRK) &&
	    ((nx->cls & C_DET) ||
	     (is_punct(nx, ':') && (T(sc, p + 2)->cls & C_DET) && !(T(sc, p + 2)->f & F_BRK)))) {
		/* "accepted a property", "found a flat", "given a room at",
		 * "Offer accepted: a 2-bed in ..." */
		long j = skip_det(sc, is_punct(nx, ':') ? p + 2 : p + 1);
		if (T(sc, j)->cls & C_NEWMOD)
			j++;
		/* "a 2-bed", "a 3 bed": a home by its bedrooms */
		if (T(sc, j)->type == T_NUM && T(sc, j)->end - T(sc, j)->start == 1) {
			long b = is_punct(T(sc, j + 1), '-') ? j + 2 : j + 1;
			if (is_word(T(sc, b), W_BED) && !(T(sc, b)->f & F_NL))
				j = b;
		}
		const struct tok *o = T(sc, j);
		if (o->id == W_PLACE && !is_word(T(sc, j + 1), W_AT) && !is_word(T(sc, j + 1), W_IN) &&
		    !is_word(T(sc, j + 1), W_NEAR))
			j = 0; /* "offered a place on the Freedom Programme" */
		if (j > p + 1 && o->type == T_WORD && o->id != W_HOME &&
		    ((o->cls & (C_ACCOM | C_REFUGE | C_FLAT)) || o->id == W_ROOM || o->id == W_BED ||
		     o->id == W_SPACE))
			loc_cue(sc, p, "loc:accommodation");
	}
	if (((c & C_GOT) || id == W_FOUND) && !(nx->f & F_BRK) &&
	    (nx->id == W_IN || nx->id == W_AT || nx->id == W_NEAR) && nx->type == T_WORD) {
		/* "a flat found in Hull", "room secured at ...", "host family
		 * found in ...": a home, then where it is */
		const struct tok *pr = T(sc, p - 1);
		if (pr->type == T_WORD && !(t->f & F_BRK) &&
		    ((pr->cls & (C_ACCOM | C_REFUGE | C_FLAT)) || pr->id == W_ROOM || pr->id == W_BED ||
		     (pr->id == W_FAMILY && is_word(T(sc, p - 2), W_HOST))))
			loc_cue(sc, p, "loc:accommodation");
	}
	if ((c & (C_ACCOM | C_FLAT)) && t->type == T_WORD && (t->f & F_LOWER) &&
	    (T(sc, p - 1)->cls & C_DET) && is_word(nx, W_IS) && !(nx->f & F_BRK) &&
	    far_from(sc, p + 2))
		/* "the house is a 10 min drive", "the unit is a short walk from
		 * the station": how far her place is from what she can be found
		 * by is where it is, with or without the refuge word */
		loc_cue(sc, p, "loc:distance");
	if ((c & C_ACCOM) && t->type == T_WORD) {
		/* "her flat is on the Orchard estate", "mum's house is near the
		 * park", "her location is not to be shared": her place, told */
		const struct tok *pr = T(sc, p - 1);
		int poss = pr->id == W_HER || pr->id == W_THEIR ||
			   ((pr->f & F_POSS) && pr->type == T_WORD && !(pr->cls & (C_NOTPL | C_INSTM)));
		const struct tok *v = T(sc, p + 2);
		if (poss && id == W_LOCATION && !(nx->f & F_BRK) &&
		    (is_word(nx, W_IS) || is_punct(nx, ':')))
			loc_cue(sc, p, "loc:address");
		else if (poss && is_word(nx, W_IS) && !(v->f & F_BRK) &&
			 (v->id == W_IN || v->id == W_ON || v->id == W_AT || v->id == W_NEAR ||
			  v->id == W_OPPOSITE || v->id == W_ABOVE || v->id == W_BEHIND || v->id == W_OFF) &&
			 her_place_object(sc, skip_det(sc, p + 3)))
			loc_cue(sc, p, "loc:address");
	}
	if (id == W_ACCOMMODATION || id == W_LODGINGS) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_ADDRESS) {
		/* "address: 12 ...", "her address is Flat 3 ...", "the address of her
		 * sister"; not "her address is flagged" */
		long j = p + 1;
		if (is_word(nx, W_IS) || is_word(nx, W_WAS) || is_word(nx, W_OF) || is_word(nx, W_IN) ||
		    is_word(nx, W_AT) || is_word(nx, W_AS) || (nx->type == T_PUNCT && strchr(":-", nx->ch)))
			j++;
		if (j > p + 1 && !(T(sc, j)->f & F_BRK) &&
		    (place_object(sc, skip_det(sc, j), 1) || place_object(sc, skip_det(sc, j), 0)))
			loc_cue(sc, p, "loc:address");
	} else if (id == W_TENANCY || id == W_PLACEMENT) {
		if ((is_word(nx, W_AT) || is_word(nx, W_IN) || is_word(nx, W_WITH)) &&
		    !(id == W_TENANCY && is_word(nx, W_IN) && tenancy_holder(sc, p + 2)))
			loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_SOFA && is_word(nx, W_SURFING)) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_BED && is_word(nx, W_AND) && is_word(T(sc, p + 2), W_BREAKFAST)) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_B && is_punct(nx, '&') && is_word(T(sc, p + 2), W_B)) {
		loc_cue(sc, p, "loc:accommodation");
	} else if ((id == W_FIND || id == W_FINDS || id == W_TRACK || id == W_TRACKED ||
		    id == W_TRACE || id == W_LOCATE || id == W_LOCATED || id == W_FOUND) &&
		   (is_word(nx, W_HER) || is_word(nx, W_THEM) || is_word(nx, W_VICTIM)) &&
		   !(T(sc, p + 2)->f & F_BRK) &&
		   (is_word(T(sc, p + 2), W_AT) || is_word(T(sc, p + 2), W_IN) ||
		    is_word(T(sc, p + 2), W_WITH) || is_word(T(sc, p + 2), W_ON) ||
		    is_word(T(sc, p + 2), W_NEAR) || is_word(T(sc, p + 2), W_DOWN) ||
		    is_word(T(sc, p + 2), W_THROUGH) || is_word(T(sc, p + 2), W_VIA))) {
		/* "he will find her in Hull with her sister", "tracked her down
		 * to": where he would find her is where she is */
		loc_cue(sc, p, "loc:find-her");
	} else if (id == W_FOUND || id == W_LOCATED || id == W_REACHED || id == W_CONTACTABLE) {
		/* "can be found at"; not "he was found in the loft" */
		const struct tok *pr = T(sc, p - 1);
		if (id == W_FOUND && !is_word(pr, W_BE) && !is_word(pr, W_BEEN))
			;
		else if (id == W_LOCATED && (pr->id == W_SUSPECT || pr->id == W_PERPETRATOR ||
					     pr->id == W_ABUSER || pr->id == W_MALE))
			; /* "Suspect located at ..., arrested": an arrest, not her */
		else if (is_word(nx, W_AT) || is_word(nx, W_IN) ||
		    (id != W_FOUND && (is_word(nx, W_ON) || is_word(nx, W_VIA))))
			loc_cue(sc, p, "loc:found-at");
	} else if (id == W_AT || id == W_ROUND || id == W_TO || id == W_BETWEEN) {
		/* at her mum's, round her sister's, to a friend's; not an event
		 * told in the past ("she hid at a neighbour's") */
		long o = skip_det(sc, p + 1);
		const struct tok *ob = T(sc, o);
		if (ob->type == T_WORD && !(ob->cls & (C_NOTPL | C_INSTM | C_ABSTRACT)) &&
		    !past_event(sc, p - 1) && !(T(sc, o + 1)->cls & C_KIN) &&
		    !(tok_in(sc, T(sc, o + 1), PL_NOT_HOME) ||
		      (!(T(sc, o + 1)->f & F_BRK) && tok_in(sc, T(sc, o + 2), PL_NOT_HOME))) &&
		    !is_word(T(sc, o + 1), W_WIFE) && !is_word(T(sc, o + 1), W_HUSBAND) &&
		    (((ob->cls & C_KIN) && (ob->f & F_POSS)) ||
		     /* s41: "V SEEN AT NBR", "V AT MOTHERS": a log in capitals
		      * drops the apostrophe (not "SHOUTING AT NBR", "THREW CUP
		      * AT MOTHER": caps_at_subject) */
		     (id == W_AT && (ob->cls & C_KIN) && (ob->f & F_UPPER) && o == p + 1 &&
		      (T(sc, p - 1)->f & F_UPPER) && caps_at_subject(sc, T(sc, p - 1))) ||
		     (id != W_TO && (ob->cls & C_KIN) && o > p + 1) ||
		     (id != W_TO && (ob->f & F_POSS) && (ob->f & F_CAP) &&
		      !(T(sc, o + 1)->f & F_CAP))))
			loc_cue_place(sc, p, p + 1, "loc:at-kin");
	} else if ((id == W_ROOM || id == W_BED || id == W_SPACE || id == W_PLACE) &&
		   (is_word(nx, W_AT) || is_word(nx, W_IN)) &&
		   ((T(sc, p - 1)->cls & C_DET) || is_word(T(sc, p - 1), W_BED))) {
		loc_cue(sc, p, "loc:accommodation"); /* "a room at the YMCA" */
	} else if ((id == W_ROOM || id == W_BED || id == W_SPACE || id == W_VACANCY) &&
		   is_word(nx, W_FOR) && !(nx->f & F_BRK) && !(T(sc, p + 2)->f & F_BRK) &&
		   ((T(sc, p - 1)->cls & C_DET) || (T(sc, p - 2)->cls & C_DET)) &&
		   (is_word(T(sc, p + 2), W_HER) || is_word(T(sc, p + 2), W_THEM) ||
		    ((T(sc, p + 2)->cls & C_KIN) && (T(sc, p + 2)->f & F_LOWER)))) {
		/* "who have a space for her in Swindon", "a vacancy for her and
		 * the children": a provider has a bed for her, so that is where
		 * she will be; the one who has it tells where. Not "made room
		 * for her": a room, a bed, a space with its article */
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_OUT && is_word(nx, W_OF) &&
		   (is_word(T(sc, p + 2), W_AREA) ||
		    (is_word(T(sc, p + 2), W_THE) && is_word(T(sc, p + 3), W_AREA)))) {
		loc_cue(sc, p, "loc:moved"); /* "out of area" */
	} else if (id == W_SCHOOL && is_word(nx, W_RUN) && !safety_plan_topic(sc, p)) {
		loc_cue(sc, p, "loc:route");
	} else if (id == W_PUT && is_word(nx, W_UP) &&
		   (is_word(T(sc, p + 2), W_IN) || is_word(T(sc, p + 2), W_AT) ||
		    is_word(T(sc, p + 2), W_WITH) || is_word(T(sc, p + 2), W_BY))) {
		loc_cue(sc, p, "loc:accommodation"); /* put up in a hotel, by a friend */
	} else if (id == W_BOOKED &&
		   (is_word(nx, W_INTO) || ((nx->cls & C_PRON) && is_word(T(sc, p + 2), W_INTO))) &&
		   !(T(sc, skip_det(sc, is_word(nx, W_INTO) ? p + 2 : p + 3))->cls &
		     (C_ABSTRACT | C_NOTPL)) &&
		   !nonloc_subject(sc, p)) {
		loc_cue(sc, p, "loc:accommodation"); /* "booked into a hotel" */
	} else if ((id == W_NOW || id == W_CURRENTLY || id == W_TEMPORARILY || id == W_PRESENTLY ||
		    id == W_STILL) && now_at(sc, p) &&
		   !nonloc_subject(sc, p)) {
		loc_cue_place(sc, p, now_at(sc, p) + 1, "loc:is-at"); /* "VIC NOW AT MOTHERS",
									 * "currently with her aunt" */
	}

	/* routes and routines: decided at the end of the sentence */
	/* (s45-over: not "goes by <Name>", a name; his movements stay routes:
	 * "he go to work 12" says when she is alone, "he gets the 8.05
	 * minibus from <Village>" is her son's) */
	if (((c & C_ROUTEV) || (id == W_RUNS && is_word(T(sc, p - 1), W_HER))) &&
	    !(is_word(nx, W_BY) && (T(sc, p + 2)->f & F_CAP) && !(T(sc, p + 2)->f & F_BRK)))
		sc->routev = 1; /* "her runs at 06:10 Mon/Wed/Fri" */
	/* "the worker comes Mondays at 10", "carers (<Firm>) come at 8am,
	 * 12.30 and 6pm": someone's visits to her by the clock. Not "he
	 * comes", nor "come" after a pronoun or a modal ("if you don't come
	 * home", "he come in from the pub") */
	const struct tok *pr = T(sc, p - 1);
	if ((id == W_COMES && pr->id != W_HE) ||
	    (id == W_COME && (is_punct(pr, ')') || pr->id == W_THEY ||
			      (pr->type == T_WORD && !(pr->cls & (C_PRON | C_FUNC)) &&
			       sc->s[pr->end - 1] == 's'))))
		sc->comev = 1;
	if (id == W_TAKES) {
		for (long i = p + 1; i < p + 7; i++)
			if (is_word(T(sc, i), W_TO) || (T(sc, i)->cls & C_TRANS))
				sc->routev = 1;
	}
	if ((id == W_VIA && !via_court(sc, p)) || id == W_ROUTE || id == W_COMMUTE)
		sc->via = 1;
	/* s42-never: a timetable's leg, "Birmingham New Street 10:31 to Leeds
	 * 12:29", "BHD 18:05 to BHX 19:15": a place and its hour on each side */
	if (id == W_TO && timetable_leg(sc, p))
		loc_cue(sc, p, "loc:journey");
	/* "flight to Lagos on 3 May", "sailed Ullapool-Stornoway on the 12th",
	 * "Return booked 20/02/2027 Islamabad to Manchester, PK701" */
	if ((id == W_FLIGHT && (t->f & F_LOWER) && journey_booked(sc, p)) ||
	    ((id == W_SAILED || id == W_FLEW) &&
	     (journey_route(sc, p + 1) ||
	      ((is_word(nx, W_TO) || is_word(nx, W_FROM)) && journey_place(sc, p + 2)))) ||
	    (id == W_BOOKED && date_at(sc, p + 1) && booked_route(sc, p + 2)) ||
	    /* "SISTER HAS BOOKED STENA HOLYHEAD-DUBLIN 19/03/27 0815 SAILING" */
	    (id == W_BOOKED && (t->f & F_UPPER) && caps_route(sc, p + 1, p + 7) &&
	     date_within(sc, p + 1, p + 14)))
		loc_cue(sc, p, "loc:journey");
	if (c & C_TRANS) {
		if (journey_booked(sc, p))
			loc_cue(sc, p, "loc:journey");
		for (long i = p - 1; i >= p - 6 && i >= sc->ss; i--) {
			unsigned v = T(sc, i)->id;
			if (v == W_TAKES || v == W_CATCHES || v == W_GETS || v == W_USES)
				loc_cue(sc, p, "loc:route");
		}
		sc->via = 1;
	}
	if ((id == W_EVERY || id == W_EACH) && (nx->cls & (C_DAY | C_TIMEW)))
		sc->every = 1;
	if ((c & C_TIMEW) && WORDS[id].text[strlen(WORDS[id].text) - 1] == 's' && id != W_TIMES)
		sc->every = 1; /* "most evenings", "weekends" */
	if ((c & C_DAY) && (t->f & F_POSS) == 0 && t->end - t->start > 3 &&
	    WORDS[id].text[strlen(WORDS[id].text) - 1] == 's')
		sc->every = 1; /* "on Tuesdays" */
}

/* A clock time at NUM token p: 10am, 8.30, 7:15, 10 pm, at 2214. */
static int is_clock(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1), *pr = T(sc, p - 1);
	if (t->f & F_CLOCK)
		return 1;
	if (nx->type == T_WORD && (nx->id == W_AM || nx->id == W_PM))
		return 1;
	if ((is_punct(nx, '.') || is_punct(nx, ':')) && nx->start == t->end && t->ndig <= 2) {
		const struct tok *m = T(sc, p + 2);
		if (m->type == T_NUM && m->start == nx->end && m->ndig == 2)
			return 1;
	}
	return is_word(pr, W_AT) && (t->ndig <= 2 || t->ndig == 4) && t->end - t->start == t->ndig;
}

/* ---- safe times ---------------------------------------------------------------------- */

static int time_word(const struct scan *sc, long i)
{
	const struct tok *y = T(sc, i);
	if (y->type == T_NUM)
		return 1;
	if (y->type == T_WORD && (T(sc, i + 1)->cls & C_TIMEW) && !(T(sc, i + 1)->f & F_BRK))
		return 1; /* "between school drop-off and pick-up" */
	return y->type == T_WORD &&
	       ((y->cls & (C_DAY | C_TIMEW)) || y->id == W_WHEN || y->id == W_WHILE ||
		y->id == W_WHILST || y->id == W_HE || y->id == W_HES);
}

/*
 * s21-never: is token t an opening quote: '"', '\'' or a curly one?
 */
static int open_quote(const struct scan *sc, const struct tok *t)
{
	if (t->type != T_PUNCT)
		return 0;
	if (t->ch == '"' || t->ch == '\'')
		return 1;
	return t->ch == 0xE2 && t->start + 2 < sc->n && sc->s[t->start + 1] == 0x80 &&
	       (sc->s[t->start + 2] == 0x9C || sc->s[t->start + 2] == 0x98);
}

/*
 * s21-never: a cover name for her appointment at "as" (token p): 'booked
 * next review as a "diabetic check"', 'appointment made at the surgery as
 * a "nurse review"': what the visit is called so that he will not know it
 * for one is how she can safely be seen. Only a quoted name after "as a"
 * or "as an", with a booking word at most six tokens back in the sentence
 * (not "booked as urgent", 'recorded as a "common assault"').
 */
static const char *const PL_BOOKING[] = {"booked", "rebooked", "appointment", "appt",
					 "scheduled", NULL};

static int cover_name(const struct scan *sc, long p)
{
	const struct tok *a = T(sc, p + 1), *q = T(sc, p + 2);
	if (!(is_word(a, W_A) || is_word(a, W_AN)) || !open_quote(sc, q) || (a->f & F_BRK) ||
	    (q->f & F_BRK))
		return 0;
	for (long i = p - 1; i >= sc->ss && i >= p - 6; i--)
		if (tok_in(sc, T(sc, i), PL_BOOKING))
			return 1;
	return 0;
}

/*
 * s21-never: "(let) her take calls in the office", "she can take calls at
 * work": the place at her work where she can answer unheard is a route to
 * her. At "calls" (token p) after take/takes: "she" or "her" at most two
 * tokens before "take", then in/at and (a determiner and) her work, its
 * office or a room. Not "he takes calls in the office", not "take calls
 * from him".
 */
static const char *const PL_WORK_ROOM[] = {"office", "room", "staff", "staffroom", "work", "workplace",
					   "shop", "reception", NULL};

static int calls_at_work(const struct scan *sc, long p)
{
	const struct tok *x = T(sc, p + 1);
	int hers = 0;
	for (long i = p - 2; i >= sc->ss && i >= p - 3; i--)
		hers |= is_word(T(sc, i), W_SHE) || is_word(T(sc, i), W_HER);
	if (!hers || (x->f & F_BRK) || !(is_word(x, W_IN) || is_word(x, W_AT)))
		return 0;
	long o = skip_det(sc, p + 2);
	return !(T(sc, o)->f & F_BRK) && tok_in(sc, T(sc, o), PL_WORK_ROOM);
}

/*
 * s21-never: a private talk someone will make room for: "the centre will
 * facilitate a private conversation", "offer her a private word":
 * how and where she (or he, a victim) can safely be spoken to. At
 * "private" (token p): a talk after it, and a verb of arranging at most
 * three tokens before it. Not "had a private conversation with him", not
 * "private rented sector".
 */
static const char *const PL_ARRANGE[] = {"facilitate", "facilitated", "arrange", "arranged",
					 "offer", "offered", "allow", "enable", "provide", NULL};
static const char *const PL_TALK[] = {"conversation", "chat", "talk", "word", "space", "call",
				      "room", NULL};

static int private_talk(const struct scan *sc, long p)
{
	if ((T(sc, p + 1)->f & F_BRK) || !tok_in(sc, T(sc, p + 1), PL_TALK))
		return 0;
	for (long i = p - 1; i >= sc->ss && i >= p - 3; i--)
		if (tok_in(sc, T(sc, i), PL_ARRANGE))
			return 1;
	return 0;
}

static void safe_cues(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	unsigned id = t->id;
	if (!(t->cls & SAFE_CLS) && !SAFE_ID[id])
		return;
	const struct tok *nx = T(sc, p + 1), *pr = T(sc, p - 1);
	if (id == W_PRIVATE) {
		if (private_talk(sc, p))
			safe_cue(sc, "time:private-talk");
		return;
	}
	if (id == W_AS) {
		if (cover_name(sc, p))
			safe_cue(sc, "time:cover-name");
		return;
	}
	if (id == W_USE && (pr->id == W_NOT || pr->id == W_DONT || pr->id == W_DONT2 ||
			    pr->id == W_NEVER)) {
		/* "do not use the landline", "never use her home email" */
		long o = skip_det(sc, p + 1);
		for (long i = o; i < o + 3 && !(T(sc, i)->f & F_BRK); i++) {
			unsigned v = T(sc, i)->id;
			if (v == W_PHONE || v == W_MOBILE || v == W_NUMBER || v == W_LANDLINE ||
			    v == W_EMAIL || v == W_ADDRESS) {
				safe_cue(sc, "time:safe-contact");
				break;
			}
		}
		return;
	}
	if (id == W_FREELY && (pr->id == W_SPEAK || pr->id == W_TALK)) {
		safe_cue(sc, "time:safe-call"); /* "she can talk freely when ..." */
		return;
	}
	if (id == W_PASSWORD && !(nx->f & F_BRK) &&
	    (is_word(nx, W_IS) || is_word(nx, W_FOR) || (nx->type == T_PUNCT && strchr(":-", nx->ch)))) {
		safe_cue(sc, "time:safe-call"); /* "password for collection is ...": as a safe word */
		return;
	}
	if ((id == W_SAFEST || id == W_SAFER) &&
	    (pr->id == W_IS || pr->id == W_ARE || pr->id == W_BE ||
	     ((is_word(nx, W_TO) || is_word(nx, W_FOR)) && (T(sc, p + 2)->cls & C_CALL)))) {
		safe_cue(sc, "time:safe-contact"); /* "her work number is safest", "safer to text" */
		return;
	}
	if (id == W_SPOKEN && is_word(pr, W_BE) && is_word(nx, W_TO) && !(T(sc, p + 2)->f & F_BRK) &&
	    (is_word(T(sc, p + 2), W_AT) || is_word(T(sc, p + 2), W_ONLY) ||
	     is_word(T(sc, p + 2), W_VIA) || (T(sc, p + 2)->cls & (C_TPREP | C_DAY | C_TIMEW)))) {
		safe_cue(sc, "time:contact-window"); /* "she can be spoken to at school" */
		return;
	}
	if (id == W_HES || (id == W_HE && (nx->cls & C_BE))) {
		/* "Fridays he's at the mosque till 2", "he is at the gym until
		 * 6": where he is and until when, so when she is free of him */
		long j = p + (id == W_HE ? 2 : 1);
		if (!is_word(T(sc, j), W_AT))
			return;
		for (long i = j + 1; i < j + 5; i++) {
			const struct tok *v = T(sc, i);
			if (v->f & F_BRK || v->type != T_WORD)
				break;
			if ((v->id == W_TILL || v->id == W_UNTIL) && time_word(sc, i + 1)) {
				safe_cue(sc, "time:he-away");
				break;
			}
		}
		return;
	}
	if ((id == W_PHONE || id == W_MOBILE || id == W_NUMBER || id == W_LANDLINE || id == W_EMAIL) &&
	    pr->type == T_WORD && !(t->f & F_BRK)) {
		/* a route to her that he does not watch: "her sister's phone",
		 * "text her work mobile", "her new phone" (not "the agreed safe
		 * number", a professional's "work number") */
		const struct tok *pp = T(sc, p - 2);
		int hers = pp->id == W_HER || pp->id == W_THEIR || (pp->id == W_VICTIM && (pp->f & F_POSS));
		int route = hers || pp->id == W_VIA || pp->id == W_ON || pp->id == W_THROUGH ||
			    (pp->cls & C_CALL);
		if (((pr->cls & C_KIN) && (pr->f & F_POSS) && pr->id != W_PARTNER && pr->id != W_PARTNERS &&
		     route) ||
		    ((pr->id == W_WORK || pr->id == W_NEW || pr->id == W_SECRET || pr->id == W_SPARE) &&
		     hers) ||
		    ((pr->id == W_NEW || pr->id == W_SECRET || pr->id == W_SPARE) && pp->id == W_A)) {
			safe_cue(sc, "time:safe-contact");
			return;
		}
	}
	if (id == W_SEND && (pr->id == W_NOT || pr->id == W_DONT || pr->id == W_DONT2 ||
			     pr->id == W_NEVER)) {
		safe_cue(sc, "time:safe-contact"); /* "do not send anything to the house" */
		return;
	}
	if (id == W_SECOND && (nx->id == W_PHONE || nx->id == W_MOBILE)) {
		safe_cue(sc, "time:safe-contact"); /* a second phone he does not know of */
		return;
	}
	if ((id == W_LETTERS || id == W_POST || id == W_MAIL) && (pr->id == W_NO || pr->id == W_NOT)) {
		safe_cue(sc, "time:safe-contact"); /* "no letters to the address" */
		return;
	}
	if (id == W_LETTERS || id == W_MAIL) {
		/* "any letters to go to the school", "mail to be sent to her
		 * sister's": where her post goes is how to reach her */
		for (long i = p + 1; i <= p + 4; i++) {
			const struct tok *v = T(sc, i);
			if (v->f & F_BRK || v->type != T_WORD)
				break;
			if (v->id == W_TO && i > p + 1 && !(T(sc, i + 1)->cls & (C_NOTPL | C_PRON))) {
				safe_cue(sc, "time:safe-contact");
				break;
			}
		}
		return;
	}
	if (id == W_UNSAFE && is_word(nx, W_TO)) {
		if (T(sc, p + 2)->cls & C_CALL)
			safe_cue(sc, "time:safe-call");
		return;
	}
	if ((id == W_BEST || id == W_BETTER) && is_word(nx, W_WAY) && is_word(T(sc, p + 2), W_TO)) {
		safe_cue(sc, "time:safe-contact"); /* "the best way to reach her is ..." */
		return;
	}
	if ((id == W_BEST || id == W_BETTER) &&
	    ((is_word(nx, W_FOR) && (T(sc, p + 2)->cls & C_CALL)) ||
	     (is_word(nx, W_TO) && (T(sc, p + 2)->cls & C_CALL)))) {
		safe_cue(sc, "time:safe-times"); /* "mornings are best for calls", "better to ring" */
		return;
	}
	if (id == W_SAFE) {
		const struct tok *v = T(sc, p + 2);
		if (is_word(nx, W_WORD) || ((pr->id == W_ARE || pr->id == W_IS) &&
					    (T(sc, p - 2)->cls & C_CALL))) {
			safe_cue(sc, "time:safe-call"); /* "safe word is ...", "calls are safe then" */
			return;
		}
		if ((nx->id == W_CONTACT || nx->id == W_NUMBER || nx->id == W_PHONE || nx->id == W_MOBILE ||
		     nx->id == W_EMAIL) && nx->type == T_WORD &&
		    ((v->type == T_PUNCT && strchr(":-", v->ch)) || is_word(v, W_IS) || is_word(v, W_VIA) ||
		     is_word(v, W_THROUGH)))
			safe_cue(sc, "time:safe-contact"); /* "Safe contact: via her sister" */
		else if (is_word(nx, W_TO)) {
			if ((v->cls & C_CALL) || v->id == W_LEAVE)
				safe_cue(sc, "time:safe-call");
		} else if ((nx->cls & (C_TIMEW | C_DAY)) || nx->id == W_TIME || nx->id == W_TIMES ||
			   nx->id == W_DAYS || nx->id == W_DAY || nx->id == W_HOURS) {
			/* "safe times: weekday mornings", "safe times are ..."; not
			 * "during the agreed safe times" */
			if ((nx->cls & (C_TIMEW | C_DAY)) || (v->type == T_PUNCT && strchr(":-(", v->ch)) ||
			    (v->type == T_WORD && !(v->f & F_BRK) &&
			     (v->id == W_IS || v->id == W_ARE || (v->cls & (C_TPREP | C_DAY | C_TIMEW)) ||
			      v->id == W_AT || v->id == W_IN || v->id == W_TO)) ||
			    (v->type == T_NUM && !(v->f & F_BRK)))
				safe_cue(sc, "time:safe-times");
		}
		return;
	}
	if (id == W_BEST && (is_word(nx, W_TIME) || is_word(nx, W_TIMES) || is_word(nx, W_DAY) ||
			     is_word(nx, W_DAYS) || (nx->cls & (C_DAY | C_TIMEW)) ||
			     (nx->cls & C_CALLED) || (is_word(nx, W_TO) && (T(sc, p + 2)->cls & C_CALL)))) {
		safe_cue(sc, "time:safe-times");
		return;
	}
	if (t->cls & C_CALL) {
		if (tok_in(sc, nx, PL_CALL_RECORD) && !(nx->f & F_BRK))
			return; /* "call log 09/02/2027 14:07-14:41": a record */
		if (is_word(nx, W_ABOUT))
			return; /* "never talk about it": a subject, not a contact */
		/* s37-over: "calls her \"useless cripple\"", "called him a liar":
		 * names someone, no contact */
		if (nx->type == T_WORD && (nx->id == W_HER || nx->id == W_HIM) && !(nx->f & F_BRK) &&
		    ((T(sc, p + 2)->type == T_PUNCT && (T(sc, p + 2)->ch == '"' || T(sc, p + 2)->ch == '\'')) ||
		     is_word(T(sc, p + 2), W_A) || is_word(T(sc, p + 2), W_AN)))
			return;
		if (id == W_CONTACT && !(t->f & F_BRK) &&
		    (tok_in(sc, nx, PL_CONTACT_SESSION) ||
		     (pr->type == T_WORD && ((pr->f & F_POSS) || pr->id == W_HIS) && pr->id != W_HER &&
		      !tok_in(sc, nx, PL_CONTACT_ROUTE))))
			return; /* s19-over: "Father's contact is supervised", "his contact
				 * with the children", "contact centre": a child's contact
				 * session with a parent, not contact with her ("Mum's
				 * contact number" is a route) */
		if (nx->type == T_PUNCT && nx->ch == ':' && pr->id == W_NEXT && next_date_only(sc, p + 2))
			return; /* s19-over: "Next contact: Thurs 3 Dec": the agencies'
				 * next date, no window ("Next contact: tues pm" is one) */
		if (nx->type == T_PUNCT && (nx->ch == ':' || nx->ch == '-') && !(T(sc, p + 2)->f & F_BRK)) {
			/* a label: "Next contact: tues pm", "Contact - weekday mornings" */
			const struct tok *y = T(sc, p + 2), *d = T(sc, p + 3);
			/* s39-over: "Visit: Tue 09/02/2027 10.30am", "Call: Wed
			 * 17 Feb": a day with its date is one event's record */
			if (d->type == T_NUM && !is_clock(sc, p + 3) && d->ndig <= 2 &&
			    (is_punct(T(sc, p + 4), '/') || (T(sc, p + 4)->cls & C_MON)) &&
			    dated_only(sc, p + 3))
				return;
			if (y->type == T_WORD && (y->cls & (C_DAY | C_TIMEW)) && y->id != W_TODAY &&
			    y->id != W_TOMORROW)
				safe_cue(sc, "time:call-window");
			return;
		}
		if (pr->type == T_WORD && ((pr->cls & C_DET) || pr->id == W_NO))
			return; /* "the call", "no contact" */
		if (pr->type == T_NUM)
			return; /* "40 calls between 9 and 11": counted, not a window */
		sc->callw = 1;
		if (pr->id == W_NOT || pr->id == W_DONT || pr->id == W_DONT2 || pr->id == W_NEVER) {
			/* s40-over: "T would not talk", "she did not call":
			 * what she did or would do, no instruction */
			static const char *const WOULD[] = {"would", "did", "could", "was", "were",
							    "had", "has", "have", NULL};
			if (pr->id == W_NOT && tok_in(sc, T(sc, p - 2), WOULD))
				return;
			/* s39-over: "must not contact <Name> or her mother
			 * directly or indirectly": an order's condition, his */
			for (long i = p + 1; i < p + 12 && T(sc, i)->type != T_END && !(T(sc, i)->f & F_BRK) &&
			     !is_punct(T(sc, i), '.') && !is_punct(T(sc, i), ';'); i++)
				if (word_eq(sc, T(sc, i), "indirectly"))
					return;
			safe_cue(sc, "time:do-not-call");
			return;
		}
		if ((pr->id == W_TAKE || pr->id == W_TAKES) && (t->cls & C_UNIT)) {
			/* "she can take calls in the staff room at 1pm": when and
			 * where she can answer */
			for (long i = p + 1; i < p + 8 && !(T(sc, i)->f & F_BRK); i++)
				if (T(sc, i)->type == T_WORD &&
				    (T(sc, i)->id == W_AT || (T(sc, i)->cls & C_TPREP)) &&
				    time_word(sc, i + 1)) {
					safe_cue(sc, "time:call-window");
					return;
				}
			if (calls_at_work(sc, p)) {
				safe_cue(sc, "time:safe-contact");
				return;
			}
		}
		long j = p + 1;
		int only = 0;
		for (int k = 0; k < 2; k++) {
			unsigned v = T(sc, j)->id;
			if (T(sc, j)->type == T_WORD &&
			    (v == W_HER || v == W_HIM || v == W_THEM || v == W_ONLY || v == W_MOBILE ||
			     v == W_BACK || v == W_VICTIM)) {
				only |= v == W_ONLY;
				j++;
			}
		}
		const struct tok *x = T(sc, j);
		if (x->type == T_WORD && !(x->f & F_BRK) &&
		    (x->id == W_AT || x->id == W_ON || x->id == W_VIA || x->id == W_THROUGH)) {
			/* "contact her at her workplace", "ring her at work", "call
			 * via her mum's": a route to her */
			const struct tok *o = T(sc, skip_det(sc, j + 1));
			if (o->id == W_WORK || o->id == W_WORKPLACE ||
			    ((o->cls & C_KIN) && (o->f & F_POSS))) {
				safe_cue(sc, "time:safe-contact");
				return;
			}
		}
		if (only && x->type == T_WORD && !(x->f & F_BRK) &&
		    ((x->cls & C_TPREP) || x->id == W_AT || x->id == W_IN || x->id == W_ON ||
		     x->id == W_VIA || x->id == W_THROUGH || x->id == W_WHEN)) {
			/* "ring her only in school hours", "text only on her work
			 * mobile": a restriction is how she can safely be reached */
			safe_cue(sc, "time:only-call");
			return;
		}
		if (T(sc, j - 1)->id == W_ONLY && j > p + 1 && pr->type != T_WORD &&
		    (x->f & F_BRK || x->type == T_PUNCT)) {
			safe_cue(sc, "time:only-call"); /* "Text only." */
			return;
		}
		if (x->f & F_BRK)
			return;
		/* "call before 5" is a window; "will call her on Monday" is a plan,
		 * a window only as an instruction ("Call on Mondays", "only ring at") */
		int window = x->type == T_WORD && (x->cls & C_TPREP) && x->id != W_ON &&
			     x->id != W_FROM && x->id != W_AROUND;
		int instr = (t->f & F_BRK) || pr->id == W_ONLY || pr->id == W_PLEASE ||
			    pr->id == W_CAN || pr->id == W_SHOULD || pr->id == W_MUST ||
			    pr->id == W_SAFE || pr->id == W_BEST || is_punct(pr, ',') || is_punct(pr, '/');
		const struct tok *y = T(sc, skip_det(sc, j + 1));
		if (x->type == T_WORD &&
		    (window || (((x->cls & C_TPREP) || x->id == W_AT || x->id == W_IN) && instr)) &&
		    time_word(sc, skip_det(sc, j + 1)) && !(y->type == T_NUM && y->ndig > 4))
			safe_cue(sc, "time:call-window");
		else if (x->type == T_WORD && (x->cls & (C_DAY | C_TIMEW)) && x->id != W_TODAY &&
			 x->id != W_TOMORROW)
			safe_cue(sc, "time:call-window"); /* not "to visit today": a plan */
		else if ((id == W_TEXT || id == W_MESSAGE) &&
			 (is_word(x, W_FIRST) || (is_word(x, W_BEFORE) && (T(sc, j + 1)->cls & C_CALL))))
			safe_cue(sc, "time:text-first");
		else if (instr && T(sc, skip_det(sc, j))->type == T_WORD &&
			 (T(sc, skip_det(sc, j))->f & (F_CAP | F_UPPER)) &&
			 is_word(T(sc, skip_det(sc, j) + 1), W_FIRST))
			safe_cue(sc, "time:text-first"); /* "Call (the) IDVA first, not her" */
		else if ((id == W_TEXT || id == W_CALL || id == W_RING || id == W_PHONE ||
			  id == W_MESSAGE || id == W_CONTACT) &&
			 T(sc, skip_det(sc, j))->type == T_WORD &&
			 (T(sc, skip_det(sc, j))->cls & C_KIN) &&
			 is_word(T(sc, skip_det(sc, j) + 1), W_FIRST))
			safe_cue(sc, "time:text-first"); /* "text mum first": through her kin
							    * (not "without calling mum first") */
		return;
	}
	if (id == W_ONLY) {
		for (long i = p + 1; i <= p + 3; i++) {
			const struct tok *v = T(sc, i);
			if (v->f & F_BRK)
				break;
			if (v->cls & (C_CALL | C_CALLED)) {
				safe_cue(sc, "time:only-call");
				break;
			}
		}
		return;
	}
	if ((t->cls & C_CALLED) && (is_word(pr, W_BE) || is_word(pr, W_BEEN) ||
				    id == W_CONTACTABLE)) {
		/* "can be contacted at work", "should be called after 6"; "can be
		 * reached" and "contactable" say how to reach her whatever follows */
		const struct tok *x = nx;
		sc->callw = 1;
		if (x->f & F_BRK)
			return;
		if (id == W_REACHED || id == W_CONTACTABLE ||
		    (x->type == T_WORD && ((x->cls & (C_TPREP | C_DAY | C_TIMEW)) || x->id == W_AT ||
					   x->id == W_VIA || x->id == W_THROUGH || x->id == W_IN ||
					   x->id == W_ONLY || x->id == W_ON)) ||
		    x->type == T_NUM)
			safe_cue(sc, "time:contact-window");
		return;
	}
	if (id == W_LEAVE) {
		if (pr->id == W_NOT || pr->id == W_DONT || pr->id == W_DONT2 || pr->id == W_NEVER)
			safe_cue(sc, "time:voicemail");
		else if ((is_word(nx, W_MESSAGES) || is_word(nx, W_MESSAGE) ||
			  (is_word(nx, W_A) && is_word(T(sc, p + 2), W_MESSAGE))) &&
			 (is_word(T(sc, p + 2), W_WITH) || is_word(T(sc, p + 3), W_WITH)))
			safe_cue(sc, "time:safe-contact"); /* "leave messages with her mum" */
		return;
	}
	if (id == W_VOICEMAIL || id == W_VOICEMAILS || id == W_ANSWERPHONE) {
		if (pr->id == W_NO || pr->id == W_NOT)
			safe_cue(sc, "time:voicemail");
		return;
	}
	if (id == W_WHEN || id == W_WHILE || id == W_WHILST || id == W_ONCE || id == W_AFTER ||
	    id == W_BEFORE || id == W_UNTIL) {
		long j = p + 1;
		/* "when Gary is asleep": a man named instead of "he" */
		int named = T(sc, j)->type == T_WORD && (T(sc, j)->f & F_CAP) &&
			    !(T(sc, j)->cls & (C_PRON | C_DET | C_NOTPL | C_DAY | C_MON)) &&
			    (T(sc, j + 1)->cls & C_BE) && !(T(sc, j)->f & F_BRK);
		if (!is_word(T(sc, j), W_HE) && !is_word(T(sc, j), W_HES) && !named)
			return;
		if ((is_word(T(sc, j), W_HE) || named) && (T(sc, j + 1)->cls & C_BE))
			j++;
		const struct tok *x = T(sc, j + 1);
		unsigned v = x->id;
		if (x->type == T_WORD &&
		    (v == W_AT || v == W_OUT || v == W_ASLEEP || v == W_AWAY || v == W_ON || v == W_NOT ||
		     v == W_WORKING || v == W_IN || v == W_LEAVES || v == W_GOES || v == W_GETS ||
		     v == W_RETURNS || v == W_WORKS || v == W_GONE))
			safe_cue(sc, "time:he-away");
		return;
	}
	if (t->cls & C_CHECK) {
		long j = p + 1;
		if (is_word(T(sc, j), W_HER) || is_word(T(sc, j), W_THE))
			j++;
		unsigned v = T(sc, j)->id;
		if (v == W_PHONE || v == W_MOBILE || v == W_MESSAGES || v == W_TEXTS || v == W_EMAIL)
			safe_cue(sc, "time:phone-checked");
	}
}

/* ---- the walk ------------------------------------------------------------------------- */

/* Does token p open a time window: "10-12", "09:30-14:30", "between 2 and
 * 3", "before 8.30am", "mornings only", "lunch break"? Dates ("12-05-2024")
 * are not. */
/* Is t one of the words of list, in any case? */
static int tok_in(const struct scan *sc, const struct tok *t, const char *const *list)
{
	if (t->type != T_WORD)
		return 0;
	size_t n = t->end - t->start;
	/* the first byte before strlen and strncasecmp: equal in any case
	 * only if they differ in no bit but the case bit */
	unsigned c0 = sc->s[t->start];
	for (; *list; list++)
		if ((((unsigned char)(*list)[0] ^ c0) & ~0x20u) == 0 && strlen(*list) == n &&
		    strncasecmp((const char *)sc->s + t->start, *list, n) == 0)
			return 1;
	return 0;
}

/*
 * From p to the clause's end only a date and a clock time ("09/02/2027
 * 10.30am, unannounced", "17 Feb 2pm."), nothing of how or where ("14/04
 * at work")?
 */
static int dated_only(const struct scan *sc, long p)
{
	for (long i = p; i < p + 12; i++) {
		const struct tok *v = T(sc, i);
		if (v->type == T_END || (i > p && (v->f & F_BRK)))
			return 1;
		if (v->type == T_PUNCT && (v->ch == ',' || v->ch == ';' ||
					   (v->ch == '.' && T(sc, i + 1)->type != T_NUM)))
			return 1;
		if (v->type == T_NUM || (v->type == T_PUNCT && (v->ch == '/' || v->ch == '.' || v->ch == ':')))
			continue;
		if (v->type == T_WORD && (v->cls & (C_MON | C_DAY | C_TIMEW)))
			continue;
		if (v->type == T_WORD && is_clock(sc, i))
			continue;
		return 0;
	}
	return 0;
}

/*
 * s19-over: from p to the sentence's end (a full stop, a line break, the
 * text's end; at most eight tokens), only weekdays, months and dates
 * ("Thurs 3 Dec", "Mon 30/11")? Not a time of day, a clock, a word of
 * anything else ("tues pm", "Mon 10:00", "Thurs at work").
 */
static int next_date_only(const struct scan *sc, long p)
{
	int n = 0;
	for (long i = p; i < p + 8; i++, n++) {
		const struct tok *v = T(sc, i);
		if (v->type == T_END || (i > p && (v->f & F_BRK)))
			return n > 0;
		if (v->type == T_PUNCT && (v->ch == '.' || v->ch == ';'))
			return n > 0;
		if (v->type == T_PUNCT && v->ch == '/')
			continue;
		if (v->type == T_NUM && !is_clock(sc, i) && v->ndig <= 4)
			continue;
		if (v->type == T_WORD && (v->cls & (C_DAY | C_MON)) && !(v->cls & C_TIMEW))
			continue;
		return 0;
	}
	return 0;
}

/*
 * s19-over: is "via" at p followed by a court or Cafcass ("contact for the
 * boys via <Town> Family Court", "via the court", "via Cafcass")? The
 * court's process, no route of hers. Reads at most five tokens: a
 * determiner and capitalised words before it.
 */
static int via_court(const struct scan *sc, long p)
{
	static const char *const COURT[] = {"court", "courts", "cafcass", NULL};
	for (long i = p + 1; i <= p + 5; i++) {
		const struct tok *v = T(sc, i);
		if (v->type != T_WORD || (i > p + 1 && (v->f & F_BRK)))
			return 0;
		if (tok_in(sc, v, COURT))
			return !(T(sc, i + 1)->type == T_WORD && (T(sc, i + 1)->f & (F_CAP | F_UPPER)) &&
			         !(T(sc, i + 1)->f & F_BRK)); /* not "via <Name> Court Road" */
		if (!(v->cls & C_DET) && !(v->f & (F_CAP | F_UPPER)))
			return 0;
	}
	return 0;
}

/* A span of weeks, months or years after a range: "the 6-8 wk check" */
static const char *const PL_SPAN_UNIT[] = {"wk", "wks", "week", "weeks", "month", "months",
					   "mth", "mths", "yr", "yrs", "year", "years", NULL};

static int time_window(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1);
	if (t->type == T_NUM) {
		const struct tok *pr = T(sc, p - 1), *b = T(sc, p + 2), *after = T(sc, p + 3);
		/* (s19-over: not a range of weeks: "6-8 wk check", "the 6-8
		 * week review") */
		return t->ndig <= 2 && !(t->f & F_ORD) && is_punct(nx, '-') && nx->start == t->end &&
		       b->type == T_NUM && b->start == nx->end && b->ndig <= 2 && !(b->f & F_ORD) &&
		       !is_punct(pr, '/') && !is_punct(pr, '-') && !is_punct(after, '/') &&
		       !is_punct(after, '-') && !(tok_in(sc, after, PL_SPAN_UNIT) && !(after->f & F_BRK));
	}
	if (t->type != T_WORD)
		return 0;
	if (t->cls & C_TPREP)
		return t->id != W_ON && t->id != W_FROM && t->id != W_AROUND && !(nx->f & F_BRK) &&
		       (nx->type == T_NUM || (nx->cls & (C_DAY | C_TIMEW)) ||
			(nx->cls & C_DET && (T(sc, p + 2)->cls & (C_DAY | C_TIMEW))) ||
			/* "during school hours", "outside office hours" */
			(nx->type == T_WORD && is_word(T(sc, p + 2), W_HOURS) &&
			 !(T(sc, p + 2)->f & F_BRK)));
	if (t->id == W_ONLY)
		return (T(sc, p - 1)->cls & (C_DAY | C_TIMEW)) || (nx->cls & (C_DAY | C_TIMEW));
	return t->id == W_LUNCH && is_word(nx, W_BREAK);
}

/*
 * A line of four words or more ending in ':' that opens the sentence with
 * nothing said yet of where she is or of contact ("On Tue 3 Nov at 10:02,
 * J Bloggs wrote:", "IDVA update for MARAC 12/11:"): the statement on the
 * lines after it starts after it, as after a log entry's stamp; its clock
 * is the heading's.
 */
static void heading_cut(struct scan *sc, long p)
{
	if (p - sc->body < 5 || p - sc->body > BACK ||
	    sc->loc_rule != NULL || sc->safe_rule != NULL || sc->routev || sc->via ||
	    sc->every || sc->callw || sc->window || sc->atwork)
		return;
	if (!is_punct(T(sc, p - 1), ':')) {
		/* the note's title on its first line, nothing yet said of where
		 * she is or of contact in it: the statement on the lines after
		 * it starts after it too */
		if (!title_line(sc, sc->body, p))
			return;
	} else {
		int words = 0;
		for (long i = sc->body; i < p - 1; i++)
			words += T(sc, i)->type == T_WORD;
		if (words < 4)
			return;
	}
	sc->body = stamp_end(sc, p); /* and the stamp of the entry after it */
	sc->body_start = T(sc, sc->body)->start;
	sc->clock = 0;
}

/*
 * Is t a word for her or hers: she, her, herself, the victim, IP, V,
 * client, Pt, female, complainant, a kin word that is not his (mum, son
 * ...; not husband, partner, ex), the children, we, they? (his_subject's
 * sentence is about him alone only without one.)
 */
static int her_word(const struct scan *sc, const struct tok *t)
{
	unsigned v = t->id;
	if (v == W_SHE || v == W_SHES || v == W_HER || v == W_VICTIM || v == W_IP || v == W_WE ||
	    v == W_THEY || v == W_CHILDREN || v == W_KIDS || v == W_FEMALE || v == W_FAMILY)
		return 1;
	if ((t->cls & C_KIN) && v != W_EX && v != W_EXPARTNER && v != W_PARTNER &&
	    v != W_BOYFRIEND)
		return 1;
	if (v != W_NONE)
		return 0;
	static const char *const HERS[] = {"v", "client", "pt", "herself", "complainant",
					   "complainer", "caller", "informant", NULL};
	static const uint32_t HERS_FIRST = 1u << ('v' - 'a') | 1u << ('c' - 'a') | 1u << ('p' - 'a') |
	                                   1u << ('h' - 'a') | 1u << ('i' - 'a');
	size_t n = t->end - t->start;
	unsigned c0 = sc->s[t->start] | 0x20; /* most words fail on their first letter */
	if (c0 - 'a' >= 26u || !((1u << (c0 - 'a')) & HERS_FIRST))
		return 0; /* ... and most on one no word of HERS starts with */
	for (const char *const *w = HERS; *w; w++)
		if ((unsigned char)(*w)[0] == c0 && strlen(*w) == n &&
		    strncasecmp((const char *)sc->s + t->start, *w, n) == 0)
			return 1;
	return 0;
}

static void step(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if ((t->f & F_NL) && !(t->f & F_BRK))
		heading_cut(sc, p);
	/* (s19-over: not a kin word after "his": "his mum's" is his kin's) */
	if (t->type == T_WORD && her_word(sc, t) &&
	    !((t->cls & C_KIN) && p > sc->ss && is_word(T(sc, p - 1), W_HIS)))
		sc->she_w = 1;
	if (t->type == T_WORD && t->cls == 0 && t->id == W_NONE) {
		/* most words: no time window starts at one (time_window is 0),
		 * and only a capitalised one can start a street, or end
		 * "approved premises" */
		if ((t->f & F_CAP) || (t->end - t->start == 8 && (t->f & F_LOWER) &&
		                       memcmp(sc->s + t->start, "premises", 8) == 0))
			place_addresses(sc, p);
		return;
	}
	if (t->type != T_WORD && t->type != T_NUM)
		return; /* punctuation: nothing starts here */
	if (time_window(sc, p))
		sc->window = 1;
	if (t->type == T_NUM) {
		if (is_clock(sc, p) && p >= sc->body)
			sc->clock++; /* not the log entry's own time */
		place_addresses(sc, p);
		return;
	}
	if (t->type != T_WORD)
		return;
	uint64_t c = t->cls;
	place_addresses(sc, p);
	place_places(sc, p);
	if (c & C_ADMIT)
		sc->last_admit = p;
	loc_cues(sc, p);
	if (c & (C_PREP | C_PREP2))
		place_town_after_cue(sc, p);
	if (sc->flags & PLACE_F_LOCATION)
		safe_cues(sc, p);
}

int place_scan(const char *s, size_t n, unsigned flags, struct spans *out)
{
	if (n == 0)
		return 0;
	place_lex_init();
	/* On the stack (about 10 KiB): a malloc and free per call was a fifth
	 * of the fixed cost of scrubbing a short field. */
	struct scan scan_state, *sc = &scan_state;
	memset(sc, 0, offsetof(struct scan, ring));
	sc->s = (const unsigned char *)s;
	sc->n = n;
	sc->flags = flags;
	sc->out = out;
	sc->last_cue = sc->last_admit = -1;
	for (long p = 0;; p++) {
		if (sc->nlex <= p + LOOK)
			while (sc->nlex <= p + LOOK + LEX_AHEAD && place_lex_one(sc))
				;
		sc->ntok = sc->nlex < p + LOOK + 1 ? sc->nlex : p + LOOK + 1;
		if (p >= sc->ntok)
			break;
		const struct tok *t = T(sc, p);
		if (t->f & F_BRK)
			flush_sentence(sc, p);
		sc->sent_end = t->end;
		step(sc, p);
		if (sc->rc)
			break;
	}
	if (sc->rc == 0)
		flush_sentence(sc, sc->ntok);
	return sc->rc;
}
