/*
 * err.h: the error codes every core module returns.
 * 0 is success; failures are negative. Functions document which they return.
 */
#ifndef MARAC_ERR_H
#define MARAC_ERR_H

enum mgw_err {
	MGW_OK = 0,
	MGW_E_NOMEM = -1,     /* allocation failed or decode budget exceeded */
	MGW_E_MALFORMED = -2, /* bytes are not a valid message */
	MGW_E_TOO_LARGE = -3, /* input above a size cap */
	MGW_E_UTF8 = -4,      /* a string field is not valid UTF-8 */
	MGW_E_IO = -5,        /* file or system call failed */
	MGW_E_INVALID = -6,   /* well-formed but semantically invalid */
	MGW_E_DB = -7,        /* the store failed */
	MGW_E_NOTFOUND = -8,  /* no such item */
	MGW_E_CONFLICT = -9,  /* conflicts with existing state (e.g. msg_id reuse) */
	MGW_E_TIMEOUT = -10,  /* no answer in time */
	MGW_E_CLOSED = -11,   /* the connection closed */
	MGW_E_REFUSED = -12,  /* the peer refused (TLS, upgrade, or an Error frame) */
};

/* A static, stable, lower-case name for the code ("malformed", ...). */
const char *mgw_strerror(int code);

#endif
