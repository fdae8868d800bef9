/* test_lexicon.c: the compiled-in lexicon (lexicon.h). */
#include <criterion/criterion.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_data.h"

static unsigned C(const char *w)
{
	return lex_classify(w, strlen(w));
}

Test(lexicon, common_words_and_names)
{
	cr_expect(C("the") & LEX_COMMON);
	cr_expect(C("Kitchen") & LEX_COMMON);
	cr_expect_eq(C("Jane") & (LEX_COMMON | LEX_FORENAME), LEX_FORENAME);
	cr_expect_eq(C("Patel") & (LEX_COMMON | LEX_SURNAME), LEX_SURNAME);
	/* names that are also words carry both bits */
	const char *both[] = {"Green", "Young", "May", "Hope", "Rose", "Worker", "Will", "Mark",
			      "Bill", "Grace", "Joy", "Dawn", "Bob", "Sue"};
	for (size_t i = 0; i < sizeof both / sizeof *both; i++) {
		unsigned b = C(both[i]);
		cr_expect(b & LEX_COMMON, "%s not common", both[i]);
		cr_expect(b & (LEX_FORENAME | LEX_SURNAME), "%s not a name", both[i]);
	}
	cr_expect_eq(C("Xqzvbnm"), 0);
	cr_expect_eq(C(""), 0);
}

Test(lexicon, curated_uk_names)
{
	const char *fore[] = {"Siobhan", "Aoife", "Dafydd", "Gurpreet", "Agnieszka", "Ionut",
			      "Oluwaseun", "Abdirahman", "Mhairi", "Olena", "Vytautas", "Zeynep"};
	const char *sur[] = {"Kowalczyk", "Popescu", "Okafor", "Warsame", "Sandhu", "Nguyen",
			     "O'Sullivan", "MacLeod", "Shevchenko", "Kazlauskas", "Yilmaz", "Mensah"};
	for (size_t i = 0; i < sizeof fore / sizeof *fore; i++)
		cr_expect(C(fore[i]) & LEX_FORENAME, "%s", fore[i]);
	for (size_t i = 0; i < sizeof sur / sizeof *sur; i++)
		cr_expect(C(sur[i]) & LEX_SURNAME, "%s", sur[i]);
	/* folding: case, diacritics, apostrophes */
	cr_expect(C("\xC5\x81UKASZ") & LEX_FORENAME);      /* ŁUKASZ */
	cr_expect(C("lukasz") & LEX_FORENAME);
	cr_expect(C("\xC8\x98tefan") & LEX_FORENAME);      /* Ștefan, U+0218 */
	cr_expect(C("Zo\xC3\xAB") & LEX_FORENAME);         /* Zoë */
	cr_expect(C("OSULLIVAN") & LEX_SURNAME);
	cr_expect(C("Nguy\xE1\xBB\x85n") & LEX_SURNAME);  /* Nguyễn */
	/* English-word surnames the imported lists hold only as words, and a
	 * few Welsh, Gaelic, Somali, Romanian and Igbo forenames they miss */
	const char *word_sur[] = {"Field", "Swift", "Swan", "Silver", "Sparrow", "Weaver"};
	for (size_t i = 0; i < sizeof word_sur / sizeof *word_sur; i++)
		cr_expect_eq(C(word_sur[i]) & (LEX_COMMON | LEX_SURNAME), LEX_COMMON | LEX_SURNAME,
			     "%s", word_sur[i]);
	const char *more[] = {"Gwion", "Raonaid", "Abdikarim", "Mihaela", "Obinna", "Ll\xC5\xB7r"};
	for (size_t i = 0; i < sizeof more / sizeof *more; i++)
		cr_expect(C(more[i]) & LEX_FORENAME, "%s", more[i]);
	cr_expect(C("Healthcare") & LEX_INSTITUTION);
	/* roles before a name: probation officer, offender manager */
	cr_expect(C("PO") & LEX_RANK);
	cr_expect(C("OM") & LEX_RANK);
	cr_expect(C("mate") & LEX_KIN);
	/* the junk of the imported lists is not a name */
	cr_expect_eq(C("The") & (LEX_FORENAME | LEX_SURNAME), 0);
	cr_expect_eq(C("Think") & (LEX_FORENAME | LEX_SURNAME), 0);
}

