/*
 * place_addr.c: addresses and places for place_scan (place.h).
 *
 * Each recogniser starts at one token and reads a bounded window of the
 * ring (place_int.h); a finding is emitted at once and the tokens it covers
 * are skipped by the recognisers of its sort (skip_addr, skip_place).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "place_int.h"
#include "scrub.h"

/* Recognisers of rare shapes stay out of line: the per-token paths that
 * call them stay small in the instruction cache. */
#define RARE __attribute__((noinline))

/* ---- addresses ------------------------------------------------------------------ */

#define M_NUM   1u /* after a house number: every type, lower case allowed */
#define M_FLAT  2u /* after "Flat 3": every type */
#define M_PREP  4u /* after on/at/in ...: every type */
#define M_PREP2 8u /* after to/from: unambiguous types */
#define M_BARE 16u /* no cue: unambiguous types */

/* Classes a word in a street name must not have. */
#define NAME_STOP (C_DET | C_PRON | C_FUNC | C_CONJ | C_UNIT | C_TITLE | C_ADV | C_TIMEW)

/*
 * A street name and type starting at token q: up to 5 name words then a
 * street (or building) type, the longest such run. Returns the token after
 * the type, or 0.
 */

static long street_at(const struct scan *sc, long q, unsigned mode)
{
	uint64_t types = C_ST | C_SAB;
	if (mode & (M_NUM | M_FLAT | M_PREP))
		types |= C_STA | C_BLD;
	/* "HMP Grange Hall", "HMP Oak House": a prison, named as courts
	 * and prisons are (kept), not a house or a street */
	if (T(sc, q)->id == W_HMP || T(sc, q - 1)->id == W_HMP)
		return 0;
	long best = 0;
	int nname = 0, crt = 0, lower = 0;
	for (long i = q; i < q + 6; i++) {
		const struct tok *w = T(sc, i);
		if (w->type != T_WORD || (i > q && (w->f & F_BLANK)) || (w->f & F_DIGIT))
			break;
		int cap = (w->f & F_CAP) != 0;
		if (!cap && !(mode & M_NUM))
			break;
		if (!cap)
			lower = 1;
		if (nname > 0 && (w->cls & types) && !(w->f & F_POSS)) {
			int ok = 1;
			if ((w->cls & C_SAB) && !(w->cls & (C_ST | C_STA | C_BLD))) {
				/* "St Mary's", "Dr Shah": a saint or a doctor, not a street */
				const struct tok *nx = T(sc, i + 1);
				/* after a house number only St and Dr are ambiguous:
				 * "123 Foxglove Pl Stornoway" is a street and a town */
				if (nx->type == T_WORD && (nx->f & F_CAP) && !(nx->f & F_NL) &&
				    !((w->f & F_UPPER) && (mode & M_NUM)) &&
				    (!(mode & M_NUM) || w->id == W_ST || w->id == W_DR) &&
				    /* s55-never: in capitals a function word after
				     * a street's own abbreviation names nothing
				     * ("MARKER ON ASHBY CRES FOR 3 MONTHS"); not one
				     * that is also a saint, a doctor, a local
				     * authority, a court or a car ("ST", "DR",
				     * "LA", "CT", "VW") */
				    !((w->f & F_UPPER) && (nx->cls & NAME_STOP) &&
				      (w->id == W_RD || w->id == W_AVE || w->id == W_CRES ||
				       w->id == W_CRESC || w->id == W_GDNS || w->id == W_GDN ||
				       w->id == W_TCE || w->id == W_TERR || w->id == W_SQ ||
				       w->id == W_LN || w->id == W_DRV || w->id == W_GRO)))
					ok = 0;
			}
			/* (after a house number a court's name is a street's:
			 * "4 Crown Court, <Town>") */
			if (w->id == W_COURT && crt && !(mode & M_NUM))
				ok = 0;
			/* "ON THE FIELD" in a CAD log: in capitals "The" and an
			 * ambiguous type are no street without a house number */
			if (nname == 1 && is_word(T(sc, q), W_THE) && (w->f & F_UPPER) &&
			    !(w->cls & C_ST) && !(mode & (M_NUM | M_FLAT)))
				ok = 0;
			if (lower && (!(w->cls & (C_ST | C_SAB)) || w->id == W_DRIVE || cap))
				ok = 0;
			/* "at <Town> Civic Hall", "City Hall", "County Hall": the
			 * council's own building, where meetings are held, kept as
			 * agencies' buildings are */
			if (w->id == W_HALL && !(mode & M_NUM) && i > q &&
			    (T(sc, i - 1)->id == W_CITY || T(sc, i - 1)->id == W_TOWN ||
			     T(sc, i - 1)->id == W_COUNTY || word_eq(sc, T(sc, i - 1), "civic")))
				ok = 0;
			if (ok)
				best = i + 1;
		}
		/* is it a name word? */
		if (w->cls & NAME_STOP) {
			if (!(i == q && w->id == W_THE && cap))
				break;
		}
		if (!cap && (w->cls & ~(C_ST | C_STA | C_BLD | C_INSTM | C_SAB)))
			break;
		if (i == q && (w->cls & (C_DAY | C_MON)) && T(sc, q - 1)->type == T_NUM)
			break; /* "12 March" */
		if (w->cls & C_CRT)
			crt = 1;
		nname++;
	}
	/* "Quenby Vale Birth Centre", "Oak Lane Surgery": without a house
	 * number, a street's name with an institution's words after it names
	 * the institution (decided at its own word) */
	if (best && !(mode & (M_NUM | M_FLAT)))
		for (long i = best; i < best + 3; i++) {
			const struct tok *w = T(sc, i);
			/* (in capitals a function word ends the name: "ON ASHBY
			 * CRES BY THE SCHOOL") */
			if (w->type != T_WORD || !(w->f & F_CAP) || (w->f & F_NL) ||
			    (w->cls & NAME_STOP))
				break;
			if (w->cls & (C_INST | C_INSTC | C_HOSP))
				return 0;
			/* "Camberwell Green Magistrates' Court": a court */
			if (w->id == W_COURT && i > best && (T(sc, i - 1)->cls & C_CRT))
				return 0;
		}
	return best;
}

int place_town_word(const struct tok *w)
{
	if (w->type != T_WORD || !(w->f & F_CAP) || (w->f & F_DIGIT))
		return 0;
	if (w->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_NOTPL | C_ADV |
		      C_TITLE | C_UNIT | C_TIMEW | C_KIN | C_ACCOM | C_REFUGE))
		return 0;
	if ((w->f & F_UPPER) && (w->cls & C_CADSTOP))
		return 0;
	return 1;
}

/* A UK postcode at token j ("DN31 2AB", "DN312AB", "ts1 2ab"): the token after it, or 0. */
static long postcode_at(const struct scan *sc, long j)
{
	const struct tok *a = T(sc, j);
	if (a->type != T_WORD)
		return 0;
	const unsigned char *s = sc->s + a->start;
	size_t n = a->end - a->start, k = 0;
	while (k < n && k < 2 && is_alpha(s[k]) && s[k] < 0x80)
		k++;
	if (k == 0 || k >= n || !is_digit(s[k]))
		return 0;
	size_t out_end;
	if (n - k >= 4 && is_digit(s[n - 3]) && is_alpha(s[n - 2]) && is_alpha(s[n - 1]))
		out_end = n - 3; /* glued: DN312AB */
	else
		out_end = n;
	if (out_end - k < 1 || out_end - k > 2)
		return 0;
	for (size_t m = k; m < out_end; m++)
		if (!(is_digit(s[m]) || (m == out_end - 1 && is_alpha(s[m]) && s[m] < 0x80)))
			return 0;
	if (out_end < n)
		return j + 1;
	const struct tok *b = T(sc, j + 1);
	if (b->type != T_NUM || b->end - b->start != 3 || (b->f & F_NL))
		return 0;
	const unsigned char *u = sc->s + b->start;
	if (!is_alpha(u[1]) || !is_alpha(u[2]) || u[1] >= 0x80 || u[2] >= 0x80)
		return 0;
	return j + 2;
}

static int welsh_type(const struct tok *w)
{
	return w->type == T_WORD && (w->f & F_CAP) &&
	       (w->id == W_HEOL || w->id == W_FFORDD || w->id == W_LON || w->id == W_LON2 || w->id == W_LON3 ||
		w->id == W_STRYD || w->id == W_RHODFA || w->id == W_STAD);
}

/*
 * After an address ending before token e: a town (", Grimsby", "\nGrimsby",
 * "in Grimsby", "GRIMSBY" after a CAD address) and a postcode. Returns the
 * new end.
 */
/*
 * Is the line holding byte i a row of comma-separated cells, two or more
 * commas with no space after ("HART Jason,X123456,22 MOOR LANE,HIGH")?
 * Reads the line back from i, at most 512 bytes.
 */
static int csv_row(const struct scan *sc, size_t i)
{
	size_t lo = i > 512 ? i - 512 : 0, glued = 0;
	for (size_t q = i; q > lo && sc->s[q - 1] != '\n'; q--)
		glued += sc->s[q - 1] == ',' && q < sc->n && sc->s[q] != ' ';
	return glued >= 2;
}

/* Is w a postcode district alone, in capitals ("BD16", "M1", "EC1A"), and
 * the end of its line or clause: the outward code after an address's town
 * ("Bingley BD16")? */
static int district_tok(const struct scan *sc, long k)
{
	const struct tok *w = T(sc, k), *z = T(sc, k + 1);
	if (w->type != T_WORD || (w->f & F_NL))
		return 0;
	const unsigned char *c = sc->s + w->start;
	size_t n = w->end - w->start, a = 0, d = 0;
	while (a < n && c[a] >= 'A' && c[a] <= 'Z')
		a++;
	while (a + d < n && c[a + d] >= '0' && c[a + d] <= '9')
		d++;
	if (a < 1 || a > 2 || d < 1 || d > 2 ||
	    !(a + d == n || (a + d + 1 == n && c[n - 1] >= 'A' && c[n - 1] <= 'Z')))
		return 0;
	return z->type == T_END || (z->f & F_NL) ||
	       (z->type == T_PUNCT && strchr(".,;)", z->ch) && z->ch);
}

static long address_tail(const struct scan *sc, long e, int caps)
{
	long k = e;
	int took_caps = 0, town = 0;
	for (int g = 0; g < 4; g++) {
		const struct tok *x = T(sc, k);
		long j = k;
		int sep = 0;
		if (town && district_tok(sc, k)) {
			k++; /* "..., Bingley BD16" */
			break;
		}
		town = 0;
		if (is_punct(x, ',')) {
			j = k + 1, sep = ',';
		} else if ((x->f & F_NL) && !(x->f & F_BLANK)) {
			if (csv_row(sc, T(sc, k - 1)->end) ||
			    place_form_label(sc->s + x->start, sc->n - x->start))
				break; /* a spreadsheet's next row, a form's next label: no town */
			sep = '\n';
		} else if (is_word(x, W_IN)) {
			j = k + 1, sep = 'i';
		}
		long pe = postcode_at(sc, j);
		if (pe) {
			k = pe;
			continue;
		}
		const struct tok *y = T(sc, j);
		if (!sep && g == 0 && district_tok(sc, j)) {
			k = j + 1; /* "12 ELM RIDGE DL3" */
			break;
		}
		if (!sep) {
			if (caps && !took_caps && (y->f & F_UPPER) && !(y->f & F_NL) && place_town_word(y)) {
				k = j + 1, took_caps = 1;
				continue;
			}
			/* "162 Foxglove Road Paisley.", "... Grove Walsall, CF18 6BR": a
			 * town straight after the street, ending the clause */
			long m = 0;
			while (((T(sc, k - 1)->cls & (C_ST | C_STA | C_SAB | C_BLD)) ||
				welsh_type(T(sc, k - 2)) || welsh_type(T(sc, k - 3))) && m < 2 &&
			       place_town_word(T(sc, j + m)) &&
			       !(T(sc, j + m)->f & F_NL))
				m++;
			const struct tok *z = T(sc, j + m);
			if (m > 0 && !took_caps &&
			    (z->type == T_END || (z->type == T_PUNCT && strchr(".,;:)", z->ch)) ||
			     (z->f & F_NL) || postcode_at(sc, j + m) ||
			     (z->type == T_WORD && (z->f & F_LOWER) &&
			      (z->cls & (C_FUNC | C_PREP | C_TPREP | C_CONJ))))) {
				k = j + m, took_caps = 1;
				continue;
			}
			break;
		}
		if (sep != 'i') {
			/* "Rose Cottage, Lime Place": a street after the named house */
			long se = street_at(sc, j, M_PREP);
			if (se > j) {
				k = se;
				continue;
			}
		}
		if (j > k && (y->f & F_BLANK))
			break;
		long m = 0;
		while (m < 3 && place_town_word(T(sc, j + m)) && (m == 0 || !(T(sc, j + m)->f & F_NL)))
			m++;
		if (m == 0 || (T(sc, j + m)->cls & (C_ST | C_STA | C_SAB | C_INST | C_INSTC)))
			break;
		/* a town ends its line or clause: "..., Grimsby." / "\nGrimsby\n", not
		 * "...\nCaller states" */
		const struct tok *z = T(sc, j + m);
		int ends = z->type == T_END || z->type == T_PUNCT || (z->f & F_NL) || postcode_at(sc, j + m);
		if (sep == ',' && z->type == T_WORD && (z->f & F_LOWER) &&
		    (z->cls & (C_FUNC | C_PREP | C_TPREP | C_CONJ)))
			ends = 1; /* "..., Grimsby on Monday" */
		if (!ends && sep != 'i' && !district_tok(sc, j + m))
			break;
		k = j + m;
		town = 1;
	}
	return k;
}

/*
 * A house name before the street at a: "outside Glenview, Marlborough
 * Drive", "is The Old Forge, Heron Avenue": capitalised words after a
 * preposition, "is" or a colon, then a comma. Its first token, or a.
 */
static long house_name(const struct scan *sc, long a)
{
	if (!is_punct(T(sc, a - 1), ',') || (T(sc, a)->f & F_BRK))
		return a;
	long j = a - 2, m = 0;
	while (m < 3 && j - m >= sc->ntok - BACK && place_town_word(T(sc, j - m)) &&
	       !(T(sc, j - m + 1)->f & F_NL && m > 0))
		m++;
	long b = j - m + 1;
	if (m > 0 && is_word(T(sc, b - 1), W_THE))
		b--;
	const struct tok *bd = T(sc, b - 1);
	if (m > 0 && b >= sc->skip_addr &&
	    ((bd->type == T_WORD && (bd->cls & (C_PREP | C_PREP2 | C_BE | C_LOCV))) ||
	     is_punct(bd, ':') || (T(sc, b)->f & F_BRK)))
		return b;
	return a;
}

/* Are the tokens at k and k + 1 an owner and a kin word in capitals
 * ("HIS MOTHERS", "HER MUMS", "THEIR NANS"): whose home an address is? */
static int caps_owner_kin(const struct scan *sc, long k)
{
	const struct tok *own = T(sc, k), *kin = T(sc, k + 1);
	return kin->type == T_WORD && (kin->cls & C_KIN) && (kin->f & F_UPPER) &&
	       (own->f & F_UPPER) && (own->id == W_HIS || own->id == W_HER || own->id == W_THEIR) &&
	       !(kin->f & F_NL);
}

/*
 * A firm or a building named at the start of the line the address is on,
 * a comma before the address ("Tresses by Parm, 22 Alfreton Rd, Radford",
 * a signature's last line): two to six
 * words, capitalised or "by", "of", "the", "and", "&" between them, from
 * the line's start. The address from the line's start then.
 */
static int salutation_line(const struct scan *sc, long i);

static long line_firm(const struct scan *sc, long a)
{
	if (!is_punct(T(sc, a - 1), ',') || (T(sc, a)->f & F_NL))
		return a;
	long k = a - 2, caps = 0;
	while (k >= sc->skip_addr && k >= sc->ntok - BACK && a - 2 - k < 6) {
		const struct tok *w = T(sc, k);
		if (is_punct(w, '&'))
			;
		else if (w->type != T_WORD || (w->cls & (C_NOTPL | C_INST | C_INSTC | C_HOSP | C_CRT)))
			return a; /* "<Name> Police", "Safeguarding ... Unit": a public body's
			           * office, named as agencies are */
		else if ((w->f & F_CAP) && !(w->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_PREP)))
			caps++;
		else if (!(w->f & F_LOWER) || !(w->id == W_BY || w->id == W_OF || w->id == W_THE ||
		                                 w->id == W_AND))
			return a;
		if ((w->f & F_NL) || k == 0)
			return caps >= 1 && a - 1 - k >= 2 && !salutation_line(sc, k) ? k : a;
		k--;
	}
	return a;
}

/* Is w[0..n) a UK road's number: A, B or M and one to four digits ("A629",
 * "B6265", "M62"), "A1(M)" too? */
static int road_number(const unsigned char *w, size_t n)
{
	size_t d = 1;
	if (n >= 5 && memcmp(w + n - 3, "(M)", 3) == 0)
		n -= 3;
	if (n < 2 || n > 5 || !(w[0] == 'A' || w[0] == 'B' || w[0] == 'M'))
		return 0;
	while (d < n && w[d] >= '0' && w[d] <= '9')
		d++;
	return d == n && w[1] != '0';
}

static void emit_address(struct scan *sc, long a, long e, const char *rule)
{
	/* a building named before it: "Rosewood House, 12 Windsor Crescent",
	 * "Rose Cottage\nMain Street" */
	if (is_punct(T(sc, a - 1), ',') || (T(sc, a)->f & F_NL)) {
		long j = is_punct(T(sc, a - 1), ',') ? a - 2 : a - 1;
		int found = 0;
		for (long k = 3; k >= 1; k--) {
			/* on one line: a signature's "Regards\n<Name> Lodge, 12 ..."
			 * names no "Regards Lodge" */
			int nl = 0;
			for (long q = j - k + 1; q <= j && !nl; q++)
				nl = (T(sc, q)->f & F_NL) != 0;
			if (!nl && j - k >= sc->skip_addr && j - k >= sc->ntok - BACK &&
			    street_at(sc, j - k, M_FLAT) == j + 1) {
				a = j - k, found = 1;
				break;
			}
		}
		/* "the Brightwater guesthouse, 12 Holm Parade", "the <Name> Army
		 * hostel, <Street>": a named building with its kind in lower case */
		const struct tok *kind = T(sc, j);
		if (!found && is_punct(T(sc, a - 1), ',') && kind->type == T_WORD &&
		    (kind->f & F_LOWER) && ((kind->cls & C_BLD) || kind->id == W_HOSTEL) &&
		    !(kind->f & F_NL)) {
			long m = 0;
			while (m < 3 && j - 1 - m >= sc->skip_addr && j - 1 - m >= sc->ntok - BACK &&
			       place_town_word(T(sc, j - 1 - m)) && !(T(sc, j - m)->f & F_NL))
				m++;
			if (m > 0)
				a = j - m;
		}
	}
	a = house_name(sc, a);
	a = line_firm(sc, a);
	/* s36-never: the road's number before its name goes with it ("A629
	 * Halifax Rd", "B6265 Skipton Road") */
	if (a - 1 >= sc->skip_addr && a - 1 >= sc->ntok - BACK && !(T(sc, a)->f & F_NL) &&
	    road_number(sc->s + T(sc, a - 1)->start, T(sc, a - 1)->end - T(sc, a - 1)->start) &&
	    T(sc, a - 1)->end < T(sc, a)->start)
		a--;
	/* "TO HIS MOTHERS, 44 <STREET> RD": in a log's capitals, whose home
	 * a numbered address is, said right before it, goes with it (in
	 * lower case "his mum's" stays: a reader sees it is no name) */
	long k = is_punct(T(sc, a - 1), ',') ? a - 2 : a - 1;
	if (caps_owner_kin(sc, k - 1) && T(sc, a)->type == T_NUM && k - 1 >= sc->skip_addr &&
	    k - 1 >= sc->ntok - BACK && !(T(sc, a)->f & F_BLANK))
		a = k - 1;
	int caps = 1;
	for (long i = a; i < e; i++)
		if (T(sc, i)->type == T_WORD && !(T(sc, i)->f & F_UPPER) && T(sc, i)->end - T(sc, i)->start > 1)
			caps = 0;
	e = address_tail(sc, e, caps);
	/* "Site 2, <Street> Road travellers' site": the site's kind after it */
	const struct tok *sk = T(sc, e), *sw = T(sc, e + 1);
	if ((sk->id == W_TRAVELLERS || sk->id == W_TRAVELLER || sk->id == W_CARAVAN) &&
	    (sw->id == W_SITE || sw->id == W_PARK) && !(sk->f & F_NL) && !(sw->f & F_NL))
		e += 2;
	/* "17 <STREET> CLOSE, <TOWN> (HER MUMS)": whose home it is, said
	 * right after it in a log's capitals, goes with it too */
	if (caps && is_punct(T(sc, e), '(') && caps_owner_kin(sc, e + 1) &&
	    is_punct(T(sc, e + 3), ')') && !(T(sc, e + 1)->f & F_NL))
		e += 4;
	emit(sc, T(sc, a)->start, T(sc, e - 1)->end, SCRUB_ADDRESS, rule);
	sc->skip_addr = e;
}

/* Northern street names carry their type as a suffix: Bargate, Wellowgate. */
static int gate_street(const struct scan *sc, const struct tok *w)
{
	size_t n = w->end - w->start;
	return w->type == T_WORD && (w->f & F_CAP) && n >= 6 && w->id == W_NONE &&
	       strncmp((const char *)sc->s + w->end - 4, "gate", 4) == 0;
}

/* "PO Box 4471, Doncaster DN1 9ZZ": where her letters go is how to reach her */
static void try_po_box(struct scan *sc, long p)
{
	const struct tok *u = T(sc, p + 2);
	if (!is_word(T(sc, p + 1), W_BOX) || u->type != T_NUM || u->ndig > 6 || (u->f & F_BRK))
		return;
	emit_address(sc, p, p + 3, "addr:po-box");
}

/*
 * A bare house number after "lives at", "staying at", "two doors down at":
 * "his brother lives at 61a", "a friend two doors down at 103". Not a clock
 * ("lives at 10am"? never; "at 10.30", "at 7pm" are) nor a count.
 */
static int bare_house_number(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1);
	if (!(t->f & F_HOUSE) || !is_word(T(sc, p - 1), W_AT) || (t->f & F_BRK))
		return 0;
	if ((nx->type == T_PUNCT && (nx->ch == '.' || nx->ch == ':' || nx->ch == '/') &&
	     T(sc, p + 2)->type == T_NUM) ||
	    (nx->cls & (C_UNIT | C_MON | C_TIMEW)))
		return 0;
	const struct tok *v = T(sc, p - 2);
	if (v->cls & (C_LOCV | C_KIN))
		return 1; /* "lives at 61a", "the neighbour at 22" */
	if (v->type == T_WORD && (v->f & F_CAP) && !(v->f & (F_NL | F_BRK)) &&
	    (T(sc, p - 3)->cls & C_KIN) && !(v->cls & (C_DAY | C_MON | C_INST | C_VENUE)) &&
	    nx->type == T_WORD && (nx->f & F_CAP) && !(nx->f & (F_NL | F_BRK)))
		return 1; /* "his mother Brenda at 42 Kirkley Run": a relative by name,
			   * then a street's name (not "her sister Amy at 5", a time) */
	return (v->id == W_DOWN || v->id == W_UP || v->id == W_ALONG || v->id == W_AWAY) &&
	       is_word(T(sc, p - 3), W_DOORS);
}

/*
 * A house number and a street's name with no street type, then a comma
 * and a town that ends the clause or is followed by a word in lower case,
 * after a preposition or a living verb: "of 5 Ashvale, Tredegar", "at 3
 * Bryn Stanley, Denbigh". The token after the town, or 0. The number p,
 * the name at q.
 */
static long named_street_town(const struct scan *sc, long p, long q)
{
	const struct tok *t = T(sc, p), *pr = T(sc, p - 1);
	if (t->ndig > 3 || pr->type != T_WORD || (t->f & (F_NL | F_BRK)) ||
	    !(pr->id == W_AT || pr->id == W_OF || pr->id == W_FROM || pr->id == W_TO ||
	      pr->id == W_ATTENDED || pr->id == W_VISITED || (pr->cls & C_LOCV)))
		return 0;
	long m = 0;
	while (m < 2 && place_town_word(T(sc, q + m)) && !(T(sc, q + m)->f & (F_NL | F_BRK)) &&
	       !(T(sc, q + m)->cls & (C_INST | C_INSTC | C_HOSP | C_UNIT)))
		m++;
	if (m == 0 || !is_punct(T(sc, q + m), ',') || (T(sc, q + m + 1)->f & F_NL))
		return 0;
	long k = 0;
	while (k < 2 && place_town_word(T(sc, q + m + 1 + k)) && !(T(sc, q + m + 1 + k)->f & F_NL))
		k++;
	/* the town ends the clause, or a word in lower case goes on ("Mum's
	 * mother <Name> of 5 Ashvale, Tredegar supportive") */
	const struct tok *z = T(sc, q + m + 1 + k);
	if (k == 0 || !(z->type == T_END || z->type == T_PUNCT || (z->f & F_NL) ||
			postcode_at(sc, q + m + 1 + k) || (z->type == T_WORD && (z->f & F_LOWER))))
		return 0;
	return q + m + 1 + k;
}

/* A house number at p followed by a street: the token after the street, or 0. */

static long number_street(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *pr = T(sc, p - 1);
	if (t->type != T_NUM || !(t->f & F_HOUSE))
		return 0;
	/* "...,12/03/1991,14 Tern Walk,...": a CSV row's cell, glued to its
	 * comma (not the thousands of "1,400") */
	int csv = pr->ch == ',' && !(T(sc, p - 2)->type == T_NUM && t->ndig == 3);
	if (pr->type == T_PUNCT && ((!(t->f & F_SP) && !csv) || strchr("#$/", pr->ch)) &&
	    !(pr->ch == '/' && (T(sc, p - 3)->cls & C_FLAT)) &&
	    !(pr->ch == '(' && t->ndig <= 3 && !is_punct(T(sc, p + 1), ',')))
		return 0; /* 8.30, 12/03, #12, "(2017, <Town> Crown Court)"; not
		           * "Flat 3/12 Windsor Road", "(12 Heol y <Name>)" */
	if (pr->type == T_PUNCT && pr->ch == 0xA3)
		return 0;
	if (pr->type == T_WORD && (pr->cls & C_NUMPRE) && !(t->f & F_NL))
		return 0; /* Section 47, Ward 12 */
	if (pr->type == T_NUM && !(t->f & F_NL) && !(T(sc, p - 2)->cls & C_FLAT))
		return 0; /* "3 12 Windsor Road" is no address, "Flat 3 12 Windsor Road" is */
	long q = p + 1;
	if (is_punct(T(sc, q), '-') && T(sc, q + 1)->type == T_NUM && (T(sc, q + 1)->f & F_HOUSE))
		q += 2; /* 12-14 */
	if (is_punct(T(sc, q), ','))
		q++;
	if (T(sc, q)->cls & C_UNIT)
		return 0;
	long e = street_at(sc, q, M_NUM);
	if (e == 0 && gate_street(sc, T(sc, q)))
		e = q + 1;
	if (e == 0 && t->ndig <= 3 && is_word(T(sc, q), W_THE) && (T(sc, q)->f & F_CAP) &&
	    place_town_word(T(sc, q + 1)) && !(T(sc, q + 1)->f & F_NL)) {
		/* "3 The Paddocks", "12 The Maltings": a house number before a
		 * named close is an address whatever the name */
		e = q + 2;
		if (place_town_word(T(sc, e)) && !(T(sc, e)->f & F_NL))
			e++;
	}
	if (e == 0 && welsh_type(T(sc, q)) && T(sc, q + 1)->type == T_WORD && !(T(sc, q + 1)->f & F_NL)) {
		/* "14 Heol Gelli", "89 Heol y Parc", "29 LÔN LAS" */
		e = (T(sc, q + 1)->f & F_CAP) ? q + 2 : 0;
		const struct tok *y = T(sc, q + 1);
		size_t yn = y->end - y->start;
		if (y->type == T_WORD && (sc->s[y->start] | 0x20) == 'y' &&
		    (yn == 1 || (yn == 2 && (sc->s[y->start + 1] | 0x20) == 'r')) &&
		    (T(sc, q + 2)->f & F_CAP))
			e = q + 3;
		else if ((T(sc, q + 2)->f & F_CAP) && place_town_word(T(sc, q + 2)) &&
			 !(T(sc, q + 2)->f & F_NL) && (T(sc, q + 1)->f & F_UPPER) == (T(sc, q + 2)->f & F_UPPER) &&
			 (T(sc, q + 3)->type != T_WORD || (T(sc, q + 3)->f & F_LOWER)))
			e = q + 3; /* "Ffordd Glan Môr" */
	}
	if (e == 0)
		e = named_street_town(sc, p, q);
	return e;
}

/* A CAD log's time at a line's start: four digits HHMM, then a word in
 * capitals ("1925 VEH STOPPED JUNCTION SWANSWELL ST"). */
static int cad_time(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *x = T(sc, p + 1);
	return tok_hhmm(sc, t) && (t->f & F_NL || p == 0) && x->type == T_WORD && (x->f & F_UPPER);
}

static void try_number(struct scan *sc, long p)
{
	long e = number_street(sc, p);
	long a = p;
	/* the time, then words, then a street: the street alone is read at
	 * its own words */
	if (e > p + 3 && cad_time(sc, p))
		return;
	const struct tok *pr = T(sc, p - 1);
	/* s39-over: "Date 18 March 2027, 1400, Middle Engine Lane police
	 * office": a meeting's hour after its date, no house's number */
	if (e > 0 && tok_hhmm(sc, T(sc, p)) && is_punct(pr, ',') &&
	    (T(sc, p - 2)->type == T_NUM || (T(sc, p - 2)->cls & (C_MON | C_DAY))))
		return;
	if (is_punct(pr, '#') && pr->end == T(sc, p)->start && (T(sc, p)->f & F_HOUSE) &&
	    (T(sc, p - 2)->cls & (C_PREP | C_PREP2 | C_LOCV)) && e == 0) {
		/* "a neighbour who lives at #91", "Mrs Khan from #12" */
		emit_address(sc, p - 1, p + 1, "addr:number");
		return;
	}
	if (e == 0 && bare_house_number(sc, p)) {
		/* from "two doors down" when that is how it is given */
		long a2 = p;
		if (is_word(T(sc, p - 3), W_DOORS) && T(sc, p - 4)->type != T_PUNCT &&
		    !(T(sc, p - 3)->f & F_BRK))
			a2 = p - 4;
		/* and a name after it: "lives at 12 Heathfield with ..." */
		long e2 = p + 1, m = 0;
		while (m < 2 && place_town_word(T(sc, e2 + m)) && !(T(sc, e2 + m)->f & (F_NL | F_BRK)))
			m++;
		const struct tok *z = T(sc, e2 + m);
		if (m > 0 && (z->type == T_END || z->type == T_PUNCT || (z->f & (F_NL | F_BRK)) ||
			      (z->type == T_WORD && (z->f & F_LOWER))))
			e2 += m;
		emit(sc, T(sc, a2)->start, T(sc, e2 - 1)->end, SCRUB_ADDRESS, "addr:number");
		sc->skip_addr = e2;
		return;
	}
	if (e == 0)
		return;
	if (is_punct(pr, '.') && (is_word(T(sc, p - 2), W_NO)))
		a = p - 2;
	else if (is_word(pr, W_NO) || is_word(pr, W_NUMBER))
		a = p - 1;
	emit_address(sc, a, e, "addr:number+street");
}

/* Flat 10, 170a Cliff Walk / Flat 3 Rosewood House / Apartment 4B, Quayside Mews */
/* Is w[0..n) a day and a month, "12/01", "3/11" (day 1-31, month 1-12, a
 * part of two digits)? */
static int date_shape(const unsigned char *w, size_t n)
{
	unsigned d = 0, m = 0;
	size_t i = 0;
	while (i < n && w[i] >= '0' && w[i] <= '9')
		d = d * 10 + (unsigned)(w[i++] - '0');
	if (i == 0 || i >= n || w[i] != '/')
		return 0;
	size_t k = ++i;
	while (i < n && w[i] >= '0' && w[i] <= '9')
		m = m * 10 + (unsigned)(w[i++] - '0');
	/* (one digit each side is a Scottish tenement's floor and door: "flat
	 * 2/1", "FLAT 3/1") */
	return i == n && i > k && d >= 1 && d <= 31 && m >= 1 && m <= 12 && (k > 2 || i - k > 1);
}

static void try_flat(struct scan *sc, long p)
{
	long q = p + 1;
	if (is_punct(T(sc, q), '(') && T(sc, q + 1)->type == T_NUM && (T(sc, q + 1)->f & F_HOUSE) &&
	    is_punct(T(sc, q + 2), ')')) {
		/* "the upstairs flat (61a)" */
		emit(sc, T(sc, q + 1)->start, T(sc, q + 1)->end, SCRUB_ADDRESS, "addr:flat");
		sc->skip_addr = q + 3;
		return;
	}
	if (is_punct(T(sc, q), '.') && (T(sc, q + 1)->f & F_NL))
		return; /* "CALL AT THE FLAT.\n03:10 PNC CHECK": a sentence's end, then a log's time */
	if (is_punct(T(sc, q), '.'))
		q++;
	/* "static caravan no. 41": the number after "no." */
	if (T(sc, p)->id == W_CARAVAN && T(sc, q)->id == W_NO) {
		q++;
		if (is_punct(T(sc, q), '.'))
			q++;
	}
	const struct tok *u = T(sc, q);
	int ok = (u->type == T_NUM && u->ndig <= 4 && !(u->f & (F_CLOCK | F_ORD))) ||
		 (u->type == T_WORD && (u->f & F_DIGIT) && u->end - u->start <= 4) ||
		 (u->type == T_WORD && (u->f & F_CAP) && u->end - u->start == 1 && u->id != W_A);
	if (!ok || (T(sc, q + 1)->cls & C_UNIT) || is_punct(T(sc, q - 1), '/'))
		return;
	/* s36-over: "at her flat 12/01, 15/01": a day and a month after it,
	 * when something happened there, not the flat's number */
	if (u->type == T_NUM && u->ndig <= 2 && is_punct(T(sc, q + 1), '/') &&
	    T(sc, q + 2)->type == T_NUM && T(sc, q + 2)->ndig <= 2 &&
	    T(sc, q + 1)->start == u->end && T(sc, q + 2)->start == T(sc, q + 1)->end &&
	    date_shape(sc->s + u->start, T(sc, q + 2)->end - u->start))
		return;
	long e = q + 1, k = e;
	if (is_punct(T(sc, k), ',') || is_punct(T(sc, k), '-') || is_punct(T(sc, k), '/'))
		k++;
	long r = number_street(sc, k);
	if (r == 0)
		r = street_at(sc, k, M_FLAT);
	if (r == 0 && T(sc, k)->type == T_NUM && (T(sc, k)->f & F_HOUSE)) {
		/* after "Flat 1," a number is a house number whatever the street is called */
		long m = 0;
		while (m < 3 && place_town_word(T(sc, k + 1 + m)) && !(T(sc, k + 1 + m)->f & F_NL))
			m++;
		if (m)
			r = k + 1 + m;
	}
	if (r)
		e = r;
	else if (T(sc, p)->id == W_CARAVAN) {
		/* its row and its park after commas: ", Willow row, <Name>
		 * Cliffs holiday park" (two parts at most, each opening with a
		 * capital, five words at most, on the line, ending in a site's
		 * word: not ", Dad said") */
		static const char *const SITE_END[] = {"row", "park", "site", "lane", "road", "close",
						       "way", "farm", "bay", "field", "fields", "sands",
						       "meadow", "meadows", "village", NULL};
		for (int part = 0; part < 2 && is_punct(T(sc, e), ',') &&
				   T(sc, e + 1)->type == T_WORD && (T(sc, e + 1)->f & F_CAP) &&
				   !(T(sc, e + 1)->f & F_NL);
		     part++) {
			long k2 = e + 1, m = 0;
			while (m < 5 && T(sc, k2)->type == T_WORD && !(T(sc, k2)->f & F_NL))
				k2++, m++;
			int site = 0;
			for (int x = 0; SITE_END[x] && !site; x++)
				site = word_eq(sc, T(sc, k2 - 1), SITE_END[x]);
			if ((m == 5 && T(sc, k2)->type == T_WORD) || !site)
				break;
			e = k2;
		}
	} else if (T(sc, p)->id == W_UNIT || T(sc, p)->id == W_UNED || T(sc, p)->id == W_SITE)
		return; /* "Unit 3" alone: a police unit as often as a flat; "Site 2"
			 * alone: a part of a hospital or a works */
	emit_address(sc, p, e, "addr:flat");
}

