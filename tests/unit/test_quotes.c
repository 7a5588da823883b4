/* Quotes and their speakers: the seed article of issue 4, one case per
 * pattern checked exactly, and input built to hurt. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <cmocka.h>

#include "analyse/actors.h"
#include "analyse/quotes.h"
#include "analyse/text.h"
#include "common/util.h"

/* The actors the cases need, independent of the shipped actors.conf. */
static const char conf[] = "[China]\n"
                           "kind = country\n"
                           "alias = Beijing\n"
                           "alias = Chinese side\n"
                           "[United States]\n"
                           "kind = country\n"
                           "alias = US\n"
                           "alias = Washington\n"
                           "[Australia]\n"
                           "kind = country\n"
                           "person = Anthony Albanese | Prime Minister\n"
                           "[MOFCOM]\n"
                           "kind = agency\n"
                           "country = China\n"
                           "alias = Ministry of Commerce\n"
                           "alias = Commerce Ministry\n"
                           "alias = Chinese Commerce Ministry\n"
                           "alias = China's Ministry of Commerce\n"
                           "person = He Yadong | spokesperson\n"
                           "[US Treasury]\n"
                           "kind = agency\n"
                           "country = United States\n"
                           "alias = Treasury\n"
                           "person = Scott Bessent | Treasury Secretary\n"
                           "aka = Bessent\n"
                           "[White House]\n"
                           "kind = agency\n"
                           "country = United States\n"
                           "person = Donald Trump | President\n"
                           "aka = Trump\n";

static struct actors *actors;

/* One analysed text: the doc, its mentions and its quotes. */
struct run {
	struct doc d;
	struct mention *m;
	size_t nm;
	struct quote *q;
	size_t n;
};

static void run_text(struct run *r, const char *text, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->d.text = text;
	r->d.len = len;
	r->d.date.year = 2025;
	r->d.date.month = 11;
	r->d.date.day = 21;
	doc_split(&r->d);
	actors_find_mentions(actors, &r->d, &r->m, &r->nm);
	quotes_find(&r->d, actors, r->m, r->nm, &r->q, &r->n);
}

static void run_free(struct run *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->q[i].speaker);
		free(r->q[i].cue);
	}
	free(r->q);
	free(r->m);
	doc_free_spans(&r->d);
}

static const char *actor_name(int actor)
{
	return actor >= 0 ? actors_get(actors, actor)->name : NULL;
}

static char *quote_text(const struct run *r, size_t i)
{
	const struct span *s = &r->q[i].text;
	assert_true(s->start <= s->end && s->end <= r->d.len);
	return xstrndup(r->d.text + s->start, s->end - s->start);
}

