/* actors.conf: what parses, what each mistake says, the shipped file, and
 * the mentions found in text, each checked to the byte. */
#include "config.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "analyse/actors.h"

static struct actors *parse_ok(const char *text)
{
	char *error = NULL;
	struct actors *a = actors_parse("t.conf", text, strlen(text), &error);
	if (a == NULL)
		fail_msg("unexpected error: %s", error);
	return a;
}

static void expect_error_len(const char *text, size_t len, const char *message)
{
	char *error = NULL;
	struct actors *a = actors_parse("t.conf", text, len, &error);
	assert_null(a);
	assert_non_null(error);
	assert_string_equal(error, message);
	free(error);
}

static void expect_error(const char *text, const char *message)
{
	expect_error_len(text, strlen(text), message);
}

static struct actors *shipped(void)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	snprintf(path, sizeof(path), "%s/actors.conf", top != NULL ? top : ".");
	const char *paths[] = {path, NULL};
	char *error = NULL;
	struct actors *a = actors_load(paths, &error);
	if (a == NULL)
		fail_msg("the shipped actors.conf: %s", error);
	return a;
}

/* One expected mention: the actor's name and the words of the text it
 * spans.  The span is the first occurrence of the words after the last
 * mention, or at byte start when start is not -1. */
struct want {
	const char *actor;
	const char *words;
	long start;
};

#define END {NULL, NULL, -1}

static void expect_mentions(const struct actors *a, const char *text, const struct want *want)
{
	struct doc d = {0};
	struct mention *m = NULL;
	size_t n = 0;
	size_t from = 0;
	size_t nwant = 0;

	d.text = text;
	d.len = strlen(text);
	actors_find_mentions(a, &d, &m, &n);
	while (want[nwant].actor != NULL)
		nwant++;
	for (size_t i = 0; i < n && i < nwant; i++) {
		const char *at = want[i].start >= 0 ? text + want[i].start : strstr(text + from, want[i].words);
		assert_non_null(at);
		size_t start = (size_t)(at - text);
		size_t len = strlen(want[i].words);
		const char *got = actors_get(a, m[i].actor)->name;
		if (strcmp(got, want[i].actor) != 0 || m[i].where.start != start ||
		    m[i].where.end != start + len)
			fail_msg("mention %zu: got %s '%.*s' [%zu, %zu), want %s '%s' [%zu, %zu)", i,
				 got, (int)(m[i].where.end - m[i].where.start), text + m[i].where.start,
				 m[i].where.start, m[i].where.end, want[i].actor, want[i].words,
				 start, start + len);
		from = start + len;
	}
	if (n != nwant) {
		for (size_t i = 0; i < n; i++)
			print_message("  %s '%.*s'\n", actors_get(a, m[i].actor)->name,
				      (int)(m[i].where.end - m[i].where.start),
				      text + m[i].where.start);
		fail_msg("%zu mentions, want %zu", n, nwant);
	}
	free(m);
}

/* ---- the format ------------------------------------------------------- */

static void test_format(void **state)
{
	(void)state;
	struct actors *a = parse_ok("# the actors\n"
				    "\n"
				    "[MOFCOM]\n"
				    "kind = agency\n"
				    "  country   =   China  \n"
				    "alias = Ministry  of\tCommerce # the full name\n"
				    "alias=Commerce Ministry\n"
				    "person = He Yadong | spokesperson\n"
				    "person = Wang Wentao\n"
				    "aka = Minister Wang\n"
				    "[China]\n"
				    "kind = country\n"
				    "alias = C#\n");
	assert_int_equal(actors_count(a), 2);
	const struct actor *m = actors_get(a, 0);
	assert_string_equal(m->name, "MOFCOM");
	assert_int_equal(m->kind, ACTOR_AGENCY);
	assert_string_equal(m->country, "China");
	assert_int_equal(m->naliases, 2);
	assert_string_equal(m->aliases[0], "Ministry of Commerce");
	assert_string_equal(m->aliases[1], "Commerce Ministry");
	assert_int_equal(m->npeople, 2);
	assert_string_equal(m->people[0].name, "He Yadong");
	assert_string_equal(m->people[0].role, "spokesperson");
	assert_int_equal(m->people[0].naliases, 0);
	assert_string_equal(m->people[1].name, "Wang Wentao");
	assert_null(m->people[1].role);
	assert_int_equal(m->people[1].naliases, 1);
	assert_string_equal(m->people[1].aliases[0], "Minister Wang");
	const struct actor *c = actors_get(a, 1);
	assert_string_equal(c->name, "China");
	assert_int_equal(c->kind, ACTOR_COUNTRY);
	assert_null(c->country);
	/* A '#' inside a word is no comment. */
	assert_string_equal(c->aliases[0], "C#");
	assert_null(actors_get(a, 2));
	assert_null(actors_get(a, -1));
	actors_free(a);
}

