/*
 * test_names.c: names_scan on realistic case-note sentences.
 *
 * Each category of names.h has its own tests (positives and the negatives a
 * reader would be annoyed to see redacted); then a labelled list of 203
 * sentences measures precision and recall of exact spans. The first 164
 * sentences were written while the rules were built; the last 39 (held_out)
 * were written afterwards and run once before the two fixes they prompted
 * (see the report in the commit history): both figures are printed.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "scrub.h"

static struct spans scan(const char *text)
{
	struct spans sv = {0};
	cr_assert_eq(names_scan(text, strlen(text), &sv), 0);
	spans_sort(&sv);
	for (size_t i = 0; i < sv.n; i++) {
		cr_assert_eq(sv.v[i].kind, SCRUB_NAME);
		cr_assert_not_null(sv.v[i].rule);
		cr_assert(sv.v[i].start < sv.v[i].end && sv.v[i].end <= strlen(text));
	}
	return sv;
}

/* The spans found, as "a|b|c" (for messages and comparisons). */
static char *found(const char *text)
{
	struct spans sv = scan(text);
	static char buf[4096];
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sv.n; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%.*s", i ? "|" : "",
				      (int)(sv.v[i].end - sv.v[i].start), text + sv.v[i].start);
	spans_free(&sv);
	return buf;
}

#define FINDS(text, want) cr_expect_str_eq(found(text), want, "in: %s", text)
#define NONE(text) cr_expect_str_eq(found(text), "", "in: %s", text)

static const char *rule_of(const char *text, const char *name)
{
	struct spans sv = scan(text);
	const char *p = strstr(text, name), *rule = NULL;
	for (size_t i = 0; p && i < sv.n; i++)
		if (sv.v[i].start == (size_t)(p - text) && sv.v[i].end == sv.v[i].start + strlen(name))
			rule = sv.v[i].rule;
	spans_free(&sv);
	return rule ? rule : "(none)";
}

Test(names, titles_and_ranks)
{
	FINDS("Mr Patel at number 12 heard shouting.", "Mr Patel");
	FINDS("Neighbour at no. 14, Mrs Okonkwo, heard screaming.", "Mrs Okonkwo");
	FINDS("Sgt Bronwyn Pritchard reviewed the log.", "Sgt Bronwyn Pritchard");
	FINDS("Reported by neighbour (Mrs D Armitage) via 101.", "Mrs D Armitage");
	FINDS("Mr. Smith was not at home.", "Mr. Smith");
	FINDS("Spoke to Mr Worker about the tenancy.", "Mr Worker");
	FINDS("Mrs Bright the class teacher noticed bruising.", "Mrs Bright");
	FINDS("Detective Constable Hughes took the statement.", "Detective Constable Hughes");
	FINDS("Seen by CPN Nia Llewellyn on 3/4.", "CPN Nia Llewellyn");
	FINDS("HV Okafor visited.", "HV Okafor");
	FINDS("PC Green took the call.", "PC Green");
	/* rank abbreviations that mean something else */
	NONE("SW London CAMHS team is involved.");
	NONE("Receipts from PC World were found.");
	/* a police rank before a common word that ends the clause or does
	 * an officer's thing: a surname */
	FINDS("Dad was shouting. PC Kettle attended at 22:10.", "PC Kettle");
	FINDS("Statement taken; DC Bramble said she was shaking.", "DC Bramble");
	FINDS("Seen by PC Pebble.", "PC Pebble");
	NONE("He bought the laptop at PC World.");
	/* Iberian and Italian courtesy titles; a midwife's role before her name */
	FINDS("Interpreter Sra. Beatriz joined by phone.", "Sra. Beatriz");
	FINDS("Booked by MW Gwendolyn Achterberg at 9.", "MW Gwendolyn Achterberg");
	NONE("Contact GP Surgery for records.");
	NONE("The refuge is on Windsor Dr near the park.");
	NONE("Mr and the children left.");
	/* after a title even an allow-listed word is a surname; after other cues not */
	FINDS("Mrs Storm called the office.", "Mrs Storm");
	FINDS("Mr Preston was the landlord.", "Mr Preston");
	NONE("She called Police at 23:10.");
	/* police systems quoted before their references are no names */
	NONE("See CRIS 4417263/26 and PND for the history.");
}

Test(names, collar_numbers)
{
	FINDS("DC 4471 HUGHES attended and took a statement.", "DC 4471 HUGHES");
	FINDS("PC 1234 Smith was the OIC.", "PC 1234 Smith");
	FINDS("PC 2231 JONES and PC 4410 AHMED attended.", "PC 2231 JONES|PC 4410 AHMED");
	FINDS("PS 1187 Atkinson supervised the arrest.", "PS 1187 Atkinson");
	cr_expect_str_eq(rule_of("DC 4471 HUGHES attended.", "DC 4471 HUGHES"), "cue:rank+collar");
}

Test(names, kinship_and_roles)
{
	FINDS("She is staying with her sister Jane in the evenings.", "Jane");
	FINDS("Her neighbour Mr Patel called the police.", "Mr Patel");
	FINDS("Her ex-partner, Jason Brown, has a Non-Molestation Order.", "Jason Brown");
	FINDS("Victim's sister-in-law Raluca Popa translated.", "Raluca Popa");
	FINDS("Health visitor Gwen saw the baby.", "Gwen");
	FINDS("Support worker Tash will visit weekly.", "Tash");
	/* names that are also common words, after a cue */
	FINDS("He sends money to his brother Will every month.", "Will");
	FINDS("Her partner Bob has been drinking again.", "Bob");
	FINDS("Her daughter Florence is at nursery.", "Florence");
	cr_expect_str_eq(rule_of("her sister Jane", "Jane"), "cue:kin");
	/* a kinship word before an ordinary word, or a title */
	NONE("Her sister has offered accommodation.");
	NONE("Her mother Tuesday came round.");
	NONE("The victim's sister. Police attended.");
}

Test(names, called_and_known_as)
{
	FINDS("She has a friend called Dee who lives nearby.", "Dee");
	FINDS("He is known as \"Tiny\" on the estate.", "Tiny");
	FINDS("His nickname is \"Chunk\".", "Chunk");
	FINDS("Perpetrator known locally as Tank.", "Tank");
	FINDS("He calls himself Big Mo on Snapchat.", "Big Mo");
	FINDS("She has been texting a man named Bilal.", "Bilal");
	NONE("She called Police at 23:10.");
	NONE("She called 999 and then called her mum.");
	NONE("She is known to Children's Social Care.");
}

Test(names, police_forms)
{
	FINDS("KOWALSKA, Agnieszka was present at the address.", "KOWALSKA, Agnieszka");
	FINDS("SMITH, John (DOB 12/03/1985) arrested for ABH.", "SMITH, John");
	FINDS("Subject WILSON, Jack Anthony was arrested.", "WILSON, Jack Anthony");
	FINDS("Darren SMITH was arrested at 23:10.", "Darren SMITH");
	cr_expect_str_eq(rule_of("Darren SMITH was arrested.", "Darren SMITH"), "form:forename+SURNAME");
	NONE("Yesterday, the IDVA called.");
	NONE("However, Police attended.");
}

Test(names, all_capitals)
{
	FINDS("CALLER STATES EX PARTNER DARREN SMITH HAS ATTENDED ADDRESS AND IS KICKING DOOR",
	      "DARREN SMITH");
	FINDS("FEMALE CALLER JANINE STATES HER PARTNER LEE IS DRUNK", "JANINE|LEE");
	FINDS("INFORMANT IS NEIGHBOUR MR PATEL AT NO 12", "MR PATEL");
	FINDS("OFFICERS SPOKE TO AGNIESZKA AND HER MOTHER", "AGNIESZKA");
	/* in capitals, case says nothing: common words stay */
	NONE("CAD 1234 12/03/24 23:11 CALLER REPORTS MALE SHOUTING AT FEMALE IN STREET, POLICE "
	     "ATTENDED, NFA");
	NONE("HER SISTER WILL ATTEND THE ADDRESS");
	NONE("VICTIM WILL MARK THE DATE IN MAY");
}

Test(names, lexicon_runs)
{
	FINDS("Tomasz said that Agnieszka had left with the children.", "Tomasz|Agnieszka");
	FINDS("She was seen with Jack Wilson on Saturday.", "Jack Wilson");
	FINDS("Mark Green and Bill Turner were at the Crown Court.", "Mark Green|Bill Turner");
	FINDS("Grace Young said she would call back.", "Grace Young");
	FINDS("She told Sue about the assault on Monday.", "Sue");
	cr_expect_str_eq(rule_of("She told Sue about it.", "Sue"), "lex:common-name");
	FINDS("Spoke with Siobhan, who is Ciaran's aunt.", "Siobhan|Ciaran");
}

Test(names, many_origins)
{
	FINDS("The IDVA spoke to \xC5\x81ukasz Kowalczyk and \xC8\x98tefan Popescu yesterday.",
	      "\xC5\x81ukasz Kowalczyk|\xC8\x98tefan Popescu");
	FINDS("Zo\xC3\xAB O'Sullivan and Ali Al-Hassan attended the MARAC on Tuesday.",
	      "Zo\xC3\xAB O'Sullivan|Ali Al-Hassan");
	FINDS("Aoife Nic an tSaoir and Se\xC3\xA1n Mac Giolla are her cousins.",
	      "Aoife Nic an tSaoir|Se\xC3\xA1n Mac Giolla");
	FINDS("Mair\xC3\xA9" "ad N\xC3\xAD Bhriain rang the helpline for her.",
	      "Mair\xC3\xA9" "ad N\xC3\xAD Bhriain");
	FINDS("Nguyen Van Minh is the perpetrator's associate.", "Nguyen Van Minh");
	FINDS("She is close to her cousin Gurpreet Kaur Sandhu.", "Gurpreet Kaur Sandhu");
	FINDS("Perpetrator's brother Abdirahman Warsame has threatened her.", "Abdirahman Warsame");
	FINDS("Nkechi Nwosu is her pastor's wife.", "Nkechi Nwosu");
	FINDS("Her friend Ffion Jones has a spare room.", "Ffion Jones");
	FINDS("Also present: Gwilym ap Rhys (uncle).", "Gwilym ap Rhys");
	FINDS("Her ex-husband H\xC3\xBCseyin Y\xC4\xB1ld\xC4\xB1z lives in Enfield.",
	      "H\xC3\xBCseyin Y\xC4\xB1ld\xC4\xB1z");
}

