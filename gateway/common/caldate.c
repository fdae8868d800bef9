/*
 * caldate.c: see caldate.h. Day numbers use Howard Hinnant's
 * days_from_civil / civil_from_days algorithms (public domain), which are
 * exact for the proleptic Gregorian calendar without tables or loops.
 */
#include "caldate.h"

#include <stdio.h>

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const unsigned char n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

int32_t caldate_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void caldate_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int32_t z = days + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int caldate_parse(const char *s, int32_t *days)
{
	int y, m, d;
	if (s == NULL)
		return -1;
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0')
			return -1;
	if (s[10] != '\0' || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (y < CALDATE_YEAR_MIN || y > CALDATE_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, m))
		return -1;
	*days = caldate_from_ymd(y, m, d);
	return 0;
}

void caldate_format(int32_t days, char out[11])
{
	int y, m, d;
	caldate_to_ymd(days, &y, &m, &d);
	/* Bounded years (parse) keep this to 10 chars; clamp anyway for safety. */
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

int caldate_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	int32_t w = (days % 7 + 7 + 3) % 7; /* 0 = Monday */
	return (int)w + 1;
}

int32_t caldate_add_months(int32_t days, int months)
{
	int y, m, d;
	caldate_to_ymd(days, &y, &m, &d);
	int total = y * 12 + (m - 1) + months;
	int ny = total >= 0 ? total / 12 : -((-total + 11) / 12);
	int nm = total - ny * 12 + 1;
	int md = month_days(ny, nm);
	return caldate_from_ymd(ny, nm, d > md ? md : d);
}

int32_t caldate_window_end(int32_t earlier, unsigned months)
{
	return caldate_add_months(earlier, (int)months);
}

int caldate_within_months(int32_t earlier, int32_t later, unsigned months)
{
	return earlier <= later && later < caldate_window_end(earlier, months);
}

int caldate_age_years(int32_t born, int32_t on)
{
	int by, bm, bd, oy, om, od;
	caldate_to_ymd(born, &by, &bm, &bd);
	caldate_to_ymd(on, &oy, &om, &od);
	int age = oy - by;
	/* Birthday not yet reached this year. 29 Feb vs 28 Feb compares as
	 * "not yet", so a leapling's birthday falls on 1 March in common years. */
	if (om < bm || (om == bm && od < bd))
		age--;
	return age;
}