static void test_kinds_and_line_ends(void **state)
{
	(void)state;
	struct actors *a = parse_ok("\xEF\xBB\xBF[A]\r\nkind = ministry\r\n"
				    "[B]\nkind = organization\n"
				    "[C]\nkind = organisation\n"
				    "[D]\nkind = person\n"
				    "[E]\nkind = agency\nkind = country");
	assert_int_equal(actors_count(a), 5);
	assert_int_equal(actors_get(a, 0)->kind, ACTOR_AGENCY);
	assert_string_equal(actors_get(a, 0)->name, "A");
	assert_int_equal(actors_get(a, 1)->kind, ACTOR_ORGANISATION);
	assert_int_equal(actors_get(a, 2)->kind, ACTOR_ORGANISATION);
	assert_int_equal(actors_get(a, 3)->kind, ACTOR_PERSON);
	assert_int_equal(actors_get(a, 4)->kind, ACTOR_COUNTRY);
	actors_free(a);

	a = parse_ok("");
	assert_int_equal(actors_count(a), 0);
	actors_free(a);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("[A]\nkind = country\ncolour = red\n",
		     "t.conf:3: unknown key 'colour' (see actors.conf(5))");
	expect_error("[A]\nkind = ministri\n",
		     "t.conf:2: unknown kind 'ministri' (country, agency, organisation or person)");
	expect_error("[A]\nkind = Country\n",
		     "t.conf:2: unknown kind 'Country' (country, agency, organisation or person)");
	expect_error("# x\n[A]\nalias = B\n[C]\nkind = country\n", "t.conf:2: actor 'A' has no kind");
	expect_error("[A]\nkind = country\n[B]\n", "t.conf:3: actor 'B' has no kind");
	expect_error("kind = country\n", "t.conf:1: 'kind' before the first [actor]");
	expect_error("[A]\nkind country\n", "t.conf:2: expected 'key = value' or '[actor]'");
	expect_error("[A]\n= country\n", "t.conf:2: missing key before '='");
	expect_error("[A]\nkind = country\nalias =  # nothing\n", "t.conf:3: empty value for 'alias'");
	expect_error("[A\n", "t.conf:1: missing ']'");
	expect_error("[A] kind = country\n", "t.conf:1: text after ']'");
	expect_error("[ ]\n", "t.conf:1: empty actor name");
	expect_error("[A]\nkind = country\nalias = Beijing\n[B]\nkind = country\nalias = BEIJING\n",
		     "t.conf:6: 'BEIJING' is already a name of 'A'");
	expect_error("[A]\nkind = country\nperson = Li Qiang\n[B]\nkind = agency\nperson = Li  Qiang\n",
		     "t.conf:6: 'Li Qiang' is already a name of 'A'");
	expect_error("[A]\nkind = country\nperson = Li Qiang\n[Li Qiang]\n",
		     "t.conf:4: 'Li Qiang' is already a name of 'A'");
	expect_error("[A]\nkind = country\nalias = B\nnot = b\n", "t.conf:4: 'b' is already a name of 'A'");
	expect_error("[A]\nkind = country\naka = X\n", "t.conf:3: 'aka' without a person before it");
	expect_error("[A]\nkind = country\nperson = P\nalias = Q\naka = X\n",
		     "t.conf:5: 'aka' without a person before it");
	expect_error("[A]\nkind = country\nperson = | spokesperson\n", "t.conf:3: empty person name");
	expect_error("[A]\nkind = country\nalias = ---\n", "t.conf:3: '---' has no words");
	expect_error("[...]\n", "t.conf:1: '...' has no words");
	expect_error("[A]\nkind = country\nalias = a b c d e f g h i j k l m n o p q\n",
		     "t.conf:3: 'a b c d e f g h i j k l m n o p q' has more than 16 words");
	expect_error("[A]\nkind = country\nalias = x\x07y\n", "t.conf:3: control character 0x07");
	expect_error("[A]\nkind = country\nalias = \x7f\n", "t.conf:3: control character 0x7f");
	static const char nul[] = "[A]\nkind = country\nalias = x\0y\n";
	expect_error_len(nul, sizeof(nul) - 1, "t.conf:3: control character 0x00");
	expect_error("[A]\nkind = country\nalias = \xC3\x28\n", "t.conf:3: invalid UTF-8");
	expect_error("[A]\nkind = country\nalias = \xED\xA0\x80\n", "t.conf:3: invalid UTF-8");
	expect_error("[A]\nkind = country\nalias = \xC0\xAF\n", "t.conf:3: invalid UTF-8");

	char name[200];
	memset(name, 'x', sizeof(name));
	char text[400];
	snprintf(text, sizeof(text), "[A]\nkind = country\nalias = %.*s\n", 128, name);
	expect_error(text, "t.conf:3: name longer than 127 bytes");
	snprintf(text, sizeof(text), "[%.*s]\n", 128, name);
	expect_error(text, "t.conf:1: name longer than 127 bytes");
	snprintf(text, sizeof(text), "[A]\nkind = country\nperson = %.*s | spokesperson\n", 128, name);
	expect_error(text, "t.conf:3: name longer than 127 bytes");

	char *line = malloc(2048);
	memset(line, 'x', 2047);
	memcpy(line, "# ", 2);
	line[2047] = '\0';
	expect_error(line, "t.conf:1: line longer than 1023 bytes");
	free(line);

	size_t big = (1u << 20) + 1;
	char *huge = malloc(big);
	memset(huge, '\n', big);
	expect_error_len(huge, big, "t.conf: file larger than 1024 KiB");
	free(huge);
}

