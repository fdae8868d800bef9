/*
 * failsafe.h: the victim's whereabouts and safe contact, withheld even when
 * no cue of place.c names them (issue 9 item 3, "locations fail safe").
 *
 * place.c recognises statements of where she is by lists of cues, and a
 * list only covers the phrasings its writers met. This is a second, broad
 * layer that looks at the structure of each unit of text instead, and
 * withholds the unit when it could say where someone lives, stays, is or
 * goes, or when and how she can safely be reached. It runs only for
 * recipients not entitled to the victim's whereabouts (SCRUB_F_LOCATION),
 * and there, where it cannot be sure, it withholds.
 *
 * Units. A sentence ends at '.', '!' or '?' before a space or the end (not
 * after a title, an initial or a short abbreviation: "Mr.", "J.", "approx."),
 * at a blank line, at a dictated "full stop", "new paragraph" or "question
 * mark" (speech-to-text writes them as words), and at a line break unless
 * the text visibly goes on (the
 * line ends in a comma, a lower-case function word or a form of "be": "Safe
 * window is\n10-12 weekdays"; the next line starts
 * in lower case after a line of 60 bytes or more: a hard-wrapped e-mail).
 * So a CAD log or a chronology is one unit per line (a line ending in a
 * number goes on when the next starts with digits, unless they are four and
 * a space: a CAD entry "2341 CALL ..."); a weekday and a time are a log
 * stamp, outside the span, only at a sentence's start. Within a sentence,
 * ';' and a spaced dash " - " separate clauses. Where a line goes on by
 * these rules but is a statement of its own, the rules decide the clauses
 * before the break apart (the unit model's unit goes on, as it was
 * trained): a letter's greeting ("Hi,", "Dear Oonagh,"); a CAD entry after a
 * number ("LOG 0917\n23:41 UNIT ...": a clock or a date); a heading of
 * 60 bytes or more with no sentence's end in it whose next line is longer
 * than it and that line's first word (which would have fitted, so the
 * break is no hard wrap: "... - enquiry log - ref NS-2203\nMrs B reports ...").
 * A message log's next entry ("[03/02, 18:12] Hetty: ...") goes on as before;
 * a withheld statement that runs over the next entries of a message log or
 * a chronology leaves out their stamps and speakers ("[21:04] SW: ",
 * "T 17:05: ", "11/06 19:07 Roz: "), as it does the first entry's: when
 * and by whom stays visible, the words go (the model's spans likewise).
 *
 * Signals, on words folded to lower case (so CAD capitals count), with
 * common short forms (stayin, livin, accom, w/, @):
 *   residence  a verb or noun of living, staying, moving, being
 *              placed, housed or relocated, fleeing, tenancy, accommodation,
 *              refuge, hostel, hotel, B&B, "TA" (not before a name: "TA Mrs
 *              Kaur" is a teaching assistant), address; sleeping only
 *              with a preposition after ("not sleeping" is health);
 *              not "home visit", "home time", "residence permit", "tenancy
 *              officer" and the like, nor a person by a role (tenant,
 *              lodger, resident); flat, house, home,
 *              room, place, property, bed after a determiner other than "the"
 *              (the one the notes already know; up to two unlisted words
 *              between: "a new housing association flat", not "a month
 *              sent home"), a modifier ("new",
 *              "temporary") or a preposition; go/went/gone/back/is/will be/
 *              remains followed by at, in, with, to, into ("is at", "went
 *              to"), unless what follows is no place ("at risk", "in place",
 *              "in fear", "to court", "into school"; "ur at", "you're in": his texts to her); at/with/to
 *              + someone's ("at her mum's", "at
 *              mums"); "out of area"; deliver, birth, labour + at/in (where
 *              she will give birth); a dwelling + above, below, behind,
 *              opposite ("flat above the chip shop"); a postcode district after in, near,
 *              to ("school places in B17"; Royal Mail's areas, so not "Y6");
 *              "postcode" as "address" ("Postcode ends 3JW"); kinds of
 *              dwelling (trailer, four-in-a-block, farm, boats); someone's
 *              + in/at ("my dads in Crewe", "her parents' in X": a plural's
 *              possessive only for kin); a dwelling or street then above,
 *              behind, opposite ... within five words ("the house with the
 *              green door opposite the church", "on the road behind the
 *              market"; not up/downstairs); a dwelling after a capitalised
 *              word ("the Mill Lane house") or before "is" + a name ("the
 *              home is Larchwood"); the place before "where she has been
 *              sleeping"; outside/inside as prepositions; "make her way
 *              to", "got off at"; a going verb then "there" ("went there
 *              on Sunday", not "is there"); bide (Scots: stay);
 *              someone's after "from" ("rang from a cousin's"; not "from
 *              her uncle's account") or after a going verb with no
 *              preposition ("going ur aunties"); where she rang from
 *              (rang, ringing, called ... from a place, a name or a noun:
 *              "IP RANG FROM ACROSS THE PARK", "rang from the library
 *              at X"; not a phone or number, "from her sister", him, an
 *              agency, nor her relative ringing from where they live,
 *              nor the home the notes know: "from the bathroom of her
 *              home" is that dwelling's signal, kept in an incident's
 *              clause);
 *              where a worker met or will meet her, a common place in
 *              small letters ("Met <Name> in the bakery on the harbour"; not
 *              his meeting her, a time, a named venue or an agency's
 *              premises: office, clinic, centre ...); CAD and Scots subjects (FEMALE, complainer)
 *              like V and IP; a later clause of a sentence that opens on
 *              in/at/near + a capitalised word not a month ("- in Hexham,
 *              near the abbey -"); an appointment (appointment, appt; "birth
 *              plan") then at/in/to and a capitalised word not a time ("next
 *              appt at <Name> Clinic, 3rd Dec at 9.20", "birth plan changed
 *              to <Name>"; not "appt at 10:30", "appointment with CAMHS");
 *              a transfer to somewhere (transfer, transferred, transferring;
 *              not "transfers"). A place reached by a conveyance (conveyed,
 *              taken, escorted, transported, driven, or a CAD's bare
 *              subject then TO: "IP TO ...") is a residence unless the
 *              clause names a hospital, infirmary, A&E, ED, ambulance or
 *              custody and nothing else in it says where she lives (an
 *              incident's conveyance: "Conveyed to <Name> Hospital").
 *   contact    ring, call, phone, text, message, e-mail, contact, visit,
 *              see, speak, meet, "available", "contactable" (present or
 *              base forms: "she rang at 10:02" reports, it does not
 *              advise), together with a time or condition (am/pm, a clock
 *              time, morning ... night, weekdays and their abbreviations,
 *              weekend, school hours, between, after, before, until, only,
 *              never, "do not", "when he ...", safe, best) or a route (via,
 *              through, voicemail, "leave a message", a PO box, someone's
 *              or a work, safe or second phone or number, someone else's
 *              Facebook, Instagram ... account). "ok/free/safe to
 *              talk/ring" (whether she can talk), "texts the word ...", "codeword",
 *              a time judged ("days are fine", "mornings no good"), what
 *              follows a "code:" label, "safe/best
 *              time(s)", "safe number", "code word" and "PO box" alone are
 *              enough; so is her label (V, client, victim, a forename that
 *              is no common word) then nothing but time windows ("Leah:
 *              10-2 weekdays", "V: evenings"; label and all); a clock time alone only in advice ("IDVA to call at
 *              10", "can ring at 2pm"), not in a report ("e-mail received
 *              at 20:20"). "free"/"available" then a time ("free after
 *              4pm"); "if" + her ("if she replies OK she can talk"); breaks
 *              and lunchbreaks are times of day, and so are days named by a
 *              faith's observance (Sabbath, Shabbat, Jummah); "the way to
 *              reach her" is a route, and so are phone signal and wifi ("no
 *              signal except by the shop": where she goes to be reached) and
 *              her working hours (she or her name, then works,
 *              finishes, "starts at") with a day, an hour or a condition
 *              ("She works weekdays 9-5", "finishes at 2 on Fridays";
 *              not his, an office's, "working with");
 *              "c/o" before a determiner or a name (care of; "c/o headache"
 *              is "complains of"); "telephone" is a contact verb before
 *              whom ("do not telephone her"), a device otherwise; a contact
 *              word before "about" is what is said ("never talk about it");
 *              "via" an interpreter is the agencies' service, no route of
 *              hers (only a time or condition then makes a safe contact);
 *              "Safe and Well" (the fire service's visit) is a name, and
 *              fleeing DA, domestic abuse or violence is why, not where;
 *              "lives with <someone>" is the household at the address on
 *              file unless the clause names a place or "now" ("Mrs X lives
 *              with her son, who is her carer"; not "now lives with",
 *              "lives with her sister in Hull", "no longer lives with her",
 *              "lives with mother, <address> since Sept": "since" and a
 *              month, a weekday, "last" or "yesterday" is a move);
 *              "X moved (back) in" with no place after and nobody of hers in
 *              the clause is someone moving into her home ("Lodger X moved
 *              in yesterday"; not "she moves in on the 9th").
 *              Her work, then its hours in a clause of their own that
 *              holds only times ("she works long days - usually Mon, Thu,
 *              Sat"), is a safe contact, both clauses.
 *              A conveyance, her bare label, then "to" ("OFFICERS
 *              TRANSPORTED IP TO <PLACE>") is a residence as "IP TO" is (not
 *              a pronoun: "LAS conveyed her to <hospital>").
 *   routine    walks, collects, shops, the bus, a shift, a rota, earlies,
 *              lates, a ferry, flight or
 *              coach, a taxi, a lift, drop-off and pick-up (not "at pick-up":
 *              a moment), "parks" ... with a time, a weekday, an hour range
 *              or "every" (after a
 *              routine word, a bare hour "at 8" is a time; "shift
 *              22:00-06:00", "on earlies, 4am-12"): where she will
 *              be and when. A span of days joined by '-' ("Thurs-Sun",
 *              "mon-fri") is a time as "weekdays" is (and no log entry's
 *              day at a sentence's start).
 *              Under her work's label ("Work:", "IP's work:", "Mother's
 *              work:", "Employment:"; not his, "BF's employer:") an hour,
 *              an hour range or a weekday makes a routine too.
 *   areas      after wants, asked (for), requested, prefers, preference(s),
 *              a choice of capitalised places joined by or, and, '/', ','
 *              or '&' ("she wants Brackton or Wellmere", "asked for areas:
 *              Holmwood, Ardglen"): where she will live, a residence (not a
 *              person she wants, "she wants Tom to have them"); also
 *              after requested, wanted, preferred, preference(s), and
 *              "like" as a wish ("she'd like", "would like"). A host
 *              family ("with the host family in ...") is a residence.
 *   relay      "message(s)" after pass, get, take or relay (base forms, at
 *              most "a", "on" between: "will pass on messages", "can get a
 *              message to her"), and "ask for" then a quote (the name she
 *              goes by on a phone someone else answers): a route to her,
 *              a safe contact (not "has been passing messages from him");
 *              "password", "code" or "phrase" then a quote (a code agreed
 *              with her: "password \"...\"", "code phrase '...'") or, written
 *              in small letters, a code of four to twenty capitals ("use
 *              password MANGO"), with the
 *              whole sentence it is agreed for ("school will release her
 *              to X if ...; password ..."), not "knows her password".
 *              Her phone told by its last digits ("Mob ends 392", "mobile
 *              ending 0417") is a safe contact too.
 *
 * Decisions. A residence clause is withheld (SCRUB_LOCATION) unless it is
 * clearly only about the perpetrator: it has he, him, his or a word for the
 * perpetrator (also "PoP", the person on probation; husband, ex-partner) and none for her or the
 * family (she, her, the victim, V, IP,
 * mum, the children, they, we ...). A contact clause is always withheld
 * (SCRUB_SAFE_TIME, SCRUB_LOCATION if it is also a residence clause), with
 * the rest of its sentence (what follows a safe time explains it: "tues pm -
 * he is at training then"); a contact word and a time in different clauses
 * of one sentence withhold from the first of them to its end, and from the
 * clause before when it gives the route: a contact, a condition or a phone
 * or number ("use the number she rings from; do not ring back"). The span
 * leaves out a leading date or time stamp and a short "Label:" (the agency,
 * the date and the reference of a log entry stay visible; a weekday before a
 * date, "Tue 4/11", is part of the stamp), unless the label itself says
 * where or when ("Safe window:", "Moved to:") or heads a plan ("Plan:",
 * "Interim arrangement:"): then it goes with the clause; and the full
 * stop. Spans overlap place.c's; scrub.c unites them and writes the
 * markers "[WITHHELD s38: victim location]" and "[WITHHELD s38: safe times]".
 * Facts that name no place (s17-fp), each only where nothing else in the
 * clause says where: an incident at her home as the notes know it, named
 * by her label's possessive ("IP's flat"), in a CAD's capitals ("OUTSIDE
 * HOUSE", "IN FLAT") or with what he shouted in a language of the lexicon;
 * a conveyance to a police station or a custody suite (custody) or to a
 * town's "General" or "Royal" ending the clause (a hospital); a door
 * ("IS AT DOOR"), an account ("into his account"); a tenancy held already
 * (joint; old, previous, current ... with no place after) and its
 * reference; "lived like ...", "staying so long", "a school place" with no
 * place in the next eight words; "was with <Name> for 9 years" (together);
 * "is with <Town> Magistrates' Court" (a court holding an application);
 * a contact session or visit named by when ("after contact on Sunday").
 * A routine is decided as a residence clause. After a withheld residence
 * clause, the next clause of the sentence that is about her or the
 * children and names somewhere or some time (at, in, near, a time, a
 * routine, someone's home: "- HER AUNTIE'S"), or a journey not his, or
 * only a name ("- CARE HOME", "- <Name> House in <Town>"), goes too, rule
 * "fs:residence+next":
 * "...at her mother's; the children are dropped at school by their gran",
 * "a refuge space in X; ferry booked". A table's cells (" | ") are
 * separate units. Facts that name no place either (s19-over), each only
 * where nothing after it says where: a tenancy told by its tenure ("<Landlord>
 * tenancy in her sole name", "tenancy, joint", a landlord in brackets; not
 * after new, temporary, offered); an address a marker or flag is on; "family"
 * in "the family home" is nobody of hers; an account or a name after into,
 * of, in; a month after at or in; "went to <Name> A&E", "to Royal <Town>",
 * "hosp", HMP, prison (a second place reached, or someone's home, still
 * withholds); a room of the home after "called from the"; a venue's room
 * named by two capitalised words; someone's then an event or a part of the
 * body; "<Town> at Home" (a provider); a child's contact session
 * ("supervised contact", "Father's contact", "contact centre"); "via" or
 * "through" a court; "health visiting"; MARAC; the words of an e-mail
 * address. Nor (s22-over): a record of contacts ("Contact log:", "call
 * history": each entry under it is judged on its own); an appointment at a
 * court or a police station named by its kind ("<Town> Family Court",
 * "courthouse", "Police Station"; not a bare "<Name> Court"); a room after
 * an agency's premises and a comma ("<Name> Police Station, room 3"); a
 * record of the tenancy held ("Tenancy history:", "tenancy note", "Tenancy
 * agreement seen:", with no place in the sentence) and a tenancy told by
 * its tenure before it ("sole secure tenancy since 2021"). Nor (s23-over)
 * fleeing told only by when or whom ("v fled sunday", "fled 24/01 night",
 * "fled husband who arrived Aug"; with no place in the next eight words,
 * not a capitalised place left: "fled <Town>"); a refuge referral ("Refuge
 * referral - outcome", "REFUGE REFERRAL FORM": the agencies' process, with
 * no place in the next eight words). A chronology's or
 * message log's entry in the list under a withheld statement keeps its
 * date-and-clock stamp and speaker (scrub.c). rule is "fs:residence", "fs:residence+next", "fs:routine",
 * "fs:residence+contact", "fs:safe-contact", and "fs:model" for the unit
 * model below (SCRUB_SAFE_TIME when the unit has a contact, time or
 * condition signal and no residence one, else SCRUB_LOCATION).
 *
 * The unit model (issue 9; failsafe_scan_model). Rules and cue lists get
 * the notes they were written from right and move unseen notes by a point
 * per round; a statistical model of the same units generalises from
 * phrasings instead ("she finishes at 2 so any time after half 3", "booked
 * to have the baby at X not Y"). It is a third layer: a unit is withheld
 * when place.c or the rules above say so, or when the model's probability
 * is at least the threshold; it only looks at units the rules left
 * untouched (a rule that withheld a clause already drew the boundary; the
 * model widening it to the sentence lost must-keep text and found little).
 *   Unit: a sentence as cut above (or a part of one longer than
 *   FS_CLAUSES clauses), from its first word after a log stamp or label
 *   to its last, without the full stop.
 *   Features, computed in this pass (so training and runtime see the same
 *   thing), hashed into FSM_SIZE weights: per word a token and its bigram
 *   with the previous token; the token is the folded word, except a number
 *   by its shape ("10:30" -> "0:0", "7-3" -> "0-0", "28th" -> "0a"; a clock
 *   time apart), a capitalised word inside the unit that no word class
 *   lists as one token (names of people and places are not learnt, "at
 *   <Name>" is), a possessive marked; per unit the word classes (K_*; one,
 *   K_BIZ, only for the model: the agencies' own business, "meeting",
 *   "minutes", "hearing", so "after the meeting" is not "after 6") and
 *   clause signals (S_*) present, a length bucket and whether the rules
 *   fired. x = 1 / sqrt(n) for each of the unit's n distinct features
 *   (a repeat counts once); p = 1 / (1 + exp(-(b + w.x))).
 *   A unit of more than 100 words (none in the training sets: a text
 *   with no sentence end) is left to the rules.
 *   Training: L2-regularised logistic regression by SGD, pure Python,
 *   deterministic (tests/redaction/train_unitclf.py), on the units of
 *   every free-text field of tests/redaction/holdout, exam, exam2 ...
 *   exam10 and corpus (the generated one at weight 0.25: templated) exported by
 *   redaction_units (tests/redaction/units.c). Positive: the unit overlaps
 *   a labelled refuge, victim_location or safe_times span; victim_contact
 *   (phones, e-mails, the address on file) is left to the value
 *   recognisers. A positive weighs 4, a negative holding must-keep text
 *   12, any other unit 1.
 *   Threshold p >= 0.16 since exam5-7 joined (below; was 0.15, then
 *   0.14 since exam3 joined: "Minutes will be circulated ... after the
 *   meeting" scored 0.138, "booked in to have the baby at X not Y"
 *   0.148), chosen with exam2 held out as the lowest at
 *   which every corpus gate stays green (holdout over-redaction is what
 *   binds); held out, it took exam2's never-share recall from 90.8% to
 *   93.5% with over-redaction unchanged (8.3%). The curve is in
 *   tests/redaction/README.md. exam3 was measured unseen (never-share
 *   94.7%, over-redaction 10.9%) before it joined the training data;
 *   exam4 likewise (held out, the model at 0.14, 0.12 and 0.10 gave it the
 *   same never-share recall, 96.8%, and 0.10 cost 0.3 point of over-
 *   redaction: the threshold stays 0.14). exam5 and exam6 are not in the
 *   training data: adding exam5 was validated on exam6 held out and did
 *   not pay (at 0.14 the same 17 of the 32 positive units the rules miss,
 *   11 false units instead of 9; exam6 never-share unchanged at 99.31%,
 *   over-redaction 7.02% -> 7.15%; nor with signal pairs as features).
 *   With exam7 written, the three joined (issue 9, h9-fix7w): held out,
 *   exam7's 56 positive units the rules miss were found 28 at 0.14 by the
 *   six-set model, 36 by one that also learnt exam5 and exam6 (false units
 *   9 -> 10), so more hand-written notes carry where the round before's
 *   one set did not. The threshold and the weights were picked on exam8,
 *   a sealed set's summary figures only: with positives and must-keep
 *   negatives weighing 1 and 4, never-share 95.87% (old model) -> 96.55%
 *   (0.14) -> 96.67% (0.10) -> 96.90% (0.07), over-redaction 9.03 -> 9.34
 *   -> 9.46 -> 9.77 (exam3 9.40%, exam4 3.87% at 0.07); weighing them 4
 *   and 12 (the rare positives count, and so does what a false alarm
 *   costs), 97.00% / 9.65 at 0.10 and 97.29% / 9.65 at 0.08, with less
 *   over-redaction on every development set than the 1-and-4 model at
 *   0.10 (holdout 5.88 -> 5.32, exam3 9.08 -> 8.46, exam6 4.77 -> 4.39).
 *   But below 0.16 it withholds what policy_rt's test keeps as no time of
 *   hers ("She works weekdays 9-5" scores 0.157, "Children aged 10-12
 *   attend on weekdays" 0.105; the development sets' labels do count her
 *   working hours as a safe time when they say when she finishes), so the
 *   threshold is the lowest that keeps every unit test green: 0.16,
 *   exam8 96.67% / 9.35 (the 1-and-4 model's never-share at 0.10 with
 *   less over-redaction; exam7 7.24, exam6 4.39, exam5 4.10).
 *   Session 10 (h10-where): exam8 and exam10 joined the training data
 *   (eleven sets; exam9 sealed, its summary only): at the old 0.11 exam9
 *   never-share 94.52% -> 95.40%, over-redaction 9.51 -> 9.79, at 0.13
 *   95.31 / 9.74, at 0.15 95.23 / 9.51. A number after "aged", "age" or
 *   "ages" became its own token (an age, not a safe window: "Children
 *   aged 10-12 attend on weekdays" scored above 0.25 as a range), and the
 *   gateway's own markers are skipped (their "victim location" read as a
 *   statement in text scrubbed twice). Threshold 0.13 at first (at 0.11
 *   "Meeting on Monday at 10:00, lunch at 12:00", policy_rt, scored above
 *   it); retrained with her label's time window (fs_her_label), 0.11 again:
 *   exam9 95.31 / 9.69 (0.12: 95.23 / 9.63, 0.13: 95.23 / 9.57).
 *   Session 11 (s11-where): exam9 joined the training data (twelve
 *   sets; exam11 and exam12 sealed, their summaries only). Threshold
 *   0.11 kept: exam11 never-share / over 91.90 / 11.38, exam12 97.66 /
 *   9.39 (main: 91.15 / 11.44, 97.27 / 9.51); 0.09: 92.19 / 11.46, 97.66
 *   / 9.46; 0.08: 92.35 / 11.46, 97.66 / 9.63; 0.07: 92.56 / 11.63, 97.66
 *   / 9.88. Below 0.11 "She was seen by the health visitor for the 6-8
 *   week check" (test_failsafe_model's ordinary business) scores 0.100.
 *   Session 13: exam11 to exam14 joined (sixteen sets). The threshold
 *   was chosen with exam13 and exam14 held out (fourteen sets): their
 *   never-share / over-redaction 91.66 / 9.14 and 98.81 / 9.38 with the
 *   old weights, 93.28 / 9.73 and 98.81 / 10.31 at 0.08, 93.13 / 9.51
 *   and 98.81 / 9.86 at 0.10, 92.56 / 9.29 and 98.81 / 9.73 at 0.12;
 *   then all sixteen trained at 0.11, the lowest at which the generated
 *   corpus's over-redaction stays under the 2% (1.94%; 2.03% at
 *   0.10). It withholds "Meeting on Monday at 10:00, lunch at 12:00" as
 *   a safe time and a count of children with their ages as a location
 *   (test_policy_rt says so): over-redaction accepted for never-share.
 *   Session 17: retrained on the same eighteen sets after s17-keep,
 *   s17-fp and s17-never changed the features, chosen on exam19 (sealed,
 *   its summary only) and the never-share of the rest: at 0.11 exam19
 *   98.03 / 99.47 / 7.78 (recall / never-share / over-redaction) but
 *   never-share fell on exam14 (99.81 -> 99.43), exam11, exam9 and exam6;
 *   at 0.09 98.03 / 99.47 / 7.90 and no set's never-share below 0.11's
 *   (the generated corpus 1.82% over-redacted). With exam17 and exam18
 *   in training too: exam19 98.03 / 99.47 / 8.20, and it withheld
 *   "Minutes will be circulated ... after the meeting": left out.
 *   Session 19: retrained on the same eighteen sets after s19-over
 *   narrowed the rules (units they no longer withhold the model now
 *   sees), chosen on the never-share of every set and on exam21 (sealed,
 *   its summary only): at 0.09 over-redaction rose 0.1-0.6 points on
 *   every set over the stale weights, and never-share fell on exam9
 *   (99.16 -> 99.11) and exam5; at 0.15 it fell on exam14, exam11 and
 *   exam9; at 0.12 no set's never-share is below the stale weights'
 *   (exam18 99.26 -> 99.61, exam13 97.84 -> 98.05, exam11 98.06 -> 98.21)
 *   and over-redaction is within 0.25 of theirs (exam21 98.35 / 98.92 /
 *   7.96; the generated corpus 1.70%).
 *   Session 20: retrained on twenty-three sets (exam17-exam21 too: every
 *   set but exam22), chosen on exam22 (sealed, its summary only) and the
 *   never-share of every set. The eighteen at 0.12: exam22 97.03 / 97.18
 *   / 10.27. The twenty-three at 0.12: 96.84 / 96.53 / 9.49, and
 *   never-share fell on exam13, exam11, exam10, exam9; at 0.08: 97.11 /
 *   97.45 / 10.23, better on all three, and every set's over-redaction
 *   within 0.5 of the eighteen's (exam21 7.44 -> 6.15, exam20 7.75 ->
 *   6.09; exam4 2.90 -> 3.42); never-share fell on older sets (exam14
 *   99.81 -> 99.43, exam10 99.43 -> 99.07, exam9 99.16 -> 98.86, exam11,
 *   exam13 by 0.1-0.2) and rose on exam17, exam18 and exam21: held out,
 *   more sets beat a closer fit to the old ones. It withholds "Parked in
 *   the <Town> <Chain> car park." whole (test_scrub says so). Held out
 *   the other way (exam20 and exam22 out of training, at 0.08): the
 *   eighteen plus exam17-19 and exam21 gave exam20 99.21 / 100 / 7.34,
 *   the eighteen alone 8.29; exam21 out, both 98.89 / 99.33 / ~7.6. On
 *   exam22 the eighteen at 0.08 gave 97.29 / 98.05 / 10.64 and the
 *   twenty-three at 0.05 97.20 / 97.72 / 10.52: a few pairs, within what
 *   one set can tell. The threshold moves never-share more than the sets.
 *   Session 21: retrained on the same twenty-three sets after s21-over
 *   and s21-never changed the rules (output as the stale weights' but
 *   exam9 recall 98.01 -> 97.98, exam17 over-redaction 5.59 -> 5.51).
 *   Chosen on exam23 (sealed, its summary only): with exam22 and exam24
 *   trained on too (twenty-five sets; the generated corpus at weight 0.5,
 *   else its over-redaction passes 2%), exam23 96.95 / 97.19 / 12.56
 *   against 12.04 here, never-share no higher; over-redaction rose 0.1-0.8
 *   on every set (exam24 labels her future clinic appointments as where
 *   she will be, the older sets mostly keep them); and it withholds
 *   "Minutes will be circulated ... after the meeting" while "booked in to
 *   have the baby at X not Y" fell below every threshold that keeps it
 *   (0.08-0.12). Positives weighing 2 at 0.06: exam23 97.07 / 97.38 / 11.91
 *   (with the corpus at 0.25, 2.07% over-redacted there), but never-share
 *   fell on six older sets. Held out at the unit level (exam22 with the
 *   twenty-three), positives weighing 2 found as many units beyond the rules
 *   with a third fewer false ones (31 of 49 with 40 false at 0.08; 4: 63).
 *   Tried and left out (no gain on exam8): a class shape of
 *   the last three words (preposition, capitalised word, possessive, kin
 *   ...: 96.55% at 0.14 with 0.2 point less over-redaction, but at 0.10
 *   "Minutes will be circulated ... after the meeting" scored 0.25), and
 *   whether the rules withheld the field's previous unit (96.43%).
 *   Session 24: the threshold is p = 0.065 (was 0.08). Retrained after
 *   the session's rules took over units the model had scored, at 0.08 the
 *   new weights let never-share fall on five sets (exam12 -0.18, exam13
 *   -0.21, exam14 -0.38, exam22 -0.27, exam26 -0.52 points); at 0.065,
 *   with "arrived 16:30 at <Name>" made a rule (a clock after a going
 *   verb), it falls on exam26 (-0.28: a routine line, "Thu IDVA at
 *   <Service> 1000") and exam25 (-0.04), rises on exam9-11, and
 *   over-redaction moves -0.4 to +0.45 points against the old weights. At
 *   0.055 and 0.06 "Minutes will be circulated to all agencies after the
 *   meeting" is withheld (test_failsafe_model).
 *   Retrain (after changing the features, a word class or a set):
 *     build/tests/redaction_units \
 *       tests/redaction/{holdout,exam,corpus,exam2,...,exam21} \
 *       > u.tsv
 *     python3 tests/redaction/train_unitclf.py --units u.tsv --out gateway/redact/failsafe_model.c
 *   ctest redaction_unitclf fails until the committed weights are the
 *   script's output. --validate SET leaves a set out and prints its curve.
 *   Cost: two hashes and two bit tests per word (the word's own hash is
 *   the lookup's), and per unit the weights of its features added in the
 *   order they came, at the unit's end (the same float as a running sum),
 *   each weight prefetched when its feature is first seen: a load of the
 *   256 KiB table per feature, in the middle of a word's rules, had been a
 *   third of fs_run's own time (session 20). It was 0.9-1.0 ns per byte on
 *   the narratives of the corpus and the holdout with those loads (the
 *   rules cost 7.7 there). The table is filled once, read-only after.
 *
 * Cost: one pass, linear in n; each word is folded and looked up once in a
 * small read-only hash (built once, thread-safe); a word that is listed
 * nowhere or only a function word, with nothing pending, costs no more.
 * It was about 3 ns per byte on bench_scrub's text (place.c's pass: 4.5);
 * with the rules added since, about as much as place.c's pass (9-10 ns per
 * byte there, bench_scrub's "place" stage): a quarter of a scrub's
 * instructions under callgrind, as many as place_scan's. Memory: the
 * clauses of the current sentence, at most FS_CLAUSES; a longer sentence
 * is decided in parts.
 */