/* "at number 12", "No. 12 Windsor Road" */
static void try_number_word(struct scan *sc, long p)
{
	long q = p + 1;
	if (is_punct(T(sc, q), '.'))
		q++;
	const struct tok *u = T(sc, q);
	if (u->type != T_NUM || !(u->f & F_HOUSE) || (T(sc, q + 1)->cls & C_UNIT))
		return;
	long e = number_street(sc, q);
	if (e) {
		emit_address(sc, p, e, "addr:number+street");
		return;
	}
	const struct tok *pr = T(sc, p - 1);
	if (pr->type == T_WORD &&
	    (pr->id == W_AT || pr->id == W_FROM || pr->id == W_TO || pr->id == W_OF || pr->id == W_IN ||
	     pr->id == W_OUTSIDE || pr->id == W_OPPOSITE || pr->id == W_NEAR || pr->id == W_LIVES ||
	     pr->id == W_LIVING || (pr->cls & C_KIN) ||
	     /* s52-never: a log's "ATTEND NO 4 REAR VIA LANE" */
	     pr->id == W_ATTEND || pr->id == W_ATTENDED))
		emit_address(sc, p, q + 1, "addr:number");
	/* "Neighbour Mrs Hale (no. 14) has a key": a person's house number in
	 * brackets after the name */
	else if (is_punct(pr, '(') && is_punct(T(sc, q + 1), ')') && T(sc, p - 2)->type == T_WORD &&
		 ((T(sc, p - 2)->f & F_CAP) || T(sc, p - 2)->id == W_DOWN || T(sc, p - 2)->id == W_UP ||
		  T(sc, p - 2)->id == W_DOOR || T(sc, p - 2)->id == W_DOORS || (T(sc, p - 2)->cls & C_KIN)))
		emit_address(sc, p, q + 1, "addr:number");
	/* "3 doors down (no 23)", and after the name inside the bracket: "a
	 * neighbour (Mrs Hale, No. 8) heard": the house after a person */
	else if (is_punct(pr, ',') && is_punct(T(sc, q + 1), ')') && T(sc, p - 2)->type == T_WORD &&
		 (T(sc, p - 2)->f & (F_CAP | F_UPPER)) &&
		 (is_punct(T(sc, p - 3), '(') || is_punct(T(sc, p - 4), '(') ||
		  (is_punct(T(sc, p - 5), '(') && (T(sc, p - 4)->cls & C_TITLE))))
		emit_address(sc, p, q + 1, "addr:number");
	/* s52: after where a neighbour lives from hers, then a comma ("ran to
	 * <Name> next door, number 16", "two doors down, no. 14", "the
	 * house opposite, number 9") */
	else if (is_punct(pr, ',') &&
		 (T(sc, p - 2)->id == W_DOOR || T(sc, p - 2)->id == W_DOORS || T(sc, p - 2)->id == W_OPPOSITE ||
		  ((T(sc, p - 2)->id == W_DOWN || T(sc, p - 2)->id == W_UP) &&
		   (T(sc, p - 3)->id == W_DOORS || T(sc, p - 3)->id == W_DOOR))))
		emit_address(sc, p, q + 1, "addr:number");
	/* House-to-house enquiries, one house a line: "- No. 12: occupant
	 * saw ...", "No. 7 opposite: no reply": the house is where someone
	 * lives, on the street the note is about */
	else if (((T(sc, p)->f & (F_NL | F_BRK)) || (is_punct(pr, '-') && (pr->f & (F_NL | F_BRK)))) &&
		 (is_punct(T(sc, q + 1), ':') ||
		  (T(sc, q + 1)->id == W_OPPOSITE && is_punct(T(sc, q + 2), ':'))))
		emit_address(sc, p, T(sc, q + 1)->id == W_OPPOSITE ? q + 2 : q + 1, "addr:number");
}

/*
 * s38: a neighbour's home named in the bracket after them, then where it
 * is from hers ("Mrs <Name> (Pant-y-Dwr, next farm) rang 101", "(Ty
 * Gwyn, next door)", "(The Laurels, opposite)"): one to four capitalised
 * words (hyphens between), a comma, then "next farm", "next door",
 * "opposite", "over the road", "across the road". The name is the
 * address; p is the '('.
 */
static void neighbour_dwelling(struct scan *sc, long p)
{
	long a = p + 1, k = a, words = 0;
	while (words < 4 && !(T(sc, k)->f & F_NL)) {
		const struct tok *x = T(sc, k);
		if (x->type == T_WORD && (x->f & (F_CAP | F_UPPER)) &&
		    !(x->cls & (C_TITLE | C_DAY | C_MON | C_PRON | C_KIN)))
			k++, words++;
		else if (words > 0 && (is_punct(x, '-') || (x->type == T_WORD && (x->f & F_LOWER) &&
							      x->end - x->start <= 3 &&
							      is_punct(T(sc, k - 1), '-'))))
			k++; /* "Pant-y-Dwr": a hyphen, a short word between */
		else
			break;
	}
	if (words == 0 || !is_punct(T(sc, k), ',') || (T(sc, k + 1)->f & F_NL))
		return;
	const struct tok *u = T(sc, k + 1), *v = T(sc, k + 2);
	int rel = (word_eq(sc, u, "next") && (word_eq(sc, v, "farm") || word_eq(sc, v, "door") ||
					      word_eq(sc, v, "house"))) ||
		  word_eq(sc, u, "opposite") ||
		  ((word_eq(sc, u, "over") || word_eq(sc, u, "across")) && word_eq(sc, v, "the") &&
		   word_eq(sc, T(sc, k + 3), "road"));
	if (rel)
		emit_address(sc, a, k, "addr:neighbour-home");
}

/*
 * Where a relative or a named person lives, named by its town or district:
 * "her sister Ada Obi in Peckham (tel ...)", "Mrs Rao of Old Swan": at
 * "in" after a kin word and one to three name words, or "in" or "of" after
 * a title and a name; up to three town words
 * that end the clause. Not an institution or a street (found as such),
 * not "of Greater Manchester Police" (the clause goes on), not a short
 * capitals code ("DS Khan of CID") unless the note is in capitals.
 */
static void try_kin_town(struct scan *sc, long p)
{
	long i = p - 1, names = 0;
	while (names < 3 && T(sc, i)->type == T_WORD && (T(sc, i)->f & F_CAP) &&
	       !(T(sc, i)->cls & (C_KIN | C_TITLE | C_DET | C_NOTPL | C_FUNC | C_PRON)))
		i--, names++;
	const struct tok *c = T(sc, i);
	if (c->type != T_WORD || i < sc->ss)
		return;
	int kin = (c->cls & C_KIN) != 0, title = (c->cls & C_TITLE) && names > 0;
	/* "bailed to his brother's in <District>": a relative's home, named
	 * by the possessive, is a place as a named relative is someone */
	int home = kin && names == 0 && (c->f & F_POSS) && T(sc, p)->id == W_IN &&
		   (T(sc, p - 1) == c);
	/* a named relative: "family in Manchester", "a cousin in Sylhet" name
	 * no one who can be found; "of" only after a title ("Mrs Rao of Old
	 * Swan"): "her uncle Rhodri of Penmaenrhos" reads as where he is from */
	if (!((kin && names > 0 && T(sc, p)->id == W_IN) || title || home))
		return;
	long m = 0;
	while (m < 3 && place_town_word(T(sc, p + 1 + m)) && !(T(sc, p + 1 + m)->f & F_NL) &&
	       (!(T(sc, p + 1 + m)->f & F_UPPER) || (c->f & F_UPPER)))
		m++;
	const struct tok *z = T(sc, p + 1 + m);
	if (m == 0 || (z->type == T_WORD && (z->cls & (C_INST | C_INSTC | C_ST | C_STA | C_SAB |
							  C_BLD | C_HOSP))))
		return;
	if (!(z->type == T_END || (z->type == T_PUNCT && z->ch != '&' && z->ch != '\'') ||
	      (z->f & F_NL) ||
	      (z->type == T_WORD && (z->f & F_LOWER) &&
	       (z->cls & (C_FUNC | C_PREP | C_TPREP | C_CONJ | C_BE)))))
		return;
	emit_address(sc, p + 1, p + 1 + m, "addr:kin-town");
}

static int police_office(const struct scan *sc, long e);

/* "Clough Road custody", "Elm Street police station": a street that names a
 * police station is where officers work, not where anyone lives. */
static int police_station_at(const struct scan *sc, long e)
{
	const struct tok *x = T(sc, e);
	if (x->type != T_WORD || (x->f & F_BRK))
		return 0;
	/* "Etal Lane station", "Clough Road custody": a station named by its
	 * street is a public building, the street no one's address */
	/* "Bishop Street courthouse", "Grey Street police HQ", "Middle
	 * Engine Lane police office": a court or a force's headquarters or
	 * office named by its street, as a station is */
	return x->id == W_CUSTODY || (x->id == W_STATION && (x->f & F_LOWER)) ||
	       (x->id == W_POLICE && (is_word(T(sc, e + 1), W_STATION) ||
				      word_eq(sc, T(sc, e + 1), "office") ||
				      word_eq(sc, T(sc, e + 1), "hq") ||
				      word_eq(sc, T(sc, e + 1), "headquarters"))) ||
	       (x->id == W_FRONT && is_word(T(sc, e + 1), W_COUNTER)) ||
	       word_eq(sc, x, "courthouse") || police_office(sc, e);
}

/* "spoke to PC Murray at Burnett Road office": an office named by its
 * street, an officer named just before in the sentence, is the force's */
static int police_office(const struct scan *sc, long e)
{
	static const char *const COP[] = {"pc", "dc", "ds", "di", "sgt", "insp", "officer", "officers",
					  "police", "oic", "pcso"};
	if (!word_eq(sc, T(sc, e), "office") || !(T(sc, e)->f & F_LOWER))
		return 0;
	for (long k = e - 1; k >= e - 10 && k >= sc->ss && k >= sc->ntok - BACK; k--) {
		const struct tok *w = T(sc, k);
		if (w->type != T_WORD)
			continue;
		for (size_t c = 0; c < sizeof COP / sizeof COP[0]; c++)
			if (word_eq(sc, w, COP[c]))
				return 1;
	}
	return 0;
}


/* "Civic Centre", "Council House", "County Hall", "Town Hall" at token q:
 * the council's own building, public, no one's home */
static int council_building(const struct scan *sc, long q)
{
	const struct tok *w = T(sc, q), *x = T(sc, q + 1);
	return w->type == T_WORD && (w->f & F_CAP) && (x->f & F_CAP) && !(x->f & F_NL) &&
	       (word_eq(sc, x, "centre") || word_eq(sc, x, "house") || word_eq(sc, x, "hall")) &&
	       (word_eq(sc, w, "civic") || word_eq(sc, w, "council") || word_eq(sc, w, "county") ||
		word_eq(sc, w, "town"));
}

/*
 * "Hartlepool probation office, Avenue Road", "Manchester Crown Court
 * (Minshull Street)", "Southwark ABE suite, Lambeth Road": a street after a
 * comma or an opening bracket that follows a court's, a police station's or
 * an agency's office names where that public building stands, no one's
 * home. Reads the three words before p.
 */
static int agency_site_before(const struct scan *sc, long p)
{
	const struct tok *c = T(sc, p - 1), *x = T(sc, p - 2), *w = T(sc, p - 3);
	if (!(is_punct(c, ',') || is_punct(c, '(')) || x->type != T_WORD || (x->f & F_POSS))
		return 0;
	if (is_punct(w, '\'')) /* "Magistrates' Court" */
		w = T(sc, p - 4);
	if (x->id == W_COURT || x->id == W_COURTS) /* a court, not "Grange Court" */
		return w->type == T_WORD && (w->cls & C_CRT);
	if (x->id == W_STATION || word_eq(sc, x, "hq") || word_eq(sc, x, "headquarters"))
		return is_word(w, W_POLICE);
	if (x->id == W_CUSTODY || word_eq(sc, x, "camhs"))
		return 1;
	/* "probation office", "IDVA office", "council offices", "custody
	 * suite", "ABE suite": an agency's word or an acronym before it */
	if (x->id == W_OFFICE || word_eq(sc, x, "offices") || word_eq(sc, x, "suite"))
		return w->type == T_WORD && ((w->cls & C_NOTPL) || (w->f & F_UPPER));
	/* "Leeds Probation, Albion St", "Kent Police, Sandling Road",
	 * "Bradford Council, Britannia House": a public body named by
	 * its own word (not a charity's: a refuge's provider can be
	 * "<Town> Women's Aid, <street>") */
	if (is_punct(c, ',') && (x->f & (F_CAP | F_UPPER)) &&
	    (word_eq(sc, x, "probation") || word_eq(sc, x, "police") || word_eq(sc, x, "council") ||
	     word_eq(sc, x, "constabulary")))
		return 1;
	/* "Civic Centre, Castle Street", "County Hall, Atlantic Wharf" */
	return council_building(sc, p - 3);
}

static void emit_place(struct scan *sc, long a, long e, const char *rule);

/*
 * "the <Name> on <street>": one or two capitalised words after "the" and
 * before the "on" at p name a shop, a pub or a firm (a branch of a chain),
 * not an agency's or a public body's word (C_NOTPL), an institution's
 * (decided at its own word), a day or a month. Returns the token of "the",
 * or 0.
 */
static long shop_on_street(const struct scan *sc, long p)
{
	if (T(sc, p)->id != W_ON)
		return 0;
	long i = p - 1, m = 0;
	while (m < 2 && T(sc, i)->type == T_WORD && (T(sc, i)->f & (F_CAP | F_UPPER)) &&
	       !(T(sc, i)->f & F_NL) &&
	       !(T(sc, i)->cls & (C_NOTPL | C_INST | C_INSTC | C_HOSP | C_DET | C_PRON | C_FUNC | C_DAY |
				  C_MON | C_TITLE | C_KIN | C_ST | C_STA | C_BLD | C_ACCOM | C_REFUGE)))
		i--, m++;
	if (m == 0 || !is_word(T(sc, i), W_THE) || (T(sc, p - 1)->f & F_NL))
		return 0;
	return i;
}

static void try_prep_street(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	unsigned mode = (t->cls & C_PREP) ? M_PREP : M_PREP2;
	if (mode == M_PREP2 && (T(sc, p - 1)->cls & (C_MOVE | C_BE | C_LOCV)))
		mode = M_PREP; /* "moved to Grange Court" */
	long e = street_at(sc, p + 1, mode);
	if (e && police_station_at(sc, e))
		return;
	if (e && council_building(sc, p + 1)) {
		sc->skip_addr = e; /* "at Council House, Corporation St" */
		return;
	}
	/* "the front counter at Clough Road", "custody at Elm Street": the
	 * police station named by its street, the word before the "at" */
	const struct tok *w0 = T(sc, p - 1);
	if (e && (t->id == W_AT || t->id == W_IN) && !(t->f & F_BRK) &&
	    (w0->id == W_COUNTER || w0->id == W_CUSTODY || (w0->id == W_STATION && (w0->f & F_LOWER)))) {
		sc->skip_addr = e; /* nor a bare street at its next word */
		return;
	}
	if (e) {
		emit_address(sc, p + 1, e, "addr:street");
		/* "the <Shop> on <Street>", "the <Pub> on <Road>":
		 * a shop or a firm that the street says which one of */
		long b = shop_on_street(sc, p);
		if (b)
			emit_place(sc, b, e, "place:venue-street");
		return;
	}
	/* "on Kirkgate", "off Briggate": a street named "-gate" (Old Norse
	 * gata, a street) in the North and the Midlands */
	const struct tok *w = T(sc, p + 1);
	size_t wl = w->end - w->start;
	if ((t->id == W_ON || t->id == W_OFF || t->id == W_ALONG) && w->type == T_WORD &&
	    (w->f & F_CAP) && !(w->f & (F_UPPER | F_NL | F_POSS)) && wl >= 6 &&
	    memcmp(sc->s + w->end - 4, "gate", 4) == 0 && !(w->cls & (C_NOTPL | C_DET)) &&
	    !(T(sc, p + 2)->type == T_WORD && (T(sc, p + 2)->f & F_CAP)))
		emit_address(sc, p + 1, p + 2, "addr:street-gate");
}

static void try_bare_street(struct scan *sc, long p)
{
	if (agency_site_before(sc, p))
		return;
	long e = street_at(sc, p, M_BARE);
	if (e && police_station_at(sc, e))
		return;
	if (e) {
		emit_address(sc, p, e, "addr:street");
		return;
	}
	/* "at his mum's, Holly Lodge, <Town>": a named house or street right
	 * after someone's home, read as after "at" */
	const struct tok *kin = T(sc, p - 2);
	if (is_punct(T(sc, p - 1), ',') && kin->type == T_WORD && (kin->f & F_POSS) &&
	    (kin->cls & C_KIN) && !(T(sc, p)->f & F_NL) && (e = street_at(sc, p, M_PREP)) != 0 &&
	    !police_station_at(sc, e)) {
		emit_address(sc, p, e, "addr:kin-house");
		return;
	}
	/* "the Ashdown Court flats", "the Grange Park estate" */
	e = street_at(sc, p, M_PREP);
	if (e && house_name(sc, p) != p) {
		emit_address(sc, p, e, "addr:house+street"); /* "The Old Forge, Coronation Place" */
		return;
	}
	const struct tok *x = T(sc, e);
	if (e && (x->id == W_FLATS || x->id == W_ESTATE || x->id == W_AREA) && (x->f & F_LOWER)) {
		emit_address(sc, p, e, "addr:street");
		return;
	}
	/* "the Bransholme estate", "the Blackbird Leys estate", "the Carterton patch": a named
	 * housing estate is where people live */
	if (is_word(T(sc, p - 1), W_THE) && place_town_word(T(sc, p))) {
		long m = 1;
		if (place_town_word(T(sc, p + 1)) && !(T(sc, p + 1)->f & F_NL))
			m = 2;
		const struct tok *z = T(sc, p + m);
		/* (s48: "SFA on the Carterton patch": a service families' estate, not
		 * "covers the Leeds patch", a worker's area) */
		if ((z->id == W_ESTATE || (z->id == W_PATCH && is_word(T(sc, p - 2), W_ON))) &&
		    (z->f & F_LOWER) && !(z->f & F_NL))
			emit_address(sc, p, p + m + 1, "addr:estate");
	}
}

static int clause_end(const struct tok *z);

/* "moved to Leeds", "refuge space found in Hull": a town after a location cue. */
/* "lives two doors down on", "lives 3 doors up on", "lives a few doors
 * along on", "lives next door on": a where-someone-lives verb (C_LOCV),
 * then how far along the street, before the "on" at p */
static int doors_along(const struct scan *sc, long p)
{
	const struct tok *d = T(sc, p - 1), *w = T(sc, p - 2);
	if (d->id == W_DOOR && w->id == W_NEXT)
		return (T(sc, p - 3)->cls & C_LOCV) != 0;
	if (!(d->id == W_DOWN || d->id == W_UP || d->id == W_ALONG) || !(w->id == W_DOORS || w->id == W_DOOR))
		return 0;
	for (long i = p - 3; i >= p - 5 && i >= sc->ss; i--) {
		const struct tok *x = T(sc, i);
		if (x->type == T_WORD && (x->cls & C_LOCV))
			return i < p - 3;
		if (x->type != T_NUM && !(x->type == T_WORD && (x->f & F_LOWER) && x->end - x->start <= 5))
			return 0;
	}
	return 0;
}

/*
 * "curfew at his mums in batley", "staying at her sisters in wakefield.":
 * typed in lower case, a town the lexicon knows (allow.txt [place]) after
 * "in" at p, right after someone's home (a kinship word, "mums" or "mum's"),
 * ending its clause; not a month or a day ("at her mums in march").
 */
static int lower_town_at_home(const struct scan *sc, long p)
{
	const struct tok *kin = T(sc, p - 1), *w = T(sc, p + 1);
	if (kin->type != T_WORD || !(kin->cls & C_KIN) || w->type != T_WORD ||
	    !(w->f & F_LOWER) || (w->f & F_NL) || w->end - w->start < 4 ||
	    (w->cls & (C_MON | C_DAY | C_NOTPL | C_FUNC)) || !clause_end(T(sc, p + 2)))
		return 0;
	const unsigned char *k = sc->s + kin->end - 1;
	if (!(kin->f & F_POSS) && *k != 's')
		return 0; /* "her mum in ...": the mother, not her home */
	return (lex_classify((const char *)sc->s + w->start, w->end - w->start) & LEX_PLACE) != 0;
}

void place_town_after_cue(struct scan *sc, long p)
{
	if (p < sc->skip_addr)
		return;
	const struct tok *t = T(sc, p);
	/* "on": only right after the cue ("lives on Gipsyville"), or after
	 * how far along it ("lives two doors down on Pinfold") */
	int along = t->id == W_ON && doors_along(sc, p);
	if (!(t->id == W_IN || t->id == W_TO || t->id == W_AT || t->id == W_NEAR || t->id == W_INTO ||
	      (t->id == W_ON && sc->last_cue == p - 1 && (T(sc, p - 1)->cls & C_LOCV)) || along))
		return;
	if (!along && (sc->last_cue < sc->ss || sc->last_cue < 0 || p - sc->last_cue > 8))
		return;
	long m = 0, a = p + 1;
	/* "lives at The Willows": a house's name */
	if (t->id == W_AT && is_word(T(sc, a), W_THE) && (T(sc, a)->f & F_CAP) &&
	    place_town_word(T(sc, a + 1)) && !(T(sc, a + 1)->f & F_NL))
		m = 1;
	while (m < 3 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
		m++;
	if (m == 0 && t->id == W_IN && lower_town_at_home(sc, p))
		m = 1;
	/* "see her once at McDonald's": a chain's branch, no town (shop_branches
	 * reads "<Chain> <Town>") */
	if (m > 0 && (lex_classify((const char *)sc->s + T(sc, a)->start, T(sc, a)->end - T(sc, a)->start) &
	              LEX_SHOP))
		return;
	/* "moved to <Town> Family Centre", "admitted to <Town> General": the
	 * town names the institution after it, not where anyone lives */
	const struct tok *z = T(sc, a + m), *z1 = T(sc, a + m + 1);
	if (m == 0 || (m == 1 && is_word(T(sc, a), W_THE)) || (z->cls & (C_INST | C_INSTC)) ||
	    police_station_at(sc, a + m) || (z->id == W_GENERAL && (z->f & F_CAP)) ||
	    (m >= 2 && T(sc, a + m - 1)->id == W_GENERAL && (T(sc, a + m - 1)->f & F_CAP)) ||
	    ((z->cls & C_INSTM) && (z->f & F_CAP) && !(z1->f & F_NL) && (z1->cls & (C_INST | C_INSTC))))
		return;
	emit_address(sc, a, a + m, "addr:town-after-cue");
	/* "remain at Willowtown and Ebbw Fawr -": the cue covers both */
	long c = a + m;
	if (is_word(T(sc, c), W_AND) && !(T(sc, c + 1)->f & F_NL)) {
		long k = 0;
		while (k < 3 && place_town_word(T(sc, c + 1 + k)) && !(T(sc, c + 1 + k)->f & F_NL))
			k++;
		if (k > 0 && clause_end(T(sc, c + 1 + k)) &&
		    !(T(sc, c + 1 + k)->cls & (C_INST | C_INSTC)))
			emit_address(sc, c + 1, c + 1 + k, "addr:town-after-cue");
	}
}

/*
 * "Her address is Holly Bank, Bingley", "address - Rose Lea": an address
 * label with a name and no number or street type: the capitalised words up
 * to the end of the clause (towns after a comma go with it).
 */
static void try_address_label(struct scan *sc, long p)
{
	long a = p + 1;
	if (is_word(T(sc, a), W_IS))
		a++;
	else if (is_punct(T(sc, a), ':') || is_punct(T(sc, a), '-'))
		a++;
	else
		return;
	if (is_word(T(sc, a), W_THE) && (T(sc, a)->f & F_CAP))
		a++;
	/* "Address: No Fixed Abode", "Bail address: TBC": no place */
	if (T(sc, a)->id == W_NO)
		return;
	long m = 0;
	while (m < 3 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
		m++;
	if (m == 1 && (T(sc, a)->f & F_UPPER) && T(sc, a)->end - T(sc, a)->start <= 4)
		return;
	const struct tok *z = T(sc, a + m);
	if (m == 0 || (z->type == T_WORD && !(z->f & F_NL) && !(z->cls & (C_FUNC | C_CONJ | C_PREP))))
		return;
	long e = a + m;
	if (is_word(T(sc, a - 1), W_THE))
		a--;
	emit_address(sc, a, e, "addr:label");
}

/* ---- places ------------------------------------------------------------------------ */

/*
 * After a firm or workplace ending at token last: ", Goole", ", Selly Oak",
 * ", Hortonwood 7" (an estate and its unit), ", Bullring, Birmingham" say
 * which branch, when they end the clause (a closing bracket, a full stop, a
 * line end, a lower-case function word). Returns the new end (last when
 * nothing follows).
 */
static int part_word(const struct tok *t);
static int branch_word(const struct tok *t);

static long trailing_town(struct scan *sc, long last)
{
	long e = last;
	for (int g = 0; g < 2 && is_punct(T(sc, e), ',') && !(T(sc, e + 1)->f & (F_BRK | F_BLANK)); g++) {
		/* a hard line break after the comma goes on with the clause
		 * ("(<Firm>,\n<Town>)"), but a line of its own is a label's
		 * ("...,\nGP: known") */
		int nl = (T(sc, e + 1)->f & F_NL) != 0;
		long m = 0;
		while (m < 3 && place_town_word(T(sc, e + 1 + m)) &&
		       (!(T(sc, e + 1 + m)->f & F_NL) || (m == 0 && nl)))
			m++;
		if (nl && m > 0 && (is_punct(T(sc, e + 1 + m), ':') || T(sc, e + 1 + m)->type == T_END ||
				    (T(sc, e + 1 + m)->f & F_NL)))
			break;
		if (m == 0)
			break;
		if (T(sc, e + 1 + m)->type == T_NUM && (T(sc, e + 1 + m)->f & F_HOUSE) &&
		    !(T(sc, e + 1 + m)->f & F_NL))
			m++;
		const struct tok *z = T(sc, e + 1 + m), *tw = T(sc, e + 1);
		/* s37-never: the branch's word after its town ("<University>,
		 * Uxbridge campus", "<Firm>, Gorleston site") goes with it */
		if (branch_word(z) && !(z->f & F_NL)) {
			e += 2 + m;
			continue;
		}
		/* (or a known town alone, then any word in lower case: "new
		 * employer <Firm>, Kirkby confirmed hours") */
		if (!(z->type == T_END || (z->type == T_PUNCT && z->ch != '&') || (z->f & F_NL) ||
		      (z->type == T_WORD && (z->f & F_LOWER) &&
		       (z->cls & (C_FUNC | C_PREP | C_TPREP | C_CONJ))) ||
		      (m == 1 && z->type == T_WORD && (z->f & F_LOWER) && !(tw->f & F_UPPER) &&
		       !part_word(z) && !branch_word(z) && !(z->cls & (C_INST | C_VENUE | C_BLD)) &&
		       (lex_classify((const char *)sc->s + tw->start, tw->end - tw->start) &
			LEX_PLACE))))
			break;
		e += 1 + m;
	}
	return e;
}

/* A word naming part of a workplace: a ward, a department, a berth ... */
static int part_word(const struct tok *t)
{
	return t->type == T_WORD &&
	       (t->id == W_WARD || t->id == W_DEPARTMENT || t->id == W_DEPT || t->id == W_UNIT ||
		t->id == W_BERTH || t->id == W_WING || t->id == W_BAY || t->id == W_GATE ||
		t->id == W_SHED || t->id == W_ROOM);
}

/* A lower-case word naming a part or branch of a workplace after its name:
 * "Headington campus", "Primark stockroom", "Cowley plant" */
static int branch_word(const struct tok *t)
{
	return t->type == T_WORD && (t->f & F_LOWER) &&
	       (t->id == W_CAMPUS || t->id == W_SITE || t->id == W_PARISH || t->id == W_STOCKROOM ||
		t->id == W_PLANT || t->id == W_BRANCH || t->id == W_CANTEEN || t->id == W_WING ||
		t->id == W_WARD || t->id == W_DEPOT || t->id == W_STORE || t->id == W_SHOP ||
		t->id == W_OFFICE || t->id == W_WAREHOUSE || t->id == W_KITCHEN || t->id == W_HUB);
}

/* A word that starts with a weekday's three letters and ends there or at a
 * '-': "Mon-Fri", "Tue" (a tokeniser keeps "Mon-Fri" one word) */
static int day_range(const struct scan *sc, const struct tok *t)
{
	static const char days[] = "montuewedthufrisatsun";
	const unsigned char *c = sc->s + t->start;
	size_t n = t->end - t->start;
	if (n < 3 || (n > 3 && c[3] != '-' && !is_alpha(c[3])))
		return 0;
	for (int d = 0; d < 7; d++)
		if ((c[0] | 0x20u) == (unsigned char)days[3 * d] &&
		    (c[1] | 0x20u) == (unsigned char)days[3 * d + 1] &&
		    (c[2] | 0x20u) == (unsigned char)days[3 * d + 2] &&
		    (n == 3 || c[3] == '-' || (t->cls & C_DAY)))
			return 1;
	return 0;
}

/* A capitalised word naming a department: any but a function word, a
 * day or a month */
static int dept_word(const struct tok *t)
{
	return t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && !(t->f & F_DIGIT) &&
	       !(t->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_TITLE));
}

/* Does token z end a clause (as trailing_town asks)? */
static int clause_end(const struct tok *z)
{
	return z->type == T_END || (z->type == T_PUNCT && z->ch != '&') || (z->f & F_NL) ||
	       (z->type == T_WORD && (z->f & F_LOWER) &&
		(z->cls & (C_FUNC | C_PREP | C_TPREP | C_CONJ)));
}

/*
 * After a workplace ending at token last: its town (trailing_town), then the
 * part of it where the person is found, which tells colleagues and a
 * stalker alike where to go: ", Ward 6", ", Ward F", ", Department of Renal
 * Medicine", ", berth 204", ", Headington campus", ", Primark stockroom",
 * ", the Costa" (a shop inside a centre), each ending the clause; then a
 * short bracket of capitalised words naming the unit or the role there
 * ("(HCA)", "(IBERS)", "(Q-Park)"), not a day, a month or a number.
 * Returns the new end.
 */
/* A lower-case word naming a department or a task where someone works
 * ("catering", "outpatients", "desk"): on the same line, no function,
 * preposition, time or pronoun word, not a day, not a word ending in "ly". */
static int said_verb(const struct scan *sc, const struct tok *x);

static int dept_lower(const struct scan *sc, const struct tok *x)
{
	if (x->type != T_WORD || !(x->f & F_LOWER) || (x->f & (F_NL | F_DIGIT)) ||
	    (x->cls & (C_FUNC | C_PREP | C_PREP2 | C_TPREP | C_CONJ | C_DET | C_PRON | C_TIMEW | C_DAY |
		       C_MON | C_UNIT | C_ADV | C_KIN | C_BE | C_CALL | C_CALLED | C_ABSTRACT)))
		return 0;
	size_t n = x->end - x->start;
	const unsigned char *c = sc->s + x->start;
	/* not "apparently", nor a verb ending the sentence: "<Salon>, rang",
	 * "<Firm>, contacted" */
	return n >= 3 && !(c[n - 2] == 'l' && c[n - 1] == 'y') && !said_verb(sc, x) &&
	       !(n > 4 && c[n - 2] == 'e' && c[n - 1] == 'd');
}


/* North, South, East, West capitalised ("Ward 3 North") */
static int compass_word(const struct scan *sc, const struct tok *t)
{
	return t->type == T_WORD && (t->f & F_CAP) &&
	       (word_eq(sc, t, "north") || word_eq(sc, t, "south") || word_eq(sc, t, "east") ||
		word_eq(sc, t, "west"));
}

static long trailing_branch(struct scan *sc, long last)
{
	long e = trailing_town(sc, last);
	if (is_punct(T(sc, e), ',') && !(T(sc, e + 1)->f & (F_BRK | F_NL))) {
		long a = e + 1, m = 0;
		const struct tok *x = T(sc, a);
		if (part_word(x)) {
			const struct tok *y = T(sc, a + 1);
			if ((y->type == T_NUM || (y->type == T_WORD && (y->f & F_DIGIT) && (y->f & F_UPPER))) &&
			    !(y->f & F_NL)) {
				m = 2; /* "Ward 6", "berth 204", "shed BX4" */
				if (compass_word(sc, T(sc, a + 2)) && !(T(sc, a + 2)->f & F_NL))
					m = 3; /* "Ward 3 North" */
			} else if (x->f & F_LOWER)
				m = 0;
			else if (is_word(y, W_OF) && dept_word(T(sc, a + 2)))
				for (m = 2; m < 6 && dept_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL);
				     m++)
					; /* "Department of Acute Care" */
			else if (y->type == T_WORD && (y->f & (F_CAP | F_UPPER)) && !(y->f & F_NL) &&
				 !(y->cls & (C_DAY | C_MON | C_FUNC | C_DET | C_PRON)))
				m = 2;
		} else if (is_word(x, W_THE) && (x->f & F_LOWER)) {
			while (m < 2 && place_town_word(T(sc, a + 1 + m)) && !(T(sc, a + 1 + m)->f & F_NL))
				m++;
			m = m ? m + 1 : 0;
			if (m > 0 && dept_lower(sc, T(sc, a + m)) && clause_end(T(sc, a + m + 1)))
				m++; /* ", the BBC canteen" */
		} else if (dept_lower(sc, x)) {
			/* ", catering", ", outpatients", ", customer services
			 * desk": the department, in lower case, ending the clause
			 * at a stop, a bracket or a dash (not a list's comma) */
			while (m < 3 && dept_lower(sc, T(sc, a + m)))
				m++;
			const struct tok *z = T(sc, a + m);
			if (!(z->type == T_END || (z->f & F_NL) || is_punct(z, '.') || is_punct(z, ';') ||
			      is_punct(z, ')') || is_punct(z, '-')))
				m = 0;
		} else {
			while (m < 3 && (place_town_word(T(sc, a + m)) ||
					 ((T(sc, a + m)->f & F_UPPER) && T(sc, a + m)->type == T_WORD)) &&
			       !(T(sc, a + m)->f & F_NL))
				m++;
			/* s38: ", Team Valley unit 12": any capitalised words
			 * before a unit's number name its estate */
			if (m == 0) {
				long k = 0;
				while (k < 3 && T(sc, a + k)->type == T_WORD && (T(sc, a + k)->f & F_CAP) &&
				       !(T(sc, a + k)->f & F_NL) &&
				       !(T(sc, a + k)->cls & (C_FUNC | C_DET | C_PRON | C_DAY | C_MON | C_TITLE)))
					k++;
				const struct tok *y = T(sc, a + k), *y2 = T(sc, a + k + 1);
				if (k > 0 && part_word(y) && (y->f & F_LOWER) && !(y->f & F_NL) &&
				    (y2->type == T_NUM || ((y2->f & F_DIGIT) && y2->type == T_WORD)) &&
				    !(y2->f & F_NL) && clause_end(T(sc, a + k + 2)))
					m = k;
			}
			/* "Headington campus"; "Ponswood industrial estate", "Kingsway
			 * retail park": an estate or park after a lower-case word */
			const struct tok *y = T(sc, a + m), *y2 = T(sc, a + m + 1);
			if (m > 0 && branch_word(y) && !(y->f & F_NL))
				m++;
			else if (m > 0 && part_word(y) && (y->f & F_LOWER) && !(y->f & F_NL) &&
				 (y2->type == T_NUM || ((y2->f & F_DIGIT) && y2->type == T_WORD)) &&
				 !(y2->f & F_NL))
				m += 2; /* ", <Estate> unit 12": the unit on the estate */
			else if (m > 0 && dept_lower(sc, y) && (is_punct(y2, '-') || is_punct(y2, ')') ||
							    y2->type == T_END || (y2->f & F_NL)))
				m++; /* ", Stena Line freight - ...": its part in lower case */
			else if (m > 0 && y->type == T_WORD && (y->f & F_LOWER) && !(y->f & F_NL) &&
				 !(y->cls & (C_FUNC | C_PREP | C_CONJ | C_DET | C_PRON)) &&
				 (is_word(y2, W_ESTATE) || is_word(y2, W_PARK)) && (y2->f & F_LOWER))
				m += 2;
			else
				m = 0;
		}
		if (m > 0 && clause_end(T(sc, a + m)))
			e = a + m;
	}
	/* s38: ", mainly in <Area>", ", based in <Town>": where the work is
	 * (the employer's span ends before the comma) */
	if (is_punct(T(sc, e), ',') && T(sc, e + 1)->type == T_WORD && (T(sc, e + 1)->f & F_LOWER) &&
	    !(T(sc, e + 1)->f & (F_BRK | F_NL)) &&
	    (word_eq(sc, T(sc, e + 1), "mainly") || word_eq(sc, T(sc, e + 1), "mostly") ||
	     word_eq(sc, T(sc, e + 1), "usually") || word_eq(sc, T(sc, e + 1), "based") ||
	     word_eq(sc, T(sc, e + 1), "covering")) &&
	    (is_word(T(sc, e + 2), W_IN) || word_eq(sc, T(sc, e + 2), "around") ||
	     word_eq(sc, T(sc, e + 2), "across") || word_eq(sc, T(sc, e + 1), "covering"))) {
		long a = e + 2 + !word_eq(sc, T(sc, e + 1), "covering"), m = 0;
		while (m < 3 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
			m++;
		if (m > 0 && clause_end(T(sc, a + m)))
			/* where she is each working day, as a location: withheld
			 * again wherever else the note names it ("asked if anyone
			 * knows 'Olga from <Area>'") */
			emit(sc, T(sc, a)->start, T(sc, a + m - 1)->end, SCRUB_LOCATION, "place:work-area");
	}
	/* "(Ward 24)", "(Ward 3 North)": the ward in brackets */
	if (is_punct(T(sc, e), '(') && part_word(T(sc, e + 1)) && !(T(sc, e + 1)->f & (F_NL | F_LOWER)) &&
	    T(sc, e + 2)->type == T_NUM && !(T(sc, e + 2)->f & F_NL)) {
		long k = e + 3;
		if (compass_word(sc, T(sc, k)))
			k++;
		if (is_punct(T(sc, k), ')'))
			return k + 1;
	}
	if (is_punct(T(sc, e), '(') && !(T(sc, e + 1)->f & F_NL)) {
		long k = e + 1, words = 0;
		for (; k < e + 6; k++) {
			const struct tok *x = T(sc, k);
			if (is_punct(x, '-') && words > 0 && !(T(sc, k + 1)->f & F_SP))
				continue;
			if (x->type != T_WORD || !(x->f & (F_CAP | F_UPPER)) || (x->f & (F_NL | F_DIGIT)) ||
			    (x->cls & (C_DAY | C_MON | C_FUNC | C_DET | C_PRON | C_TITLE | C_KIN)) ||
			    day_range(sc, x))
				break;
			words++;
		}
		if (words > 0 && words <= 3 && is_punct(T(sc, k), ')'))
			e = k + 1;
	}
	return e;
}

/*
 * An aside in brackets right after a workplace's name saying which part of
 * it: "Farnby College (BTEC/IT)", "Hale Foods (packing, Gate 3)", "Avro
 * (Spirit Aero)": up to eight words, numbers and ',' '/' '&' '-' on the
 * same line, none a pronoun, a verb of being, an agency's word or a
 * weekday. Returns the token after the ')' or last.
 */
RARE static long trailing_aside(const struct scan *sc, long last)
{
	if (!is_punct(T(sc, last), '(') || (T(sc, last)->f & F_NL))
		return last;
	for (long k = last + 1; k < last + 10; k++) {
		const struct tok *x = T(sc, k);
		if (is_punct(x, ')'))
			return k > last + 1 ? k + 1 : last;
		if (x->type == T_END || (x->f & F_NL) ||
		    (x->type == T_PUNCT && x->ch != ',' && x->ch != '/' && x->ch != '&' && x->ch != '-') ||
		    (x->type == T_WORD &&
		     ((x->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE)) || day_range(sc, x) ||
		      /* "(BTEC/IT)": an acronym, not the pronoun */
		      (!(x->f & F_UPPER) && (x->cls & (C_PRON | C_BE | C_TIMEW | C_DET | C_CONJ | C_FUNC))))))
			return last;
	}
	return last;
}