/* The same name twice for the same thing is no mistake: a user's file
 * may repeat what the shipped one says. */
static void test_repeats(void **state)
{
	(void)state;
	struct actors *a = parse_ok("[A]\nkind = country\nalias = B\nalias = b\nnot = B B\n"
				    "person = P | one\nperson = P | two\naka = Q\n"
				    "[A]\nalias = B\nperson = p\naka = q\n"
				    "[C]\nkind = country\nnot = b  b\n");
	const struct actor *act = actors_get(a, 0);
	assert_int_equal(actors_count(a), 2);
	assert_int_equal(act->naliases, 1);
	assert_int_equal(act->npeople, 1);
	assert_string_equal(act->people[0].role, "two");
	assert_int_equal(act->people[0].naliases, 1);
	actors_free(a);
}

/* A file of its own for text, created afresh (O_EXCL): the caller
 * unlinks and frees it. */
static char *write_temp(const char *text)
{
	static int made;
	char *path = malloc(64);
	assert_non_null(path);
	snprintf(path, 64, "/tmp/test_actors.%ld.%d", (long)getpid(), made++);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	assert_true(fd >= 0);
	size_t len = strlen(text);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

/* A later file adds to the actors of an earlier one. */
static void test_user_additions(void **state)
{
	(void)state;
	char *first = write_temp("[MOFCOM]\nkind = agency\ncountry = China\n"
				 "alias = Ministry of Commerce\nperson = He Yadong | spokesperson\n");
	char *second = write_temp("# mine\n[Ministry of Commerce]\nalias = Shangwubu\n"
				  "person = He Yadong | deputy spokesperson\naka = Mr He\n"
				  "person = Ling Ji | vice minister\n"
				  "[Naoise McDonagh]\nkind = person\ncountry = Australia\n");
	const char *paths[] = {"/nonexistent/actors.conf", first, second, NULL};
	char *error = NULL;
	struct actors *a = actors_load(paths, &error);
	assert_non_null(a);
	assert_int_equal(actors_count(a), 2);
	int m = actors_lookup(a, "shangwubu");
	assert_int_equal(m, 0);
	const struct actor *act = actors_get(a, m);
	assert_int_equal(act->naliases, 2);
	assert_int_equal(act->npeople, 2);
	assert_string_equal(act->people[0].role, "deputy spokesperson");
	const struct person *p = NULL;
	assert_int_equal(actors_person(a, "mr he", &p), 0);
	assert_string_equal(p->name, "He Yadong");
	assert_int_equal(actors_person(a, "Ling Ji", &p), 0);
	assert_string_equal(p->role, "vice minister");
	assert_int_equal(actors_lookup(a, "Naoise McDonagh"), 1);
	assert_int_equal(actors_get(a, 1)->kind, ACTOR_PERSON);
	expect_mentions(a, "Shangwubu said. Naoise McDonagh agreed, and Mr He too.",
			(const struct want[]){{"MOFCOM", "Shangwubu", -1},
					      {"Naoise McDonagh", "Naoise McDonagh", -1},
					      {"MOFCOM", "Mr He", -1},
					      END});
	actors_free(a);

	/* An error names the file it is in. */
	char *bad = write_temp("[MOFCOM]\ncolour = red\n");
	const char *paths2[] = {first, bad, NULL};
	assert_null(actors_load(paths2, &error));
	char want[256];
	snprintf(want, sizeof(want), "%s:2: unknown key 'colour' (see actors.conf(5))", bad);
	assert_string_equal(error, want);
	free(error);

	/* A file that cannot be read is an error, unlike a missing one. */
	const char *paths3[] = {"/tmp", NULL};
	assert_null(actors_load(paths3, &error));
	assert_string_equal(error, "/tmp: Is a directory");
	free(error);

	unlink(first);
	unlink(second);
	unlink(bad);
	free(first);
	free(second);
	free(bad);
}

static void test_lookup(void **state)
{
	(void)state;
	struct actors *a = parse_ok("[MOFCOM]\nkind = agency\nalias = China's commerce ministry\n"
				    "person = He Yadong | spokesperson\naka = Spokesman He\n"
				    "[White House]\nkind = agency\nnot = White House lawn\n");
	assert_int_equal(actors_lookup(a, "MOFCOM"), 0);
	assert_int_equal(actors_lookup(a, "mofcom"), 0);
	assert_int_equal(actors_lookup(a, "  China\xE2\x80\x99s   COMMERCE\tministry "), 0);
	assert_int_equal(actors_lookup(a, "the White House"), 1);
	assert_int_equal(actors_lookup(a, "The  white house"), 1);
	assert_int_equal(actors_lookup(a, "White House lawn"), -1);
	assert_int_equal(actors_lookup(a, "He Yadong"), -1);
	assert_int_equal(actors_lookup(a, "the"), -1);
	assert_int_equal(actors_lookup(a, ""), -1);
	assert_int_equal(actors_lookup(a, "Commerce"), -1);
	const struct person *p = NULL;
	assert_int_equal(actors_person(a, "he yadong", &p), 0);
	assert_string_equal(p->name, "He Yadong");
	assert_string_equal(p->role, "spokesperson");
	assert_int_equal(actors_person(a, "Spokesman He", NULL), 0);
	assert_int_equal(actors_person(a, "MOFCOM", &p), -1);
	assert_int_equal(actors_person(a, "He", &p), -1);
	actors_free(a);
}

/* ---- the shipped file ------------------------------------------------- */

static void test_shipped(void **state)
{
	(void)state;
	struct actors *a = shipped();
	static const char *const names[] = {
	    "China", "United States", "European Union", "Japan", "South Korea", "Australia",
	    "India", "MOFCOM", "General Administration of Customs",
	    "Chinese Ministry of Transport", "State Council", "Customs Tariff Commission",
	    "US Treasury", "USTR", "US Commerce Department", "BIS", "White House", "OFAC",
	    "European Commission", "WTO",
	    /* named by the shipped feeds.conf */
	    "International Trade Administration", "BBC",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int k = actors_lookup(a, names[i]);
		if (k < 0)
			fail_msg("no actor '%s'", names[i]);
		assert_string_equal(actors_get(a, k)->name, names[i]);
	}
	static const char *const aliases[][2] = {
	    {"Ministry of Commerce", "MOFCOM"},
	    {"Commerce Ministry", "MOFCOM"},
	    {"China's commerce ministry", "MOFCOM"},
	    {"Chinese Commerce Ministry", "MOFCOM"},
	    {"Chinese Ministry of Commerce", "MOFCOM"},
	    {"Customs Tariff Commission of the State Council", "Customs Tariff Commission"},
	    {"Treasury Department", "US Treasury"},
	    {"Treasury", "US Treasury"},
	    {"Office of the US Trade Representative", "USTR"},
	    {"US Trade Representative", "USTR"},
	    {"Bureau of Industry and Security", "BIS"},
	    {"Commerce Department", "US Commerce Department"},
	    {"Office of Foreign Assets Control", "OFAC"},
	    {"Trump administration", "United States"},
	    {"U.S.", "United States"},
	    {"Washington", "United States"},
	    {"Beijing", "China"},
	    {"Chinese government", "China"},
	    {"EU", "European Union"},
	    {"World Trade Organization", "WTO"},
	    {"General Administration of Customs of China", "General Administration of Customs"},
	};
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		int k = actors_lookup(a, aliases[i][0]);
		if (k < 0 || strcmp(actors_get(a, k)->name, aliases[i][1]) != 0)
			fail_msg("'%s' is not '%s'", aliases[i][0], aliases[i][1]);
	}
	static const char *const people[][3] = {
	    {"Donald Trump", "White House", "Donald Trump"},
	    {"President Trump", "White House", "Donald Trump"},
	    {"Trump", "White House", "Donald Trump"},
	    {"Xi Jinping", "China", "Xi Jinping"},
	    {"Scott Bessent", "US Treasury", "Scott Bessent"},
	    {"Jamieson Greer", "USTR", "Jamieson Greer"},
	    {"Howard Lutnick", "US Commerce Department", "Howard Lutnick"},
	    {"He Lifeng", "State Council", "He Lifeng"},
	    {"Li Qiang", "State Council", "Li Qiang"},
	    {"Li Chenggang", "MOFCOM", "Li Chenggang"},
	    {"Wang Wentao", "MOFCOM", "Wang Wentao"},
	    {"He Yadong", "MOFCOM", "He Yadong"},
	    {"He Yongqian", "MOFCOM", "He Yongqian"},
	    {"Ursula von der Leyen", "European Commission", "Ursula von der Leyen"},
	    {"Maroš Šefčovič", "European Commission", "Maroš Šefčovič"},
	    {"Maros Sefcovic", "European Commission", "Maroš Šefčovič"},
	    {"Ngozi Okonjo-Iweala", "WTO", "Ngozi Okonjo-Iweala"},
	};
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++) {
		const struct person *p = NULL;
		int k = actors_person(a, people[i][0], &p);
		if (k < 0 || strcmp(actors_get(a, k)->name, people[i][1]) != 0 ||
		    strcmp(p->name, people[i][2]) != 0)
			fail_msg("'%s' is not %s of '%s'", people[i][0], people[i][2], people[i][1]);
	}
	const struct person *p = NULL;
	actors_person(a, "He Yadong", &p);
	assert_string_equal(p->role, "spokesperson");
	actors_person(a, "Scott Bessent", &p);
	assert_string_equal(p->role, "Treasury Secretary");
	actors_free(a);
}

