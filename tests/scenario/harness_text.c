/* harness_text.c: the fixture and JSON text helpers of harness.h. */
#include "harness.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *fixture(const char *name)
{
	static char buf[4][600];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/tests/fixtures/%s", MARAC_SOURCE_DIR, name);
	return buf[k];
}

const char *json_str(const char *text, const char *key, char *out, size_t n)
{
	char pat[80];
	snprintf(pat, sizeof pat, "\"%s\": \"", key);
	const char *p = strstr(text, pat);
	out[0] = 0;
	if (p == NULL)
		return out;
	p += strlen(pat);
	size_t i = 0;
	while (p[i] && p[i] != '"' && i + 1 < n) {
		out[i] = p[i];
		i++;
	}
	out[i] = 0;
	return out;
}

char *read_dir(const char *dir)
{
	size_t len = 0;
	char *all = calloc(1, 1);
	DIR *d = opendir(dir);
	for (struct dirent *e; all && d && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".json"))
			continue;
		char path[1200];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		char *t = slurp(path);
		if (t == NULL)
			continue;
		char *na = realloc(all, len + strlen(t) + 1);
		if (na == NULL) {
			free(all);
			all = NULL;
		} else {
			all = na;
			memcpy(all + len, t, strlen(t) + 1);
			len += strlen(t);
		}
		free(t);
	}
	if (d)
		closedir(d);
	return all;
}