/* Words naming a part of a workplace or institution ("revenues team",
 * "east wing", "ground ops", "Kelsby depot"): sorted, any case. */
static int work_part_word(const struct scan *sc, const struct tok *w)
{
	static const char *const P[] = {
		"admin", "bakery", "branch", "building", "campus", "canteen", "cargo", "crew",
		"crews", "department", "depot", "desk", "dept", "division", "faculty", "floor",
		"garage", "kitchen", "lab", "laboratory", "office", "ops", "pharmacy", "reception",
		"site", "store", "team", "unit", "ward", "warehouse", "wing", "yard",
	};
	size_t n = w->end - w->start;
	if (w->type != T_WORD)
		return 0;
	for (size_t k = 0; k < sizeof P / sizeof P[0]; k++)
		if (strlen(P[k]) == n && strncasecmp((const char *)sc->s + w->start, P[k], n) == 0)
			return 1;
	return 0;
}

/*
 * Where a place's name goes on past the rule that found it: "of" and
 * capitalised words after an institution word ("<Name> University, School
 * of Engineering", "<Name> School of Motoring"); after a comma, the part of
 * it that someone works in, up to four words on the line ending in a word
 * for a part and then the clause ("<Firm>, revenues team, <Hall>", "<Name>
 * Hospital, ward 4", "<Airport>, <Airline> cargo"); a name in brackets
 * right after it. Returns the new end.
 */
RARE static long place_tail(const struct scan *sc, long e)
{
	const struct tok *last = T(sc, e - 1), *x = T(sc, e);
	/* "the <Name> shopping centre (Next)", "a scaffolding firm in <Town>
	 * (<Firm> Scaffolding)": capitalised words alone in brackets after any
	 * place name the firm (trailing_aside, for a workplace, takes more:
	 * numbers, acronyms, lower case; here an acronym is a service's, "Out-
	 * of-hours GP (IC24)", and a common word is no firm's: "(Next)" is) */
	if (is_punct(x, '(') && !(T(sc, e + 1)->f & F_NL)) {
		long k = e + 1;
		while (k < e + 5 && T(sc, k)->type == T_WORD && (T(sc, k)->f & F_CAP) &&
		       !(T(sc, k)->f & (F_UPPER | F_DIGIT | F_NL)) &&
		       !(T(sc, k)->cls & (C_DAY | C_MON | C_TITLE)) && !day_range(sc, T(sc, k)))
			k++;
		if (k > e + 1 && is_punct(T(sc, k), ')'))
			return k + 1;
	}
	if ((last->cls & (C_INST | C_INSTC)) && (last->f & F_CAP) && is_word(x, W_OF) &&
	    !(x->f & F_NL) && place_town_word(T(sc, e + 1)) && !(T(sc, e + 1)->f & F_NL)) {
		long k = e + 1;
		while (k < e + 5 && place_town_word(T(sc, k)) && !(T(sc, k)->f & F_NL))
			k++;
		e = k;
	}
	for (int r = 0; r < 2; r++) {
		if (!is_punct(T(sc, e), ',') || (T(sc, e + 1)->f & F_NL))
			return e;
		long k = e + 1, part = 0;
		for (; k < e + 5; k++) {
			const struct tok *w = T(sc, k);
			if (w->type == T_END || (k > e + 1 && (w->f & F_NL)) ||
			    !(w->type == T_WORD || w->type == T_NUM) ||
			    (w->type == T_WORD &&
			     (w->cls & (C_PRON | C_BE | C_TITLE | C_DAY | C_MON | C_DET | C_CONJ | C_FUNC |
					C_PREP | C_KIN))))
				break;
			if (work_part_word(sc, w))
				part = k + 1;
		}
		const struct tok *z = T(sc, part);
		if (part == 0 || !(z->type == T_END || (z->f & F_NL) || is_punct(z, '.') ||
				   is_punct(z, ',') || is_punct(z, ';') || is_punct(z, ')')))
			return e;
		e = part;
		/* "<Council>, revenues team, Civic Centre": a building after the part */
		if (is_punct(T(sc, e), ',') && (T(sc, e + 1)->f & F_CAP) &&
		    (T(sc, e + 2)->cls & (C_INST | C_INSTC | C_INSTM | C_BLD)) && !(T(sc, e + 2)->f & F_NL) &&
		    !(T(sc, e + 1)->f & F_NL) &&
		    (T(sc, e + 3)->type == T_END || (T(sc, e + 3)->f & F_NL) || is_punct(T(sc, e + 3), '.')))
			return e + 3;
	}
	return e;
}

/* "Act 2023" at token k: the word "Act" capitalised, then a year. */
static int act_year_at(const struct scan *sc, long k)
{
	const struct tok *w = T(sc, k), *y = T(sc, k + 1);
	return w->type == T_WORD && w->end - w->start == 3 &&
	       memcmp(sc->s + w->start, "Act", 3) == 0 && y->type == T_NUM &&
	       y->end - y->start == 4 && !(y->f & F_NL);
}

static void emit_place(struct scan *sc, long a, long e, const char *rule)
{
	e = place_tail(sc, e);
	/* "Domestic Abuse (Scotland) Act 2018": a nation in an Act's
	 * brackets is the Act's name, legislation kept */
	if (a > 0 && is_punct(T(sc, a - 1), '(') && is_punct(T(sc, e), ')') &&
	    T(sc, e + 1)->type == T_WORD && (T(sc, e + 1)->f & F_CAP) &&
	    T(sc, e + 1)->end - T(sc, e + 1)->start == 3 &&
	    strncmp((const char *)sc->s + T(sc, e + 1)->start, "Act", 3) == 0)
		return;
	/* s57: "(Employment Relations (Flexible Working) Act 2023)": a span
	 * that ends in an Act and its year, or comes right before them, is the
	 * Act's name (legislation kept); not a workplace with an Act further
	 * on ("works at <Hospital> under Equality Act 2010 adjustments") */
	if ((e - a >= 3 && act_year_at(sc, e - 2)) || act_year_at(sc, e))
		return;
	emit(sc, T(sc, a)->start, T(sc, e - 1)->end, SCRUB_PLACE, rule);
	sc->skip_place = e;
}

/* A hospital named at token p is where she is (withheld) only with an
 * admission or location cue in its sentence ("admitted to", "on ward 5");
 * otherwise it is where she was seen, a public place, kept. */
static int hosp_admitted(const struct scan *sc, long p)
{
	int admit = sc->last_admit >= sc->ss && sc->last_admit >= 0;
	admit |= sc->last_cue >= sc->ss && sc->last_cue >= 0;
	for (long i = p + 1; i < p + LOOK / 2 && !admit; i++) {
		const struct tok *w = T(sc, i);
		if (w->f & F_BRK)
			break;
		admit = (w->cls & C_ADMIT) || w->id == W_WARD ||
			(word_eq(sc, w, "lounge") && word_eq(sc, T(sc, i - 1), "discharge"));
		/* (s38: "at <Hospital> discharge lounge": a patient there) */
	}
	return admit;
}

/*
 * A GP practice's NHS ODS code in brackets at token e: "(B81067)", "(ODS
 * C84044)": one capital and five digits. Returns the token after the
 * bracket, or 0.
 */
static long ods_code_at(const struct scan *sc, long e)
{
	if (!is_punct(T(sc, e), '('))
		return 0;
	long k = e + 1;
	const struct tok *w = T(sc, k);
	if (w->type == T_WORD && (w->f & F_UPPER) && w->end - w->start == 3 &&
	    (sc->s[w->start] | 0x20) == 'o' && (sc->s[w->start + 1] | 0x20) == 'd' &&
	    (sc->s[w->start + 2] | 0x20) == 's')
		w = T(sc, ++k);
	const unsigned char *c = sc->s + w->start;
	if (w->type != T_WORD || w->end - w->start != 6 || c[0] < 'A' || c[0] > 'Z' ||
	    !is_punct(T(sc, k + 1), ')'))
		return 0;
	for (int i = 1; i < 6; i++)
		if (!is_digit(c[i]))
			return 0;
	return k + 2;
}

/*
 * A practice's ODS code (one capital, five digits) at token p on the same
 * line as, and at most ODS_BACK tokens after, a GP practice's word
 * (surgery, practice, health centre, HCC, MC, doctors), as letterheads
 * write it: "THE <NAME> SURGERY  ·  Y02990". The code names the practice
 * as its name does. Not a code on another line.
 */
#define ODS_BACK 8 /* the practice's name, its town and a separator */

static int ods_after_practice(const struct scan *sc, long p)
{
	const unsigned char *c = sc->s + T(sc, p)->start;
	for (int i = 1; i < 6; i++)
		if (!is_digit(c[i]))
			return 0;
	for (long k = p; k > p - ODS_BACK && k > 0; k--) {
		if (T(sc, k)->f & F_NL)
			return 0;
		const struct tok *w = T(sc, k - 1);
		if (w->type == T_WORD &&
		    (w->id == W_SURGERY || w->id == W_PRACTICE || w->id == W_HC || w->id == W_MC ||
		     w->id == W_HCC || w->id == W_DOCTORS ||
		     (w->id == W_CENTRE && (T(sc, k - 2)->id == W_MEDICAL || T(sc, k - 2)->id == W_HEALTH))))
			return 1;
	}
	return 0;
}

/*
 * An institution word used as a label for its name: "GP: Meddygfa'r Bont",
 * "nursery (Little Acorns, Balby)", "School: Marsh Lane Primary". The name
 * is up to four capitalised words after the colon or inside the brackets
 * (a town after a comma there too), ending its clause; not a title ("GP:
 * Dr Shah" is a person) nor "Year 5".
 */
static void inst_label(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *x = T(sc, p + 1);
	/* "her son's nursery, Tiny Tots on Hall Road, ...": an apposition
	 * after a possessive */
	const struct tok *pr = T(sc, p - 1);
	int appos = x->ch == ',' && (pr->id == W_HER || pr->id == W_THEIR || pr->id == W_HIS ||
				     ((pr->f & F_POSS) && pr->type == T_WORD));
	if (x->type != T_PUNCT || (x->ch != ':' && x->ch != '(' && x->ch != '-' && !appos) ||
	    (T(sc, p + 2)->f & F_BRK))
		return;
	int paren = x->ch == '(';
	long a = p + 2, m = 0;
	/* "been to hospital (Royal Gwent)": where she was seen, kept as a
	 * hospital named before its word is (try_inst) */
	if ((t->cls & C_HOSP) && !hosp_admitted(sc, p))
		return;
	if (T(sc, a)->cls & C_TITLE) {
		/* "GP (Dr Okoro, Riverside)": the doctor, then the practice */
		long c = a + 1;
		while (c < a + 5 && !is_punct(T(sc, c), ',') && T(sc, c)->type == T_WORD)
			c++;
		if (!is_punct(T(sc, c), ','))
			return;
		a = c + 1;
	}
	while (m < 8 && (place_town_word(T(sc, a + m)) ||
			 (paren && m > 0 && is_punct(T(sc, a + m), ',') && place_town_word(T(sc, a + m + 1))) ||
			 /* "GP (Uig and Portree practice)": two places' practice */
			 (paren && m > 0 && is_word(T(sc, a + m), W_AND) && place_town_word(T(sc, a + m + 1))) ||
			 /* "her salon (Aylin Hair & Beauty, ...)" */
			 (m > 0 && is_punct(T(sc, a + m), '&') && place_town_word(T(sc, a + m + 1)))) &&
	       !(T(sc, a + m)->f & F_NL))
		m++;
	const struct tok *z = T(sc, a + m);
	if (paren && m > 0 && (z->f & F_LOWER) && (z->cls & C_INST) && !(z->cls & C_VENUE) &&
	    is_punct(T(sc, a + m + 1), ')'))
		z = T(sc, a + ++m); /* its own word in lower case before the bracket */
	if (m == 0 || z->type == T_NUM)
		return;
	if (paren ? !is_punct(z, ')')
		  : !(z->type == T_END || z->type == T_PUNCT || (z->f & F_NL) ||
		      (z->type == T_WORD && (z->f & F_LOWER))))
		return;
	const char *rule = (t->id == W_GP || t->id == W_SURGERY || t->id == W_PRACTICE ||
			    t->id == W_CLINIC || t->id == W_HEALTHCARE)
				   ? "place:gp"
				   : "place:school";
	/* "GP: Manor Surgery, Headington": the town says which one; "GP:
	 * Oak HCC (B81067)": its code too */
	long e = paren ? a + m : trailing_town(sc, a + m);
	if (rule[6] == 'g' && ods_code_at(sc, e))
		e = ods_code_at(sc, e);
	emit_place(sc, a, e, rule);
}

static int name_like(unsigned lex);

/*
 * Trade words that also end the name of a service or a department
 * ("Campus Security", "Target Hardening Locks", "Refuge Cleaning"): a firm only when a word before it is a proper name, a
 * forename or a word no list knows ("Quayside Security", "Dee Van Hire"),
 * not a common word, an agency's or a brand's.
 */
static int generic_trade(const struct tok *t)
{
	return t->id == W_SECURITY || t->id == W_LOCKS || t->id == W_CLEANING ||
	       t->id == W_STORAGE || t->id == W_HEATING || t->id == W_HIRE || t->id == W_BEAUTY ||
	       t->id == W_CONSTRUCTION || t->id == W_ENGINEERING || t->id == W_ELECTRICAL ||
	       t->id == W_LETTINGS || t->id == W_CATERING || t->id == W_PRODUCE || t->id == W_STAFFING ||
	       t->id == W_RECRUITMENT || t->id == W_SUPPLIES || t->id == W_PROPERTIES;
}

static int proper_before(const struct scan *sc, long b, long p)
{
	for (long i = b; i < p; i++) {
		const struct tok *w = T(sc, i);
		if (w->type == T_WORD && (w->f & (F_CAP | F_UPPER)) &&
		    name_like(lex_classify((const char *)sc->s + w->start, w->end - w->start)))
			return 1;
	}
	return 0;
}

/*
 * "Derbyshire Healthcare", "Walsall Healthcare", "Humber Community
 * Healthcare": an NHS trust named by its county, city or region (a word or
 * phrase of the allow-list that is no common word and no forename) or as a
 * community service, an agency. A GP practice "<Name> Healthcare" is named by
 * its neighbourhood, street or a word of its own ("Riverside", "Beacon",
 * "Elms" are common words): still withheld. p is the "Healthcare". A town
 * known as her location is withheld inside the name later all the same.
 */
static int healthcare_trust(const struct scan *sc, long p)
{
	const struct tok *a = T(sc, p - 1), *b = T(sc, p - 2);
	if (a->type != T_WORD || !(a->f & (F_CAP | F_UPPER)) || (a->f & (F_NL | F_POSS | F_DIGIT)))
		return 0;
	if (a->id == W_COMMUNITY)
		return b->type == T_WORD && (b->f & (F_CAP | F_UPPER)) && !(b->f & F_POSS) &&
		       !(b->cls & (C_DET | C_PRON | C_FUNC | C_TITLE));
	unsigned lex = lex_classify((const char *)sc->s + a->start, a->end - a->start);
	if ((lex & LEX_ALLOW) && !(lex & (LEX_COMMON | LEX_FORENAME)))
		return 1;
	/* a region of two words ("West Country") */
	if (b->type != T_WORD || !(b->f & (F_CAP | F_UPPER)) || (a->f & F_NL))
		return 0;
	lex = lex_classify((const char *)sc->s + b->start, a->end - b->start);
	return (lex & LEX_ALLOW) != 0;
}

/*
 * Whether tokens [j, last) end in an agency the allow-list names: an
 * acronym ("<Town> YOS", "<Town> CMHT") or a phrase of two words ("<Town>
 * Age UK"), not a town or region.
 */
static int agency_tail(const struct scan *sc, long j, long last)
{
	const struct tok *a = T(sc, last - 1);
	if (last - 1 < j || a->type != T_WORD)
		return 0;
	const char *s = (const char *)sc->s;
	/* services, not sites: a hospital's unit ("MRI, AMU") is a workplace */
	static const char *const SERVICE[] = {"YOS", "YOT", "CMHT", "CAMHS", "MASH", "CGL",
					      "DWP", "HMRC", "CPS", "NPS", "HMPPS", "IAPT", NULL};
	if (a->f & F_UPPER)
		for (int i = 0; SERVICE[i]; i++)
			if (word_eq(sc, a, SERVICE[i]))
				return 1;
	const struct tok *b = T(sc, last - 2);
	if (last - 2 < j || b->type != T_WORD || (a->f & F_NL) || !(b->f & (F_CAP | F_UPPER)))
		return 0;
	unsigned lx = lex_classify(s + b->start, a->end - b->start);
	return (lx & LEX_ALLOW) && !(lx & LEX_PLACE) && !(b->cls & C_HOSP) &&
	       (a->f & F_UPPER); /* "Age UK", not "John Radcliffe" */
}


/*
 * A worker's log of where they met her, right before the name at b: "Met at
 * <Name>", "F2F at <Name>", "face to face at <Name>", "Met <Name> at
 * <Name>"; or a professionals' meeting's venue ("Core group meeting
 * 27/11 at <Name>", "Venue: <Name>"). A public library named
 * there is chosen because it is public and no one's (kept, as a community
 * centre is); a library named anywhere else (where she works, goes, escaped
 * to) stays withheld.
 */
static int met_at(const struct scan *sc, long b)
{
	/* a meeting's venue under its label: "Venue <Name> Library", "Venue:
	 * <Name> Library" */
	const struct tok *l = is_punct(T(sc, b - 1), ':') ? T(sc, b - 2) : T(sc, b - 1);
	if ((word_eq(sc, l, "venue") && !(T(sc, b)->f & F_NL)) ||
	    (word_eq(sc, T(sc, b), "venue") && !(T(sc, b + 1)->f & F_NL)))
		return 1; /* (the label read as the name's first word) */
	if (!is_word(T(sc, b - 1), W_AT) || (T(sc, b - 1)->f & F_NL))
		return 0;
	const struct tok *v = T(sc, b - 2);
	if (word_eq(sc, v, "met") || word_eq(sc, v, "f2f") ||
	    (word_eq(sc, v, "face") && is_word(T(sc, b - 3), W_TO) && word_eq(sc, T(sc, b - 4), "face")))
		return 1;
	/* "Met <Name> at <Name> Library": the worker met her there */
	if ((v->f & F_CAP) && !(v->f & F_NL) && word_eq(sc, T(sc, b - 3), "met") &&
	    (T(sc, b - 3)->f & F_NL || T(sc, b - 3)->f & F_BRK || (T(sc, b - 3)->f & F_CAP)))
		return 1;
	/* a professionals' meeting held there: "Core group first meeting
	 * 27/11/2026 at <Name> Library", "strategy meeting at ..." (within six
	 * tokens of the same line) */
	for (long i = b - 2; i >= b - 7 && i >= sc->ss; i--) {
		const struct tok *w = T(sc, i);
		if (w->id == W_MEETING || w->id == W_CONFERENCE || w->id == W_GROUP)
			return 1;
		if ((w->f & (F_NL | F_BRK)) || (w->type == T_WORD && (w->cls & (C_PRON | C_KIN))))
			break;
	}
	return 0;
}

/* St Mary's Primary School, Riverside Medical Centre, Dr Shah's surgery */
/*
 * "Applicant's solicitors: <Firm> LLP": the firm b..p named right after a
 * party's "solicitors" label (a possessive or her, his, their, then
 * "solicitors" and a colon or a comma), or that label itself read as a firm ("Applicant's
 * solicitors" has no firm in it).
 */
/* Is token i on a line that opens with a greeting ("Dear Zoe", "Hi Jo,")? */
static int salutation_line(const struct scan *sc, long i)
{
	long k = i;
	while (k > 0 && k > i - 6 && !(T(sc, k)->f & F_NL))
		k--;
	const struct tok *g = T(sc, k);
	return (g->f & F_NL || k == 0) && g->type == T_WORD &&
	       (word_eq(sc, g, "dear") || word_eq(sc, g, "hi") || word_eq(sc, g, "hello"));
}

/* Is the line ending at token i three tokens or fewer ("Thanks", "Parm",
 * "Kind regards" above a signature's firm): a line of its own, not a
 * paragraph's line wrapped inside a name? */
static int short_line(const struct scan *sc, long i)
{
	long k = i;
	while (k > 0 && k > i - 2 && !(T(sc, k)->f & F_NL))
		k--;
	return (T(sc, k)->f & F_NL) || k == 0;
}

/*
 * s39-over: a firm of solicitors acting in the proceedings, by what the
 * sentence says it does: "prepared by <Firm> Solicitors", "represented
 * by", "<Firm> Solicitors act for / on behalf of" (not where someone works:
 * "a receptionist at <Firm> Solicitors"; "she instructed <Firm>" is left
 * withheld, as the firm's name may be a person's).
 */
static int acting_solicitors(const struct scan *sc, long b, long p)
{
	static const char *const BY[] = {"prepared", "represented", "drafted", "issued", "filed",
					 "lodged", NULL};
	const struct tok *t = T(sc, p), *pr = T(sc, b - 1);
	if (!word_eq(sc, t, "solicitors") && !word_eq(sc, t, "llp"))
		return 0;
	for (int k = 0; is_word(pr, W_BY) && BY[k]; k++)
		if (word_eq(sc, T(sc, b - 2), BY[k]))
			return 1;
	const struct tok *x = T(sc, p + 1), *y = T(sc, p + 2), *z = T(sc, p + 3);
	if (x->f & (F_NL | F_BRK))
		return 0;
	return ((word_eq(sc, x, "act") || word_eq(sc, x, "acts") || word_eq(sc, x, "acting")) &&
		is_word(y, W_FOR)) ||
	       (word_eq(sc, x, "on") && word_eq(sc, y, "behalf") && is_word(z, W_OF));
}

static int party_solicitors(const struct scan *sc, long b, long p)
{
	const struct tok *t = T(sc, p), *w = T(sc, b - 2);
	if (acting_solicitors(sc, b, p))
		return 1;
	if (word_eq(sc, t, "solicitors") && (t->f & F_LOWER) && b == p - 1 &&
	    (T(sc, b)->f & F_POSS))
		return 1;
	if (!is_punct(T(sc, b - 1), ':') && !is_punct(T(sc, b - 1), ','))
		return 0;
	const struct tok *o = T(sc, b - 3);
	return (word_eq(sc, w, "solicitors") || word_eq(sc, w, "solicitor")) &&
	       ((o->f & F_POSS) || is_word(o, W_HER) || is_word(o, W_HIS) || is_word(o, W_THEIR));
}

static void try_inst(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1);
	if (nx->type == T_WORD && (nx->cls & (C_INST | C_INSTC)) && !(nx->f & F_NL))
		return; /* "Primary School": decided at "School" */
	/* s31-over: "GP:" is a form's label, its next column ("Patient:
	 * <Name> <NAME><TAB>GP: <Practice>": tabs are spaces here); the
	 * words before it are the last column's, no practice's name */
	if (t->id == W_GP && is_punct(nx, ':'))
		return;
	if (nx->type == T_WORD && (nx->f & (F_CAP | F_UPPER)) && !(nx->f & F_NL) &&
	    (nx->id == W_HOSPITALS || nx->id == W_TRUST || nx->id == W_FOUNDATION || nx->id == W_NHS))
		return; /* "Oxford University Hospitals", "... College NHS Trust": an agency */
	if ((t->cls & C_INSTC) && !(T(sc, p - 1)->cls & C_INSTM))
		return;
	/* "Building Better Relationships" (a programme), "Building Society":
	 * "Building" names an office only last */
	if (t->id == W_BUILDING && nx->type == T_WORD && (nx->f & (F_CAP | F_UPPER)) && !(nx->f & F_NL))
		return;
	/* "<Board> primary care safeguarding": health's, not a school */
	if (t->id == W_PRIMARY && nx->id == W_CARE && !(nx->f & F_NL))
		return;
	/* "interim education from Virtual School": every council's service for
	 * children in care, no building a child can be found at */
	if (t->id == W_SCHOOL && word_eq(sc, T(sc, p - 1), "virtual") && !(T(sc, p - 1)->f & F_LOWER))
		return;
	if (t->id == W_HEALTHCARE && !(t->f & F_LOWER) && healthcare_trust(sc, p))
		return;
	/* "supervised at Boston Family Centre": a service of the partnership
	 * where contact is supervised, named as agencies are; a children's
	 * centre likewise (where she is seen there, the statement goes) */
	/* "seen at Brayton Community Centre": a public hall, kept as agencies'
	 * and public buildings are, unless someone works there (try_work) */
	if (t->id == W_CENTRE && T(sc, p - 1)->id == W_COMMUNITY && (T(sc, p - 1)->f & F_CAP))
		return;
	/* "Farrowdale Leisure Centre", "Alder Road children's centre": a
	 * council's public building, kept as a community centre is; where she
	 * is seen there, the statement goes (failsafe), and where someone works
	 * there, the workplace (try_work) */
	if (t->id == W_CENTRE && T(sc, p - 1)->id == W_LEISURE)
		return;
	/* "Council Chamber, <Town> Town Hall": the council's own building */
	if (t->id == W_HALL && (T(sc, p - 1)->f & F_CAP) &&
	    (T(sc, p - 1)->id == W_TOWN || T(sc, p - 1)->id == W_CITY ||
	     T(sc, p - 1)->id == W_COUNTY || word_eq(sc, T(sc, p - 1), "civic")))
		return; /* (and City Hall, County Hall, Civic Hall) */
	/* "FGM clinic referral", "done at <Name> Road clinic": a clinic in
	 * lower case after a specialty's acronym or a street is a service's
	 * session or a community clinic, not a GP practice ("<Name> clinic"
	 * alone may be a practice's short name: withheld); where she is seen
	 * there, the statement goes */
	if (t->id == W_CLINIC && (t->f & F_LOWER) &&
	    (((T(sc, p - 1)->f & F_UPPER) && T(sc, p - 1)->end - T(sc, p - 1)->start <= 5) ||
	     ((T(sc, p - 1)->cls & C_ST) && (T(sc, p - 1)->f & F_CAP))))
		return;
	if (t->id == W_CENTRE && (T(sc, p - 1)->id == W_FAMILY || T(sc, p - 1)->id == W_CHILDRENS)) {
		/* but a child's nursery there is where the child is every day */
		int nursery = 0;
		for (long i = p - 2; i >= p - 9 && i >= sc->ss && !nursery; i--)
			nursery = T(sc, i)->id == W_NURSERY || (T(sc, i)->cls & C_ATTEND);
		if (!nursery)
			return;
	}
	/* "Current school: Fernlea Park", "Previous nursery: ...": a word in
	 * lower case names no institution with the word before it; it is a
	 * label for the name after the colon */
	if ((t->f & F_LOWER) && (t->cls & C_INST) && !(t->cls & C_VENUE) && is_punct(nx, ':')) {
		inst_label(sc, p);
		return;
	}
	long b = p;
	int real = 0;
	for (long i = p - 1; i >= p - 7 && i >= sc->ss; i--) {
		const struct tok *w = T(sc, i);
		if (is_punct(w, '&') && (real || (i == p - 1 && (t->cls & C_VENUE))) &&
		    (T(sc, i - 1)->f & F_CAP) && T(sc, i - 1)->type == T_WORD)
			continue; /* "Hughes & Sons Builders", "TW Floors & Tiling" */
		if (is_punct(w, '.') && T(sc, i - 1)->type == T_WORD && (T(sc, i - 1)->f & F_CAP) &&
		    T(sc, i - 1)->end - T(sc, i - 1)->start == 1 && i - 1 >= sc->ss &&
		    /* not an NI number's last letter ("... 56 C. Café staff") */
		    T(sc, i - 2)->type != T_NUM) {
			real = 1, b = i - 1; /* "J.P. Plastering": a firm named by initials */
			i--;
			continue;
		}
		if (w->id == W_E && is_word(T(sc, i - 1), W_OF) && T(sc, i - 2)->end - T(sc, i - 2)->start == 1)
			continue; /* "St Hilda's C of E Primary" */
		if (w->type != T_WORD)
			break;
		/* "Dear Zoe\n<Name>'s solicitors ...": a letter's greeting is
		 * its own line, no part of a name on the next one */
		if ((T(sc, i + 1)->f & F_NL) && (salutation_line(sc, i) || short_line(sc, i)))
			break;
		if (w->cls & C_TITLE) {
			if (real)
				b = i;
			break;
		}
		if (w->cls & C_INSTM) {
			b = i;
			continue;
		}
		if (w->id == W_OF && (T(sc, i + 1)->f & F_CAP))
			continue;
		/* "Crown <Modifier> Practice", "Crown Primary", "Crown Lane
		 * Medical Centre": a court's word names the practice or school
		 * before its modifier or the rest of its name */
		if ((w->cls & C_CRT) && (w->f & F_CAP) && !(w->f & F_UPPER) && i + 1 < p &&
		    ((T(sc, i + 1)->cls & C_INSTM) || real) && !(T(sc, i + 1)->cls & C_CRT)) {
			real = 1, b = i;
			continue;
		}
		/* "Upton Court Primary", "Hill Court Academy": a house's or
		 * street's "Court" inside a school's name, a name word before
		 * it (not "Crown Court", "Family Court": a court's own word) */
		if (w->id == W_COURT && (w->f & F_CAP) && !(w->f & F_UPPER) && !(t->cls & C_VENUE) &&
		    !(t->cls & C_HOSP) && place_town_word(T(sc, i - 1)) && !(T(sc, i - 1)->cls & C_CRT) &&
		    !(T(sc, i)->f & F_NL) && i - 1 >= sc->ss) {
			real = 1, b = i;
			continue;
		}
		if ((w->f & F_CAP) && word_eq(sc, w, "our") && word_eq(sc, T(sc, i + 1), "lady")) {
			real = 1, b = i; /* "Our Lady of Lourdes Primary", "Our Lady's" */
			continue;
		}
		/* s40-never: "Leeds Student Medical Practice": a pupil's or a
		 * student's word capitalised inside a name, a town or a name's
		 * word before it on its line */
		if ((w->cls & C_ATTEND) && (w->f & F_CAP) && !(w->f & F_UPPER) &&
		    !(w->cls & (C_NOTPL | C_KIN)) && place_town_word(T(sc, i - 1)) &&
		    !(T(sc, i - 1)->f & F_UPPER) && !(T(sc, i)->f & F_NL) && i - 1 >= sc->ss &&
		    !(T(sc, i - 1)->cls & (C_ATTEND | C_WORKC | C_ADMIT))) {
			real = 1, b = i;
			continue;
		}
		if ((w->f & F_CAP) && !(w->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_NOTPL | C_DAY |
						   C_MON | C_ATTEND | C_WORKC | C_ADV | C_ADMIT)) &&
		    !((t->f & F_LOWER) && (w->f & (F_BRK | F_NL)) && !(w->f & F_UPPER) &&
		      (lex_classify((const char *)sc->s + w->start, w->end - w->start) & LEX_FUNCTION))) {
			/* (s38-over: not "All farm income", "All school
			 * uniform": a function word opening the sentence
			 * before the word in small letters; "All Saints
			 * School", "Our Lady of Lourdes Primary" are names) */
			real = 1, b = i;
			continue;
		}
		break;
	}
	if (is_word(T(sc, p + 1), W_OF) && place_town_word(T(sc, p + 2)) && (t->f & F_CAP))
		real = 1; /* University of Lincoln */
	if (real && b < p && T(sc, b)->id == W_GP && (T(sc, b)->f & F_UPPER))
		b++; /* "GP Moorland MC": the practice's name after its title */
	/* "PS: ring Jo": a postscript; "HC", "MC" name a centre only after
	 * its name, not inside a reference ("INC PS-2026...") */
	if ((t->id == W_PS || t->id == W_HC || t->id == W_MC) &&
	    (!real || T(sc, p + 1)->type == T_NUM ||
	     (is_punct(T(sc, p + 1), '-') && !(T(sc, p + 1)->f & F_SP)) ||
	     ((T(sc, b)->f & F_UPPER) && T(sc, b)->id != W_GP))) /* (s39: "GP Moorland MC") */
		return;
	if (!real && !(t->cls & (C_INSTC | C_VENUE))) {
		inst_label(sc, p); /* "nursery (Little Acorns)", "Surgery: ..." */
		return;
	}
	if (!real && (t->cls & C_VENUE) && (t->f & F_LOWER) && is_punct(T(sc, p + 1), '(')) {
		inst_label(sc, p); /* "his restaurant (The Spice Room, ...)" */
		return;
	}
	if (!real || b > p)
		return;
	/* "husband <Name> locks her in", "<Name> shops them to police": a
	 * venue's plural in lower case before a person is a verb */
	if ((t->f & F_LOWER) && sc->s[t->end - 1] == 's' && (T(sc, p + 1)->cls & C_PRON) &&
	    (T(sc, p + 1)->f & F_LOWER))
		return;
	if (t->id == W_LIBRARY && met_at(sc, b))
		return;
	/* Hall, Barber, Temple, Kitchen, Church are surnames too ("Kevin HALL"): a
	 * venue only in lower case ("the church hall"), after an institution
	 * word ("Village Hall") or after "the" ("the Damascus Kitchen") */
	/* "bar" and "pub" likewise: "a London bar" on a door is a lock */
	if ((t->id == W_BAR || t->id == W_PUB) && !is_word(T(sc, b - 1), W_THE) &&
	    !is_word(T(sc, b - 1), W_OF) && !is_word(T(sc, b - 1), W_AT))
		return;
	if ((t->id == W_HALL || t->id == W_BARBER || t->id == W_TEMPLE || t->id == W_KITCHEN ||
	     t->id == W_CHURCH) &&
	    !(t->f & F_LOWER) && !(T(sc, p - 1)->cls & C_INSTM) && !is_word(T(sc, b - 1), W_THE))
		return;
	/* "One Stop Shop DA service", "the Hub project": a service's name,
	 * an agency's, not a venue someone is found at */
	if (t->cls & C_VENUE) {
		long k = p + 1;
		if (T(sc, k)->type == T_WORD && (T(sc, k)->f & F_UPPER) && T(sc, k)->end - T(sc, k)->start <= 4)
			k++;
		if (T(sc, k)->id == W_SERVICE || T(sc, k)->id == W_SERVICES || T(sc, k)->id == W_TEAM)
			return;
	}
	if (generic_trade(t) && !proper_before(sc, b, p))
		return;
	/* "Applicant's solicitors: <Firm> LLP", "Respondent's solicitors,
	 * <Firm>": a party's lawyers in the proceedings, under their label,
	 * named as agencies are (a firm anywhere else may be someone's work) */
	if (party_solicitors(sc, b, p))
		return;
	const char *rule = (t->cls & C_VENUE) ? "place:venue" : "place:school";
	/* "the Royal Infirmary cafe": a hospital's, named only where she is */
	int hosp = (t->cls & C_HOSP) != 0;
	for (long i = b; i < p && !hosp && (t->cls & C_VENUE); i++)
		hosp = (T(sc, i)->cls & C_HOSP) != 0;
	if (hosp) {
		if (!hosp_admitted(sc, p))
			return;
		rule = "place:hospital";
	} else if (t->id == W_SURGERY || t->id == W_PRACTICE || t->id == W_CLINIC ||
		   t->id == W_HEALTHCARE || t->id == W_GP || (t->cls & C_INSTC) || t->id == W_HC ||
		   t->id == W_MC || t->id == W_HCC || t->id == W_DOCTORS) {
		rule = "place:gp";
	}
	long e = p + 1;
	if (rule[6] == 'g' && ods_code_at(sc, e))
		e = ods_code_at(sc, e); /* "Newington HCC (B81067)": the practice's code names it too */
	if (is_word(T(sc, e), W_OF) && place_town_word(T(sc, e + 1)))
		for (e += 1; e < p + 5 && place_town_word(T(sc, e)); e++)
			; /* University of Hull */
	if (is_punct(T(sc, e), '&') && !(t->cls & C_HOSP)) {
		/* "Dale Tyre & Exhaust", "Hughes Builders & Sons": the rest of the name */
		long m = 0;
		while (m < 2 && T(sc, e + 1 + m)->type == T_WORD &&
		       (T(sc, e + 1 + m)->f & (F_CAP | F_UPPER)) && !(T(sc, e + 1 + m)->f & F_NL) &&
		       !(T(sc, e + 1 + m)->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_NOTPL | C_TITLE)))
			m++;
		if (m > 0)
			e += 1 + m;
	}
	long k = e;
	if (is_punct(T(sc, k), ',') || is_word(T(sc, k), W_ON))
		k++;
	if (is_word(T(sc, k), W_WARD) && (T(sc, k + 1)->type == T_NUM || (T(sc, k + 1)->f & F_CAP)))
		e = k + 2;
	else if ((is_word(T(sc, e), W_AT) || is_word(T(sc, e), W_IN)) && !(T(sc, e + 1)->f & F_BRK)) {
		/* "the Amazon warehouse at Bradford": the town says which one */
		long m = 0;
		while (m < 3 && place_town_word(T(sc, e + 1 + m)) && !(T(sc, e + 1 + m)->f & F_NL))
			m++;
		if (m > 0)
			e += 1 + m;
	} else if (is_punct(T(sc, e), '(') && (T(sc, e + 1)->f & F_CAP)) {
		/* "Busy Bees Nursery (Oakwood)": the branch names the place;
		 * "Evie's nursery (Little Acorns, Balby)": the name and its town */
		long m = 1;
		while (m < 6 && (place_town_word(T(sc, e + m)) ||
				 (m > 1 && is_punct(T(sc, e + m), ',') && place_town_word(T(sc, e + m + 1)))))
			m++;
		if (m > 1 && is_punct(T(sc, e + m), ')'))
			e += m + 1;
	}
	/* "PREMIER INN RUNCORN, ROOM 118": a hotel's town right after it says
	 * which one */
	if ((t->id == W_INN || t->id == W_HOTEL) && e == p + 1) {
		long m = 0;
		while (m < 2 && place_town_word(T(sc, e + m)) && !(T(sc, e + m)->f & F_NL) &&
		       (T(sc, e + m)->f & (F_CAP | F_UPPER)))
			m++;
		e += m;
	}
	if (!hosp)
		e = trailing_branch(sc, e); /* "Kwik Tyres, Selly Oak", "..., Clifton campus" */
	if (!hosp && rule[6] != 'g')
		e = trailing_aside(sc, e); /* "Farnby College (BTEC/IT)" */
	emit_place(sc, b, e, rule);
}