Test(names, precision_negatives)
{
	NONE("Referral made to Women's Aid and Clare's Law disclosure requested under the DVDS.");
	NONE("Children's Social Care completed a Section 47 and a Child Protection Conference.");
	NONE("He drives a Green Vauxhall and was seen on 9th May.");
	NONE("The refuge on Windsor Crescent has a space.");
	NONE("The children attend Hughes Primary and Patel Academy.");
	NONE("She moved from Preston to Lincoln in April.");
	NONE("Seen at A&E at Scunthorpe General Hospital with bruising.");
	NONE("Walk-in at Diana Princess of Wales Hospital.");
	NONE("Will the perpetrator be released? Mark the file urgent.");
	NONE("May is a difficult month for her.");
	NONE("Grace period for rent arrears extended by the Council.");
	NONE("The Green Party candidate knocked on the door.");
	NONE("The family lived on Green Lane and then Grange Court.");
	NONE("Christmas is a flashpoint; police were called on Boxing Day.");
	NONE("She uses Snapchat and Facebook Messenger, and has an iPhone.");
	NONE("The Crown Prosecution Service authorised a charge of ABH.");
	NONE("Sarah's Law enquiry outcome letter sent; Stalking Protection Order applied for.");
	NONE("Risk: HIGH. Next review: 14 June. Safe times: after 10am when he is at work.");
	NONE("Update from Humberside Police: NFA on the breach, insufficient evidence.");
	NONE("Met with Victim Support at the Police Station in Cleethorpes.");
}

/* issue 9: agencies and citations that read like names */
Test(names, citations_councils_and_full_stops)
{
	NONE("Offence under the Criminal Justice and Courts Act 2015 s33, ref Cleveland 26000123.");
	NONE("Shared under Caldicott principle 7.");
	NONE("Referral to Cyngor Sir Powys children's services.");
	FINDS("Seen by the named nurse. Walsall Council told. Then nurse Bronwen Price rang.",
	      "nurse Bronwen Price");
	FINDS("Then Sir Keith Dale wrote.", "Sir Keith Dale");
}

/* issue 9: accented name words that fold to English words; crew and
 * probation roles before a name */
Test(names, accented_names_and_crew_roles)
{
	FINDS("Her brother-in-law Phạm Văn Tân drove.", "Phạm Văn Tân");
	FINDS("Crew: Paramedic J. Oduya, ECA Brannigan.", "Paramedic J. Oduya|ECA Brannigan");
	FINDS("Countersigned by SPO Dawn Pilkington.", "SPO Dawn Pilkington");
	NONE("An SPO was applied for; the paramedic said she was calm.");
	FINDS("Workmate Lee gave him an alibi; his co-worker Dale agreed.", "Lee|Dale");
	/* a town's name as the surname after a title and a forename */
	FINDS("Spoke to their DSL Ms Nadia Crewe today.", "Ms Nadia Crewe");
	FINDS("Mr Tom Monday came.", "Mr Tom");
	/* a family by its surname in the plural */
	FINDS("She fears the Okonkwos will hear of it.", "Okonkwos");
	NONE("The Greens won the seat; the Lakes were busy.");
	NONE("Her brother-in-law was hung over.");
}

Test(names, edges)
{
	struct spans sv = {0};
	cr_assert_eq(names_scan(NULL, 0, &sv), 0);
	cr_assert_eq(names_scan("", 0, &sv), 0);
	cr_assert_eq(sv.n, 0);
	NONE("   \n\n ,,, ... 12 34");
	FINDS("Jane", "Jane");
	FINDS("her sister Jane", "Jane");
	FINDS("Jane's car was damaged.", "Jane");
	/* invalid UTF-8 and a very long word neither crash nor find */
	NONE("\xFF\xFE Mr \xC3");
	char *big = malloc(5000);
	memset(big, 'a', 4999);
	big[0] = 'A', big[4999] = '\0';
	NONE(big);
	free(big);
	/* a name split by a line break after a kinship word (hard-wrapped e-mail) */
	FINDS("she went to her\nsister Jane's flat", "Jane");
}

Test(names, collar_after_name_and_particles)
{
	/* the collar number written after the name is the officer's too */
	FINDS("Bruising was photographed by PC Okonjo 4127.", "PC Okonjo 4127");
	FINDS("PCSO Lindqvist 882 took the first account.", "PCSO Lindqvist 882");
	cr_expect_str_eq(found("Seen by DS Okafor 2290, then released."), "DS Okafor 2290");
	/* a reference after the name is not a collar number; nor is a date */
	FINDS("PC Okonjo 4127/23 refers.", "PC Okonjo");
	FINDS("Mr Farrow 2019 was the year they met.", "Mr Farrow");
	/* particles straight after a rank or title */
	FINDS("OM IS PS 7710 AB OWAIN.", "PS 7710 AB OWAIN");
	FINDS("Spoke to Mr van der Merwe about the lease.", "Mr van der Merwe");
	FINDS("Statement taken by DC MAC GIOLLA 5521.", "DC MAC GIOLLA 5521");
	/* a rank, then a full stop: a new sentence, not a name */
	NONE("Seen in clinic by CAMHS. Thursday is the review.");
	FINDS("Referred by CAMHS. Bartosz is doing well.", "Bartosz");
	/* role abbreviations before names that are also places or peoples */
	FINDS("The DSL Kerry spoke to the class teacher.", "DSL Kerry");
	FINDS("Marks seen by IDVA Cornish on Monday.", "IDVA Cornish");
	FINDS("Discussed with PO Ivy Marsh last week.", "PO Ivy Marsh");
	NONE("Post it to the PO Box on the letter.");
}

Test(names, kin_across_punctuation)
{
	FINDS("Money was lent to her stepfather - GARFIELD, who never repaid it.", "GARFIELD");
	FINDS("Her aunt (Precious Okoro) drove her there.", "Precious Okoro");
	FINDS("He has threatened his mate \"Badger\" too.", "Badger");
	FINDS("His pal \"Moose\" was in the car.", "Moose");
	FINDS("Only contact is Witness: HALVERSON, Brenda.", "HALVERSON, Brenda");
	FINDS("Her uncle - GODWIN, Tobias rang twice.", "GODWIN, Tobias");
	FINDS("Her friend Pebble lives two doors down.", "Pebble");
	FINDS("Co-accused Ruby Marsh was bailed.", "Ruby Marsh");
	FINDS("Seen by Family Support Worker Morwenna TREGARTHEN today.", "Morwenna TREGARTHEN");
	FINDS("Mum's friend Agata Field was supportive.", "Agata Field");
	FINDS("A lad called Nugget owes her money.", "Nugget");
	FINDS("She was dropped off by Auntie Comfort.", "Auntie Comfort");
	/* not across a full stop; not a common word in capitals */
	NONE("She went to her sister. Thursday was the review.");
	NONE("HER SISTER WILL ATTEND");
	NONE("Family Support Worker to visit weekly.");
}

Test(names, wrapped_and_common_surnames)
{
	/* a name wrapped over a line break */
	FINDS("The car's keeper is Winston\nOKAFOR. He calls daily.", "Winston\nOKAFOR");
	FINDS("Her cousin (Abdullahi\nWarsame) was seen outside.", "Abdullahi\nWarsame");
	/* a known forename, then a capitalised common word mid-sentence: its
	 * surname, not a leak ("Johnny Tumbleweed") */
	FINDS("She spoke to Johnny Tumbleweed yesterday.", "Johnny Tumbleweed");
	FINDS("Letters were sent by Kerry Lantern in May.", "Kerry Lantern");
	NONE("He drives a Green Vauxhall and was seen on 9th May.");
	NONE("A Young Carers assessment was recommended.");
	/* "Liban Yusuf Solicitors": a firm named by a person carries a name */
	FINDS("Advice from Farah Osman Solicitors was sought.", "Farah Osman");
	NONE("Advice from Hughes Solicitors was sought.");
	/* a forename that is a common word, starting a sentence with a person's
	 * verb, age or date of birth after it */
	FINDS("Poppy has seen the abuse.", "Poppy");
	FINDS("Daisy (6) started at a new school.", "Daisy");
	FINDS("Ruby goes to the breakfast club.", "Ruby");
	FINDS("- Jasper, DoB 02/02/19, no concerns.", "Jasper");
	NONE("Mark was seen on her neck.");
	NONE("Hope is fading that he will engage.");
	/* an emphatic forename in capitals in a mixed-case sentence */
	FINDS("He threatened to kill her and ROBIN.", "ROBIN");
	/* "b." and "D.O.B." after a name are no initials */
	FINDS("SUSPECT DARNELL B. 14-03-1990 PNC CHECKED", "DARNELL");
	FINDS("1410 HRS ZAINAB D.O.B. THE 4TH OF MAY", "ZAINAB");
	/* in capitals "A" is a word: a fox is no name */
	NONE("SEEN IN A FOX COSTUME NEAR THE SHOPS");
}

/* issue 9 generalisation: acronyms, agencies and role shorthand are no names */
Test(names, acronyms_agencies_and_shorthand)
{
	/* a lone word of at most three capitals in mixed-case text */
	NONE("Phoned SU at 10:15, no answer; SU rang back later.");
	NONE("Low mood, denies SI/plans, sleep poor.");
	NONE("Worker passed on the DAS helpline number.");
	FINDS("Phoned SU and then Jenna Stockdale at 10:15.", "Jenna Stockdale");
	/* letters glued to a reference's digits */
	NONE("Crime ref LI-20250114-0093 raised.");
	NONE("OCCURRENCE WY/1188/25 LINKED");
	/* a name before a word that ends an agency's name */
	NONE("Referral from Avonbury Police received on Monday.");
	NONE("Seen by Glyncoed UHB paediatrics.");
	NONE("Letter sent to Thornwick Council housing team.");
	/* a field separator ends a role: the agency after it is no name */
	FINDS("Aled Brinley | Family Worker | Wrexham Children's Services", "Aled Brinley");
	/* hyphenated words with a one-letter part */
	NONE("Fracture seen on X-ray at the hospital.");
	NONE("Wearing a grey T-shirt.");
	/* kinship shorthand of CAD logs: the name after it, not the shorthand */
	FINDS("2204 CALLER STATES EX HUSB DARREN IS OUTSIDE", "DARREN");
	FINDS("2210 SIS KIRSTY ON SCENE", "KIRSTY");
	/* role shorthand */
	FINDS("Victim: NOWAK, Zofia   Perp: LEWANDOWSKI, Piotr",
	      "NOWAK, Zofia|LEWANDOWSKI, Piotr");
	NONE("PoP attended supervision on time.");
	/* a role heading a form's line, then the name */
	FINDS("IDVA: Blessing\nSW: Cerys ap Huw", "Blessing|Cerys ap Huw");
	NONE("HV: Visited 3/4\nCPN: None\nSW: Conwy team\nGP: Elm Tree Surgery");
}

Test(names, nicknames_signoffs_lower_case)
{
	/* a nickname in quotes inside a name goes with it */
	FINDS("His mate Declan \"Dec\" Rourke was outside.", "Declan \"Dec\" Rourke");
	FINDS("Saw Petra 'Pet' Novakova at the door.", "Petra 'Pet' Novakova");
	/* the writer's name after a sign-off, known to no list or a common word */
	FINDS("Thanks, Zaynab", "Zaynab");
	FINDS("Kind regards,\nHazel\nFamily Support", "Hazel");
	NONE("Many thanks,\nSafeguarding Team");
	NONE("Thanks, IDVA service");
	FINDS("Cheers\nSparky", "Sparky");
	FINDS("Hi Zaynab,\nupdate below.", "Zaynab");
	NONE("Dear Sir,\nplease find attached.");
	NONE("Hi all, Hi Team,\nthanks.");
	/* notes typed in lower case: a known name after a kin word */
	FINDS("seen at home with her sister nadia present", "nadia");
	FINDS("his mate dave kowalski drove", "dave kowalski");
	NONE("her partner will attend and her sister said no");
	FINDS("dad (callum) arrested; a lad named kieran was there", "callum|kieran");
	FINDS("her new fella Kurtis came round", "Kurtis");
	NONE("she called police and then called mum");
}

