/* req_followup_common.c: see req_followup_common.h. */
#include "req_followup_common.h"

#include <stdlib.h>

#include "codec.h"
#include "mgw_err.h"

int followup_answer_list(struct wctx *w, const struct job *jb, const Marac__V1__Frame *fr,
			 const char *reason, size_t count, const char *case_ref,
			 const char *marac_area)
{
	uint8_t *buf = NULL;
	size_t len;
	int rc = codec_pack(&fr->base, &buf, &len);
	if (rc != MGW_OK)
		return rc;
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FOLLOWUP_LISTED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = case_ref && case_ref[0] ? case_ref : NULL,
		.reason = reason,
		.count = count,
		.marac_area = marac_area,
	};
	if ((rc = audit_emit(w->g, w, &f, NULL)) != MGW_OK) {
		free(buf);
		return rc;
	}
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	return MGW_OK;
}

size_t followup_fit_frame(ProtobufCMessage **v, size_t n, unsigned max)
{
	size_t room = max > 256 ? max - 256 : 0, k = 0;
	for (; k < n; k++) {
		size_t cost = protobuf_c_message_get_packed_size(v[k]) + 6;
		if (cost > room)
			break;
		room -= cost;
	}
	return k;
}