static int setup(void **state)
{
	char *error = NULL;
	(void)state;
	actors = actors_parse("test", conf, sizeof(conf) - 1, &error);
	if (actors == NULL) {
		fprintf(stderr, "%s\n", error);
		free(error);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	actors_free(actors);
	return 0;
}

/* ---- one pattern at a time ------------------------------------------- */

struct expect {
	const char *speaker;
	const char *actor; /* NULL: none */
	enum quote_kind kind;
	const char *cue;
	const char *text;
};

struct pattern {
	const char *input;
	size_t n;
	struct expect e[3];
};

#define D QUOTE_DIRECT
#define I QUOTE_INDIRECT
#define M QUOTE_MIXED

static const struct pattern patterns[] = {
    /* direct, speaker after */
    {"\"We will respond,\" said Bessent.",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond"}}},
    {"\"We will respond,\" Bessent said.",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond"}}},
    {"\"This is China versus the world,\" stated US Treasury Secretary Scott Bessent.",
     1,
     {{"Scott Bessent", "US Treasury", D, "stated", "This is China versus the world"}}},
    {"\"China has been very hostile,\" Donald Trump wrote on Truth Social.",
     1,
     {{"Donald Trump", "White House", D, "wrote", "China has been very hostile"}}},
    {"\"Will they back down?\" Bessent asked.",
     1,
     {{"Scott Bessent", "US Treasury", D, "asked", "Will they back down?"}}},
    {"\u201CWe will respond,\u201D said Bessent.",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond"}}},
    {"\u2018We will respond,\u2019 Bessent said.",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond"}}},
    {"\"I expect nothing,\" said Jane Smith, an economist at Capital Economics.",
     1,
     {{"Jane Smith", NULL, D, "said", "I expect nothing"}}},
    /* direct, speaker before */
    {"Bessent said: \"We will respond.\"",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond."}}},
    {"Bessent told reporters: \"We will respond.\"",
     1,
     {{"Scott Bessent", "US Treasury", D, "told", "We will respond."}}},
    {"Trump wrote on Truth Social: \"China has been very hostile.\"",
     1,
     {{"Donald Trump", "White House", D, "wrote", "China has been very hostile."}}},
    /* split quotes, quotes over paragraphs, continuing paragraphs */
    {"\"We will respond,\" Bessent said. \"Nobody wants this.\"",
     2,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond"},
      {"Scott Bessent", "US Treasury", D, "said", "Nobody wants this."}}},
    /* a split quote is one quote, its attribution inside */
    {"\"The talks were productive,\" Bessent told CNBC, \"and we will meet again.\"",
     1,
     {{"Scott Bessent", "US Treasury", D, "told",
       "The talks were productive,\" Bessent told CNBC, \"and we will meet again."}}},
    {"\"We'll see bigger numbers,\" said one Singapore-based trader at a trading house, "
     "\"but margins are negative.\"",
     1,
     {{"one Singapore-based trader", NULL, D, "said",
       "We'll see bigger numbers,\" said one Singapore-based trader at a trading house, "
       "\"but margins are negative."}}},
    /* a second verb of saying joined by "and" starts a new quote */
    {"He Yadong said the responsibility lay with Japan, and urged Tokyo to \"correct its "
     "mistakes\".",
     2,
     {{"He Yadong", "MOFCOM", I, "said", "the responsibility lay with Japan"},
      {"He Yadong", "MOFCOM", M, "urged", "Tokyo to \"correct its mistakes\""}}},
    /* a report's title is no fragment of speech */
    {"The ministry said the acts were unreasonable, as set out in the report \"Section 301 "
     "Investigation,\" which is online.",
     0,
     {{0}}},
    {"Bessent said the acts were unreasonable, as set out in the report \"Section 301 "
     "Investigation,\" which is online.",
     1,
     {{"Scott Bessent", "US Treasury", I, "said",
       "the acts were unreasonable, as set out in the report \"Section 301 "
       "Investigation,\" which is online"}}},
    /* unnamed sources and trades */
    {"Buyers have booked fewer cargoes this month, traders and analysts said, raising doubts.",
     1,
     {{"traders and analysts", NULL, I, "said", "Buyers have booked fewer cargoes this month"}}},
    {"COFCO has bought 1.5 million tons, according to three trading sources.",
     1,
     {{"three trading sources", NULL, I, "according to", "COFCO has bought 1.5 million tons"}}},
    {"Brokers stepped in, according to traders familiar with the matter.",
     1,
     {{"traders familiar with the matter", NULL, I, "according to", "Brokers stepped in"}}},
    {"Strategists at Kestrel Securities wrote in a note that a \"full-blown escalation\" was "
     "unlikely.",
     1,
     {{"Strategists at Kestrel Securities", NULL, M, "wrote",
       "a \"full-blown escalation\" was unlikely"}}},
    /* a name with its acronym in brackets, then "the ministry" */
    {"China's Ministry of Industry and Information Technology (MIIT) said on Tuesday it would "
     "act. Later, the ministry said the move was \"a welcome step\" for firms.",
     2,
     {{"MIIT", "China", I, "said", "it would act"},
      {"MIIT", "China", M, "said", "the move was \"a welcome step\" for firms"}}},
    {"Bessent said: \"We will respond.\n\n\"Nobody wants a trade war.\"",
     1,
     {{"Scott Bessent", "US Treasury", D, "said",
       "We will respond.\n\n\"Nobody wants a trade war."}}},
    {"Speaking to reporters, Bessent said:\n\n\"We will respond.\n\n\"Nobody wants this.\"",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "We will respond.\n\n\"Nobody wants this."}}},
    {"Jane Smith, an economist, spoke to us.\n\nQ: Will it last?\n\nA: I doubt it. Nobody "
     "trusts it.",
     1,
     {{"Jane Smith", NULL, D, "", "I doubt it. Nobody trusts it."}}},
    {"Jane Smith, an economist at Capital Economics, said prices would rise.\n\n"
     "\"Nobody wins a trade war.\"",
     2,
     {{"Jane Smith", NULL, I, "said", "prices would rise"},
      {"Jane Smith", NULL, D, "", "Nobody wins a trade war."}}},
    /* reported speech */
    {"Bessent said that negotiations remain a possibility.",
     1,
     {{"Scott Bessent", "US Treasury", I, "said", "negotiations remain a possibility"}}},
    {"Bessent said negotiations remain a possibility.",
     1,
     {{"Scott Bessent", "US Treasury", I, "said", "negotiations remain a possibility"}}},
    {"Negotiations remain a possibility, Bessent said.",
     1,
     {{"Scott Bessent", "US Treasury", I, "said", "Negotiations remain a possibility"}}},
    {"Negotiations remain a possibility, said Bessent.",
     1,
     {{"Scott Bessent", "US Treasury", I, "said", "Negotiations remain a possibility"}}},
    {"The controls will hurt growth, according to Jane Smith.",
     1,
     {{"Jane Smith", NULL, I, "according to", "The controls will hurt growth"}}},
    {"According to a spokesperson for the Chinese Commerce Ministry, the controls are lawful.",
     1,
     {{"a spokesperson for the Chinese Commerce Ministry", "MOFCOM", I, "according to",
       "the controls are lawful"}}},
    {"Naoise McDonagh, a lecturer at Edith Cowan University, noted that the controls were "
     "broad.",
     1,
     {{"Naoise McDonagh", NULL, I, "noted", "the controls were broad"}}},
    {"Prof. Sophia Kalantzakos from New York University argued that the controls were a "
     "signal.",
     1,
     {{"Sophia Kalantzakos", NULL, I, "argued", "the controls were a signal"}}},
    {"He Yadong, a spokesperson for the ministry, told reporters that China opposes the "
     "tariffs.",
     1,
     {{"He Yadong", "MOFCOM", I, "told", "China opposes the tariffs"}}},
    {"The Commerce Ministry said on Thursday it would respond.",
     1,
     {{"The Commerce Ministry", "MOFCOM", I, "said", "it would respond"}}},
    {"\"We will see,\" Bessent said, adding that talks would continue.",
     2,
     {{"Scott Bessent", "US Treasury", D, "said", "We will see"},
      {"Scott Bessent", "US Treasury", I, "adding", "talks would continue"}}},
    {"Another analyst, Mark O\u2019Donnell of Southern Cross Advisory, was cautious. \"It "
     "will take years,\" he said.",
     1,
     {{"Mark O\u2019Donnell", NULL, D, "said", "It will take years"}}},
    {"Commissioner for Trade and Economic Security Jane Smith said: \"We chose calm.\"",
     1,
     {{"Jane Smith", NULL, D, "said", "We chose calm."}}},
    /* portfolio words end like nouns, names do not */
    {"Executive Vice-President for Prosperity and Industrial Strategy Jane Smith said: \"We "
     "chose calm.\"",
     1,
     {{"Jane Smith", NULL, D, "said", "We chose calm."}}},
    /* a press release's office-holders speak for its issuer */
    {"BRUSSELS - The Ministry of Commerce today announced new rules.\n\nDeputy Director "
     "Jane Smith said: \"We chose calm.\"",
     1,
     {{"Jane Smith", "MOFCOM", D, "said", "We chose calm."}}},
    /* answers labelled with the interviewee's name */
    {"According to Jane Smith, exports will fall.\n\nTPM: Will it last?\n\nSmith: I doubt "
     "it. Nobody trusts it.",
     2,
     {{"Jane Smith", NULL, I, "according to", "exports will fall"},
      {"Jane Smith", NULL, D, "", "I doubt it. Nobody trusts it."}}},
    {"Bessent, speaking on NBC's \"Meet the Press\" on Sunday, said the talks went well.",
     1,
     {{"Scott Bessent", "US Treasury", I, "said", "the talks went well"}}},
    {"According to people familiar with the matter, the talks will resume next month.",
     1,
     {{"people familiar with the matter", NULL, I, "according to",
       "the talks will resume next month"}}},
    {"Jane Smith said the deal removed a risk but warned that the rate was still high.",
     2,
     {{"Jane Smith", NULL, I, "said", "the deal removed a risk"},
      {"Jane Smith", NULL, I, "warned", "the rate was still high"}}},
    {"BEIJING - China will lift some tariffs, the Commerce Ministry said on Wednesday, but "
     "will keep others.",
     1,
     {{"the Commerce Ministry", "MOFCOM", I, "said", "China will lift some tariffs"}}},
    {"Tariffs will rise on Friday, Trump wrote, adding that the date could move.",
     2,
     {{"Donald Trump", "White House", I, "wrote", "Tariffs will rise on Friday"},
      {"Donald Trump", "White House", I, "adding", "the date could move"}}},
    {"Analysts said the moves restored calm. Buyers were still waiting, traders said.",
     2,
     {{"analysts", NULL, I, "said", "the moves restored calm"},
      {"traders", NULL, I, "said", "Buyers were still waiting"}}},
    {"Trump told business leaders at the Asia-Pacific Economic Cooperation CEO summit on "
     "Wednesday that a deal was close.",
     1,
     {{"Donald Trump", "White House", I, "told", "a deal was close"}}},
    /* mixed */
    {"Jane Smith said the controls would \"shock the system\" by targeting supply chains.",
     1,
     {{"Jane Smith", NULL, M, "said",
       "the controls would \"shock the system\" by targeting "
       "supply chains"}}},
    {"Jane Smith said the talks failed. Their importance \"is huge,\" she stated.",
     2,
     {{"Jane Smith", NULL, I, "said", "the talks failed"},
      {"Jane Smith", NULL, M, "stated", "Their importance \"is huge,\""}}},
    {"On Thursday, a spokesperson for the Chinese Commerce Ministry retorted that after the "
     "talks in Madrid, \"the US side introduced 20 measures.\"",
     1,
     {{"a spokesperson for the Chinese Commerce Ministry", "MOFCOM", D, "retorted",
       "the US side introduced 20 measures."}}},
    /* speakers resolved */
    {"Marina Zhang, a researcher at the University of Technology Sydney, stated that Beijing "
     "dominates processing.\n\nMs. Zhang added that the gap is wide.",
     2,
     {{"Marina Zhang", NULL, I, "stated", "Beijing dominates processing"},
      {"Marina Zhang", NULL, I, "added", "the gap is wide"}}},
    {"Jiao Yang from Singapore Management University believes that Beijing holds the upper "
     "hand.\n\nProf. Jiao suggested that the US could lower tariffs.",
     2,
     {{"Jiao Yang", NULL, I, "believes", "Beijing holds the upper hand"},
      {"Jiao Yang", NULL, I, "suggested", "the US could lower tariffs"}}},
    {"Speaking to the BBC, Alicia Garcia Herrero, chief economist at Natixis, said the controls "
     "would hurt.\n\nMs. Garcia Herrero further noted that Europe had few alternatives.",
     2,
     {{"Alicia Garcia Herrero", NULL, I, "said", "the controls would hurt"},
      {"Alicia Garcia Herrero", NULL, I, "noted", "Europe had few alternatives"}}},
    {"Bessent spoke in Madrid.\n\n\"I am optimistic,\" he said.",
     1,
     {{"Scott Bessent", "US Treasury", D, "said", "I am optimistic"}}},
    /* "the ministry": the one named before, as first named */
    {"China's Ministry of Commerce issued new rules.\n\nThe ministry said in a statement that "
     "the rules protect security.",
     1,
     {{"China's Ministry of Commerce", "MOFCOM", I, "said", "the rules protect security"}}},
    {"John Carter joined the firm in 2019.\n\nMr. Carter said the outlook was poor.",
     1,
     {{"John Carter", NULL, I, "said", "the outlook was poor"}}},
    {"The Ministry of Commerce on Thursday announced that it would curb exports.",
     1,
     {{"The Ministry of Commerce", "MOFCOM", I, "announced", "it would curb exports"}}},
    {"The EU's trade commissioner, Maros Sefcovic, said the bloc would respond.",
     1,
     {{"Maros Sefcovic", NULL, I, "said", "the bloc would respond"}}},
    {"China's Ministry of Commerce defended the controls, saying they were legitimate.",
     1,
     {{"China's Ministry of Commerce", "MOFCOM", I, "saying", "they were legitimate"}}},
    {"Treasury Secretary Scott Bessent told CNBC the tariffs would stay.",
     1,
     {{"Scott Bessent", "US Treasury", I, "told", "the tariffs would stay"}}},
    {"Bessent said the talks went well, while Jane Smith said that more work was needed.",
     2,
     {{"Scott Bessent", "US Treasury", I, "said", "the talks went well"},
      {"Jane Smith", NULL, I, "said", "more work was needed"}}},
    {"The two sides \"reached a consensus\" on tariffs, Bessent told reporters.",
     1,
     {{"Scott Bessent", "US Treasury", M, "told",
       "The two sides \"reached a consensus\" on tariffs"}}},
    /* no quote at all */
    {"Exports rose 8%, according to Chinese customs data.", 0, {{0}}},
    {"Despite accusing China of \"betrayal,\" Bessent has indicated that talks remain "
     "possible.",
     1,
     {{"Scott Bessent", "US Treasury", I, "indicated", "talks remain possible"}}},
    {"The ministry issued a document officially titled \"Announcement No. 62 of 2025.\"", 0, {{0}}},
    {"Experts have indicated to the BBC that the restrictions will give China an advantage.",
     0,
     {{0}}},
    {"However, analysts suggest that the economy is unlikely to be affected.", 0, {{0}}},
    {"Bessent did not say that talks would resume.", 0, {{0}}},
    {"At least 27 people have been killed in US strikes on alleged \"narco-boats\" in the "
     "Caribbean.",
     0,
     {{0}}},
    {"The president has defended the fee and said the programme was being abused.", 0, {{0}}},
    {"Officials said the tariffs would be lifted.", 0, {{0}}},
    {"In his speech on Monday, Trump said, the US would act.", 0, {{0}}},
    {"Bonds that investors say are safe rallied.", 0, {{0}}},
    /* transcripts: answers labelled with a full name, a name in capitals
     * with a title, then the surname; the questions are no quotes */
    {"He Yadong: We oppose the tariffs.",
     1,
     {{"He Yadong", "MOFCOM", D, "", "We oppose the tariffs."}}},
    {"JANE SMITH, TRADE MINISTER: We will act.\n\nJOURNALIST: Will you?\n\nSMITH: Yes, soon.",
     2,
     {{"Jane Smith", NULL, D, "", "We will act."}, {"Jane Smith", NULL, D, "", "Yes, soon."}}},
    {"Fact Sheet: The deal is done.", 0, {{0}}},
    /* a trade or group speaking as one */
    {"Some Mexican lawmakers said the measure was designed to please Washington.",
     1,
     {{"some Mexican lawmakers", NULL, I, "said", "the measure was designed to please Washington"}}},
    {"But Chinese and European carmakers say chip supplies are tight.",
     1,
     {{"Chinese and European carmakers", NULL, I, "say", "chip supplies are tight"}}},
    /* who is urged, and to do what */
    {"China's Ministry of Commerce welcomed the step. It urged Washington to \"act in good faith.\"",
     1,
     {{"China's Ministry of Commerce", "MOFCOM", M, "urged", "Washington to \"act in good faith.\""}}},
    {"Jane Marsh points out that retailers front-loaded imports.",
     1,
     {{"Jane Marsh", NULL, I, "points out", "retailers front-loaded imports"}}},
    /* what the person does, before the name */
    {"Marine clerk Rosa Delgado said she has started picking up shifts.",
     1,
     {{"Rosa Delgado", NULL, I, "said", "she has started picking up shifts"}}},
    {"Union officials back the plan, said union president Mike Brennan, \"but not on our backs.\"",
     1,
     {{"Mike Brennan", NULL, M, "said",
       "Union officials back the plan, said union president Mike Brennan, \"but not on our "
       "backs.\""}}},
    {"Port fees will be discussed, according to officials in both countries.",
     1,
     {{"officials in both countries", NULL, I, "according to", "Port fees will be discussed"}}},
    /* a role of a person of the country just mentioned */
    {"Australia will act. The Prime Minister said both countries would invest.",
     1,
     {{"The Prime Minister", "Australia", I, "said", "both countries would invest"}}},
    /* a person names something in their words */
    {"Bessent called it a win, a claim Jane Falk calls \"beside the point\".",
     1,
     {{"Jane Falk", NULL, M, "calls", "Jane Falk calls \"beside the point\""}}},
    /* a quotation after "report" that is no title */
    {"Bessent said the Treasury would study the report \"with great care\" this week.",
     1,
     {{"Scott Bessent", "US Treasury", M, "said",
       "the Treasury would study the report \"with great care\" this week"}}},
    /* a name with a comma inside, then "the ministry" it is */
    {"South Korea's Ministry of Trade, Industry and Energy said that the licences are "
     "manageable. Yeo will travel to Washington, the ministry said.",
     2,
     {{"South Korea's Ministry of Trade, Industry and Energy", NULL, I, "said",
       "the licences are manageable"},
      {"South Korea's Ministry of Trade, Industry and Energy", NULL, I, "said",
       "Yeo will travel to Washington"}}},
    /* a long title with its own "of" and "for" after the verb */
    {"\"Chips will not be smuggled,\" said Under Secretary of Commerce for Industry and "
     "Security Jeffrey Kessler.",
     1,
     {{"Jeffrey Kessler", NULL, D, "said", "Chips will not be smuggled"}}},
    {"A WTO dispute panel ruled that the duties broke the rules.",
     1,
     {{"A WTO dispute panel", NULL, I, "ruled", "the duties broke the rules"}}},
};

static void test_pattern(void **state)
{
	const struct pattern *p = *state;
	struct run r;

	run_text(&r, p->input, strlen(p->input));
	for (size_t i = 0; i < r.n; i++)
		print_message("# %s | %s | %.*s\n", r.q[i].speaker, r.q[i].cue,
		              (int)(r.q[i].text.end - r.q[i].text.start),
		              r.d.text + r.q[i].text.start);
	assert_int_equal(r.n, p->n);
	for (size_t i = 0; i < p->n; i++) {
		const struct expect *e = &p->e[i];
		char *text = quote_text(&r, i);
		assert_string_equal(r.q[i].speaker, e->speaker);
		assert_int_equal(r.q[i].kind, e->kind);
		assert_string_equal(r.q[i].cue, e->cue);
		assert_string_equal(text, e->text);
		if (e->actor == NULL)
			assert_int_equal(r.q[i].actor, -1);
		else
			assert_string_equal(actor_name(r.q[i].actor), e->actor);
		free(text);
	}
	run_free(&r);
}

/* ---- the seed article ------------------------------------------------ */

struct seed_quote {
	const char *speaker;
	enum quote_kind kind;
	const char *words; /* a distinctive part of the text */
};

/* Issue 4, "Must hold" 1: the 22 quotes of the seed. */
static const struct seed_quote seed[] = {
    {"Scott Bessent", D, "This is China versus the world"},
    {"Scott Bessent", I, "negotiations remain a possibility"},
    {"Scott Bessent", D, "I believe China is open to discussion"},
    {"a spokesperson for the Chinese Commerce Ministry", D, "and despite repeated dissuasion"},
    {"Naoise McDonagh", M, "shock the system"},
    {"Naoise McDonagh", D, "The timing has really upset"},
    {"Naoise McDonagh", I, "Washington can also threaten China with additional trade"},
    {"Naoise McDonagh", M, "stop it dead in the water"},
    {"Naoise McDonagh", I, "willing to endure some pain"},
    {"Naoise McDonagh", D, "China can carry on"},
    {"Naoise McDonagh", D, "But if China cuts off"},
    {"Natasha Jha Bhaskar", I, "approximately 70% of the global supply"},
    {"Natasha Jha Bhaskar", M, "best immediate lever"},
    {"Marina Zhang", I, "dominance in global rare earth processing"},
    {"Marina Zhang", I, "vast talent pool"},
    {"Marina Zhang", I, "production infrastructure remains underdeveloped"},
    {"Marina Zhang", D, "Even if the US and all its allies"},
    {"Sophia Kalantzakos", I, "a very small part of China"},
    {"Sophia Kalantzakos", M, "is huge"},
    {"Sophia Kalantzakos", M, "getting its ducks in a row"},
    {"Jiao Yang", I, "may hold the upper hand"},
    {"Jiao Yang", I, "could offer to lower tariffs"},
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

static void test_seed(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	size_t len = 0, found = 0, matched = 0;
	bool used[64] = {false};
	struct run r;
	(void)state;

	snprintf(path, sizeof(path), "%s/tests/articles/seed-rare-earths.txt",
	         top != NULL ? top : ".");
	char *text = slurp(path, &len);
	if (text == NULL) {
		print_message("# no %s: skipped\n", path);
		skip();
	}
	run_text(&r, text, len);
	assert_true(r.n <= sizeof(used) / sizeof(used[0]));
	for (size_t e = 0; e < sizeof(seed) / sizeof(seed[0]); e++) {
		bool hit = false;
		for (size_t i = 0; i < r.n && !hit; i++) {
			char *words = quote_text(&r, i);
			hit = !used[i] && strcmp(r.q[i].speaker, seed[e].speaker) == 0 &&
			      r.q[i].kind == seed[e].kind && strstr(words, seed[e].words) != NULL;
			if (hit) {
				used[i] = true;
				matched++;
			}
			free(words);
		}
		if (!hit)
			print_message("# missed: %s: %s\n", seed[e].speaker, seed[e].words);
		found += hit;
	}
	for (size_t i = 0; i < r.n; i++)
		if (!used[i])
			print_message("# other: %s: %.*s\n", r.q[i].speaker,
			              (int)(r.q[i].text.end - r.q[i].text.start),
			              r.d.text + r.q[i].text.start);
	print_message("# seed: %zu of 22 found, %zu others\n", found, r.n - matched);
	assert_true(found >= 20);
	assert_true(r.n - matched <= 3);
	/* the spokesperson speaks for the ministry */
	for (size_t i = 0; i < r.n; i++)
		if (strncmp(r.q[i].speaker, "a spokesperson", 14) == 0)
			assert_string_equal(actor_name(r.q[i].actor), "MOFCOM");
	run_free(&r);
	free(text);
}

/* ---- hostile input --------------------------------------------------- */

static double cpu_seconds(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
}

/* Every quote lies in the text, in order, with its strings set. */
static void check_sane(const struct run *r)
{
	for (size_t i = 0; i < r->n; i++) {
		assert_non_null(r->q[i].speaker);
		assert_non_null(r->q[i].cue);
		assert_true(r->q[i].text.start < r->q[i].text.end);
		assert_true(r->q[i].text.end <= r->d.len);
	}
}

static void run_and_check(const char *text, size_t len)
{
	struct run r;
	run_text(&r, text, len);
	check_sane(&r);
	run_free(&r);
}

static void test_unbalanced(void **state)
{
	static const char *const texts[] = {
	    "\"",
	    "\u201C",
	    "\u201D said Bessent.",
	    "\"\"\" said \" Bessent said: \" \u201C \u201D \u201D",
	    "Bessent said: \u201CWe will\n\n\u201C\u201C\n\n\u201D,\" he",
	    "\u2018a \u2019 \u2018 \u201Cb\u2019\u201D, she said",
	    "said that \"\n\n, according to\n\nsaid Bessent, , said",
	    ", said Bessent. \"x,\" said . \"y,\" Bessent , said",
	    "He Yadong, , , said: \"",
	    "Ms. said that\n\nMs. Zhang said that\n\nshe said that.",
	    "\xE2\x80",
	    "\xC2",
	    "",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		run_and_check(texts[i], strlen(texts[i]));
}

/* Builds n bytes by repeating unit; the caller frees. */
static char *repeat(const char *unit, size_t n)
{
	size_t u = strlen(unit);
	char *s = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % u];
	s[n] = '\0';
	return s;
}

static void test_many_marks(void **state)
{
	static const char *const units[] = {
	    "\"",
	    "\u201C",
	    "\u201D",
	    "\"x,\" he said ",
	    "\u201Ca \u2018b, ",
	    "\"Q,\" Jane Smith said. ",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		/* ten thousand marks and more in one paragraph */
		char *s = repeat(units[i], 10000 * strlen(units[i]));
		run_and_check(s, strlen(s));
		free(s);
	}
}

/* Seconds to analyse n bytes of unit repeated in one paragraph. */
static double time_paragraph(const char *unit, size_t n)
{
	char *s = repeat(unit, n);
	double t = cpu_seconds();
	run_and_check(s, n);
	t = cpu_seconds() - t;
	free(s);
	return t;
}

static void test_long_paragraph(void **state)
{
	static const char *const units[] = {
	    "Jane Smith said that the talks, \u201Cwhich failed,\u201D were long and ",
	    "\u201Cthe ministry said the measure that he added, according to Ms. Smith ",
	    "word ",
	    "Mr. Carter, a lecturer, said: \"",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		/* one megabyte takes about sixteen times what 64 KB takes;
		 * anything quadratic would take 256 times */
		double small = time_paragraph(units[i], (size_t)64 * 1024);
		double large = time_paragraph(units[i], (size_t)1024 * 1024);
		print_message("# %zu: 64 KB %.3fs, 1 MB %.3fs\n", i, small, large);
		assert_true(large < 64 * small + 0.25);
	}
}

#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

int main(void)
{
	static struct CMUnitTest tests[NPATTERNS + 4];
	static char names[NPATTERNS][72];
	size_t n = 0;

	for (size_t i = 0; i < NPATTERNS; i++) {
		/* the input names its case, on one line as TAP wants */
		struct CMUnitTest t = cmocka_unit_test_prestate(test_pattern, (void *)&patterns[i]);
		snprintf(names[i], sizeof(names[i]), "%s", patterns[i].input);
		size_t len = strlen(names[i]);
		if (len < strlen(patterns[i].input)) {
			/* cut, but never in the middle of a character */
			while (len > 0 && ((unsigned char)names[i][len - 1] & 0xC0) == 0x80)
				len--;
			if (len > 0 && (unsigned char)names[i][len - 1] >= 0xC0)
				len--;
			names[i][len] = '\0';
		}
		for (char *c = names[i]; *c; c++)
			if (*c == '\n' || *c == '#')
				*c = ' ';
		t.name = names[i];
		tests[n++] = t;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_seed);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_unbalanced);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_many_marks);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_long_paragraph);
	return _cmocka_run_group_tests("quotes", tests, n, setup, teardown);
}
