/*
 * place.h: where people are, in free text.
 *
 * place_scan() finds, in normalised text (textnorm.h):
 *   SCRUB_ADDRESS    free-text addresses with or without a postcode: house or
 *                    flat number + street + street type ("33a Grange Court",
 *                    "Flat 10, 170a Cliff Walk"), named buildings, a town
 *                    after an address cue; for every recipient.
 *   SCRUB_PLACE      institutions that locate a person: schools, nurseries,
 *                    GP surgeries and practices, workplaces after a cue
 *                    ("works at ..."); for every recipient.
 * and, only when flags has PLACE_F_LOCATION (a recipient not entitled to the
 * victim's whereabouts):
 *   SCRUB_LOCATION   statements of where the victim is, will be, or can be
 *                    found or reached: refuge, moved to, staying with or at,
 *                    new address, routes; the whole clause or sentence, even
 *                    when the address in it is not recognised.
 *   SCRUB_SAFE_TIME  when it is safe to call or visit her ("after 10am when
 *                    he is at work"); the whole clause.
 * rule names the cue ("addr:number+street", "loc:refuge", "time:safe-call").
 *
 * Linear in n.
 */
#ifndef MARAC_PLACE_H
#define MARAC_PLACE_H

#include <stddef.h>

#include "spans.h"

#define PLACE_F_LOCATION 1u /* also withhold the victim's whereabouts and safe times */

/* Find places in s[0..n). Returns 0 or MGW_E_NOMEM. */
int place_scan(const char *s, size_t n, unsigned flags, struct spans *out);

#endif
