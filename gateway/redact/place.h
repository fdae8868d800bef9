/*
 * place.h: where people are, in free text.
 *
 * place_scan() reads normalised text (textnorm.h: ASCII separators, '\n'
 * kept as a line break) and appends spans (spans.h) of four kinds:
 *
 *   SCRUB_ADDRESS    for every recipient: a free-text address, with or
 *                    without a postcode. A house number (1-4 digits, one
 *                    letter: "33a"; a range "12-14"; "No. 14") or a flat
 *                    ("Flat 10,", "Apartment 4B", "flat 2") followed by up to
 *                    five name words and a street or building type ("Grange
 *                    Court", "Cliff Walk", "Rosewood House", "WINDSOR CRES");
 *                    a street named after on/at/in/near/off/along/via ...
 *                    ("on Windsor Crescent"), or with an unambiguous type
 *                    alone ("Pennine Road"); "at number 12"; a house number
 *                    before "The <Name>" ("3 The Paddocks"); a bare house
 *                    number after lives/staying at, kin at, "two doors down
 *                    at" ("lives at 12 Heathfield", "the neighbour at 22");
 *                    "flat (61a)"; "PO Box 4471" with its town and
 *                    postcode; a town after a statement of where someone is
 *                    ("moved to Leeds", "refuge space found in Hull", "lives
 *                    on Gipsyville"). An address takes in a
 *                    building named before it ("Rosewood House, 12 ..."),
 *                    then towns and a postcode after it (", Grimsby",
 *                    "\nGrimsby\nDN31 2AB", "in Hull", "GRIMSBY" after an
 *                    address in capitals), across hard line breaks.
 *                    Street types: Royal Mail's thoroughfare words and their
 *                    abbreviations (place_words.h). Those that are also
 *                    surnames or ordinary words (Close, Court, Green, Hill,
 *                    Park, Walk, ...) make an address only after a number, a
 *                    flat or a preposition; "Court" never after Crown,
 *                    Magistrates, County, Family, Youth (courts are where
 *                    hearings are, not where she lives). Not addresses: a
 *                    number after Section, Ward, Room, Page, ... or before
 *                    minutes, children, am/pm ...; times, money, dates;
 *                    a street-type word in lower case without a number; a
 *                    street naming a police station ("... Road custody",
 *                    "... police station", "... front counter").
 *   SCRUB_PLACE      for every recipient: a school, nursery, college, GP
 *                    surgery or practice, clinic ("St Mary's Primary School",
 *                    "Riverside Medical Centre", "Dr Shah's surgery", "the
 *                    Grange Practice"): an institution word after at least
 *                    one capitalised name word that is not a modifier
 *                    ("her local GP surgery", "the school" stay); a named
 *                    hospital only in a sentence saying she is there
 *                    ("admitted to ...", with "on Ward 9"); what follows
 *                    attends/pupil at ("attends Little Acorns", "in reception
 *                    at Oldfield"); an institution word used as a label
 *                    ("GP: <name>", "School - <name>", "nursery (<name>,
 *                    <town>)", "her son's nursery, <name>, ..."); venues and
 *                    shops after a name ("Heckmond Library", "the Polish
 *                    church hall"; Hall, Church, Barber, Temple, Kitchen
 *                    only in lower case, after an institution word or
 *                    "the": they are surnames); a workplace after works
 *                    at/for/in, employed by, job at, "her workplace (",
 *                    "place of work", "Employment:", "Occupation:", is a
 *                    <job> at/for, a colleague/teacher/DSL/SENCO at or from,
 *                    a person who runs/manages, up to the end of the clause
 *                    ("Tesco on Freeman Street", a town after a comma: "Humber
 *                    Freight, Goole") when it holds a capitalised name ("the
 *                    hospital", "the council", "the DA team" stay); also
 *                    after a job with no article before "at" ("(surgeon at
 *                    <X>)", not after "the"), a trade's verb ("drives for",
 *                    "cleans at"), a label's value to the sentence's end
 *                    ("<X>'s job: ...", "workplace:", "employer:", "business:",
 *                    "Church:"), a business someone owns with where it is,
 *                    a firm in apposition ("his cousin's firm, <Name>",
 *                    "trading as <Name>"), a colleague's or friend's bracket
 *                    ("colleague Mr <Name> (<Store>, stockroom)"), the part
 *                    after the employer in a job's aside, a ship after FV/MV,
 *                    and a practice's ODS code on its letterhead's line.
 *                    Addresses also in asides: "bailed to his mum's (<Estate>,
 *                    <Town>)", "(Mr & Mrs <Name>, <District>)", "his
 *                    brother's in <District>", "at his mum's, <District>".
 *
 * and, only when flags has PLACE_F_LOCATION (a recipient not entitled to the
 * victim's whereabouts), whole sentences:
 *
 *   SCRUB_LOCATION   a sentence that says where she is, will be, or goes:
 *                    refuge, hostel, B&B, safe house, whereabouts, sofa
 *                    surfing, (new|temporary|emergency ...) accommodation,
 *                    address, tenancy or home; a room, flat or property
 *                    offered, accepted or found; staying/living/residing
 *                    with|at|in|on ... (not "in fear", not "with the
 *                    perpetrator" or "with her two children": who she lives
 *                    with is not where); moved/relocated/rehoused/placed/fled
 *                    (not "the meeting moved to Tuesday", "the case moved to
 *                    another MARAC", "moved on"); is/went/returned at|to|with
 *                    someone's, kin, a town, a number ("is at her sister's";
 *                    not went or taken to a named hospital or ED: an
 *                    incident's trip there; not where he stays, "the
 *                    husband remains at", "he will be at", in a sentence
 *                    with no word for her or hers; not "was with <Name>
 *                    for 9 years"; a door is no town: "IS AT DOOR");
 *                    "at her mum's", "to her best mate's" (an adjective before
 *                    kin); "can be found at" (not "Suspect located at");
 *                    "address: ..."; "her flat is on/near <a place>", "her
 *                    location is"; "her new street"; lives above, below,
 *                    behind, upstairs, next door; put up by; booked into;
 *                    accepted into; rents a flat; a bed space, the night
 *                    shelter; "is at her workplace"; "admitted to"; routines
 *                    and routes (walks, drives, collects, takes the bus ...
 *                    with via, a clock time or "every Tuesday"; "school
 *                    run"; "is at work until 5"); her next appointment at
 *                    a named place with its date ("Next ANC: <Name>
 *                    Centre 12/03", "to review in clinic at <Name> 17/03").
 *   SCRUB_SAFE_TIME  a sentence that says when or how it is safe to call or
 *                    visit her: "safe to call", "safe times: ...", "best
 *                    time to call", call/ring/text/visit + before/after/
 *                    between/until + a time, "only call", "do not call",
 *                    "do not leave voicemail", "text first", "when he is at
 *                    work", "he checks her phone", "can be contacted at",
 *                    "Safe contact: ...", "text only", "a second phone",
 *                    "no letters"; "ring her only in school hours", "Next
 *                    contact: tues pm"; a route he does not watch ("her
 *                    sister's phone", "text her work mobile", "a new
 *                    phone", "contact her at work"); "letters to go to",
 *                    "do not send ... to the house", "the best way to reach
 *                    her", "the best day"; an appointment booked under a
 *                    cover name ('booked ... as a "smear recall"'); "let
 *                    her take calls in the office" (where at work);
 *                    "will facilitate a private conversation".
 *   A sentence with both is one SCRUB_LOCATION span.
 *
 * Sentences end at '.', '!', '?', ';' before a space (not after "Mr." or an
 * initial), at a blank line, and at a line break unless the text visibly
 * goes on (the line ends in a comma, colon or function word, the next line
 * starts in lower case, a name is cut in two, or the line is 60 bytes or
 * longer: a hard-wrapped e-mail), and always before a line that opens with
 * the label of a record's or a header's field about the record itself
 * ("Name:", "Sent:", "To:", "Subject:", "Ref:", "Tenant:", "Hx:"; not one
 * that may say where, "Address:", "Area:"). A withheld sentence starts after
 * a log entry's stamp ("14/02 -", "Tue 3 Mar 3.40pm:"), and after a heading
 * line ending in ':' or the note's title (its first line, parts joined by
 * " - ") that says nothing yet of where she is or of contact, with the
 * stamp of the entry after them. So a CAD log or chronology withholds one
 * entry per line; a pasted e-mail the whole wrapped sentence. Past tense and
 * other people's whereabouts are withheld too when the cue fires ("the
 * perpetrator is staying at his mother's"): withholding more is the safe
 * error. Without the flag these sentences are left (police and IDVA are
 * entitled to them), but the addresses and places inside are still found.
 *
 * Spans may overlap (an address inside a withheld sentence, a street inside
 * a workplace); scrub.c unites them. rule is static and names the cue
 * ("addr:number+street", "place:gp", "loc:refuge", "time:safe-call"); never
 * text from the input.
 *
 * Cost: one pass, linear in n: each token is looked up once in a hash of
 * the cue words and the recognisers read at most 64 tokens back and 24
 * ahead; no regular expressions, no backtracking. Memory: one fixed ring of
 * tokens per call plus the spans. The word table is built once, on the first
 * call, and shared read-only by all threads: place_scan is thread-safe.
 */
#ifndef MARAC_PLACE_H
#define MARAC_PLACE_H

#include <stddef.h>

#include "spans.h"

#define PLACE_F_LOCATION 1u /* also withhold the victim's whereabouts and safe times */

/*
 * Find places in s[0..n) (n 0 allowed; s may then be NULL) and append them
 * to out. Any bytes are accepted (a NUL is a character like any other).
 * Returns 0, or MGW_E_NOMEM if a span could not be allocated; spans
 * appended before the failure stay in out (the caller frees out either
 * way). The scan state (about 10 KiB) is on the caller's stack.
 */
int place_scan(const char *s, size_t n, unsigned flags, struct spans *out);

#endif
