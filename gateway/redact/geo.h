/*
 * geo.h: places written for a machine rather than a reader.
 *
 * Notes carry where she is in forms no address or statement rule reads: the
 * pin she sent ("Google Maps pin (53.5703, -2.6128)"), a what3words address
 * ("///filled.count.soap", "w3w: index.home.raft"), a map link
 * ("https://maps.app.goo.gl/...", "google.com/maps/@53.57,-2.61,17z"), a
 * plus code ("9C5W+QR Wigan"). Each of them names a spot to within a few
 * metres, so geo_scan() withholds every one as a victim location
 * (SCRUB_LOCATION) for recipients not entitled to her whereabouts (the
 * caller runs it under SCRUB_F_LOCATION): fail safe, since the text rarely
 * says whose spot it is.
 *
 * Forms (s is normalised text, textnorm.h):
 *   "loc:coordinates"  two decimal degrees, latitude -90..90 then longitude
 *                      -180..180, each with 3 to 10 decimals (4 when a '/'
 *                      joins them: "1.500/2.250" is a ratio), joined by a
 *                      comma, a space, a '/', optional N/S/E/W after each or
 *                      a minus before, each after its cue or not ("Lat:
 *                      53.57034, Long: -2.61281", "latitude=53.57");
 *                      degrees-minutes-seconds with the degree sign
 *                      (53°34'13"N 2°36'46"W);
 *   "loc:grid-reference" an Ordnance Survey grid reference after its cue
 *                      (grid ref, NGR, OS ref): two letters, two equal groups
 *                      of 3-5 digits or one of 6, 8 or 10 ("SD 56123 07345");
 *   "loc:what3words"   three lower-case words of letters joined by dots,
 *                      after "///" or within 24 bytes after a cue (what3words,
 *                      w3w, 3words);
 *   "loc:map-link"     a URL (or bare host) whose host or path names a map:
 *                      maps.google.*, google.*\/maps, goo.gl/maps,
 *                      maps.app.goo.gl, maps.apple.com, what3words.com,
 *                      openstreetmap.org, bing.com/maps, waze.com,
 *                      earth.google.com, to the next space;
 *   "loc:plus-code"    an Open Location Code: 4 to 8 characters of its
 *                      alphabet (23456789CFGHJMPQRVWX), '+', 2 or 3 more.
 *   "loc:exclusion-zone" an exclusion zone or a condition not to enter a
 *                      place, cue and clause ("exclusion zone to include
 *                      <towns>", "NOT TO ENTER <STREET>"): drawn around where
 *                      she lives, works or goes; only when the clause names
 *                      something (a capital or a digit).
 *
 * Linear in n; appends to out only. Returns 0 or MGW_E_NOMEM.
 */
#ifndef MARAC_GEO_H
#define MARAC_GEO_H

#include <stddef.h>

#include "spans.h"

int geo_scan(const char *s, size_t n, struct spans *out);

#endif
