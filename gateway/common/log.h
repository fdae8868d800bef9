/*
 * log.h: JSON-lines logging with ids and codes only.
 *
 * Each call writes one line to stderr:
 *   {"ts":"2026-11-22T21:00:00.123Z","level":"info","event":"share_accepted","node":"police-1",...}
 * Values are strings given as key/value pairs ending in NULL; they are JSON
 * escaped. Callers pass ids, codes and digests only: never a name, address,
 * phone number or free text from a case (tests grep the logs for them).
 * Thread-safe: one write(2) per line.
 */
#ifndef MARAC_LOG_H
#define MARAC_LOG_H

enum log_level { LOG_DEBUG = 0, LOG_INFO = 1, LOG_WARN = 2, LOG_ERROR = 3 };

/* Lines below this level are dropped. Default LOG_INFO. */
void log_set_level(enum log_level lvl);
/* Parse "debug"|"info"|"warn"|"error"; returns -1 if unknown. */
int log_level_from_name(const char *name);

/* log_event(LOG_INFO, "share_accepted", "node", id, "msg_id", m, NULL) */
void log_event(enum log_level lvl, const char *event, ...) __attribute__((sentinel));

#endif