/*
 * Welsh, Irish and Gaelic schools put the school word first: "Ysgol y Wern",
 * "Gaelscoil na Daróige", "Bun-sgoil Ghàidhlig Inbhir Nis". The name is the
 * capitalised words after it, with the short articles between them.
 */
static void try_prefix_school(struct scan *sc, long p, const char *rule)
{
	long e = p + 1;
	for (int k = 0; k < 6; k++) {
		const struct tok *w = T(sc, e);
		if (w->type != T_WORD || (w->f & F_NL))
			break;
		size_t n = w->end - w->start;
		/* y, yr, an, na, nan, o: only between name words */
		const unsigned char *c = sc->s + w->start;
		unsigned c0 = c[0] | 0x20u, c1 = n > 1 ? c[1] | 0x20u : 0, c2 = n > 2 ? c[2] | 0x20u : 0;
		int art = (n == 1 && (c0 == 'y' || c0 == 'o')) ||
			  (n == 2 && ((c0 == 'y' && c1 == 'r') || (c0 == 'a' && c1 == 'n') ||
				      (c0 == 'n' && c1 == 'a'))) ||
			  (n == 3 && c0 == 'n' && c1 == 'a' && c2 == 'n');
		if (art && (T(sc, e + 1)->f & (F_CAP | F_UPPER)) && !(T(sc, e + 1)->f & F_NL)) {
			e++;
			continue;
		}
		if (w->cls & (C_MON | C_DAY | C_NOTPL | C_FUNC | C_PREP | C_PREP2))
			break;
		if ((w->f & F_CAP) || (w->f & F_UPPER) || sc->s[w->start] >= 0x80) {
			e++;
			continue;
		}
		break;
	}
	/* s41-never: "To: Ysgol Y Ddwylan, Newcastle Emlyn - DSL": the town
	 * says which one (as after "GP: <Surgery>,") */
	if (e > p + 1)
		emit_place(sc, p, trailing_town(sc, e), rule);
}

/* "attends Little Acorns", "pupil at Oakwood" */
static void try_attend(struct scan *sc, long p)
{
	long j = p + 1;
	if (is_word(T(sc, j), W_AT))
		j++;
	/* s39-over: "Education (Pupil Information) Regulations", "Student
	 * Finance": a pupil's or student's school comes after "at" */
	else if ((T(sc, p)->id == W_PUPIL || T(sc, p)->id == W_PUPILS || T(sc, p)->id == W_STUDENT) &&
		 (T(sc, p)->f & F_CAP))
		return;
	long m = 0;
	while (m < 5) {
		const struct tok *w = T(sc, j + m);
		if (w->type != T_WORD || (m > 0 && (w->f & F_NL)))
			break;
		if (is_word(w, W_OF) && m > 0 && (T(sc, j + m + 1)->f & F_CAP)) {
			m++;
			continue;
		}
		if (!(w->f & F_CAP))
			break;
		if (m > 0 && (w->cls & (C_DAY | C_MON)) && !(w->cls & (C_NOTPL | C_TITLE)))
			break; /* "attends Tiny Tots Mon/Tue": the days it is open to her */
		if (w->cls & (C_NOTPL | C_CRT | C_DAY | C_MON | C_TITLE | C_PRON | C_DET | C_FUNC |
			      C_CONJ | C_ACCOM | C_CADSTOP | C_UNIT | C_TIMEW | C_KIN))
			return;
		m++;
	}
	/* "attended A&E at St James's", "attended ED at <Name>": a hospital's
	 * emergency department named by the hospital, not a school */
	if (m > 0 && is_word(T(sc, j - 1), W_AT) && !(T(sc, j - 1)->f & F_NL)) {
		const struct tok *d = T(sc, j - 2);
		if ((word_eq(sc, d, "e") && is_punct(T(sc, j - 3), '&')) || word_eq(sc, d, "ed") ||
		    word_eq(sc, d, "ae") || word_eq(sc, d, "casualty") || word_eq(sc, d, "a&e"))
			return;
	}
	if (m == 1 && (T(sc, j)->f & F_UPPER) &&
	    (word_eq(sc, T(sc, j), "ed") || word_eq(sc, T(sc, j), "ae") ||
	     word_eq(sc, T(sc, j), "a&e") ||
	     (word_eq(sc, T(sc, j), "a") && is_punct(T(sc, j + 1), '&'))))
		return; /* "attended ED at ...": the department, no school */
	/* "attended Glangwili hospital", "attended Etal Lane station": a
	 * hospital or a police station attended, not a school; the hospital
	 * is judged at its own word (try_inst) */
	const struct tok *z = T(sc, j + m);
	if (m > 0 && z->type == T_WORD && !(z->f & F_NL) &&
	    ((z->cls & C_HOSP) || z->id == W_STATION || z->id == W_CUSTODY ||
	     (z->id == W_POLICE && is_word(T(sc, j + m + 1), W_STATION))))
		return;
	/* "attended Norwich probation office", "attending Sheffield\nCrown
	 * Court": the town of a public service's office or of a court, over a
	 * wrapped line too */
	if (m > 0 && z->type == T_WORD &&
	    (((z->cls & C_NOTPL) && !(z->cls & C_KIN)) ||
	     ((z->cls & C_CRT) && is_word(T(sc, j + m + 1), W_COURT))))
		return;
	/* "attends Safer Choices sessions", "attends the Hope course": a
	 * programme, not a school */
	if (m > 0 && z->type == T_WORD && (z->f & F_LOWER) &&
	    (z->id == W_SESSIONS || z->id == W_COURSE || z->id == W_PROGRAMME || z->id == W_GROUP))
		return;
	/* "to attend Building Better Relationships", "attend Freedom
	 * Programme": a course (all its words common ones), not a school */
	if (m > 1 && T(sc, p)->id == W_ATTEND) {
		long k = 0;
		while (k < m && (lex_classify((const char *)sc->s + T(sc, j + k)->start,
					      T(sc, j + k)->end - T(sc, j + k)->start) &
				 LEX_COMMON))
			k++;
		if (k == m)
			return;
	}
	/* "attended North Manchester General": a hospital named by its town */
	if (m > 1 && T(sc, j + m - 1)->id == W_GENERAL)
		return;
	/* "Attending Talking Therapies": a service or programme the lexicon
	 * allows by name (a national one) after attend, not a school (not
	 * "nights at St George's": a hospital as her workplace) */
	if (m > 1 && T(sc, j + m - 1)->end - T(sc, j)->start < 64 &&
	    T(sc, p)->end - T(sc, p)->start >= 6 &&
	    strncasecmp((const char *)sc->s + T(sc, p)->start, "attend", 6) == 0) {
		unsigned lx = lex_classify((const char *)sc->s + T(sc, j)->start,
					   T(sc, j + m - 1)->end - T(sc, j)->start);
		if ((lx & LEX_ALLOW) && !(lx & LEX_PLACE))
			return;
	}
	/* "attends Little Acorns Nursery, Thirsk": the town says which (not
	 * "Leeds Beckett, School of ...": that part is judged at its own word) */
	if (m > 0)
		emit_place(sc, j,
			   (T(sc, j + m + 1)->cls & (C_INST | C_INSTC | C_INSTM)) ? j + m
										: trailing_town(sc, j + m),
			   "place:attends");
}

/* "Y2", "Y11", "Yr4", "yr 10" is a year group; so is "Year 4", "year 10" */
static int year_group_before(const struct scan *sc, long p)
{
	const struct tok *w = T(sc, p), *y = T(sc, p - 1);
	if (w->type == T_NUM && w->end - w->start <= 2 &&
	    (y->id == W_YEAR ||
	     /* s21-never: "Yr 3", "Y 4" */
	     (y->type == T_WORD && y->end - y->start <= 2 && (sc->s[y->start] | 0x20u) == 'y' &&
	      (y->end - y->start == 1 || (sc->s[y->start + 1] | 0x20u) == 'r'))))
		return 1;
	if (w->type != T_WORD || !(w->f & F_DIGIT))
		return 0;
	const unsigned char *c = sc->s + w->start;
	size_t n = w->end - w->start, k = 1;
	if ((c[0] | 0x20u) != 'y')
		return 0;
	if (n > 1 && (c[1] | 0x20u) == 'r')
		k = 2;
	if (n - k < 1 || n - k > 2)
		return 0;
	for (; k < n; k++)
		if (!is_digit(c[k]))
			return 0;
	return 1;
}

/*
 * A bare first name "at" a bare name, the whole clause: "Lily at
 * Greenfields.", "Older child Ayaan at Loxford.", "Yara and Karim at Mount
 * Stuart." A chronology or a meeting's minutes say where each child is at
 * school that way, with no school word. Only when the person starts the
 * sentence (or follows "and" another such name, a kin word or "child") and
 * the one to three name words after "at" end the clause: "Lily at
 * Greenfields with her nan" stays. A child "continues at" a name the same
 * way ("Isla will continue at Cleveden;"). A town is taken too when the
 * shape fires ("Lily at Leeds."): withholding it is the safe error.
 */
/* A forename, or a word no list knows; not a common word ("Refused at
 * Reception." stays) nor an allow-listed one */
static int name_like(unsigned lex)
{
	return !(lex & LEX_ALLOW) && ((lex & LEX_FORENAME) || !(lex & LEX_COMMON));
}

static int bare_name(const struct scan *sc, const struct tok *w)
{
	return w->type == T_WORD && (w->f & F_CAP) && !(w->f & (F_UPPER | F_POSS | F_DIGIT)) &&
	       w->cls == 0 &&
	       name_like(lex_classify((const char *)sc->s + w->start, w->end - w->start));
}

static int named_at_school(const struct scan *sc, long p)
{
	const struct tok *a = T(sc, p - 1);
	int who = 0;
	if (a->id == W_CONTINUE || a->id == W_CONTINUES) {
		who = 1;
	} else if (bare_name(sc, a) && !(T(sc, p)->f & F_NL)) {
		const struct tok *b = T(sc, p - 2);
		if ((a->f & (F_BRK | F_NL)) || is_punct(b, ':'))
			who = 1; /* "Education: Favour at Rosehill." too */
		else if (b->type == T_WORD && (b->f & F_LOWER) && (b->id == W_CHILD || (b->cls & C_KIN)))
			who = 1;
		else if (b->id == W_AND && bare_name(sc, T(sc, p - 3)) && (T(sc, p - 3)->f & (F_BRK | F_NL)))
			who = 1;
	}
	if (!who)
		return 0;
	long m = 0;
	while (m < 3 && place_town_word(T(sc, p + 1 + m)) && !(T(sc, p + 1 + m)->f & F_NL) &&
	       !(T(sc, p + 1 + m)->f & (F_UPPER | F_DIGIT)))
		m++;
	const struct tok *z = T(sc, p + 1 + m);
	return m > 0 && (z->type == T_END || (z->f & F_NL) || is_punct(z, '.') || is_punct(z, ';') ||
			 is_punct(z, ',') || is_punct(z, ')'));
}

/* A saint's name alone after p ("St Oswin's"): not a street ("St John's
 * Road"), nor a named institution (decided at its own word). */
static int saint_alone(const struct scan *sc, long p)
{
	const struct tok *a = T(sc, p + 1), *b = T(sc, p + 2), *c = T(sc, p + 3);
	return a->id == W_ST && (a->f & F_CAP) && (b->f & F_CAP) && (b->f & F_POSS) &&
	       b->type == T_WORD && !(b->f & F_NL) &&
	       !(c->type == T_WORD && (c->cls & (C_INST | C_INSTC | C_INSTM | C_ST | C_STA | C_SAB |
						  C_BLD | C_HOSP)));
}

/*
 * "at" naming a child's school without a school word: after a year group
 * (also in brackets, "(Y4) at", "(Rec) at"; "Yr 3 at")
 * ("Y2 at Chantlers", "in Year 4 at Oakbank"), after a child's age in
 * brackets ("Maya (8) at Hillcrest - school informed"), or a saint's name
 * alone ("her brother at St Aidan's"): a school, a church or a hospital,
 * each a place she or the child is found. Not a street ("at St John's
 * Road"), nor a named institution (decided at its own word).
 */
/* s21-never: "left" (a child "left St Oswin's 03/03": the school left,
 * as "moved from St <Saint>'s" is one) */
static int left_word(const struct scan *sc, const struct tok *t)
{
	return t->type == T_WORD && t->id == W_NONE && t->end - t->start == 4 &&
	       strncasecmp((const char *)sc->s + t->start, "left", 4) == 0;
}

/*
 * s39-never: a titled person, a comma, then a town and "area": "Foster
 * carer: Mrs <Name> <Surname>, Marple area (not disclosed to owner)" is
 * where that person lives, which a placement or a refuge may be. At "area"
 * (p); one or two town words before it, the comma, then at most three
 * capitalised words back to the title.
 */
static void titled_person_area(struct scan *sc, long p)
{
	const struct tok *z = T(sc, p + 1);
	if (z->type == T_WORD && !(z->f & (F_NL | F_BRK)))
		return; /* "Mr <Name>, Leeds area manager": a role */
	long a = p, m = 0;
	while (m < 2 && place_town_word(T(sc, a - 1)) && !(T(sc, a)->f & (F_NL | F_BRK)))
		a--, m++;
	if (m == 0 || !is_punct(T(sc, a - 1), ','))
		return;
	for (long i = a - 2, k = 0; k < 4 && i >= sc->ss; i--, k++) {
		const struct tok *w = T(sc, i);
		if (w->type != T_WORD || (T(sc, i + 1)->f & (F_NL | F_BRK)))
			return;
		if ((w->cls & C_TITLE) && (w->f & F_CAP) && w->id != W_DR) {
			emit_place(sc, a, p, "place:person-area");
			return;
		}
		if (!(w->f & (F_CAP | F_UPPER)))
			return;
	}
}

/*
 * s39-never: does the sentence before token p speak of school ("Wants the
 * kids back in school but not St Michael's as he'd wait there")? Reads at
 * most 16 tokens back, to a full stop or a line's break.
 */
static int school_earlier(const struct scan *sc, long p)
{
	for (long i = p - 1; i >= p - 16 && i >= sc->ss; i--) {
		const struct tok *w = T(sc, i);
		if (is_punct(w, '.') || is_punct(w, ';') || (T(sc, i + 1)->f & F_BRK))
			return 0;
		if (w->type == T_WORD && (w->id == W_SCHOOL || w->id == W_SCHOOLS || w->id == W_NURSERY))
			return 1;
	}
	return 0;
}

/*
 * s21-never: a child's year group in brackets right before "at": "<Child>
 * (Y4) and <Child> (Rec) at <Name>", "(Yr 3) at <Name>". The group is a year
 * group, or Rec, Reception or Nursery, alone in its bracket.
 */
static int bracket_year_before(const struct scan *sc, long p)
{
	if (!is_punct(T(sc, p), ')'))
		return 0;
	const struct tok *g = T(sc, p - 1);
	long o = p - 2; /* the '(' for a one-token group */
	if (g->type == T_NUM && year_group_before(sc, p - 1))
		o = p - 3; /* "(Yr 3)" */
	else if (!year_group_before(sc, p - 1) && g->id != W_RECEPTION && g->id != W_NURSERY &&
		 !(g->type == T_WORD && g->end - g->start == 3 &&
		   strncasecmp((const char *)sc->s + g->start, "rec", 3) == 0))
		return 0;
	return is_punct(T(sc, o), '(');
}

static int school_at(const struct scan *sc, long p)
{
	if (year_group_before(sc, p - 1) || bracket_year_before(sc, p - 1))
		return 1;
	if (is_punct(T(sc, p - 1), ')') && T(sc, p - 2)->type == T_NUM &&
	    T(sc, p - 2)->end - T(sc, p - 2)->start <= 2 && is_punct(T(sc, p - 3), '(') &&
	    (T(sc, p - 4)->f & F_CAP) && T(sc, p - 4)->type == T_WORD)
		return 1;
	return saint_alone(sc, p);
}

/*
 * A school's safeguarding lead named with it in brackets or after a comma:
 * "(DSL, Birchfields)", "Mrs Rowe (SENCO, Oak Lane Juniors)": the school
 * is the words after the comma, up to the bracket or the line's end.
 */
static void role_school(struct scan *sc, long p)
{
	if (!is_punct(T(sc, p + 1), ','))
		return;
	long a = p + 2, m = 0;
	while (m < 4 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
		m++;
	const struct tok *z = T(sc, a + m);
	if (m == 0 || !(is_punct(z, ')') || z->type == T_END || (z->f & F_NL)))
		return;
	emit_place(sc, a, a + m, "place:school-role");
}

/*
 * The school named before its safeguarding lead: "(Ardley Park DSL)",
 * "; Moorside First DSL (Mrs Kay);": one to three capitalised words right
 * before "DSL" or "SENCO", opening a bracket, a list item or a line; not
 * a person (a title before them) nor an agency's words.
 */
RARE static void school_before_role(struct scan *sc, long p)
{
	long a = p, m = 0;
	while (m < 3 && place_town_word(T(sc, a - 1)) && !(T(sc, a)->f & F_NL) &&
	       !(T(sc, a - 1)->f & F_UPPER))
		a--, m++;
	const struct tok *b = T(sc, a - 1);
	if (m == 0 || (b->cls & C_TITLE) ||
	    !(is_punct(b, '(') || is_punct(b, ';') || is_punct(b, ',') || (T(sc, a)->f & (F_NL | F_BRK))))
		return;
	/* "School DSL reports ...", "Primary School SENCO": the kind of
	 * school alone names none */
	long k = a;
	while (k < p && (T(sc, k)->cls & (C_INST | C_INSTM)))
		k++;
	if (k == p)
		return;
	emit_place(sc, a, p, "place:school-role");
}

/*
 * A job and its employer in an aside: "(taxi driver, Streamline Cars, badge
 * 0442)", "(cleaner, Hallam Facilities)": after '(' one or two lower-case
 * words, the last a job ("-er", "-or", "-ist", "-ant", "-ian", nurse,
 * chef), a comma, then up to four capitalised words up to a comma or the
 * bracket. Not an agency's name ("(officer, West Yorkshire Police)").
 */
/* A lower-case word shaped like a job: "-er", "-or", "-ist", "-ant",
 * "-ian", nurse, chef; not kin ("mother") nor a word of class not. */
/* Common jobs whose ending ("-er", "-or", "-ist", "-ant", "-ian") does not
 * say so */
static int other_job(const char *c, size_t n)
{
	static const char *const J[] = {"paramedic", "mechanic", "medic", "midwife", "cook",
					"clerk", "guard", "nanny", "barista", "chemist", "pilot",
					"vet", "housekeeper", "chaplain", "porter", "sous-chef",
					"apprentice", "trainee", "intern", "receptionist", "dentist",
					"surgeon", "physio", "pharmacist", "tutor", "valet",
					/* study is done somewhere as work is */
					"student", "academic", "post-doc", "postdoc", "publican",
					"stonemason", "operative"};
	if (n < 3 || n > 12)
		return 0;
	for (size_t i = 0; i < sizeof J / sizeof J[0]; i++)
		if (J[i][0] == c[0] && strlen(J[i]) == n && strncmp(c, J[i], n) == 0)
			return 1;
	return 0;
}

/* A job's shape in lower-case letters c[0..n): "-er", "-or", "-ist",
 * "-ant", "-ian", "-man" (postman, fisherman: not "woman"), nurse, chef,
 * other_job */
static int job_chars(const char *c, size_t n)
{
	return (n > 4 && ((c[n - 2] == 'e' && c[n - 1] == 'r') || (c[n - 2] == 'o' && c[n - 1] == 'r') ||
			  (c[n - 3] == 'i' && c[n - 2] == 's' && c[n - 1] == 't') ||
			  (c[n - 3] == 'a' && c[n - 2] == 'n' && c[n - 1] == 't') ||
			  (c[n - 3] == 'i' && c[n - 2] == 'a' && c[n - 1] == 'n'))) ||
	       (n > 6 && c[n - 3] == 'm' && c[n - 2] == 'a' && c[n - 1] == 'n') ||
	       (n == 5 && strncmp(c, "nurse", 5) == 0) || (n == 4 && strncmp(c, "chef", 4) == 0) ||
	       other_job(c, n);
}

static int job_word(const struct scan *sc, const struct tok *w, uint64_t not)
{
	/* s32-never: a health or school job by its letters in mixed-case
	 * text ("I'm a HCA on Ward 19 at <Hospital>", "an RGN at <Home>") */
	static const char *const ACRO[] = {"HCA", "RGN", "RMN", "ENP", "ANP", "LSA", "CSA", NULL};
	if (w->type == T_WORD && (w->f & F_UPPER) && !(w->cls & (C_KIN | not)) &&
	    w->end - w->start == 3)
		for (int i = 0; ACRO[i]; i++)
			if (memcmp(sc->s + w->start, ACRO[i], 3) == 0)
				return 1;
	if (w->type != T_WORD || !(w->f & F_LOWER) || (w->cls & (C_KIN | not)))
		return 0;
	return job_chars((const char *)sc->s + w->start, w->end - w->start);
}

/* The same in a log written in capitals: "TAXI DRIVER", "SHOPKEEPER" */
static int job_word_upper(const struct scan *sc, const struct tok *w, uint64_t not)
{
	char c[16];
	size_t n = w->end - w->start;
	if (w->type != T_WORD || !(w->f & F_UPPER) || (w->cls & (C_KIN | not)) || n >= sizeof c)
		return 0;
	for (size_t i = 0; i < n; i++)
		c[i] = (char)tolower(sc->s[w->start + i]);
	return job_chars(c, n);
}

/*
 * An employer in brackets or a list: one to four capitalised words from a
 * up to a ',' or ')', none of them an agency's (C_NOTPL: then nothing),
 * none a determiner, pronoun, day, month, title or kin word.
 */
static void employer_to_comma(struct scan *sc, long a, int aside)
{
	long m = 0;
	while (m < 4) {
		const struct tok *x = T(sc, a + m);
		if (x->type != T_WORD || !(x->f & (F_CAP | F_UPPER)) || (x->f & F_NL) ||
		    (x->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_TITLE | C_KIN)))
			break;
		if (x->cls & C_NOTPL)
			return;
		m++;
	}
	const struct tok *z = T(sc, a + m);
	if (m == 0 || !(is_punct(z, ',') || is_punct(z, ')')))
		return;
	/* "(student nurse, <Hospital>, Ward A)", "(PhD student, <Uni>, Sports
	 * Science lab)": in the job's aside, what follows the employer up to
	 * the bracket says which part of it, where she is found */
	long e = a + m;
	if (aside && is_punct(z, ',')) {
		long k = e + 1;
		while (k < e + 6 && T(sc, k)->type != T_END && !(T(sc, k)->f & F_NL) &&
		       (T(sc, k)->type == T_WORD || T(sc, k)->type == T_NUM || is_punct(T(sc, k), ',')) &&
		       /* not "since May", "for 2 years", "nights": a time */
		       !(T(sc, k)->cls & (C_PRON | C_BE | C_FUNC | C_PREP | C_PREP2 | C_TPREP | C_CONJ |
					  C_DET | C_TIMEW | C_DAY | C_MON | C_UNIT | C_ADV)) &&
		       /* nor an identifier's label: "badge PH 0442" */
		       !((T(sc, k)->f & F_LOWER) && (T(sc, k + 1)->type == T_NUM || (T(sc, k + 1)->f & F_UPPER))))
			k++;
		if (is_punct(T(sc, k), ')') && k > e + 1)
			e = k;
	}
	emit_place(sc, a, e, "place:workplace");
}

/* Words shaped like a job that are not one ("a letter for", "a number for",
 * "an order against"): after "a" they name no employer. */
static int not_job(const struct scan *sc, const struct tok *w)
{
	static const char *const no[] = {"letter", "number", "order",  "member", "paper",
					 "corner", "matter", "answer", "register", "poster",
					 "sticker", "flyer",  "leaflet", "computer", "reminder",
					 "warrant", "tenant", "applicant", "complainant", "defendant",
					 "informant", "occupant", "claimant", "participant", "victim",
					 /* words of other kinds ending so */
					 "under", "after", "never", "either", "neither", "whether", "other",
					 "another", "rather", "later", "together", "further", "water",
					 "weather", "caller", "passenger", "customer"};
	const char *c = (const char *)sc->s + w->start;
	size_t n = w->end - w->start;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strlen(no[i]) == n && strncasecmp(c, no[i], n) == 0)
			return 1;
	return 0;
}

/* "interpreter", "translator" and their kin ("interpreting") */
static int interpreter(const struct scan *sc, const struct tok *w)
{
	const char *c = (const char *)sc->s + w->start;
	size_t n = w->end - w->start;
	return (n >= 9 && strncasecmp(c, "interpret", 9) == 0) || (n >= 8 && strncasecmp(c, "translat", 8) == 0);
}

static void job_aside(struct scan *sc, long p)
{
	long j = p + 1;
	/* "(SHOP OWNER, <FIRM>)": a log in capitals, one or two words */
	if (T(sc, j)->type == T_WORD && (T(sc, j)->f & F_UPPER)) {
		if (T(sc, j + 1)->type == T_WORD && (T(sc, j + 1)->f & F_UPPER))
			j++;
		if (job_word_upper(sc, T(sc, j), C_NOTPL) && !not_job(sc, T(sc, j)) &&
		    is_punct(T(sc, j + 1), ','))
			employer_to_comma(sc, j + 2, 1);
		return;
	}
	/* "(PhD student, ...)", "(HGV driver, ...)": a short abbreviation
	 * before the job */
	if (T(sc, j)->type == T_WORD && (T(sc, j)->f & (F_CAP | F_UPPER)) &&
	    T(sc, j)->end - T(sc, j)->start <= 4 && !(T(sc, j)->cls & (C_TITLE | C_NOTPL | C_DET)) &&
	    T(sc, j + 1)->type == T_WORD && (T(sc, j + 1)->f & F_LOWER) &&
	    is_punct(T(sc, j + 2), ','))
		j++;
	if (T(sc, j)->type != T_WORD || !(T(sc, j)->f & F_LOWER))
		return;
	if (T(sc, j + 1)->type == T_WORD && (T(sc, j + 1)->f & F_LOWER))
		j++;
	const struct tok *w = T(sc, j);
	if (!job_word(sc, w, C_NOTPL) || !is_punct(T(sc, j + 1), ','))
		return;
	if (interpreter(sc, w))
		return; /* "(interpreter, Urdu)": a language */
	employer_to_comma(sc, j + 2, 1);
}

/*
 * A job and a person, then the employer: "(contractor Grant Ackroyd,
 * Kirklees Safer Homes)", "pharmacist Mr Shah (Boots, Hamlet Court Road)".
 * p is the first capitalised word after the ',' (in the bracket) or the
 * '(' (after the person). Back from p: one to three capitalised words of
 * the person, a title perhaps, then a lower-case job word, the bracket
 * before it when the comma is inside. The employer is up to four
 * capitalised words up to a comma or the bracket, not an agency's.
 */
static void job_person_employer(struct scan *sc, long p)
{
	int comma = is_punct(T(sc, p - 1), ',');
	long k = p - 2, names = 0;
	while (names < 3 && T(sc, k)->type == T_WORD && (T(sc, k)->f & (F_CAP | F_UPPER)) &&
	       !(T(sc, k)->f & F_NL) &&
	       !(T(sc, k)->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_NOTPL | C_KIN)))
		names++, k--;
	if (names == 0)
		return;
	if (T(sc, k)->cls & C_TITLE)
		k--;
	/* not a preposition shaped like a job ("under DVDS (Clare's Law)"),
	 * nor the victim's solicitor, whose firm serves the case as an
	 * agency does */
	const struct tok *jw = T(sc, k);
	uint64_t notj = C_NOTPL | C_FUNC | C_PREP | C_PREP2 | C_CONJ | C_DET;
	if (!(job_word(sc, jw, notj) || ((T(sc, p)->f & F_UPPER) && job_word_upper(sc, jw, notj))) ||
	    not_job(sc, jw) ||
	    (jw->end - jw->start >= 9 && strncmp((const char *)sc->s + jw->start, "solicitor", 9) == 0))
		return;
	if (comma && !is_punct(T(sc, k - 1), '(') &&
	    !(is_punct(T(sc, k - 2), '(') && (T(sc, k - 1)->f & F_LOWER)))
		return;
	employer_to_comma(sc, p, 0);
}

static void work_extent(struct scan *sc, long j, int role);

/*
 * "... where she works": the workplace is named just before "where" ("he
 * followed her to Boots D90 at Beeston where she works") or right after,
 * in apposition ("the shop where victim works, Smaki Deli, Botchergate").
 * Before: capitalised words and codes back to the first other word, a town
 * after "at"/"in" among them. Returns 2 when it emitted the name after,
 * 1 the name before, 0 none.
 */
static int where_works(struct scan *sc, long p)
{
	long w = p - 2;
	/* "where she does agency work", "where he did his work" */
	if (T(sc, p)->id == W_WORK) {
		for (w = p - 2; w >= p - 3; w--) {
			const struct tok *d = T(sc, w);
			const char *c = (const char *)sc->s + d->start;
			size_t n = d->end - d->start;
			if (d->type == T_WORD && ((n == 4 && strncmp(c, "does", 4) == 0) ||
						  (n == 3 && strncmp(c, "did", 3) == 0)))
				break;
		}
		if (w < p - 3)
			return 0;
		w -= 2;
	}
	const struct tok *s1 = T(sc, w + 1);
	/* "where pt studies": a patient or client, shortened or not */
	int who = (s1->cls & (C_PRON | C_KIN)) || s1->id == W_VICTIM ||
		  (s1->end - s1->start == 2 && sc->s[s1->start] == 'p' && sc->s[s1->start + 1] == 't');
	/* "where IP works", "where V works": a police log's injured party or
	 * victim, in capitals */
	size_t s1n = s1->end - s1->start;
	const char *s1c = (const char *)sc->s + s1->start;
	int caps_who = (s1->f & F_UPPER) &&
		       (s1->id == W_IP || (s1n == 1 && s1c[0] == 'V') ||
			(s1n == 3 && strncmp(s1c, "VIC", 3) == 0));
	/* s41-never: "the Amazon site where Marcus works": a person by name,
	 * one capitalised word (whoever works there, it is where they are) */
	int named = s1->type == T_WORD && (s1->f & F_CAP) && !(s1->f & F_UPPER) &&
		    !(s1->f & (F_NL | F_BRK)) &&
		    !(s1->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_TITLE | C_KIN | C_DAY | C_MON |
				 C_INST | C_INSTC)) &&
		    w + 2 == p;
	if (!is_word(T(sc, w), W_WHERE) || !(((s1->f & F_LOWER) && who) || caps_who || named))
		return 0;
	if (is_punct(T(sc, p + 1), ',') && (T(sc, p + 2)->f & F_CAP)) {
		work_extent(sc, p + 2, 0);
		return 2;
	}
	long e = w, b = e;
	/* "outside <Name> Port gate 2, where IP works": the comma before
	 * "where", and the gate, unit or door of the site with its number */
	if (is_punct(T(sc, e - 1), ',') && !(T(sc, e - 1)->f & (F_NL | F_BRK)))
		b = --e;
	if (T(sc, b - 1)->type == T_NUM && (T(sc, b - 2)->f & F_LOWER) &&
	    (T(sc, b - 2)->id == W_GATE || T(sc, b - 2)->id == W_UNIT || T(sc, b - 2)->id == W_DOOR) &&
	    !(T(sc, b - 1)->f & (F_NL | F_BRK)) && !(T(sc, b - 2)->f & (F_NL | F_BRK)))
		b -= 2;
	/* "the Honda site where ...": a part or kind of workplace after its name */
	else if (branch_word(T(sc, e - 1)) ||
		 ((T(sc, e - 1)->cls & C_VENUE) && (T(sc, e - 1)->f & F_LOWER)))
		b--;
	else {
		/* "the <Shop> perfume counter where she works": one or two
		 * lower-case words of the part after a capitalised name */
		long m = 0;
		while (m < 2 && dept_lower(sc, T(sc, e - 1 - m)) && !(T(sc, e - 1 - m)->f & F_BRK))
			m++;
		const struct tok *c = T(sc, e - 1 - m);
		if (m > 0 && c->type == T_WORD && !(c->f & F_LOWER) && !(c->f & F_NL) &&
		    !(c->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_TITLE | C_KIN | C_DAY | C_MON)))
			b -= m;
	}
	int cap = 0;
	while (b - 1 >= sc->ss && e - b < 6 && b - 1 >= sc->skip_place) {
		const struct tok *x = T(sc, b - 1);
		if (x->type == T_WORD && !(x->f & F_LOWER) &&
		    !(x->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_TITLE | C_KIN | C_DAY | C_MON))) {
			cap |= !(x->f & F_DIGIT);
			b--;
		} else if ((is_word(x, W_AT) || is_word(x, W_IN) || is_punct(x, ',')) && b < e && cap &&
			   (T(sc, b - 2)->f & (F_CAP | F_DIGIT)) && T(sc, b - 2)->type == T_WORD &&
			   !(T(sc, b - 2)->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_TITLE | C_KIN))) {
			b--; /* "Boots at Beeston", "Leeds Beckett, Headingley campus": the
			      * branch's town or site */
		} else {
			break;
		}
		if (T(sc, b)->f & (F_NL | F_BRK))
			break;
	}
	while (b < e && (T(sc, b)->type == T_PUNCT || is_word(T(sc, b), W_AT) || is_word(T(sc, b), W_IN)))
		b++; /* the walk stopped at a finding: start at a word */
	/* one word opening the sentence may be any word ("Later where ...") */
	if (!cap || b >= e || ((T(sc, b)->f & F_BRK) && b == e - 1))
		return 0;
	long keep = sc->skip_place;
	emit_place(sc, b, e, "place:workplace");
	if (keep > sc->skip_place)
		sc->skip_place = keep; /* behind the walk: leave its mark where it was */
	return 1;
}

