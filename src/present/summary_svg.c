#include "config.h"

#include "present/summary_svg.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "common/safetext.h"
#include "common/util.h"
#include "store/timeline.h"

/* The picture's geometry, in pixels. */
#define WIDTH 1200
#define LEFT 200
#define RIGHT 30
#define TOP 70
#define STRIP 50 /* the density strip of events per week */
#define LANE 56
#define MAX_LANES 8
#define LABEL_CHARS 38
#define FONT "DejaVu Sans, Noto Sans CJK SC, Noto Sans, sans-serif"


/* s cleaned and escaped for XML text or attributes, cut to max characters. */
static void xml_text(FILE *out, const char *s, size_t max)
{
	char *t = safe_text(s);
	size_t chars = 0;
	for (const char *c = t; *c != '\0'; c++) {
		if (((unsigned char)*c & 0xC0) != 0x80 && ++chars > max) {
			fputs("\u2026", out);
			break;
		}
		switch (*c) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		default:
			fputc(*c, out);
		}
	}
	free(t);
}

/* The width a label takes, roughly: 6.6 pixels a column at 11 px. */
static int label_width(const char *s, size_t max)
{
	char *t = safe_text(s);
	size_t fit = safe_text_fit(t, strlen(t), max);
	int w = (int)(safe_text_width(t, fit) * 66 / 10) + 8;
	free(t);
	return w;
}

struct scale {
	long first, last; /* days */
	int plot;	  /* pixels */
};

static double x_of(const struct scale *s, long day)
{
	/* an event that started before the range (a year, a month) sits at
	 * its start */
	if (day < s->first)
		day = s->first;
	if (day > s->last)
		day = s->last;
	double span = (double)(s->last - s->first + 1);
	return LEFT + (double)(day - s->first) * s->plot / span;
}

/* The lane of each actor: the busiest up to MAX_LANES; the rest are
 * "others". */
static int lane_of(const struct report *r, size_t nlanes, const char *actor)
{
	for (size_t i = 0; i < nlanes; i++)
		if (r->actors[i].name == actor || strcmp(r->actors[i].name, actor) == 0)
			return (int)i;
	return (int)nlanes;
}

static void axis(FILE *out, const struct scale *s, int y)
{
	fprintf(out, "<g class=\"axis\" font-size=\"11\" fill=\"#444\">\n");
	fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", LEFT, y,
		LEFT + s->plot, y);
	long span = s->last - s->first;
	if (span <= 93) { /* a short range: a tick a week, on Mondays */
		for (long n = s->first + (7 - ((s->first + 3) % 7 + 7) % 7) % 7; n <= s->last; n += 7) {
			int y1, m1, d1;
			timeline_civil_from_days(n, &y1, &m1, &d1);
			double x = x_of(s, n);
			fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>\n",
				x, y, x, y + 5);
			fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n",
				x, TOP, x, y);
			fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%04d-%02d-%02d</text>\n",
				x, y + 18, y1 % 10000, m1 % 100, d1 % 100);
		}
		fprintf(out, "</g>\n");
		return;
	}
	/* a tick a month, or a quarter, or a year when there are many */
	int step = span > 3L * 366 ? 12 : span > 400 ? 3 : 1;
	int y0, m0, d0;
	timeline_civil_from_days(s->first, &y0, &m0, &d0);
	for (int y1 = y0, m1 = m0 + (d0 > 1);; m1 += step) {
		while (m1 > 12)
			m1 -= 12, y1++;
		char day[16];
		snprintf(day, sizeof(day), "%04d-%02d-01", y1 % 10000, m1 % 100);
		long n = timeline_day_number(day);
		if (n > s->last)
			break;
		double x = x_of(s, n);
		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>\n", x,
			y, x, y + 5);
		fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n", x,
			TOP, x, y);
		fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.*s</text>\n", x,
			y + 18, step >= 12 ? 4 : 7, day);
	}
	fprintf(out, "</g>\n");
}

static void density(FILE *out, const struct report *r, const struct scale *s)
{
	long weeks = (s->last - s->first) / 7 + 1;
	int *count = xcalloc((size_t)weeks, sizeof(*count));
	int max = 0;
	for (size_t i = 0; i < r->nevents; i++) {
		long w = (timeline_day_number(r->events[i].day) - s->first) / 7;
		if (w >= 0 && w < weeks && ++count[w] > max)
			max = count[w];
	}
	fprintf(out, "<g class=\"density\" fill=\"#6a8caf\">\n");
	fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#444\" text-anchor=\"end\">%s</text>\n",
		LEFT - 8, TOP + STRIP / 2 + 4, _("events a week"));
	for (long w = 0; w < weeks && max > 0; w++) {
		if (count[w] == 0)
			continue;
		double x0 = x_of(s, s->first + 7 * w), x1 = x_of(s, s->first + 7 * w + 7);
		double h = (double)(STRIP - 8) * count[w] / max;
		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n", x0,
			TOP + STRIP - 4 - h, x1 - x0 > 1.5 ? x1 - x0 - 0.5 : 1.0, h);
	}
	fprintf(out, "</g>\n");
	free(count);
}

/* Labels of the key events (most sources, then publications), each in a
 * free stretch of its lane's two label rows, else left out. */
struct placed {
	int lane, row;
	double x0, x1;
};

static bool free_at(const struct placed *p, size_t n, int lane, int row, double x0, double x1)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].lane == lane && p[i].row == row && x0 < p[i].x1 && p[i].x0 < x1)
			return false;
	return true;
}