#ifndef MARAC_FAILSAFE_H
#define MARAC_FAILSAFE_H

#include <stddef.h>
#include <stdint.h>

#include "spans.h"

/*
 * Find units of normalised text s[0..n) (textnorm.h; n 0 allowed, s may then
 * be NULL) that say where someone lives or is, or when she can safely be
 * reached, and append them to out. Any bytes are accepted. Returns 0, or
 * MGW_E_NOMEM if a span could not be appended; spans appended before stay
 * in out (the caller frees out either way).
 */
int failsafe_scan(const char *s, size_t n, struct spans *out);

/*
 * As failsafe_scan, and the unit model besides (see "The unit model"
 * above): a unit whose probability reaches the threshold is appended whole
 * with rule "fs:model". This is what the scrubber runs under
 * SCRUB_F_LOCATION. Same arguments and returns as failsafe_scan.
 */
int failsafe_scan_model(const char *s, size_t n, struct spans *out);

/*
 * As failsafe_scan_model, for a victim recorded as a man (SCRUB_F_VICTIM_HE):
 * "he", "him", "his" may be the victim, so a clause about him is no longer
 * "about the perpetrator alone" and is read as one about her would be.
 */
int failsafe_scan_model_he(const char *s, size_t n, struct spans *out);

/*
 * Is w[0..wn) (folded to lower case) a postcode district, the outward code
 * alone ("b17", "ls6", "wn5", "sw1a"): a postcode area of Royal Mail's
 * list, then one or two digits and maybe a letter? "y6" (a school year),
 * "ks2" (a key stage), "a4" are no area.
 */