/* "works at Tesco on Freeman Street", "employed by ...", "her workplace, ..." */
/*
 * A workplace in brackets right after its cue, read to the closing bracket:
 * "her employer (Marston's Brewery, bottling line, Burton)", "the victim's
 * work (Argyle club shop, Home Park)": the parts after the commas say where
 * in it she is found. From token j (after the '('), up to 14 tokens on one
 * line, starting with a capitalised word that is not an agency's; not when a
 * number or a second bracket comes first. Returns 1 when emitted.
 */
static int bracketed_work(struct scan *sc, long j)
{
	/* "my work (the <Centre>, <Shop>)": "the" before the name */
	long f = j + (is_word(T(sc, j), W_THE) && !(T(sc, j + 1)->f & F_NL));
	if (!is_punct(T(sc, j - 1), '(') || T(sc, f)->type != T_WORD || !(T(sc, f)->f & F_CAP) ||
	    (T(sc, f)->cls & (C_NOTPL | C_DET | C_PRON | C_DAY | C_MON | C_TITLE)))
		return 0;
	int commas = 0;
	for (long k = j; k < j + 14; k++) {
		const struct tok *x = T(sc, k);
		if (x->type == T_END || (k > j && (x->f & F_NL)) || is_punct(x, '('))
			return 0;
		if (is_punct(x, ','))
			commas++;
		if (is_punct(x, ')')) {
			if (commas == 0)
				return 0; /* one name: work_extent has it */
			emit_place(sc, j, k, "place:workplace");
			return 1;
		}
	}
	return 0;
}

/*
 * A business someone runs, by its kind and then its name or where it is:
 * "runs a nail bar, 'Jade Beauty', in the Westbrook precinct", "owns a
 * tattoo studio at the Corn Exchange": "a"/"an", one to three lower-case
 * words ending in a venue's word, then the name in apposition (quoted or
 * not) and/or at/in/on [the] capitalised words (a lower-case kind of place
 * ending the clause too). "runs a cafe." names nothing and is kept. p is
 * the verb; returns 1 when it emitted.
 */
RARE static int runs_a_business(struct scan *sc, long p)
{
	long j = p + 1, k = p + 2, m = 0, end = 0;
	if (!is_word(T(sc, j), W_A) && !is_word(T(sc, j), W_AN))
		return 0;
	while (m < 3 && T(sc, k + m)->type == T_WORD && (T(sc, k + m)->f & F_LOWER) &&
	       !(T(sc, k + m)->f & F_BRK) &&
	       !(T(sc, k + m)->cls & (C_FUNC | C_PREP | C_CONJ | C_DET | C_PRON)))
		m++;
	if (m == 0 || !(T(sc, k + m - 1)->cls & (C_VENUE | C_INST)))
		return 0;
	long e = k + m;
	if (is_punct(T(sc, e), ',')) { /* the name in apposition */
		long x = e + 1;
		int q = T(sc, x)->type == T_PUNCT && (T(sc, x)->ch == '\'' || T(sc, x)->ch == '"');
		x += q;
		long n = 0;
		while (n < 4 && place_town_word(T(sc, x + n)) && !(T(sc, x + n)->f & F_NL))
			n++;
		if (n > 0) {
			x += n;
			if (q && T(sc, x)->type == T_PUNCT && (T(sc, x)->ch == '\'' || T(sc, x)->ch == '"'))
				x++;
			end = e = x;
			if (is_punct(T(sc, e), ','))
				e++;
		}
	}
	if (is_word(T(sc, e), W_AT) || is_word(T(sc, e), W_IN) || is_word(T(sc, e), W_ON)) {
		long x = e + 1, n = 0; /* where it is */
		if (is_word(T(sc, x), W_THE))
			x++;
		while (n < 4 && place_town_word(T(sc, x + n)) && !(T(sc, x + n)->f & F_NL))
			n++;
		if (n > 0) {
			x += n;
			const struct tok *w = T(sc, x);
			if (w->type == T_WORD && (w->f & F_LOWER) &&
			    !(w->cls & (C_FUNC | C_PREP | C_CONJ | C_DET | C_PRON | C_ADV | C_TIMEW)) &&
			    clause_end(T(sc, x + 1)))
				x++;
			end = x;
		}
	}
	if (!end)
		return 0;
	emit_place(sc, j, end, "place:workplace");
	return 1;
}

/*
 * Someone's work, then its name after a colon, a comma or a spaced dash:
 * "Craig's work: <Firm>" (someone's), "a friend from work, <Firm>",
 * "arrested at his work, the <Place>" (where), "from her work - the
 * <Store> (...)", "victim's work - <Place>, <part> -" (a dash for either).
 * p is "work"; the name starts with a capitalised word ("the" before it).
 */
static int work_then_name(const struct scan *sc, long p)
{
	const struct tok *c = T(sc, p + 1), *b = T(sc, p - 1), *b2 = T(sc, p - 2);
	const struct tok *n = T(sc, p + 2);
	if (c->type != T_PUNCT || !(c->ch == ',' || c->ch == ':' || c->ch == '-') ||
	    !((n->f & F_CAP) || (is_word(n, W_THE) && (T(sc, p + 3)->f & F_CAP))) || (n->f & (F_NL | F_BRK)))
		return 0;
	int his = is_word(b, W_HIS) || is_word(b, W_HER) || is_word(b, W_THEIR);
	int owned = (b->f & F_POSS) || his;
	/* "waits outside her work, the ..." */
	int placed = is_word(b, W_FROM) || is_word(b, W_AT) ||
		     (his && (is_word(b2, W_AT) || is_word(b2, W_FROM) || is_word(b2, W_OUTSIDE) ||
			      is_word(b2, W_NEAR) || is_word(b2, W_OPPOSITE) || is_word(b2, W_TO)));
	if (c->ch == '-')
		return (c->f & F_SP) && (n->f & F_SP) && (owned || placed);
	return c->ch == ':' ? owned : placed;
}

/*
 * A business someone owns or runs, then the street or town it is on or
 * in: "owns <Name> <Name> on <Street>", "runs the <Kind> grocery on
 * <Street>", "runs the barber's on <Street>", "runs the <Shop> in
 * <Town>". After the verb at p ("the"/"a" perhaps) one to five words
 * (capitalised, or lower-case words of the business's kind), none an
 * agency's, a function word or a time; then "on"/"in", "the" perhaps,
 * one to four capitalised place or street words ending the clause. With
 * no capitalised word in the name, its last word must name a kind of place
 * or be a possessive ("the barber's"): "runs a tight ship in <Town>" is
 * none. Returns 1 when it emitted.
 */
static int business_on(struct scan *sc, long p)
{
	long a = p + 1, m = 0;
	int cap = 0;
	if (is_word(T(sc, a), W_THE) || is_word(T(sc, a), W_A) || is_word(T(sc, a), W_AN))
		a++;
	while (m < 5) {
		const struct tok *x = T(sc, a + m);
		if (x->type != T_WORD || (x->f & (F_NL | F_BRK)) ||
		    (x->cls & (C_FUNC | C_PREP | C_PREP2 | C_CONJ | C_DET | C_PRON | C_ADV | C_TIMEW | C_DAY |
			       C_MON | C_TITLE | C_KIN | C_BE | C_UNIT)))
			break;
		if ((x->f & (F_CAP | F_UPPER)) && (x->cls & C_NOTPL))
			return 0; /* an agency's word */
		/* an agency's name of two words: "runs Women's Aid in ..." */
		if ((x->f & F_CAP) && T(sc, a + m + 1)->type == T_WORD &&
		    (lex_classify((const char *)sc->s + x->start, x->end - x->start) & LEX_PHRASE) &&
		    (lex_classify((const char *)sc->s + x->start, T(sc, a + m + 1)->end - x->start) &
		     (LEX_ALLOW | LEX_PLACE)) == LEX_ALLOW)
			return 0;
		cap |= (x->f & (F_CAP | F_UPPER)) != 0;
		m++;
	}
	const struct tok *last = T(sc, a + m - 1), *w = T(sc, a + m);
	if (m == 0 || !(is_word(w, W_ON) || is_word(w, W_IN)) || (w->f & F_NL) ||
	    !(cap || (last->cls & (C_VENUE | C_INST)) || (last->f & F_POSS)))
		return 0;
	long k = a + m + 1, n = 0;
	if (is_word(T(sc, k), W_THE))
		k++;
	while (n < 4 && (place_town_word(T(sc, k + n)) || ((T(sc, k + n)->cls & C_ST) && (T(sc, k + n)->f & F_CAP))) &&
	       !(T(sc, k + n)->f & F_NL))
		n++;
	if (n == 0 || !clause_end(T(sc, k + n)))
		return 0;
	emit_place(sc, a, k + n, "place:workplace");
	return 1;
}

/*
 * After "works": one to four lower-case words on the line ("offshore",
 * "in your repairs team"), not "with" (a colleague or an agency), then a
 * bracket. Returns the bracket's token, or 0.
 */
static long lower_then_bracket(const struct scan *sc, long j)
{
	/* s34: after "as a", a job of up to six words with a grade's number
	 * ("works as a band 5 pharmacist tech\n(<Hospital> dispensary)"),
	 * the bracket on the next line too */
	int as = is_word(T(sc, j), W_AS) && (is_word(T(sc, j + 1), W_A) || is_word(T(sc, j + 1), W_AN));
	for (long k = j; k < j + (as ? 8 : 4); k++) {
		const struct tok *x = T(sc, k);
		if (!(x->type == T_WORD || (as && k > j + 2 && x->type == T_NUM && x->ndig <= 2)) ||
		    (x->type == T_WORD && !(x->f & F_LOWER)) || (x->f & (F_NL | F_BRK)) || x->id == W_WITH)
			return 0;
		if (is_punct(T(sc, k + 1), '(') && (!(T(sc, k + 1)->f & F_NL) || as) && x->type == T_WORD)
			return k + 1;
	}
	return 0;
}

/* The bracket opening at token j after "workplace", read to its ')' on the
 * same line (at most 12 tokens): withheld whole when it holds a capitalised
 * word that is no agency's; 1 when it was. */
RARE static int workplace_bracket(struct scan *sc, long j)
{
	int cap = 0;
	for (long k = j + 1; k < j + 13; k++) {
		const struct tok *x = T(sc, k);
		if (x->type == T_END || (x->f & F_NL) || is_punct(x, '('))
			return 0;
		if (is_punct(x, ')')) {
			if (!cap || k == j + 1)
				return 0;
			emit_place(sc, j + 1, k, "place:workplace");
			return 1;
		}
		if (x->type == T_WORD && (x->cls & C_NOTPL) && (x->f & (F_CAP | F_UPPER)))
			return 0;
		if (x->type == T_WORD && (x->f & (F_CAP | F_UPPER)))
			cap = 1;
	}
	return 0;
}

/*
 * s21-never: "owner of <Firm>" at "of" (token p): the business someone
 * owns, where they are found every day ("her employer (Mr <Name>, owner of
 * <Name>'s Packing, <Town>)"). "owner" or "proprietor" before it, a
 * capitalised name right after (no article: "owner of a Ford Focus" is a
 * car), not an agency's or a day's word.
 */
static int owner_of(const struct scan *sc, long p)
{
	const struct tok *o = T(sc, p - 1), *x = T(sc, p + 1);
	if (o->type != T_WORD || p - 1 < sc->ss ||
	    !(word_eq(sc, o, "owner") || word_eq(sc, o, "proprietor") || word_eq(sc, o, "co-owner")))
		return 0;
	return x->type == T_WORD && (x->f & F_CAP) && !(x->f & (F_NL | F_BRK)) &&
	       !(x->cls & (C_NOTPL | C_DET | C_PRON | C_DAY | C_MON | C_TITLE | C_FUNC));
}

/*
 * After "works" at p, in lower case: a shop of a chain the lexicon knows
 * (LEX_SHOP) within six words on the line, after "at" or "in" ("the" and
 * a town's or a street's words between): the words from the preposition's
 * next to the chain's name, and "in" and up to two lower-case words after
 * it ending the clause ("in huyton", "in the old swan"). Returns 1 when
 * one was withheld.
 */
static int lower_chain_work(struct scan *sc, long p)
{
	long prep = 0, k;
	for (k = p + 1; k < p + 7; k++) {
		const struct tok *x = T(sc, k);
		if (x->type != T_WORD || (x->f & (F_NL | F_BRK)) || !(x->f & F_LOWER))
			return 0;
		/* s32-never: the chain right after the verb ("ip works
		 * morrisons crownhill, tills, 6-2") and its branch's words */
		if (k == p + 1 && (lex_classify((const char *)sc->s + x->start, x->end - x->start) & LEX_SHOP)) {
			long m = 0, b = k + 1;
			while (m < 2 && T(sc, b + m)->type == T_WORD && (T(sc, b + m)->f & F_LOWER) &&
			       !(T(sc, b + m)->f & (F_NL | F_BRK)) &&
			       !(T(sc, b + m)->cls & (C_FUNC | C_PREP | C_PRON | C_CONJ | C_BE | C_DET |
						      C_TIMEW | C_DAY | C_ADV)))
				m++;
			long e = m > 0 && clause_end(T(sc, b + m)) ? b + m : b;
			emit_place(sc, k, e, "place:workplace");
			return 1;
		}
		if (!prep && (x->id == W_AT || x->id == W_IN)) {
			prep = k;
			continue;
		}
		if (prep && (lex_classify((const char *)sc->s + x->start, x->end - x->start) & LEX_SHOP))
			break;
		/* s37-never: an institution's kind after a word naming it, a
		 * town's or no dictionary word ("works reception at the hove
		 * polyclinic"); not "at the health centre" */
		if (prep && (x->cls & (C_INST | C_INSTC | C_HOSP)) && !(x->cls & C_INSTM)) {
			const struct tok *nm = T(sc, k - 1);
			unsigned b = lex_classify((const char *)sc->s + nm->start, nm->end - nm->start);
			if (k - 1 > prep && !is_word(nm, W_THE) &&
			    !(nm->cls & (C_FUNC | C_PREP | C_PRON | C_CONJ | C_BE | C_DET | C_INST |
			                 C_INSTC | C_INSTM)) &&
			    ((b & LEX_PLACE) || !(b & (LEX_COMMON | LEX_FUNCTION | LEX_ALLOW))))
				break;
			return 0;
		}
		if (prep && (x->cls & (C_PRON | C_CONJ | C_BE)))
			return 0;
	}
	if (!prep || k == p + 7)
		return 0;
	long a = is_word(T(sc, prep + 1), W_THE) ? prep + 2 : prep + 1, e = k + 1;
	if (T(sc, k)->cls & (C_INST | C_INSTC | C_HOSP)) {
		/* the institution's words, unless a name follows them ("the
		 * turkey factory (<Firm>, <Town>)", "... in <Firm>"): then the
		 * whole is the rest of try_work's to read */
		const struct tok *x1 = T(sc, k + 1);
		if (is_punct(x1, '(') ||
		    ((is_word(x1, W_IN) || is_word(x1, W_AT)) && (T(sc, k + 2)->f & (F_CAP | F_UPPER))))
			return 0;
		emit_place(sc, a, e, "place:workplace");
		return 1;
	}
	if (is_word(T(sc, e), W_IN) && !(T(sc, e)->f & F_NL)) {
		long m = 0, b = e + 1;
		if (is_word(T(sc, b), W_THE))
			b++;
		while (m < 2 && T(sc, b + m)->type == T_WORD && (T(sc, b + m)->f & F_LOWER) &&
		       !(T(sc, b + m)->f & F_NL) &&
		       !(T(sc, b + m)->cls & (C_FUNC | C_PREP | C_PRON | C_CONJ | C_BE | C_DET | C_TIMEW)))
			m++;
		if (m > 0 && clause_end(T(sc, b + m)))
			e = b + m;
	}
	emit_place(sc, a, e, "place:workplace");
	return 1;
}

static void try_work(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	long j = p + 1, b;
	int role = 0, strict = 0;
	/* the name before "where" found, the cue goes on: "where she does
	 * agency work (Staffline)" names the agency too */
	if ((t->id == W_WORKS || t->id == W_WORK || t->id == W_STUDIES) && where_works(sc, p) == 2)
		return;
	/* "Occupation order refused at <Town> County Court": the order that
	 * excludes him from the home, no one's work */
	if (t->id == W_OCCUPATION && word_eq(sc, T(sc, j), "order"))
		return;
	/* typed in lower case, a chain's shop after "works": "works weekends
	 * in the basildon greggs", "works at the asda in huyton" (no capital
	 * to read a name by; the chain is known) */
	if ((t->id == W_WORKS || t->id == W_WORKING) && (t->f & F_LOWER) && lower_chain_work(sc, p))
		return;
	/* "key work session at <Service>", "key-work at <Service>": a
	 * session with her key worker, where she is seen, no job */
	const struct tok *kw = T(sc, is_punct(T(sc, p - 1), '-') ? p - 2 : p - 1);
	if (t->id == W_WORK && word_eq(sc, kw, "key"))
		return;
	int place_of_work = t->id == W_WORK && is_word(T(sc, p - 1), W_OF) &&
			    is_word(T(sc, p - 2), W_PLACE);
	/* a label starting a line or a bullet: "Works: receptionist at ...",
	 * "- Work: Preston bus station", "Employment: labouring for ..." */
	int job_first = 0;
	int line_label = (t->id == W_WORK || t->id == W_WORKS || t->id == W_EMPLOYMENT) &&
			 is_punct(T(sc, j), ':') &&
			 ((t->f & (F_NL | F_BRK)) ||
			  (is_punct(T(sc, p - 1), '-') && (T(sc, p - 1)->f & (F_NL | F_BRK))));
	/* "Husband's work <Firm>, <Town>.", "Dad's work <Firm>": someone's
	 * work named right after it, as a label without its colon */
	const struct tok *pw = T(sc, p - 1), *nx = T(sc, j);
	if (t->id == W_WORK && (t->f & F_LOWER) && pw->type == T_WORD &&
	    ((pw->f & F_POSS) || is_word(pw, W_HIS) || is_word(pw, W_HER) || is_word(pw, W_MY) ||
	     is_word(pw, W_THEIR)) &&
	    nx->type == T_WORD && (nx->f & F_CAP) && !(nx->f & (F_NL | F_BRK | F_UPPER)) &&
	    !(nx->cls & (C_NOTPL | C_DET | C_PRON | C_DAY | C_MON | C_TITLE | C_FUNC | C_CONJ))) {
		work_extent(sc, j, 4);
		return;
	}
	/* "Works at: Asda Tolvenny", "Employed at: ...": a form's label with
	 * its preposition, the employer after the colon */
	if ((t->id == W_WORKS || t->id == W_WORK || t->id == W_EMPLOYED) && is_word(T(sc, j), W_AT) &&
	    is_punct(T(sc, j + 1), ':') && (T(sc, j + 2)->f & (F_CAP | F_UPPER))) {
		work_extent(sc, j + 2, 4);
		return;
	}
	if (line_label && (T(sc, j + 1)->f & F_LOWER) && !(T(sc, j + 1)->cls & (C_DET | C_FUNC | C_PRON))) {
		j++; /* a job first: goes on as "works as", and the name after
		      * "for" may run on ("labouring for N & J Groundworks cash
		      * in hand") */
		job_first = 1;
	} else if (line_label && t->id != W_EMPLOYMENT && (T(sc, j + 1)->f & F_CAP) &&
		   !(T(sc, j + 1)->f & F_NL)) {
		work_extent(sc, j + 1, 4); /* a name, up to the clause's end */
		return;
	}
	if (t->id == W_OCCUPATION && is_punct(T(sc, j), ':'))
		j++; /* "Occupation: cleaner at ..." goes on as "works as" */
	/* s42-never: "works p/t <Firm> <District>", "works f/t", "works
	 * part-time <Firm>": the hours before the employer */
	if ((t->id == W_WORKS || t->id == W_WORKING) && (t->f & F_LOWER) &&
	    (word_eq(sc, T(sc, j), "p") || word_eq(sc, T(sc, j), "f")) && is_punct(T(sc, j + 1), '/') &&
	    word_eq(sc, T(sc, j + 2), "t") && !(T(sc, j + 3)->f & F_BRK))
		j += 3;
	else if ((t->id == W_WORKS || t->id == W_WORKING) && (t->f & F_LOWER) &&
		 (word_eq(sc, T(sc, j), "part-time") || word_eq(sc, T(sc, j), "full-time")) &&
		 T(sc, j + 1)->type == T_WORD && (T(sc, j + 1)->f & F_CAP) && !(T(sc, j + 1)->f & F_BRK))
		j += 1;
	if (t->id == W_WORKPLACE || t->id == W_EMPLOYER || t->id == W_EMPLOYERS || place_of_work ||
	    (t->id == W_EMPLOYMENT && (is_punct(T(sc, j), ':') || is_punct(T(sc, j), '-'))) ||
	    /* "<Name>'s employment (<Firm> <part>)": someone's, in brackets */
	    (t->id == W_EMPLOYMENT && is_punct(T(sc, j), '(') && !(T(sc, j + 1)->f & F_NL) &&
	     ((T(sc, p - 1)->f & F_POSS) || is_word(T(sc, p - 1), W_HIS) || is_word(T(sc, p - 1), W_HER) ||
	      is_word(T(sc, p - 1), W_MY) || is_word(T(sc, p - 1), W_THEIR)))) {
		/* "her place of work (...)", "Employment: ..." */
		const struct tok *x = T(sc, j);
		/* "Husband's workplace (as she gave it): <Firm>": a remark in
		 * brackets between the label and its colon */
		if (is_punct(x, '(') && !(x->f & F_NL)) {
			long k = j + 1;
			while (k < j + 10 && !is_punct(T(sc, k), ')') && !(T(sc, k)->f & F_NL) &&
			       T(sc, k)->type != T_END)
				k++;
			if (is_punct(T(sc, k), ')') && is_punct(T(sc, k + 1), ':') &&
			    (T(sc, k + 2)->f & F_CAP) && !(T(sc, k + 2)->f & F_NL))
				j = k + 1, x = T(sc, j);
		}
		/* "at his workplace (the fish dock, <Name> Market)": the whole
		 * bracket names it, lower-case words first */
		if (is_punct(x, '(') && t->id == W_WORKPLACE && workplace_bracket(sc, j))
			return;
		if (x->type == T_PUNCT && strchr(",:-(", x->ch))
			j++;
		else if (is_word(x, W_IS) || is_word(x, W_WAS))
			j++;
		else if (!(x->f & F_CAP)) {
			/* "new card to her workplace office in <Town>": the
			 * town it is in, after the kind of place */
			long k = is_word(x, W_IN) ? j + 1
				 : branch_word(x) && is_word(T(sc, j + 1), W_IN) ? j + 2
										   : 0;
			long m = 0;
			while (k && m < 3 && place_town_word(T(sc, k + m)) && !(T(sc, k + m)->f & F_NL))
				m++;
			if (k && m > 0 && t->id == W_WORKPLACE)
				emit_place(sc, k, k + m, "place:workplace");
			return;
		}
	} else if (t->id == W_WORK && work_then_name(sc, p)) {
		/* "Craig's work: Sutton Roofing", "a friend from work, Fenland
		 * Foods", "arrested at his work, the Quays car park": the name
		 * after the label or in apposition */
		j++;
	} else if (t->id == W_WORKS && is_word(T(sc, j), W_THERE) && is_punct(T(sc, j + 1), '(') &&
		   T(sc, j + 2)->type == T_WORD && !(T(sc, j + 2)->f & F_LOWER)) {
		j += 2; /* "he works there (Sutton bus garage)" */
	} else if (((t->id == W_WORK && T(sc, j)->type == T_PUNCT && strchr("(:-", T(sc, j)->ch) &&
		    is_word(T(sc, p - 1), W_AT)) ||
		   ((t->id == W_WORKS || t->id == W_WORK) && is_punct(T(sc, j), '(') &&
		    /* not a service named so: "Justice Social Work (Scottish ...)" */
		    !((t->f & F_CAP) && !(t->f & F_UPPER) && (T(sc, p - 1)->f & F_CAP)) &&
		    (T(sc, j + 1)->type == T_WORD) &&
		    (!(T(sc, j + 1)->f & F_LOWER) ||
		     /* "ringing my work (the <Town> <Shop>)" */
		     (is_word(T(sc, j + 1), W_THE) && (T(sc, j + 2)->f & F_CAP) && !(T(sc, j + 2)->f & F_NL) &&
		      !(T(sc, j + 2)->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE))))))) {
		j++; /* "stalks her at work (the Grange Hotel)", "the shop where she
		      * works (Kemal's Market, ...)" */
	} else if ((t->id == W_WORKS || t->id == W_WORKING || t->id == W_WORKED) && (t->f & F_LOWER) &&
		   T(sc, j)->type == T_WORD && (T(sc, j)->f & F_CAP) && !(T(sc, j)->f & (F_NL | F_BRK)) &&
		   !(T(sc, j)->cls & (C_DAY | C_MON | C_TIMEW | C_PRON | C_DET | C_TITLE | C_KIN | C_NOTPL |
				      C_FUNC | C_PREP | C_PREP2 | C_CONJ | C_ADV | C_UNIT))) {
		/* "Husband works <Airport>, <firm> ground ops", "Client working
		 * <Store> (<Street>), nights": the employer with no preposition,
		 * as notes shorten it */
	} else if ((t->id == W_WORKS || t->id == W_WORKING) && (t->f & F_LOWER) &&
		   (b = lower_then_bracket(sc, j)) && (T(sc, b + 1)->f & F_CAP) && T(sc, b + 1)->type == T_WORD &&
		   !(T(sc, b + 1)->cls & (C_DAY | C_MON | C_TIMEW | C_NOTPL))) {
		j = b + 1; /* "works offshore (<Field>, 3 on/3 off)", "works in
			    * your repairs team (<Council> repairs, <Depot>)":
			    * where, in brackets */
	} else if ((t->id == W_RUNS || t->id == W_OWNS || t->id == W_MANAGES) &&
		   (runs_a_business(sc, p) || business_on(sc, p))) {
		return;
	} else if ((t->id == W_RUNS || t->id == W_MANAGES) &&
		   ((T(sc, j)->cls & C_DET) || (T(sc, j)->f & F_CAP)) && !(T(sc, j)->f & F_BRK) &&
		   ((T(sc, p - 1)->cls & (C_PRON | C_KIN)) ||
		    ((T(sc, p - 1)->f & F_CAP) &&
		     !(T(sc, p - 1)->cls & (C_NOTPL | C_INST | C_INSTC | C_INSTM | C_DET))))) {
		/* "his uncle Tariq runs the Anchor cafe", "she manages Kwik
		 * Cars": a person's business, where they can be found every day;
		 * not "the school runs White Ribbon sessions". ("owns" is more
		 * often a car than a business.) */
		strict = 1;
	} else {
		/* a colleague, a teacher, a DSL is "at" or "from" the workplace;
		 * "teacher ... with Mum" says nothing of where */
		role = t->id == W_COLLEAGUE || t->id == W_COLLEAGUES || t->id == W_TEACHER ||
			   t->id == W_DSL || t->id == W_SENCO || t->id == W_HEADTEACHER ||
			   t->id == W_KEYWORKER || t->id == W_BOSS || t->id == W_SUPERVISOR ||
			   t->id == W_MANAGER;
		/* "takes her salary from the Ulster Hospital pharmacy" */
		int from = role || t->id == W_SACKED || t->id == W_DISMISSED || t->id == W_FIRED ||
			   t->id == W_REDUNDANT || t->id == W_RETIRED || t->id == W_SALARY ||
			   t->id == W_WAGES,
		    to = t->id == W_ROUTE;
		if (t->id == W_RUNS || t->id == W_OWNS || t->id == W_MANAGES)
			return;
		int k;
		for (k = 0; k < 6; k++) {
			const struct tok *x = T(sc, j);
			if (k < 2 && x->id == W_AS && (T(sc, j + 1)->id == W_A || T(sc, j + 1)->id == W_AN)) {
				j += 2; /* "works as a carer for ..." */
				k++;
				continue;
			}
			/* "works as HCA at ...", "works as dental nurse at ...": a
			 * job without its article, then where (k counts its words) */
			if (k == 0 && !role && x->id == W_AS && T(sc, j + 1)->type == T_WORD &&
			    !(T(sc, j + 1)->cls & (C_DET | C_PRON | C_FUNC | C_PREP))) {
				j++;
				continue;
			}
			if (is_punct(x, '@') && !role)
				break; /* "IP WORKS @ TESCO" */
			/* "agreed to work with <Service>", "will work with the
			 * IDVA": to work with a service is to take its help, not
			 * a job there (the job is "works with", "works for") */
			if (k == 0 && x->id == W_WITH && t->id == W_WORK &&
			    (is_word(T(sc, p - 1), W_TO) || is_word(T(sc, p - 1), W_WILL)))
				return;
			if (k < 2 && x->id == W_WITH && (T(sc, j + 1)->cls & C_PRON) &&
			    is_word(T(sc, j + 2), W_AT)) {
				j += 2; /* "works with him at ...": the colleague, then where */
				continue;
			}
			/* s31-never: "works on the tills at <the Shop>": the
			 * part of the job, then where */
			if (k == 0 && !role && x->id == W_ON && (T(sc, j + 1)->cls & C_DET) &&
			    T(sc, j + 2)->type == T_WORD && (T(sc, j + 2)->f & F_LOWER) &&
			    !(T(sc, j + 2)->f & F_BRK) && is_word(T(sc, j + 3), W_AT)) {
				j += 2;
				k++;
				continue;
			}
			if (k == 0 && !role && x->id == W_ON && T(sc, j + 1)->type == T_WORD &&
			    (T(sc, j + 1)->f & F_LOWER) && !(T(sc, j + 1)->cls & C_DET)) {
				j++; /* "works on reception at ...", "on nights for ..." */
				continue;
			}
			/* s49-never: "works out of the <Town> hub": where her job
			 * is based */
			if (!role && (t->id == W_WORKS || t->id == W_WORKING) && word_eq(sc, x, "out") &&
			    is_word(T(sc, j + 1), W_OF) && !(T(sc, j + 1)->f & F_BRK)) {
				j++;
				break;
			}
			if (k >= 4 && !(x->id == W_AT || x->id == W_FOR))
				return;
			int pay = t->id == W_SALARY || t->id == W_WAGES; /* only "from" */
			if (x->type == T_WORD &&
			    ((x->id == W_AT && !pay) || (from && x->id == W_FROM) ||
			     (!role && !pay &&
			      (x->id == W_FOR || x->id == W_IN || x->id == W_WITH || x->id == W_BY ||
			       /* "works on the tills at", "on the Mull fish farm" */
			       (x->id == W_ON && k == 0 && (T(sc, j + 1)->cls & C_DET)))) ||
			     (to && x->id == W_TO)))
				break;
			/* "works then at ...", "works now for ...": a time, then where */
			if (k < 2 && !role && (x->id == W_THEN || (x->cls & C_ADV)) && !(x->f & F_BRK) &&
			    (is_word(T(sc, j + 1), W_AT) || is_word(T(sc, j + 1), W_FOR))) {
				j++;
				continue;
			}
			/* "works full-time (at the <Store> in <Town>)": a hyphen
			 * inside a word, a bracket opening on "at" */
			if (!role && ((is_punct(x, '-') && x->start == T(sc, j - 1)->end &&
				       T(sc, j + 1)->type == T_WORD && T(sc, j + 1)->start == x->end) ||
				      (is_punct(x, '(') && is_word(T(sc, j + 1), W_AT)))) {
				j++;
				continue;
			}
			/* s21-never: "works 6-2 at <Firm>", "works 9-5 for": her
			 * hours as a range of figures, then where */
			if (k < 3 && !role && x->type == T_NUM && !(x->f & F_BRK) &&
			    is_punct(T(sc, j + 1), '-') && T(sc, j + 1)->start == x->end &&
			    T(sc, j + 2)->type == T_NUM && T(sc, j + 2)->start == T(sc, j + 1)->end) {
				j += 3;
				k += 2;
				continue;
			}
			if (x->type != T_WORD || (x->f & F_BRK) || (x->cls & (C_CONJ | C_FUNC)))
				return;
			j++;
		}
		if (k == 6)
			return;
		j++;
	}
	if (bracketed_work(sc, j))
		return;
	work_extent(sc, j, role | strict << 1 | (t->id == W_EMPLOYMENT && !job_first) << 2);
}

/*
 * After a workplace ending at token last, what the writer says of the job
 * there in a list ending the sentence: ", <Firm> baggage, shifts.", ",
 * checkouts, 2-10", ", ward 23, long days;" (which part, the hours, the
 * shifts: where and when she is found there). One to three parts after a
 * comma, each one to three words or numbers ('-' between them: "6am-2pm"),
 * none a verb's past, an agency's word, a function word, a preposition, a
 * pronoun, a conjunction, a determiner or a form of be; the last ends the
 * clause (a full stop, ';', a bracket, a line's end), and a capitalised
 * word or a number is among them (", nights", ", most days" alone say
 * when, and stay). Returns the new end (last when no such list follows).
 */
static long trailing_details(const struct scan *sc, long last)
{
	long e = last;
	int named = 0; /* a capitalised word or a number in it */
	for (int part = 0; part < 3 && is_punct(T(sc, e), ',') && !(T(sc, e + 1)->f & (F_NL | F_BRK));
	     part++) {
		long k = e + 1;
		int words = 0;
		for (;; k++) {
			const struct tok *x = T(sc, k);
			if (k > e + 1 && (x->f & F_NL))
				break; /* the next line: the list ended with its line */
			if (is_punct(x, '-') && words > 0 && T(sc, k + 1)->type != T_PUNCT)
				continue;
			/* (a verb's past, "informed", and an agency, "RAF Police",
			 * say something else: a clause of its own) */
			int past = x->type == T_WORD && (x->f & F_LOWER) && x->end - x->start > 4 &&
				   sc->s[x->end - 2] == 'e' && sc->s[x->end - 1] == 'd';
			if (x->type == T_WORD && (x->id == W_POLICE || x->id == W_COUNCIL ||
						  x->id == W_CONSTABULARY))
				return last;
			if (x->type == T_NUM || (x->type == T_WORD && !past &&
						 !(x->cls & (C_FUNC | C_PREP | C_PRON | C_CONJ | C_DET | C_BE |
							     C_TITLE | C_KIN)))) {
				if (++words > 3)
					return last;
				named |= x->type == T_NUM || (x->f & (F_CAP | F_UPPER | F_DIGIT));
				continue;
			}
			break;
		}
		if (words == 0)
			return last;
		const struct tok *z = T(sc, k);
		if (z->type == T_END || (z->f & F_NL) || is_punct(z, ';') || is_punct(z, ')') ||
		    (is_punct(z, '.') && (T(sc, k + 1)->type == T_END || (T(sc, k + 1)->f & (F_SP | F_NL)))))
			return named ? k : last;
		e = k;
	}
	return last;
}

/*
 * The workplace named from token j (after "works at", "employed by" ...): up
 * to the end of the clause, when it holds a capitalised name. how & 1: the
 * cue was a colleague or teacher, for whom an agency's team is no workplace;
 * how & 2: a direct object ("runs the Anchor cafe"), which ends at its first
 * lower-case word ("runs a Facebook page about her" names no business).
 */
/* A verb of speaking or coming whose past has no -ed: "rang", "said" */
static int said_verb(const struct scan *sc, const struct tok *x)
{
	static const char *const V[] = {"came", "rang", "rings", "said", "says", "spoke", "told", "wrote"};
	for (size_t k = 0; k < sizeof V / sizeof V[0]; k++)
		if (word_eq(sc, x, V[k]))
			return 1;
	return 0;
}

