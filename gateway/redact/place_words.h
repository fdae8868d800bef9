/*
 * place_words.h: the word list place.c reads (private to place.c).
 *
 * One X-macro row per lower-case word: W(id, "text", classes). The id names
 * the word where a rule needs that exact word (W_TO, W_SAFE, ...); classes
 * are the C_* bits of place.c, the roles the word can play. A word is listed
 * once, with every class it has. Possessive "'s" is stripped before lookup
 * when the whole word is not listed ("mary's" -> "mary"), so only a few
 * possessives that mean something else are here ("children's").
 *
 * Street types follow Royal Mail PAF thoroughfare descriptors and their
 * usual abbreviations; "ambiguous" ones (Close, Court, Hill, Green, Park,
 * ...) are also surnames or ordinary words, so they make an address only
 * after a house number, a flat, or a preposition.
 */
#define PLACE_WORDS(W)                                                                          \
	/* street types: unambiguous */                                                         \
	W(ROAD, "road", C_ST)                                                                   \
	W(STREET, "street", C_ST)                                                               \
	W(AVENUE, "avenue", C_ST)                                                               \
	W(LANE, "lane", C_ST)                                                                   \
	W(CRESCENT, "crescent", C_ST)                                                           \
	W(DRIVE, "drive", C_ST)                                                                 \
	W(TERRACE, "terrace", C_ST)                                                             \
	W(GARDENS, "gardens", C_ST)                                                             \
	W(GROVE, "grove", C_ST)                                                                 \
	W(MEWS, "mews", C_ST)                                                                   \
	W(BOULEVARD, "boulevard", C_ST)                                                         \
	/* street types: ambiguous (also surnames or ordinary words) */                         \
	W(CLOSE, "close", C_STA | C_KINADJ)                                                     \
	W(COURT, "court", C_STA | C_BLD | C_NOTPL | C_NONLOC)                                   \
	W(WAY, "way", C_STA)                                                                    \
	W(WALK, "walk", C_STA | C_ROUTEV)                                                       \
	W(PLACE, "place", C_STA | C_ACCOM)                                                      \
	W(SQUARE, "square", C_STA)                                                              \
	W(HILL, "hill", C_STA)                                                                  \
	W(VIEW, "view", C_STA)                                                                  \
	W(PARK, "park", C_STA)                                                                  \
	W(PARADE, "parade", C_STA)                                                              \
	W(GREEN, "green", C_STA)                                                                \
	W(VALE, "vale", C_STA)                                                                  \
	W(WHARF, "wharf", C_STA)                                                                \
	W(QUAY, "quay", C_STA)                                                                  \
	W(YARD, "yard", C_STA)                                                                  \
	W(HEIGHTS, "heights", C_STA)                                                            \
	W(FIELDS, "fields", C_STA)                                                              \
	W(FIELD, "field", C_STA)                                                                \
	W(MEADOW, "meadow", C_STA)                                                              \
	W(MEADOWS, "meadows", C_STA)                                                            \
	W(CHASE, "chase", C_STA)                                                                \
	W(CROFT, "croft", C_STA)                                                                \
	W(DENE, "dene", C_STA)                                                                  \
	W(GARTH, "garth", C_STA)                                                                \
	W(WYND, "wynd", C_STA)                                                                  \
	W(BRAE, "brae", C_STA)                                                                  \
	W(RISE, "rise", C_STA)                                                                  \
	W(ROW, "row", C_STA)                                                                    \
	W(GATE, "gate", C_STA)                                                                  \
	W(END, "end", C_STA)                                                                    \
	W(MOUNT, "mount", C_STA)                                                                \
	W(LEA, "lea", C_STA)                                                                    \
	W(CIRCUS, "circus", C_STA)                                                              \
	W(APPROACH, "approach", C_STA)                                                          \
	W(BROADWAY, "broadway", C_STA)                                                          \
	W(DROVE, "drove", C_STA)                                                                \
	W(FOLD, "fold", C_STA)                                                                  \
	W(NOOK, "nook", C_STA)                                                                  \
	W(PATH, "path", C_STA)                                                                  \
	W(PRECINCT, "precinct", C_STA)                                                          \
	W(PROMENADE, "promenade", C_STA)                                                        \
	W(CAUSEWAY, "causeway", C_STA)                                                          \
	W(PASTURES, "pastures", C_STA)                                                          \
	W(PADDOCK, "paddock", C_STA)                                                            \
	W(ORCHARD, "orchard", C_STA)                                                            \
	W(GLADE, "glade", C_STA)                                                                \
	W(HOLLOW, "hollow", C_STA)                                                              \
	W(BROW, "brow", C_STA)                                                                  \
	W(WALKWAY, "walkway", C_STA)                                                            \
	W(CLOISTERS, "cloisters", C_STA)                                                        \
	W(ESTATE, "estate", C_STA)                                                              \
	W(RIDGE, "ridge", C_STA)                                                                \
	W(CREST, "crest", C_STA)                                                                \
	W(DALE, "dale", C_STA)                                                                  \
	W(DELL, "dell", C_STA)                                                                  \
	W(SPINNEY, "spinney", C_STA)                                                            \
	W(COPSE, "copse", C_STA)                                                                \
	W(KNOLL, "knoll", C_STA)                                                                \
	W(LEYS, "leys", C_STA)                                                                  \
	W(LAWNS, "lawns", C_STA)                                                                \
	W(PATCH, "patch", 0) /* s48: service housing, "on the <Town> patch" (addr:estate) */    \
	/* street type abbreviations */                                                         \
	W(RD, "rd", C_SAB | C_ABBRDOT)                                                          \
	W(ST, "st", C_SAB | C_ABBRDOT)                                                          \
	W(AVE, "ave", C_SAB | C_ABBRDOT)                                                        \
	W(CRES, "cres", C_SAB | C_ABBRDOT)                                                      \
	W(CRESC, "cresc", C_SAB | C_ABBRDOT)                                                    \
	W(CT, "ct", C_SAB | C_ABBRDOT)                                                          \
	W(CRT, "crt", C_SAB | C_ABBRDOT)                                                        \
	W(DR, "dr", C_SAB | C_ABBRDOT | C_TITLE | C_NOTPL)                                      \
	W(DRV, "drv", C_SAB | C_ABBRDOT)                                                        \
	W(LN, "ln", C_SAB | C_ABBRDOT)                                                          \
	W(LA, "la", C_SAB | C_ABBRDOT) /* "Mill La" */                                        \
	W(PL, "pl", C_SAB | C_ABBRDOT)                                                          \
	W(SQ, "sq", C_SAB | C_ABBRDOT)                                                          \
	W(TCE, "tce", C_SAB | C_ABBRDOT)                                                        \
	W(TERR, "terr", C_SAB | C_ABBRDOT)                                                      \
	W(GDNS, "gdns", C_SAB | C_ABBRDOT)                                                      \
	W(GDN, "gdn", C_SAB | C_ABBRDOT)                                                        \
	W(CL, "cl", C_SAB | C_ABBRDOT)                                                          \
	W(GR, "gr", C_SAB | C_ABBRDOT)                                                          \
	W(GRO, "gro", C_SAB | C_ABBRDOT)                                                        \
	W(PDE, "pde", C_SAB | C_ABBRDOT)                                                        \
	W(HTS, "hts", C_SAB | C_ABBRDOT)                                                        \
	W(BLVD, "blvd", C_SAB | C_ABBRDOT)                                                      \
	W(WY, "wy", C_SAB | C_ABBRDOT)                                                          \
	W(WLK, "wlk", C_SAB | C_ABBRDOT)                                                        \
	W(VW, "vw", C_SAB | C_ABBRDOT)                                                          \
	W(MWS, "mws", C_SAB | C_ABBRDOT)                                                        \
	/* Welsh street types come before the name: 14 Heol y Parc */                           \
	W(HEOL, "heol", 0)                                                                      \
	W(FFORDD, "ffordd", 0)                                                                  \
	W(LON, "lôn", 0)                                                                        \
	W(LON2, "lon", 0)                                                                       \
	W(LON3, "l\xc3\x94n", 0)                                                                \
	W(STRYD, "stryd", 0)                                                                    \
	W(RHODFA, "rhodfa", 0)                                                                  \
	W(STAD, "stad", 0) /* s46: "Stad Ddiwydiannol <Name>", an industrial estate */         \
	/* named buildings */                                                                   \
	W(HOUSE, "house", C_BLD | C_ACCOM)                                                      \
	W(LODGE, "lodge", C_BLD)                                                                \
	W(MANSIONS, "mansions", C_BLD)                                                          \
	W(TOWERS, "towers", C_BLD)                                                              \
	W(TOWER, "tower", C_BLD)                                                                \
	W(COTTAGES, "cottages", C_BLD)                                                          \
	W(COTTAGE, "cottage", C_BLD)                                                            \
	W(INN, "inn", C_BLD | C_INST | C_VENUE)                                                 \
	W(HOTEL, "hotel", C_BLD | C_INST | C_VENUE)                                             \
	W(MOTEL, "motel", C_BLD | C_INST | C_VENUE)                                             \
	W(TRAVELODGE, "travelodge", C_BLD)                                                      \
	W(GUESTHOUSE, "guesthouse", C_BLD)                                                      \
	W(FLATS, "flats", C_BLD)                                                                \
	W(APARTMENTS, "apartments", C_BLD)                                                      \
	W(BUILDINGS, "buildings", C_BLD)                                                        \
	W(HALL, "hall", C_BLD | C_INST | C_VENUE)                                               \
	W(FARM, "farm", C_BLD | C_INST)                                                         \
	W(MANOR, "manor", C_BLD)                                                                \
	W(VILLAS, "villas", C_BLD)                                                              \
	W(CHAMBERS, "chambers", C_BLD)                                                          \
	W(BARNS, "barns", C_BLD)                                                                \
	W(BARN, "barn", C_BLD)                                                                  \
	W(BUNGALOW, "bungalow", C_BLD)                                                          \
	W(FORGE, "forge", C_BLD)                                                                \
	W(GRANARY, "granary", C_BLD)                                                            \
	W(GRANGE, "grange", C_BLD)                                                              \
	W(RECTORY, "rectory", C_BLD)                                                            \
	W(VICARAGE, "vicarage", C_BLD)                                                          \
	W(STABLES, "stables", C_BLD)                                                            \
	W(SMITHY, "smithy", C_BLD)                                                              \
	/* flats */                                                                             \
	W(FLAT, "flat", C_FLAT | C_ACCOM)                                                       \
	W(APARTMENT, "apartment", C_FLAT | C_ACCOM)                                             \
	W(APT, "apt", C_FLAT | C_ABBRDOT)                                                       \
	W(UNIT, "unit", C_FLAT | C_NOTPL | C_CADSTOP)                                           \
	W(UNED, "uned", C_FLAT | C_NOTPL | C_CADSTOP) /* Welsh "unit": "Uned 4, Stad ..." */   \
	W(FFLAT, "fflat", C_FLAT | C_ACCOM) /* s57: Welsh "flat": "Fflat 3, Tŷ <Name>" */        \
	W(MAISONETTE, "maisonette", C_FLAT | C_ACCOM)                                           \
	W(BEDSIT, "bedsit", C_FLAT | C_ACCOM)                                                   \
	/* institutions */                                                                      \
	W(SCHOOL, "school", C_INST | C_ABSTRACT)                                                \
	W(ACADEMY, "academy", C_INST)                                                           \
	W(COLLEGE, "college", C_INST)                                                           \
	W(NURSERY, "nursery", C_INST | C_INSTM)                                                 \
	W(PRESCHOOL, "pre-school", C_INST)                                                      \
	W(PRESCHOOL2, "preschool", C_INST)                                                      \
	W(SURGERY, "surgery", C_INST)                                                           \
	W(DOCTORS, "doctors", C_INST) /* "Vale Family Doctors": a practice's name */          \
	W(PRACTICE, "practice", C_INST)                                                         \
	W(HEALTHCARE, "healthcare", C_INST)                                                     \
	W(SCH, "sch", C_INST | C_ABBRDOT)                                                       \
	/* "Holy Trinity PS", "Brook Lane HC", "Eastgate MC": primary school,                  \
	 * health centre, medical centre; only after a name (PS is a postscript) */            \
	W(PS, "ps", C_INST)                                                                     \
	W(HC, "hc", C_INST)                                                                     \
	W(MC, "mc", C_INST)                                                                     \
	W(HCC, "hcc", C_INST) /* health care centre: "Newington HCC" */                        \
	W(MP, "mp", 0) /* "Dr Rao, Fenby MP": a medical practice in a GP's sign-off */	\
	W(YSGOL, "ysgol", 0)                                                                    \
	W(PRIFYSGOL, "prifysgol", 0) /* Welsh "university", first: "Prifysgol Bangor" */        \
	/* Ysgol Gymraeg, Ysgol Gyfun Gymraeg as written short: "YGG Tan-y-lan" */		\
	W(YGG, "ygg", 0)                                                                        \
	W(YG, "yg", 0)                                                                          \
	W(GAELSCOIL, "gaelscoil", 0)                                                            \
	W(BUNSGOIL, "bun-sgoil", 0)                                                             \
	W(SCOIL, "scoil", 0)                                                                    \
	W(COLEG, "coleg", 0)                                                                    \
	/* "Cylch Meithrin <Place>": a Welsh-medium playgroup, its kind first */              \
	W(CYLCH, "cylch", 0)                                                                    \
	W(MEITHRIN, "meithrin", 0)                                                              \
	W(CLINIC, "clinic", C_INST)                                                             \
	W(POLYCLINIC, "polyclinic", C_INST)                                                     \
	W(UNIVERSITY, "university", C_INST)                                                     \
	W(INSTITUTE, "institute", C_INST)                                                       \
	W(INFANTS, "infants", C_INST | C_INSTM)                                                 \
	W(ELC, "elc", C_INST) /* Scotland's early learning and childcare, a nursery */           \
	W(JUNIORS, "juniors", C_INST | C_INSTM)                                                 \
	W(PRIMARY, "primary", C_INST | C_INSTM)                                                 \
	W(PRIM, "prim", C_INST | C_INSTM) /* "<Name> Comm Prim": a primary school */          \
	W(HOSPITAL, "hospital", C_INST | C_HOSP | C_NOTPL | C_ABSTRACT)                         \
	W(INFIRMARY, "infirmary", C_INST | C_HOSP)                                              \
	W(CENTRE, "centre", C_INSTC)                                                            \
	W(CENTER, "center", C_INSTC)                                                            \
	W(PARTNERSHIP, "partnership", C_INSTC) /* "Medical Partnership", a GP practice */     \
	/* institution modifiers: not a name by themselves */                                   \
	W(SECONDARY, "secondary", C_INSTM)                                                      \
	W(INFANT, "infant", C_INSTM)                                                            \
	W(JUNIOR, "junior", C_INSTM)                                                            \
	W(HIGH, "high", C_INSTM | C_CRT)                                                        \
	W(LITTLE, "little", 0) /* "Little Acorns": a nursery's name (nursery_name) */          \
	W(TINY, "tiny", 0)                                                                      \
	W(GRAMMAR, "grammar", C_INSTM)                                                          \
	W(SPECIAL, "special", C_INSTM)                                                          \
	W(LOCAL, "local", C_INSTM)                                                              \
	W(MEDICAL, "medical", C_INSTM)                                                          \
	W(HEALTH, "health", C_INSTM | C_NOTPL)                                                  \
	W(COMMUNITY, "community", C_INSTM)                                                      \
	W(CATHOLIC, "catholic", C_INSTM)                                                        \
	W(RC, "rc", C_INSTM)                                                                    \
	W(COFE, "cofe", C_INSTM)                                                                \
	W(CE, "ce", C_INSTM)                                                                    \
	W(CHURCH, "church", C_INSTM | C_INST | C_VENUE)                                         \
	W(GENERAL, "general", C_INSTM)                                                          \
	W(DISTRICT, "district", C_INSTM | C_CRT)                                                \
	W(CHILDRENS, "children's", C_INSTM | C_NOTPL)                                           \
	W(CHILDRENS2, "childrens", C_INSTM | C_NOTPL)                                           \
	W(FAMILY, "family", C_INSTM | C_CRT | C_KIN)                                            \
	W(DAY, "day", C_INSTM | C_UNIT)                                                         \
	W(SIXTH, "sixth", C_INSTM)                                                              \
	W(LEARNING, "learning", C_INSTM) /* "<Name> Learning Centre": alternative provision */ \
	W(FORM, "form", C_INSTM)                                                                \
	W(VILLAGE, "village", C_INSTM)                                                          \
	W(TOWN, "town", C_INSTM)                                                                \
	W(CITY, "city", C_INSTM)                                                                \
	W(GP, "gp", C_INSTM | C_NOTPL | C_INST)                                                 \
	W(WALKIN, "walk-in", C_INSTM)                                                           \
	W(LEISURE, "leisure", C_INSTM)                                                          \
	W(SHOPPING, "shopping", C_INSTM)                                                        \
	W(SURE, "sure", C_INSTM)                                                                \
	W(START, "start", C_INSTM)                                                              \
	W(RESOURCE, "resource", C_INSTM)                                                        \
	W(DENTAL, "dental", C_INSTM)                                                            \
	W(FREE, "free", C_INSTM)                                                                \
	W(INDEPENDENT, "independent", C_INSTM)                                                  \
	W(PRIVATE, "private", C_INSTM)                                                          \
	W(PUPIL, "pupil", C_INSTM | C_ATTEND)                                                   \
	W(SPORTS, "sports", C_INSTM)                                                            \
	W(YOUTH, "youth", C_INSTM | C_CRT)                                                      \
	W(MATERNITY, "maternity", C_INSTM)                                                      \
	W(MENTAL, "mental", C_INSTM)                                                            \
	W(SEXUAL, "sexual", C_INSTM)                                                            \
	/* court qualifiers: a court is an institution, not where she lives */                  \
	W(CROWN, "crown", C_CRT | C_NOTPL)                                                      \
	W(MAGISTRATES, "magistrates", C_CRT | C_NOTPL)                                          \
	W(MAGISTRATE, "magistrate", C_CRT | C_NOTPL)                                            \
	W(SHERIFF, "sheriff", C_CRT) /* Scotland's courts (s11-over) */                            \
	W(COUNTY, "county", C_CRT)                                                              \
	W(COMBINED, "combined", C_CRT)                                                          \
	W(CORONER, "coroner", C_CRT)                                                            \
	W(CORONERS, "coroners", C_CRT)                                                          \
	W(SUPREME, "supreme", C_CRT)                                                            \
	W(CIVIL, "civil", C_CRT)                                                                \
	W(APPEAL, "appeal", C_CRT)                                                              \
	W(CRIMINAL, "criminal", C_CRT)                                                          \
	W(JUSTICE, "justice", C_CRT)                                                            \
	/* determiners and pronouns */                                                          \
	W(THE, "the", C_DET | C_FUNC | C_CADSTOP)                                               \
	W(A, "a", C_DET | C_FUNC | C_NOTPL)                                                     \
	W(AN, "an", C_DET | C_FUNC | C_NOTPL)                                                   \
	W(HER, "her", C_DET | C_FUNC | C_PRON | C_NOTPL | C_CADSTOP)                            \
	W(HIS, "his", C_DET | C_FUNC | C_NOTPL | C_CADSTOP)                                     \
	W(THEIR, "their", C_DET | C_FUNC | C_NOTPL)                                             \
	W(MY, "my", C_DET | C_NOTPL)                                                            \
	W(OUR, "our", C_DET | C_NOTPL)                                                          \
	W(YOUR, "your", C_DET | C_NOTPL)                                                        \
	W(ITS, "its", C_DET | C_NOTPL)                                                          \
	W(THIS, "this", C_DET | C_NONLOC | C_NOTPL)                                             \
	W(THAT, "that", C_DET | C_FUNC | C_NONLOC | C_NOTPL)                                    \
	W(THESE, "these", C_DET)                                                                \
	W(THOSE, "those", C_DET)                                                                \
	W(ANOTHER, "another", C_DET | C_NEWMOD)                                                 \
	W(SOME, "some", C_DET)                                                                  \
	W(EACH, "each", C_DET)                                                                  \
	W(EVERY, "every", C_DET)                                                                \
	W(NEXT, "next", C_DET)                                                                  \
	W(HE, "he", C_PRON | C_NOTPL | C_CADSTOP)                                               \
	W(SHE, "she", C_PRON | C_NOTPL | C_CADSTOP)                                             \
	W(THEY, "they", C_PRON | C_NOTPL | C_CADSTOP)                                           \
	W(IT, "it", C_PRON | C_NONLOC | C_NOTPL)                                                \
	W(I, "i", C_PRON | C_NOTPL | C_ABBRDOT)                                                 \
	W(WE, "we", C_PRON | C_NOTPL)                                                           \
	W(YOU, "you", C_PRON | C_NOTPL)                                                         \
	W(HIM, "him", C_PRON | C_NOTPL)                                                         \
	W(HIMSELF, "himself", C_PRON | C_NOTPL)                                                 \
	W(HERSELF, "herself", C_PRON | C_NOTPL)                                                 \
	W(THEMSELVES, "themselves", C_PRON | C_NOTPL)                                           \
	W(THEM, "them", C_PRON | C_NOTPL)                                                       \
	W(HES, "he's", C_PRON | C_BE | C_NOTPL)                                                 \
	W(SHES, "she's", C_PRON | C_BE | C_NOTPL)                                               \
	W(THEYRE, "they're", C_PRON | C_BE | C_NOTPL)                                           \
	W(VICTIM, "victim", C_NOTPL | C_CADSTOP)                                                \
	W(PERPETRATOR, "perpetrator", C_NOTPL)                                                  \
	W(ABUSER, "abuser", 0)                                                                  \
	W(HUSBAND, "husband", 0)                                                                \
	W(WIFE, "wife", 0)                                                              \
	/* kin and the people she may stay with */                                              \
	W(MUM, "mum", C_KIN)                                                                    \
	W(MUMS, "mums", C_KIN)                                                                  \
	W(MAM, "mam", C_KIN)                                                                    \
	W(MAMS, "mams", C_KIN)                                                                  \
	W(MOM, "mom", C_KIN)                                                                    \
	W(MOTHER, "mother", C_KIN)                                                              \
	W(MOTHERS, "mothers", C_KIN)                                                            \
	W(DAD, "dad", C_KIN)                                                                    \
	W(DADS, "dads", C_KIN)                                                                  \
	W(FATHER, "father", C_KIN)                                                              \
	W(FATHERS, "fathers", C_KIN)                                                            \
	W(PARENTS, "parents", C_KIN)                                                            \
	W(SISTER, "sister", C_KIN)                                                              \
	W(SISTERS, "sisters", C_KIN)                                                            \
	W(BROTHER, "brother", C_KIN)                                                            \
	W(BROTHERS, "brothers", C_KIN)                                                          \
	W(AUNT, "aunt", C_KIN)                                                                  \
	W(AUNTS, "aunts", C_KIN)                                                                \
	W(AUNTY, "aunty", C_KIN)                                                                \
	W(AUNTIE, "auntie", C_KIN)                                                              \
	W(AUNTIES, "aunties", C_KIN)                                                            \
	W(UNCLE, "uncle", C_KIN)                                                                \
	W(UNCLES, "uncles", C_KIN)                                                              \
	W(NAN, "nan", C_KIN)                                                                    \
	W(NANS, "nans", C_KIN)                                                                  \
	W(NANA, "nana", C_KIN)                                                                  \
	W(NANNA, "nanna", C_KIN)                                                                \
	W(GRAN, "gran", C_KIN)                                                                  \
	W(GRANS, "grans", C_KIN)                                                                \
	W(GRANNY, "granny", C_KIN)                                                              \
	W(GRANDMA, "grandma", C_KIN)                                                            \
	W(GRANDMOTHER, "grandmother", C_KIN)                                                    \
	W(GRANDAD, "grandad", C_KIN)                                                            \
	W(GRANDFATHER, "grandfather", C_KIN)                                                    \
	W(GRANDPARENTS, "grandparents", C_KIN)                                                  \
	W(COUSIN, "cousin", C_KIN)                                                              \
	W(COUSINS, "cousins", C_KIN)                                                            \
	W(FRIEND, "friend", C_KIN)                                                              \
	W(FRIENDS, "friends", C_KIN)                                                            \
	W(PARTNER, "partner", C_KIN)                                                            \
	W(PARTNERS, "partners", C_KIN)                                                          \
	W(BOYFRIEND, "boyfriend", C_KIN)                                                        \
	W(GIRLFRIEND, "girlfriend", C_KIN)                                                      \
	W(DAUGHTER, "daughter", C_KIN)                                                          \
	W(DAUGHTERS, "daughters", C_KIN)                                                        \
	W(SON, "son", C_KIN)                                                                    \
	W(SONS, "sons", C_KIN)                                                                  \
	W(NIECE, "niece", C_KIN)                                                                \
	W(NEPHEW, "nephew", C_KIN)                                                              \
	W(INLAWS, "in-laws", C_KIN)                                                             \
	W(BROTHERINLAW, "brother-in-law", C_KIN)                                                \
	W(SISTERINLAW, "sister-in-law", C_KIN)                                                  \
	W(MOTHERINLAW, "mother-in-law", C_KIN)                                                  \
	W(FATHERINLAW, "father-in-law", C_KIN)                                                  \
	W(NEIGHBOUR, "neighbour", C_KIN)                                                        \
	W(NEIGHBOURS, "neighbours", C_KIN)                                                      \
	W(NBR, "nbr", C_KIN) /* a call handler's "neighbour" */                                \
	W(NBRS, "nbrs", C_KIN)                                                                  \
	W(RELATIVE, "relative", C_KIN)                                                          \
	W(RELATIVES, "relatives", C_KIN)                                                        \
	W(COLLEAGUE, "colleague", C_KIN | C_WORKC)                                              \
	W(EXPARTNER, "ex-partner", C_KIN)                                                       \
	W(EX, "ex", C_KIN)                                                                      \
	W(STEPMUM, "stepmum", C_KIN)                                                            \
	W(STEPDAD, "stepdad", C_KIN)                                                            \
	W(GODMOTHER, "godmother", C_KIN)                                                        \
	W(MATE, "mate", C_KIN)                                                                  \
	W(MATES, "mates", C_KIN)                                                                \
	W(PAL, "pal", C_KIN)                                                                    \
	W(PALS, "pals", C_KIN)                                                                  \
	W(OLD, "old", C_KINADJ)                                                                 \
	W(GOOD, "good", C_KINADJ)                                                               \
	W(ELDEST, "eldest", C_KINADJ)                                                           \
	W(OLDEST, "oldest", C_KINADJ)                                                           \
	W(OLDER, "older", C_KINADJ)                                                             \
	W(YOUNGER, "younger", C_KINADJ)                                                         \
	W(YOUNGEST, "youngest", C_KINADJ)                                                       \
	/* time words */                                                                        \
	W(MORNING, "morning", C_TIMEW)                                                          \
	W(MORNINGS, "mornings", C_TIMEW)                                                        \
	W(AFTERNOON, "afternoon", C_TIMEW)                                                      \
	W(AFTERNOONS, "afternoons", C_TIMEW)                                                    \
	W(EVENING, "evening", C_TIMEW)                                                          \
	W(EVENINGS, "evenings", C_TIMEW)                                                        \
	W(NIGHT, "night", C_TIMEW)                                                              \
	W(NIGHTS, "nights", C_TIMEW)                                                            \
	W(WEEKEND, "weekend", C_TIMEW)                                                          \
	W(WEEKENDS, "weekends", C_TIMEW)                                                        \
	W(WEEKDAY, "weekday", C_TIMEW)                                                          \
	W(WEEKDAYS, "weekdays", C_TIMEW)                                                        \
	W(LUNCHTIME, "lunchtime", C_TIMEW)                                                      \
	W(LUNCH, "lunch", C_TIMEW)                                                              \
	W(MIDDAY, "midday", C_TIMEW)                                                            \
	W(NOON, "noon", C_TIMEW)                                                                \
	W(MIDNIGHT, "midnight", C_TIMEW)                                                        \
	W(AM, "am", C_TIMEW | C_UNIT)                                                           \
	W(PM, "pm", C_TIMEW | C_UNIT)                                                           \
	W(TONIGHT, "tonight", C_TIMEW)                                                          \
	W(TODAY, "today", C_TIMEW)                                                              \
	W(TOMORROW, "tomorrow", C_TIMEW)                                                        \
	W(DAYTIME, "daytime", C_TIMEW)                                                          \
	W(OCLOCK, "o'clock", C_TIMEW)                                                           \
	W(SCHOOLHOURS, "school-hours", C_TIMEW)                                                 \
	/* weekdays and months */                                                               \
	W(MONDAY, "monday", C_DAY)                                                              \
	W(TUESDAY, "tuesday", C_DAY)                                                            \
	W(WEDNESDAY, "wednesday", C_DAY)                                                        \
	W(THURSDAY, "thursday", C_DAY)                                                          \
	W(FRIDAY, "friday", C_DAY)                                                              \
	W(SATURDAY, "saturday", C_DAY)                                                          \
	W(SUNDAY, "sunday", C_DAY)                                                              \
	W(MONDAYS, "mondays", C_DAY)                                                            \
	W(TUESDAYS, "tuesdays", C_DAY)                                                          \
	W(WEDNESDAYS, "wednesdays", C_DAY)                                                      \
	W(THURSDAYS, "thursdays", C_DAY)                                                        \
	W(FRIDAYS, "fridays", C_DAY)                                                            \
	W(SATURDAYS, "saturdays", C_DAY)                                                        \
	W(SUNDAYS, "sundays", C_DAY)                                                            \
	W(MON, "mon", C_DAY)                                                                    \
	W(TUE, "tue", C_DAY)                                                                    \
	W(TUES, "tues", C_DAY)                                                                  \
	W(WED, "wed", C_DAY)                                                                    \
	W(WEDS, "weds", C_DAY)                                                                  \
	W(THU, "thu", C_DAY)                                                                    \
	W(THUR, "thur", C_DAY)                                                                  \
	W(THURS, "thurs", C_DAY)                                                                \
	W(FRI, "fri", C_DAY)                                                                    \
	W(SAT, "sat", C_DAY)                                                                    \
	W(SUN, "sun", C_DAY)                                                                    \
	W(JANUARY, "january", C_MON)                                                            \
	W(FEBRUARY, "february", C_MON)                                                          \
	W(MARCH, "march", C_MON)                                                                \
	W(APRIL, "april", C_MON)                                                                \
	W(MAY, "may", C_MON)                                                                    \
	W(JUNE, "june", C_MON)                                                                  \
	W(JULY, "july", C_MON)                                                                  \
	W(AUGUST, "august", C_MON)                                                              \
	W(SEPTEMBER, "september", C_MON)                                                        \
	W(OCTOBER, "october", C_MON)                                                            \
	W(NOVEMBER, "november", C_MON)                                                          \
	W(DECEMBER, "december", C_MON)                                                          \
	W(JAN, "jan", C_MON)                                                                    \
	W(FEB, "feb", C_MON)                                                                    \
	W(MAR, "mar", C_MON)                                                                    \
	W(APR, "apr", C_MON)                                                                    \
	W(JUN, "jun", C_MON)                                                                    \
	W(JUL, "jul", C_MON)                                                                    \
	W(AUG, "aug", C_MON)                                                                    \
	W(SEP, "sep", C_MON)                                                                    \
	W(SEPT, "sept", C_MON)                                                                  \
	W(OCT, "oct", C_MON)                                                                    \
	W(NOV, "nov", C_MON)                                                                    \
	W(DEC, "dec", C_MON)                                                                    \
	/* counted things: "15 minutes", "2 children" are not streets */                        \
	W(MINUTES, "minutes", C_UNIT | C_NONLOC)                                                \
	W(MINUTE, "minute", C_UNIT)                                                             \
	W(MINS, "mins", C_UNIT)                                                                 \
	W(HOURS, "hours", C_UNIT)                                                               \
	W(HOUR, "hour", C_UNIT)                                                                 \
	W(HRS, "hrs", C_UNIT)                                                                   \
	W(DAYS, "days", C_UNIT)                                                                 \
	W(WEEKS, "weeks", C_UNIT)                                                               \
	W(WEEK, "week", C_UNIT | C_NONLOC)                                                      \
	W(MONTHS, "months", C_UNIT)                                                             \
	W(MONTH, "month", C_UNIT | C_NONLOC)                                                    \
	W(YEARS, "years", C_UNIT | C_NUMPRE)                                                    \
	W(YEAR, "year", C_UNIT | C_NUMPRE | C_NOTPL | C_NONLOC)                                 \
	W(YRS, "yrs", C_UNIT)                                                                   \
	W(TIMES, "times", C_UNIT)                                                               \
	W(CHILDREN, "children", C_UNIT)                                                         \
	W(KIDS, "kids", C_UNIT)                                                                 \
	W(CHILD, "child", C_UNIT)                                                               \
	W(PEOPLE, "people", C_UNIT)                                                             \
	W(OFFICERS, "officers", C_UNIT | C_NOTPL | C_CADSTOP)                                   \
	W(OFFICER, "officer", C_NONLOC | C_NOTPL | C_CADSTOP)                                   \
	W(OCCASIONS, "occasions", C_UNIT)                                                       \
	W(INCIDENTS, "incidents", C_UNIT)                                                       \
	W(CALLS, "calls", C_UNIT | C_CALL)                                                      \
	W(MILES, "miles", C_UNIT)                                                               \
	W(POUNDS, "pounds", C_UNIT)                                                             \
	W(PERCENT, "percent", C_UNIT)                                                           \
	W(POINTS, "points", C_UNIT)                                                             \
	W(QUESTIONS, "questions", C_UNIT | C_NUMPRE)                                            \
	W(SESSIONS, "sessions", C_UNIT | C_NOTPL)                                               \
	W(CASES, "cases", C_UNIT)                                                               \
	/* words before a number that is then not a house number */                             \
	W(SECTION, "section", C_NUMPRE | C_NOTPL)                                               \
	W(S, "s", C_NUMPRE)                                                                     \
	W(SEC, "sec", C_NUMPRE)                                                                 \
	W(WARD, "ward", C_NUMPRE | C_NOTPL)                                                     \
	W(ROOM, "room", C_NUMPRE | C_NOTPL)                                                     \
	W(RM, "rm", C_NUMPRE | C_NOTPL) /* s42: "TL Stkpt M60 jn 1, rm 214" */                  \
	W(BAY, "bay", C_NUMPRE | C_FLAT) /* a pitch on a Traveller site, "Bay 4" */           \
	W(BED, "bed", C_NUMPRE)                                                                 \
	W(PAGE, "page", C_NUMPRE)                                                               \
	W(PARA, "para", C_NUMPRE)                                                               \
	W(PARAGRAPH, "paragraph", C_NUMPRE)                                                     \
	W(QUESTION, "question", C_NUMPRE)                                                       \
	W(Q, "q", C_NUMPRE)                                                                     \
	W(ITEM, "item", C_NUMPRE | C_NONLOC)                                                    \
	W(AGE, "age", C_NUMPRE)                                                                 \
	W(AGED, "aged", C_NUMPRE)                                                               \
	W(GRADE, "grade", C_NUMPRE)                                                             \
	W(LEVEL, "level", C_NUMPRE | C_NONLOC)                                                  \
	W(STAGE, "stage", C_NUMPRE | C_NONLOC)                                                  \
	W(PLATFORM, "platform", C_NUMPRE)                                                       \
	W(ARTICLE, "article", C_NUMPRE)                                                         \
	W(SCHEDULE, "schedule", C_NUMPRE)                                                       \
	W(PART, "part", C_NUMPRE)                                                               \
	W(CHAPTER, "chapter", C_NUMPRE)                                                         \
	W(STEP, "step", C_NUMPRE)                                                               \
	W(DASH, "dash", C_NUMPRE | C_NOTPL)                                                     \
	W(SCORE, "score", C_NUMPRE)                                                             \
	W(SCORED, "scored", C_NUMPRE)                                                           \
	W(TIER, "tier", C_NUMPRE)                                                               \
	W(BAND, "band", C_NUMPRE)                                                               \
	W(ROUTE, "route", C_NUMPRE)                                                             \
	W(LINE, "line", C_NUMPRE)                                                               \
	W(CELL, "cell", C_NUMPRE)                                                               \
	W(REF, "ref", C_NUMPRE | C_CADSTOP)                                                     \
	W(REFERENCE, "reference", C_NUMPRE)                                                     \
	W(CASE, "case", C_NUMPRE | C_NONLOC)                                                    \
	W(CRIME, "crime", C_NUMPRE)                                                             \
	W(INCIDENT, "incident", C_NUMPRE)                                                       \
	W(LOG, "log", C_NUMPRE | C_CADSTOP)                                                     \
	W(SERIAL, "serial", C_NUMPRE)                                                           \
	W(EXHIBIT, "exhibit", C_NUMPRE)                                                         \
	W(TABLE, "table", C_NUMPRE)                                                             \
	W(APPENDIX, "appendix", C_NUMPRE)                                                       \
	W(OPTION, "option", C_NUMPRE)                                                           \
	W(OVER, "over", C_NUMPRE)                                                               \
	W(UNDER, "under", C_NUMPRE)                                                             \
	W(ABOUT, "about", C_NUMPRE)                                                             \
	W(APPROX, "approx", C_NUMPRE | C_ABBRDOT)                                               \
	W(APPROXIMATELY, "approximately", C_NUMPRE)                                             \
	W(X, "x", C_NUMPRE)                                                                     \
	W(KEY, "key", C_NUMPRE)                                                                 \
	W(KEYS, "keys", 0)                                                                      \
	W(BETWEEN, "between", C_NUMPRE | C_FUNC | C_TPREP)                                      \
	W(RHWNG, "rhwng", C_NUMPRE | C_FUNC | C_TPREP)                                          \
	W(DYDD, "dydd", C_DAY)                                                                  \
	W(AND, "and", C_FUNC | C_CONJ | C_CADSTOP)                                              \
	W(NUMBER, "number", 0)                                                                  \
	W(NO, "no", C_ABBRDOT | C_CADSTOP)                                                      \
	/* function words (a hard line break after one does not end a sentence) */              \
	W(AT, "at", C_FUNC | C_PREP | C_CADSTOP)                                                \
	W(IN, "in", C_FUNC | C_PREP | C_CADSTOP)                                                \
	W(TO, "to", C_FUNC | C_PREP2 | C_CADSTOP)                                               \
	W(WITH, "with", C_FUNC | C_CADSTOP)                                                     \
	W(OF, "of", C_FUNC | C_CADSTOP)                                                         \
	W(ON, "on", C_FUNC | C_PREP | C_TPREP | C_CADSTOP)                                      \
	W(FROM, "from", C_FUNC | C_PREP2 | C_TPREP | C_CADSTOP)                                 \
	W(BY, "by", C_FUNC)                                                                     \
	W(OR, "or", C_FUNC | C_CONJ)                                                            \
	W(VIA, "via", C_FUNC | C_PREP)                                                          \
	W(NEAR, "near", C_FUNC | C_PREP)                                                        \
	W(FOR, "for", C_FUNC | C_CADSTOP)                                                       \
	W(IS, "is", C_FUNC | C_BE | C_CADSTOP)                                                  \
	W(ARE, "are", C_FUNC | C_BE)                                                            \
	W(WAS, "was", C_FUNC | C_BE | C_CADSTOP)                                                \
	W(WERE, "were", C_FUNC | C_BE)                                                          \
	W(WILL, "will", C_FUNC)                                                                 \
	W(BE, "be", C_FUNC | C_BE)                                                              \
	W(BEEN, "been", C_FUNC | C_BE | C_CADSTOP)                                              \
	W(BEING, "being", C_BE)                                                                 \
	W(HAS, "has", C_FUNC | C_CADSTOP)                                                       \
	W(HAVE, "have", C_FUNC)                                                                 \
	W(HAD, "had", C_FUNC)                                                                   \
	W(UNTIL, "until", C_FUNC | C_CONJ | C_TPREP)                                            \
	W(TILL, "till", C_TPREP)                                                                \
	W(AFTER, "after", C_FUNC | C_CONJ | C_TPREP)                                            \
	W(BEFORE, "before", C_FUNC | C_CONJ | C_TPREP)                                          \
	W(DURING, "during", C_TPREP)                                                            \
	W(AROUND, "around", C_PREP | C_TPREP)                                                   \
	W(ROUND, "round", C_PREP)                                                               \
	W(OFF, "off", C_PREP)                                                                   \
	W(ALONG, "along", C_PREP)                                                               \
	W(OPPOSITE, "opposite", C_PREP)                                                         \
	W(BEHIND, "behind", C_PREP)                                                             \
	W(OUTSIDE, "outside", C_PREP)                                                           \
	W(INTO, "into", C_FUNC | C_PREP2)                                                       \
	W(ONTO, "onto", C_FUNC | C_PREP2)                                                       \
	W(WHO, "who", C_FUNC | C_CONJ)                                                          \
	W(WHERE, "where", C_FUNC | C_CONJ)                                                      \
	W(WHEN, "when", C_CONJ)                                                                 \
	W(WHILE, "while", C_CONJ)                                                               \
	W(WHILST, "whilst", C_CONJ)                                                             \
	W(ONCE, "once", C_CONJ)                                                                 \
	W(BUT, "but", C_FUNC | C_CONJ)                                                          \
	W(SO, "so", C_CONJ)                                                                     \
	W(BECAUSE, "because", C_CONJ)                                                           \
	W(WHICH, "which", C_FUNC | C_CONJ)                                                      \
	W(SINCE, "since", C_CONJ)                                                               \
	W(AS, "as", C_FUNC | C_CONJ)                                                            \
	W(ALTHOUGH, "although", C_CONJ)                                                         \
	W(HOWEVER, "however", C_CONJ)                                                           \
	W(THEN, "then", C_CONJ)                                                                 \
	W(IF, "if", C_FUNC)                                                                     \
	W(THAN, "than", C_FUNC)                                                                 \
	W(NOT, "not", C_FUNC)                                                                   \
	W(DONT, "don't", 0)                                                                     \
	W(DONT2, "dont", 0)                                                                     \
	W(DO, "do", 0)                                                                          \
	W(NEVER, "never", 0)                                                                    \
	W(ONLY, "only", 0)                                                                      \
	W(PLEASE, "please", 0)                                                                  \
	W(CAN, "can", 0)                                                                        \
	W(SHOULD, "should", 0)                                                                  \
	W(MUST, "must", 0)                                                                      \
	/* agencies and other capitalised words that are not where she is */                    \
	W(POLICE, "police", C_NOTPL | C_CADSTOP)                                                \
	W(COURTS, "courts", C_NOTPL)                                                            \
	W(IDVA, "idva", C_NOTPL)                                                                \
	W(IDVAS, "idvas", C_NOTPL)                                                              \
	W(ISVA, "isva", C_NOTPL)                                                                \
	W(MARAC, "marac", C_NOTPL | C_NONLOC)                                                   \
	W(MASH, "mash", C_NOTPL)                                                                \
	W(CSC, "csc", C_NOTPL)                                                                  \
	W(NHS, "nhs", C_NOTPL)                                                                  \
	/* the end of an NHS body's name: "Oxford University Hospitals", "Leeds      \
	 * Teaching Hospitals Trust": an agency, not where she is */                    \
	W(HOSPITALS, "hospitals", C_NOTPL)                                                      \
	W(TRUST, "trust", C_NOTPL)                                                              \
	W(FOUNDATION, "foundation", C_NOTPL)                                                    \
	W(CPS, "cps", C_NOTPL)                                                                  \
	W(CID, "cid", C_NOTPL)                                                                  \
	W(ACT, "act", C_NOTPL)                                                                  \
	W(MR, "mr", C_NOTPL | C_TITLE | C_ABBRDOT)                                              \
	W(MRS, "mrs", C_NOTPL | C_TITLE | C_ABBRDOT)                                            \
	W(MS, "ms", C_NOTPL | C_TITLE | C_ABBRDOT)                                              \
	W(MISS, "miss", C_NOTPL | C_TITLE)                                                      \
	W(MX, "mx", C_NOTPL | C_TITLE | C_ABBRDOT)                                              \
	W(PC, "pc", C_NOTPL | C_ABBRDOT)                                                        \
	W(DC, "dc", C_NOTPL | C_ABBRDOT)                                                        \
	W(DS, "ds", C_NOTPL | C_ABBRDOT)                                                        \
	W(DI, "di", C_NOTPL | C_ABBRDOT)                                                        \
	W(SGT, "sgt", C_NOTPL | C_ABBRDOT)                                                      \
	W(INSP, "insp", C_NOTPL | C_ABBRDOT)                                                    \
	W(SOCIAL, "social", C_NOTPL)                                                            \
	W(SERVICES, "services", C_NOTPL)                                                        \
	W(CARE, "care", C_NOTPL | C_ABSTRACT | C_INSTM)                                         \
	W(HOUSING, "housing", C_NOTPL)                                                          \
	W(PROBATION, "probation", C_NOTPL)                                                      \
	W(CUSTODY, "custody", C_NOTPL | C_ABSTRACT | C_NUMPRE)                                  \
	W(PRISON, "prison", C_NOTPL | C_ABSTRACT)                                               \
	W(HMP, "hmp", C_NOTPL)                                                                  \
	W(WOMENS, "women's", C_NOTPL)                                                           \
	W(AID, "aid", C_NOTPL)                                                                  \
	W(TEAM, "team", C_NOTPL | C_NONLOC)                                                     \
	W(FREEDOM, "freedom", C_NOTPL)                                                          \
	W(PROGRAMME, "programme", C_NOTPL | C_NONLOC)                                           \
	W(PROGRAM, "program", C_NOTPL | C_NONLOC)                                               \
	W(COURSE, "course", C_NOTPL | C_NONLOC)                                                 \
	W(GROUP, "group", C_NOTPL | C_NONLOC | C_INSTC | C_INSTM)                               \
	W(MEETING, "meeting", C_NOTPL | C_NONLOC)                                               \
	W(MEETINGS, "meetings", C_NOTPL | C_NONLOC)                                             \
	W(CONFERENCE, "conference", C_NOTPL | C_NONLOC)                                         \
	W(APPOINTMENT, "appointment", C_NOTPL | C_NONLOC)                                       \
	W(APPOINTMENTS, "appointments", C_NOTPL | C_NONLOC)                                     \
	W(REVIEW, "review", C_NOTPL | C_NONLOC)                                                 \
	W(HEARING, "hearing", C_NOTPL | C_NONLOC)                                               \
	W(TRIAL, "trial", C_NOTPL | C_NONLOC)                                                   \
	W(INTERVIEW, "interview", C_NOTPL | C_NONLOC | C_ABSTRACT)                              \
	W(CHRISTMAS, "christmas", C_NOTPL)                                                      \
	W(EASTER, "easter", C_NOTPL)                                                            \
	W(HOLIDAY, "holiday", C_NOTPL)                                                          \
	W(YES, "yes", C_NOTPL | C_CADSTOP)                                                      \
	W(ADULT, "adult", C_NOTPL)                                                              \
	W(EARLY, "early", C_NOTPL | C_TIMEW)                                                    \
	W(HELP, "help", C_NOTPL)                                                                \
	W(SUPPORT, "support", C_NOTPL | C_ABSTRACT)                                             \
	W(COUNCIL, "council", C_NOTPL)                                                          \
	W(CONSTABULARY, "constabulary", C_NOTPL)                                                \
	W(OFFICE, "office", C_NOTPL)                                                    \
	W(SERVICE, "service", C_NOTPL)                                                  \
	W(DEPARTMENT, "department", C_NOTPL)                                            \
	/* after "Refuge": the national charity's services (refuge_charity) */        \
	W(NATIONAL, "national", 0)                                                              \
	W(HELPLINE, "helpline", 0)                                                              \
	W(AE, "a&e", C_NOTPL)                                                                   \
	W(E, "e", C_NOTPL | C_ABBRDOT)                                                          \
	W(G, "g", C_ABBRDOT)                                                                    \
	W(ETC, "etc", C_ABBRDOT)                                                                \
	W(INCL, "incl", C_ABBRDOT)                                                              \
	W(EXCL, "excl", C_ABBRDOT)                                                              \
	W(ESP, "esp", C_ABBRDOT)                                                                \
	W(TEL, "tel", C_ABBRDOT | C_CADSTOP)                                                    \
	W(MOB, "mob", C_ABBRDOT | C_CADSTOP)                                                    \
	W(NR, "nr", C_ABBRDOT | C_PREP)                                                         \
	W(OPP, "opp", C_ABBRDOT | C_PREP)                                                       \
	W(DEPT, "dept", C_ABBRDOT)                                                              \
	/* the part of a workplace where someone is found, after a comma:		\
	 * "..., Ward 6", "..., berth 204", "..., Headington campus" */			\
	W(BERTH, "berth", 0)                                                                    \
	W(SHED, "shed", 0) /* a warehouse's numbered shed, after its name */                \
	W(HUB, "hub", 0) /* a depot or station of a firm, after its town */                   \
	W(WING, "wing", 0)                                                                      \
	W(CAMPUS, "campus", 0)                                                                  \
	W(SITE, "site", 0)                                                                      \
	/* a caravan's or a trailer's numbered place on a site: "trailer on pitch 6" */		\
	W(PITCH, "pitch", 0)                                                                    \
	W(PLOT, "plot", 0)                                                                      \
	/* a static caravan by its number on a park: "in van 41 at <Name> Bay" */		\
	W(VAN, "van", 0)                                                                        \
	/* "<Street> travellers' site", "the caravan site": a site's kind */                \
	W(TRAVELLERS, "travellers", 0)                                                          \
	W(TRAVELLER, "traveller", 0)                                                            \
	W(CARAVAN, "caravan", 0)                                                                \
	W(PARISH, "parish", 0)                                                                  \
	W(STOCKROOM, "stockroom", 0)                                                            \
	W(PLANT, "plant", 0)                                                                    \
	W(BRANCH, "branch", 0)                                                                  \
	W(CANTEEN, "canteen", 0)                                                                \
	W(LTD, "ltd", C_ABBRDOT | C_INST | C_VENUE)                                             \
	W(NURSING, "nursing", C_INSTM)                                                          \
	W(LIMITED, "limited", C_INST | C_VENUE)                                                 \
	W(PLC, "plc", C_INST | C_VENUE)                                                         \
	W(BUILDERS, "builders", C_INST | C_VENUE)                                               \
	W(SALON, "salon", C_INST | C_VENUE)                                                     \
	W(ARMS, "arms", C_INST | C_VENUE)                                                       \
	W(WAREHOUSE, "warehouse", C_INST | C_VENUE)                                             \
	W(FACTORY, "factory", C_INST | C_VENUE)                                                 \
	W(RESTAURANT, "restaurant", C_INST | C_VENUE)                                           \
	W(CAFE, "cafe", C_INST | C_VENUE)                                                       \
	W(BAKERY, "bakery", C_INST | C_VENUE)                                                   \
	W(TAKEAWAY, "takeaway", C_INST | C_VENUE)                                               \
	W(SUPERMARKET, "supermarket", C_INST | C_VENUE)                                         \
	W(LAUNDRY, "laundry", C_INST | C_VENUE)                                                 \
	W(LIBRARY, "library", C_INST | C_VENUE)                                                 \
	W(DEPOT, "depot", C_INST | C_VENUE)                                                     \
	W(GARAGE, "garage", C_INST | C_VENUE)                                                   \
	W(PHARMACY, "pharmacy", C_INST | C_VENUE)                                               \
	W(CHEMISTS, "chemists", C_INST | C_VENUE)                                               \
	W(SHOP, "shop", C_INST | C_VENUE)                                                       \
	W(STORE, "store", C_INST | C_VENUE)                                                     \
	W(STORES, "stores", C_INST | C_VENUE)                                                   \
	W(BARBERS, "barbers", C_INST | C_VENUE)                                                 \
	W(BARBER, "barber", C_INST | C_VENUE)                                                   \
	W(HAIRDRESSERS, "hairdressers", C_INST | C_VENUE)                                       \
	W(GYM, "gym", C_INST | C_VENUE)                                                         \
	W(KITCHEN, "kitchen", C_INST | C_VENUE)                                                 \
	W(LOGISTICS, "logistics", C_INST | C_VENUE)                                             \
	W(INVESTIGATIONS, "investigations", C_INST | C_VENUE)                                   \
	W(BARRACKS, "barracks", C_INST | C_VENUE) /* where soldiers and families live */	\
	W(GARRISON, "garrison", C_INST | C_VENUE) /* a station of the army, its workplace */    \
	W(DOCKYARD, "dockyard", C_INST | C_VENUE)                                               \
	W(COMPANY, "company", C_INST | C_VENUE)                                                 \
	W(DOCKS, "docks", C_INST | C_VENUE)                                                     \
	W(BUILDING, "building", C_VENUE) /* "the <Name> Building": try_inst, no place object */ \
	W(CARRY, "carry", C_INST | C_VENUE)                                                     \
	W(MOSQUE, "mosque", C_INST | C_VENUE)                                                   \
	W(GURDWARA, "gurdwara", C_INST | C_VENUE)                                               \
	W(TEMPLE, "temple", C_INST | C_VENUE)                                                   \
	W(SYNAGOGUE, "synagogue", C_INST | C_VENUE)                                             \
	/* trades a firm is named after ("Hughes Roofing", "Kwik Tyres", "A1 Radio     \
	 * Cars"): a workplace, found whatever the sentence says (issue 9) */          \
	W(TYRE, "tyre", C_INST | C_VENUE)                                                       \
	W(TYRES, "tyres", C_INST | C_VENUE)                                                     \
	W(EXHAUST, "exhaust", C_INST | C_VENUE)                                                 \
	W(EXHAUSTS, "exhausts", C_INST | C_VENUE)                                               \
	W(MOTORS, "motors", C_INST | C_VENUE)                                                   \
	W(ROOFING, "roofing", C_INST | C_VENUE)                                                 \
	W(SCAFFOLDING, "scaffolding", C_INST | C_VENUE)                                         \
	W(PLASTERING, "plastering", C_INST | C_VENUE)                                           \
	W(PLUMBING, "plumbing", C_INST | C_VENUE)                                               \
	W(JOINERY, "joinery", C_INST | C_VENUE)                                                 \
	W(LANDSCAPING, "landscaping", C_INST | C_VENUE)                                         \
	W(HAULAGE, "haulage", C_INST | C_VENUE)                                                 \
	/* professional firms and small businesses: "Hale & Rudd Solicitors", "Pryce           \
	 * LLP", "Moorside Cabs", "Ivy Homecare", "the Hatfield Golf Club" */                  \
	W(SOLICITORS, "solicitors", C_INST | C_VENUE)                                           \
	W(ACCOUNTANTS, "accountants", C_INST | C_VENUE)                                         \
	W(SURVEYORS, "surveyors", C_INST | C_VENUE)                                             \
	W(ARCHITECTS, "architects", C_INST | C_VENUE)                                           \
	W(LOCKSMITHS, "locksmiths", C_INST | C_VENUE)                                           \
	W(HOMECARE, "homecare", C_INST | C_VENUE)                                               \
	W(CABS, "cabs", C_INST | C_VENUE)                                                       \
	W(LLP, "llp", C_INST | C_VENUE)                                                         \
	W(STUDIO, "studio", C_INST | C_VENUE)                                                   \
	W(CLUB, "club", C_INST | C_VENUE)                                                       \
	W(FIRM, "firm", C_INST | C_VENUE)                                                       \
	W(COURIERS, "couriers", C_INST | C_VENUE)                                               \
	W(TAXIS, "taxis", C_INST | C_VENUE)                                                     \
	W(CARS, "cars", C_INST | C_VENUE)                                                       \
	W(CARPETS, "carpets", C_INST | C_VENUE)                                                 \
	W(BUTCHERS, "butchers", C_INST | C_VENUE)                                               \
	W(FISHERIES, "fisheries", C_INST | C_VENUE)                                             \
	W(MARKET, "market", C_INST | C_VENUE)                                                   \
	W(BAR, "bar", C_INST | C_VENUE)                                                         \
	W(PUB, "pub", C_INST | C_VENUE)                                                         \
	/* s11-third: more trades and small businesses a firm is named after   \
	 * ("Tamar Removals", "Lucky Nails", "Dee Van Hire", "Kerr Roofing"): UK  \
	 * trade words, general vocabulary; the capitalised words before name it */ \
	W(NAILS, "nails", C_INST | C_VENUE)                                                    \
	W(GLAZING, "glazing", C_INST | C_VENUE)                                                \
	W(GLAZIERS, "glaziers", C_INST | C_VENUE)                                              \
	W(REMOVALS, "removals", C_INST | C_VENUE)                                              \
	W(LOCKS, "locks", C_INST | C_VENUE)                                                    \
	W(HIRE, "hire", C_INST | C_VENUE)                                                      \
	W(LANDSCAPES, "landscapes", C_INST | C_VENUE)                                          \
	W(DRIVEWAYS, "driveways", C_INST | C_VENUE)                                            \
	W(PAVING, "paving", C_INST | C_VENUE)                                                  \
	W(FENCING, "fencing", C_INST | C_VENUE)                                                \
	W(CHARTERS, "charters", C_INST | C_VENUE)                                              \
	W(LETTINGS, "lettings", C_INST | C_VENUE)                                              \
	W(DECORATING, "decorating", C_INST | C_VENUE)                                          \
	W(DECORATORS, "decorators", C_INST | C_VENUE)                                          \
	W(ELECTRICAL, "electrical", C_INST | C_VENUE)                                          \
	W(ELECTRICS, "electrics", C_INST | C_VENUE)                                            \
	W(ELECTRICIANS, "electricians", C_INST | C_VENUE)                                      \
	W(PLUMBERS, "plumbers", C_INST | C_VENUE)                                              \
	W(HEATING, "heating", C_INST | C_VENUE)                                                \
	W(CLEANING, "cleaning", C_INST | C_VENUE)                                              \
	W(CLEANERS, "cleaners", C_INST | C_VENUE)                                              \
	W(CARPENTRY, "carpentry", C_INST | C_VENUE)                                            \
	W(CONSTRUCTION, "construction", C_INST | C_VENUE)                                      \
	W(GROUNDWORKS, "groundworks", C_INST | C_VENUE)                                        \
	W(DEMOLITION, "demolition", C_INST | C_VENUE)                                          \
	W(ENGINEERING, "engineering", C_INST | C_VENUE)                                        \
	W(FABRICATIONS, "fabrications", C_INST | C_VENUE)                                      \
	W(STORAGE, "storage", C_INST | C_VENUE)                                                \
	W(SKIPS, "skips", C_INST | C_VENUE)                                                    \
	W(AUTOS, "autos", C_INST | C_VENUE)                                                    \
	W(BODYSHOP, "bodyshop", C_INST | C_VENUE)                                              \
	W(VALETING, "valeting", C_INST | C_VENUE)                                              \
	W(KEBABS, "kebabs", C_INST | C_VENUE)                                                  \
	W(KEBAB, "kebab", C_INST | C_VENUE)                                                    \
	W(PIZZA, "pizza", C_INST | C_VENUE)                                                    \
	W(PIZZERIA, "pizzeria", C_INST | C_VENUE)                                              \
	W(CATERING, "catering", C_INST | C_VENUE)                                              \
	W(CATERERS, "caterers", C_INST | C_VENUE)                                              \
	W(FLORIST, "florist", C_INST | C_VENUE)                                                \
	W(FLORISTS, "florists", C_INST | C_VENUE)                                              \
	W(OPTICIANS, "opticians", C_INST | C_VENUE)                                            \
	W(KENNELS, "kennels", C_INST | C_VENUE)                                                \
	W(INTERIORS, "interiors", C_INST | C_VENUE)                                            \
	W(KITCHENS, "kitchens", C_INST | C_VENUE)                                              \
	W(BATHROOMS, "bathrooms", C_INST | C_VENUE)                                            \
	W(FLOORING, "flooring", C_INST | C_VENUE)                                              \
	W(TILING, "tiling", C_INST | C_VENUE)                                                  \
	W(UPHOLSTERY, "upholstery", C_INST | C_VENUE)                                          \
	W(TAILORS, "tailors", C_INST | C_VENUE)                                                \
	W(JEWELLERS, "jewellers", C_INST | C_VENUE)                                            \
	W(BOOKMAKERS, "bookmakers", C_INST | C_VENUE)                                          \
	W(LAUNDERETTE, "launderette", C_INST | C_VENUE)                                        \
	W(CARWASH, "carwash", C_INST | C_VENUE)                                                \
	W(TATTOO, "tattoo", C_INST | C_VENUE)                                                  \
	W(TATTOOS, "tattoos", C_INST | C_VENUE)                                                \
	W(BEAUTY, "beauty", C_INST | C_VENUE)                                                  \
	W(LASHES, "lashes", C_INST | C_VENUE)                                                  \
	W(SECURITY, "security", C_INST | C_VENUE)                                              \
	/* s19-work: more kinds of business a firm is named after ("<Name> Hand  \
	 * Car Wash", "<Name> Rug Gallery", "<Name> Grill", "<Name> Civils",     \
	 * "<Name> Recruitment", "<Name> Foods", "<Name> Sweets"): general       \
	 * vocabulary */                                                         \
	W(WASH, "wash", C_INST | C_VENUE)                                                      \
	W(GALLERY, "gallery", C_INST | C_VENUE)                                                \
	W(GRILL, "grill", C_INST | C_VENUE)                                                    \
	W(GROCERS, "grocers", C_INST | C_VENUE)                                                \
	W(DELI, "deli", C_INST | C_VENUE)                                                      \
	W(CIVILS, "civils", C_INST | C_VENUE)                                                  \
	W(GROWERS, "growers", C_INST | C_VENUE)                                                \
	W(PRODUCE, "produce", C_INST | C_VENUE)                                                \
	W(STAFFING, "staffing", C_INST | C_VENUE)                                              \
	W(RECRUITMENT, "recruitment", C_INST | C_VENUE)                                        \
	W(FOODS, "foods", C_INST | C_VENUE)                                                    \
	W(SWEETS, "sweets", C_INST | C_VENUE)                                                  \
	W(FABRICS, "fabrics", C_INST | C_VENUE)                                                \
	W(SUPPLIES, "supplies", C_INST | C_VENUE)                                              \
	W(CHEMICALS, "chemicals", C_INST | C_VENUE)                                            \
	W(PROPERTIES, "properties", C_INST | C_VENUE)                                          \
	W(RUGS, "rugs", C_INST | C_VENUE)                                                      \
	W(GARDEN, "garden", C_INSTM)                                                            \
	W(CO, "co", C_ABBRDOT)                                                                  \
	W(VS, "vs", C_ABBRDOT)                                                                  \
	/* CAD log words that are not a town after an address */                               \
	W(CALLER, "caller", C_CADSTOP | C_NOTPL)                                                \
	W(RP, "rp", C_CADSTOP | C_NOTPL)                                                        \
	W(IP, "ip", C_CADSTOP | C_NOTPL)                                                        \
	W(MALE, "male", C_CADSTOP)                                                              \
	W(FEMALE, "female", C_CADSTOP)                                                          \
	W(UNITS, "units", C_CADSTOP | C_UNIT)                                                   \
	W(STATES, "states", C_CADSTOP)                                                          \
	W(STATED, "stated", C_CADSTOP)                                                          \
	W(REPORTS, "reports", C_CADSTOP)                                                        \
	W(REPORTED, "reported", C_CADSTOP)                                                      \
	W(NFA, "nfa", C_CADSTOP | C_NOTPL)                                                      \
	W(DOMESTIC, "domestic", C_CADSTOP)                                                      \
	W(DV, "dv", C_CADSTOP)                                                                  \
	W(ATTENDED, "attended", C_CADSTOP | C_ATTEND)                                           \
	W(ARRIVED, "arrived", C_CADSTOP)                                                        \
	W(ARRESTED, "arrested", C_CADSTOP)                                                      \
	W(ARREST, "arrest", C_CADSTOP)                                                          \
	W(UPDATE, "update", C_CADSTOP)                                                          \
	W(SUSPECT, "suspect", C_CADSTOP | C_NOTPL)                                              \
	W(SUS, "sus", C_CADSTOP)                                                                \
	W(AMBULANCE, "ambulance", C_CADSTOP)                                                    \
	W(REQUESTED, "requested", C_CADSTOP)                                                    \
	W(RESOURCED, "resourced", C_CADSTOP)                                                    \
	W(ONGOING, "ongoing", C_CADSTOP)                                                        \
	W(TIME, "time", C_CADSTOP | C_NONLOC)                                                   \
	W(ETA, "eta", C_CADSTOP)                                                                \
	W(INJURIES, "injuries", C_CADSTOP)                                                      \
	W(REQUEST, "request", C_CADSTOP)                                                        \
	W(CONTACT, "contact", C_CALL | C_ABSTRACT | C_CADSTOP)                                  \
	/* staying somewhere */                                                                 \
	W(STAYING, "staying", C_LOCV)                                                           \
	W(STAYS, "stays", C_LOCV)                                                               \
	W(STAYED, "stayed", C_LOCV)                                                             \
	W(STAY, "stay", C_LOCV)                                                                 \
	/* a child staying on at a school: "will continue at <name>" */                          \
	W(CONTINUE, "continue", 0)                                                              \
	W(CONTINUES, "continues", 0)                                                            \
	W(STOPPING, "stopping", C_LOCV)                                                         \
	/* s57-never: a boater's boat is where she lives: "moored at <Lock>" */                 \
	W(MOORED, "moored", C_LOCV)                                                             \
	W(STOPS, "stops", C_LOCV)                                                               \
	W(LIVING, "living", C_LOCV)                                                             \
	W(LIVES, "lives", C_LOCV)                                                               \
	W(LIVED, "lived", C_LOCV)                                                               \
	W(LIVE, "live", C_LOCV)                                                                 \
	W(RESIDING, "residing", C_LOCV)                                                         \
	W(RESIDES, "resides", C_LOCV)                                                           \
	W(RESIDED, "resided", C_LOCV)                                                           \
	W(RESIDE, "reside", C_LOCV)                                                             \
	W(RESIDENT, "resident", C_LOCV)                                                         \
	W(SLEEPING, "sleeping", C_LOCV)                                                         \
	W(SLEEPS, "sleeps", C_LOCV)                                                             \
	W(SLEPT, "slept", C_LOCV)                                                               \
	W(LODGING, "lodging", C_LOCV)                                                           \
	W(KIPPING, "kipping", C_LOCV)                                                           \
	W(SHACKED, "shacked", C_LOCV) /* "has shacked up with ..." */                        \
	W(HIDING, "hiding", C_LOCV)                                                             \
	/* moving somewhere */                                                                  \
	W(MOVED, "moved", C_MOVE)                                                               \
	W(MOVING, "moving", C_MOVE)                                                             \
	W(MOVE, "move", C_MOVE)                                                                 \
	W(MOVES, "moves", C_MOVE)                                                               \
	W(RELOCATED, "relocated", C_MOVE | C_MOVEX)                                             \
	W(RELOCATING, "relocating", C_MOVE | C_MOVEX)                                           \
	W(RELOCATE, "relocate", C_MOVE | C_MOVEX)                                               \
	W(RELOCATION, "relocation", C_MOVE | C_MOVEX)                                           \
	W(REHOUSED, "rehoused", C_MOVE | C_MOVEX)                                               \
	W(REHOUSING, "rehousing", C_MOVE | C_MOVEX)                                             \
	W(REHOUSE, "rehouse", C_MOVE | C_MOVEX)                                                 \
	W(REHOMED, "rehomed", C_MOVE | C_MOVEX)                                                 \
	W(HOUSED, "housed", C_MOVE | C_MOVEX)                                                   \
	W(ACCOMMODATED, "accommodated", C_MOVE | C_MOVEX)                                       \
	W(PUT, "put", 0)                                                                        \
	W(PLACED, "placed", C_MOVE)                                                             \
	W(FLED, "fled", C_MOVE)                                                                 \
	W(FLEEING, "fleeing", C_MOVE)                                                           \
	W(FLEE, "flee", C_MOVE)                                                                 \
	W(TRANSFERRED, "transferred", C_MOVE)                                                   \
	/* being or going somewhere */                                                          \
	W(REMAINS, "remains", C_BE)                                                             \
	W(REMAIN, "remain", C_BE)                                                               \
	W(REMAINED, "remained", C_BE)                                                           \
	W(GONE, "gone", C_BE)                                                                   \
	W(WENT, "went", C_BE)                                                                   \
	W(GO, "go", C_BE | C_ROUTEV)                                                            \
	W(GOES, "goes", C_BE | C_ROUTEV)                                                        \
	W(GOING, "going", C_BE | C_ROUTEV)                                                      \
	W(RETURNED, "returned", C_BE)                                                           \
	W(RETURN, "return", C_BE)                                                               \
	W(RETURNING, "returning", C_BE)                                                         \
	W(RETURNS, "returns", C_BE)                                                             \
	W(TAKEN, "taken", C_BE)                                                                 \
	W(HEADED, "headed", C_BE)                                                               \
	W(HEADING, "heading", C_BE)                                                             \
	/* adverbs between "is" and "at" */                                                     \
	W(NOW, "now", C_ADV)                                                                    \
	W(CURRENTLY, "currently", C_ADV)                                                        \
	W(STILL, "still", C_ADV)                                                                \
	W(TEMPORARILY, "temporarily", C_ADV)                                                    \
	W(PRESENTLY, "presently", C_ADV)                                                        \
	W(BACK, "back", C_ADV)                                                                  \
	W(SAFELY, "safely", C_ADV)                                                              \
	W(ALSO, "also", C_ADV)                                                                  \
	W(ALREADY, "already", C_ADV)                                                            \
	W(JUST, "just", C_ADV)                                                                  \
	W(BELIEVED, "believed", C_ADV)                                                          \
	W(THOUGHT, "thought", C_ADV)                                                            \
	W(REPORTEDLY, "reportedly", C_ADV)                                                      \
	W(USUALLY, "usually", C_ADV)                                                            \
	W(OFTEN, "often", C_ADV)                                                                \
	W(SOMETIMES, "sometimes", C_ADV)                                                        \
	W(PERMANENTLY, "permanently", C_ADV)                                                    \
	W(LIKELY, "likely", C_ADV)                                                              \
	/* routes and routines */                                                               \
	W(WALKS, "walks", C_ROUTEV)                                                             \
	W(WALKING, "walking", C_ROUTEV)                                                         \
	W(DRIVES, "drives", C_ROUTEV)                                                           \
	W(DRIVING, "driving", C_ROUTEV)                                                         \
	W(CYCLES, "cycles", C_ROUTEV)                                                           \
	W(CYCLING, "cycling", C_ROUTEV)                                                         \
	W(TRAVELS, "travels", C_ROUTEV)                                                         \
	W(TRAVELLING, "travelling", C_ROUTEV)                                                   \
	W(COMMUTES, "commutes", C_ROUTEV)                                                       \
	W(LEAVES, "leaves", C_ROUTEV)                                                           \
	W(LEAVING, "leaving", C_ROUTEV)                                                         \
	W(COLLECTS, "collects", C_ROUTEV)                                                       \
	W(COLLECTING, "collecting", C_ROUTEV)                                                   \
	W(COLLECTED, "collected", C_ROUTEV)                                                     \
	W(WALKED, "walked", C_ROUTEV)                                                           \
	W(DROPPED, "dropped", C_ROUTEV)                                                         \
	W(PICKED, "picked", C_ROUTEV)                                                           \
	W(DROPS, "drops", C_ROUTEV)                                                             \
	W(DROPPING, "dropping", C_ROUTEV)                                                       \
	W(PICKS, "picks", C_ROUTEV)                                                             \
	W(ATTENDS, "attends", C_ROUTEV | C_ATTEND)                                              \
	W(VISITS, "visits", C_ROUTEV | C_CALL)                                                  \
	W(COMES, "comes", 0) /* "your support worker comes Mondays at 10": with a clock */    \
	W(COME, "come", 0)                                                                      \
	W(DISCHARGE, "discharge", 0) /* "discharge plan ..., <Name> Hospital" */             \
	W(PLAN, "plan", 0)                                                                      \
	W(PLANNING, "planning", 0)                                                              \
	W(JOGS, "jogs", C_ROUTEV)                                                               \
	W(GETS, "gets", C_ROUTEV)                                                               \
	W(CATCHES, "catches", C_ROUTEV)                                                         \
	W(USES, "uses", C_ROUTEV)                                                               \
	W(TAKES, "takes", 0)                                                                    \
	W(TAKE, "take", 0)                                                                      \
	W(TAKING, "taking", 0)                                                                  \
	W(TOOK, "took", 0)                                                                      \
	W(BUS, "bus", C_TRANS | C_NUMPRE)                                                       \
	W(BUSES, "buses", C_TRANS)                                                              \
	W(TRAIN, "train", C_TRANS)                                                              \
	W(TRAM, "tram", C_TRANS)                                                                \
	W(METRO, "metro", C_TRANS)                                                              \
	W(COACH, "coach", C_TRANS)                                                              \
	W(FERRY, "ferry", C_TRANS)                                                              \
	W(FLIGHT, "flight", 0) /* s42: journey_booked */                                        \
	W(SAILED, "sailed", 0)                                                                  \
	W(FLEW, "flew", 0)                                                                      \
	W(COMMUTE, "commute", 0)                                                                \
	W(RUN, "run", 0)                                                                        \
	/* always a statement of where she is */                                                \
	W(REFUGE, "refuge", C_REFUGE)                                                           \
	W(REFUGES, "refuges", C_REFUGE)                                                         \
	W(HOSTEL, "hostel", C_REFUGE | C_ACCOM)                                                 \
	W(HOSTELS, "hostels", C_REFUGE)                                                         \
	W(HOST, "host", 0) /* "a host family found in ..." */                                   \
	W(WHEREABOUTS, "whereabouts", C_REFUGE)                                                 \
	W(SOFASURFING, "sofa-surfing", C_REFUGE)                                                \
	W(SOFA, "sofa", 0)                                                                      \
	W(SURFING, "surfing", 0)                                                                \
	W(BREAKFAST, "breakfast", 0)                                                            \
	W(B, "b", 0)                                                                            \
	W(BB, "b&b", C_REFUGE)                                                                  \
	/* accommodation nouns and what makes them hers and new */                              \
	W(ACCOMMODATION, "accommodation", C_ACCOM)                                              \
	W(LLETY, "llety", C_ACCOM)                                                              \
	W(TENANCY, "tenancy", C_ACCOM)                                                          \
	W(PROPERTY, "property", C_ACCOM)                                                        \
	W(HOME, "home", C_ACCOM | C_INSTC)                                                      \
	W(ADDRESS, "address", C_ACCOM)                                                          \
	W(PLACEMENT, "placement", C_ACCOM | C_WORKC)                                            \
	W(AREA, "area", C_ACCOM)                                                                \
	W(LOCATION, "location", C_ACCOM)                                                        \
	W(LODGINGS, "lodgings", C_ACCOM)                                                        \
	W(NEW, "new", C_NEWMOD)                                                                 \
	W(TEMPORARY, "temporary", C_NEWMOD)                                                     \
	W(TEMP, "temp", C_NEWMOD)                                                               \
	W(EMERGENCY, "emergency", C_NEWMOD)                                                     \
	W(SUPPORTED, "supported", C_NEWMOD)                                                     \
	W(INTERIM, "interim", C_NEWMOD)                                                         \
	W(ALTERNATIVE, "alternative", C_NEWMOD)                                                 \
	W(CURRENT, "current", C_NEWMOD)                                                         \
	W(PRESENT, "present", C_NEWMOD)                                                         \
	W(FORWARDING, "forwarding", C_NEWMOD)                                                   \
	W(SAFE, "safe", C_NEWMOD)                                                               \
	W(SECRET, "secret", C_NEWMOD)                                                           \
	W(CONFIDENTIAL, "confidential", C_NEWMOD)                                               \
	W(UNDISCLOSED, "undisclosed", C_NEWMOD)                                                 \
	W(DIFFERENT, "different", C_NEWMOD)                                                     \
	W(VACANT, "vacant", C_NEWMOD) /* s47: "a vacant quarter on the patch" */              \
	W(QUARTER, "quarter", C_ACCOM) /* a service family's house: after "new", "vacant" */ \
	W(QUARTERS, "quarters", C_ACCOM) /* "married quarters" */                           \
	W(CONTACTABLE, "contactable", C_CALLED)                                                 \
	W(SPACE, "space", 0)                                                                    \
	W(VACANCY, "vacancy", 0)                                                                \
	W(RECEIVING, "receiving", 0)                                                            \
	W(BOROUGH, "borough", 0) /* "Receiving borough: <Name>" */                             \
	W(EMPLOYEE, "employee", 0) /* an HR note's "Employee: <Name>, <Job>, <Ward>" */       \
	W(AUTHORITY, "authority", 0)                                                            \
	W(APPT, "appt", 0)                                                                      \
	W(SCAN, "scan", 0)                                                                      \
	W(TRANSFER, "transfer", 0)                                                              \
	W(VACANCIES, "vacancies", 0)                                                            \
	W(MIN, "min", 0)                                                                        \
	W(RIDE, "ride", 0)                                                                      \
	W(SHORT, "short", 0)                                                                    \
	W(GET, "get", 0)                                                                        \
	W(TICKET, "ticket", 0)                                                                  \
	W(TICKETS, "tickets", 0)                                                                \
	W(POSTCODE, "postcode", C_ACCOM)                                                        \
	W(OFFERED, "offered", C_GOT)                                                            \
	W(ACCEPTED, "accepted", C_GOT)                                                          \
	W(SECURED, "secured", C_GOT)                                                            \
	W(ALLOCATED, "allocated", C_GOT)                                                        \
	W(GIVEN, "given", C_GOT)                                                                \
	W(GOT, "got", C_GOT)                                                                    \
	W(RENTS, "rents", C_GOT)                                                                \
	W(RENTING, "renting", C_GOT)                                                            \
	W(RENTED, "rented", C_GOT)                                                              \
	W(BETTER, "better", 0)                                                                  \
	W(UNSAFE, "unsafe", 0)                                                                  \
	W(LETTERS, "letters", 0)                                                                \
	W(POST, "post", 0)                                                                      \
	W(MAIL, "mail", 0)                                                                      \
	W(SECOND, "second", 0)                                                                  \
	W(LAST, "last", 0)                                                                      \
	W(FOUND, "found", 0)                                                                    \
	W(LOCATED, "located", 0)                                                                \
	W(REACHED, "reached", C_CALLED)                                                         \
	W(FIND, "find", 0)                                                                      \
	W(FINDS, "finds", 0)                                                                    \
	W(TRACK, "track", 0)                                                                    \
	W(TRACKED, "tracked", 0)                                                                \
	W(TRACE, "trace", 0)                                                                    \
	W(LOCATE, "locate", 0)                                                                  \
	W(BREAK, "break", 0)                                                                    \
	/* work */                                                                              \
	W(WORKS, "works", C_WORKC)                                                              \
	W(SACKED, "sacked", C_WORKC)                                                            \
	W(DISMISSED, "dismissed", C_WORKC)                                                      \
	W(FIRED, "fired", C_WORKC)                                                              \
	W(REDUNDANT, "redundant", C_WORKC)                                                      \
	W(RETIRED, "retired", C_WORKC)                                                          \
	W(WORKED, "worked", C_WORKC)                                                            \
	W(WORKING, "working", C_WORKC)                                                          \
	W(WORK, "work", C_WORKC | C_ABSTRACT)                                                   \
	W(EMPLOYED, "employed", C_WORKC)                                                        \
	W(EMPLOYER, "employer", C_WORKC)                                                        \
	W(EMPLOYERS, "employers", C_WORKC)                                                      \
	W(WORKPLACE, "workplace", C_WORKC)                                                      \
	W(JOB, "job", C_WORKC | C_NONLOC)                                                       \
	W(SHIFT, "shift", C_WORKC)                                                              \
	W(SHIFTS, "shifts", C_WORKC)                                                            \
	W(TILLS, "tills", C_WORKC)                                                              \
	W(CHECKOUTS, "checkouts", C_WORKC)                                                      \
	W(VOLUNTEERS, "volunteers", C_WORKC)                                                    \
	W(VOLUNTEERING, "volunteering", C_WORKC)                                                \
	W(COLLEAGUES, "colleagues", C_KIN | C_WORKC)                                            \
	W(RUNS, "runs", C_WORKC)                                                                \
	W(OWNS, "owns", C_WORKC)                                                                \
	W(MANAGES, "manages", C_WORKC)                                                          \
	W(TEACHER, "teacher", C_WORKC)                                                          \
	W(DSL, "dsl", C_WORKC)                                                                  \
	W(SENCO, "senco", C_WORKC)                                                              \
	W(HEADTEACHER, "headteacher", C_WORKC)                                                  \
	W(KEYWORKER, "keyworker", C_WORKC)                                                      \
	W(BOSS, "boss", C_WORKC)                                                                \
	W(SUPERVISOR, "supervisor", C_WORKC)                                                    \
	W(MANAGER, "manager", C_WORKC)                                                          \
	W(SALARY, "salary", C_WORKC)                                                            \
	W(WAGES, "wages", C_WORKC)                                                              \
	W(STUDIES, "studies", C_WORKC)                                                          \
	W(STUDYING, "studying", C_WORKC)                                                        \
	W(EMPLOYMENT, "employment", C_WORKC)                                                    \
	W(OCCUPATION, "occupation", C_WORKC)                                                    \
	/* attending a school */                                                                \
	W(RECEPTION, "reception", C_ATTEND)                                                     \
	W(ATTEND, "attend", C_ATTEND)                                                           \
	W(ATTENDING, "attending", C_ATTEND)                                                     \
	W(ENROLLED, "enrolled", C_ATTEND)                                                       \
	W(STUDENT, "student", C_ATTEND)                                                         \
	W(PUPILS, "pupils", C_ATTEND)                                                           \
	/* being admitted to a hospital */                                                      \
	W(ADMITTED, "admitted", C_ADMIT)                                                        \
	W(DETAINED, "detained", 0)                                                              \
	W(INPATIENT, "inpatient", C_ADMIT)                                                      \
	W(INPATIENT2, "in-patient", C_ADMIT)                                                    \
			/* calling her */                                                                       \
	W(CALL, "call", C_CALL)                                                                 \
	W(CALLING, "calling", C_CALL)                                                           \
	W(PHONE, "phone", C_CALL)                                                               \
	W(PHONING, "phoning", C_CALL)                                                           \
	W(RING, "ring", C_CALL)                                                                 \
	W(FFONIO, "ffonio", C_CALL)                                                             \
	W(FFONIA, "ffonia", C_CALL)                                                             \
	W(FFONIWCH, "ffoniwch", C_CALL)                                                         \
	W(RINGING, "ringing", C_CALL)                                                           \
	W(CONTACTING, "contacting", C_CALL)                                                     \
	W(TEXT, "text", C_CALL)                                                                 \
	W(TEXTS, "texts", C_CALL)                                                               \
	W(TEXTING, "texting", C_CALL)                                                           \
	W(VISIT, "visit", C_CALL | C_NONLOC)                                                    \
	W(VISITING, "visiting", C_CALL)                                                         \
	W(MESSAGE, "message", C_CALL)                                                           \
	W(MESSAGES, "messages", 0)                                                              \
	W(EMAIL, "email", C_CALL)                                                               \
	W(SPEAK, "speak", C_CALL)                                                               \
	W(TALK, "talk", C_CALL)                                                                 \
	W(TALKING, "talking", C_CALL)                                                           \
	W(CALLED, "called", C_CALLED)                                                           \
	W(CONTACTED, "contacted", C_CALLED)                                                     \
	W(RUNG, "rung", C_CALLED)                                                               \
	W(PHONED, "phoned", C_CALLED)                                                           \
	W(RANG, "rang", 0) /* "rang from her aunt's in <Town>": where she is */             \
	W(RINGS, "rings", 0) /* "rings from <Town> most days" */                                \
	W(TEXTED, "texted", C_CALLED)                                                           \
	W(VISITED, "visited", C_CALLED)                                                         \
	W(LEAVE, "leave", 0)                                                                    \
	W(VOICEMAIL, "voicemail", 0)                                                            \
	W(VOICEMAILS, "voicemails", 0)                                                          \
	W(ANSWERPHONE, "answerphone", 0)                                                        \
	W(FIRST, "first", 0)                                                                    \
	W(BEST, "best", C_KINADJ)                                                               \
	W(CHECKS, "checks", C_CHECK)                                                            \
	W(CHECK, "check", C_CHECK)                                                              \
	W(CHECKING, "checking", C_CHECK)                                                        \
	W(MONITORS, "monitors", C_CHECK)                                                        \
	W(MONITORING, "monitoring", C_CHECK)                                                    \
	W(READS, "reads", C_CHECK)                                                              \
	W(MOBILE, "mobile", 0)                                                                  \
	W(THROUGH, "through", 0)                                                                \
	W(OUT, "out", 0)                                                                        \
	W(AWAY, "away", 0)                                                                      \
	W(ASLEEP, "asleep", 0)                                                                  \
	W(SAFEST, "safest", 0)                                                                  \
	W(PASSWORD, "password", 0) /* the last slot: the table is a quarter full */            \
	W(SAFER, "safer", 0)                                                                    \
	W(SPOKEN, "spoken", 0)                                                                  \
	W(THERE, "there", 0)                                                                    \
	W(UP, "up", 0)                                                                          \
	W(FORWARD, "forward", 0)                                                                \
	W(AHEAD, "ahead", 0)                                                                    \
	W(DOWN, "down", 0)                                                                      \
	W(ABROAD, "abroad", 0)                                                                  \
	W(ELSEWHERE, "elsewhere", 0)                                                            \
	W(LOCALLY, "locally", 0)                                                                \
	W(NEARBY, "nearby", 0)                                                                  \
	W(TOGETHER, "together", 0)                                                              \
	W(ALONE, "alone", 0)                                                                    \
	/* abstract objects: "living in fear" is not a place */                                 \
	W(FEAR, "fear", C_ABSTRACT)                                                             \
	W(TERROR, "terror", C_ABSTRACT)                                                         \
	W(POVERTY, "poverty", C_ABSTRACT)                                                       \
	W(DENIAL, "denial", C_ABSTRACT)                                                         \
	W(SILENCE, "silence", C_ABSTRACT)                                                       \
	W(LIMBO, "limbo", C_ABSTRACT)                                                           \
	W(SQUALOR, "squalor", C_ABSTRACT)                                                       \
	W(ISOLATION, "isolation", C_ABSTRACT)                                                   \
	W(HOPE, "hope", C_ABSTRACT)                                                             \
	W(RISK, "risk", C_ABSTRACT)                                                             \
	W(DANGER, "danger", C_ABSTRACT)                                                         \
	W(TOUCH, "touch", C_ABSTRACT)                                                           \
	W(AGREEMENT, "agreement", C_ABSTRACT)                                                   \
	W(RECEIPT, "receipt", C_ABSTRACT)                                                       \
	W(TREATMENT, "treatment", C_ABSTRACT)                                                   \
	W(RECOVERY, "recovery", C_ABSTRACT)                                                     \
	W(CRISIS, "crisis", C_ABSTRACT)                                                         \
	W(DEBT, "debt", C_ABSTRACT)                                                             \
	W(ARREARS, "arrears", C_ABSTRACT)                                                       \
	W(BREACH, "breach", C_ABSTRACT)                                                         \
	W(PAIN, "pain", C_ABSTRACT)                                                             \
	W(SHOCK, "shock", C_ABSTRACT)                                                           \
	W(TEARS, "tears", C_ABSTRACT)                                                           \
	W(DISTRESS, "distress", C_ABSTRACT)                                                     \
	W(CHARGE, "charge", C_ABSTRACT)                                                         \
	W(POSSESSION, "possession", C_ABSTRACT)                                                 \
	W(LABOUR, "labour", C_ABSTRACT)                                                         \
	W(BED2, "bedroom", 0)                                                                   \
	W(PLACES, "places", 0)                                                                  \
	W(SCHOOLS, "schools", 0) /* "new schools in <Town>": school_in_town */                  \
	W(EDUCATION, "education", 0) /* a heading: "Education: <School> - ..." */               \
	W(PO, "po", 0)                                                                          \
	W(BOX, "box", 0)                                                                        \
	W(DOORS, "doors", C_CADSTOP)                                                            \
	W(MEDDYGFA, "meddygfa", 0)                                                              \
	W(STATION, "station", 0)                                                                \
	W(COUNTER, "counter", 0)                                                                \
	W(FRONT, "front", 0)                                                                    \
	W(SEND, "send", 0)                                                                      \
	W(LANDLINE, "landline", 0)                                                              \
	W(SPARE, "spare", 0)                                                                    \
	W(BOOKED, "booked", 0)                                                                  \
	W(ABOVE, "above", 0)                                                                    \
	W(BELOW, "below", 0)                                                                    \
	W(BESIDE, "beside", 0)                                                                  \
	W(UPSTAIRS, "upstairs", 0)                                                              \
	W(DOWNSTAIRS, "downstairs", 0)                                                          \
	W(DOOR, "door", C_CADSTOP)                                                              \
	W(SHELTER, "shelter", 0)                                                                \
	W(USE, "use", 0)                                                                        \
	W(WORD, "word", 0)                                                                      \
	W(FREELY, "freely", 0)                                                                  \
	W(DROPOFF, "drop-off", C_TIMEW)                                                         \
	W(PICKUP, "pick-up", C_TIMEW)