/* ---- mentions --------------------------------------------------------- */

static void test_seed_sentences(void **state)
{
	(void)state;
	struct actors *a = shipped();
	expect_mentions(a,
			"Last week, China\xE2\x80\x99s Ministry of Commerce issued a document officially "
			"titled \xE2\x80\x9C"
			"Announcement No. 62 of 2025.\xE2\x80\x9D",
			(const struct want[]){{"MOFCOM", "China\xE2\x80\x99s Ministry of Commerce", -1},
					      END});
	expect_mentions(
	    a,
	    "On Thursday, a spokesperson for the Chinese Commerce Ministry retorted that shortly "
	    "after the China-US economic and trade talks in Madrid in September, \xE2\x80\x9C"
	    "and despite repeated dissuasion from the Chinese side, the US side introduced 20 "
	    "measures to suppress China within just over 20 days.\xE2\x80\x9D",
	    (const struct want[]){{"MOFCOM", "Chinese Commerce Ministry", -1},
				  {"China", "China", -1},
				  {"United States", "US", -1},
				  {"China", "Chinese side", -1},
				  {"United States", "US side", -1},
				  {"China", "China", -1},
				  END});
	expect_mentions(a,
			"\xE2\x80\x9CThis is China versus the world. They have pointed a bazooka at the "
			"supply chains and the industrial base of the entire free world, and we\xE2\x80\x99re "
			"not going to have it,\xE2\x80\x9D stated US Treasury Secretary Scott Bessent.",
			(const struct want[]){{"China", "China", -1},
					      {"US Treasury", "US Treasury", -1},
					      {"US Treasury", "Scott Bessent", -1},
					      END});
	expect_mentions(a,
			"The announcement outlined extensive new restrictions on China\xE2\x80\x99s rare "
			"earth exports, a move that reinforces Beijing\xE2\x80\x99s dominance over the global "
			"supply of these vital minerals. It also served as a reminder to the Trump "
			"administration of China\xE2\x80\x99s substantial leverage in the ongoing trade "
			"dispute.",
			(const struct want[]){{"China", "China", -1},
					      {"China", "Beijing", -1},
					      {"United States", "Trump administration", -1},
					      {"China", "China", -1},
					      END});
	expect_mentions(a,
			"President Trump and Chinese President Xi Jinping are expected to meet later "
			"this month, and experts have indicated to the BBC that the restrictions on rare "
			"earth exports will give China a strategic advantage.",
			(const struct want[]){{"White House", "President Trump", -1},
					      {"China", "Xi Jinping", -1},
					      {"BBC", "BBC", -1},
					      {"China", "China", -1},
					      END});
	expect_mentions(a,
			"In response, US President Donald Trump threatened to impose an additional 100% "
			"tariff on Chinese goods.",
			(const struct want[]){{"United States", "US", -1},
					      {"White House", "Donald Trump", -1},
					      END});
	expect_mentions(a,
			"Despite accusing China of \xE2\x80\x9C"
			"betrayal,\xE2\x80\x9D Bessent has indicated that negotiations remain a "
			"possibility.",
			(const struct want[]){{"China", "China", -1}, {"US Treasury", "Bessent", -1}, END});
	expect_mentions(a,
			"For example, the White House has already targeted China\xE2\x80\x99s need for "
			"high-end semiconductors by blocking its purchases of Nvidia\xE2\x80\x99s most "
			"advanced chips.",
			(const struct want[]){{"White House", "White House", -1}, {"China", "China", -1}, END});
	expect_mentions(a,
			"The Paris-inspired proposed monument in Washington DC is meant to commemorate the "
			"US 250th anniversary.",
			(const struct want[]){{"United States", "US", -1}, END});
	actors_free(a);
}