static void work_extent(struct scan *sc, long j, int how)
{
	int role = how & 1, strict = how & 2, label = how & 4;
	if (T(sc, j)->cls & C_DET)
		j++;
	long e = j, last = 0;
	int cap = 0, tail = 0;
	for (int k = 0; k < 8; k++, e++) {
		const struct tok *x = T(sc, e);
		if (x->type == T_END || (e > j && (x->f & F_BRK)))
			break;
		if (x->type == T_PUNCT && x->ch != '&' && x->ch != '-' && x->ch != '\'')
			break;
		if (is_punct(x, '&') && !(T(sc, e + 1)->f & (F_CAP | F_UPPER)))
			break; /* "at Aldi & she says": '&' for "and", not in a name */
		if (x->type == T_NUM && (!(x->f & F_HOUSE) ||
					 ((is_punct(T(sc, e + 1), '.') || is_punct(T(sc, e + 1), '/') ||
					   is_punct(T(sc, e + 1), ':')) &&
					  T(sc, e + 2)->type == T_NUM)))
			break; /* "in 19.04.26": a date, not a house */
		if (x->type == T_WORD && (x->f & F_LOWER) && (T(sc, e + 1)->cls & (C_UNIT | C_TIMEW)))
			break; /* "three days a week" */
		/* "runs Osman Jewellers in the Corn Exchange arcade": after the
		 * name and where it is, the kind of place in lower case ends it */
		if (strict && tail && x->type == T_WORD && (x->f & F_LOWER) &&
		    !(x->cls & (C_PREP | C_FUNC | C_CONJ | C_DET | C_PRON | C_ADV | C_TIMEW)) &&
		    clause_end(T(sc, e + 1))) {
			last = e + 1;
			break;
		}
		if (strict && x->type == T_WORD && (x->f & F_LOWER) && !(x->cls & (C_PREP | C_FUNC)) &&
		    !(x->cls & C_INST) &&
		    /* "the Sun Valley chicken factory": what it makes, before
		     * the kind of place */
		    !(cap && T(sc, e + 1)->type == T_WORD && (T(sc, e + 1)->f & F_LOWER) &&
		      (T(sc, e + 1)->cls & C_INST) && !(T(sc, e + 1)->f & (F_NL | F_BRK))))
			return; /* a name used as a modifier: "a Facebook page" */
		/* "a nurse at the Royal Berks and Wessex", "at Hale and Sons":
		 * "and" inside a name, between capitalised words, the name
		 * ending its clause */
		if (x->id == W_AND && cap && e > j && (T(sc, e + 1)->f & F_CAP) && !(T(sc, e + 1)->f & F_NL) &&
		    T(sc, e + 1)->type == T_WORD &&
		    !(T(sc, e + 1)->cls & (C_PRON | C_DET | C_TITLE | C_KIN | C_NOTPL | C_DAY | C_MON)) &&
		    (clause_end(T(sc, e + 2)) ||
		     ((T(sc, e + 2)->f & F_CAP) && !(T(sc, e + 2)->f & F_NL) && clause_end(T(sc, e + 3))))) {
			continue;
		}
		if (cap && x->type == T_WORD && (x->f & F_LOWER) &&
		    ((x->end - x->start > 4 && sc->s[x->end - 2] == 'e' && sc->s[x->end - 1] == 'd') ||
		     said_verb(sc, x)))
			break; /* "DSL at Kelvin Hall contacted", "Mrs <Name> at <School> rang" */
		if (x->type == T_WORD) {
			/* "the Sunday market at ...": a day naming the workplace */
			if ((x->cls & C_DAY) && e == j && (T(sc, j - 1)->cls & C_DET) && (x->f & F_CAP) &&
			    T(sc, e + 1)->type == T_WORD && (T(sc, e + 1)->f & F_LOWER) &&
			    !(T(sc, e + 1)->cls & (C_FUNC | C_PREP | C_TIMEW | C_CONJ)))
				continue;
			/* "at Ventura Park Next.": a capitalised word that is also
			 * an adverb or a determiner ends the name it is part of */
			if ((x->cls & (C_TIMEW | C_ADV | C_DET)) && (x->f & F_CAP) && !(x->f & (F_UPPER | F_BRK)) &&
			    cap && !(x->cls & (C_CONJ | C_DAY | C_MON | C_PRON)) && clause_end(T(sc, e + 1))) {
				last = e + 1;
				continue;
			}
			/* "the Sun Valley chicken factory": a day's short form
			 * opening a name, not a day */
			int dayname = (x->cls & C_DAY) && e == j && (x->f & F_CAP) && !(x->f & F_UPPER) &&
				      T(sc, e + 1)->type == T_WORD && (T(sc, e + 1)->f & F_CAP) &&
				      !(T(sc, e + 1)->f & (F_UPPER | F_NL | F_BRK)) &&
				      !(T(sc, e + 1)->cls & (C_DAY | C_MON | C_FUNC | C_PREP | C_DET));
			if (((x->cls & (C_CONJ | C_DAY | C_MON | C_TIMEW | C_PRON | C_UNIT | C_ADV)) &&
			     !dayname) ||
			    x->id == W_FOR || x->id == W_UNTIL || x->id == W_TILL || x->id == W_DURING ||
			    x->id == W_BETWEEN || x->id == W_FROM || x->id == W_AS)
				break;
			if ((x->cls & (C_PREP | C_FUNC)) && !(T(sc, e + 1)->f & F_CAP) &&
			    T(sc, e + 1)->type != T_NUM &&
			    /* "JD Sports in the Arndale": the centre it is in */
			    !((x->cls & C_PREP) && cap && is_word(T(sc, e + 1), W_THE) &&
			      (T(sc, e + 2)->f & F_CAP) && !(T(sc, e + 2)->cls & (C_DAY | C_MON | C_NOTPL))))
				break;
			if ((x->cls & C_PREP) && cap)
				tail = 1;
			if ((x->f & F_CAP) && !(x->cls & (C_NOTPL | C_DET)))
				cap = 1;
		}
		if (!(x->cls & (C_PREP | C_FUNC | C_DET)))
			last = e + 1;
	}
	if (!cap || last <= j)
		return;
	/* "Employment: Tesco, Hull" is a name; "Employment: Dunny has been
	 * offered ..." a sentence about someone */
	if (label && T(sc, last)->type == T_WORD && !(T(sc, last)->f & (F_NL | F_BRK)))
		return;
	/* "teacher Brown from the DA team": an agency's team, not a workplace */
	if (role && (T(sc, last - 1)->cls & (C_NOTPL | C_NONLOC)) && (T(sc, last - 1)->f & F_LOWER))
		return;
	/* "works for Cheshire Constabulary", "(Scottish Borders Council)": an
	 * agency of the partnership, named as agencies are */
	{
		unsigned id = T(sc, last - 1)->id;
		/* but a council as someone's employer, with the part of it he
		 * works in or after an employment label, is his workplace:
		 * "works at <Town> Council, parks team", "Employment: <Town>
		 * Council (revenues)" */
		int part = id == W_COUNCIL && !role &&
			   (label || place_tail(sc, last) != last || trailing_aside(sc, last) != last);
		if ((id == W_POLICE || id == W_COUNCIL || id == W_CONSTABULARY) &&
		    !(T(sc, last - 1)->f & F_LOWER) && !part)
			return;
		/* "her son's worker at <Town> YOS", "a nurse at <Town> Age UK":
		 * a professional at an agency the lexicon knows, not where
		 * someone to protect is found */
		if (role && agency_tail(sc, j, last))
			return;
	}
	/* "Teesport Logistics, Grangetown - start date": the town after a
	 * comma says which branch, when it ends the clause */
	last = trailing_branch(sc, last);
	{
		long k = trailing_aside(sc, last);
		if (k != last)
			last = trailing_branch(sc, k); /* "(Spirit Aero), Queen's Island" */
	}
	emit_place(sc, j, trailing_details(sc, last), "place:workplace");
}

/*
 * "a carer (<Name>, <Firm>)", "her support worker (<Name> at <Firm>, <Town>)",
 * "pharmacist (Mr <Name>, <Firm>)": the person comes first in the bracket
 * after a job, then the employer. a is the first token in the bracket: the
 * token after the person and its ',' or at/from when it starts with one (a
 * title, or one or two capitalised words a forename list knows or no list
 * does), else a. The person is left to names.c.
 */
static long person_then_employer(const struct scan *sc, long a)
{
	long i = a;
	int title = (T(sc, i)->cls & C_TITLE) != 0;
	if (title)
		i++;
	long n = 0;
	while (n < 3 && (bare_name(sc, T(sc, i + n)) ||
			 (title && T(sc, i + n)->type == T_WORD && (T(sc, i + n)->f & F_CAP) &&
			  !(T(sc, i + n)->cls & (C_DET | C_PRON | C_FUNC | C_NOTPL)))) &&
	       !(T(sc, i + n)->f & F_NL))
		n++;
	if (n == 0 || (n == 3 && !title))
		return a;
	const struct tok *sep = T(sc, i + n), *nx = T(sc, i + n + 1);
	if (!(is_punct(sep, ',') || is_word(sep, W_AT) || is_word(sep, W_FROM)) ||
	    nx->type != T_WORD || !(nx->f & (F_CAP | F_UPPER)) || (nx->f & F_NL) ||
	    (nx->cls & (C_DET | C_PRON | C_FUNC | C_TITLE | C_KIN | C_DAY | C_MON)))
		return a;
	return i + n + 1;
}

/* "she is a receptionist at Bridge Dental", "he was a driver for Swift
 * Couriers": a job and where it is done */
static void try_job(struct scan *sc, long p)
{
	long j = p + 1;
	if (!is_word(T(sc, j), W_A) && !is_word(T(sc, j), W_AN) && !is_word(T(sc, j), W_THE))
		return;
	j++;
	for (int k = 0; k < 3; k++, j++) {
		const struct tok *x = T(sc, j);
		if (x->type != T_WORD || (x->f & F_BRK))
			return;
		if ((x->id == W_AT || x->id == W_FOR || x->id == W_WITH) && k > 0)
			break;
		/* "a receptionist", "a TA", "A NURSE" in a log in capitals */
		if (!((x->f & F_LOWER) || ((x->f & F_UPPER) && ((T(sc, p)->f & F_UPPER) ||
								 x->end - x->start <= 4))) ||
		    (x->cls & (C_FUNC | C_CONJ | C_PREP | C_PREP2 | C_DET | C_ABSTRACT | C_NOTPL |
			       C_KIN)))
			return;
	}
	if (!is_word(T(sc, j), W_AT) && !is_word(T(sc, j), W_FOR) && !is_word(T(sc, j), W_WITH))
		return;
	/* s41-over: "a sly old fox with Gran's money": "with" an employer
	 * after a job's word only ("a carer with <Firm>") */
	if (is_word(T(sc, j), W_WITH) && !job_word(sc, T(sc, j - 1), C_NOTPL) &&
	    !((T(sc, j - 1)->f & F_UPPER) && T(sc, j - 1)->end - T(sc, j - 1)->start <= 4) &&
	    !job_word_upper(sc, T(sc, j - 1), C_NOTPL))
		return;
	work_extent(sc, j + 1, 0);
}

/*
 * A job named without a verb: "Husband a prison officer at HMP Wymott",
 * "her daughter, a junior doctor at St Helier", "a taxi driver (Uber,
 * badge ...)": "a"/"an", one to three lower-case words ending in a job,
 * then at/for/with and the employer, or a bracket opening on it (after
 * is/was too: try_job reads no bracket). Not an agency ("an officer with
 * Kent Police").
 */
static int job_employer(struct scan *sc, long a, int bare);

/*
 * "a fisherman, works out of <Harbour>", "a fisherman out of <Port> (the
 * <Boat>)", "drives for a firm working out of <Town>": the place a job is
 * based at, after "out of" right behind a work word (works, working) or a
 * job ("fisherman", "driver"). p is the "out". One to three capitalised
 * words, then the end of the clause; a boat's name in brackets after it
 * goes with it.
 */
static void work_out_of(struct scan *sc, long p)
{
	const struct tok *w = T(sc, p - 1);
	const char *c = (const char *)sc->s + w->start;
	size_t n = w->end - w->start;
	if (!is_word(T(sc, p + 1), W_OF) || w->type != T_WORD || !(w->f & F_LOWER))
		return;
	if (!((w->cls & C_WORKC) || job_word(sc, w, C_NOTPL | C_FUNC | C_PREP | C_PREP2 | C_DET) ||
	      (n > 5 && c[n - 3] == 'm' && c[n - 2] == 'a' && c[n - 1] == 'n')))
		return;
	long a = p + 2, m = 0;
	while (m < 3 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL) &&
	       !(T(sc, a + m)->cls & (C_NOTPL | C_HOSP)))
		m++;
	if (m == 0)
		return;
	long e = a + m;
	if (is_punct(T(sc, e), '(') && is_word(T(sc, e + 1), W_THE) && (T(sc, e + 2)->f & F_CAP)) {
		long k = e + 2;
		while (k < e + 5 && T(sc, k)->type == T_WORD && (T(sc, k)->f & (F_CAP | F_UPPER)))
			k++;
		if (is_punct(T(sc, k), ')'))
			e = k + 1; /* "(the Sea Wren)": the boat he works on */
	}
	if (!clause_end(T(sc, e)) && !is_punct(T(sc, e), ',') && !(T(sc, e)->type == T_WORD && (T(sc, e)->f & F_LOWER)))
		return;
	emit_place(sc, a, e, "place:workplace");
}


/*
 * "she is a nurse at <Town> Hospital", "<Name> (44), a nurse at ...",
 * "works as a porter at ...": the "a" at p says what the person is (after
 * is/was/been/he's/she's/as, a comma or a bracket), so a hospital after
 * the job is where that person works, as after a bare job. After a
 * preposition ("seen by a doctor at <Hospital>") it is the professional a
 * patient saw there, the hospital kept.
 */
static int job_is_own(const struct scan *sc, long p)
{
	const struct tok *b = T(sc, p - 1);
	if ((T(sc, p)->id != W_A && T(sc, p)->id != W_AN) || (T(sc, p)->f & (F_NL | F_BRK)))
		return 0;
	if (b->type == T_PUNCT)
		return b->ch == ',' || b->ch == '(';
	return b->type == T_WORD && (b->id == W_IS || b->id == W_WAS || b->id == W_BEEN ||
				     b->id == W_HES || b->id == W_SHES || b->id == W_AS);
}

/*
 * In the bracket after a job said of the person ("is a senior nurse
 * (theatres, <Hospital>)", "a junior doctor (F2 at <Hospital>)"), a
 * department in lower case or a grade (capitals and digits) first, then
 * "," or "at" and the employer. a is the first token in the bracket. Emits
 * the employer (a hospital too) and returns 1, or returns 0.
 */
static int job_employer_after_grade(struct scan *sc, long a)
{
	const struct tok *x = T(sc, a);
	long k = a + 1;
	if (x->type == T_WORD && (x->f & F_LOWER)) {
		if (!dept_lower(sc, x))
			return 0;
		if (dept_lower(sc, T(sc, k)))
			k++;
		if (!is_punct(T(sc, k), ','))
			return 0;
	} else if (!(x->type == T_WORD && (x->f & F_DIGIT) && (x->f & F_UPPER) && x->end - x->start <= 3) ||
		   !is_word(T(sc, k), W_AT)) {
		return 0;
	}
	if (T(sc, k + 1)->f & F_NL)
		return 0;
	return job_employer(sc, k + 1, 1);
}

/*
 * In a name from token a to token e, the care or support provider's word
 * after a word of its own ("<Name> Care", "<Name> Home Support"; before a
 * last "Services": "<Name> Support Services"): its index, or -1.
 */
static long provider_word(const struct scan *sc, long a, long e)
{
	if (e - a >= 2 && (T(sc, e)->id == W_SERVICES || T(sc, e)->id == W_SERVICE) &&
	    (T(sc, e - 1)->id == W_CARE || T(sc, e - 1)->id == W_SUPPORT))
		e--;
	return e > a && (T(sc, e)->id == W_CARE || T(sc, e)->id == W_SUPPORT) ? e : -1;
}

/*
 * Whether capitalised words from a, 2 to 5 on one line, name a care or
 * support provider (provider_word).
 */
static int provider_name(const struct scan *sc, long a)
{
	long m = 0;
	while (m < 5 && T(sc, a + m)->type == T_WORD && (T(sc, a + m)->f & (F_CAP | F_UPPER)) &&
	       !(T(sc, a + m)->f & (F_NL | F_BRK)))
		m++;
	return provider_word(sc, a, a + m - 1) >= 0;
}

static void try_job_noun(struct scan *sc, long p, int bare)
{
	long j = p + 1;
	int k;
	/* the modifiers may be agency words ("a prison officer", "a care
	 * worker"); the job itself is checked below */
	for (k = 0; k < 3; k++) {
		const struct tok *x = T(sc, j + k);
		if (x->type != T_WORD || !(x->f & F_LOWER) || (x->f & F_BRK) ||
		    (x->cls & (C_FUNC | C_CONJ | C_PREP | C_PREP2 | C_DET | C_KIN)))
			break;
	}
	/* a job by its letters alone: "a HCA on Ward 19 at ..." (job_word) */
	if (k == 0 && (T(sc, j)->f & F_UPPER) && !(T(sc, j)->f & F_BRK) && job_word(sc, T(sc, j), 0))
		k = 1;
	if (k == 0)
		return;
	const struct tok *w = T(sc, j + k - 1), *z = T(sc, j + k);
	/* "a police officer at": an agency's job, but the employer after it
	 * is checked for an agency below */
	if (!job_word(sc, w, 0) || not_job(sc, w))
		return;
	long a;
	/* "a doctor (registrar) at the John Radcliffe": a lower-case aside
	 * in brackets, then at/for/with */
	if (is_punct(z, '(') && T(sc, j + k + 1)->type == T_WORD && (T(sc, j + k + 1)->f & F_LOWER) &&
	    is_punct(T(sc, j + k + 2), ')') &&
	    (is_word(T(sc, j + k + 3), W_AT) || is_word(T(sc, j + k + 3), W_FOR) ||
	     is_word(T(sc, j + k + 3), W_WITH)))
		z = T(sc, j + k + 3), k += 3;
	/* "a nurse on Ward 10 at <Hospital>": the ward, then the employer */
	long ward = 0;
	if (is_word(z, W_ON) && part_word(T(sc, j + k + 1)) && !(T(sc, j + k + 1)->f & F_NL) &&
	    (T(sc, j + k + 2)->type == T_NUM ||
	     (T(sc, j + k + 2)->type == T_WORD && (T(sc, j + k + 2)->f & (F_DIGIT | F_UPPER)))) &&
	    is_word(T(sc, j + k + 3), W_AT))
		ward = j + k + 1, z = T(sc, j + k + 3), k += 3;
	/* s35: "support worker Beth from <Firm> Support Services": the
	 * worker's first name between the job and where she works */
	int person = 0;
	if (!ward && bare_name(sc, z) && !(z->f & (F_NL | F_BRK)) &&
	    (is_word(T(sc, j + k + 1), W_AT) || is_word(T(sc, j + k + 1), W_FROM)))
		z = T(sc, j + k + 1), k++, person = 1;
	/* "a carer from <Firm> Care": from, before a name of two words or
	 * more (not "a social worker from Leeds": the team in a town) */
	int from = z->type == T_WORD && z->id == W_FROM && (z->f & F_LOWER) &&
		   T(sc, j + k + 1)->type == T_WORD && (T(sc, j + k + 1)->f & F_CAP) &&
		   T(sc, j + k + 2)->type == T_WORD && (T(sc, j + k + 2)->f & F_CAP) &&
		   !(T(sc, j + k + 2)->f & (F_NL | F_BRK));
	if (is_punct(z, '('))
		a = j + k + 1;
	else if (z->type == T_WORD && (z->id == W_AT || z->id == W_FOR || z->id == W_WITH || from))
		a = j + k + 1;
	else
		return;
	long a2 = is_punct(z, '(') ? person_then_employer(sc, a) : a;
	/* her interpreter's agency serves the case as agencies do (job_aside);
	 * a solicitor's firm is where the solicitor works */
	if (interpreter(sc, w))
		a2 = a;
	if (bare == 2) {
		if (a2 != a)
			job_employer(sc, a2, 0);
		else if ((person || from) && provider_name(sc, a)) /* "her support worker
								     * (Beth) from <Firm> Care" */
			job_employer(sc, a, 0);
		return;
	}
	if ((person || from) && !provider_name(sc, a))
		return; /* "a worker from <Charity> Project": an agency's */
	int done = is_punct(z, '(') && bare == 1 && job_employer_after_grade(sc, a);
	if (!done)
		done = a2 != a && job_employer(sc, a2, bare);
	if (!done)
		done = job_employer(sc, a, bare);
	if (done && ward)
		emit_place(sc, ward, ward + 2, "place:workplace");
}

/*
 * The employer of try_job_noun from token a: up to five capitalised words,
 * not an agency's, then the end of the clause. Emits it and returns 1, or
 * returns 0.
 */
static int job_employer(struct scan *sc, long a, int bare)
{
	if (is_word(T(sc, a), W_THE))
		a++;
	long m = 0, capn = 0;
	while (m < 5) {
		const struct tok *x = T(sc, a + m);
		/* "a plumber (Nolan & Son Heating)": '&' inside a firm's name,
		 * and a kin word after it */
		if (m > 0 && is_punct(x, '&') && (T(sc, a + m + 1)->f & F_CAP) &&
		    !(T(sc, a + m + 1)->f & F_NL)) {
			m++;
			continue;
		}
		/* "a teacher at <Name> of <Name> Grammar", "at the University
		 * of <Town>": "of" inside a name, a capitalised word after it */
		if (m > 0 && x->id == W_OF && (x->f & F_LOWER) && (T(sc, a + m - 1)->f & F_CAP) &&
		    T(sc, a + m + 1)->type == T_WORD && (T(sc, a + m + 1)->f & F_CAP) &&
		    !(T(sc, a + m + 1)->f & F_NL) &&
		    !(T(sc, a + m + 1)->cls & (C_DET | C_PRON | C_DAY | C_MON | C_TITLE | C_KIN))) {
			m++;
			continue;
		}
		int firm_kin = (x->cls & C_KIN) && (x->f & F_CAP) && m > 0 && is_punct(T(sc, a + m - 1), '&');
		if (x->type != T_WORD || (x->f & (F_NL | F_BRK)) ||
		    ((x->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_TITLE | C_KIN |
				C_TIMEW | C_UNIT)) &&
		     !firm_kin))
			break;
		if (!(x->f & (F_CAP | F_UPPER)) && !(m > 0 && (x->cls & (C_INST | C_INSTC | C_HOSP))))
			break;
		if (!(x->cls & C_NOTPL))
			capn++;
		m++;
	}
	/* "(<Name>, <Name> Care)": a care or support provider named by a
	 * word of its own before "Care" or "Support" is an employer; "Social
	 * Care", "Victim Support" are agencies */
	/* "(<Name> Home Support)": "Home" between, a name of its own
	 * before it */
	long h = a + m - 2 - (m > 2 && T(sc, a + m - 2)->id == W_HOME);
	/* "<Name> Support Services", "<Name> Care Services" */
	long pe = provider_word(sc, a, a + m - 1);
	if (pe >= 0 && pe < a + m - 1)
		h--;
	/* (s38: after her own job, "is a care worker for <Town> Home Care",
	 * a town's provider is her employer too) */
	unsigned hlx = lex_classify((const char *)sc->s + T(sc, h)->start, T(sc, h)->end - T(sc, h)->start);
	int provider = pe >= 0 && capn > 0 &&
		       !(T(sc, h)->cls & (C_NOTPL | C_INSTM | C_INSTC | C_ACCOM)) &&
		       (!(hlx & LEX_ALLOW) || (bare == 1 && (hlx & LEX_PLACE)));
	/* an agency ("Kent Police", "Leeds City Council") is kept; a
	 * hospital too after "a doctor at" (the one she saw there), but after
	 * a bare job it is where that person works ("Husband (nurse at <Town>
	 * Hospital)") */
	if (m == 0 || capn == 0 ||
	    ((T(sc, a + m - 1)->cls & C_NOTPL) && !(bare && (T(sc, a + m - 1)->cls & C_HOSP)) && !provider) ||
	    agency_tail(sc, a, a + m)) /* "his worker at <Town> YOS" */
		return 0;
	const struct tok *e = T(sc, a + m);
	if (!(e->type == T_END || e->type == T_PUNCT || (e->f & (F_NL | F_BRK)) ||
	      (e->type == T_WORD && (e->f & F_LOWER))))
		return 0;
	long end = trailing_branch(sc, a + m); /* before "the" is taken in */
	if (is_word(T(sc, a - 1), W_THE))
		a--;
	emit_place(sc, a, end, "place:workplace");
	return 1;
}

static void label_value(struct scan *sc, long a);

/*
 * An occupational-health or HR note's "Employee: <Name>, <Job>, <Ward>
 * (<part>), <Hospital>": after the name (one to four capitalised words)
 * and the job (one to four words), both ending at a comma, the rest of
 * the line is where the employee works. a is the name's first token.
 */
static void employee_where(struct scan *sc, long a)
{
	long k = a, m = 0;
	while (m < 4 && T(sc, k)->type == T_WORD && (T(sc, k)->f & (F_CAP | F_UPPER)) && !(T(sc, k)->f & F_NL)) {
		k++, m++;
		if ((is_punct(T(sc, k), '\'') || is_punct(T(sc, k), '-')) && T(sc, k + 1)->start == T(sc, k)->end)
			k++; /* "O'Brien", "Smith-Jones" */
	}
	if (m == 0 || !is_punct(T(sc, k), ','))
		return;
	k++;
	m = 0;
	while (m < 4 && T(sc, k)->type == T_WORD && !(T(sc, k)->f & (F_NL | F_BRK)))
		k++, m++;
	if (m == 0 || !is_punct(T(sc, k), ',') || T(sc, k + 1)->type != T_WORD ||
	    !(T(sc, k + 1)->f & (F_CAP | F_UPPER)) || (T(sc, k + 1)->f & F_NL))
		return;
	label_value(sc, k + 1);
}

/* Is there an "Employee" or "Staff member" label earlier on p's line? */
static int employee_line(const struct scan *sc, long p)
{
	for (long i = p - 1; i >= 0 && i > p - 24; i--) {
		const struct tok *x = T(sc, i);
		if (x->type == T_END)
			return 0;
		if (x->type == T_WORD && (word_eq(sc, x, "employee") || word_eq(sc, x, "staff")) &&
		    is_punct(T(sc, i + 1), ':'))
			return 1;
		if (x->f & F_NL)
			return 0;
	}
	return 0;
}

/*
 * A workplace given as a label's value: "Husband's job: <job>, <Firm>
 * site (via <Agency>), days.", "K's workplace: <Firm> <code>? (not sure,
 * <area>).", "FIL's business: <Firm>, <Town>.", "Client's new job: <Firm>,
 * <Town> (welder)." The label is someone's (a possessive, his/her/their,
 * "own", "new", "current") or starts a line; its value, from token a, runs
 * to the sentence's or the line's end (';', a full stop before a space or
 * the end), at most MAX_LABEL_VALUE tokens, and is withheld whole when it
 * holds a capitalised word that is no agency's: what follows such a label
 * is where the person can be found, and what else the writer put in it
 * (the shift, the job) is said of that place. Not a sentence about
 * someone ("Employment: Dan has started ..."): no pronoun nor a form of
 * be/have in it. Not an agency as employer ("Job: PC, <Force> Police").
 */
#define MAX_LABEL_VALUE 24 /* a firm, its branch, a job and an aside; more is a sentence */

static int label_owned(const struct scan *sc, long l)
{
	const struct tok *b = T(sc, l - 1), *t = T(sc, l);
	if (t->f & (F_NL | F_BRK))
		return 1;
	if ((is_punct(b, '-') || is_punct(b, '*')) && (b->f & F_NL))
		return 1;
	if (b->type != T_WORD)
		return 0;
	return (b->f & F_POSS) || is_word(b, W_HIS) || is_word(b, W_HER) || is_word(b, W_THEIR) ||
	       (b->cls & C_NEWMOD) ||
	       (b->end - b->start == 3 && strncasecmp((const char *)sc->s + b->start, "own", 3) == 0);
}

static void label_value(struct scan *sc, long a)
{
	long e = a, dash = 0;
	int cap = 0;
	for (; e < a + MAX_LABEL_VALUE; e++) {
		const struct tok *x = T(sc, e);
		/* "Church: <Name>, <District> - victim is a deaconess": a
		 * spaced dash before a sentence ends the value there */
		if (is_punct(x, '-') && (x->f & F_SP) && (T(sc, e + 1)->f & F_SP) && !dash)
			dash = e;
		if (x->type == T_END || (e > a && (x->f & F_NL)) || is_punct(x, ';'))
			break;
		if (is_punct(x, '.') && (T(sc, e + 1)->type == T_END || (T(sc, e + 1)->f & (F_SP | F_NL))))
			break;
		/* "..., Hereford - nights, finishes 06:00", "..., £11.44/hr": a
		 * clock time is the shift's, money the pay, both kept; the value
		 * ends at the separator before them */
		int money = (x->type == T_NUM && x->start >= 2 && sc->s[x->start - 2] == 0xC2 &&
			     sc->s[x->start - 1] == 0xA3) ||
			    (x->end - x->start > 2 && sc->s[x->start] == 0xC2 && sc->s[x->start + 1] == 0xA3);
		/* (the tokens read UTF-8 bytes as letters: "£11" is one word) */
		if (money ||
		    (x->type == T_NUM && ((x->f & F_CLOCK) || ((is_punct(T(sc, e + 1), ':') ||
								 is_punct(T(sc, e + 1), '.')) &&
								T(sc, e + 2)->type == T_NUM &&
								T(sc, e + 2)->start == T(sc, e + 1)->end)))) {
			long k = e;
			while (k > a && !(T(sc, k - 1)->type == T_PUNCT && strchr(",-(", T(sc, k - 1)->ch)))
				k--;
			e = k > a ? k - 1 : e;
			break;
		}
		if (x->type != T_WORD)
			continue;
		if ((x->cls & (C_PRON | C_BE)) || x->id == W_HAS || x->id == W_HAD || x->id == W_WILL) {
			if (!dash || !cap)
				return;
			e = dash;
			break;
		}
		if ((x->f & (F_CAP | F_UPPER)) &&
		    (x->id == W_POLICE || x->id == W_CONSTABULARY || x->id == W_COUNCIL))
			return;
		if ((x->f & (F_CAP | F_UPPER)) &&
		    !(x->cls & (C_NOTPL | C_DAY | C_MON | C_TITLE | C_KIN | C_DET | C_TIMEW)))
			cap = 1;
	}
	if (e == a + MAX_LABEL_VALUE || !cap)
		return;
	while (e > a && T(sc, e - 1)->type == T_PUNCT && !is_punct(T(sc, e - 1), ')'))
		e--;
	if (e > a)
		emit_place(sc, a, e, "place:workplace-label");
}

/*
 * A business someone owns, by its name and where it is: "owns <Name>
 * <Name>, <Street>", "(owns <Name>'s Bar, <Town>)", "owns the <Name>
 * <Name> halal butcher": after "owns" ("the" perhaps) one to four
 * capitalised words, then a comma and one to three capitalised words (its
 * street or town), or a lower-case venue word; ending the clause. "owns"
 * alone is more often a car's ("owns a <Make> <Model>", "owns <Make>
 * shares"), so the name needs where it is or what kind of place it is.
 */
