/*
 * yaml_depth.h: refuse deeply nested YAML before libyaml's document loader
 * sees it.
 *
 * libyaml's scanner keeps a possible simple key per open flow level and
 * walks all of them for every token, so a file of N nested '[' costs
 * O(N^2): 40,000 levels (80 KB) took `marac policy check` 2.9 s, and a
 * policy of 1 MiB (the most the loader reads) about seven minutes, during
 * which a SIGHUP reload held the daemon's service thread and every
 * connection stalled. The event parser, stopped at a small depth, never
 * gets far enough to be slow. Used for gateway.yaml (config.c), the policy
 * (the daemon's epoch and the marac policy commands) and policy test files.
 */
#ifndef MARAC_YAML_DEPTH_H
#define MARAC_YAML_DEPTH_H

#include <stddef.h>

/*
 * Does text (len bytes) nest sequences and mappings at most max deep? 0
 * when it does (also when it is not valid YAML: syntax errors are left to
 * the loader, which reports them with context); MGW_E_INVALID with *line
 * (1-based) the line of the first collection beyond max; MGW_E_NOMEM.
 * Reads no more events than it takes to decide: O(len) time.
 */
int yaml_depth_text(const char *text, size_t len, unsigned max, unsigned long *line);

/*
 * yaml_depth_text on the file at path, read up to max_bytes. 0 also when
 * the file cannot be read or is larger than max_bytes (the loader refuses
 * it then, naming why); MGW_E_INVALID with "PATH:LINE: nested deeper than
 * MAX levels" in err; MGW_E_NOMEM.
 */
int yaml_depth_file(const char *path, size_t max_bytes, unsigned max, char *err,
		    size_t errlen);

#endif