Test(lexicon, allow_list_and_cues)
{
	const char *allow[] = {"Police", "IDVA", "MARAC", "MASH", "CAFCASS", "NHS", "Refuge",
			       "Monday", "January", "Grimsby", "Preston", "DVPN", "Section",
			       "Clare's Law", "Women's Aid", "Stoke-on-Trent", "Snapchat"};
	for (size_t i = 0; i < sizeof allow / sizeof *allow; i++)
		cr_expect(C(allow[i]) & LEX_ALLOW, "%s", allow[i]);
	cr_expect(C("Clare") & LEX_PHRASE);
	cr_expect(C("Road") & LEX_STREET);
	cr_expect(C("Crescent") & LEX_STREET);
	cr_expect(C("Surgery") & LEX_INSTITUTION);
	cr_expect(C("Mrs") & LEX_TITLE);
	cr_expect(C("DC") & LEX_RANK);
	cr_expect(C("sister-in-law") & LEX_KIN);
	cr_expect(C("ex-partner") & LEX_KIN);
	cr_expect(C("nicknamed") & LEX_CALLED);
	cr_expect(C("van") & LEX_PARTICLE);
	/* Preston is a town and a surname: both bits, a title still finds it */
	cr_expect(C("Preston") & LEX_SURNAME || C("Preston") & LEX_FORENAME);
	cr_expect(lex_cue_possible("sister", 6));
	cr_expect(!lex_cue_possible("xylophone", 9));
}

struct got {
	char forms[32][LEX_MAX_KEY + 1];
	int n;
};

static int collect(void *ctx, const char *form, size_t len)
{
	struct got *g = ctx;
	if (g->n < 32 && len <= LEX_MAX_KEY) {
		memcpy(g->forms[g->n], form, len);
		g->forms[g->n++][len] = '\0';
	}
	return 0;
}

static int has(const struct got *g, const char *f)
{
	for (int i = 0; i < g->n; i++)
		if (strcmp(g->forms[i], f) == 0)
			return 1;
	return 0;
}

static int stop(void *ctx, const char *form, size_t len)
{
	(void)ctx, (void)form, (void)len;
	return -7;
}

/* issue 9: vocabulary added for the generalisation fixes */
Test(lexicon, agency_tails_shorthand_and_welsh)
{
	/* words that end an agency's name */
	const char *tail[] = {"Police", "Constabulary", "Council", "UHB", "NHS", "ICB", "FT"};
	for (size_t i = 0; i < sizeof tail / sizeof *tail; i++)
		cr_expect(C(tail[i]) & LEX_INSTITUTION, "%s", tail[i]);
	/* CAD kinship shorthand is a kin cue */
	const char *kin[] = {"HUSB", "bf", "SIS", "bro", "DIL", "BIL"};
	for (size_t i = 0; i < sizeof kin / sizeof *kin; i++)
		cr_expect(C(kin[i]) & LEX_KIN, "%s", kin[i]);
	/* role shorthand, citation abbreviations, Welsh agencies and calendar */
	const char *allow[] = {"Perp", "PoP", "Sch", "para", "Heddlu", "Cyngor", "Ysbyty",
			       "Mawrth", "Ebrill", "Llun"};
	for (size_t i = 0; i < sizeof allow / sizeof *allow; i++)
		cr_expect(C(allow[i]) & LEX_ALLOW, "%s", allow[i]);
}