RARE static void owns_named(struct scan *sc, long p)
{
	long a = p + 1;
	if (is_word(T(sc, a), W_THE))
		a++;
	long m = 0;
	while (m < 4 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
		m++;
	if (m == 0)
		return;
	long e = a + m;
	if (is_punct(T(sc, e), ',')) {
		long n = 0;
		while (n < 3 && (place_town_word(T(sc, e + 1 + n)) || (T(sc, e + 1 + n)->cls & C_ST)) &&
		       !(T(sc, e + 1 + n)->f & F_NL))
			n++;
		if (n == 0)
			return;
		e += 1 + n;
	} else if (T(sc, e)->type == T_WORD && (T(sc, e)->f & F_LOWER) && (T(sc, e)->cls & (C_VENUE | C_INST))) {
		e++;
	} else if (T(sc, e)->type == T_WORD && (T(sc, e)->f & F_LOWER) && T(sc, e + 1)->type == T_WORD &&
		   (T(sc, e + 1)->f & F_LOWER) && (T(sc, e + 1)->cls & (C_VENUE | C_INST))) {
		e += 2;
	} else {
		return;
	}
	if (!clause_end(T(sc, e)))
		return;
	emit_place(sc, is_word(T(sc, p + 1), W_THE) ? p + 1 : a, e, "place:workplace");
}

/*
 * A verb of a trade that says where someone works when "for" or "at" and
 * a name follow: "drives for <Firm>" (taxi, delivery and haulage work),
 * "cleans at <Place>", "labouring for <Firm>", "temping at <Firm>". The
 * word before p (the preposition), in any case (a log in capitals:
 * "DRIVES FOR <FIRM>"). "at" only after the cleaning and temping verbs
 * and "supervised" (a script taken daily at a pharmacy: "methadone,
 * supervised at <Pharmacy>, <Centre>"): "drives at night" names nothing.
 */
/* "contact supervised at <Family Centre>", "Contact with father is
 * supervised at ...": children's contact, at a centre that serves the
 * case, not a script. v is "supervised"; four words back at most, in
 * its clause. */
static int supervised_contact(const struct scan *sc, long v)
{
	for (long k = v - 1; k >= v - 4; k--) {
		const struct tok *w = T(sc, k);
		if (w->type != T_WORD)
			break;
		if (word_eq(sc, w, "contact") || word_eq(sc, w, "contacts") || word_eq(sc, w, "visits") ||
		    word_eq(sc, w, "visit") || word_eq(sc, w, "handover") || word_eq(sc, w, "handovers"))
			return 1;
		if (w->f & (F_NL | F_BRK))
			break;
	}
	return 0;
}

static int work_verb_before(const struct scan *sc, long p)
{
	static const char *const FOR[] = {"drives", "drove", "driving", "delivers", "delivering",
					  "cleans", "cleaning", "labouring", "labours", "temps",
					  "temping", "freelances", "freelancing", "subcontracts"};
	/* "supervised at <Pharmacy>": a script taken there daily */
	static const char *const AT[] = {"cleans", "cleaning", "temps", "temping", "supervised"};
	const struct tok *v = T(sc, p - 1);
	/* capitalised only where it starts the sentence, its subject left
	 * out as notes do: "Drives for <Firm>." */
	if (v->type != T_WORD || (v->f & F_CAP && !(v->f & (F_UPPER | F_BRK))) ||
	    (T(sc, p)->f & (F_NL | F_BRK)))
		return 0;
	size_t n = v->end - v->start;
	const char *c = (const char *)sc->s + v->start;
	/* every "for" and "at" comes here: most words before them start
	 * with none of these letters or are too short */
	if (n < 5 || !strchr("cdflstCDFLST", c[0]))
		return 0;
	int at = T(sc, p)->id == W_AT;
	const char *const *L = at ? AT : FOR;
	size_t m = at ? sizeof AT / sizeof AT[0] : sizeof FOR / sizeof FOR[0];
	for (size_t i = 0; i < m; i++)
		if (strlen(L[i]) == n && strncasecmp(c, L[i], n) == 0)
			return !(at && n == 10 && supervised_contact(sc, p - 1));
	return 0;
}

/*
 * "does nights at <Hospital>", "she's on lates at <Store>", "works earlies
 * at ...": a shift word after do/does/did/doing, "on" or works/working,
 * right before the "at" at p, says where the person works.
 */
static int shift_before(const struct scan *sc, long p)
{
	static const char *const SHIFT[] = {"nights", "lates", "earlies", "days", "nightshifts",
					    "shifts"};
	static const char *const VERB[] = {"do", "does", "did", "doing", "on", "works", "working"};
	const struct tok *w = T(sc, p - 1), *v = T(sc, p - 2);
	if (T(sc, p)->id != W_AT || w->type != T_WORD || !(w->f & F_LOWER) || v->type != T_WORD ||
	    (w->f & (F_NL | F_BRK)) || w->end - w->start < 4)
		return 0;
	int shift = 0, verb = 0;
	for (size_t i = 0; i < sizeof SHIFT / sizeof SHIFT[0] && !shift; i++)
		shift = word_eq(sc, w, SHIFT[i]);
	for (size_t i = 0; i < sizeof VERB / sizeof VERB[0] && shift && !verb; i++)
		verb = word_eq(sc, v, VERB[i]);
	return verb;
}

/* The employer after such a verb: capitalised, not a person (a kin word,
 * a title, a pronoun: "drives for Mum", "cleans for Mrs Hart" is a
 * person's house, found as a name), read as after "works for". */
static void work_verb_employer(struct scan *sc, long p)
{
	long j = p + 1;
	if (is_word(T(sc, j), W_THE))
		j++;
	const struct tok *x = T(sc, j);
	if (x->type != T_WORD || !(x->f & (F_CAP | F_UPPER)) || (x->f & F_NL) ||
	    (x->cls & (C_KIN | C_TITLE | C_PRON | C_DAY | C_MON | C_TIMEW | C_DET)))
		return;
	work_extent(sc, p + 1, 0);
}

/*
 * A job written without an article before "at", as notes list a person's
 * job: "Husband (surgeon at <Hospital>)", "<Name> nurse at <Hospital>,
 * <ward>", "now director at <Firm>, <Town>", "- care worker at <Home>".
 * p is the job word; up to two lower-case modifiers may come before it
 * ("care worker", "staff nurse"). Before them: a bracket, a comma, a
 * colon, a dash, a line's start, a capitalised word (the person), a kin
 * word or an adverb ("now"); not a determiner: "the doctor at <Hospital>"
 * is the professional a patient saw there, the hospital kept as it is
 * named; nor a preposition ("seen by nurse at ..."). try_job_noun then
 * reads the job and the employer as after "a".
 */
static int bare_job_at(const struct scan *sc, long p)
{
	/* every "at" comes here: most words before it are no job ("is at",
	 * "arrived at"), refused on their class or shape first */
	const struct tok *w = T(sc, p);
	if (w->type != T_WORD || (w->cls & (C_FUNC | C_PREP | C_PREP2 | C_CONJ | C_DET | C_BE)) ||
	    w->end - w->start < 3)
		return 0;
	if (!job_word(sc, T(sc, p), C_NOTPL | C_FUNC | C_PREP | C_PREP2 | C_CONJ | C_DET) ||
	    not_job(sc, T(sc, p)))
		return 0;
	long a = p;
	for (int k = 0; k < 2; k++) {
		const struct tok *x = T(sc, a - 1);
		if (x->type != T_WORD || !(x->f & F_LOWER) || (T(sc, a)->f & (F_NL | F_BRK)) ||
		    (x->cls & (C_FUNC | C_CONJ | C_PREP | C_PREP2 | C_DET | C_PRON | C_KIN | C_ADV)))
			break;
		a--;
	}
	const struct tok *b = T(sc, a - 1);
	if (T(sc, a)->f & (F_NL | F_BRK))
		return 1;
	if (b->type == T_PUNCT)
		return strchr("(,:;-", b->ch) != NULL;
	if (b->type != T_WORD || (b->cls & (C_DET | C_PREP | C_PREP2 | C_FUNC | C_CONJ)))
		return 0;
	return (b->f & (F_CAP | F_UPPER)) || (b->cls & (C_KIN | C_ADV));
}

/*
 * A child's age in brackets and the school after it, as children are
 * listed: "Children: Brenna (9), St Brigid's; Dara (6), Holy Trinity PS.",
 * "her son Kai (15, at Thornleigh)". p is the age
 * (1-2 digits, at most 18) closing its bracket. The name is one to four
 * capitalised words ending the list item (';', '.', a line's end) or, in
 * the bracket, after "at" up to ')'.
 */
RARE static void child_age_school(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (t->end - t->start > 2 || t->ndig != t->end - t->start)
		return;
	/* The digits by hand: the text is not NUL-terminated (strtol read past
	 * a field ending in the age: ASan with strict_string_checks). */
	int age = 0;
	for (size_t i = t->start; i < t->end; i++)
		age = age * 10 + (sc->s[i] - '0');
	if (age > 18)
		return;
	long o = p - 1;
	if (!is_punct(T(sc, o), '('))
		for (o = p - 1; o > p - 6 && !is_punct(T(sc, o), '(') && !is_punct(T(sc, o), ')'); o--)
			;
	if (!is_punct(T(sc, o), '(') || !(T(sc, o - 1)->f & F_CAP) || T(sc, o - 1)->type != T_WORD ||
	    (T(sc, o - 1)->cls & (C_NOTPL | C_DET | C_FUNC)))
		return;
	long a, in = 0;
	if (is_punct(T(sc, p + 1), ')') && is_punct(T(sc, p + 2), ','))
		a = p + 3;
	else if (is_punct(T(sc, p + 1), ',') && is_word(T(sc, p + 2), W_AT))
		a = p + 3, in = 1;
	else
		return;
	long m = 0;
	while (m < 4 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
		m++;
	const struct tok *z = T(sc, a + m);
	if (m == 0 || (in ? !is_punct(z, ')')
			  : !(z->type == T_END || (z->f & F_NL) || is_punct(z, ';') ||
			      (is_punct(z, '.') && (T(sc, a + m + 1)->f & (F_BRK | F_NL) ||
						    T(sc, a + m + 1)->type == T_END)))))
		return;
	emit_place(sc, a, a + m, "place:school");
}

/*
 * Approved premises (probation hostels), where an offender is released to
 * live: "Crown Hill AP, Kettering", "Thornby AP (Elm Villa)": one to three
 * capitalised words, then "AP", its town after a comma or its house's name
 * in brackets. Not "AP" for the aggrieved party in a log ("the AP", "AP
 * JONES stated": no name in mixed case before), nor after a house's name
 * alone ("<X> House AP" reads as a building). p is the "AP".
 */
/* A capitalised house word ("House", "Lodge") after a name word: the
 * house's name, not a town's */
static int house_name_at(const struct scan *sc, long k)
{
	const struct tok *h = T(sc, k);
	return h->type == T_WORD && (h->cls & C_BLD) && (h->f & F_CAP) && !(h->f & (F_UPPER | F_NL)) &&
	       place_town_word(T(sc, k - 1)) && !(T(sc, k - 1)->f & F_UPPER);
}

RARE static void approved_premises(struct scan *sc, long p)
{
	long a = p, m = 0;
	/* "<Name> House AP, <Town>": the house's name, with its town */
	int house = house_name_at(sc, p - 1) && !(T(sc, p)->f & F_NL);
	if (house)
		a--;
	while (m < 3 && place_town_word(T(sc, a - 1)) && !(T(sc, a - 1)->f & F_UPPER) &&
	       !(T(sc, a)->f & F_NL))
		a--, m++;
	if (m == 0)
		return;
	long e = trailing_town(sc, p + 1);
	if (house && e == p + 1)
		return; /* "(<Name> House AP)" alone: the hostel, no town */
	if (e == p + 1 && is_punct(T(sc, e), '(')) {
		long n = 0; /* "(Elm Villa)": the house */
		while (n < 3 && (place_town_word(T(sc, e + 1 + n)) || (T(sc, e + 1 + n)->cls & C_BLD)) &&
		       (T(sc, e + 1 + n)->f & F_CAP))
			n++;
		if (n > 0 && is_punct(T(sc, e + 1 + n), ')'))
			e += n + 2;
	}
	emit(sc, T(sc, a)->start, T(sc, e - 1)->end, SCRUB_ADDRESS, "addr:approved-premises");
	sc->skip_addr = e;
}

/*
 * Approved premises written out, with what says which: a name before
 * ("<Name> Approved Premises"), its town and house after (", <Town>",
 * ", <Name> House, <Town>", " in <Town>", then "(<Name> House)").
 * In either case ("approved premises in <Town>"). "Approved Premises" alone
 * ("an Approved Premises placement", "released to Approved Premises (<Name>
 * House)") names no place. p is "Premises".
 */
RARE static void approved_premises_words(struct scan *sc, long p)
{
	const struct tok *ap = T(sc, p - 1);
	if (ap->type != T_WORD || !(ap->f & (F_CAP | F_LOWER)) || ap->end - ap->start != 8 ||
	    strncasecmp((const char *)sc->s + ap->start, "approved", 8) != 0 ||
	    ((T(sc, p)->f & F_NL) && !((ap->f & F_LOWER) && (T(sc, p)->f & F_LOWER))))
		return; /* (wrapped only in lower case: "approved\npremises in <Town>") */
	long a = p - 1, m = 0, e = p + 1;
	while (m < 3 && place_town_word(T(sc, a - 1)) && !(T(sc, a - 1)->f & F_UPPER) &&
	       !(T(sc, a)->f & F_NL))
		a--, m++;
	for (int g = 0; g < 2 && is_punct(T(sc, e), ',') && !(T(sc, e + 1)->f & (F_BRK | F_NL)); g++) {
		long k = 0;
		while (k < 3 && place_town_word(T(sc, e + 1 + k)) && !(T(sc, e + 1 + k)->f & F_NL))
			k++;
		if (k > 0 && house_name_at(sc, e + 1 + k))
			k++; /* ", <Name> House," */
		if (k == 0 || !clause_end(T(sc, e + 1 + k)))
			break;
		e += 1 + k;
	}
	if (e == p + 1 && is_word(T(sc, e), W_IN)) {
		long k = 0; /* "the Approved Premises in <Town>" */
		while (k < 2 && place_town_word(T(sc, e + 1 + k)) && !(T(sc, e + 1 + k)->f & F_NL))
			k++;
		/* (then the clause's end or its lower-case words: "in <Town>
		 * with an exclusion zone", "in <Town> for 12 weeks") */
		const struct tok *z = T(sc, e + 1 + k);
		if (k > 0 && (clause_end(z) || (z->type == T_WORD && (z->f & F_LOWER))))
			e += 1 + k;
	}
	if (e > p + 1 && is_punct(T(sc, e), '(')) {
		long k = 0; /* "(<Name> House)", "(<District>)" after the town */
		while (k < 3 && (place_town_word(T(sc, e + 1 + k)) || house_name_at(sc, e + 1 + k)) &&
		       (T(sc, e + 1 + k)->f & F_CAP))
			k++;
		if (k > 0 && is_punct(T(sc, e + 1 + k), ')'))
			e += k + 2;
	}
	if (m == 0 && e == p + 1)
		return;
	emit(sc, T(sc, a)->start, T(sc, e - 1)->end, SCRUB_ADDRESS, "addr:approved-premises");
	if (e > sc->skip_addr)
		sc->skip_addr = e;
}

/*
 * A business named after the word for it: in apposition after someone's
 * ("his cousin's firm, <Name> Renovations", "her employer: <Name>", "their
 * company, <Name> Ltd"), or after "trading as" / "t/a" ("self-employed,
 * trading as <Name> <Name>"). p is the name's first capitalised word; the
 * name is up to four capitalised words that are no agency's, a town after
 * a comma perhaps (trailing_branch), ending the clause.
 */
RARE static void business_named(struct scan *sc, long p)
{
	static const char *const KIND[] = {"company", "business", "firm", "shop", "garage", "salon",
					   "takeaway", "restaurant", "employer", "practice"};
	const struct tok *b = T(sc, p - 1);
	long w;
	if (b->type == T_WORD) {
		/* "trading as <Name>" */
		const struct tok *t2 = T(sc, p - 2);
		if (b->id != W_AS || t2->type != T_WORD || t2->end - t2->start != 7 ||
		    strncasecmp((const char *)sc->s + t2->start, "trading", 7) != 0)
			return;
	} else {
		w = p - 2;
		const struct tok *k = T(sc, w), *o = T(sc, w - 1);
		size_t n = k->end - k->start, i;
		if (k->type != T_WORD || !(k->f & F_LOWER))
			return;
		for (i = 0; i < sizeof KIND / sizeof KIND[0]; i++)
			if (strlen(KIND[i]) == n && strncmp((const char *)sc->s + k->start, KIND[i], n) == 0)
				break;
		if (i == sizeof KIND / sizeof KIND[0] || o->type != T_WORD ||
		    !((o->f & F_POSS) || is_word(o, W_HIS) || is_word(o, W_HER) || is_word(o, W_THEIR)))
			return;
	}
	long m = 0, capn = 0;
	while (m < 4) {
		const struct tok *x = T(sc, p + m);
		if (m > 0 && is_punct(x, '&') && (T(sc, p + m + 1)->f & (F_CAP | F_UPPER))) {
			m++;
			continue;
		}
		if (x->type != T_WORD || !(x->f & (F_CAP | F_UPPER)) || (x->f & F_NL) ||
		    (x->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_TITLE | C_TIMEW)))
			break;
		if (!(x->cls & C_NOTPL))
			capn++;
		m++;
	}
	if (m == 0 || capn == 0 || (T(sc, p + m - 1)->cls & C_NOTPL))
		return;
	long e = trailing_branch(sc, p + m);
	if (!clause_end(T(sc, e)) && !(T(sc, e)->type == T_WORD && (T(sc, e)->f & F_LOWER)))
		return;
	emit_place(sc, p, e, "place:workplace");
}

/*
 * A colleague's or friend's workplace in brackets after the name:
 * "colleague Mr <Name> (<Store> department store, stockroom)", "her
 * friend <Name> <Name> (<Shop>, <Town>)". p is the first word in the
 * bracket; before it one to three capitalised words of the name (a
 * title perhaps) after "colleague(s)" or "friend". The bracket holds
 * capitalised words, the name of a place, then after a comma one to three
 * words (its part or its town), up to COLLEAGUE_ASIDE tokens; after
 * "friend" the comma must be there ("her friend <Name> (<Nickname>)" is a
 * name, found as such). Not an agency's name, a number or an age.
 */
#define COLLEAGUE_ASIDE 9 /* a place's name of up to five words, a comma, its part */

RARE static void colleague_aside(struct scan *sc, long p)
{
	long k = p - 2, names = 0;
	while (names < 3 && T(sc, k)->type == T_WORD && (T(sc, k)->f & F_CAP) &&
	       !(T(sc, k)->cls & (C_TITLE | C_NOTPL | C_DET | C_KIN)) && !(T(sc, k)->f & F_NL))
		k--, names++;
	if (names == 0)
		return;
	if (T(sc, k)->cls & C_TITLE)
		k--;
	const struct tok *c = T(sc, k);
	int colleague = c->id == W_COLLEAGUE || c->id == W_COLLEAGUES, friend = c->id == W_FRIEND;
	if (!colleague && !friend)
		return;
	long e = p, comma = 0, capw = 0;
	for (; e < p + COLLEAGUE_ASIDE; e++) {
		const struct tok *x = T(sc, e);
		if (is_punct(x, ')') || (x->f & F_NL) || x->type == T_END)
			break;
		if (is_punct(x, ',') && !comma && e > p) {
			comma = e;
			continue;
		}
		if (is_punct(x, '&') && e > p)
			continue;
		if (x->type != T_WORD || (x->cls & (C_PRON | C_BE | C_FUNC | C_TITLE | C_DAY | C_MON)))
			return;
		if ((x->f & (F_CAP | F_UPPER)) && !(x->cls & C_NOTPL))
			capw++;
	}
	if (!is_punct(T(sc, e), ')') || capw == 0 || (friend && !comma) ||
	    (T(sc, (comma ? comma : e) - 1)->cls & C_NOTPL))
		return;
	emit_place(sc, p, e, "place:workplace");
}

/*
 * Where someone lives, named in an aside by its district, estate or street
 * with no number: after a possessive home ("bailed to his mum's (<Name>
 * estate, <Town>)", "at his cousin's house (<Street>, <District>)", "his
 * place (<Estate>, <Town>)") the whole bracket; after a title and a name
 * in a bracket ("(Mr & Mrs <Name>, <District>)") the part after the comma,
 * unless a job comes before the bracket ("her interpreter (Mr <Name>,
 * <Agency>)": where he works, an agency's name).
 * p is the first capitalised word after the '(' or the ','. The words are
 * town words or street and estate words, up to HOME_ASIDE tokens, closing
 * the bracket; no institution, agency or time among them ("her mum's
 * (Saturday)", "(DC <Name>, <Force> Police)" are none).
 */
#define HOME_ASIDE 8 /* an estate, a street and a town, with commas */

RARE static void home_aside(struct scan *sc, long p)
{
	long o = p - 1;
	/* "arrested at his mum's, <District>.": the home in apposition, its
	 * place ending the clause */
	if (is_punct(T(sc, o), ',') && T(sc, o - 1)->type == T_WORD && (T(sc, o - 1)->cls & C_KIN) &&
	    (T(sc, o - 1)->f & F_POSS) && (T(sc, o - 1)->f & F_LOWER) &&
	    (is_word(T(sc, o - 2), W_HIS) || is_word(T(sc, o - 2), W_HER) || is_word(T(sc, o - 2), W_THEIR) ||
	     (T(sc, o - 2)->f & F_POSS)) &&
	    !(T(sc, p)->f & F_NL)) {
		long m = 0;
		while (m < 3 && place_town_word(T(sc, p + m)) && !(T(sc, p + m)->f & F_NL) &&
		       !(T(sc, p + m)->cls & (C_INST | C_INSTC | C_HOSP)))
			m++;
		if (m > 0 && clause_end(T(sc, p + m)))
			emit_address(sc, p, p + m, "addr:home-apposition");
		return;
	}
	if (is_punct(T(sc, o), '(')) {
		const struct tok *b = T(sc, o - 1), *b2 = T(sc, o - 2);
		int home = (b->type == T_WORD && (b->f & F_POSS) && !(b->f & F_CAP) && !(b->cls & C_KIN)) ||
			   (b->type == T_WORD && (b->cls & C_KIN) && (b->f & F_POSS)) ||
			   (b->type == T_WORD && (b->id == W_HOUSE || b->id == W_HOME || b->id == W_PLACE ||
						  (b->cls & C_FLAT)) &&
			    b2->type == T_WORD &&
			    ((b2->f & F_POSS) || is_word(b2, W_HIS) || is_word(b2, W_HER) ||
			     is_word(b2, W_THEIR)));
		if (!home || (T(sc, p)->f & F_NL))
			return;
	} else {
		/* back over the name and the title(s) to the bracket */
		long k = p - 2, names = 0;
		while (names < 3 && T(sc, k)->type == T_WORD && (T(sc, k)->f & F_CAP) &&
		       !(T(sc, k)->cls & (C_TITLE | C_NOTPL | C_DET | C_KIN)) && !(T(sc, k)->f & F_NL))
			k--, names++;
		if (names == 0 || !(T(sc, k)->cls & C_TITLE))
			return;
		k--;
		if (is_punct(T(sc, k), '&') && (T(sc, k - 1)->cls & C_TITLE))
			k -= 2;
		if (!is_punct(T(sc, k), '('))
			return;
		/* after a job ("her interpreter (Mr <Name>, <Agency>)", "an
		 * interpreter was used by phone (Ms <Name>, <Agency>)") the
		 * place is the agency or firm he works for, read as such: a job
		 * word in the sentence up to HOME_ASIDE tokens before */
		for (long b = k - 1; b > k - 1 - HOME_ASIDE && b >= sc->ss; b--) {
			if (job_word(sc, T(sc, b), 0) && !not_job(sc, T(sc, b)))
				return;
			if (T(sc, b)->f & F_BRK)
				break;
		}
	}
	long e = p, words = 0;
	for (; e < p + HOME_ASIDE; e++) {
		const struct tok *x = T(sc, e);
		if (x->f & F_NL)
			return;
		if (is_punct(x, ')'))
			break;
		if (is_punct(x, ',') && e > p)
			continue;
		if (x->type != T_WORD || (x->cls & (C_INST | C_INSTC | C_HOSP)))
			return;
		if (place_town_word(x))
			words++;
		else if (!((x->f & F_LOWER) && (x->cls & (C_ST | C_STA))))
			return;
	}
	if (!is_punct(T(sc, e), ')') || words == 0)
		return;
	emit_address(sc, p, e, "addr:home-aside");
}

/*
 * A neighbour's house by its number alone after a comma or bracket: "(Mrs
 * Obi, no. 14)", "on the same street, no. 29 and 41", "2 doors away - no.
 * 25": "no.", one or two house numbers, ending the clause. p is the "no".
 */
RARE static void house_no_alone(struct scan *sc, long p)
{
	const struct tok *b = T(sc, p - 1);
	/* s21-never: also after a spaced dash ("lives 2 doors away - no. 25") */
	int dash = is_punct(b, '-') && b->start > T(sc, p - 2)->end && T(sc, p)->start > b->end;
	if (!(is_punct(b, ',') || is_punct(b, '(') || dash))
		return;
	long e = is_punct(T(sc, p + 1), '.') ? p + 2 : p + 1;
	if (e == p + 1 && (T(sc, p)->end >= sc->n || sc->s[T(sc, p)->end] != '.'))
		return; /* the stop may be cut with the abbreviation */
	if (T(sc, e)->type != T_NUM || !(T(sc, e)->f & F_HOUSE))
		return;
	e++;
	if (is_word(T(sc, e), W_AND) && T(sc, e + 1)->type == T_NUM && (T(sc, e + 1)->f & F_HOUSE))
		e += 2;
	const struct tok *z = T(sc, e);
	if (!(z->type == T_END || (z->f & F_NL) || is_punct(z, ')') || is_punct(z, ',') ||
	      is_punct(z, ';') || is_punct(z, '-') ||
	      (is_punct(z, '.') && (T(sc, e + 1)->type == T_END || (T(sc, e + 1)->f & (F_BRK | F_NL))))))
		return;
	emit(sc, T(sc, p)->start, T(sc, e - 1)->end, SCRUB_ADDRESS, "addr:house-number");
	sc->skip_addr = e;
}

/* Is the token before p (a ':' between allowed) the word "code" after
 * "practice" or "ODS", and p one capital and five digits? */
RARE static int ods_code_label(const struct scan *sc, long p)
{
	const unsigned char *d = sc->s + T(sc, p)->start;
	for (int k = 1; k < 6; k++)
		if (!is_digit(d[k]))
			return 0;
	long c = p - 1 - is_punct(T(sc, p - 1), ':');
	const struct tok *w = T(sc, c), *l = T(sc, c - 1);
	if (w->type != T_WORD || w->end - w->start != 4 ||
	    strncasecmp((const char *)sc->s + w->start, "code", 4) != 0 || l->type != T_WORD)
		return 0;
	size_t n = l->end - l->start;
	return (n == 8 && strncasecmp((const char *)sc->s + l->start, "practice", 8) == 0) ||
	       (n == 3 && strncasecmp((const char *)sc->s + l->start, "ods", 3) == 0);
}

/*
 * A care provider named after its cue, the employer of the carers who
 * come to the home: "carers (<Name> Care <Town>)", "care package via
 * <Name>", "Care staff from <Name> <Town>", "a domiciliary carer (<Name>,
 * <Name> Care)". p is the name's first word, after '(', ':' or
 * from/via/with; before that "carer(s)", or "staff", "package" after
 * "care", or "help" after "home" ("Care agency: <Name>" is labelled both
 * ways: an agency of the case, left to the agencies' lexicon). The
 * name is read as a job's employer (job_employer: "Social Care", an
 * agency's name, is kept); a forename first in the bracket is the carer.
 */
static void care_provider(struct scan *sc, long p)
{
	const struct tok *b = T(sc, p - 1), *c = T(sc, p - 2), *d = T(sc, p - 3);
	if (!(is_punct(b, '(') || is_punct(b, ':') || is_word(b, W_FROM) || is_word(b, W_VIA) ||
	      is_word(b, W_WITH)) || c->type != T_WORD || (b->f & F_NL))
		return;
	int cue = word_eq(sc, c, "carers") || word_eq(sc, c, "carer") ||
		  ((word_eq(sc, c, "staff") || word_eq(sc, c, "package")) &&
		   word_eq(sc, d, "care")) ||
		  (word_eq(sc, c, "help") && word_eq(sc, d, "home")) ||
		  /* "the block's managing agent (<Name> Block Management)",
		   * "her landlord (<Name> Lettings)": a firm that holds a key
		   * or the tenancy, in brackets after what it is */
		  (is_punct(b, '(') &&
		   (word_eq(sc, c, "landlord") ||
		    ((word_eq(sc, c, "agent") || word_eq(sc, c, "agents")) &&
		     (word_eq(sc, d, "managing") || word_eq(sc, d, "letting") || word_eq(sc, d, "lettings") ||
		      word_eq(sc, d, "estate")))));
	if (!cue)
		return;
	long a = p;
	if (is_punct(b, '(') && is_punct(T(sc, p + 1), ',') && (T(sc, p + 2)->f & F_CAP) &&
	    !(T(sc, p + 2)->f & F_NL))
		a = p + 2; /* "(<Forename>, <Name> Care)": the carer's name first */
	else if (is_punct(b, '('))
		a = person_then_employer(sc, p);
	job_employer(sc, a, 0);
}

/*
 * The other side's solicitor named with the firm: "his solicitor (Ms
 * <Name>, <Firm>, <Town>)", "Father's solicitor Mr <Name> at <Firm>",
 * "His solicitor is Mr <Name> at <Firm> & Partners": the firm is where
 * that person works, no agency of the case. Hers, and a firm named alone
 * ("non-mol via <Name> Solicitors"), serve the case as agencies and are
 * kept (the sets label hers both ways). p is the firm's first word; back
 * from it at, of, '(' or ',', one to three capitalised words of the
 * person (a title perhaps), a '(', ',' or "is" perhaps, "solicitor",
 * then his, father's, husband's ... (his_side).
 */
static int his_side(const struct scan *sc, const struct tok *w)
{
	static const char *const WHO[] = {"father's", "husband's", "dad's", "respondent's", "perpetrator's",
					  "suspect's", "partner's", "ex's", "pop's", "offender's"};
	if (is_word(w, W_HIS))
		return 1;
	for (size_t i = 0; i < sizeof WHO / sizeof WHO[0]; i++)
		if (word_eq(sc, w, WHO[i]))
			return 1;
	return 0;
}

static void solicitor_firm(struct scan *sc, long p)
{
	const struct tok *b = T(sc, p - 1);
	if (!(is_punct(b, '(') || is_punct(b, ',') || is_word(b, W_AT) || is_word(b, W_OF)) ||
	    (b->f & F_NL))
		return;
	long k = p - 2, names = 0;
	while (names < 3 && T(sc, k)->type == T_WORD && (T(sc, k)->f & (F_CAP | F_UPPER)) &&
	       !(T(sc, k)->f & F_NL) &&
	       !(T(sc, k)->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_NOTPL | C_TITLE | C_KIN | C_DAY | C_MON)))
		k--, names++;
	if (names == 0)
		return;
	if ((T(sc, k)->cls & C_TITLE) && !(T(sc, k)->f & F_NL))
		k--;
	if (is_punct(T(sc, k), '(') || is_punct(T(sc, k), ',') || is_word(T(sc, k), W_IS))
		k--;
	if (!word_eq(sc, T(sc, k), "solicitor") || !his_side(sc, T(sc, k - 1)))
		return;
	/* the firm: up to five capitalised words ("<Name> Family Law",
	 * "<Name> & Partners"), ending its clause */
	long m = 0;
	while (m < 5) {
		const struct tok *x = T(sc, p + m);
		if (m > 0 && is_punct(x, '&') && (T(sc, p + m + 1)->f & F_CAP) && !(T(sc, p + m + 1)->f & F_NL)) {
			m++;
			continue;
		}
		if (x->type != T_WORD || !(x->f & (F_CAP | F_UPPER)) || (m > 0 && (x->f & F_NL)) ||
		    ((x->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_TITLE | C_TIMEW)) &&
		     !(m > 0 && is_punct(T(sc, p + m - 1), '&'))))
			break;
		m++;
	}
	const struct tok *e = T(sc, p + m);
	if (m == 0 || !(e->type == T_END || e->type == T_PUNCT || (e->f & (F_NL | F_BRK)) ||
			(e->type == T_WORD && (e->f & F_LOWER))))
		return;
	emit_place(sc, p, trailing_branch(sc, p + m), "place:workplace");
}

/* A boat's word within twenty tokens of p ("boaters on NB <Name>", "her
 * narrowboat, NB <Name>, moored at ..."). */
static int boat_near(const struct scan *sc, long p)
{
	static const char *const BOAT[] = {"boat", "boats", "boater", "boaters", "narrowboat",
					   "narrowboats", "moored", "mooring", "moorings", "marina",
					   "canal", "towpath", "lock", "wharf", "cruising", "berth",
					   "berthed", NULL};
	for (long i = p - 20; i <= p + 20; i++) {
		if (i < 0 || i == p)
			continue;
		const struct tok *w = T(sc, i);
		if (w->type == T_END && i > p)
			break;
		if (w->type != T_WORD || !(w->f & F_LOWER) || w->end - w->start < 4)
			continue;
		for (int k = 0; BOAT[k]; k++)
			if (word_eq(sc, w, BOAT[k]))
				return 1;
	}
	return 0;
}

void place_addresses(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	/* "(taxi driver, Streamline Cars, ...)": decided at the first
	 * capitalised word after the comma (a step sees no punctuation) */
	if (t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && p >= sc->skip_place &&
	    is_punct(T(sc, p - 1), ',') && (T(sc, p - 2)->f & (F_LOWER | F_UPPER))) {
		if (is_punct(T(sc, p - 3), '('))
			job_aside(sc, p - 3);
		else if ((T(sc, p - 3)->f & (F_LOWER | F_CAP | F_UPPER)) && is_punct(T(sc, p - 4), '('))
			job_aside(sc, p - 4);
	}
	/* "FIL's business: <Firm>, <Town>": a label with no word of its own
	 * in the tables, decided at the value's first capitalised word */
	if (t->type == T_WORD && (t->f & F_CAP) && p >= sc->skip_place && is_punct(T(sc, p - 1), ':') &&
	    T(sc, p - 2)->type == T_WORD && T(sc, p - 2)->end - T(sc, p - 2)->start == 8 &&
	    strncasecmp((const char *)sc->s + T(sc, p - 2)->start, "business", 8) == 0 &&
	    !(t->f & F_NL) && label_owned(sc, p - 2))
		label_value(sc, p);
	/* "his cousin's firm, <Name> <Name>", "her business: <Name>",
	 * "trading as <Name> <Name>": decided at the name's first word */
	if (t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && p >= sc->skip_place && !(t->f & F_NL) &&
	    (((is_punct(T(sc, p - 1), ',') || is_punct(T(sc, p - 1), ':')) && (T(sc, p - 2)->f & F_LOWER)) ||
	     is_word(T(sc, p - 1), W_AS)))
		business_named(sc, p);
	/* "colleague Mr <Name> (<Store>, stockroom)": decided at the
	 * bracket's first word */
	if (t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && p >= sc->skip_place &&
	    is_punct(T(sc, p - 1), '(') && (T(sc, p - 2)->f & F_CAP) && T(sc, p - 2)->type == T_WORD)
		colleague_aside(sc, p);
	/* "FV <Name>", "MV <Name>": a fishing or motor vessel, where its
	 * crew works and can be found */
	if (t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && p >= sc->skip_place && !(t->f & F_NL) &&
	    T(sc, p - 1)->type == T_WORD && (T(sc, p - 1)->f & F_UPPER) &&
	    T(sc, p - 1)->end - T(sc, p - 1)->start == 2 &&
	    ((sc->s[T(sc, p - 1)->start + 1] == 'V' &&
	      (sc->s[T(sc, p - 1)->start] == 'F' || sc->s[T(sc, p - 1)->start] == 'M')) ||
	     /* s42-never: "NB <Name>", a narrowboat, where a boat's words
	      * are near (not "NB Please call": nota bene) */
	     (sc->s[T(sc, p - 1)->start] == 'N' && sc->s[T(sc, p - 1)->start + 1] == 'B' &&
	      boat_near(sc, p)))) {
		long m = 0;
		while (m < 4 && T(sc, p + m)->type == T_WORD && (T(sc, p + m)->f & (F_CAP | F_UPPER)) &&
		       !(T(sc, p + m)->f & F_NL) && !(T(sc, p + m)->cls & (C_DET | C_PRON | C_FUNC | C_CONJ)))
			m++;
		if (m > 0)
			emit_place(sc, p - 1, p + m, "place:vessel");
	}
	/* "bailed to his mum's (<Estate>, <Town>)", "(Mr & Mrs <Name>,
	 * <District>)": where someone lives, in an aside */
	if (t->type == T_WORD && (t->f & F_CAP) && p >= sc->skip_addr &&
	    (is_punct(T(sc, p - 1), '(') || is_punct(T(sc, p - 1), ',')))
		home_aside(sc, p);
	/* "Oliwia (Y9, Blue Coat)", "(Year 4, Hill Top)": the year group,
	 * then the school, decided at the year (a step sees no punctuation) */
	if (p >= sc->skip_place && is_punct(T(sc, p + 1), ',') &&
	    (is_punct(T(sc, p - 1), '(') || (T(sc, p - 1)->id == W_YEAR && is_punct(T(sc, p - 2), '('))) &&
	    year_group_before(sc, p))
		role_school(sc, p);
	/* "ODS B85612", "(ODS C84044)": a GP practice's NHS code, named by its
	 * label wherever it stands (a letterhead, after a street) */
	/* "ODS B85612", "(ODS C84044)": a GP practice's NHS code, named by its
	 * label wherever it stands (a letterhead, after a street) */
	if (t->type == T_WORD && (t->f & F_UPPER) && t->end - t->start == 3 &&
	    memcmp(sc->s + t->start, "ODS", 3) == 0 && p >= sc->skip_place) {
		const struct tok *c = T(sc, p + 1);
		const unsigned char *d = sc->s + c->start;
		int code = c->type == T_WORD && c->end - c->start == 6 && d[0] >= 'A' && d[0] <= 'Z' &&
			   !(c->f & F_NL);
		for (int k = 1; k < 6 && code; k++)
			code = is_digit(d[k]);
		if (code)
			emit_place(sc, p + 1, p + 2, "place:gp");
	}
	/* s36: typed in small letters, a surgery named by its street ("gp
	 * (holt rd surgery)", "reg at mill lane surgery") */
	if (t->id == W_SURGERY && (t->f & F_LOWER) && p - 2 >= sc->skip_place &&
	    p - 2 >= sc->ntok - BACK && (T(sc, p - 1)->cls & (C_ST | C_STA | C_SAB)) &&
	    (T(sc, p - 1)->f & F_LOWER) && T(sc, p - 2)->type == T_WORD &&
	    (T(sc, p - 2)->f & F_LOWER) && T(sc, p - 2)->end - T(sc, p - 2)->start >= 3 &&
	    !is_word(T(sc, p - 2), W_THE) && !(T(sc, p - 1)->f & F_NL) && !(t->f & F_NL))
		emit_place(sc, p - 2, p + 1, "place:gp");
	/* "THE <NAME> SURGERY  ·  Y02990", "<Name> Practice, <Town>
	 * (P81071)": the code on a letterhead's line after the practice */
	if (t->type == T_WORD && t->end - t->start == 6 && sc->s[t->start] >= 'A' &&
	    sc->s[t->start] <= 'Z' && p >= sc->skip_place && ods_after_practice(sc, p))
		emit_place(sc, p, p + 1, "place:gp");
	/* "Practice code C82044", "ODS code: C84044": the same code by the
	 * practice's other label, decided at the code */
	if (t->type == T_WORD && t->end - t->start == 6 && sc->s[t->start] >= 'A' &&
	    sc->s[t->start] <= 'Z' && p >= sc->skip_place && !(t->f & F_NL) && ods_code_label(sc, p))
		emit_place(sc, p, p + 1, "place:gp");
	/* "Dara (6), Holy Trinity PS;": decided at the age */
	if (t->type == T_NUM && p >= sc->skip_place &&
	    (is_punct(T(sc, p + 1), ')') || is_punct(T(sc, p + 1), ',')))
		child_age_school(sc, p);
	if (t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && p >= sc->skip_place &&
	    (is_punct(T(sc, p - 1), ',') || is_punct(T(sc, p - 1), '(')) &&
	    (T(sc, p - 2)->f & (F_CAP | F_UPPER)) && T(sc, p - 2)->type == T_WORD)
		job_person_employer(sc, p);
	/* "husband, self-employed stonemason (<Firm>, <Town>)": a job with no
	 * article, then its employer in brackets, decided at the bracket's
	 * first word (the job reaches no step); a forename first in them
	 * ("social worker (<Forename> <Name>)") only with an employer after. Not
	 * an abbreviation ("DA worker (YPVA)": the role's), nor an
	 * interpreter's agency or a solicitor's firm, which serve the case
	 * as agencies do (job_person_employer) */
	if (t->type == T_WORD && (t->f & F_CAP) && !(t->f & (F_UPPER | F_NL)) && p >= sc->skip_place &&
	    is_punct(T(sc, p - 1), '(') && (T(sc, p - 2)->f & F_LOWER) && !interpreter(sc, T(sc, p - 2)) &&
	    !word_eq(sc, T(sc, p - 2), "solicitor") && bare_job_at(sc, p - 2))
		try_job_noun(sc, p - 3,
			     (lex_classify((const char *)sc->s + t->start, t->end - t->start) & LEX_FORENAME) ? 2 : 1);
	if (t->type == T_WORD && (t->f & F_CAP) && !(t->f & F_NL) && p >= sc->skip_place) {
		care_provider(sc, p);
		solicitor_firm(sc, p);
	}
	/* "TAXI DRIVER (<FIRM>)", "BUS DRIVER (<FIRM>) CALLER": in a log in
	 * capitals, the firm in brackets right after a job */
	if (t->type == T_WORD && (t->f & F_UPPER) && p >= sc->skip_place && is_punct(T(sc, p - 1), '(') &&
	    !(t->f & F_NL) && job_word_upper(sc, T(sc, p - 2), C_NOTPL | C_FUNC | C_PREP | C_PREP2 | C_DET) &&
	    !not_job(sc, T(sc, p - 2)))
		employer_to_comma(sc, p, 0);
	/* decided at the "AP" even inside a street's failed reading ("House AP") */
	if (t->type == T_WORD && (t->f & F_UPPER) && t->end - t->start == 2 &&
	    sc->s[t->start] == 'A' && sc->s[t->start + 1] == 'P' && !(t->f & F_NL))
		approved_premises(sc, p);
	if (t->type == T_WORD && (t->f & (F_CAP | F_LOWER)) && !(t->f & F_UPPER) &&
	    t->end - t->start == 8 && strncasecmp((const char *)sc->s + t->start, "premises", 8) == 0)
		approved_premises_words(sc, p);
	if (p < sc->skip_addr)
		return;
	if (t->type == T_WORD && (t->f & F_LOWER) && t->id == W_NO)
		house_no_alone(sc, p);
	if (p < sc->skip_addr)
		return;
	if (t->type == T_WORD && (t->f & (F_CAP | F_UPPER)) && is_punct(T(sc, p - 1), '('))
		neighbour_dwelling(sc, p - 1); /* decided at the bracket's first word */
	if (p < sc->skip_addr)
		return;
	if (t->type == T_NUM)
		try_number(sc, p);
	else if (t->type != T_WORD)
		return;
	else if ((t->cls & C_FLAT) || (t->id == W_SITE && (t->f & F_CAP)) ||
		 ((t->id == W_PITCH || t->id == W_PLOT) && T(sc, p + 1)->type == T_NUM) ||
		 /* s46-never: "static caravan no. 41, <Name> row, <Name> holiday
		  * park": a caravan by its number, as a flat */
		 (t->id == W_CARAVAN && (t->f & F_LOWER) &&
		  (T(sc, p + 1)->type == T_NUM || T(sc, p + 1)->id == W_NO) &&
		  !(T(sc, p + 1)->f & F_NL)) ||
		 (t->id == W_VAN && (t->f & F_LOWER) && T(sc, p + 1)->type == T_NUM &&
		  T(sc, p + 1)->end - T(sc, p + 1)->start <= 3 &&
		  !(T(sc, p + 1)->end < sc->n && (sc->s[T(sc, p + 1)->end] == ':' ||
		                                  sc->s[T(sc, p + 1)->end] == '.')) &&
		  p > 0 && (T(sc, p - 1)->id == W_IN || T(sc, p - 1)->id == W_HER)))
		try_flat(sc, p); /* "Site 2, <Street> travellers' site", "trailer on pitch 6":
				  * a pitch's number; "in van 41 at <Name> Bay": a static
				  * caravan's (not "Van 41" a police unit, nor "a van") */
	else if (t->id == W_NUMBER || t->id == W_NO)
		try_number_word(sc, p);
	else if (t->id == W_PO)
		try_po_box(sc, p);
	else if (t->cls & (C_PREP | C_PREP2))
		try_prep_street(sc, p);
	if (t->type == T_WORD && (t->id == W_IN || t->id == W_OF) && p >= sc->skip_addr)
		try_kin_town(sc, p);
	if (t->type == T_WORD && p >= sc->skip_addr &&
	    (t->id == W_ADDRESS || (t->id == W_HOME && is_punct(T(sc, p + 1), ':'))))
		try_address_label(sc, p); /* "Address is ...", "Home: Rose Cottage, ..." */
	else if (t->f & F_CAP)
		try_bare_street(sc, p);
}