/* a relative named by title and the victim's or partner's surname is a
 * third party; the victim and partner so named stay */
static char *scrub_keep(const char *in)
{
	const char *keep[] = {"Leanne Fairclough", "Darren Oakes"};
	scrubber *sc = scrubber_new(NULL, 0, keep, 2, NULL, 0);
	char *out = NULL;
	cr_assert_eq(scrub_text(sc, in, strlen(in), NULL, 0, &out, NULL), 0);
	scrubber_free(sc);
	return out;
}

Test(names, relative_with_a_kept_surname)
{
	char *o = scrub_keep("Leanne's mum Mrs Fairclough visits weekly.");
	cr_expect_str_eq(o, "Leanne's mum [REDACTED: name] visits weekly.");
	free(o);
	o = scrub_keep("Not told her dad (Mr Fairclough) yet.");
	cr_expect_str_eq(o, "Not told her dad ([REDACTED: name]) yet.");
	free(o);
	o = scrub_keep("his mother, Mrs Oakes, rang.");
	cr_expect_str_eq(o, "his mother, [REDACTED: name], rang.");
	free(o);
	/* the victim and her partner */
	o = scrub_keep("The children live with their mother Ms Fairclough and Mr Oakes.");
	cr_expect_str_eq(o, "The children live with their mother Ms Fairclough and Mr Oakes.");
	free(o);
	o = scrub_keep("Mother Ms Fairclough attended; her partner Mr Oakes did not.");
	cr_expect_str_eq(o, "Mother Ms Fairclough attended; her partner Mr Oakes did not.");
	free(o);
}

/* a role shorthand before a subject's surname ("PoP" for the person on
 * probation) is no forename: the subject stays, a relative still goes */
Test(names, role_shorthand_before_kept_surname)
{
	char *o = scrub_keep("Home visit. PoP Oakes compliant; PoP OAKES seen again Friday.");
	cr_expect_str_eq(o, "Home visit. PoP Oakes compliant; PoP OAKES seen again Friday.");
	free(o);
	o = scrub_keep("PoP Oakes says his brother Kyle Oakes will collect him.");
	cr_expect_str_eq(o, "PoP Oakes says his brother [REDACTED: name] will collect him.");
	free(o);
	/* a surname no subject has is still a name */
	FINDS("Seen with PoP Kowalski at the office.", "Kowalski");
}

/* whose number it is, in brackets straight after it */
Test(names, number_owner_in_brackets)
{
	FINDS("Callback number 07700 900 482 (Tendai Mapfumo).", "Tendai Mapfumo");
	NONE("Reported on 101 (Leeds Police) at noon.");
	NONE("Room 12 (Ward Office) was used.");
}

/* a nickname's parts: "the" opening a quoted nickname, a size or age
 * adjective before a forename, a kinship title opening a bracket */
Test(names, nickname_parts)
{
	FINDS("His cousins Big Declan and Tommy \"the Bull\" Ferris came round.",
	      "Big Declan|Tommy \"the Bull\" Ferris");
	FINDS("The girls went to great-gran's (Granny Maud) for Easter.", "Granny Maud");
	NONE("He sells the Big Issue outside.");
	NONE("Young carers project referral made.");
}

/* a hospital named by its town and a custody suite are places, no one */
Test(names, hospital_and_custody_names)
{
	NONE("She was booked at Barrow General for the scan.");
	NONE("1402 MALE TAKEN TO CASTLE MEAD CUSTODY.");
}

/* a rank, a day and a month is a date, not a collar number and a name */
Test(names, rank_then_date)
{
	NONE("Screenshots received by IDVA 21 Nov: see below.");
	FINDS("Statement taken by PC 4471 Brennan today.", "PC 4471 Brennan");
}

/* a greeting's own line names its reader, even by a common word; not a group */
Test(names, greeting_line_names_the_reader)
{
	FINDS("Hi Bramble,\n\nShe came in today.", "Bramble");
	NONE("Hi All,\nplease see below.");
	NONE("Dear Colleagues,\nthe meeting moved.");
}

/* a word in capitals before a service's role is the service's acronym */
Test(names, service_acronym_before_role)
{
	NONE("Referred on; the practice IRIS advocate will call.");
	NONE("Discussed with the ROSA worker today.");
	FINDS("Victim says ROSA hit her again.", "ROSA");
}

Test(names, first_name_in_no_list)
{
	/* a capitalised word no list knows, alone, mid-sentence: a person */
	FINDS("He has a son he never sees - Jaylen, who lives with his mum.", "Jaylen");
	FINDS("She was with Tiarnagh when he arrived.", "Tiarnagh");
	FINDS("According to Jaylen, it started at ten.", "Jaylen");
	FINDS("Statement taken by Tiarnagh on Monday.", "Tiarnagh");
	FINDS("Spoke with N'Dour about it.", "N'Dour");
	/* a place after a preposition or before a place noun, a sentence start,
	 * acronyms with capitals inside, weekday ranges, citations */
	NONE("She moved to Brackwell last year.");
	NONE("Bail conditions: not to enter Fenwick area.");
	NONE("Zorbeck was mentioned once.");
	NONE("Assessed under the RoSH tool.");
	NONE("Working days Mon-Wed only.");
	NONE("He met her on Grindr and Zoosk; paid with Klarna or Payflex.");
	/* the object of taking, using or playing is a thing */
	NONE("She takes Zopitrol and Dexavane daily; he plays Skyrift all night.");
	NONE("He was using Xanax and Valium; she is on Naproxen.");
	NONE("She speaks Lingala and some French.");
	NONE("Consent: DPA 2018 Sch 1 para 18.");
	NONE("Dydd Llun 2 Mawrth - seen in school.");
	/* a forename that is also a place, in a list of names */
	FINDS("Present: Kirsty, Jordan and baby Ellis.", "Kirsty|Jordan|Ellis");
	FINDS("Her children India, Kacper and Zofia.", "India|Kacper|Zofia");
	NONE("He travelled between Leeds, Jordan and Paris.");
	NONE("Reported to Heddlu Gogledd Cymru.");
}

/* a name found once is withheld where its words recur in the same text */
static char *scrub_plain(const char *in)
{
	const char *keep[] = {"Roxanne Pettit", "Dale Hurst"};
	scrubber *sc = scrubber_new(NULL, 0, keep, 2, NULL, 0);
	char *out = NULL;
	cr_assert_eq(scrub_text(sc, in, strlen(in), NULL, 0, &out, NULL), 0);
	scrubber_free(sc);
	return out;
}

Test(names, found_name_recurs)
{
	char *o = scrub_plain("His cousin Fergal \"Fergie\" Doak was there. Fergie drives a van.");
	cr_expect_str_eq(o, "His cousin [REDACTED: name] was there. [REDACTED: name] drives a van.");
	free(o);
	o = scrub_plain("A friend called Tayvion stayed over. Later Tayvion left.");
	cr_expect_str_eq(o, "A friend called [REDACTED: name] stayed over. Later [REDACTED: name] left.");
	free(o);
	/* a common word recurs as a name only where it names someone */
	o = scrub_plain("Seen by support worker K. Young today. Plan: Young carers referral.");
	cr_expect_str_eq(o, "Seen by support worker [REDACTED: name] today. Plan: Young carers referral.");
	free(o);
	/* apostrophes: inside a surname, not a possessive */
	o = scrub_plain("Mrs D'Arcy-Lowe rang. D'Arcy-Lowe family known. Her mate Jaxon's car; Jaxon's dad.");
	cr_expect_str_eq(o, "[REDACTED: name] rang. [REDACTED: name] family known. Her mate "
			    "[REDACTED: name]'s car; [REDACTED: name]'s dad.");
	free(o);
	/* a role's acronym before a found name is not withheld elsewhere */
	o = scrub_plain("Views given via PLO Maureen Tulliver. Address held by PLO only.");
	cr_expect_str_eq(o, "Views given via PLO [REDACTED: name]. Address held by PLO only.");
	free(o);
	/* a kept subject's name is no found name, here or elsewhere */
	o = scrub_plain("Her ex HUSB DALE rang. Dale said he was sorry.");
	cr_expect_str_eq(o, "Her ex HUSB DALE rang. Dale said he was sorry.");
	free(o);
}

/* a listed name that is also a common word, starting a sentence as its
 * subject, is the person; s36: so is it before any word in small letters
 * (fail closed), only a phrase the word makes staying ("Bill of costs") */
Test(names, listed_common_word_as_subject)
{
	const char *names[] = {"Bliss Okafor"}, *keep[] = {"Nadia Okafor"};
	scrubber *sc = scrubber_new(names, 1, keep, 1, NULL, 0);
	const char *in = "School log. Bliss (Y7) was upset. Bliss told her tutor. Bliss is "
			 "not a word we use. Okafor family known.";
	char *out = NULL;
	cr_assert_eq(scrub_text(sc, in, strlen(in), NULL, 0, &out, NULL), 0);
	/* (s36: the word opening a sentence goes too: fail closed) */
	cr_expect_str_eq(out, "School log. [REDACTED: name] (Y7) was upset. [REDACTED: name] told "
			      "her tutor. [REDACTED: name] is not a word we use. Okafor family known.");
	free(out);
	scrubber_free(sc);
}