/* Capitals: "US" only in capitals, one-word names only with a capital. */
static void test_case(void **state)
{
	(void)state;
	struct actors *a = shipped();
	expect_mentions(a, "Let us see. Us? us. US! u.s. U.S. usa USA eu EU Eu wto WTO",
			(const struct want[]){{"United States", "US", -1},
					      {"United States", "U.S.", -1},
					      {"United States", "USA", -1},
					      {"European Union", "EU", -1},
					      {"WTO", "WTO", -1},
					      END});
	expect_mentions(a, "A trump card; to trump them. TRUMP WINS. Trump said. Trump card.",
			(const struct want[]){{"White House", "TRUMP", -1},
					      {"White House", "Trump", -1},
					      END});
	expect_mentions(a, "CHINA'S COMMERCE MINISTRY and the chinese commerce ministry; china.",
			(const struct want[]){{"MOFCOM", "CHINA'S COMMERCE MINISTRY", -1},
					      {"MOFCOM", "chinese commerce ministry", -1},
					      END});
	actors_free(a);
}

static void test_possessives(void **state)
{
	(void)state;
	struct actors *a = shipped();
	expect_mentions(a,
			"China's rules, China\xE2\x80\x99s rules, the EU's, the Americans' plan, "
			"Trump\xE2\x80\x99s tariffs, Bessent's view, Chinas plans, China'smart",
			(const struct want[]){{"China", "China", 0},
					      {"China", "China", 15},
					      {"European Union", "EU", -1},
					      {"White House", "Trump", -1},
					      {"US Treasury", "Bessent", -1},
					      END});
	/* A possessive in the middle of an alias must be there in the text. */
	expect_mentions(a,
			"Treasury's Office of Foreign Assets Control; Treasury Office of Foreign "
			"Assets Control",
			(const struct want[]){{"OFAC", "Treasury's Office of Foreign Assets Control", -1},
					      {"US Treasury", "Treasury", -1},
					      {"OFAC", "Office of Foreign Assets Control", -1},
					      END});
	actors_free(a);
}

