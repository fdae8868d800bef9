/*
 * req_followup_common.h: writer-thread steps the follow-up request modules
 * (req_action.c, req_marker.c) share.
 */
#ifndef MARAC_REQ_FOLLOWUP_COMMON_H
#define MARAC_REQ_FOLLOWUP_COMMON_H

#include <stddef.h>

#include "gw.h"

/*
 * Answer a list request: pack fr (a list frame; its items stay the
 * caller's), audit FOLLOWUP_LISTED by jb's node with reason (the list:
 * "actions", "markers"), count (items listed), case_ref (as asked; "" or
 * NULL: none) and marac_area, then queue the packed frame to jb's
 * connection. Nothing is queued on error: MGW_E_NOMEM (packing), or what
 * audit_emit returned.
 */
int followup_answer_list(struct wctx *w, const struct job *jb, const Marac__V1__Frame *fr,
			 const char *reason, size_t count, const char *case_ref,
			 const char *marac_area);

/*
 * How many of v[0..n) fit one frame of max bytes (each item's tag and
 * length counted; 256 bytes left for the Frame, today and truncated). A
 * list of 500 actions of 4 KiB each is 2 MiB: more than one frame may
 * carry, and the reader would lose the connection, not get a short list.
 */
size_t followup_fit_frame(ProtobufCMessage **v, size_t n, unsigned max);

#endif