Test(names, repeated_text_linear)
{
	/* 20,000 sentences: every name found, spans in order */
	const char *unit = "Her sister Jane met Mr Patel. ";
	size_t ul = strlen(unit), reps = 20000;
	char *t = malloc(ul * reps + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(t + i * ul, unit, ul);
	t[ul * reps] = '\0';
	struct spans sv = {0};
	cr_assert_eq(names_scan(t, ul * reps, &sv), 0);
	cr_assert_eq(sv.n, 2 * reps);
	spans_free(&sv);
	free(t);
}

/* ---- the labelled list -------------------------------------------------- */

struct labelled {
	int held_out;
	const char *text;
	const char *want[4];
};

static const struct labelled LIST[] = {
	{0, "She is staying with her sister Jane in the evenings.", {"Jane"}},
	{0, "Mr Patel at number 12 heard shouting.", {"Mr Patel"}},
	{0, "She has a friend called Dee who lives nearby.", {"Dee"}},
	{0, "DC 4471 HUGHES attended and took a statement.", {"DC 4471 HUGHES"}},
	{0, "PC 1234 Smith was the OIC.", {"PC 1234 Smith"}},
	{0, "KOWALSKA, Agnieszka was present at the address.", {"KOWALSKA, Agnieszka"}},
	{0, "Darren SMITH was arrested at 23:10.", {"Darren SMITH"}},
	{0, "CALLER STATES EX PARTNER DARREN SMITH HAS ATTENDED ADDRESS AND IS KICKING DOOR", {"DARREN SMITH"}},
	{0, "Grace Young said she would call back after the meeting.", {"Grace Young"}},
	{0, "The IDVA spoke to \305\201ukasz Kowalczyk and \310\230tefan Popescu yesterday.", {"\305\201ukasz Kowalczyk", "\310\230tefan Popescu"}},
	{0, "Zo\303\253 O'Sullivan and Ali Al-Hassan attended the MARAC on Tuesday.", {"Zo\303\253 O'Sullivan", "Ali Al-Hassan"}},
	{0, "Her neighbour Mr Patel called the police.", {"Mr Patel"}},
	{0, "She told Sue about the assault on Monday.", {"Sue"}},
	{0, "Mark Green and Bill Turner were at the Crown Court.", {"Mark Green", "Bill Turner"}},
	{0, "Seen by Dr Khan at the Diana Princess of Wales Hospital in Grimsby.", {"Dr Khan"}},
	{0, "Her ex-partner, Jason Brown, has a Non-Molestation Order.", {"Jason Brown"}},
	{0, "Aoife Nic an tSaoir and Se\303\241n Mac Giolla are her cousins.", {"Aoife Nic an tSaoir", "Se\303\241n Mac Giolla"}},
	{0, "Social worker Claire Hughes will visit on Friday with HV Okafor.", {"Claire Hughes", "HV Okafor"}},
	{0, "He is known as \"Tiny\" on the estate.", {"Tiny"}},
	{0, "Her mum Bernadette and her nan Maureen have been supportive.", {"Bernadette", "Maureen"}},
	{0, "Spoke with Siobhan, who is Ciaran's aunt.", {"Siobhan", "Ciaran"}},
	{0, "Sgt Bronwyn Pritchard reviewed the log.", {"Sgt Bronwyn Pritchard"}},
	{0, "Neighbour at no. 14, Mrs Okonkwo, heard screaming.", {"Mrs Okonkwo"}},
	{0, "Tomasz said that Agnieszka had left with the children.", {"Tomasz", "Agnieszka"}},
	{0, "Perpetrator's brother Abdirahman Warsame has threatened her.", {"Abdirahman Warsame"}},
	{0, "Her boyfriend Kyle is 19.", {"Kyle"}},
	{0, "Her son's father, Reece, has no contact.", {"Reece"}},
	{0, "The landlord, Mr Hussain, will change the locks.", {"Mr Hussain"}},
	{0, "She is close to her cousin Gurpreet Kaur Sandhu.", {"Gurpreet Kaur Sandhu"}},
	{0, "Seen by CPN Nia Llewellyn on 3/4.", {"CPN Nia Llewellyn"}},
	{0, "PC 2231 JONES and PC 4410 AHMED attended.", {"PC 2231 JONES", "PC 4410 AHMED"}},
	{0, "SMITH, John (DOB 12/03/1985) arrested for ABH.", {"SMITH, John"}},
	{0, "Call from Dawn at the school, who is the DSL.", {"Dawn"}},
	{0, "Her friend Shazia drove her to the refuge.", {"Shazia"}},
	{0, "She named him as Liam Doherty.", {"Liam Doherty"}},
	{0, "Mother-in-law Fatma Yilmaz lives with them.", {"Fatma Yilmaz"}},
	{0, "Ms Nguyen Thi Lan attended with an interpreter.", {"Ms Nguyen Thi Lan"}},
	{0, "Mr and Mrs O'Reilly next door called police.", {"Mrs O'Reilly"}},
	{0, "Ex-partner Dmytro Kovalenko sends messages via Telegram.", {"Dmytro Kovalenko"}},
	{0, "Kieran and Jade were both present.", {"Kieran", "Jade"}},
	{0, "She told Oluwaseun's mother what happened.", {"Oluwaseun"}},
	{0, "FEMALE CALLER JANINE STATES HER PARTNER LEE IS DRUNK", {"JANINE", "LEE"}},
	{0, "INFORMANT IS NEIGHBOUR MR PATEL AT NO 12", {"MR PATEL"}},
	{0, "Lisa from Women's Aid will attend the MARAC.", {"Lisa"}},
	{0, "Health visitor Gwen saw the baby.", {"Gwen"}},
	{0, "DCI Helen O'Connor chaired; DS Amir Rahman took minutes.", {"DCI Helen O'Connor", "DS Amir Rahman"}},
	{0, "She has been texting a man named Bilal.", {"Bilal"}},
	{0, "Victim's sister-in-law Raluca Popa translated.", {"Raluca Popa"}},
	{0, "Her stepdad Gary hit her when she was 14.", {"Gary"}},
	{0, "Zainab's teacher Miss Begum raised concerns.", {"Zainab", "Miss Begum"}},
	{0, "ALI, Mohammed and HUSSAIN, Shabana were interviewed.", {"ALI, Mohammed", "HUSSAIN, Shabana"}},
	{0, "Support worker Tash will visit weekly.", {"Tash"}},
	{0, "Paul Smith-Jones is the perpetrator's employer.", {"Paul Smith-Jones"}},
	{0, "Her GP, Dr Ng, prescribed sertraline.", {"Dr Ng"}},
	{0, "She was seen with Jack Wilson on Saturday.", {"Jack Wilson"}},
	{0, "Her daughter Florence is at nursery.", {"Florence"}},
	{0, "The perpetrator's mother, Mrs Hope, denies everything.", {"Mrs Hope"}},
	{0, "He sends money to his brother Will every month.", {"Will"}},
	{0, "Her aunt Rose Young offered a room.", {"Rose Young"}},
	{0, "Spoke to Mr Worker about the tenancy.", {"Mr Worker"}},
	{0, "Her partner Bob has been drinking again.", {"Bob"}},
	{0, "PC Green took the call.", {"PC Green"}},
	{0, "She said Joy and Dawn from church helped her.", {"Joy", "Dawn"}},
	{0, "Friend Dee is the only person she trusts.", {"Dee"}},
	{0, "He calls himself Big Mo on Snapchat.", {"Big Mo"}},
	{0, "His nickname is \"Chunk\".", {"Chunk"}},
	{0, "Her brother-in-law Tariq Mahmood collected the children.", {"Tariq Mahmood"}},
	{0, "Ms Nowak, the victim's employer, has agreed a safe parking space.", {"Ms Nowak"}},
	{0, "Kasia is the victim's colleague and knows about the abuse.", {"Kasia"}},
	{0, "The victim's cousin, Chiamaka Okafor, lives in Leeds.", {"Chiamaka Okafor"}},
	{0, "Her nephew Osian is 8.", {"Osian"}},
	{0, "DI Tudwal Pugh is the SIO.", {"DI Tudwal Pugh"}},
	{0, "Insp Rhodri Evans authorised the DVPN.", {"Insp Rhodri Evans"}},
	{0, "Cllr Sandhu raised the case.", {"Cllr Sandhu"}},
	{0, "Fr Murphy from St Mary's visits the family.", {"Fr Murphy"}},
	{0, "The midwife, Si\303\242n Roberts, has safeguarding concerns.", {"Si\303\242n Roberts"}},
	{0, "She says Mohammed Iqbal is the father of the baby.", {"Mohammed Iqbal"}},
	{0, "Farhana and Nasreen went with her to court.", {"Farhana", "Nasreen"}},
	{0, "Her ex-husband H\303\274seyin Y\304\261ld\304\261z lives in Enfield.", {"H\303\274seyin Y\304\261ld\304\261z"}},
	{0, "Ionu\310\233 and Mihaela Popescu share the flat.", {"Ionu\310\233", "Mihaela Popescu"}},
	{0, "Vytautas, her lodger, is a witness.", {"Vytautas"}},
	{0, "Her neighbour Olena helps with the children.", {"Olena"}},
	{0, "Nkechi Nwosu is her pastor's wife.", {"Nkechi Nwosu"}},
	{0, "Sahra Warsame is her key worker at the hostel.", {"Sahra Warsame"}},
	{0, "Delroy Campbell is the perpetrator's father.", {"Delroy Campbell"}},
	{0, "Her manager Eilidh MacLeod is aware.", {"Eilidh MacLeod"}},
	{0, "Her friend Ffion Jones has a spare room.", {"Ffion Jones"}},
	{0, "Mair\303\251ad N\303\255 Bhriain rang the helpline for her.", {"Mair\303\251ad N\303\255 Bhriain"}},
	{0, "Nguyen Van Minh is the perpetrator's associate.", {"Nguyen Van Minh"}},
	{0, "Her uncle Wei Chen owns the takeaway.", {"Wei Chen"}},
	{0, "Rojin, her sister, is 16.", {"Rojin"}},
	{0, "Ahmed Hassan and his wife Samira attended.", {"Ahmed Hassan", "Samira"}},
	{0, "She met Darren through her friend Kelly.", {"Darren", "Kelly"}},
	{0, "Her boyfriend, known as Smiffy, is 24.", {"Smiffy"}},
	{0, "She is afraid of his cousin, aka \"Big D\".", {"Big D"}},
	{0, "Contact was made with Mrs Jadwiga Wi\305\233niewska.", {"Mrs Jadwiga Wi\305\233niewska"}},
	{0, "HUGHES, Karen reported the breach.", {"HUGHES, Karen"}},
	{0, "Subject WILSON, Jack Anthony was arrested.", {"WILSON, Jack Anthony"}},
	{0, "VICTIM STATES HER EX JASON KEPT HER PHONE", {"JASON"}},
	{0, "MR KHAN FROM NO 14 CALLED IT IN", {"MR KHAN"}},
	{0, "PC 5521 O'BRIEN ATTENDED", {"PC 5521 O'BRIEN"}},
	{0, "OFFICERS SPOKE TO AGNIESZKA AND HER MOTHER", {"AGNIESZKA"}},
	{0, "Officers attended the address following a call from a neighbour reporting shouting.", {}},
	{0, "The victim disclosed that the perpetrator had taken her phone and locked the door.", {}},
	{0, "Two children were present and were spoken to by the attending social worker.", {}},
	{0, "The IDVA will make contact on the agreed safe number during the agreed safe times.", {}},
	{0, "Housing have been asked to consider a management transfer on safety grounds.", {}},
	{0, "A safety plan was reviewed; the victim's sister has offered accommodation.", {}},
	{0, "Probation confirmed the licence conditions include no contact with the victim.", {}},
	{0, "School reports the eldest child has been withdrawn and tired since half term.", {}},
	{0, "DASH completed with 16 ticks; referred to MARAC on 12 March.", {}},
	{0, "Discussed at Daily Risk Meeting. Actions: IDVA to contact, Police to flag address.", {}},
	{0, "Children's Social Care completed a Section 47 and Child Protection Conference is booked.", {}},
	{0, "Seen at A&E at Scunthorpe General Hospital with bruising to left arm.", {}},
	{0, "She was advised about Clare's Law and the DVPN was served on Saturday.", {}},
	{0, "Universal Credit claim in joint names; DWP informed.", {}},
	{0, "GP notes: low mood, Sertraline 50mg, referred to IAPT.", {}},
	{0, "He is on bail until Thursday with conditions not to enter Grimsby.", {}},
	{0, "Met with Victim Support at the Police Station in Cleethorpes.", {}},
	{0, "The Hope Street Centre offered counselling; Age UK to follow up.", {}},
	{0, "Update from Humberside Police: NFA on the breach, insufficient evidence.", {}},
	{0, "Advised to call 999 in an emergency; Refuge helpline number given.", {}},
	{0, "Will the perpetrator be released? Mark the file urgent.", {}},
	{0, "May is a difficult month for her as it is the anniversary.", {}},
	{0, "Grace period for rent arrears extended by the Council.", {}},
	{0, "On Tuesday the Health Visitor saw the baby at the Children's Centre.", {}},
	{0, "The Green Party candidate knocked on the door.", {}},
	{0, "A Young Carers assessment is recommended for the eldest.", {}},
	{0, "Brook Sexual Health and Turning Point were informed.", {}},
	{0, "CAD 1234 12/03/24 23:11 CALLER REPORTS MALE SHOUTING AT FEMALE IN STREET, POLICE ATTENDED, NFA", {}},
	{0, "Risk: HIGH. Next review: 14 June. Safe times: after 10am when he is at work.", {}},
	{0, "She attends the Mosque on Fridays and the Gurdwara on Sunday.", {}},
	{0, "Christmas is a flashpoint; last year police were called on Boxing Day.", {}},
	{0, "The Jobcentre Plus adviser and the Citizens Advice caseworker both saw her.", {}},
	{0, "She uses Snapchat and Facebook Messenger, and has an iPhone.", {}},
	{0, "He drives a blue Ford Focus and a white Transit van.", {}},
	{0, "Walk-in at Diana Princess of Wales Hospital.", {}},
	{0, "The refuge on Windsor Crescent has a space.", {}},
	{0, "He drives a Green Vauxhall and was seen on 9th May.", {}},
	{0, "Referral made to Women's Aid and Clare's Law disclosure requested under the DVDS.", {}},
	{0, "Contact GP Surgery on Windsor Dr for records; PC World receipts found.", {}},
	{0, "SW London CAMHS team is involved.", {}},
	{0, "Section 47 enquiries started; Early Help closed.", {}},
	{0, "She moved from Preston to Lincoln in April.", {}},
	{0, "The children attend Hughes Primary and Patel Academy.", {}},
	{0, "Appointment at Victoria Road Surgery on Wednesday at 10am.", {}},
	{0, "He was remanded at HMP Hull; the MAPPA meeting is in June.", {}},
	{0, "Sarah's Law enquiry outcome letter sent; Stalking Protection Order applied for.", {}},
	{0, "Rose Hill Nursery reported bruising.", {}},
	{0, "The family lived on Green Lane and then Grange Court.", {}},
	{0, "Humberside Fire and Rescue fitted a fireproof letterbox.", {}},
	{0, "Her iPhone was smashed in the Tesco car park.", {}},
	{0, "OFFICIAL SENSITIVE - MARAC MINUTES - NOT FOR ONWARD DISCLOSURE", {}},
	{0, "She was referred to Turning Point for alcohol support and to CGL.", {}},
	{0, "Honour-based abuse was considered; Karma Nirvana were consulted.", {}},
	{0, "The Magistrates Court granted a DVPO for 28 days.", {}},
	{0, "Polish interpreter booked; she prefers to speak Polish.", {}},
	{0, "They met on Tinder in January and moved in together by March.", {}},
	{0, "She has an appointment with Mind on Thursday afternoon.", {}},
	{0, "Early Help Assessment closed in August; Young Minds leaflet given.", {}},
	{0, "The Crown Prosecution Service authorised a charge of ABH.", {}},
	{0, "Safety planning: keep phone charged, code word agreed with the school.", {}},
	{0, "The victim works at Morrisons on the tills, Monday to Friday.", {}},
	{0, "An Occupation Order hearing is listed for Friday at Hull Family Court.", {}},
	{1, "Jodie rang at 14:20 to say Callum had turned up drunk.", {"Jodie", "Callum"}},
	{1, "I spoke with her mam Tracey who confirmed the account.", {"Tracey"}},
	{1, "Both Maria and Pawel Zielinski denied any argument took place.", {"Maria", "Pawel Zielinski"}},
	{1, "Victim's eldest, Tyler, witnessed the assault.", {"Tyler"}},
	{1, "He has a new girlfriend, possibly called Chantelle.", {"Chantelle"}},
	{1, "Reported by neighbour (Mrs D Armitage) via 101.", {"Mrs D Armitage"}},
	{1, "Info from HV Bev Clough: baby weight fine, mum withdrawn.", {"HV Bev Clough"}},
	{1, "Email from Hayley Broadbent, Family Support Worker, re missed visits.", {"Hayley Broadbent"}},
	{1, "PS 1187 Atkinson supervised the arrest.", {"PS 1187 Atkinson"}},
	{1, "Perp is friends with a Dean Holroyd who has firearms markers.", {"Dean Holroyd"}},
	{1, "V's new partner Marcin has been supportive.", {"Marcin"}},
	{1, "She is staying at her friend Precious's house.", {"Precious"}},
	{1, "Mum (Halima) translated for the officers.", {"Halima"}},
	{1, "The children's paternal grandmother, Bridget Flanagan, has contact.", {"Bridget Flanagan"}},
	{1, "Advised by Sgt Khalid that Wesley Brown is wanted on warrant.", {"Sgt Khalid", "Wesley Brown"}},
	{1, "Tamsin and her partner Kerry-Ann were present.", {"Tamsin", "Kerry-Ann"}},
	{1, "TEXT FROM VICTIM: HES OUTSIDE WITH HIS MATE GAZ", {"GAZ"}},
	{1, "Also present: Gwilym ap Rhys (uncle).", {"Gwilym ap Rhys"}},
	{1, "Victim named the second male as Arben Krasniqi.", {"Arben Krasniqi"}},
	{1, "Ms Adeyemi (school nurse) has no concerns.", {"Ms Adeyemi"}},
	{1, "Kind regards\012Jo Bairstow\012IDVA", {"Jo Bairstow"}},
	{1, "He kept calling her friend Becks to find out where she was.", {"Becks"}},
	{1, "Spoke to Pastor Emmanuel at the church.", {"Pastor Emmanuel"}},
	{1, "She is frightened of his brothers Imran and Kamran.", {"Imran", "Kamran"}},
	{1, "Social worker allocated: Ruth Whitaker.", {"Ruth Whitaker"}},
	{1, "Kyle's dad Steve has parental responsibility.", {"Kyle", "Steve"}},
	{1, "The perpetrator, Conor Gallagher, was bailed.", {"Conor Gallagher"}},
	{1, "Mrs Bright the class teacher noticed bruising.", {"Mrs Bright"}},
	{1, "She was collected by Uncle Sunil.", {"Uncle Sunil"}},
	{1, "The housing officer, Lorraine, will chase the repairs.", {"Lorraine"}},
	{1, "On Monday the victim met with Anne-Marie from the Freedom Programme.", {"Anne-Marie"}},
	{1, "Officers were met by Mr Oyelaran, who owns the flat.", {"Mr Oyelaran"}},
	{1, "Perpetrator known locally as Tank.", {"Tank"}},
	{1, "GP practice confirmed Dr Fitzgerald is the named GP.", {"Dr Fitzgerald"}},
	{1, "DC Evans to liaise with CPS on Tuesday.", {"DC Evans"}},
	{1, "She gave her consent for information to be shared with Refuge.", {}},
	{1, "The victim's car was damaged outside Asda on Saturday night.", {}},
	{1, "The review is due in May; Police to update the DASH.", {}},
	{1, "Hospital staff at Castle Hill reported concerns.", {}},
};

struct score {
	unsigned tp, fp, fn, sentences;
	size_t want_chars, covered_chars;
};

static void score_one(const struct labelled *l, struct score *sc)
{
	struct spans sv = scan(l->text);
	size_t n = strlen(l->text);
	char *want = calloc(n + 1, 1), *got = calloc(n + 1, 1);
	size_t nw = 0;

	for (; nw < 4 && l->want[nw]; nw++) {
		const char *p = strstr(l->text, l->want[nw]);
		cr_assert_not_null(p, "label not in text: %s", l->want[nw]);
		memset(want + (p - l->text), 1, strlen(l->want[nw]));
	}
	for (size_t i = 0; i < sv.n; i++) {
		int hit = 0;
		for (size_t k = 0; k < nw; k++) {
			const char *p = strstr(l->text, l->want[k]);
			hit |= sv.v[i].start == (size_t)(p - l->text) &&
			       sv.v[i].end == sv.v[i].start + strlen(l->want[k]);
		}
		hit ? sc->tp++ : sc->fp++;
		if (!hit)
			cr_log_info("extra: [%.*s] in: %s", (int)(sv.v[i].end - sv.v[i].start),
				    l->text + sv.v[i].start, l->text);
		memset(got + sv.v[i].start, 1, sv.v[i].end - sv.v[i].start);
	}
	for (size_t k = 0; k < nw; k++) {
		const char *p = strstr(l->text, l->want[k]);
		int hit = 0;
		for (size_t i = 0; i < sv.n; i++)
			hit |= sv.v[i].start == (size_t)(p - l->text) &&
			       sv.v[i].end == sv.v[i].start + strlen(l->want[k]);
		if (!hit) {
			sc->fn++;
			cr_log_info("missed: [%s] in: %s", l->want[k], l->text);
		}
	}
	for (size_t i = 0; i < n; i++) {
		sc->want_chars += want[i] != 0;
		sc->covered_chars += want[i] && got[i];
	}
	sc->sentences++;
	free(want), free(got);
	spans_free(&sv);
}

static void report(const char *what, const struct score *s)
{
	double p = s->tp + s->fp ? (double)s->tp / (s->tp + s->fp) : 1;
	double r = s->tp + s->fn ? (double)s->tp / (s->tp + s->fn) : 1;
	double c = s->want_chars ? (double)s->covered_chars / s->want_chars : 1;
	fprintf(stderr,
		"names: %s: %u sentences, %u names: precision %.1f%%, recall %.1f%% (exact spans), "
		"name characters covered %.1f%%\n",
		what, s->sentences, s->tp + s->fn, 100 * p, 100 * r, 100 * c);
}

Test(names, labelled_precision_recall)
{
	struct score all = {0}, held = {0};
	for (size_t i = 0; i < sizeof LIST / sizeof *LIST; i++) {
		score_one(&LIST[i], &all);
		if (LIST[i].held_out)
			score_one(&LIST[i], &held);
	}
	report("all", &all);
	report("held-out", &held);
	cr_expect_geq(all.sentences, 150);
	/* targets: a missed name leaks, an extra one costs a reader a word */
	cr_expect_geq(100 * all.tp, 95 * (all.tp + all.fp), "precision below 95%%");
	cr_expect_geq(100 * all.tp, 95 * (all.tp + all.fn), "recall below 95%%");
	cr_expect_geq(100 * all.covered_chars, 97 * all.want_chars, "name characters below 97%%");
}

/* A nickname in quotes beside the name, not inside it. */
Test(names, quoted_nickname_beside_the_name)
{
	cr_expect_str_eq(rule_of("Then \"Geordie\" Wayne Pattinson drove off", "Geordie"),
			 "cue:quoted-alias");
	cr_expect_str_eq(rule_of("brother Faisal (\"Fuzzy\") came round", "Fuzzy"), "cue:quoted-alias");
	cr_expect_str_eq(rule_of("known: \"Spider\" (Darren Oakes) and others", "Spider"),
			 "cue:quoted-alias");
	/* not before a forename alone, nor a quoted word in a sentence */
	cr_expect_str_eq(rule_of("He shouted \"Help\" Mark said", "Help"), "(none)");
	NONE("She said \"Sorry\" and left.");
	/* s33: a contact's name in quotes, whose kin it is in brackets after */
	cr_expect_str_eq(rule_of("shares location with \"Dayka\" (his mother).", "Dayka"),
			 "cue:quoted-alias");
	NONE("She said \"Help\" (her words) twice.");
}

/* A title and an initial alone name a person. */
Test(names, title_and_initial_alone)
{
	FINDS("Ms R. says she heard it.", "Ms R");
	FINDS("Mr D. was present at the time.", "Mr D");
	FINDS("Dr P. Okoro saw her.", "Dr P. Okoro");
	NONE("Seen by Dr. He said no.");
}

/* A relative with where they live, then the name between commas; a
 * partner called a bloke. */
Test(names, kin_then_town_then_name_and_bloke)
{
	cr_expect_str_eq(rule_of("Her cousin in Luton, Ravinder, has a spare room.", "Ravinder"),
			 "cue:kin");
	cr_expect_str_eq(rule_of("Mum's bloke, \"Tank\", was there", "Tank"), "cue:kin");
	/* a kin word after the town is no name */
	cr_expect_str_eq(rule_of("Her sister in Leeds, Mum, and Dad came.", "Mum"), "(none)");
}

/* A short word in capitals after a service's role is its agency or team. */
Test(names, agency_in_capitals_after_a_role)
{
	NONE("Present: Team Manager, CSC; DA worker (YPVA).");
	cr_expect_str_eq(rule_of("Her brother ALI came round.", "ALI"), "cue:kin");
	cr_expect_str_eq(rule_of("Her support worker JJ came.", "JJ"), "cue:kin");
}

/* "ED" after a name in lower case is a hospital's emergency department:
 * the hospital is named after a person, no one is named. */
Test(names, a_hospital_named_after_a_person_before_ed)
{
	NONE("She was taken to Florence Hartley ED by ambulance.");
	NONE("Seen at Edith Cavell ED overnight, discharged.");
	NONE("She went to Edith Cavell A&E with her sister.");
	/* a surname in capitals before it is still a person's */
	FINDS("Seen by Mark WHITTAKER ED consultant.", "Mark WHITTAKER ED");
	/* and a name with no ED after it is a name */
	FINDS("Her friend Florence Hartley took her to the ED.", "Florence Hartley");
}

/* A role and its worker side by side, one of them in brackets. */
Test(names, role_and_person_in_brackets)
{
	cr_expect_str_eq(rule_of("Seen with the IDVA (Rowena) on Monday.", "Rowena"),
			 "cue:role-bracket");
	cr_expect_str_eq(rule_of("Update from the VLO (Rowena): no contact.", "Rowena"),
			 "cue:role-bracket");
	cr_expect_str_eq(rule_of("IDVA (Northfold DA Service, Rowena) rang her.", "Rowena"),
			 "cue:role-bracket");
	cr_expect_str_eq(rule_of("Health (School Nursing - Rowena) had no concerns.", "Rowena"),
			 "cue:role-bracket");
	cr_expect_str_eq(rule_of("Rowena (school nurse) had no concerns.", "Rowena"),
			 "cue:role-bracket");
	cr_expect_str_eq(rule_of("Will (her son) is aware, she says.", "Will"), "cue:role-bracket");
	cr_expect_str_eq(rule_of("Minutes: Ottoline (MARAC admin).", "Ottoline"), "cue:role-bracket");
	/* near misses: an agency, a place or a rating in the bracket */
	NONE("Housing (Northfold Homes) approved the transfer.");
	NONE("Referred by the SARC (Tarrow Tolvern) after the assault.");
	NONE("Probation Service (Elbury) will attend.");
	NONE("Coordinator (Elbury) sent the agenda.");
	NONE("RAG rating (Amber) agreed by the panel.");
	NONE("Westmoor (IDVA service) took the referral.");
}

#include "linear_guard.h"

/* The bracket rule looks a fixed number of words around its cue. */
Test(names, role_bracket_is_linear)
{
	static const char *const cue[] = {
		"IDVA (Rowena) ", "Rowena (her friend) ", "IDVA (Alpha Beta Gamma, Rowena) ",
		"Service (Alpha - Rowena) ", "(((Rowena Rowena ",
	};
	lg_assert_linear(names_scan, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* An agency's name no list knows, before a service's role, is no one. */
Test(names, agency_before_a_role_in_brackets)
{
	NONE("Westmoor (housing officer) confirmed the transfer.");
	cr_expect_str_eq(rule_of("Then Ottoline (her friend) drove her home.", "Ottoline"),
			 "cue:role-bracket");
}

/* After a forename, a town's name is the surname (many towns are). */
Test(names, town_as_surname_after_forename)
{
	FINDS("Her manager Rowena Fleetwood is driving her.", "Rowena Fleetwood");
	FINDS("Witness Mr Robert Wallasey gave a statement.", "Mr Robert Wallasey");
	FINDS("Ralph Lytham was there.", "Ralph Lytham");
	/* not a day, another allow-listed word, or a place's name going on */
	FINDS("Her friend Rowena Tuesday came round.", "Rowena");
	FINDS("She saw Rowena Perp at the door.", "Rowena");
	FINDS("Her sister Rowena Fleetwood Hospital.", "Rowena");
}

/* A role heading a person in minutes and reports. */
Test(names, role_heading_a_person)
{
	cr_expect_str_eq(rule_of("Coordinator: Wendell (Elbury Council Community Safety).", "Wendell"),
			 "cue:kin");
	cr_expect_str_eq(rule_of("Present: Coordinator Rowena; IDVA service.", "Rowena"), "cue:kin");
	FINDS("Author Wendell Quenby, IDVA.", "Wendell Quenby");
	/* not a bracket after the role, nor past the bracket it closes */
	NONE("MARAC Coordinator (Elbury) sent the agenda.");
	NONE("Tolvern interpreter (Big Word ID 90012) booked.");
	cr_expect_str_eq(found("Present: Elbury Police (DI Rowena Quenby, chair), Harbour, NHS."),
			 "DI Rowena Quenby");
}

/* In a bracket beside a role, a forename that is also a phrase's first
 * word or a language is a person's; a town's is not. */
Test(names, role_bracket_forename_also_listed)
{
	cr_expect_str_eq(rule_of("Then Grace (friend) came with her.", "Grace"), "cue:role-bracket");
	NONE("Probation Service (Fleetwood) will attend.");
}

/* A kinship word in the plural: the first name, and the one after "and". */
Test(names, plural_kinship_word)
{
	FINDS("Friends Wendell and Ottoline no longer allowed round.", "Wendell|Ottoline");
	FINDS("His mates \"Tank\" and \"Spud\" were outside.", "Tank|Spud");
	/* not past "and" to a service, nor after a singular kin word */
	FINDS("Her friends Rowena and Social Services met.", "Rowena");
	cr_expect_str_eq(rule_of("Her sister Rowena and Wendell came.", "Wendell"), "lex:name");
	NONE("She sees friends and colleagues at the weekend.");
}

/* Church and community honorifics are titles. */
Test(names, community_honorifics)
{
	FINDS("A church elder, Deacon Tolvern, has been mediating.", "Deacon Tolvern");
	FINDS("The priest, Abba Tolvern, asked him to leave.", "Abba Tolvern");
	FINDS("Community elder Ato Quenby told her to be patient.", "Ato Quenby");
	NONE("She likes Abba songs.");
}

/* "Surname, Forename" in an address list, the forename in no list. */
Test(names, surname_comma_unknown_forename_in_an_address_list)
{
	cr_expect_str_eq(rule_of("To: Patel, Tolvern; Elbury MARAC", "Patel, Tolvern"),
			 "form:surname-comma");
	cr_expect_str_eq(rule_of("To: Patel, Tolvern <t.patel@example.org>", "Patel, Tolvern"),
			 "form:surname-comma");
	/* not when the entry goes on: "Patel, Tolvern Road" */
	cr_expect_str_eq(rule_of("Seen at Patel, Tolvern Road stores.", "Patel, Tolvern"), "(none)");
}

/* A team manager's shorthand before a name; report authors. */
Test(names, team_manager_and_authors)
{
	FINDS("Present: TM Wendell Quenby; SW.", "TM Wendell Quenby");
	FINDS("Authors: Wendell Quenby (IDVA).", "Wendell Quenby");
	NONE("The TM said no to the plan.");
}

/* A first name, then the full name in brackets: the same person. */
Test(names, first_name_then_full_name_in_brackets)
{
	cr_expect_str_eq(rule_of("Rowena (Rowena Quenby) is 70 and lives alone.", "Rowena"),
			 "cue:name-restated");
	NONE("Seen at Fleetwood (Fleetwood General) ED.");
	NONE("Referred by Police (Police Scotland) today.");
}

/* The new bracket and restated-name rules stay linear. */
Test(names, restated_name_is_linear)
{
	static const char *const cue[] = {"Rowena (Rowena Quenby) ", "Rowena (Rowena ",
					  "Friends Rowena and Pat and "};
	lg_assert_linear(names_scan, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* After "surname", any capitalised word is the surname, a town's too. */
Test(names, surname_after_the_word_surname)
{
	FINDS("Her friend's surname Fleetwood, she said.", "Fleetwood");
	FINDS("His surname is Wallasey.", "Wallasey");
	NONE("The surname unknown at this time.");
}

/* s15-third: the sender's first name alone on its line at an e-mail's
 * foot, before the signature ("--" delimiter, the full name starting with
 * it, or its full form), with the signature's name; a heading repeated on
 * the next line, or a common word before a delimiter, is no one. */
Test(names, s15_first_name_before_the_signature)
{
	FINDS("All agreed.\nOrsolya\n---\nOrsolya Trevannick | Outreach Worker",
	      "Orsolya|Orsolya Trevannick");
	FINDS("thanks, zelda\n--\nzelda quarrie | volunteer", "zelda|zelda quarrie");
	FINDS("Plan agreed.\nBob\n\nRobert Trevannick\nOutreach", "Bob|Robert Trevannick");
	NONE("Risk\nRisk is high at present.");
	NONE("Summary\n--\nThe plan was agreed.");
}

/* s15-third: the signature rule's cues repeated with no stop: linear. */
Test(names, s15_signature_name_is_linear)
{
	static const char *const cue[] = {"Orsolya\n--\n", "zelda\nzelda ", "thanks, meg\n--\nmeg lloyd | ",
					  "Bob\n\nRobert "};
	lg_assert_linear(names_scan, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s15-third: a forename that is also a word, before a bracket naming a
 * statutory agency (an attendance list: "Sue (Probation)", "Mark
 * (<Name> Housing)"); a month or a town before such a bracket, and a
 * police code in it, are no one. */
Test(names, s15_forename_before_an_agency_bracket)
{
	FINDS("Present: Dawn (Health - Quellby safeguarding); Mark (Tolvenny Housing).", "Dawn|Mark");
	FINDS("Apologies: Sue (Probation).", "Sue");
	NONE("Previous call from the address June (NFA).");
	NONE("Referred by Preston (Probation) today.");
}

/* s17-keep: after a service's role and a comma, a town's word before a
 * public body's ("Team Manager, <Town> Children's Services", "Health
 * Visitor, <Town> 0-19 Team") is the role's agency, no one's; the role
 * before a person's name still finds it. */
Test(names, s17_role_before_a_public_body)
{
	NONE("Chair: Team Manager, Quellby Children's Services.");
	NONE("Health Visitor, Tolvenny 0-19 Team\nQuellby Community Health NHS Trust");
	FINDS("Seen with her support worker Zbyszko today.", "Zbyszko");
	FINDS("Team Manager, Zbyszko Quenby, Children's Services.", "Zbyszko Quenby");
}

/* s17-keep: a word no list knows before a police station, a probation
 * office, custody or magistrates (a line wrapped between them) is the
 * town's name; before "police" that goes on as a sentence, a person's. */
Test(names, s17_town_before_a_court_or_station)
{
	NONE("Bail: report to Quellby police station daily.");
	NONE("Next appt Tuesday, Tolvenny probation office.");
	NONE("Remanded by Tolvenny\nMagistrates on Monday.");
	NONE("Conveyed to Quellby custody at 23:10.");
	FINDS("She told Zbyszko police would attend.", "Zbyszko");
}

/* s17-keep: both rules read at most three tokens ahead: linear. */
Test(names, s17_public_body_rules_are_linear)
{
	static const char *const cue[] = {"Team Manager, Quellby Children's ", "Visitor, Quellby 0-19 ",
					  "told Zbyszko police station ", "by Tolvenny\nMagistrates "};
	lg_assert_linear(names_scan, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s17-keep: a chain's name in the possessive ("McDonald's") is no surname;
 * "Royal <Town>" is a hospital. The surname alone, and a person whose
 * run holds no "Royal", are still found. */
Test(names, s17_chain_possessive_and_royal)
{
	NONE("Handover of the children at McDonald's Parkway.");
	NONE("Pt to deliver at Quellby General rather than Royal Tolvenny.");
	NONE("ED Royal Tolvenny 01/11. Pt states husband strangled her.");
	FINDS("Handover at Ms McDonald's house.", "Ms McDonald");
	FINDS("Seen with Rosalind Kowalczyk today.", "Rosalind Kowalczyk");
}

/* s17-keep: "<Name> House" is a building; after "premises" (where he was
 * released to live) it is still withheld; a name run not ending in
 * "House" is a person. */
Test(names, s17_name_house_is_a_building)
{
	NONE("IDVA (Rosalind House). Client seen today.");
	NONE("He was admitted to Ottoline House under s2.");
	FINDS("Released to Approved Premises (Rosalind House).", "Rosalind House");
	FINDS("Seen with Rosalind Kowalska today.", "Rosalind Kowalska");
}

/* s17-keep: a range of weekdays ("Mon-Thu") is no name, though "Thu" is a
 * forename too. */
Test(names, s17_weekday_range_is_no_name)
{
	NONE("Husband is a fisherman, away Mon-Thu most weeks.");
	NONE("Contact Tue-Fri only.");
}

/* s17-keep: after "HMP" a prison's name, "Pan-<Region>" a service's
 * reach, and the Gaelic "Comhairle" a council: no one's name. A person
 * named in the same sentence still is. */
Test(names, s17_prison_region_and_gaelic_council)
{
	NONE("Released from HMP Tolvenny on 02/11 (licence).");
	NONE("Advised of the Pan-Yorkshire housing register.");
	NONE("CPO supervision, Comhairle nan Eilean Siar.");
	FINDS("Visited by Rosalind Kowalczyk at HMP Tolvenny.", "Rosalind Kowalczyk");
}

/* s17-keep: "nan" between capitalised words is the Gaelic article; after
 * "her" it is a grandmother, and the name after it is found. */
Test(names, s17_gaelic_article_is_no_kin_word)
{
	NONE("Referred by Comhairle nan Tolvenny Siar.");
	FINDS("She is staying with her nan Rosalind this week.", "Rosalind");
}

/* s17-keep: after an article, "ACRONYM, <Town>" is a service and its
 * town; "SURNAME, Forename" without one is still a name. */
Test(names, s17_article_before_acronym_comma_town)
{
	NONE("Victim examined at the SARC, Tolvenny 20/11.");
	FINDS("Witness: KOWALCZYK, Rosalind.", "KOWALCZYK, Rosalind");
}

/* s19: the first word of an allow-listed phrase after a forename is her
 * surname when the phrase does not go on ("HV Rosalind Early - ..."); with
 * the phrase's next word it stays the phrase. In a log's capitals a town
 * after a title and a forename is the surname. */
Test(names, s19_phrase_word_and_capitals_town_as_surnames)
{
	FINDS("Health: HV Rosalind Early - visits missed at 9.", "HV Rosalind Early");
	FINDS("Referred to Rosalind via Early Help.", "Rosalind");
	FINDS("2302 RP NEIGHBOUR MR ALAN SWINDON HEARD SCREAMS.", "MR ALAN SWINDON");
	FINDS("2302 MR ALAN SWINDON ROAD", "MR ALAN");
}

/* s19: a nickname in quotes, then a surname that is also a word, is one
 * name ('"Gazza" Price'); not before a capitalised word that goes on. */
Test(names, s19_quoted_nickname_then_surname)
{
	FINDS("Intel: his friend \"Gazza\" Price seen driving past.", "Gazza\" Price");
	FINDS("Intel: his friend \"Tiny\" Price Street was seen.", "Tiny");
}

/* s19: a common word capitalised at a line's end before a place's name on
 * the next line goes on that name ("Sandwell and West\nBirmingham NHS
 * Trust"): no one's name; alone before another line it still is. */
Test(names, s19_common_word_before_a_wrapped_place)
{
	FINDS("Referral by the midwife, Walsall and West\nBirmingham NHS Trust.", "");
	FINDS("Referral passed to Grace\nthis morning.", "Grace");
}

/* s19: an acronym in capitals right after a place's or an agency's name,
 * then a comma, is a service in a list of agencies ("<County> ASC,
 * <District> DC"), not "SURNAME, Forename"; a known surname there still is. */
Test(names, s19_service_acronym_after_a_place_is_no_surname)
{
	FINDS("Present: Worcestershire ASC, Quellby DC housing.", "");
	FINDS("Seen by Leeds KHAN, Amir today.", "KHAN, Amir");
}

/* s19: a month after "since" in a list, or alone in brackets after a
 * meeting ("ICPC (September)"), is when, no one's name; April, June and
 * August may be a child's. */
Test(names, s19_a_month_is_no_name_in_a_list_or_bracket)
{
	FINDS("Since September, Rosalind (12) returns from contact upset.", "Rosalind");
	FINDS("Progress since ICPC (September): contact suspended.", "");
	FINDS("Children: Rosalind, April and Quentin.", "Rosalind|April|Quentin");
}

/* s19: a role ending a line ("... MARAC Coordinator"), then a place's name
 * and an agency's word opening the next ("Kent MARAC"), is a heading, no
 * one's name; a name after the role on the next line still is. */
Test(names, s19_role_then_a_place_and_an_agency_on_the_next_line)
{
	FINDS("FAO: the MARAC Coordinator\nKent MARAC (east) - transfer", "");
	FINDS("Referred by her Support Worker\nKent Smith today.", "Kent Smith");
}

/* s19: a word of the phonetic alphabet in capitals before a number is a
 * unit's call sign ("OSCAR 21"); after a kin word it is still a name. */
Test(names, s19_call_sign_is_no_name)
{
	FINDS("Officers (OSCAR 21) arrived 0127.", "");
	FINDS("Her son OSCAR 12 was present.", "OSCAR");
}

/* s20: after a title and a forename (or a word no list knows), a
 * capitalised common word alone mid-sentence is the surname ("Mr Tobias
 * Hollow raised", "(SW Quen Pike)"); a run going on is a place's name, and
 * after a role's heading the words are an agency's. */
Test(names, s20_common_word_surname_after_title_and_forename)
{
	FINDS("Vet Mr Tobias Hollow raised the first concern.", "Mr Tobias Hollow");
	FINDS("Assessment started (SW Quen Pike).", "SW Quen Pike");
	FINDS("Seen by Dr Amy Leeds General staff.", "Dr Amy");
	FINDS("IDVA: Quelby Women's and Children's Aid.", "");
}

/* s20: a name alone in brackets after a role that ends the line before
 * ("with IDVA\n(Rowena)"), or after a role or kin word in lower case
 * ("the caretaker (Tolly)"); "RAG (Amber)" is a rating still. */
Test(names, s20_name_in_brackets_after_a_role)
{
	FINDS("Disclosure made with the IDVA\n(Rowena) present.", "Rowena");
	FINDS("Reported to us by the caretaker (Rowena) in May.", "Rowena");
	FINDS("Risk RAG (Amber) agreed.", "");
}

/* s22: after a police rank, a capitalised common word no surname list knows
 * is the officer's when an -ing verb, "to", "on", "re" or "today" follows
 * ("DC Priest reviewing"); "PC World" from which things are bought stays. */
Test(names, s22_officer_surname_before_an_ing_verb_or_to)
{
	FINDS("Kent Police referral. DC Priest reviewing.", "DC Priest");
	FINDS("Reviewed by DC Priest today.", "DC Priest");
	FINDS("Kent Police referral, DC Monk to visit.", "DC Monk");
	FINDS("Laptop bought from PC World yesterday.", "");
}

/* s22: a victim liaison officer or a senior investigating officer heads a
 * name as an IDVA does ("VLO Dawn Halsall"); "The VLO will write" names
 * nobody. */
Test(names, s22_vlo_and_sio_head_a_name)
{
	FINDS("Victim Contact Scheme; VLO Dawn Halsall. Victim asks for a zone.", "VLO Dawn Halsall");
	FINDS("The VLO will write to her.", "");
}

/* s22: a known name opening a bracket after a kinship word in lower case,
 * possessive too, is the person's even when the bracket goes on ("at her
 * neighbour's (Sue at no. 11)", "her friend (Dee, lives nearby)"). */
Test(names, s22_name_opening_a_bracket_after_a_kin_word)
{
	FINDS("Emergency bag at neighbour's (Sue at no. 11).", "Sue");
	FINDS("Her friend (Dee, lives nearby) has a key.", "Dee");
	FINDS("Her friend (the one from work) helps.", "");
}

/* s23: notes typed in lower case: "mr" and "mrs" are titles still, and the
 * word after them a surname (not "miss" or "ms", words too); after
 * "called" a name that is also a town; "sister in law" as three words;
 * "interp", the interpreter, heads a name, not a Language Line number. */
Test(names, s23_lower_case_titles_called_and_in_law)
{
	FINDS("aunt named as mrs folake full stop", "mrs folake");
	FINDS("mr green at no 12 saw it", "mr green");
	FINDS("spoke to mr john smith today", "mr john smith");
	NONE("i miss him so much and she has ms");
	FINDS("a lady called beverley helped me", "beverley");
	FINDS("client's sister in law rukhsana is supportive", "rukhsana");
	NONE("her sister in law is supportive");
	FINDS("arabic interp samira by phone", "samira");
	NONE("Turkish interp (LL 40228) present");
}

/* s23-over: "Referrer:" heads the referring worker when a known forename
 * follows; the referring agency after it is no name. */
Test(names, referrer_heads_a_person)
{
	FINDS("Referrer: Georgia Quenby, IDVA, Elbury Women's Aid.", "Georgia Quenby");
	NONE("Summary (referrer, Stepping Stones IDVA): she has left.");
	NONE("Referrer: Tolvern Women's Aid.");
}

/* s26: who completed or reviewed a form, after the participle and "by", is
 * a forename and a surname even when no list knows them; an agency, a
 * place, a role or a longer capitalised run (a nursery's name) is not. */
Test(names, s26_done_by_heads_a_person)
{
	FINDS("Completed by: Abiola Martins, Named Midwife", "Abiola Martins");
	FINDS("Reviewed by Tegwyn Prothero (team manager).", "Tegwyn Prothero");
	NONE("Reviewed by Bright Horizons Nursery.");
	NONE("Prepared by Quellby Council.");
	NONE("Approved by Team Manager.");
	NONE("Entered by Police Scotland.");
	NONE("Checked by Duty Team.");
}

/* s26: the collar number before the rank is the officer's ("OEL ENTRY
 * 05/11/2026 14:22 by 7788 PC OWUSU"); a clock time before it is not,
 * unless a log's cue for who entered it goes before. */
Test(names, s26_collar_before_the_rank)
{
	FINDS("OEL ENTRY 05/11/2026 14:22 by 7788 PC OWUSU\nAttempted contact.", "7788 PC OWUSU");
	FINDS("Log entry by 1420 DS KAUR", "1420 DS KAUR");
	FINDS("At 1420 PC Khan attended.", "PC Khan");
	FINDS("Ref 4410 DS Kaur.", "DS Kaur");
}

/* s27: "Mr and Mrs <Surname>" is one couple, both titles in the span; after
 * a relative's word (grandparents, parents, and in a log's capitals after
 * "her" or "his": "HER DAD MR STONE") they are relatives, the kin+title
 * rule that keeps them withheld though the surname is a subject's. */
Test(names, s27_couple_and_capitals_relative)
{
	FINDS("Grandparents Mr and Mrs Okafor are protective.", "Mr and Mrs Okafor");
	cr_expect_str_eq(rule_of("Paternal grandparents Mr and Mrs Okafor refuse.", "Mr and Mrs Okafor"),
			 "cue:kin+title");
	cr_expect_str_eq(rule_of("RP COLLECTED BY HER DAD MR OKAFOR. HUB TO REVIEW", "MR OKAFOR"),
			 "cue:kin+title");
	cr_expect_str_eq(rule_of("REPORTED BY DAD MR OKAFOR.", "MR OKAFOR"), "cue:title");
	FINDS("PC Hall and DC Okafor attended.", "PC Hall|DC Okafor");
}

/* s27: a nickname's size or age word before a name found is part of it
 * ("Big Dave", "Little Jimmy"); not inside another word or in lower case. */
Test(names, s27_nickname_word_before_a_name)
{
	FINDS("tell 'Big Dave' he's a dead man", "Big Dave");
	FINDS("Little Jimmy Kowalczyk was there.", "Little Jimmy Kowalczyk");
	FINDS("a big Dave Kowalczyk fan", "Dave Kowalczyk");
}

/* s28: after a title, a word the lexicon knows only as the first of a
 * place's phrase ("Kirkby" of "Kirkby in Ashfield"); fire ranks; lower-case
 * notes' "dr" and roles' short forms; a chat's speakers. */
Test(names, s28_title_place_phrase_fire_ranks_lower_case_and_chat)
{
	FINDS("Manager Ms Kirkby phoned the police.", "Ms Kirkby");
	FINDS("Home fire safety check 10/01. CM Thwaites attended.", "CM Thwaites");
	FINDS("gp tel consult 5/2 dr hussein. hv bev told.", "dr hussein|bev");
	FINDS("Kel: hun u ok??\nBecky: no\nKel: door's open", "Kel|Becky|Kel");
	FINDS("Police: 6 incidents this year.\nHousing: transfer approved.", "");
	FINDS("shes stoppin at our kelly's in huyton", "kelly");
	FINDS("our house is cold and our dog barks", "");
}

/* s29: a word cut short with a full stop before a number cites a
 * provision ("Art. 6", "Art. 20"); the same word alone mid-sentence is
 * still a name. */
Test(names, s29_abbreviated_provision_before_a_number)
{
	FINDS("Charged under Art. 6 Criminal Justice (NI) Order 1996.", "");
	FINDS("Charged under Art. 20 Offences Against the Person Act 1861.", "");
	FINDS("She told Art on Monday.", "Art");
}

/* s39-never: a known forename typed in lower case doing what people do; a
 * word no list knows opening a sentence before a person's verb; a town's
 * name after a police rank; a relative's name before "works at". */
Test(names, s39_lower_case_actors_unknown_actors_officers_and_workers)
{
	FINDS("22/10 19:55 J: yeh darren rang police they came", "darren");
	FINDS("the will said nothing; grace said", "");
	FINDS("Fenella said she was fine.", "Fenella");
	FINDS("Cafcass said no.", "");
	FINDS("| Beds Police | DS Morley | 18/11: father assaulted mother.", "DS Morley");
	FINDS("SISTER DONNA KIRK WORKS AT THE SHOP", "DONNA KIRK");
}

/* s39-never: a carer in a log named by a forename and an initial before a
 * colon, common word or not; a couple named by two forenames and one
 * surname. */
Test(names, s39_forename_initial_labels_and_couples)
{
	FINDS("25.04 07:30 Blessing N: Grandson states he is her carer.", "Blessing N");
	FINDS("Option A: move. Plan B: stay.", "");
	FINDS("Foster: Pat and Ken Hardcastle, Sunnybank Farm.", "Pat|Ken Hardcastle");
	FINDS("Police and Ken Hardcastle attended.", "Ken Hardcastle");
}

/* s40-never: after a police rank, a surname that is also a word before
 * "of", "from", "for" ... ("OIC DC Farrow of visit outcome"); a shop after
 * "from" stays one. */
Test(names, s40_officers_before_of_and_from)
{
	FINDS("Notified Leicestershire Police OIC DC Farrow of visit outcome.", "DC Farrow");
	FINDS("Spoke to DS Birch from CID.", "DS Birch");
	FINDS("Laptop bought from PC World for her.", "");
}

/* s40-over: a role's agency after its comma, a town and the agency's
 * acronym or words ("Social Worker, Bradford CSC", "Health Visitor,
 * Bradford District Care NHS FT"), is no person; a name after a role is. */
Test(names, s40_a_roles_agency_by_its_town)
{
	FINDS("- Farah Qureshi, Social Worker, Bradford CSC", "Farah Qureshi");
	FINDS("- Yasmin Hussain, Health Visitor, Bradford District Care NHS FT", "Yasmin Hussain");
	FINDS("Social Worker Hannah Price said so.", "Hannah Price");
}

/* s40-over: a town before probation's or youth justice's acronym in a
 * list of names is the agency's ("Paul Ingham, Lincoln PDU, Probation"). */
Test(names, s40_a_town_before_an_agency_acronym_in_a_list)
{
	FINDS("Supervising officer: Paul Ingham, Lincoln PDU, Probation Service", "Paul Ingham");
}

/* s40-never: South Asian honorifics before a name ("Smt. Rekha Joshi",
 * "Shri Anil Desai"); "Sri Lanka" stays a country. */
Test(names, s40_south_asian_honorifics)
{
	FINDS("Referred by Smt. Rekha Joshi, group leader.", "Smt. Rekha Joshi");
	FINDS("Shri Anil Desai spoke to us.", "Shri Anil Desai");
	FINDS("She is from Sri Lanka.", "");
}

/* s40-over: a common word before a role's word, both capitalised, is the
 * role's name ("Work Coach D. Holroyd"); a town before "Jobcentre" in a
 * list of names is the office's. */
Test(names, s40_role_phrases_and_jobcentres)
{
	FINDS("Referring officer: Work Coach D. Holroyd, Bradford Jobcentre | Date: 04/03/2027",
	      "D. Holroyd");
	FINDS("Referrer: Support Worker Jane Pike.", "Jane Pike");
}

/* s41-never: a title and an initial before a small word, a comma or the
 * line's end ("Seen by Dr C today", "Kind regards, Dr C. P.S."), and a
 * forename that is a word after a slash and a name ("Lisa W /
 * Precious:"); "Mrs V" and "Mr P" are the victim and the perpetrator as
 * notes shorten them; "Mr J. Okafor" runs on to the surname. */
Test(names, s41_title_initials_and_slashed_workers)
{
	FINDS("Seen by Dr C today.", "Dr C");
	FINDS("Kind regards, Dr C. P.S. he works days.", "Dr C");
	FINDS("Mrs V said he left.", "");
	FINDS("Mr J. Okafor attended.", "Mr J. Okafor");
	FINDS("04/02/27 07:40-08:15 Lisa W / Precious: bruise noted.", "Lisa W|Precious");
	FINDS("Agreed with Police / Hope to follow up.", "");
}

/* s41-never: a unit's or role's capitals before a person's initial are no
 * part of the name ("OMU S. Lindqvist"); a forename no list knows before
 * a surname one does is a person ("Nkechi Okafor"). */
Test(names, s41_unit_acronyms_and_unknown_forenames)
{
	FINDS("Action: OMU S. Lindqvist to email the employer.", "S. Lindqvist");
	FINDS("Seen with Zubeyda Okafor yesterday.", "Zubeyda Okafor");
}