/* The longest alias wins, and mentions never overlap. */
static void test_longest(void **state)
{
	(void)state;
	struct actors *a = shipped();
	expect_mentions(a,
			"The Chinese Ministry of Commerce and the Customs Tariff Commission of the State "
			"Council; the State Council; the Office of the US Trade Representative; the "
			"United States Trade Representative; the United States.",
			(const struct want[]){{"MOFCOM", "Chinese Ministry of Commerce", -1},
					      {"Customs Tariff Commission",
					       "Customs Tariff Commission of the State Council", -1},
					      {"State Council", "State Council", -1},
					      {"USTR", "Office of the US Trade Representative", -1},
					      {"USTR", "United States Trade Representative", -1},
					      {"United States", "United States", -1},
					      END});
	/* A phrase that is not a mention hides the shorter alias inside. */
	expect_mentions(a,
			"Treasury yields rose after the Treasury spoke. The Washington Post, Latin "
			"America and America; Donald Trump Jr. and Donald Trump; the South China Sea.",
			(const struct want[]){{"US Treasury", "Treasury", 31},
					      {"United States", "America", 86},
					      {"White House", "Donald Trump", 116},
					      END});
	actors_free(a);
}

/* A country before its own agency is one mention of the agency; before
 * another country's, it keeps the agency from being that one. */
