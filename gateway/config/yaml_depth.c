/*
 * yaml_depth.c: the nesting pre-pass of yaml_depth.h over libyaml's event
 * parser.
 */
#include "yaml_depth.h"

#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

#include "mgw_err.h"

int yaml_depth_text(const char *text, size_t len, unsigned max, unsigned long *line)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return MGW_E_NOMEM;
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	int rc = MGW_OK;
	unsigned depth = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e))
			break;
		yaml_event_type_t t = e.type;
		unsigned long at = (unsigned long)e.start_mark.line + 1;
		yaml_event_delete(&e);
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) {
			if (++depth > max) {
				*line = at;
				rc = MGW_E_INVALID;
				break;
			}
		} else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (t == YAML_STREAM_END_EVENT) {
			break;
		}
	}
	yaml_parser_delete(&p);
	return rc;
}

int yaml_depth_file(const char *path, size_t max_bytes, unsigned max, char *err,
		    size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return MGW_OK; /* the loader names why */
	char *buf = malloc(max_bytes + 1);
	size_t n = buf ? fread(buf, 1, max_bytes + 1, f) : 0;
	int bad = ferror(f);
	fclose(f);
	if (buf == NULL)
		return MGW_E_NOMEM;
	int rc = MGW_OK;
	unsigned long line = 0;
	if (!bad && n <= max_bytes &&
	    (rc = yaml_depth_text(buf, n, max, &line)) == MGW_E_INVALID && errlen > 0)
		snprintf(err, errlen, "%s:%lu: nested deeper than %u levels", path, line, max);
	free(buf);
	return rc;
}
