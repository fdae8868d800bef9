/*
 * lookup.h: open MARAC cases found from the blind index (match.h) alone, for
 * the point-of-call lookup (HMIC 2014) and for flags to the owning agencies
 * (flags.h, NHS CP-IS).
 *
 * Query keys. A control room types a phone number, an NHS number, or a
 * name and date of birth, in whatever format the caller gives. The query
 * becomes a victim Person and goes through match_keys(), so it is
 * normalised exactly as referrals are (ident.h: "07700 900123", "+44 7700
 * 900123" and "(07700) 900-123" are one key) and compared as MACs; the
 * value itself is never stored or logged. Only the exact kinds are kept
 * (PHONE, NHS, NAME_DOB): a fuzzy name is too weak to tell an officer on
 * the way that someone is a MARAC victim.
 *
 * The query's digest for the audit trail is SHA-256 over its keys (sorted):
 * stable across formats (the same number written two ways gives one
 * digest, so an auditor sees repeated lookups of one person), and keyed
 * through the MACs, so it cannot be reversed by trying every phone number
 * as an unkeyed SHA-256 of a phone number could (10^10 guesses).
 *
 * Open. A case is open while its referral is within the repeat window
 * (referrals.repeat_window_months) of today: after it the MARAC no longer
 * treats a new incident as a repeat, and the agenda lists it as lapsed.
 * A case closed or merged (mcase_life, cases_life.c) is not open either;
 * a withdrawn one has no keys left to match.
 *
 * Storage: reads match_case, match_key and mcase (cases.h), and the flag
 * tables (flags.h) for "last heard" and the agencies that touched the case;
 * works on a read-only handle. Errors: 0 or a negative mgw_err code.
 */
#ifndef MARAC_LOOKUP_H
#define MARAC_LOOKUP_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "match.h"

/* Case reference buffer (the door's grammar allows 64). */
#define LOOKUP_REF_MAX 65u

/*
 * The keys of a lookup: phone, or nhs, or name + dob (NULL or "" when not
 * given). Exactly one of the three forms must be given. digest gets the
 * audit digest above. On success *out holds the exact victim keys (at
 * least one): match_keys_free(). Returns 0; MGW_E_INVALID when no form or
 * more than one is given, or the value does not normalise (not a UK phone,
 * an NHS number failing mod-11, a date that is no date), or the key is
 * short; MGW_E_NOMEM. On failure *out is empty.
 */
int lookup_keys(const char *phone, const char *nhs, const char *name, const char *dob,
		const uint8_t *hmac_key, size_t keylen, struct match_keys *out, uint8_t digest[32]);

/* One open case the keys matched as its victim. */
struct lookup_case {
	char case_ref[LOOKUP_REF_MAX];
	char area[65];
	int level;              /* Marac__V1__RiskLevel at referral */
	int referring_agency;   /* Marac__V1__Agency */
	char referral_date[11];
	char last_heard[11];    /* later of the referral date and the newest touch (flags.h) */
	unsigned kinds;         /* bit (1 << match_kind) of the kinds that matched */
	unsigned agencies;      /* bit (1 << Agency): referrer, research reported, touched */
	int32_t referral_day;
};

/*
 * The open cases (above) whose victim keys k's victim keys match, newest
 * referral first (then case_ref), at most max into out[0..*n); excluding
 * exclude_case_ref (may be NULL). today: days since the epoch (UTC).
 * Cases in match_case without a case row (cases.h) are skipped, and so are
 * closed and merged ones (cases_life.c; withdrawn ones have no keys). Returns
 * 0, MGW_E_INVALID (window 0 or above 120), MGW_E_NOMEM, MGW_E_DB.
 */
int lookup_open_cases(sqlite3 *db, const struct match_keys *k, const char *exclude_case_ref,
		      int32_t today, unsigned window_months, struct lookup_case *out, size_t max,
		      size_t *n);

/*
 * Whether an address marker is in force for case_ref: 1 yes, 0 no, or a
 * negative mgw_err code (markers_active_for_case, markers.h).
 */
int lookup_marker_active(sqlite3 *db, const char *case_ref);

#endif