static void test_country_and_agency(void **state)
{
	(void)state;
	struct actors *a = shipped();
	expect_mentions(a,
			"China\xE2\x80\x99s General Administration of Customs, the US Commerce "
			"Department, India's Ministry of Commerce, China's State Council, the U.S. "
			"Treasury Department and Japan's Commerce Ministry.",
			(const struct want[]){{"General Administration of Customs",
					       "China\xE2\x80\x99s General Administration of Customs", -1},
					      {"US Commerce Department", "US Commerce Department", -1},
					      {"India", "India", -1},
					      {"State Council", "China's State Council", -1},
					      {"US Treasury", "U.S. Treasury Department", -1},
					      {"Japan", "Japan", -1},
					      END});
	expect_mentions(a, "a China commerce ministry official",
			(const struct want[]){{"MOFCOM", "China commerce ministry", -1}, END});
	/* Only white space may stand between them, and a person is no agency. */
	expect_mentions(a, "China. Ministry of Commerce; China's He Yadong",
			(const struct want[]){{"China", "China", -1},
					      {"MOFCOM", "Ministry of Commerce", -1},
					      {"China", "China", -1},
					      {"MOFCOM", "He Yadong", -1},
					      END});
	actors_free(a);
}

/* Whole words, within a paragraph, with what the alias has between its
 * words. */