int failsafe_postcode_district(const char *w, size_t wn);

/* The words that ask where she should live as a decision ("capacity re
 * where to live", "a decision about where to live"), NULL-terminated: no
 * statement of where she is. */
extern const char *const failsafe_decide_words[];

/* The unit model's weights: generated by tests/redaction/train_unitclf.py
 * into failsafe_model.c. Feature indexes are in [0, FSM_SIZE). */
#define FSM_BITS 16
#define FSM_SIZE (1u << FSM_BITS)
struct fsm_weight {
	uint32_t idx;
	float w;
};
extern const struct fsm_weight fsm_weights[];
extern const size_t fsm_nweights;
extern const float fsm_bias;
extern const float fsm_logit_threshold; /* log(p / (1 - p)) of the chosen p */

/*
 * For training (tests/redaction/units.c): run the scan on s[0..n) and,
 * for each unit, call feat() once per distinct feature (an index in
 * [0, FSM_SIZE); a repeat counts once) and then unit() with the unit's span
 * [a, b) of s and whether the rules withheld part of it (a == SIZE_MAX: a
 * unit with no words or too many for the model; drop the features since
 * the last unit()). The
 * features are exactly those the runtime sums. Returns as failsafe_scan.
 */
struct fs_unit_sink {
	void *ctx;
	void (*feat)(void *ctx, uint32_t idx);
	void (*unit)(void *ctx, size_t a, size_t b, int fired);
};
int failsafe_units(const char *s, size_t n, const struct fs_unit_sink *sink);

#endif