/*
 * A school named after the lower-case word "school": "her old school
 * Harry Gosling told ...", "the school nurse at Larkrise reports ...".
 * After "old", "new", "previous", "former", "current" or a possessive, one
 * to three capitalised words (no title, agency or day) ending the clause or
 * followed by a lower-case word; or after one or two lower-case words of a
 * role there (nurse, office, staff ...) and "at", the capitalised words.
 */
/*
 * A name glossed as someone's school in brackets after it: "Referral from
 * QEGS (Daniel's school)", "a call from Oakwood (her son's school)": the
 * one to four capitalised words before the bracket, at school token p.
 */
static void school_glossed(struct scan *sc, long p)
{
	if (!is_punct(T(sc, p + 1), ')') || !(T(sc, p - 1)->f & F_POSS))
		return;
	long o = p - 1;
	while (o > p - 4 && T(sc, o)->type == T_WORD && !(T(sc, o)->f & F_NL))
		o--;
	if (!is_punct(T(sc, o), '('))
		return;
	long a = o, m = 0;
	while (m < 4 && (place_town_word(T(sc, a - 1)) || (T(sc, a - 1)->f & F_UPPER)) &&
	       T(sc, a - 1)->type == T_WORD && !(T(sc, a - 1)->cls & (C_NOTPL | C_TITLE | C_KIN)) &&
	       !(T(sc, a)->f & F_NL) && a - 1 >= sc->ss)
		a--, m++;
	/* one word: not a common word ("Yesterday (her son's school) rang") */
	if (m == 1 && !(T(sc, a)->f & F_UPPER) &&
	    !name_like(lex_classify((const char *)sc->s + T(sc, a)->start, T(sc, a)->end - T(sc, a)->start)))
		return;
	if (m > 0)
		emit(sc, T(sc, a)->start, T(sc, o - 1)->end, SCRUB_PLACE, "place:school-glossed");
}

static void school_named_after(struct scan *sc, long p)
{
	school_glossed(sc, p);
	const struct tok *pr = T(sc, p - 1);
	long a = p + 1;
	int adj = pr->id == W_OLD || pr->id == W_NEW || pr->id == W_CURRENT ||
		  is_word(pr, W_HER) || is_word(pr, W_HIS) || is_word(pr, W_THEIR) ||
		  ((pr->f & F_POSS) && pr->type == T_WORD) ||
		  (pr->type == T_WORD && (pr->f & F_LOWER) &&
		   ((pr->end - pr->start == 8 && strncmp((const char *)sc->s + pr->start, "previous", 8) == 0) ||
		    (pr->end - pr->start == 6 && strncmp((const char *)sc->s + pr->start, "former", 6) == 0)));
	/* when, then the name after a comma or dash: "a new school after half
	 * term, St Clare's - Dad not told", "her new school from September -
	 * Oakfield" */
	if (adj && T(sc, a)->type == T_WORD &&
	    (T(sc, a)->cls & C_TPREP || T(sc, a)->id == W_IN || T(sc, a)->id == W_SINCE ||
	     T(sc, a)->id == W_THIS || T(sc, a)->id == W_LAST || T(sc, a)->id == W_NEXT)) {
		long b = a + 1;
		while (b < a + 4 && (T(sc, b)->type == T_NUM ||
				     (T(sc, b)->type == T_WORD &&
				      ((T(sc, b)->f & F_LOWER) || (T(sc, b)->cls & (C_MON | C_DAY))))) &&
		       !(T(sc, b)->f & (F_NL | F_BRK)))
			b++;
		if ((is_punct(T(sc, b), ',') || is_punct(T(sc, b), '-')) &&
		    !(T(sc, b + 1)->f & (F_NL | F_BRK)) && (T(sc, b + 1)->f & F_CAP))
			a = b + 1;
	}
	if (!(T(sc, a)->f & (F_CAP | F_UPPER))) {
		/* "school nurse at", "school office at" */
		int k = 0;
		while (k < 2 && T(sc, a)->type == T_WORD && (T(sc, a)->f & F_LOWER) &&
		       !(T(sc, a)->cls & (C_FUNC | C_PREP | C_CONJ | C_DET | C_PRON)))
			a++, k++;
		if (k == 0 || !is_word(T(sc, a), W_AT))
			return;
		a++;
		adj = 1;
	}
	if (!adj || (T(sc, a)->f & (F_NL | F_BRK)))
		return;
	long m = 0;
	while (m < 3 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_NL))
		m++;
	const struct tok *z = T(sc, a + m);
	if (m == 0 || (z->type == T_WORD && !(z->f & (F_LOWER | F_NL))) || z->type == T_NUM)
		return;
	emit_place(sc, a, a + m, "place:school");
}

/*
 * A GP's sign-off naming the practice: "Dr Bhattacharya, Fakenham MP." -
 * after a doctor's title and name and a comma, one or two capitalised
 * words and "MP" (medical practice) ending the line or the sentence. Not
 * a Member of Parliament, who has no "Dr X," before the place.
 */
static void gp_signoff(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *z = T(sc, p + 1);
	if (!(t->f & F_UPPER) || !(z->type == T_END || z->type == T_PUNCT || (z->f & F_NL)))
		return;
	long a = p, m = 0;
	while (m < 2 && place_town_word(T(sc, a - 1)) && !(T(sc, a)->f & F_NL))
		a--, m++;
	if (m == 0 || !is_punct(T(sc, a - 1), ','))
		return;
	long k = a - 2, names = 0;
	while (names < 3 && T(sc, k)->type == T_WORD && (T(sc, k)->f & (F_CAP | F_UPPER)) &&
	       !(T(sc, k)->cls & C_TITLE))
		k--, names++;
	if (names == 0 || T(sc, k)->id != W_DR)
		return;
	emit_place(sc, a, p + 1, "place:gp");
}

/*
 * "High" at p naming a high school with its school word left out: "Nia
 * attends Dalby High.", "Dalby High (attendance 94%)": after a capitalised
 * name, with no capitalised word after it ("High Street", "High Court",
 * "High School" are decided elsewhere); not a risk level ("Risk High",
 * "Very High": in capitals that is a level, so a log's "BRAEHEAD HIGH"
 * only after "SCHOOL").
 */
RARE static int high_school(const struct scan *sc, long p)
{
	static const char *const LEVEL[] = {"risk", "very", "medium", "level", "standard",
					    "priority", "rated", "grade", "threat", "harm"};
	const struct tok *t = T(sc, p), *a = T(sc, p - 1), *z = T(sc, p + 1);
	/* a line may break before the name after "attend"/"at": "will
	 * attend\n<Town> High" */
	int wrapped = (a->f & F_NL) && !(a->f & F_BLANK) &&
		      ((T(sc, p - 2)->cls & C_ATTEND) || is_word(T(sc, p - 2), W_AT));
	if (a->type != T_WORD || (a->f & F_DIGIT) || ((a->f & F_NL) && !wrapped) || (t->f & F_NL) ||
	    (z->type == T_WORD && (z->f & (F_CAP | F_UPPER)) && !(z->f & F_NL)) ||
	    (a->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_CONJ | C_TITLE | C_DAY | C_MON)))
		return 0;
	size_t n = a->end - a->start;
	for (size_t k = 0; k < sizeof LEVEL / sizeof LEVEL[0]; k++)
		if (strlen(LEVEL[k]) == n && strncasecmp((const char *)sc->s + a->start, LEVEL[k], n) == 0)
			return 0;
	if (t->f & F_UPPER)
		return (a->f & F_UPPER) && T(sc, p - 2)->id == W_SCHOOL && (T(sc, p - 2)->f & F_UPPER);
	return (t->f & F_CAP) && (a->f & F_CAP) && !(a->f & F_UPPER);
}

/*
 * "by carer <Name> from <Town> Care", "the carer from <Firm> Care": a
 * carer comes "from" the care provider that employs her; "carer" right
 * before "from" or before the carer's one capitalised name. p is the
 * "from". The employer is read as after "a nurse at" (job_employer): an
 * agency is kept. Not other workers: a support worker "from" a service
 * and a grant "from" a council are the case's agencies.
 */
static void job_from(struct scan *sc, long p)
{
	const struct tok *w = T(sc, p - 1);
	if (w->type == T_WORD && (w->f & F_CAP) && !(w->cls & (C_FUNC | C_PRON | C_DET | C_TITLE)) &&
	    !(w->f & (F_NL | F_BRK)))
		w = T(sc, p - 2); /* the worker's name */
	if (w->type != T_WORD || !(w->f & F_LOWER) || !(T(sc, p + 1)->f & F_CAP) ||
	    (T(sc, p + 1)->f & F_NL) || !(word_eq(sc, w, "carer") || word_eq(sc, w, "carers")))
		return;
	job_employer(sc, p + 1, 0);
}

/*
 * "GP <Name> Partnership.", "GP <Name> House": a practice named right after
 * "GP" with no label mark, known by its last word, a named building or a
 * word that names a practice only after a modifier (Partnership, Centre),
 * "GP" standing for that modifier here. One to four capitalised words,
 * ending the sentence, the line or a clause. Not "GP Partner", "GP
 * Dr <Name>": no such last word.
 */
static void gp_named(struct scan *sc, long p)
{
	long a = p + 1, m = 0;
	while (m < 4) {
		const struct tok *w = T(sc, a + m);
		if ((w->f & F_NL) || !(place_town_word(w) || (w->type == T_WORD && (w->f & F_CAP) &&
								(w->cls & (C_BLD | C_INSTC)))))
			break;
		m++;
	}
	if (m < 2 || !(T(sc, a + m - 1)->cls & (C_BLD | C_INSTC)))
		return;
	const struct tok *z = T(sc, a + m);
	if (!(z->type == T_END || z->type == T_PUNCT || (z->f & F_NL) || (z->f & F_LOWER)))
		return;
	emit_place(sc, a, a + m, "place:gp");
}

/*
 * "at Little <Plural>", "Nursery (Little <Plural>)", "Tiny <Plural>
 * <Town>": a nursery named as nurseries are, "Little" or "Tiny" and a
 * capitalised plural (acorns, stars, tots, explorers), with its own word,
 * branch or town after it. Not a village ("Little <Village>": no plural),
 * nor a nickname ("Little T", "Little <Forename>").
 */
static void nursery_name(struct scan *sc, long p)
{
	const struct tok *x = T(sc, p + 1);
	size_t n = x->end - x->start;
	const unsigned char *c = sc->s + x->start;
	if (x->type != T_WORD || !(x->f & F_CAP) || (x->f & (F_NL | F_POSS | F_DIGIT)) || n < 4 ||
	    (c[n - 1] | 0x20u) != 's' || (c[n - 2] | 0x20u) == 's' ||
	    (x->cls & (C_NOTPL | C_KIN | C_TITLE | C_DAY | C_MON | C_TIMEW | C_UNIT)))
		return;
	long e = p + 2, m = 0;
	while (m < 3 && place_town_word(T(sc, e)) && !(T(sc, e)->f & F_NL)) {
		if (T(sc, e)->cls & (C_INST | C_INSTC))
			return; /* "Little Owls Nursery (<Branch>)": try_inst reads it */
		e++, m++;
	}
	long t = trailing_town(sc, e);
	/* "at Little Acorns, <Town> being looked into": one town word after
	 * the comma is the nursery's, whatever lower-case word follows */
	if (t == e && is_punct(T(sc, e), ',') && place_town_word(T(sc, e + 1)) &&
	    !(T(sc, e + 1)->f & (F_NL | F_BRK)) && (T(sc, e + 2)->f & F_LOWER) && !(T(sc, e + 2)->f & F_NL))
		t = e + 2;
	emit_place(sc, p, t, "place:school");
}

/*
 * "new school place requested in <Town>", "New schools in <Town> being
 * sought", "a primary in <Town>": a school not yet named, known by its
 * town; the town goes as the school's. After the lower-case school word
 * at p, "place(s)" and one participle ("requested", "found") may come
 * before "in". Not a month ("school in <Month>"), a class ("Year 5",
 * "Reception") nor a log's capitals ("AT SCHOOL IN BLACK AUDI").
 */
static void school_in_town(struct scan *sc, long p)
{
	long j = p + 1;
	if (T(sc, j)->id == W_PLACE || T(sc, j)->id == W_PLACES)
		j++;
	const struct tok *v = T(sc, j);
	size_t n = v->end - v->start;
	if (v->type == T_WORD && (v->f & F_LOWER) && n >= 5 && sc->s[v->end - 1] == 'd' &&
	    sc->s[v->end - 2] == 'e')
		j++;
	if (!is_word(T(sc, j), W_IN) || (T(sc, j)->f & F_BLANK))
		return;
	long a = j + 1, m = 0;
	while (m < 3 && place_town_word(T(sc, a + m)) && !(T(sc, a + m)->f & F_UPPER) &&
	       !(T(sc, a + m)->f & (m ? F_NL : F_BLANK)))
		m++;
	if (m == 0 || T(sc, a + m)->type == T_NUM || word_eq(sc, T(sc, a), "year") ||
	    word_eq(sc, T(sc, a), "reception"))
		return;
	const struct tok *z = T(sc, a + m);
	if (!(z->type == T_END || z->type == T_PUNCT || (z->f & (F_NL | F_LOWER))))
		return;
	emit_place(sc, a, a + m, "place:school");
}

/*
 * "EDUCATION: <School> - <child> Y11", "Education - <School> DSL to
 * monitor", "School: <School> - aware": under an education heading, the
 * capitalised words right after the label mark and before a spaced dash
 * or the school's DSL name the school; after one word, a bracket of
 * capitalised words is the school of the child named ("Education: <Child>
 * (<School>) is ..."). Not a child ("Education: <Child> (10) at ...": no
 * name in the bracket; "Education: <Forename> - ...": a forename alone),
 * nor a label followed by a sentence.
 */
static void education_heading(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *c = T(sc, p + 1);
	if (!(t->f & (F_BRK | F_NL)) || !(is_punct(c, ':') || is_punct(c, '-')) ||
	    (T(sc, p + 2)->f & F_NL))
		return;
	long a = p + 2, m = 0;
	while (m < 4 && (place_town_word(T(sc, a + m)) ||
			 ((T(sc, a + m)->f & F_UPPER) && !(T(sc, a + m)->cls & (C_NOTPL | C_FUNC)))) &&
	       !(T(sc, a + m)->f & F_NL) && !(T(sc, a + m)->cls & (C_WORKC | C_ATTEND)))
		m++;
	const struct tok *z = T(sc, a + m);
	if (m == 1 && is_punct(z, '(')) {
		/* "Education: <Child> (<School>) is refusing ...": the child,
		 * then the school in the bracket */
		long b = a + 2, k = 0;
		while (k < 3 && place_town_word(T(sc, b + k)) && !(T(sc, b + k)->f & F_NL))
			k++;
		if (k > 0 && is_punct(T(sc, b + k), ')'))
			emit_place(sc, b, b + k, "place:school");
		return;
	}
	int dsl = z->id == W_DSL || z->id == W_SENCO;
	if (m == 0 || !(dsl || (is_punct(z, '-') && (z->f & F_SP))))
		return;
	const struct tok *w = T(sc, a);
	if (m == 1 && !(w->f & F_UPPER) &&
	    (lex_classify((const char *)sc->s + w->start, w->end - w->start) & LEX_FORENAME))
		return;
	emit_place(sc, a, a + m, "place:school");
}

/*
 * "admin in the <Subject> department", "lecturer, <Subject> dept": a
 * capitalised subject before a department in lower case names where
 * someone works (a university's, a store's). Not an agency's ("the
 * Housing department", "Police"): no such word before it.
 */
static void named_department(struct scan *sc, long p)
{
	long a = p, m = 0;
	while (m < 3 && place_town_word(T(sc, a - 1)) && !(T(sc, a - 1)->f & (F_UPPER | F_BRK | F_POSS)) &&
	       !(T(sc, a)->f & F_BLANK) && !(T(sc, a - 1)->cls & (C_INSTM | C_ACCOM | C_WORKC)) &&
	       a - 1 >= sc->ss)
		a--, m++;
	if (m == 0 || (lex_classify((const char *)sc->s + T(sc, a)->start, T(sc, p - 1)->end - T(sc, a)->start) &
		       LEX_ALLOW))
		return;
	emit_place(sc, a, p + 1, "place:workplace");
}

/*
 * A business named in apposition after the word for its kind: "a groundworks
 * firm, <Name> Civils, <Town>", "his uncle's restaurant, <Name>, <Street>",
 * "the salon, <Name>": a lower-case head noun for a business (not a trade
 * word alone: "roofing, <Town>" is a list), its article, possessive or
 * someone's ("his uncle's") at most three lower-case words before, then a
 * comma and a capitalised name (a line may break there). The name is read
 * as after "works at" (work_extent), its town or street too; an agency's
 * name ("the office, <Town> Council") is left.
 */
static int business_head(const struct tok *t)
{
	static const uint16_t H[] = {
		W_FIRM, W_COMPANY, W_RESTAURANT, W_CAFE, W_SHOP, W_STORE, W_SALON, W_BAR, W_PUB,
		W_CLUB, W_GARAGE, W_FACTORY, W_WAREHOUSE, W_DEPOT, W_TAKEAWAY, W_BAKERY,
		W_SUPERMARKET, W_STUDIO, W_HOTEL, W_GYM, W_BARBERS, W_HAIRDRESSERS,
		W_LAUNDERETTE, W_CARWASH, W_DOCKYARD, W_PIZZERIA, W_BUTCHERS, W_JEWELLERS,
	};
	if (t->type != T_WORD || !(t->f & F_LOWER))
		return 0;
	for (size_t k = 0; k < sizeof H / sizeof H[0]; k++)
		if (t->id == H[k])
			return 1;
	return 0;
}

RARE static void firm_apposition(struct scan *sc, long p)
{
	long b = p - 1;
	for (int k = 0; k < 3; k++, b--) {
		const struct tok *x = T(sc, b);
		if (x->type != T_WORD || !(x->f & F_LOWER) || (x->f & (F_POSS | F_BRK)) ||
		    (x->cls & (C_FUNC | C_PREP | C_PREP2 | C_CONJ | C_PRON | C_DET | C_BE)))
			break;
	}
	const struct tok *o = T(sc, b);
	if (o->type != T_WORD || !((o->cls & C_DET) || (o->f & F_POSS)))
		return;
	const struct tok *x = T(sc, p + 2);
	long j = p + 2;
	if (is_word(x, W_THE) && (x->f & F_LOWER) && !(T(sc, p + 3)->f & F_NL))
		x = T(sc, ++j); /* "a shisha cafe, the <Name>" */
	if (x->type != T_WORD || !(x->f & F_CAP) || (x->f & (F_BLANK | F_DIGIT)) ||
	    ((x->f & F_BRK) && !(x->f & F_NL)) ||
	    (x->cls & (C_NOTPL | C_DET | C_PRON | C_DAY | C_MON | C_TITLE | C_FUNC | C_CONJ | C_KIN)))
		return;
	work_extent(sc, j, 0);
}

/*
 * Where a business is, after the word for its kind: "(scaffolding firm in
 * <Town>)", "a delivery firm based at <Estate>", "a building site in
 * <Town>", "a firm in the <Quarter>", "a GP partner at a practice in
 * <Town>": a head noun for a business, a plant, a site, a yard or a
 * practice in lower case, "in" or "near", "at" after "based" or a
 * plant, site or yard ("the garage at <Chain>" names the business),
 * then one to three capitalised words that could be a town, ending the
 * clause or before a bracket. The town or estate goes: it says where he
 * can be found every working day; so does a capitalised word among the
 * firm's modifiers ("a <Nationality> delivery firm").
 */
RARE static void firm_town(struct scan *sc, long p)
{
	long j = p + 1;
	int based = word_eq(sc, T(sc, j), "based") && (T(sc, j)->f & F_LOWER);
	j += based;
	const struct tok *x = T(sc, j);
	if (!(is_word(x, W_IN) || is_word(x, W_NEAR) ||
	      /* "the garage at <Chain>" names the business, not where */
	      (is_word(x, W_AT) && (based || T(sc, p)->id == W_PLANT || T(sc, p)->id == W_SITE ||
				    T(sc, p)->id == W_YARD))) ||
	    !(x->f & F_LOWER))
		return;
	long a = ++j;
	if (is_word(T(sc, j), W_THE) && (T(sc, j)->f & F_LOWER))
		j++;
	long m = 0;
	while (m < 3 && place_town_word(T(sc, j + m)) && !(T(sc, j + m)->f & (F_BRK | F_BLANK)) &&
	       (m == 0 || !(T(sc, j + m)->f & F_NL)))
		m++;
	if (m == 0 || (T(sc, j)->cls & (C_INST | C_INSTC | C_HOSP | C_CRT)) ||
	    !(clause_end(T(sc, j + m)) || is_punct(T(sc, j + m), '(')))
		return;
	/* "a <Nationality> delivery firm based at ...": a capitalised word
	 * among the firm's modifiers tells it apart too */
	long b = p;
	for (long k = p - 1; k > p - 4; k--) {
		const struct tok *w = T(sc, k);
		if (w->type != T_WORD || (w->f & (F_BRK | F_POSS | F_DIGIT)) ||
		    (w->cls & (C_DET | C_PRON | C_FUNC | C_PREP | C_CONJ | C_NOTPL | C_TITLE | C_KIN)))
			break;
		if (w->f & (F_CAP | F_UPPER))
			b = k;
	}
	if (b < p)
		emit_place(sc, b, p + 1, "place:workplace");
	emit_place(sc, j > a ? a : j, trailing_branch(sc, j + m), "place:workplace");
}

/*
 * "the <Maker> plant", "the <Maker> <Maker>\nplant, <Town>": a works named by
 * its maker, "plant" in lower case after one to four capitalised words and
 * "the" or a preposition ("waits outside <Maker> <Town> plant"; capitalised,
 * "Plant" is Welsh for children: "Gwasanaethau Plant"),
 * with its town or part after it (trailing_branch).
 */
RARE static void maker_plant(struct scan *sc, long p)
{
	long b = p;
	while (b > p - 4) {
		const struct tok *w = T(sc, b - 1);
		if (w->type != T_WORD || !(w->f & (F_CAP | F_UPPER)) || (w->f & (F_BRK | F_BLANK)) ||
		    (w->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_TITLE)))
			break;
		b--;
	}
	const struct tok *o = T(sc, b - 1);
	if (b == p || !(is_word(o, W_THE) || ((o->cls & (C_PREP | C_PREP2)) && (o->f & F_LOWER))))
		return;
	emit_place(sc, b, trailing_branch(sc, p + 1), "place:workplace");
}

/*
 * s35: "Nurse <Name> on Ward 7, <Name> Hospital referred ...", "HCA on Ward
 * 19 at North Middlesex", "Ward 10 (elderly care), Princess Royal Hospital":
 * someone on a numbered ward of a named hospital, a patient or a member of
 * its staff, is found there; the ward and the hospital go. (A hospital
 * named alone, as an agency, stays.) p is "Ward", capitalised, before its
 * number; then an aside in brackets may come, then ',' or (after "on")
 * "at", "the", and
 * up to four capitalised words: with a hospital's word among them, or
 * ending the clause ("at North Middlesex.", "Ward 26, Glenfield.").
 * s56-never: or a ward by its name, its hospital's named after it ("Cedar
 * Ward, Highbury Hospital"; p is then the name's word).
 */
static void ward_of_hospital(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *n = T(sc, p + 1), *o = T(sc, p - 1);
	/* s56-never: a ward by its name, its hospital's named after it
	 * ("WARD ROUND / MDT - Cedar Ward, Highbury Hospital") */
	int named = n->type != T_NUM && o->type == T_WORD && (o->f & F_CAP) &&
		    !(o->f & F_UPPER) && !(t->f & F_NL) &&
		    !(o->cls & (C_NOTPL | C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON |
				C_TITLE));
	if (!(t->f & F_CAP) || (t->f & F_UPPER) ||
	    (!named && (n->type != T_NUM || (n->f & (F_NL | F_BRK)))))
		return;
	long a = n->type == T_NUM ? p + 2 : p + 1;
	if (n->type != T_NUM)
		p--;
	if (is_punct(T(sc, a), '(')) { /* "Ward 4 (Respiratory)" */
		long k = a + 1;
		while (k < a + 5 && T(sc, k)->type == T_WORD && !(T(sc, k)->f & F_NL))
			k++;
		if (!is_punct(T(sc, k), ')'))
			return;
		a = k + 1;
	}
	/* "at" only after "on": "Ward 7 at <Hospital> for a maternity check"
	 * opening a line is an appointment's clinic, told as agencies are */
	int at = is_word(T(sc, a), W_AT) && is_word(T(sc, p - 1), W_ON) && (T(sc, p - 1)->f & F_LOWER);
	if (!(is_punct(T(sc, a), ',') || at) || (T(sc, a + 1)->f & (F_NL | F_BRK)))
		return;
	a++;
	if (is_word(T(sc, a), W_THE))
		a++;
	for (long i = a; i < a + 4; i++) {
		const struct tok *x = T(sc, i);
		if (x->type != T_WORD || !(x->f & (F_CAP | F_UPPER)) || (x->f & (F_NL | F_BRK)) ||
		    (x->cls & (C_DAY | C_MON | C_TITLE | C_PRON | C_DET)))
			return;
		if ((x->cls & C_HOSP) && i > a) {
			emit_place(sc, p, i + 1, "place:ward");
			return;
		}
		if (clause_end(T(sc, i + 1)) && !named) { /* "Ward 26, Glenfield." */
			emit_place(sc, p, i + 1, "place:ward");
			return;
		}
	}
}

void place_places(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (p < sc->skip_place || t->type != T_WORD)
		return;
	if (t->id == W_SCHOOL && (t->f & F_LOWER) && p >= sc->skip_place)
		school_named_after(sc, p);
	if (t->id == W_MP)
		gp_signoff(sc, p);
	if (t->id == W_WARD)
		ward_of_hospital(sc, p);
	if ((t->id == W_LITTLE || t->id == W_TINY) && (t->f & F_CAP))
		nursery_name(sc, p);
	if ((t->id == W_DEPARTMENT || t->id == W_DEPT) && (t->f & F_LOWER) && p - 1 >= sc->skip_place)
		named_department(sc, p);
	if ((t->id == W_EDUCATION || t->id == W_SCHOOL || t->id == W_SCHOOLS) && (t->f & F_CAP))
		education_heading(sc, p);
	if ((t->id == W_SCHOOL || t->id == W_SCHOOLS || t->id == W_PRIMARY || t->id == W_NURSERY ||
	     t->id == W_SECONDARY) && (t->f & F_LOWER))
		school_in_town(sc, p);
	if (t->cls & (C_INST | C_INSTC))
		try_inst(sc, p);
	else if (t->id == W_MEDICAL && (t->f & F_CAP) && !(T(sc, p + 1)->f & (F_CAP | F_UPPER)) &&
		 place_town_word(T(sc, p - 1)) && !(T(sc, p - 1)->f & F_UPPER) &&
		 (is_word(T(sc, p - 2), W_WITH) || is_word(T(sc, p - 2), W_AT) ||
		  (place_town_word(T(sc, p - 2)) && (is_word(T(sc, p - 3), W_WITH) ||
						     is_word(T(sc, p - 3), W_AT)))))
		emit_place(sc, place_town_word(T(sc, p - 2)) ? p - 2 : p - 1, p + 1, "place:gp");
		/* "booked with Millbrook Medical", "registered at Oak Lane
		 * Medical": a practice named without its last word */
	else if ((t->id == W_SECONDARY || t->id == W_JUNIOR || t->id == W_INFANT || t->id == W_COFE ||
		  t->id == W_GRAMMAR) &&
		 (t->f & F_CAP) && !(T(sc, p + 1)->f & (F_CAP | F_UPPER)) &&
		 (T(sc, p - 1)->f & F_CAP) && T(sc, p - 1)->type == T_WORD &&
		 /* not "English Grammar": a school's own name before it */
		 (t->id != W_GRAMMAR || T(sc, p - 1)->id == W_COURT ||
		  !(lex_classify((const char *)sc->s + T(sc, p - 1)->start, T(sc, p - 1)->end - T(sc, p - 1)->start) &
		    (LEX_COMMON | LEX_ALLOW))))
		try_inst(sc, p); /* "Hyndland Secondary", "Luton Junior", "Orchards
				  * CofE", "Upton Court Grammar": the school word left out */
	else if (t->id == W_HIGH && high_school(sc, p))
		try_inst(sc, p); /* "attends Dalby High", "SCHOOL BRAEHEAD HIGH" */
	else if (t->id == W_BUILDING && (t->f & F_CAP))
		try_inst(sc, p); /* "her office in the <Name> Building": not an
				  * institution word elsewhere ("attends a
				  * building course", a route's object) */
	if ((t->id == W_YSGOL || t->id == W_GAELSCOIL || t->id == W_BUNSGOIL || t->id == W_SCOIL ||
	     t->id == W_COLEG || t->id == W_PRIFYSGOL ||
	     (t->id == W_CYLCH && is_word(T(sc, p + 1), W_MEITHRIN)) ||
	     ((t->id == W_YGG || t->id == W_YG) && (t->f & F_UPPER))) &&
	    (t->f & F_CAP))
		try_prefix_school(sc, p, "place:school");
	else if (t->id == W_MEDDYGFA && (t->f & F_CAP))
		try_prefix_school(sc, p, "place:gp"); /* Welsh "surgery" comes first too */
	else if (t->id == W_GP && !(t->cls & C_INST))
		inst_label(sc, p); /* "GP: Meddygfa'r Bont" */
	if (t->id == W_GP && (t->f & F_UPPER) && (T(sc, p + 1)->f & F_CAP) && p >= sc->skip_place)
		gp_named(sc, p);
	if (t->cls & C_ATTEND)
		try_attend(sc, p);
	else if (t->id == W_AT && (school_at(sc, p) || named_at_school(sc, p)))
		try_attend(sc, p - 1); /* reads from the "at" */
	else if ((t->id == W_OUTSIDE || t->id == W_FROM || t->id == W_NEAR || t->id == W_OPPOSITE ||
		  t->id == W_BEHIND) && saint_alone(sc, p))
		emit_place(sc, p + 1, p + 3, "place:school"); /* "seen outside St Oswin's at
							       * pick-up", "moved from St Kevin's" */
	if (t->id == W_ST && p > sc->ss && saint_alone(sc, p - 1) &&
	    (left_word(sc, T(sc, p - 1)) || school_earlier(sc, p)))
		emit_place(sc, p, p + 2, "place:school"); /* "left St Oswin's 03/03" (read at
							   * "St": "left" is no listed word); "back
							   * in school but not St Michael's" */
	if (t->id == W_AREA && (t->f & F_LOWER))
		titled_person_area(sc, p);
	if (t->id == W_DSL || t->id == W_SENCO || t->id == W_HEADTEACHER)
		role_school(sc, p);
	if ((t->id == W_DSL || t->id == W_SENCO) && (t->f & F_UPPER))
		school_before_role(sc, p);
	if (t->id == W_IS || t->id == W_WAS || t->id == W_BEEN || t->id == W_HES || t->id == W_SHES)
		try_job(sc, p); /* "he's a roofer at ..." too */
	/* "Victim cleaner at Perkins Engines", "Husband chef at ...": a job
	 * right after the person, no article */
	if (t->id == W_A || t->id == W_AN ||
	    ((t->id == W_VICTIM || (t->cls & C_KIN)) && T(sc, p + 1)->type == T_WORD &&
	     (T(sc, p + 1)->f & F_LOWER) && !(T(sc, p + 1)->cls & (C_KIN | C_FUNC | C_PREP | C_DET))))
		try_job_noun(sc, p, job_is_own(sc, p));
	/* "her support worker (<Name>, <Firm>)", "his carer (<Name> at
	 * <Firm>)": after a possessive, only a person then an employer in
	 * the bracket */
	else if ((t->id == W_HER || t->id == W_HIS || t->id == W_THEIR || t->id == W_YOUR) &&
		 T(sc, p + 1)->type == T_WORD && (T(sc, p + 1)->f & F_LOWER))
		try_job_noun(sc, p, 2);
	/* "raised by pharmacist (Mr <Name>, <Firm> <Town>)": a job with no
	 * article after a preposition, then the person and the employer in
	 * the bracket (a word of no class is not stepped on: read from the
	 * preposition) */
	else if ((t->cls & (C_PREP | C_PREP2 | C_FUNC)) && is_punct(T(sc, p + 2), '(') &&
		 job_word(sc, T(sc, p + 1), C_NOTPL | C_FUNC | C_PREP | C_PREP2 | C_DET) &&
		 !not_job(sc, T(sc, p + 1)))
		try_job_noun(sc, p, 2);
	/* "her agency (<Firm> Nursing)": a worker's own agency, named in
	 * the bracket, is her employer */
	if ((t->id == W_HER || t->id == W_HIS || t->id == W_THEIR) && is_punct(T(sc, p + 2), '(') &&
	    (T(sc, p + 1)->f & F_LOWER) && word_eq(sc, T(sc, p + 1), "agency"))
		employer_to_comma(sc, p + 3, 1);
	if (t->id == W_FROM && p >= sc->skip_place)
		job_from(sc, p);
	if (t->id == W_OUT)
		work_out_of(sc, p);
	if ((t->cls & C_WORKC) || (t->id == W_ROUTE && (T(sc, p - 1)->cls & C_DET)))
		try_work(sc, p); /* "her route to Asda in Hull": where she goes every day */
	if (t->id == W_SITE && is_punct(T(sc, p + 1), ':') && employee_line(sc, p) &&
	    T(sc, p + 2)->type == T_WORD && (T(sc, p + 2)->f & (F_CAP | F_UPPER)) && !(T(sc, p + 2)->f & F_NL))
		label_value(sc, p + 2); /* an HR note's "Employee: <Name> <TAB> <Job> <TAB>
					 * Site: <Depot>, <Town>" */
	if (t->id == W_EMPLOYEE && (t->f & (F_NL | F_BRK)) &&
	    is_punct(T(sc, p + 1), ':'))
		employee_where(sc, p + 2);
	if (t->id == W_OF && p >= sc->skip_place && owner_of(sc, p))
		work_extent(sc, p + 1, 2); /* "owner of <Firm>, <Town>" */
	if ((t->cls & C_VENUE) && is_punct(T(sc, p + 1), ',') && business_head(t))
		firm_apposition(sc, p);
	if (((t->cls & C_VENUE) && business_head(t)) ||
	    ((t->id == W_PLANT || t->id == W_SITE || t->id == W_YARD || t->id == W_PRACTICE) &&
	     (t->f & F_LOWER)))
		firm_town(sc, p);
	if (t->id == W_PLANT && (t->f & F_LOWER) && p - 1 >= sc->skip_place)
		maker_plant(sc, p);
	if (t->id == W_OWNS && p >= sc->skip_place)
		owns_named(sc, p);
	/* "Husband's job: ...", "K's workplace: ...", "Occupation: <job>,
	 * <Employer>" on its line: the label's value */
	if ((t->id == W_JOB || t->id == W_WORKPLACE || t->id == W_EMPLOYER || t->id == W_EMPLOYMENT ||
	     t->id == W_FIRM || t->id == W_CHURCH || t->id == W_MOSQUE || t->id == W_OCCUPATION ||
	     t->id == W_SALON || t->id == W_GYM || t->id == W_CLUB) &&
	    is_punct(T(sc, p + 1), ':') && !(T(sc, p + 2)->f & F_NL) && label_owned(sc, p))
		label_value(sc, p + 2);
	/* "drives for <Firm>", "cleans at <Place>": decided at the
	 * preposition, the verb reaching no step */
	if ((t->id == W_FOR || t->id == W_AT) && (work_verb_before(sc, p) || shift_before(sc, p)))
		work_verb_employer(sc, p);
	/* decided at the "at": the job word before it reaches no step */
	if (t->id == W_AT && (T(sc, p - 1)->f & F_LOWER) && bare_job_at(sc, p - 1))
		try_job_noun(sc, p - 2, 1);
}