static void test_words(void **state)
{
	(void)state;
	struct actors *a = shipped();
	expect_mentions(a,
			"Chinatown, ChinaX, XChina, China2, US-made, China\xE2\x80\x94US, (China), "
			"\xC2\xABJapan\xC2\xBB, Xi'an, Xi.",
			(const struct want[]){{"United States", "US", -1},
					      {"China", "China", -1},
					      {"United States", "US", -1},
					      {"China", "China", -1},
					      {"Japan", "Japan", -1},
					      {"China", "Xi", 83},
					      END});
	expect_mentions(a, "the Chinese Commerce\nMinistry; the Chinese Commerce\n\nMinistry",
			(const struct want[]){{"MOFCOM", "Chinese Commerce\nMinistry", -1}, END});
	expect_mentions(a, "the Commerce Ministry\xC2\xA0said; Ngozi Okonjo Iweala; Okonjo-Iweala",
			(const struct want[]){{"MOFCOM", "Commerce Ministry", -1},
					      {"WTO", "Okonjo-Iweala", -1},
					      END});
	expect_mentions(a, "Maroš Šefčovič met Maros Sefcovic; MAROŠ",
			(const struct want[]){{"European Commission", "Maroš Šefčovič", -1},
					      {"European Commission", "Maros Sefcovic", -1},
					      END});
	actors_free(a);
}

/* Hostile text: broken UTF-8, huge words, nothing at all. */
static void test_hostile_text(void **state)
{
	(void)state;
	struct actors *a = shipped();
	size_t len = 100000;
	char *text = malloc(len + 1);
	memset(text, 'a', len);
	memcpy(text + len - 6, " China", 6);
	text[len] = '\0';
	expect_mentions(a, text, (const struct want[]){{"China", "China", (long)len - 5}, END});
	free(text);
	expect_mentions(a, "\xC3 China \xE2\x80 US \xFF\xFE\xF0\x9F\x98 EU\xE2",
			(const struct want[]){{"China", "China", -1},
					      {"United States", "US", -1},
					      {"European Union", "EU", -1},
					      END});
	expect_mentions(a, "", (const struct want[]){END});

	struct doc d = {0};
	struct mention *m = NULL;
	size_t n = 0;
	actors_find_mentions(a, &d, &m, &n);
	assert_int_equal(n, 0);
	assert_null(m);
	actors_free(a);
}

/* Mentions are appended to what *out holds. */
static void test_append(void **state)
{
	(void)state;
	struct actors *a = parse_ok("[China]\nkind = country\n");
	struct doc d = {0};
	d.text = "China and China";
	d.len = strlen(d.text);
	struct mention *m = calloc(1, sizeof(*m));
	m[0].actor = 7;
	size_t n = 1;
	actors_find_mentions(a, &d, &m, &n);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].actor, 7);
	assert_int_equal(m[1].where.start, 0);
	assert_int_equal(m[2].where.start, 10);
	assert_int_equal(m[2].where.end, 15);
	free(m);
	actors_free(a);

	a = parse_ok("");
	expect_mentions(a, "China", (const struct want[]){END});
	actors_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_kinds_and_line_ends),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_repeats),
	    cmocka_unit_test(test_user_additions),
	    cmocka_unit_test(test_lookup),
	    cmocka_unit_test(test_shipped),
	    cmocka_unit_test(test_seed_sentences),
	    cmocka_unit_test(test_case),
	    cmocka_unit_test(test_possessives),
	    cmocka_unit_test(test_longest),
	    cmocka_unit_test(test_country_and_agency),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_hostile_text),
	    cmocka_unit_test(test_append),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