Test(lexicon, nicknames_both_ways)
{
	struct got g = {0};
	cr_expect_gt(lex_nicknames("Katherine", 9, collect, &g), 2);
	cr_expect(has(&g, "kate") && has(&g, "kathy") && has(&g, "katie"));
	memset(&g, 0, sizeof g);
	cr_expect_gt(lex_nicknames("BILL", 4, collect, &g), 0);
	cr_expect(has(&g, "william"));
	memset(&g, 0, sizeof g);
	lex_nicknames("William", 7, collect, &g);
	cr_expect(has(&g, "bill") && has(&g, "liam") && has(&g, "will"));
	cr_expect_eq(lex_nicknames("Xqzv", 4, collect, &g), 0);
	cr_expect_eq(lex_nicknames("Katherine", 9, stop, NULL), -7);
	cr_expect(C("Bex") & LEX_FORENAME, "a nickname is a forename");
}

/* s27: Yoruba, Ukrainian and Hungarian short forms the notes use for a
 * subject ("Tunde" of Babatunde, "Dima" of Dmytro, "Laci" of László) */
Test(lexicon, s27_short_forms_of_other_naming_customs)
{
	struct got g = {0};
	lex_nicknames("Babatunde", 9, collect, &g);
	cr_expect(has(&g, "tunde"));
	memset(&g, 0, sizeof g);
	lex_nicknames("Dmytro", 6, collect, &g);
	cr_expect(has(&g, "dima"));
	memset(&g, 0, sizeof g);
	lex_nicknames("Laszlo", 6, collect, &g);
	cr_expect(has(&g, "laci"));
	cr_expect(C("Tunde") & LEX_FORENAME, "a short form is a forename");
}

Test(lexicon, keys_are_their_own_fold)
{
	/* gen_lexicon.py folds as lex_fold does: every key is a fixed point,
	 * and lookups find every key */
	uint32_t seen = 0;
	for (uint32_t i = 0; i <= lex_slot_mask; i++) {
		if (lex_slots[i].off == 0)
			continue;
		const char *k = lex_blob + lex_slots[i].off;
		char out[LEX_MAX_KEY * 2];
		int n = lex_fold(k, strlen(k), out, sizeof out);
		cr_assert_eq((size_t)n, strlen(k), "key %s", k);
		cr_assert(memcmp(out, k, (size_t)n) == 0, "key %s folds to %.*s", k, n, out);
		if (strlen(k) <= LEX_MAX_KEY)
			cr_assert_eq(lex_lookup(k, strlen(k)), lex_slots[i].meta & 0xFFFFu, "%s", k);
		seen++;
	}
	cr_expect_eq(seen, lex_nkeys);
	cr_expect_gt(lex_nkeys, 60000);
	/* load factor at most 1/2: probes stay short */
	cr_expect_leq(2 * (uint64_t)lex_nkeys, (uint64_t)lex_slot_mask + 1);
}

Test(lexicon, fold)
{
	char out[LEX_MAX_KEY];
	int n = lex_fold("  Al-Hassan ", 12, out, sizeof out);
	cr_expect_eq(n, 9);
	cr_expect(memcmp(out, "al hassan", 9) == 0);
	n = lex_fold("O\xE2\x80\x99" "Brien", 9, out, sizeof out);
	cr_expect(n == 6 && memcmp(out, "obrien", 6) == 0);
	cr_expect_eq(lex_fold("abcdef", 6, out, 3), -1);
}