static const struct report *sort_report;

static int compare_weight(const void *a, const void *b)
{
	const struct report_event *x = &sort_report->events[*(const size_t *)a];
	const struct report_event *y = &sort_report->events[*(const size_t *)b];
	if (x->nsources != y->nsources)
		return x->nsources > y->nsources ? -1 : 1;
	if (x->published != y->published)
		return x->published ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

void summary_svg(FILE *out, const struct report *r, const struct report_query *q,
		 const char *title)
{
	struct scale s;
	s.first = timeline_day_number(q->from);
	s.last = strcmp(q->to, "9999-12-31") == 0 && r->nevents > 0
			 ? timeline_day_number(r->events[r->nevents - 1].day)
			 : timeline_day_number(q->to);
	if (s.last < s.first)
		s.last = s.first;
	s.plot = WIDTH - LEFT - RIGHT;
	size_t nlanes = r->nactors;
	if (nlanes > MAX_LANES)
		nlanes = MAX_LANES;
	int lanes_top = TOP + STRIP + 10, height = lanes_top + (int)(nlanes + 1) * LANE + 40;

	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
		     " viewBox=\"0 0 %d %d\" font-family=\"%s\">\n",
		WIDTH, height, WIDTH, height, FONT);
	fprintf(out, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n");
	fprintf(out, "<text class=\"title\" x=\"%d\" y=\"30\" font-size=\"18\" font-weight=\"bold\""
		     " fill=\"#222\">",
		LEFT);
	xml_text(out, title, 120);
	fprintf(out, "</text>\n");
	density(out, r, &s);

	for (size_t l = 0; l <= nlanes; l++) {
		int y = lanes_top + (int)l * LANE;
		fprintf(out, "<g class=\"lane\">\n<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
			     " fill=\"%s\"/>\n",
			LEFT, y, s.plot, LANE, l % 2 ? "#f7f7f7" : "#fdfdfd");
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#222\" text-anchor=\"end\">",
			LEFT - 8, y + LANE / 2 + 4);
		if (l < nlanes)
			xml_text(out, r->actors[l].name, 26);
		else
			fputs(_("others"), out);
		fprintf(out, "</text>\n</g>\n");
	}
	/* the marks: one per day and lane with events, sized by their sources
	 * (events of a day in a lane would be drawn on one another; a year
	 * of a large store is a million of them) */
	fprintf(out, "<g class=\"events\" fill=\"#c0392b\" fill-opacity=\"0.65\">\n");
	size_t *sources = xcalloc(nlanes + 1, sizeof(*sources));
	for (size_t i = 0; i < r->nevents; i++) {
		const struct report_event *e = &r->events[i];
		bool others = e->nactors == 0;
		for (size_t k = 0; k < e->nactors; k++) {
			int l = lane_of(r, nlanes, e->actors[k]);
			if (l == (int)nlanes)
				others = true;
			else
				sources[l] += e->nsources;
		}
		if (others)
			sources[nlanes] += e->nsources;
		if (i + 1 < r->nevents && strcmp(r->events[i + 1].day, e->day) == 0)
			continue;
		double x = x_of(&s, timeline_day_number(e->day));
		for (size_t l = 0; l <= nlanes; l++) {
			if (sources[l] == 0)
				continue;
			int radius = 3 + 2 * (int)(sources[l] < 5 ? sources[l] : 5);
			fprintf(out, "<circle cx=\"%.1f\" cy=\"%d\" r=\"%d\"/>\n", x,
				lanes_top + (int)l * LANE + LANE / 2 + 6, radius);
			sources[l] = 0;
		}
	}
	free(sources);
	fprintf(out, "</g>\n");

	/* labels of the key events, never overlapping */
	size_t *order = xmalloc((r->nevents + 1) * sizeof(*order));
	for (size_t i = 0; i < r->nevents; i++)
		order[i] = i;
	sort_report = r;
	qsort(order, r->nevents, sizeof(*order), compare_weight);
	struct placed *placed = xmalloc((r->nevents + 1) * sizeof(*placed));
	size_t nplaced = 0;
	fprintf(out, "<g class=\"labels\" font-size=\"11\" fill=\"#222\">\n");
	for (size_t k = 0; k < r->nevents && nplaced < 24; k++) {
		const struct report_event *e = &r->events[order[k]];
		int lane = e->nactors > 0 ? lane_of(r, nlanes, e->actors[0]) : (int)nlanes;
		double x = x_of(&s, timeline_day_number(e->day));
		double w = label_width(e->text, LABEL_CHARS);
		double x0 = x + w > LEFT + s.plot ? x - w : x;
		for (int row = 0; row < 2; row++) {
			if (!free_at(placed, nplaced, lane, row, x0 - 4, x0 + w))
				continue;
			placed[nplaced++] = (struct placed){lane, row, x0 - 4, x0 + w};
			fprintf(out, "<text class=\"label\" x=\"%.1f\" y=\"%d\">", x0,
				lanes_top + lane * LANE + 13 + row * 12);
			xml_text(out, e->text, LABEL_CHARS);
			fprintf(out, "</text>\n");
			break;
		}
	}
	fprintf(out, "</g>\n");
	free(placed);
	free(order);
	axis(out, &s, lanes_top + (int)(nlanes + 1) * LANE);
	fprintf(out, "</svg>\n");
}