Test(lexicon, curated_communities_session14)
{
	/* one forename and one surname from each community section added */
	const char *fore[] = {"Tendai", "Kwaku", "Nhyira", "Tesfaye", "Fardowsa", "Chidera",
			      "Hadiza", "Tshepo", "Dieudonn\xC3\xA9", "Miko\xC5\x82" "aj", "Laurynas",
			      "K\xC4\x81rlis", "R\xC4\x83zvan", "Hristo", "Mykyta", "Mat\xC3\xBA\xC5\xA1",
			      "Bur\xC3\xA7u", "Zozan", "Mirwais", "Sepideh", "Oumaima", "Xiaoming",
			      "Nghia", "Maricel", "Tevin", "Gon\xC3\xA7" "alo", "Gennaro", "Arjola",
			      "Gurnam", "Bhavesh", "Saravanan", "Anirban", "Eluned", "Sadhbh"};
	const char *sur[] = {"Ndlovu", "Mhlanga", "Asamoah", "Kwarteng", "Bekele", "Diriye",
			     "Ogundipe", "Nwokolo", "Kabila", "Brzezi\xC5\x84ski", "Malinauskas",
			     "B\xC4\x93rzi\xC5\x86\xC5\xA1", "Iliescu", "Todorova", "Nazarenko",
			     "Dvo\xC5\x99\xC3\xA1k", "Karata\xC5\x9F", "Barwari", "Rahimi", "Alotaibi",
			     "Szeto", "Panganiban", "Cumberbatch", "Guimar\xC3\xA3" "es", "Sorrentino",
			     "Krasniqi", "Pindoria", "Arumugam", "Majumdar", "Fazackerley", "Conaill"};
	for (size_t i = 0; i < sizeof fore / sizeof *fore; i++)
		cr_expect(C(fore[i]) & LEX_FORENAME, "%s", fore[i]);
	for (size_t i = 0; i < sizeof sur / sizeof *sur; i++)
		cr_expect(C(sur[i]) & LEX_SURNAME, "%s", sur[i]);
	/* near misses: dictionary words are left out of the lists (the scrubber's
	 * precision rules handle "Lovely", "Memory"), and a hyphenated section
	 * header is a header, not the key "south asian" */
	const char *words[] = {"lovely", "memory", "helmet", "querido"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		cr_expect_eq(C(words[i]) & (LEX_FORENAME | LEX_SURNAME), 0, "%s", words[i]);
	cr_expect_eq(lex_lookup("south asian", 11), 0);
}

/* The table probed as lexicon.c did before its cache and key filter: the
 * answer lex_lookup must still give. */
static unsigned probe(const char *key, size_t n)
{
	uint32_t h = 0x811C9DC5u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)key[i]) * 0x01000193u;
	for (h &= lex_slot_mask;; h = (h + 1) & lex_slot_mask) {
		if (lex_slots[h].off == 0)
			return 0;
		const char *k = lex_blob + lex_slots[h].off;
		if (strlen(k) == n && memcmp(k, key, n) == 0)
			return lex_slots[h].meta & 0xFFFFu;
	}
}

Test(lexicon, lookup_cache_and_key_filter_session20)
{
	/* Every key, then a near miss of it (one byte more: mostly no key),
	 * twice over: the second round's answers come from the per-thread
	 * cache where an entry survived, from the filter and the table where
	 * it was evicted (80,000 keys through 512 entries); all as the table. */
	for (int round = 0; round < 2; round++) {
		for (uint32_t i = 0; i <= lex_slot_mask; i++) {
			if (lex_slots[i].off == 0)
				continue;
			const char *k = lex_blob + lex_slots[i].off;
			size_t n = strlen(k);
			char miss[LEX_MAX_KEY + 1];
			if (n + 1 > LEX_MAX_KEY)
				continue;
			cr_assert_eq(lex_lookup(k, n), lex_slots[i].meta & 0xFFFFu, "%s", k);
			memcpy(miss, k, n);
			miss[n] = 'q';
			cr_assert_eq(lex_lookup(miss, n + 1), probe(miss, n + 1), "%.*s", (int)n + 1, miss);
			cr_assert_eq(lex_lookup(k, n), lex_slots[i].meta & 0xFFFFu, "%s again", k);
		}
	}
	/* a word and a non-word looked up in turn, many times */
	for (int r = 0; r < 1000; r++) {
		cr_assert(lex_lookup("jane", 4) & LEX_FORENAME);
		cr_assert_eq(lex_lookup("xqzvbnm", 7), 0);
	}
}
