/* Quotes: who said what, in their own words, in reported speech, or in
 * both at once.
 *
 * Each paragraph is cut once into tokens (words, punctuation, quotation
 * marks paired as they open and close) and into sentences, and each
 * sentence is read in order:
 *   1. a quotation looks for its speaker right next to it
 *      ("...," X said / said X / X said: "...");
 *   2. a cue verb outside quotation marks looks for its subject before
 *      it and a reported clause after it (X said that ..., ..., X said,
 *      according to X); quoted fragments in the clause make it mixed;
 *   3. a quotation still without a speaker takes the one of its paragraph
 *      (split quotes) or, when the paragraph is nothing but the quote,
 *      the one of the paragraph before, or the one a paragraph ending in
 *      "X said:" announced.
 * Every look is bounded by a few tokens, so the whole stays linear.
 *
 * Choices: a mixed quote's text is its whole reported clause, where the
 * quoted fragments keep their marks; a quotation that runs over
 * paragraphs (each opening again, none closing but the last) is one
 * quote; a quote that only continues the previous paragraph's speaker,
 * and an interview's answer ("A: ..."), have the cue "". */
#include "config.h"

#include "analyse/quotes.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/util.h"

/* ---- word lists ------------------------------------------------------ */

/* Cue verbs and what may follow them.  SAY: the reported clause may follow
 * with no "that"; OBJ: an object may stand before it ("told reporters
 * that"); ING: a participle that goes on with the sentence's speaker
 * ("..., adding that"); NODIRECT: never introduces a direct quote; OUT:
 * a cue only before "out" ("points out", not "percentage points");
 * NOTOUT: never before it ("ruled that", not "ruled out"). */
enum { CUE_SAY = 1, CUE_OBJ = 2, CUE_ING = 4, CUE_NODIRECT = 8, CUE_OUT = 16, CUE_NOTOUT = 32 };

struct cue {
	const char *word;
	unsigned flags;
};

static const struct cue cues[] = {
    {"acknowledged", 0},
    {"acknowledges", 0},
    {"added", 0},
    {"adding", CUE_ING},
    {"adds", 0},
    {"admits", 0},
    {"admitted", 0},
    {"agreed", 0},
    {"agrees", 0},
    {"announced", 0},
    {"announces", 0},
    {"argue", 0},
    {"argued", 0},
    {"argues", 0},
    {"arguing", CUE_ING},
    {"asked", CUE_OBJ},
    {"asks", CUE_OBJ},
    {"asserted", 0},
    {"asserts", 0},
    {"assured", CUE_OBJ},
    {"believe", CUE_NODIRECT},
    {"believed", CUE_NODIRECT},
    {"believes", CUE_NODIRECT},
    {"cautioned", CUE_OBJ},
    {"cautions", CUE_OBJ},
    {"claim", 0},
    {"claimed", 0},
    {"claims", 0},
    {"commented", 0},
    {"comments", 0},
    {"conceded", 0},
    {"concedes", 0},
    {"concluded", 0},
    {"confirmed", 0},
    {"confirms", 0},
    {"contended", 0},
    {"contends", 0},
    {"continued", 0},
    {"countered", 0},
    {"counters", 0},
    {"declared", 0},
    {"declares", 0},
    {"denied", 0},
    {"denies", 0},
    {"disclosed", 0},
    {"emphasised", 0},
    {"emphasises", 0},
    {"emphasized", 0},
    {"emphasizes", 0},
    {"estimated", 0},
    {"estimates", 0},
    {"expected", CUE_NODIRECT},
    {"expects", CUE_NODIRECT},
    {"explained", 0},
    {"explaining", CUE_ING},
    {"explains", 0},
    {"feared", CUE_NODIRECT},
    {"fears", CUE_NODIRECT},
    {"feels", CUE_NODIRECT},
    {"felt", CUE_NODIRECT},
    {"highlighted", 0},
    {"highlights", 0},
    {"indicated", 0},
    {"indicates", 0},
    {"informed", CUE_OBJ},
    {"insist", 0},
    {"insisted", 0},
    {"insisting", CUE_ING},
    {"insists", 0},
    {"maintained", 0},
    {"maintains", 0},
    {"mentioned", 0},
    {"mentions", 0},
    {"note", 0},
    {"noted", 0},
    {"notes", 0},
    {"noting", CUE_ING},
    {"observed", 0},
    {"observes", 0},
    {"pledged", 0},
    {"pointed", 0},
    {"points", CUE_OUT},
    {"pointing", CUE_ING},
    {"posted", 0},
    {"predicted", 0},
    {"predicts", 0},
    {"promised", 0},
    {"recalled", 0},
    {"recalls", 0},
    {"reckons", CUE_NODIRECT},
    {"reiterated", 0},
    {"ruled", CUE_NOTOUT},
    {"reiterates", 0},
    {"remarked", 0},
    {"replied", 0},
    {"replies", 0},
    {"responded", 0},
    {"retorted", 0},
    {"revealed", 0},
    {"said", CUE_SAY},
    {"say", CUE_SAY},
    {"saying", CUE_SAY | CUE_ING},
    {"says", CUE_SAY},
    {"signaled", 0},
    {"signalled", 0},
    {"stated", 0},
    {"states", 0},
    {"stressed", 0},
    {"stresses", 0},
    {"stressing", CUE_ING},
    {"suggest", 0},
    {"suggested", 0},
    {"suggesting", CUE_ING},
    {"suggests", 0},
    {"tells", CUE_OBJ},
    {"think", CUE_NODIRECT},
    {"thinks", CUE_NODIRECT},
    {"told", CUE_OBJ},
    {"tweeted", 0},
    {"underlined", 0},
    {"underscored", 0},
    {"urged", CUE_OBJ},
    {"urges", CUE_OBJ},
    {"vowed", 0},
    {"warned", CUE_OBJ},
    {"warning", CUE_ING},
    {"warns", CUE_OBJ},
    {"writes", 0},
    {"wrote", 0},
};

/* clang-format off */
/* Titles and descriptions cut from before a name ("US Treasury Secretary
 * Scott Bessent"), never part of one. */
static const char *const titles[] = {
    "president", "vice", "premier", "prime", "minister", "secretary", "chancellor",
    "senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor",
    "gov", "ambassador", "chairman", "chairwoman", "chair", "chairperson", "director",
    "director-general", "general", "spokesperson", "spokesman", "spokeswoman", "deputy",
    "chief", "executive", "officer", "commissioner", "mr", "mrs", "ms", "miss", "dr", "prof",
    "professor", "mayor", "king", "queen", "prince", "princess", "sheikh", "lord", "lady",
    "sir", "dame", "judge", "justice", "pope", "admiral", "adm", "gen", "lt", "col", "capt",
    "sgt", "rev", "hon", "economist", "analyst", "leader", "speaker", "adviser", "advisor",
    "envoy", "negotiator", "lawmaker", "councillor", "former", "acting", "senior", "top",
    "head", "founder", "co-founder", "trade", "commerce", "finance", "foreign", "defence",
    "defense", "state", "interior", "economic", "national", "security", "affairs",
    "treasury", "customs", "industry", "energy", "transport", "agriculture", "health",
    "labour", "labor", "education", "vice-president", "vice-premier", "president-elect",
    "presidential", "press", "assistant", "undersecretary", "under-secretary", "attorney",
    "managing", "partner", "strategist", "researcher", "lecturer", "fellow", "associate",
    "editor", "correspondent", "reporter", "colonel", "major", "captain", "lieutenant",
    "commander", "marshal", "opposition", "party", "federal", "central", "bank", "u.s",
    "chinese", "american", "british", "japanese", "korean", "south", "north", "indian",
    "australian", "european", "german", "french", "russian", "canadian", "mexican",
    "brazilian", "taiwanese", "italian", "spanish", "dutch", "swiss", "ukrainian", "israeli",
    "iranian", "saudi", "turkish", "vietnamese", "indonesian", "malaysian", "singaporean",
    "thai", "philippine", "filipino", "pakistani", "egyptian", "polish", "swedish",
    "norwegian", "danish", "finnish", "irish", "belgian", "austrian", "greek", "portuguese",
    "argentine", "chilean", "colombian", "nigerian", "kenyan", "emirati", "qatari", "expert",
    "specialist", "scholar", "academic", "consultant", "observer", "commentator", "historian",
    "scientist", "lawyer", "author", "columnist", "investor", "trader", NULL,
};

/* Words that make a name an organisation's ("Edith Cowan University"). */
static const char *const org_words[] = {
    "ministry", "department", "office", "agency", "commission", "council", "committee",
    "bureau", "administration", "authority", "authorities", "institute", "institution",
    "university", "college", "school", "academy", "centre", "center", "group", "bank",
    "fund", "corporation", "corp", "inc", "ltd", "company", "co", "association", "federation",
    "union", "organisation", "organization", "government", "house", "parliament",
    "congress", "senate", "court", "foundation", "society", "network", "news", "times",
    "post", "journal", "reuters", "bloomberg", "xinhua", "daily", "herald", "guardian",
    "telegraph", "tribune", "media", "capital", "partners", "securities", "holdings",
    "technologies", "motors", "airlines", "trust", "exchange", "board", "forum", "embassy",
    "consulate", "chamber", "command", "force", "army", "navy", "police", "service",
    "services", "team", "alliance", "coalition", "programme", "program", "project",
    "report", "index", "survey", "research", "economics", "analytics", "consulting",
    "advisors", "advisers", "associates", "cabinet", "tv", "radio", NULL,
};

/* Capitalised words that start sentences, not names. */
static const char *const stop_caps[] = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "we",
    "our", "i", "you", "he", "she", "his", "her", "some", "many", "most", "several", "both",
    "all", "other", "others", "such", "any", "each", "every", "no", "in", "on", "at", "for",
    "from", "with", "by", "to", "of", "and", "but", "or", "nor", "however", "meanwhile",
    "still", "yet", "so", "now", "also", "while", "although", "though", "as", "because",
    "since", "when", "if", "after", "before", "during", "despite", "under", "over", "last",
    "next", "earlier", "later", "separately", "instead", "indeed", "moreover", "then",
    "thus", "analysts", "experts", "officials", "critics", "observers", "economists",
    "sources", "reports", "data", "figures", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", NULL,
};

/* Head nouns of a described source ("a spokesperson for ...", "the
 * ministry"): who may speak for an actor without being named. */
static const char *const source_nouns[] = {
    "spokesperson", "spokespersons", "spokespeople", "spokesman", "spokesmen", "spokeswoman",
    "spokeswomen", "official", "officials", "ministry", "ministries", "department",
    "embassy", "consulate", "minister", "ministers", "secretary", "commission",
    "commissioner", "government", "administration", "office", "agency", "regulator",
    "regulators", "authorities", "council", "committee", "bureau", "representative",
    "representatives", "negotiator", "negotiators", "diplomat", "diplomats", "envoy",
    "ambassador", "president", "premier", "chancellor", "cabinet", "treasury", "customs",
    "leadership", "company", "firm", "bank", "group", "side", "panel", "tribunal", NULL,
};

/* Who speaks unnamed ("people familiar with the matter"). */
static const char *const anon_nouns[] = {
    "people", "person", "persons", "source", "sources", "insider", "insiders", NULL,
};

/* Who speak as a trade, no one in particular ("analysts said"). */
static const char *const crowd_nouns[] = {
    "analysts", "traders", "economists", "experts", "strategists", "investors", "observers",
    "critics", "dealers", "brokers", "bankers", "executives", NULL,
};

/* What is cited but does not speak ("according to customs data"). */
static const char *const data_nouns[] = {
    "data", "figures", "statistics", "estimate", "estimates", "calculations", "numbers",
    "survey", "surveys", "poll", "polls", "index", "records", "filings", "documents",
    "document", "report", "reports", "study", "studies", "analysis", "research", "forecast",
    "forecasts", "projections", "readout", "transcript", "filing", "notice", NULL,
};

/* Other lower-case words a speaker's description may hold. */
static const char *const describing[] = {
    "a", "an", "the", "its", "his", "her", "their", "for", "of", "at", "from", "in", "with",
    "on", "to", "and", "senior", "top", "chief", "deputy", "vice", "former", "acting",
    "foreign", "commerce", "trade", "finance", "financial", "economic", "defence", "defense",
    "state", "national", "federal", "central", "press", "executive", "general", "assistant",
    "principal", "lead", "head", "local", "regional", "provincial", "municipal", "another",
    "unnamed", "anonymous", "affairs", "security", "industry", "information", "commercial",
    "international", "public", "team", "transport", "energy", "agriculture", "health",
    "justice", "labour", "labor", "interior", "current", "new", "outgoing", "incoming",
    "two", "three", "several", "joint", "familiar", "matter", "talks", "discussions",
    "negotiations", "knowledge", "involved", "briefed", "close", "trade-related", "both",
    "countries", "sides", "governments", "dispute", "arbitration", NULL,
};

/* Words cut from the front of a subject ("But Bessent said"). */
static const char *const connectives[] = {
    "and", "but", "yet", "so", "while", "although", "though", "as", "because", "since",
    "when", "if", "however", "meanwhile", "still", "now", "also", "then", "instead",
    "indeed", "separately", "moreover", "furthermore", "nonetheless", "nevertheless",
    "thus", "hence", "where", "whereas", NULL,
};

/* Between a subject and its verb ("Bessent has also said"). */
static const char *const auxiliaries[] = {
    "has", "have", "had", "also", "would", "will", "could", "may", "might", "did", "does",
    "do", "then", "once", "again", "later", "earlier", "long", "since", "even", "just",
    "always", "already", "often", "yesterday", "today", "tonight", "further", "meanwhile",
    "however", "too", "himself", "herself", NULL,
};

/* What may follow a verb before "that" or the end of an attribution
 * ("said in a statement", "wrote on Truth Social", "said Thursday"). */
static const char *const complements[] = {
    "in", "on", "at", "to", "during", "after", "before", "from", "with", "via", "through",
    "over", "under", "while", "when", "as", "ahead", "late", "last", "this", "earlier",
    "later", "early", "yesterday", "today", "tonight", "again", "also", "afterwards", "then",
    "once", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "in-person", "privately", NULL,
};

/* Words that end such a complement ("in a statement", "on Thursday"),
 * after which a clause may start with no "that". */
static const char *const complement_ends[] = {
    "statement", "statements", "interview", "briefing", "conference", "call", "post",
    "speech", "email", "broadcast", "address", "meeting", "summit", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "month",
    "year", "morning", "afternoon", "evening", "night", "today", "yesterday", "tonight",
    "earlier", "later", NULL,
};

/* Words that end the head of a speaker's name or description. */
static const char *const modifiers[] = {
    "from", "of", "at", "with", "in", "for", "on", "who", "whose", "which", "to", "and",
    NULL,
};

/* Words that join a name ("Ursula von der Leyen"). */
static const char *const particles[] = {
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la", "bin",
    "al", "ter", "y", "dos", "das", NULL,
};

/* Verbs that start a clause of their own. */
static const char *const finite_verbs[] = {
    "would", "will", "could", "should", "can", "may", "might", "must", "is", "are", "was",
    "were", NULL,
};

/* Abbreviations that keep their full stop ("Ms. Zhang"). */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt",
    "col", "capt", "sgt", "rev", "adm", "hon", "messrs", "mt", "ft", "no", "nos", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "est", "approx", NULL,
};
/* clang-format on */

/* ---- the word table -------------------------------------------------- */

/* Every list above in one hash table, built once: a word's classes. */
enum {
	W_TITLE = 1 << 0,
	W_ORG = 1 << 1,
	W_STOPCAP = 1 << 2,
	W_SOURCE = 1 << 3,
	W_DESCRIBING = 1 << 4,
	W_CONNECTIVE = 1 << 5,
	W_AUX = 1 << 6,
	W_COMPLEMENT = 1 << 7,
	W_COMPLEMENT_END = 1 << 8,
	W_MODIFIER = 1 << 9,
	W_PARTICLE = 1 << 10,
	W_ABBREV = 1 << 11,
	W_CUE = 1 << 12,
	W_DATA = 1 << 13,
	W_ANON = 1 << 14,
	W_CROWD = 1 << 15
};

struct entry {
	const char *word; /* small letters; NULL: a free slot */
	size_t len;
	unsigned classes;
	unsigned flags; /* a cue's CUE_* */
	/* words of up to SHORT_WORD bytes: their ends as word_ends reads
	 * them, and 0x20 in the bytes of letters, which match in any case */
	uint64_t head, tail;
	uint64_t head_fold, tail_fold;
};

#define TABLE_BITS 11
#define TABLE_SIZE (1 << TABLE_BITS) /* over twice the words */
#define MAX_WORD   32   /* no listed word is longer */

/* Byte classes for the tokenizer.  B_WORD: a byte that simply goes on a
 * word (letters, digits, UTF-8 other than the leads of marks).  B_END:
 * ASCII punctuation that always ends a word of letters (word_glue keeps
 * apostrophes, hyphens, slashes and full stops). */
enum {
	B_SPACE = 1,
	B_UPPER = 2,
	B_LOWER = 4,
	B_DIGIT = 8,
	B_OTHER = 16,
	B_END = 32,
	B_ALNUM = B_UPPER | B_LOWER | B_DIGIT,
	B_WORD = B_ALNUM | B_OTHER
};

static unsigned char byte_class[256];
static struct entry table[TABLE_SIZE];
static uint32_t cue_bloom[32]; /* one bit per cue's hash: most words miss */
/* Per first letter, a bit per length of the cues that start with it:
 * "the", "and", "that" are no cue's shape, and need no hash. */
static uint32_t cue_shape[26];
/* And a bit per second letter, and per last letter, of those cues. */
static uint32_t cue_second[26], cue_last[26];
/* Per first byte, a bit per length of the words read_sentence must look
 * at: a cue's first letter and length, in small letters, and
 * "according" in any case. */
static uint32_t candidate_shape[256];
static size_t abbrev_max; /* letters of the longest abbreviation */
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static unsigned char lower_ascii(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool is_letter_ascii(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* FNV-1a of the word (whose letters the table keeps small). */
static uint32_t hash_word(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The table's hash of the word s of n > 0 bytes, in any case: of its
 * length and three of its bytes, so that a lookup reads no more of a
 * word than it compares.  The bytes | 0x20: a capital as its small
 * letter, as the table's words are all small. */
static uint32_t table_hash(const char *s, size_t n)
{
	uint32_t first = (unsigned char)s[0] | 0x20u, mid = (unsigned char)s[n / 2] | 0x20u;
	uint32_t last = (unsigned char)s[n - 1] | 0x20u;
	uint32_t h = (uint32_t)n | first << 8 | mid << 16 | last << 24;
	return (h * 2654435761u) >> (32 - TABLE_BITS);
}

#define SHORT_WORD 16 /* bytes word_ends reads whole */

/* The first and the last min(n, 8) bytes of s, 0 < n <= SHORT_WORD, as
 * numbers: together all its bytes, and no byte after them read. */
static inline void word_ends(const char *s, size_t n, uint64_t *head, uint64_t *tail)
{
	if (n >= 8) {
		memcpy(head, s, 8);
		memcpy(tail, s + n - 8, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		*head = a;
		*tail = b;
	} else if (n >= 2) {
		uint16_t a, b;
		memcpy(&a, s, 2);
		memcpy(&b, s + n - 2, 2);
		*head = a;
		*tail = b;
	} else {
		*head = *tail = (unsigned char)s[0];
	}
}

/* Is the entry e the short word of ends head and tail, in any case?  A
 * byte | 0x20 is a letter's small one, and never a capital of the
 * table's word: as lower_ascii compares. */
static inline bool same_ends(const struct entry *e, uint64_t head, uint64_t tail)
{
	return (head | e->head_fold) == e->head && (tail | e->tail_fold) == e->tail;
}

/* Is the table's word w (small letters) the n bytes s, in any case? */
static bool same_word(const char *w, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)w[i] != lower_ascii((unsigned char)s[i]))
			return false;
	return true;
}

/* The slot of s (in any case), or the free one where it goes. */
static struct entry *slot_of(const char *s, size_t n)
{
	uint64_t head = 0, tail = 0;
	bool short_word = n <= SHORT_WORD;
	if (short_word)
		word_ends(s, n, &head, &tail);
	for (size_t i = table_hash(s, n);; i = (i + 1) & (TABLE_SIZE - 1)) {
		struct entry *e = &table[i];
		if (e->word == NULL)
			return e;
		if (e->len == n &&
		    (short_word ? same_ends(e, head, tail) : same_word(e->word, s, n)))
			return e;
	}
}

static void table_add(const char *w, unsigned classes, unsigned flags)
{
	size_t n = strlen(w);
	struct entry *e = slot_of(w, n);
	e->word = w;
	e->len = n;
	e->classes |= classes;
	e->flags |= flags;
	if (n <= SHORT_WORD) {
		char fold[SHORT_WORD];
		for (size_t i = 0; i < n; i++)
			fold[i] = is_letter_ascii((unsigned char)w[i]) ? 0x20 : 0;
		word_ends(w, n, &e->head, &e->tail);
		word_ends(fold, n, &e->head_fold, &e->tail_fold);
	}
}

static void build_byte_classes(void)
{
	for (unsigned c = 0; c < 256; c++) {
		unsigned char b = 0;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
			b = B_SPACE;
		else if (c >= 'A' && c <= 'Z')
			b = B_UPPER;
		else if (c >= 'a' && c <= 'z')
			b = B_LOWER;
		else if (c >= '0' && c <= '9')
			b = B_DIGIT;
		else if ((c >= 0x80 && c != 0xC2 && c != 0xE2) || c == '$' || c == '%' ||
		         c == '&' || c == '_' || c == '@' || c == '#')
			b = B_OTHER;
		else if (c < 0x80 && c != '\'' && c != '-' && c != '/' && c != '.')
			b = B_END;
		byte_class[c] = b;
	}
}

/* The place of the letter c in the alphabet, in any case; 31 for any
 * other byte, which no cue holds. */
static unsigned letter_bit(char c)
{
	unsigned char l = (unsigned char)(c | 0x20);
	return l >= 'a' && l <= 'z' ? (unsigned)(l - 'a') : 31;
}

static void build_table(void)
{
	build_byte_classes();
	static const struct {
		const char *const *words;
		unsigned class;
	} lists[] = {
	    {titles, W_TITLE},
	    {org_words, W_ORG},
	    {stop_caps, W_STOPCAP},
	    {source_nouns, W_SOURCE},
	    {describing, W_DESCRIBING},
	    {connectives, W_CONNECTIVE},
	    {auxiliaries, W_AUX},
	    {complements, W_COMPLEMENT},
	    {complement_ends, W_COMPLEMENT_END},
	    {modifiers, W_MODIFIER},
	    {particles, W_PARTICLE},
	    {abbreviations, W_ABBREV},
	    {data_nouns, W_DATA},
	    {anon_nouns, W_ANON},
	    {crowd_nouns, W_CROWD},
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (const char *const *w = lists[i].words; *w != NULL; w++)
			table_add(*w, lists[i].class, 0);
	for (const char *const *w = abbreviations; *w != NULL; w++)
		if (strlen(*w) > abbrev_max)
			abbrev_max = strlen(*w);
	for (size_t i = 0; i < sizeof(cues) / sizeof(cues[0]); i++) {
		uint32_t h = hash_word(cues[i].word, strlen(cues[i].word));
		table_add(cues[i].word, W_CUE, cues[i].flags);
		cue_bloom[(h >> 5) & 31] |= 1u << (h & 31);
		size_t n = strlen(cues[i].word);
		unsigned char first = (unsigned char)(cues[i].word[0] | 0x20);
		if (first >= 'a' && first <= 'z' && n < 32) {
			cue_shape[first - 'a'] |= 1u << n;
			cue_second[first - 'a'] |= 1u << letter_bit(cues[i].word[1]);
			cue_last[first - 'a'] |= 1u << letter_bit(cues[i].word[n - 1]);
			candidate_shape[first] |= 1u << n;
		}
	}
	candidate_shape['a'] |= 1u << strlen("according");
	candidate_shape['A'] |= 1u << strlen("according");
}

/* The entry of the word s in any case, or NULL. */
static const struct entry *lookup(const char *s, size_t n)
{
	if (n == 0 || n >= MAX_WORD)
		return NULL;
	const struct entry *e = slot_of(s, n);
	return e->word != NULL ? e : NULL;
}

/* The classes of the word s, in any case: 0 when in no list. */
static unsigned word_class(const char *s, size_t n)
{
	const struct entry *e = lookup(s, n);
	return e != NULL ? e->classes : 0;
}

/* ---- tokens ---------------------------------------------------------- */

enum tok_kind { TK_WORD, TK_PUNCT, TK_OPEN, TK_CLOSE };

enum {
	TF_CAP = 1,    /* a word that starts with a capital */
	TF_LOWER = 2,  /* a word that starts with a small letter */
	TF_INQ = 4,    /* inside a quotation */
	TF_ABBR = 8,   /* its full stop belongs to it: "Ms." */
	TF_USED = 16,  /* a cue already given to a quote */
	TF_END = 32,   /* ends a sentence */
	TF_ACRO = 64,  /* all capitals: "US", "MOFCOM" */
	TF_DIGIT = 128 /* holds a digit */
};

struct tok {
	size_t start, end; /* bytes in the text */
	int quote;         /* marks: the quotation they open or close */
	unsigned char kind;
	unsigned char flags;
	char punct;         /* TK_PUNCT: the character, '-' for dashes */
	bool classed;       /* classes looked up */
	unsigned short cls; /* the word's classes (W_*), once looked up */
};

/* A quotation: its marks as token indexes. */
struct qspan {
	size_t open;
	size_t close; /* the closing mark, or the paragraph's token count */
	bool closed;
	bool done; /* attributed, or left as no quote */
};

/* A speaker met in the article. */
struct who {
	char *name;
	int actor;
	bool person;
	char head[24]; /* a source's head noun, in small letters: "ministry" */
};

enum context { CTX_START, CTX_INTRO, CTX_EMBEDDED };

/* A word of a person's name in actors.conf. */
struct name_word {
	const char *word; /* in the name, ended by a space or its end */
	size_t len;
	const struct person *person;
	int actor;
};

/* actors_person's answer for a name in the text: an article asks it of
 * the same names again and again. */
#define PERSON_MEMO 64  /* entries, a power of two */
#define MAX_PERSON  160 /* bytes of a name asked of, with its NUL */

struct person_memo {
	size_t start, len; /* the name in the text */
	const struct person *person;
	int actor;
	bool used;
};

struct qstate {
	const char *t;
	const struct actors *a;
	const struct mention *m;
	size_t nm;
	struct person_memo *memo; /* PERSON_MEMO of them */

	struct tok *tok;
	size_t ntok, tokcap;
	struct qspan *q;
	size_t nq, qcap;
	size_t *sent; /* sentence ends, one past their last token */
	size_t nsent, sentcap;
	size_t *stop; /* the full stops, "!" and "?" among the tokens */
	size_t nstop, stopcap;
	/* the words outside quotes that may be a cue or "according": all
	 * that read_sentence need look at */
	size_t *cand;
	size_t ncand, candcap;
	size_t cand_next; /* the first one of the sentence read */
	bool name_words_read; /* name_words listed */

	struct who *who;
	size_t nwho, whocap;
	int last_person, last_source;
	int sent_who;     /* the last speaker of this sentence */
	int sent_subject; /* who this sentence starts with */
	int para_who;     /* the last speaker of this paragraph */
	char para_cue[32];
	int prev_para_who;      /* of the previous paragraph's last quote */
	int para_last_who;      /* the speaker of the paragraph's last quote */
	size_t para_last_start; /* where that quote starts */
	int carry_who;          /* an unclosed quote goes on in the next paragraph */
	char carry_cue[32];
	size_t carry_out; /* the output quote that goes on, or SIZE_MAX */
	size_t extended;  /* the one this paragraph went on with, or SIZE_MAX */
	bool pending;     /* an unclosed quote still without speaker */
	struct span pending_span;
	unsigned searches; /* text searches for first names made */
	int interviewee;   /* who answers an interview's questions */
	int issuer;        /* the actor a press release is from, or -1 */
	size_t paragraphs; /* read so far */

	struct quote *out;
	size_t nout, outcap;

	/* the words of the names of actors.conf's people, in their order,
	 * once conf_by_word first needs them */
	struct name_word *name_words;
	size_t nname_words;
};

#define MAX_SUBJECT     16    /* words in a subject */
#define MAX_APPOSITIVE  24    /* words between the commas of an appositive */
#define MAX_COMPLEMENT  10    /* words between a verb and "that" */
#define MAX_TO_THAT     16    /* the same, after an audience or a place */
#define MAX_ATTRIBUTION 20    /* tokens after a quote to its verb */
#define RECENT_WHO      128   /* speakers compared when resolving a name */
#define MAX_SEARCHES    32    /* first-name searches per article */
#define SEARCH_WINDOW   65536 /* bytes searched back for a first name */

static bool is_upper_ascii(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower_ascii(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_alnum_ascii(unsigned char c)
{
	return is_upper_ascii(c) || is_lower_ascii(c) || (c >= '0' && c <= '9');
}

/* Quotation marks and the punctuation the tokenizer must see inside
 * UTF-8: their kind, and how many bytes they take at t[i]. */
enum mark {
	MK_NONE,
	MK_OPEN2,    /* “ « */
	MK_CLOSE2,   /* ” » */
	MK_STRAIGHT, /* " */
	MK_OPEN1,    /* ‘ */
	MK_CLOSE1,   /* ’ (or an apostrophe) */
	MK_DASH,     /* — – */
	MK_ELLIPSIS, /* … */
	MK_SPACE     /* no-break and thin spaces */
};

static enum mark mark_at(const char *t, size_t i, size_t end, size_t *len)
{
	const unsigned char *u = (const unsigned char *)t + i;
	*len = 1;
	if (u[0] == '"')
		return MK_STRAIGHT;
	if (u[0] == 0xC2 && end - i >= 2) {
		*len = 2;
		if (u[1] == 0xAB)
			return MK_OPEN2;
		if (u[1] == 0xBB)
			return MK_CLOSE2;
		if (u[1] == 0xA0)
			return MK_SPACE;
		return MK_NONE;
	}
	if (u[0] != 0xE2 || end - i < 3)
		return MK_NONE;
	*len = 3;
	if (u[1] == 0x80) {
		switch (u[2]) {
		case 0x9C:
			return MK_OPEN2;
		case 0x9D:
			return MK_CLOSE2;
		case 0x98:
			return MK_OPEN1;
		case 0x99:
			return MK_CLOSE1;
		case 0x93:
		case 0x94:
			return MK_DASH;
		case 0xA6:
			return MK_ELLIPSIS;
		case 0x89:
		case 0xAF:
			return MK_SPACE;
		default:
			return MK_NONE;
		}
	}
	return MK_NONE;
}

/* A word's first letter: capital, small, or neither (digits, CJK). */
static unsigned char letter_case(const char *t, size_t i, size_t end)
{
	const unsigned char *u = (const unsigned char *)t + i;
	if (is_upper_ascii(u[0]))
		return TF_CAP;
	if (is_lower_ascii(u[0]))
		return TF_LOWER;
	if (u[0] == 0xC3 && end - i >= 2) /* Latin-1: À-Þ capitals, ß-ÿ small */
		return u[1] <= 0x9E ? TF_CAP : TF_LOWER;
	if ((u[0] == 0xC4 || u[0] == 0xC5) && end - i >= 2) {
		/* Latin Extended-A: capital and small in pairs, whose parity
		 * turns at U+0139 and U+0179 */
		unsigned cp = ((unsigned)u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
		if (cp == 0x178)
			return TF_CAP;
		return (cp % 2 == 1) == odd_capitals ? TF_CAP : TF_LOWER;
	}
	return 0;
}

/* Makes room for one more token: the rare path of push_tok. */
static void grow_toks(struct qstate *st)
{
	st->tokcap = st->tokcap ? st->tokcap * 2 : 256;
	st->tok = xrealloc(st->tok, st->tokcap * sizeof(*st->tok));
}

static inline struct tok *push_tok(struct qstate *st, size_t start, size_t end, enum tok_kind kind,
                                   char punct)
{
	if (st->ntok == st->tokcap)
		grow_toks(st);
	struct tok *k = &st->tok[st->ntok++];
	*k = (struct tok){
	    .start = start, .end = end, .quote = -1, .kind = (unsigned char)kind, .punct = punct};
	return k;
}

/* Does the word [start, i) keep the full stop at i? */
static bool keeps_stop(const char *t, size_t start, size_t i)
{
	size_t len = i - start;
	if (len == 1 && is_upper_ascii((unsigned char)t[start]))
		return true; /* an initial */
	if (memchr(t + start, '.', len) != NULL)
		return true; /* U.S. */
	if (len > abbrev_max)
		return false; /* most words before a full stop, at no lookup */
	return (word_class(t + start, len) & W_ABBREV);
}

/* mark_at for any byte, with no call for ASCII, of which only " is a
 * mark. */
static inline enum mark mark_of(const char *t, size_t i, size_t end, size_t *len)
{
	unsigned char c = (unsigned char)t[i];
	if (c == 0xC2 || c == 0xE2)
		return mark_at(t, i, end, len);
	*len = 1;
	return c == '"' ? MK_STRAIGHT : MK_NONE;
}

/* How many bytes from i, neither a word's nor a space, the word [start,
 * i) goes on with: 0 when it ends at i.  Apostrophes and hyphens between
 * letters, and full stops of abbreviations and numbers, belong to it;
 * *abbr is set when a full stop of its own ends it. */
static size_t word_glue(const char *t, size_t start, size_t i, size_t end, bool *abbr,
                        unsigned *acc)
{
	unsigned char c = (unsigned char)t[i];
	size_t len;
	enum mark mk = mark_of(t, i, end, &len);
	unsigned next = i + len < end ? byte_class[(unsigned char)t[i + len]] : 0;
	bool next_alnum = (next & B_ALNUM) || (i + len < end && (unsigned char)t[i + len] >= 0xC3);
	if (mk == MK_CLOSE1 || c == '\'')
		return next_alnum ? len : 0;
	if (mk != MK_NONE)
		return 0;
	if (c == 0xC2 || c == 0xE2) {
		*acc |= B_OTHER;
		return 1;
	}
	if (c == '-' || c == '/')
		return next_alnum ? 1 : 0;
	if (c == '.' || c == ',') {
		/* 3.5, 1,000, U.S. inside; Ms. at the end */
		if (next_alnum && (c == '.' || (byte_class[(unsigned char)t[i - 1]] & B_DIGIT)))
			return 1;
		if (c == '.' && keeps_stop(t, start, i)) {
			*abbr = true;
			return 1;
		}
	}
	return 0;
}

/* Scans on the word that starts at start, its bytes before i read;
 * returns its end and ORs the classes of its bytes into *bytes (those
 * of the bytes before i on entry).  fenced: t[end - 1] is no word's
 * byte, so that runs of word bytes stop before end with no test of it. */
static size_t scan_word(const char *t, size_t start, size_t i, size_t end, bool fenced, bool *abbr,
                        unsigned *bytes)
{
	unsigned acc = *bytes;
	*abbr = false;
	for (;;) {
		unsigned b = 0;
		if (fenced) {
			while ((b = byte_class[(unsigned char)t[i]]) & B_WORD) {
				acc |= b;
				i++;
			}
		} else {
			while (i < end && ((b = byte_class[(unsigned char)t[i]]) & B_WORD)) {
				acc |= b;
				i++;
			}
		}
		if (i == end || (b & B_SPACE))
			break; /* how most words end */
		size_t n = word_glue(t, start, i, end, abbr, &acc);
		i += n;
		if (n == 0 || *abbr || i == end)
			break;
	}
	*bytes = acc;
	return i;
}

/* The flags of the word [start, end), whose first byte has class first
 * and whose bytes together the classes bytes. */
static inline unsigned char word_flags(const char *t, size_t start, size_t end, unsigned first,
                                       unsigned bytes)
{
	unsigned char f = first & B_UPPER   ? TF_CAP
	                  : first & B_LOWER ? TF_LOWER
	                                    : letter_case(t, start, end);
	if (bytes & B_DIGIT)
		f |= TF_DIGIT;
	if ((bytes & B_UPPER) && !(bytes & B_LOWER) && end - start >= 2)
		f |= TF_ACRO;
	return f;
}

/* ---- quotations ------------------------------------------------------ */

static int open_quote(struct qstate *st)
{
	if (st->nq == st->qcap) {
		st->qcap = st->qcap ? st->qcap * 2 : 16;
		st->q = xrealloc(st->q, st->qcap * sizeof(*st->q));
	}
	struct qspan *q = &st->q[st->nq];
	q->open = st->ntok - 1;
	q->close = 0;
	q->closed = false;
	q->done = false;
	st->tok[q->open].kind = TK_OPEN;
	st->tok[q->open].quote = (int)st->nq;
	return (int)st->nq++;
}

/* Ends quotation qi at token end: its closing mark when closed. */
static void close_quote(struct qstate *st, int qi, size_t end, bool closed)
{
	struct qspan *q = &st->q[qi];
	q->closed = closed;
	q->close = end;
	if (closed) {
		st->tok[q->close].kind = TK_CLOSE;
		st->tok[q->close].quote = qi;
	}
}

/* Pairs a mark just pushed as a token.  Double marks open and close
 * quotations; single ones only where no double one is open (nested
 * quotes stay words of the outer one).  *open is the open quotation or
 * -1, *single whether it opened with a single mark. */
static void pair_mark(struct qstate *st, enum mark mk, int *open, bool *single)
{
	switch (mk) {
	case MK_OPEN2:
		if (*open >= 0 && *single)
			return;
		if (*open >= 0)
			close_quote(st, *open, st->ntok - 1, false); /* a new one opens */
		*open = open_quote(st);
		*single = false;
		return;
	case MK_CLOSE2:
		if (*open >= 0 && !*single) {
			close_quote(st, *open, st->ntok - 1, true);
			*open = -1;
		}
		return;
	case MK_STRAIGHT:
		if (*open >= 0 && !*single) {
			close_quote(st, *open, st->ntok - 1, true);
			*open = -1;
		} else if (*open < 0) {
			*open = open_quote(st);
			*single = false;
		}
		return;
	case MK_OPEN1:
		if (*open < 0) {
			*open = open_quote(st);
			*single = true;
		}
		return;
	case MK_CLOSE1:
		if (*open >= 0 && *single) {
			close_quote(st, *open, st->ntok - 1, true);
			*open = -1;
		}
		return;
	default:
		return;
	}
}

/* What a single mark of len bytes at t[i] is, apostrophes being single
 * marks too: ‘ opens before a letter; ' opens before a letter after a
 * space, and closes an open single quotation. */
static enum mark single_mark(const char *t, size_t ps, size_t i, size_t pe, size_t len,
                             bool single_open)
{
	unsigned char prev = i > ps ? (unsigned char)t[i - 1] : ' ';
	unsigned char next = i + len < pe ? (unsigned char)t[i + len] : ' ';
	bool letter = is_upper_ascii(next) || is_lower_ascii(next) || next >= 0xC3;
	if (t[i] != '\'')
		return letter ? MK_OPEN1 : MK_NONE;
	if (single_open)
		return MK_CLOSE1;
	if ((prev == ' ' || prev == '\n' || prev == '(' || prev == 0x94 || prev == 0x93) && letter)
		return MK_OPEN1;
	return MK_NONE;
}

/* The end of the run of small letters from i: most words are one after
 * their first letter.  fenced: see scan_word. */
static inline size_t small_letters_end(const char *t, size_t i, size_t end, bool fenced)
{
#ifdef __SSE2__
	/* sixteen bytes at a time while the paragraph has them: no branch a
	 * letter, and none mispredicted where the word ends */
	if (i + 16 <= end) {
		const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i small = _mm_and_si128(_mm_cmpgt_epi8(x, before_a), _mm_cmplt_epi8(x, after_z));
		unsigned other = ~(unsigned)_mm_movemask_epi8(small) & 0xFFFFu;
		if (other != 0)
			return i + (size_t)__builtin_ctz(other);
		i += 16;
	}
#endif
	if (fenced) {
		while (byte_class[(unsigned char)t[i]] == B_LOWER)
			i++;
	} else {
		while (i < end && byte_class[(unsigned char)t[i]] == B_LOWER)
			i++;
	}
	return i;
}

/* May a word outside quotes of n bytes, whose first byte is c, be a cue
 * or "according"?  What cue_at asks before all else: small letters (a
 * word starting with a-z), of a cue's first letter and length. */
static inline bool may_be_cue(unsigned char c, size_t n)
{
	return n < MAX_WORD && (candidate_shape[c] & (1u << n));
}

/* Makes room for more candidates: the rare path of note_candidate. */
static void grow_candidates(struct qstate *st)
{
	st->candcap = st->candcap ? st->candcap * 2 : 64;
	st->cand = xrealloc(st->cand, st->candcap * sizeof(*st->cand));
}

/* Notes token i for read_sentence, the only words it looks at. */
static inline void note_candidate(struct qstate *st, size_t i)
{
	if (st->ncand == st->candcap)
		grow_candidates(st);
	st->cand[st->ncand++] = i;
}

/* The tokens as tokenize fills them: st->tok and st->ntok in registers,
 * for the common word.  st->ntok is set from n before anything else
 * reads it (sync_toks), and n from it after (load_toks). */
struct toks {
	struct tok *tok;
	size_t n, cap;
};

static inline void load_toks(const struct qstate *st, struct toks *tk)
{
	tk->tok = st->tok;
	tk->n = st->ntok;
	tk->cap = st->tokcap;
}

static inline void sync_toks(struct qstate *st, const struct toks *tk)
{
	st->ntok = tk->n;
}

/* Pushes the word [i, e) of flags; outside quotes when !inq.  As
 * next_token does, for the common word. */
static inline void push_word(struct qstate *st, struct toks *tk, size_t i, size_t e,
                             unsigned char flags, bool inq)
{
	if (tk->n == tk->cap) {
		sync_toks(st, tk);
		grow_toks(st);
		load_toks(st, tk);
	}
	tk->tok[tk->n] = (struct tok){.start = i,
	                              .end = e,
	                              .quote = -1,
	                              .kind = TK_WORD,
	                              .flags = inq ? flags | TF_INQ : flags};
	if (!inq && may_be_cue((unsigned char)st->t[i], e - i))
		note_candidate(st, tk->n);
	tk->n++;
}

/* Any word at i, its bytes before e read and of classes bytes (the first
 * of class first): its end, and its flags in *flags. */
static size_t read_word(const char *t, size_t i, size_t e, size_t pe, bool fenced, unsigned first,
                        unsigned bytes, unsigned char *flags)
{
	bool abbr;
	e = scan_word(t, i, e, pe, fenced, &abbr, &bytes);
	unsigned char f = word_flags(t, i, e, first, bytes);
	*flags = abbr ? f | TF_ABBR : f;
	return e;
}

/* Notes token i, a full stop, "!" or "?", for split_sentences. */
static void note_stop(struct qstate *st, size_t i)
{
	if (st->nstop == st->stopcap) {
		st->stopcap = st->stopcap ? st->stopcap * 2 : 32;
		st->stop = xrealloc(st->stop, st->stopcap * sizeof(*st->stop));
	}
	st->stop[st->nstop++] = i;
}

/* The tokenizer's place in a paragraph [ps, pe). */
struct scan {
	size_t ps, pe;
	bool fenced; /* t[pe - 1] is no word's byte: see scan_word */
	int open;    /* the open quotation, or -1 */
	bool single; /* it opened with a single mark */
};

/* Where the next token may start after one that ends at i: past the
 * space after it, in the same step. */
static inline size_t past_space(const char *t, size_t i, size_t pe)
{
	return i < pe && (byte_class[(unsigned char)t[i]] & B_SPACE) ? i + 1 : i;
}

/* Reads the token at i, or the spaces there, and returns where the next
 * one may start: the tokenizer's way for all but the common word. */
/* Not inlined: the common word's loop keeps its registers. */
__attribute__((noinline)) static size_t next_token(struct qstate *st, struct scan *sc, size_t i)
{
	const char *t = st->t;
	size_t ps = sc->ps, pe = sc->pe;
	unsigned char c = (unsigned char)t[i];
	unsigned b = byte_class[c];
	if (b & B_SPACE)
		return i + 1;
	size_t len = 1;
	enum mark mk = b & B_WORD ? MK_NONE : mark_of(t, i, pe, &len);
	if (mk == MK_SPACE)
		return i + len;
	if ((b & B_WORD) || (mk == MK_NONE && c >= 0x80)) {
		unsigned char f;
		size_t e = read_word(t, i, i, pe, sc->fenced, b, 0, &f);
		struct tok *k = push_tok(st, i, e, TK_WORD, 0);
		k->flags = sc->open >= 0 ? f | TF_INQ : f;
		if (sc->open < 0 && may_be_cue(c, e - i))
			note_candidate(st, st->ntok - 1);
		return past_space(t, e, pe);
	}
	if (c == '\'' || mk == MK_OPEN1)
		mk = single_mark(t, ps, i, pe, len, sc->open >= 0 && sc->single);
	char p = mk == MK_DASH ? '-' : mk == MK_ELLIPSIS ? 'e' : (char)c;
	if (c == '-' && i + 1 < pe && t[i + 1] == '-') {
		len = 2;
		p = '-';
	}
	push_tok(st, i, i + len, TK_PUNCT, p);
	if (p == '.' || p == '!' || p == '?')
		note_stop(st, st->ntok - 1);
	pair_mark(st, mk, &sc->open, &sc->single);
	if (st->tok[st->ntok - 1].kind == TK_PUNCT && sc->open >= 0)
		st->tok[st->ntok - 1].flags |= TF_INQ;
	return past_space(t, i + len, pe);
}

/* Pushes the comma or full stop p at i, as next_token does. */
static inline void push_punct(struct qstate *st, struct toks *tk, size_t i, char p, bool inq)
{
	if (tk->n == tk->cap) {
		sync_toks(st, tk);
		grow_toks(st);
		load_toks(st, tk);
	}
	tk->tok[tk->n] = (struct tok){.start = i,
	                              .end = i + 1,
	                              .quote = -1,
	                              .kind = TK_PUNCT,
	                              .flags = inq ? TF_INQ : 0,
	                              .punct = p};
	if (p == '.')
		note_stop(st, tk->n);
	tk->n++;
}

/* The end of the letters of any case from i, the rare word that goes on
 * in capitals ("US", "McCarthy"); ORs their classes into *bytes. */
static size_t letters_end(const char *t, size_t i, size_t end, unsigned *bytes)
{
	unsigned b;
	while (i < end && ((b = byte_class[(unsigned char)t[i]]) & (B_UPPER | B_LOWER))) {
		*bytes |= b;
		i++;
	}
	return i;
}

/* The flags of a word of len letters whose first has class first and
 * which together have the classes bytes: word_flags for letters. */
static inline unsigned char letters_flags(unsigned first, unsigned bytes, size_t len)
{
	unsigned char f = first == B_UPPER ? TF_CAP : TF_LOWER;
	if ((bytes & B_UPPER) && !(bytes & B_LOWER) && len >= 2)
		f |= TF_ACRO;
	return f;
}

/* Cuts the paragraph [ps, pe) into tokens and pairs its quotation marks.
 * Words of letters up to a space, a punctuation mark or a full stop of
 * their own, and commas, are read here; all else in next_token. */
static void tokenize(struct qstate *st, size_t ps, size_t pe)
{
	const char *t = st->t;
	const bool fenced = pe > ps && !(byte_class[(unsigned char)t[pe - 1]] & B_WORD);
	struct scan sc = {.ps = ps, .pe = pe, .fenced = fenced, .open = -1};
	bool inq = false; /* sc.open >= 0, kept at hand */
	struct toks tk;

	st->ntok = 0;
	st->nq = 0;
	st->nstop = 0;
	st->ncand = 0;
	load_toks(st, &tk);
	for (size_t i = ps; i < pe;) {
		unsigned char c = (unsigned char)t[i];
		unsigned b = byte_class[c];
		if (b & (B_UPPER | B_LOWER)) {
			size_t e = small_letters_end(t, i + 1, pe, fenced);
			unsigned after = e < pe ? byte_class[(unsigned char)t[e]] : B_END;
			unsigned char flags = b == B_LOWER ? TF_LOWER : TF_CAP;
			if (after & B_UPPER) {
				unsigned bytes = e > i + 1 ? b | B_LOWER : b;
				e = letters_end(t, e, pe, &bytes);
				after = e < pe ? byte_class[(unsigned char)t[e]] : B_END;
				flags = letters_flags(b, bytes, e - i);
			}
			if (after & (B_SPACE | B_END)) {
				push_word(st, &tk, i, e, flags, inq);
				i = after & B_SPACE ? e + 1 : e;
				continue;
			}
			/* a full stop not followed by a letter or digit: of
			 * the word when an abbreviation's, else of its own */
			size_t n = e + 1;
			if (t[e] == '.' && !(n < pe && ((byte_class[(unsigned char)t[n]] & B_ALNUM) ||
			                                (unsigned char)t[n] >= 0xC3))) {
				bool abbr = keeps_stop(t, i, e);
				push_word(st, &tk, i, abbr ? n : e, abbr ? flags | TF_ABBR : flags, inq);
				if (!abbr)
					push_punct(st, &tk, e, '.', inq);
				i = past_space(t, n, pe);
				continue;
			}
		} else if (c == ',') {
			push_punct(st, &tk, i, ',', inq);
			i = past_space(t, i + 1, pe);
			continue;
		}
		sync_toks(st, &tk);
		i = next_token(st, &sc, i);
		load_toks(st, &tk);
		inq = sc.open >= 0;
	}
	sync_toks(st, &tk);
	if (sc.open >= 0)
		close_quote(st, sc.open, st->ntok, false);
}

/* Is the paragraph nothing but quotations: words, and none outside
 * quotation marks? */
static bool only_quotes(const struct qstate *st)
{
	for (size_t i = 0; i < st->ntok; i++)
		if (st->tok[i].kind == TK_WORD && !(st->tok[i].flags & TF_INQ))
			return false;
	return st->ntok > 0;
}

static bool is_stop(const struct tok *k)
{
	return k->kind == TK_PUNCT && (k->punct == '.' || k->punct == '!' || k->punct == '?');
}

/* ---- token tests ----------------------------------------------------- */

/* The word of token i without an abbreviation's full stop or a
 * possessive "'s". */
static const char *word_of(const struct qstate *st, size_t i, size_t *len)
{
	const struct tok *k = &st->tok[i];
	const char *s = st->t + k->start;
	size_t n = k->end - k->start;
	if (k->flags & TF_ABBR)
		n--;
	if (n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '\'')
		n -= 2;
	else if (n > 4 && (s[n - 1] == 's' || s[n - 1] == 'S') &&
	         memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0)
		n -= 4;
	*len = n;
	return s;
}

static bool is_possessive(const struct qstate *st, size_t i)
{
	size_t n;
	word_of(st, i, &n);
	const struct tok *k = &st->tok[i];
	return n + (k->flags & TF_ABBR ? 1 : 0) < k->end - k->start;
}

/* Looks up the classes of the word of token i, once: a word is asked
 * about again and again. */
static void class_word(const struct qstate *st, size_t i)
{
	size_t n;
	const char *s = word_of(st, i, &n);
	st->tok[i].cls = (unsigned short)word_class(s, n);
	st->tok[i].classed = true;
}

/* Is the word of token i in one of the lists of classes?  Inline, as
 * asked often, and mostly of a word already looked up. */
static inline bool word_in(const struct qstate *st, size_t i, unsigned classes)
{
	const struct tok *k = &st->tok[i];
	if (k->kind != TK_WORD)
		return false;
	if (!k->classed)
		class_word(st, i);
	return (k->cls & classes) != 0;
}

/* Is token i the word w of n letters, in any case?  The length and the
 * first letter turn most tokens away before any call. */
static inline bool word_is_n(const struct qstate *st, size_t i, const char *w, size_t n)
{
	const struct tok *k = &st->tok[i];
	return k->end - k->start == n && k->kind == TK_WORD &&
	       lower_ascii((unsigned char)st->t[k->start]) == (unsigned char)w[0] &&
	       strncasecmp(st->t + k->start, w, n) == 0;
}

/* The same for a word written out: its length is known when compiling. */
#define word_is(st, i, w) word_is_n((st), (i), ("" w), sizeof(w) - 1)

static bool punct_is(const struct qstate *st, size_t i, char p)
{
	return st->tok[i].kind == TK_PUNCT && st->tok[i].punct == p;
}

/* The cue verb that the word k of n letters, of a cue's first letter and
 * length, may be: by its other letters, then its hash. */
static const struct entry *cue_by_hash(const struct qstate *st, const struct tok *k, size_t n)
{
	unsigned first = letter_bit(st->t[k->start]);
	if (!(cue_second[first] & (1u << letter_bit(st->t[k->start + 1]))) ||
	    !(cue_last[first] & (1u << letter_bit(st->t[k->end - 1]))))
		return NULL; /* half the words of a cue's shape */
	uint32_t h = hash_word(st->t + k->start, n);
	if (!(cue_bloom[(h >> 5) & 31] & (1u << (h & 31))))
		return NULL; /* most words: not a cue, at the cost of a hash */
	const struct entry *e = lookup(st->t + k->start, n);
	return e != NULL && (e->classes & W_CUE) ? e : NULL;
}

/* The cue verb at token i, or NULL: small letters, outside quotes.
 * Inline, as it is asked of every token: most fail the first tests. */
static inline const struct entry *cue_at(const struct qstate *st, size_t i)
{
	const struct tok *k = &st->tok[i];
	size_t n = k->end - k->start;
	if (k->kind != TK_WORD || (k->flags & (TF_LOWER | TF_INQ | TF_USED)) != TF_LOWER || n < 3 ||
	    n >= MAX_WORD)
		return NULL;
	if (k->classed && !(k->cls & W_CUE))
		return NULL; /* its classes were looked up: no cue */
	unsigned char first = (unsigned char)(st->t[k->start] | 0x20);
	if (first < 'a' || first > 'z' || !(cue_shape[first - 'a'] & (1u << n)))
		return NULL;
	const struct entry *e = cue_by_hash(st, k, n);
	if (e != NULL && (e->flags & (CUE_OUT | CUE_NOTOUT))) {
		/* "points out", "ruled that": by the word after */
		bool out = i + 1 < st->ntok && word_is(st, i + 1, "out");
		if (out != ((e->flags & CUE_OUT) != 0))
			return NULL;
	}
	return e;
}

/* Tokens that end a clause when walking back from a verb. */
static bool is_boundary(const struct qstate *st, size_t i)
{
	const struct tok *k = &st->tok[i];
	return k->kind != TK_WORD || (k->flags & TF_END);
}

static bool is_ly_adverb(const struct qstate *st, size_t i)
{
	const struct tok *k = &st->tok[i];
	size_t n = k->end - k->start;
	return k->kind == TK_WORD && (k->flags & TF_LOWER) && n >= 5 &&
	       memcmp(st->t + k->end - 2, "ly", 2) == 0;
}

/* ---- sentences ------------------------------------------------------- */

/* Does a question or exclamation that closes at i go on with its
 * speaker ("Why?" Bessent asked)? */
static bool asks(const struct qstate *st, size_t i)
{
	if (punct_is(st, i - 1, '.'))
		return false;
	for (size_t j = i + 1; j < st->ntok && j <= i + 5; j++) {
		if (st->tok[j].kind != TK_WORD)
			return false;
		if (cue_at(st, j) != NULL)
			return true;
	}
	return false;
}

/* Ends a sentence at token i. */
static void end_sentence(struct qstate *st, size_t i)
{
	st->tok[i].flags |= TF_END;
	if (st->nsent == st->sentcap) {
		st->sentcap = st->sentcap ? st->sentcap * 2 : 32;
		st->sent = xrealloc(st->sent, st->sentcap * sizeof(*st->sent));
	}
	st->sent[st->nsent++] = i + 1;
}

/* Does the closing mark at i, right after a full stop, end the sentence:
 * no small word goes on ("..." he said)? */
static bool close_ends(const struct qstate *st, size_t i)
{
	return i + 1 == st->ntok || (st->tok[i + 1].kind != TK_PUNCT &&
	                             !(st->tok[i + 1].flags & TF_LOWER) && !asks(st, i));
}

/* Sentence ends: . ! ? outside quotation marks, or a closing mark right
 * after one, and the paragraph's end.  Only the stops the tokenizer
 * noted are looked at. */
static void split_sentences(struct qstate *st)
{
	st->nsent = 0;
	for (size_t s = 0; s < st->nstop; s++) {
		size_t i = st->stop[s];
		if (!(st->tok[i].flags & TF_INQ))
			end_sentence(st, i);
		if (i + 1 < st->ntok && st->tok[i + 1].kind == TK_CLOSE && close_ends(st, i + 1))
			end_sentence(st, i + 1);
	}
	if (st->ntok > 0 && (st->nsent == 0 || st->sent[st->nsent - 1] != st->ntok))
		end_sentence(st, st->ntok - 1);
}

/* ---- mentions -------------------------------------------------------- */

/* The first mention that ends after pos. */
static size_t mention_after(const struct qstate *st, size_t pos)
{
	size_t lo = 0, hi = st->nm;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->m[mid].where.end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct actor *actor_of(const struct qstate *st, int actor)
{
	if (st->a == NULL || actor < 0)
		return NULL;
	return actors_get(st->a, actor);
}

/* actors_person of the text [start, start + n), n < MAX_PERSON, asked
 * once per article: *p is set as it sets it. */
static int person_in_text(const struct qstate *st, size_t start, size_t n, const struct person **p)
{
	const char *s = st->t + start;
	struct person_memo *m = &st->memo[hash_word(s, n) & (PERSON_MEMO - 1)];
	if (!m->used || m->len != n || memcmp(st->t + m->start, s, n) != 0) {
		char buf[MAX_PERSON];
		memcpy(buf, s, n);
		buf[n] = '\0';
		m->person = NULL;
		m->actor = actors_person(st->a, buf, &m->person);
		m->used = true;
		m->start = start;
		m->len = n;
	}
	if (m->actor >= 0 && p != NULL)
		*p = m->person;
	return m->actor;
}

/* Does mention mi name a person (rather than the actor itself)? */
static bool mention_is_person(const struct qstate *st, size_t mi)
{
	const struct span *w = &st->m[mi].where;
	size_t n = w->end - w->start;
	if (st->a == NULL || n >= 128)
		return false;
	return person_in_text(st, w->start, n, NULL) >= 0;
}

/* Is token i inside a mention of an actor that is not a person? */
static bool in_actor_mention(const struct qstate *st, size_t i)
{
	const struct tok *k = &st->tok[i];
	size_t mi = mention_after(st, k->start);
	return mi < st->nm && st->m[mi].where.start < k->end && !mention_is_person(st, mi);
}

/* Does "in " come right before the byte at? */
static bool after_in(const struct qstate *st, size_t at)
{
	return at >= 4 && strncasecmp(st->t + at - 4, " in ", 4) == 0;
}

/* The actor mentioned in the bytes [start, end): the last one that is not
 * a country when there is one (the ministry rather than China in
 * "China's Ministry of Commerce"), else the last; countries only when
 * allowed, and else no place after "in" ("a centre in Brussels").  -1
 * when none. */
static int actor_within(const struct qstate *st, size_t start, size_t end, bool countries)
{
	int best = -1, country = -1;
	for (size_t mi = mention_after(st, start); mi < st->nm && st->m[mi].where.end <= end;
	     mi++) {
		if (st->m[mi].where.start < start ||
		    (!countries && after_in(st, st->m[mi].where.start)))
			continue;
		const struct actor *ac = actor_of(st, st->m[mi].actor);
		if (ac != NULL && ac->kind == ACTOR_COUNTRY)
			country = st->m[mi].actor;
		else
			best = st->m[mi].actor;
	}
	if (best < 0 && countries)
		best = country;
	return best;
}

static bool contains_word(const char *s, const char *w, size_t wlen)
{
	size_t n = strlen(s);
	if (wlen == 0)
		return true;
	/* the first letter turns most places away before any call */
	unsigned char first = lower_ascii((unsigned char)w[0]);
	for (size_t i = 0; i + wlen <= n; i++)
		if (lower_ascii((unsigned char)s[i]) == first && strncasecmp(s + i, w, wlen) == 0)
			return true;
	return false;
}

/* The actor that "the ministry" refers to: the latest one mentioned
 * before pos whose name or alias holds the word. */
static int actor_by_noun(const struct qstate *st, const char *w, size_t wlen, size_t pos)
{
	size_t mi = mention_after(st, pos);
	for (size_t tries = 0; mi > 0 && tries < 64; tries++) {
		const struct actor *ac = actor_of(st, st->m[--mi].actor);
		if (ac == NULL || ac->kind == ACTOR_COUNTRY)
			continue;
		bool hit = contains_word(ac->name, w, wlen);
		for (size_t j = 0; j < ac->naliases && !hit; j++)
			hit = contains_word(ac->aliases[j], w, wlen);
		if (hit)
			return st->m[mi].actor;
	}
	return -1;
}

/* "The Prime Minister": the actor, among the latest ones mentioned before
 * pos, one of whose people holds the role written [start, start + n). */
static int actor_by_role(const struct qstate *st, size_t start, size_t n, size_t pos)
{
	size_t mi = mention_after(st, pos);
	for (size_t tries = 0; mi > 0 && tries < 64; tries++) {
		const struct actor *ac = actor_of(st, st->m[--mi].actor);
		for (size_t j = 0; ac != NULL && j < ac->npeople; j++) {
			const char *role = ac->people[j].role;
			if (role != NULL && strlen(role) == n && strncasecmp(role, st->t + start, n) == 0)
				return st->m[mi].actor;
		}
	}
	return -1;
}

/* ---- speakers -------------------------------------------------------- */

static bool is_finite_verb(const struct qstate *st, size_t i);

static int add_who(struct qstate *st, const char *name, size_t len, int actor, bool person)
{
	size_t from = st->nwho > RECENT_WHO ? st->nwho - RECENT_WHO : 0;
	for (size_t i = st->nwho; i > from; i--) {
		const struct who *w = &st->who[i - 1];
		if (w->person == person && strlen(w->name) == len &&
		    strncasecmp(w->name, name, len) == 0)
			return (int)(i - 1);
	}
	if (st->nwho == st->whocap) {
		st->whocap = st->whocap ? st->whocap * 2 : 16;
		st->who = xrealloc(st->who, st->whocap * sizeof(*st->who));
	}
	struct who *w = &st->who[st->nwho];
	w->name = xstrndup(name, len);
	w->actor = actor;
	w->person = person;
	w->head[0] = '\0';
	return (int)st->nwho++;
}

/* Is w one of the words of name?  One pass, no calls: it runs for every
 * person of actors.conf. */
static bool name_has_word(const char *name, const char *w, size_t len)
{
	for (const char *p = name; *p != '\0';) {
		size_t n = 0;
		while (p[n] != ' ' && p[n] != '\0')
			n++;
		if (n == len && p[0] == w[0] && memcmp(p, w, len) == 0)
			return true;
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	return false;
}

/* A person met before whose name holds the word ("Zhang", "Jiao"). */
static int known_by_word(const struct qstate *st, const char *w, size_t len)
{
	size_t from = st->nwho > RECENT_WHO ? st->nwho - RECENT_WHO : 0;
	for (size_t i = from; i < st->nwho; i++)
		if (st->who[i].person && name_has_word(st->who[i].name, w, len))
			return (int)i;
	return -1;
}

/* A person met before whose name ends with the words s ("Garcia
 * Herrero"). */
static int known_by_tail(const struct qstate *st, const char *s, size_t len)
{
	size_t from = st->nwho > RECENT_WHO ? st->nwho - RECENT_WHO : 0;
	for (size_t i = from; i < st->nwho; i++) {
		const char *name = st->who[i].name;
		size_t n = strlen(name);
		if (st->who[i].person && n > len && name[n - len - 1] == ' ' &&
		    strncmp(name + n - len, s, len) == 0)
			return (int)i;
	}
	return -1;
}

/* Lists the words of the names of actors.conf's people, as
 * name_has_word cuts them, for conf_by_word. */
static void read_name_words(struct qstate *st)
{
	size_t cap = 0;
	st->name_words_read = true;
	size_t n = actors_count(st->a);
	for (size_t i = 0; i < n; i++) {
		const struct actor *ac = actors_get(st->a, (int)i);
		for (size_t j = 0; j < ac->npeople; j++) {
			for (const char *p = ac->people[j].name; *p != '\0';) {
				size_t len = 0;
				while (p[len] != ' ' && p[len] != '\0')
					len++;
				if (st->nname_words == cap) {
					cap = cap ? cap * 2 : 64;
					st->name_words =
					    xrealloc(st->name_words, cap * sizeof(*st->name_words));
				}
				struct name_word *nw = &st->name_words[st->nname_words++];
				nw->word = p;
				nw->len = len;
				nw->person = &ac->people[j];
				nw->actor = (int)i;
				if (p[len] == '\0')
					break;
				p += len + 1;
			}
		}
	}
}

/* A person of actors.conf with the word in their name, when only one:
 * name_has_word of every person, from a list of their words. */
static const struct person *conf_by_word(struct qstate *st, const char *w, size_t len, int *actor)
{
	const struct person *found = NULL;
	if (st->a == NULL)
		return NULL;
	if (!st->name_words_read)
		read_name_words(st);
	for (size_t i = 0; i < st->nname_words; i++) {
		const struct name_word *nw = &st->name_words[i];
		if (nw->len != len || nw->word[0] != w[0] || memcmp(nw->word, w, len) != 0 ||
		    nw->person == found)
			continue;
		if (found != NULL)
			return NULL; /* two He's: not this way */
		found = nw->person;
		*actor = nw->actor;
	}
	return found;
}

static bool is_name_byte(unsigned char c)
{
	return is_alnum_ascii(c) || c >= 0x80 || c == '-' || c == '\'';
}

/* memmem for a name's word of len >= 1 bytes: memchr finds its first
 * byte, a capital that most of an article lacks, and no table is built
 * for each search. */
static const char *find_name_word(const char *s, size_t n, const char *w, size_t len)
{
	const char *end = s + n;
	while ((size_t)(end - s) >= len) {
		const char *hit = memchr(s, w[0], (size_t)(end - s) - len + 1);
		if (hit == NULL)
			return NULL;
		if (memcmp(hit + 1, w + 1, len - 1) == 0)
			return hit;
		s = hit + 1;
	}
	return NULL;
}

/* The full name the article gave earlier to the surname at [s, s+len)
 * ("Jane Smith ... Ms. Smith"): its first occurrence after one or two
 * capitalised words that are not titles. */
static bool first_name_search(struct qstate *st, const char *w, size_t len, size_t before,
                              size_t *fs, size_t *fe)
{
	const char *t = st->t;
	if (st->searches >= MAX_SEARCHES || len < 2)
		return false;
	st->searches++;
	size_t from = before > SEARCH_WINDOW ? before - SEARCH_WINDOW : 0;
	for (const char *p = t + from; p < t + before;) {
		const char *hit = find_name_word(p, (size_t)(t + before - p), w, len);
		if (hit == NULL)
			break;
		p = hit + len;
		size_t at = (size_t)(hit - t);
		if (at + len < before && is_name_byte((unsigned char)t[at + len]))
			continue;
		size_t start = at, words = 0;
		while (words < 2 && start >= 2 && t[start - 1] == ' ') {
			size_t ws = start - 1;
			while (ws > 0 && is_name_byte((unsigned char)t[ws - 1]))
				ws--;
			size_t n = start - 1 - ws;
			if (n == 0 || !is_upper_ascii((unsigned char)t[ws]) ||
			    (word_class(t + ws, n) & W_TITLE) ||
			    (word_class(t + ws, n) & W_STOPCAP) || (word_class(t + ws, n) & W_ORG))
				break;
			start = ws;
			words++;
		}
		if (words > 0) {
			*fs = start;
			*fe = at + len;
			return true;
		}
	}
	return false;
}

/* Can token i be part of a person's name?  followed: a name word comes
 * after it (then "He" is a surname, and "von" a particle). */
static bool is_name_word(const struct qstate *st, size_t i, bool followed)
{
	const struct tok *k = &st->tok[i];
	if (k->kind != TK_WORD || (k->flags & (TF_INQ | TF_DIGIT)))
		return false;
	if (followed && word_in(st, i, W_PARTICLE))
		return true;
	if (!(k->flags & TF_CAP) || (k->flags & TF_ACRO) || is_possessive(st, i))
		return false;
	if (followed && word_is(st, i, "He"))
		return true;
	return !word_in(st, i, W_TITLE) && !word_in(st, i, W_STOPCAP) && !word_in(st, i, W_ORG) &&
	       !in_actor_mention(st, i);
}

static void note_who(struct qstate *st, int w)
{
	if (w < 0)
		return;
	if (st->who[w].person)
		st->last_person = w;
	else
		st->last_source = w;
}

/* The actor of the source met last whose head noun is the word at i
 * ("the ministry's": the ministry named before), or -1. */
static int actor_by_head(const struct qstate *st, size_t i)
{
	size_t len;
	const char *noun = word_of(st, i, &len);
	size_t from = st->nwho > RECENT_WHO ? st->nwho - RECENT_WHO : 0;
	for (size_t k = st->nwho; k > from; k--)
		if (!st->who[k - 1].person && strlen(st->who[k - 1].head) == len &&
		    strncasecmp(st->who[k - 1].head, noun, len) == 0)
			return st->who[k - 1].actor;
	return -1;
}

/* A person named by the tokens [n0, h) (the name) within [f, e) (with
 * its titles and description) and the appositive [df, de). */
static int resolve_person(struct qstate *st, size_t f, size_t n0, size_t h, size_t e, size_t df,
                          size_t de)
{
	const struct person *p = NULL;
	size_t start = st->tok[f].start, end = st->tok[h - 1].end;
	int actor = -1;

	/* "President Trump" may be an alias of its own */
	if (st->a != NULL && end - start < MAX_PERSON) {
		actor = person_in_text(st, start, end - start, &p);
		if (actor >= 0 && p != NULL)
			return add_who(st, p->name, strlen(p->name), actor, true);
	}
	start = st->tok[n0].start;
	if (h - n0 == 1) {
		size_t len;
		const char *w = word_of(st, n0, &len);
		int k = known_by_word(st, w, len);
		if (k >= 0)
			return k;
		p = conf_by_word(st, w, len, &actor);
		if (p != NULL)
			return add_who(st, p->name, strlen(p->name), actor, true);
		size_t fs, fe;
		if (first_name_search(st, w, len, st->tok[f].start, &fs, &fe)) {
			start = fs;
			end = fe;
		} else if (n0 == f || !word_in(st, n0 - 1, W_TITLE)) {
			return -1; /* a lone unknown word: maybe not a person */
		} else {
			end = start + len;
		}
	}
	int k = known_by_tail(st, st->t + start, end - start);
	if (k >= 0)
		return k; /* "Ms. Garcia Herrero" is "Alicia Garcia Herrero" */
	actor = -1;
	if (st->a != NULL && end - start < MAX_PERSON) {
		actor = person_in_text(st, start, end - start, &p);
		if (actor >= 0 && p != NULL)
			return add_who(st, p->name, strlen(p->name), actor, true);
	}
	/* else the actor the titles or the description name */
	if (n0 > f)
		actor = actor_within(st, st->tok[f].start, st->tok[n0 - 1].end, true);
	if (actor < 0 && h < e)
		actor = actor_within(st, st->tok[h].start, st->tok[e - 1].end, false);
	if (actor < 0 && df < de)
		actor = actor_within(st, st->tok[df].start, st->tok[de - 1].end, false);
	/* "Choi Min-seo, the ministry's director general": the actor of
	 * the ministry met before */
	for (size_t i = df; actor < 0 && i + 1 < de && i < df + 3; i++)
		if (word_is(st, i, "the") && word_in(st, i + 1, W_SOURCE) && is_possessive(st, i + 1))
			actor = actor_by_head(st, i + 1);
	/* an office-holder of no one named, in a press release: the
	 * issuer's */
	if (actor < 0 && n0 > f &&
	    (word_in(st, f, W_TITLE) || (f + 1 < n0 && word_in(st, f + 1, W_TITLE))))
		actor = st->issuer;
	return add_who(st, st->t + start, end - start, actor, true);
}

/* The country of a nationality in [f, h) ("the Chinese embassy"): the
 * actor that "Chinese government" names, when one does. */
static int nationality_actor(const struct qstate *st, size_t f, size_t h)
{
	char buf[64];
	for (size_t i = f; i < h && st->a != NULL; i++) {
		size_t n;
		const char *w = word_of(st, i, &n);
		if (!(st->tok[i].flags & TF_CAP) || n + sizeof(" government") > sizeof(buf))
			continue;
		/* "%.*s government", with no snprintf */
		memcpy(buf, w, n);
		memcpy(buf + n, " government", sizeof(" government"));
		int actor = actors_lookup(st->a, buf);
		if (actor >= 0)
			return actor;
	}
	return -1;
}

/* Remembers the head noun of a described speaker ("ministry" of "the
 * Chinese Commerce Ministry"), in small letters, so that a later "the
 * ministry said" finds it: the first one given stays. */
static void keep_head(struct qstate *st, int w, const char *noun, size_t len)
{
	if (st->who[w].head[0] != '\0' || len >= sizeof(st->who[w].head))
		return;
	for (size_t i = 0; i < len; i++)
		st->who[w].head[i] = (char)lower_ascii((unsigned char)noun[i]);
	st->who[w].head[len] = '\0';
}

/* A described source, the tokens [f, e) with head noun at h - 1: kept as
 * written, with the actor it names or, for "the ministry", the one it
 * refers to. */
static int resolve_source(struct qstate *st, size_t f, size_t h, size_t e)
{
	size_t start = st->tok[f].start, end = st->tok[e - 1].end;
	size_t len;
	const char *noun = word_of(st, h - 1, &len);
	unsigned classes = word_class(noun, len);
	bool source = classes & W_SOURCE;
	int actor = actor_within(st, start, st->tok[h - 1].end, true);
	if (actor < 0 && source)
		actor = nationality_actor(st, f, h);
	if (actor < 0)
		actor = actor_within(st, start, end, true);

	if (classes & W_DATA)
		return -1; /* "according to customs data": no one spoke */
	if (actor < 0 && !source)
		return -1;
	if (actor < 0) {
		/* "the spokesperson": the one met before */
		size_t from = st->nwho > RECENT_WHO ? st->nwho - RECENT_WHO : 0;
		bool definite = word_is(st, f, "the");
		for (size_t i = st->nwho; definite && e - f <= 3 && i > from; i--)
			if (!st->who[i - 1].person && strlen(st->who[i - 1].head) == len &&
			    strncasecmp(st->who[i - 1].head, noun, len) == 0)
				return (int)(i - 1);
		/* "a ministry spokesperson": the ministry named last */
		for (size_t i = e; actor < 0 && i > f; i--) {
			size_t n;
			const char *w = word_of(st, i - 1, &n);
			if (word_class(w, n) & W_SOURCE)
				actor = actor_by_noun(st, w, n, start);
		}
	}
	/* "the Prime Minister": of the country just mentioned that has one */
	if (actor < 0 && word_is(st, f, "the") && h == e && e - f >= 2 && e - f <= 4) {
		size_t i = f + 1;
		while (i < e && (st->tok[i].flags & TF_CAP) && word_in(st, i, W_TITLE | W_SOURCE))
			i++;
		if (i == e)
			actor = actor_by_role(st, st->tok[f + 1].start,
			                      st->tok[e - 1].end - st->tok[f + 1].start, start);
	}
	if (actor < 0 && h == e && e - f <= 2)
		return -1; /* "officials", "the company": whose? */
	/* "The Ministry of Commerce on Thursday": the time is not its name */
	for (size_t i = h; i + 1 < e; i++)
		if (word_in(st, i, W_COMPLEMENT) && word_in(st, e - 1, W_COMPLEMENT_END) &&
		    e - i <= 4) {
			end = st->tok[i - 1].end;
			break;
		}
	int w = add_who(st, st->t + start, end - start, actor, false);
	keep_head(st, w, noun, len);
	return w;
}

/* Skips connectives and stray marks at the front of [f, e). */
static size_t skip_connectives(const struct qstate *st, size_t f, size_t e)
{
	while (f < e && (word_in(st, f, W_CONNECTIVE) || st->tok[f].kind != TK_WORD))
		f++;
	return f;
}

/* Does the word at i end like an English noun or adjective of a
 * portfolio ("Strategy", "Investment", "Industrial", "Competition")
 * rather than a name? */
static bool is_common_word(const struct qstate *st, size_t i)
{
	static const char *const endings[] = {
	    "y",    "ment", "tion", "sion", "ity", "al", "ics",
	    "ness", "ship", "ance", "ence", "ism", NULL,
	};
	const struct tok *k = &st->tok[i];
	size_t n = k->end - k->start;
	for (const char *const *x = endings; *x != NULL; x++) {
		size_t m = strlen(*x);
		if (n > m + 3 && strncasecmp(st->t + k->end - m, *x, m) == 0)
			return true;
	}
	return false;
}

/* Where a name of two words or more ends the tokens (lo, e), or e. */
static size_t trailing_name(const struct qstate *st, size_t lo, size_t e)
{
	size_t t0 = e;
	while (t0 > lo && is_name_word(st, t0 - 1, t0 < e))
		t0--;
	/* "Trade and Investment Mohamed Azmin Ali": the first word may
	 * still be the title's */
	bool portfolio = t0 > lo && e - t0 >= 3 && word_in(st, t0 - 1, W_MODIFIER);
	if (portfolio)
		t0++;
	/* "Prosperity and Industrial Strategy Stéphane Séjourné": more
	 * words of a portfolio, as their endings tell */
	while (portfolio && e - t0 >= 3 && is_common_word(st, t0))
		t0++;
	return e - t0 >= 2 ? t0 : e;
}

/* Words after which an unnamed source is described by what they know
 * ("familiar with the matter", "close to the talks"). */
static bool is_postmodifier(const struct qstate *st, size_t i)
{
	return word_is(st, i, "familiar") || word_is(st, i, "close") || word_is(st, i, "briefed") ||
	       word_is(st, i, "involved") || word_is(st, i, "knowledgeable") ||
	       word_is(st, i, "speaking");
}

/* "people familiar with the matter", "two U.S. officials briefed on the
 * talks": an unnamed source, kept as written, with the actor its head
 * names or else its description. */
static int anonymous_source(struct qstate *st, size_t f, size_t e)
{
	size_t i = f;
	if (e - f >= 2 && e - f <= 4 && word_in(st, e - 1, W_ANON) &&
	    (st->tok[e - 1].flags & TF_LOWER)) {
		/* "three trading sources", "two people": what they are
		 * is all that is said of them */
		for (i = f; i + 1 < e; i++)
			if (!(st->tok[i].flags & (TF_LOWER | TF_DIGIT)) || cue_at(st, i) != NULL)
				break;
		if (i + 1 == e)
			return add_who(st, st->t + st->tok[f].start,
			               st->tok[e - 1].end - st->tok[f].start, -1, false);
		i = f;
	}
	while (i < e && i < f + 2 &&
	       (word_in(st, i, W_DESCRIBING) || (st->tok[i].flags & (TF_CAP | TF_DIGIT))) &&
	       !word_in(st, i, W_ANON | W_SOURCE | W_CROWD))
		i++;
	if (i + 2 >= e || !word_in(st, i, W_ANON | W_SOURCE | W_CROWD) ||
	    !is_postmodifier(st, i + 1))
		return -1;
	size_t start = st->tok[f].start, end = st->tok[e - 1].end;
	int actor = actor_within(st, start, st->tok[i].end, true);
	if (actor < 0)
		actor = actor_within(st, st->tok[i + 1].start, end, false);
	return add_who(st, st->t + start, end - start, actor, false);
}

/* Who a market story quotes by trade: one of them ("one Singapore-based
 * trader"), or a desk of a firm ("Strategists at Kestrel Securities").
 * Kept as written. */
static bool is_trade_noun(const struct qstate *st, size_t i)
{
	static const char *const nouns[] = {
	    "trader", "analyst",   "economist", "strategist", "investor",   "banker", "broker",
	    "dealer", "executive", "expert",    "consultant", "researcher", "lawyer", NULL,
	};
	for (const char *const *n = nouns; *n != NULL; n++)
		if (word_is_n(st, i, *n, strlen(*n)))
			return true;
	return false;
}

static int described_source(struct qstate *st, size_t f, size_t e)
{
	size_t start = st->tok[f].start, end = st->tok[e - 1].end;
	if (e - f >= 3 && e - f <= 7 && word_in(st, f, W_CROWD) &&
	    (word_is(st, f + 1, "at") || word_is(st, f + 1, "from") || word_is(st, f + 1, "of"))) {
		for (size_t i = f + 2; i < e; i++)
			if (!(st->tok[i].flags & TF_CAP))
				return -1;
		return add_who(st, st->t + start, end - start,
		               actor_within(st, st->tok[f + 2].start, end, true), false);
	}
	if (e - f < 2 || e - f > 5 || !(st->tok[e - 1].flags & TF_LOWER) ||
	    !is_trade_noun(st, e - 1) ||
	    !(word_is(st, f, "a") || word_is(st, f, "an") || word_is(st, f, "one") ||
	      word_is(st, f, "another")))
		return -1;
	for (size_t i = f + 1; i + 1 < e; i++)
		if (cue_at(st, i) != NULL)
			return -1;
	return add_who(st, st->t + start, end - start, actor_within(st, start, end, true), false);
}

/* Are the words [f, n0), before a full name, what the person does
 * ("Marine clerk", "crane operator"): a noun in small letters last, no
 * small word of a clause among them? */
static bool is_occupation(const struct qstate *st, size_t f, size_t n0)
{
	for (size_t i = f; i < n0; i++) {
		const struct tok *k = &st->tok[i];
		if (k->kind != TK_WORD || (k->flags & (TF_INQ | TF_DIGIT | TF_ACRO)))
			return false;
		if (k->flags & TF_CAP) {
			if (i + 1 == n0 || word_in(st, i, W_STOPCAP))
				return false;
			continue;
		}
		if (k->end - k->start < 4 || is_finite_verb(st, i) || word_is(st, i, "that") ||
		    word_in(st, i, W_STOPCAP | W_CONNECTIVE | W_MODIFIER | W_AUX | W_COMPLEMENT) ||
		    is_ly_adverb(st, i) || cue_at(st, i) != NULL)
			return false;
	}
	return true;
}

/* The speaker named by the tokens [f, e), described by the appositive
 * [df, de) (empty when df == de), as an index into st->who, or -1. */
static int resolve(struct qstate *st, size_t f, size_t e, size_t df, size_t de)
{
	f = skip_connectives(st, f, e);
	if (f >= e || e - f > MAX_SUBJECT)
		return -1;
	if (e - f == 1 && (word_is(st, f, "he") || word_is(st, f, "she")))
		return st->last_person;
	if (e - f == 1 && word_is(st, f, "it"))
		return st->last_source;
	for (size_t i = f; i < e; i++)
		if (st->tok[i].kind != TK_WORD || (st->tok[i].flags & TF_INQ))
			return -1;
	int w = anonymous_source(st, f, e);
	if (w < 0 && df == de) /* else the appositive may name them */
		w = described_source(st, f, e);
	if (w >= 0)
		return w;
	size_t h = f;
	while (h < e && !(h > f && word_in(st, h, W_MODIFIER) && !word_in(st, h, W_PARTICLE)))
		h++;
	size_t n0 = h;
	while (n0 > f && is_name_word(st, n0 - 1, n0 < h))
		n0--;
	if (n0 == h && h < e &&
	    (word_in(st, f, W_TITLE) || (f + 1 < h && word_in(st, f + 1, W_TITLE) &&
	                                 (st->tok[f].flags & TF_CAP)))) {
		/* "Commissioner for Trade and Economic Security Maroš
		 * Šefčovič": a title with its own "for ..." ends in the name */
		size_t t0 = trailing_name(st, h, e);
		if (t0 < e) {
			n0 = t0;
			h = e;
		}
	}
	/* Small words must describe a speaker, or this is no subject ("The
	 * president has defended the fee and"); but a title right before a
	 * name vouches for the words before it ("Japan's chief tariff
	 * negotiator Ryosei Akazawa"). */
	size_t from = f;
	/* ... and so do words of what the person does before a full name
	 * ("Marine clerk Rosa Delgado", "crane operator Dave Kowalski") */
	if (n0 < h && n0 > f &&
	    (word_in(st, n0 - 1, W_TITLE) || word_in(st, n0 - 1, W_SOURCE) ||
	     (n0 + 2 <= h && n0 - f <= 2 && is_occupation(st, f, n0))))
		from = n0;
	for (size_t i = from; i < e; i++)
		if ((st->tok[i].flags & TF_LOWER) && !word_in(st, i, W_DESCRIBING) &&
		    !word_in(st, i, W_SOURCE) && !word_in(st, i, W_PARTICLE) &&
		    !word_in(st, i, W_TITLE))
			return -1;
	if (n0 < h)
		w = resolve_person(st, f, n0, h, e, df, de);
	if (w < 0 && (n0 == h || h - n0 == 1))
		w = resolve_source(st, f, h, e);
	note_who(st, w);
	return w;
}

/* ---- attributions ---------------------------------------------------- */

/* Walks back from e over the words of a clause, at most max of them, to
 * the token after a boundary.  SIZE_MAX when longer. */
static size_t clause_start(const struct qstate *st, size_t lo, size_t e, size_t max)
{
	size_t i = e;
	while (i > lo && !is_boundary(st, i - 1)) {
		if (e - i >= max)
			return SIZE_MAX;
		i--;
	}
	return i;
}

/* Like clause_start, for an appositive ending at e, where a quoted title
 * goes on ("speaking on NBC's "Meet the Press" on Sunday"). */
static size_t appositive_start(const struct qstate *st, size_t lo, size_t e)
{
	size_t i = e;
	while (i > lo) {
		const struct tok *k = &st->tok[i - 1];
		bool quoted = k->kind == TK_OPEN || k->kind == TK_CLOSE ||
		              (k->kind == TK_WORD && (k->flags & TF_INQ));
		if (!quoted && is_boundary(st, i - 1))
			break;
		if (e - i >= MAX_APPOSITIVE)
			return SIZE_MAX;
		i--;
	}
	return i;
}

/* Are the tokens [f, e) a name and nothing else? */
static bool is_bare_name(const struct qstate *st, size_t f, size_t e)
{
	if (e - f > 4)
		return false;
	for (size_t i = f; i < e; i++)
		if (!is_name_word(st, i, i + 1 < e))
			return false;
	return true;
}

/* "Another analyst, Mark O'Donnell of Southern Cross, said": the
 * appositive [df, de) that starts with a name names the speaker, and
 * what follows the name describes them. */
static int name_in_appositive(struct qstate *st, size_t df, size_t de)
{
	size_t h = df;
	while (h < de && is_name_word(st, h, h + 1 < de))
		h++;
	if (h - df < 2 || (h < de && !word_in(st, h, W_MODIFIER)))
		return -1;
	return resolve(st, df, h, h, de);
}

/* "Japan's Ministry of Economy, Trade and Industry (METI) said": a name
 * with its acronym in brackets, the tokens before e.  The speaker is the
 * acronym, of the actor the name or the acronym names; *fp gets the
 * name's first token. */
static int acronym_subject(struct qstate *st, size_t lo, size_t e, size_t *fp)
{
	if (e < lo + 4 || !punct_is(st, e - 1, ')') || !punct_is(st, e - 3, '(') ||
	    !(st->tok[e - 2].flags & TF_ACRO) || st->tok[e - 2].kind != TK_WORD)
		return -1;
	size_t f = e - 3, head = SIZE_MAX;
	while (f > lo && e - f < MAX_SUBJECT + 3) {
		bool word =
		    st->tok[f - 1].kind == TK_WORD && !(st->tok[f - 1].flags & (TF_INQ | TF_END));
		/* a comma inside a name: "Economy, Trade and Industry" */
		bool inner_comma = punct_is(st, f - 1, ',') && f - 1 > lo &&
		                   (st->tok[f].flags & TF_CAP) && (st->tok[f - 2].flags & TF_CAP) &&
		                   st->tok[f - 2].kind == TK_WORD;
		if (!word && !inner_comma)
			break;
		f--;
		if (st->tok[f].kind == TK_WORD && word_in(st, f, W_SOURCE | W_ORG) &&
		    (st->tok[f].flags & TF_CAP))
			head = f;
	}
	f = skip_connectives(st, f, e - 3);
	if (head == SIZE_MAX || f >= e - 3)
		return -1;
	const struct tok *a = &st->tok[e - 2];
	int actor = actor_within(st, a->start, a->end, true);
	if (actor < 0)
		actor = actor_within(st, st->tok[f].start, st->tok[e - 4].end, true);
	int w = add_who(st, st->t + a->start, a->end - a->start, actor, false);
	size_t len;
	const char *noun = word_of(st, head, &len);
	keep_head(st, w, noun, len);
	*fp = f;
	note_who(st, w);
	return w;
}

/* "South Korea's Ministry of Trade, Industry and Energy said": a name
 * with a comma inside, ending in the tokens [f, e) after that comma (a
 * list of capitalised words with "and"), and starting with an
 * organisation's word.  The speaker as written, of the actor it names;
 * *fp gets its first token. */
static int listed_name(struct qstate *st, size_t lo, size_t f, size_t e, size_t *fp)
{
	if (f < lo + 3 || !punct_is(st, f - 1, ',') || e - f > 6 || !(st->tok[f].flags & TF_CAP) ||
	    !(st->tok[f - 2].flags & TF_CAP) || st->tok[f - 2].kind != TK_WORD)
		return -1;
	bool and = false;
	for (size_t i = f; i < e; i++) {
		if (word_is(st, i, "and"))
			and = true;
		else if (!(st->tok[i].flags & TF_CAP))
			return -1;
	}
	size_t g = clause_start(st, lo, f - 1, MAX_SUBJECT);
	if (!and || g == SIZE_MAX || g + 1 >= f - 1)
		return -1;
	g = skip_connectives(st, g, f - 1);
	size_t head = SIZE_MAX;
	for (size_t i = g; i + 1 < f; i++) {
		if (!(st->tok[i].flags & TF_CAP) && !word_is(st, i, "of") && !word_is(st, i, "for"))
			return -1;
		if (head == SIZE_MAX && word_in(st, i, W_ORG | W_SOURCE) && i > g)
			head = i;
	}
	if (head == SIZE_MAX)
		return -1;
	size_t start = st->tok[g].start, end = st->tok[e - 1].end;
	int w = add_who(st, st->t + start, end - start, actor_within(st, start, end, true), false);
	size_t len;
	const char *noun = word_of(st, head, &len);
	keep_head(st, w, noun, len);
	*fp = g;
	note_who(st, w);
	return w;
}

/* The subject of the cue at c, looking no further back than lo: the
 * words back to the start of the clause, past an appositive in commas
 * ("X, a lecturer at Y, said").  *fp gets its first token. */
static int subject_before(struct qstate *st, size_t lo, size_t c, size_t *fp)
{
	size_t e = c;
	while (e > lo && (word_in(st, e - 1, W_AUX) || is_ly_adverb(st, e - 1)))
		e--;
	if (e > lo && (word_is(st, e - 1, "not") || word_is(st, e - 1, "never")))
		return -1;
	if (e > lo && punct_is(st, e - 1, ')'))
		return acronym_subject(st, lo, e, fp);
	size_t f = clause_start(st, lo, e, MAX_SUBJECT);
	size_t df = 0, de = 0;
	if (f == SIZE_MAX)
		return -1;
	if (f == e) {
		if (e == lo || !punct_is(st, e - 1, ','))
			return -1;
		de = e - 1;
		df = appositive_start(st, lo, de);
		if (df == SIZE_MAX || df == de || df == lo || !punct_is(st, df - 1, ','))
			return -1;
		e = df - 1;
		f = clause_start(st, lo, e, MAX_SUBJECT);
		if (f == SIZE_MAX || f == e)
			return -1;
		if (is_bare_name(st, df, de) && !is_bare_name(st, f, e)) {
			/* "The EU's trade commissioner, Maros Sefcovic, said" */
			*fp = f;
			return resolve(st, df, de, f, e);
		}
	}
	*fp = f;
	int w = resolve(st, f, e, df, de);
	if (w < 0 && df < de)
		w = name_in_appositive(st, df, de);
	if (w < 0 && df == de)
		w = listed_name(st, lo, f, e, fp);
	return w;
}

/* Can the words [k, b) stand between a verb and "that" or the end of an
 * attribution: "in a statement", "on Thursday", "reporters" (objects
 * only where the verb takes one)? */
static bool is_complement(const struct qstate *st, size_t k, size_t b, unsigned flags)
{
	if (k == b)
		return true;
	if (b - k > MAX_COMPLEMENT)
		return false;
	for (size_t i = k; i < b; i++)
		if (st->tok[i].kind != TK_WORD || (st->tok[i].flags & TF_INQ) ||
		    word_is(st, i, "that"))
			return false;
	return word_in(st, k, W_COMPLEMENT) || is_ly_adverb(st, k) || (flags & CUE_OBJ);
}

/* The first token at or after k that ends an attribution. */
static size_t attribution_end(const struct qstate *st, size_t k, size_t s1)
{
	while (k < s1 && st->tok[k].kind == TK_WORD && !(st->tok[k].flags & TF_INQ))
		k++;
	return k;
}

/* "pointed out", "points out": the verb before its "out". */
static bool is_point(const struct qstate *st, size_t c)
{
	return word_is(st, c, "pointed") || word_is(st, c, "points");
}

static void cue_text(const struct qstate *st, size_t c, char *buf, size_t size)
{
	size_t n = st->tok[c].end - st->tok[c].start;
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++) {
		char ch = st->t[st->tok[c].start + i];
		buf[i] = is_upper_ascii((unsigned char)ch) ? (char)(ch - 'A' + 'a') : ch;
	}
	buf[n] = '\0';
	if (c + 1 < st->ntok && word_is(st, c + 1, "out")) {
		bool pointed = strcmp(buf, "pointed") == 0;
		if (pointed || strcmp(buf, "points") == 0)
			snprintf(buf, size, "%s out", pointed ? "pointed" : "points");
	}
}

/* ---- output ---------------------------------------------------------- */

/* The cue into st->para_cue, cut as snprintf would cut it, without its
 * cost. */
static void set_para_cue(struct qstate *st, const char *cue)
{
	size_t n = strnlen(cue, sizeof(st->para_cue) - 1);
	memcpy(st->para_cue, cue, n);
	st->para_cue[n] = '\0';
}

static void emit_span(struct qstate *st, int who, enum quote_kind kind, const char *cue,
                      size_t start, size_t end)
{
	if (who < 0 || start >= end)
		return;
	if (st->nout == st->outcap) {
		st->outcap = st->outcap ? st->outcap * 2 : 16;
		st->out = xrealloc(st->out, st->outcap * sizeof(*st->out));
	}
	struct quote *q = &st->out[st->nout++];
	q->speaker = xstrdup(st->who[who].name);
	q->actor = st->who[who].actor;
	q->kind = kind;
	q->cue = xstrdup(cue);
	q->text.start = start;
	q->text.end = end;
	st->para_who = who;
	st->sent_who = who;
	set_para_cue(st, cue);
	if (start >= st->para_last_start) {
		st->para_last_start = start;
		st->para_last_who = who;
	}
}

static bool is_trim_byte(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The words of quotation qi: without its marks, spaces, or the comma
 * that English puts inside them. */
static void inner_span(const struct qstate *st, size_t qi, size_t *start, size_t *end)
{
	const struct qspan *q = &st->q[qi];
	size_t s = st->tok[q->open].end;
	size_t e = q->close < st->ntok ? st->tok[q->close].start : st->tok[st->ntok - 1].end;
	while (s < e && is_trim_byte((unsigned char)st->t[s]))
		s++;
	while (e > s && (is_trim_byte((unsigned char)st->t[e - 1]) || st->t[e - 1] == ','))
		e--;
	*start = s;
	*end = e;
}

static void emit_quote(struct qstate *st, size_t qi, int who, const char *cue)
{
	size_t s, e;
	if (who < 0)
		return;
	st->q[qi].done = true;
	inner_span(st, qi, &s, &e);
	if (st->q[qi].open == 0 && st->pending) {
		/* the previous paragraph's unclosed quote was theirs too */
		s = st->pending_span.start;
		st->pending = false;
	} else if (st->q[qi].open == 0 && st->carry_out != SIZE_MAX && st->carry_who == who) {
		/* it goes on from the previous paragraph: one quote */
		st->out[st->carry_out].text.end = e;
		st->extended = st->carry_out;
		st->para_who = st->sent_who = st->para_last_who = who;
		set_para_cue(st, cue);
		return;
	}
	emit_span(st, who, QUOTE_DIRECT, cue, s, e);
}

/* Past a dateline at the paragraph's start ("BEIJING -", "GYEONGJU,
 * South Korea —", "WASHINGTON, Oct 10 (Reuters) -"), from token k. */
static size_t skip_dateline(const struct qstate *st, size_t k)
{
	if (k != 0 || st->ntok < 3 || !(st->tok[0].flags & TF_ACRO))
		return k;
	for (size_t j = 1; j < st->ntok && j < 12; j++) {
		const struct tok *t = &st->tok[j];
		if (punct_is(st, j, '-'))
			return j + 1;
		if (t->kind == TK_WORD
		        ? !(t->flags & (TF_CAP | TF_DIGIT))
		        : !(punct_is(st, j, ',') || punct_is(st, j, '(') || punct_is(st, j, ')')))
			return k;
	}
	return k;
}

/* Emits the tokens [k, e) as one quote, without the punctuation around
 * them and a dateline; a single word is no quote. */
static void emit_tokens(struct qstate *st, int who, enum quote_kind kind, const char *cue, size_t k,
                        size_t e)
{
	size_t first = skip_dateline(st, k), last = e;
	while (first < e && st->tok[first].kind == TK_PUNCT)
		first++;
	while (last > first && st->tok[last - 1].kind == TK_PUNCT)
		last--;
	if (last > first + 1)
		emit_span(st, who, kind, cue, st->tok[first].start, st->tok[last - 1].end);
}

/* ---- the readings ---------------------------------------------------- */

static enum context quote_context(const struct qstate *st, size_t qi)
{
	size_t o = st->q[qi].open;
	if (o == 0)
		return CTX_START;
	const struct tok *p = &st->tok[o - 1];
	if (p->flags & TF_END)
		return CTX_START;
	if (p->kind == TK_CLOSE && o >= 2 && is_stop(&st->tok[o - 2]))
		return CTX_START;
	if (p->kind == TK_PUNCT &&
	    (p->punct == ',' || p->punct == ':' || p->punct == '-' || p->punct == ';'))
		return CTX_INTRO;
	return CTX_EMBEDDED;
}

/* Has quotation qi at least n words? */
static bool has_words(const struct qstate *st, size_t qi, size_t n)
{
	const struct qspan *q = &st->q[qi];
	size_t seen = 0;
	for (size_t i = q->open + 1; i < q->close && seen < n; i++)
		seen += st->tok[i].kind == TK_WORD;
	return seen >= n;
}

/* "...," said X / "...," X said / "...," according to X: the speaker
 * after quotation qi, within sentence end s1.  *cp gets the cue, *ap the
 * first token of the attribution. */
static int attribution_after(struct qstate *st, size_t qi, size_t s1, size_t *cp, size_t *ap)
{
	const struct qspan *q = &st->q[qi];
	size_t k = q->close + 1;
	if (!q->closed || k >= s1)
		return -1;
	/* after a full stop comes a new sentence, not "he said" */
	if (punct_is(st, q->close - 1, '.') && !(st->tok[k].flags & TF_LOWER))
		return -1;
	if (punct_is(st, k, ',') || punct_is(st, k, '-'))
		k++;
	if (k + 1 >= s1)
		return -1;
	*ap = k;
	if (word_is(st, k, "according") && word_is(st, k + 1, "to")) {
		size_t b = attribution_end(st, k + 2, s1);
		*cp = k;
		return b > k + 2 ? resolve(st, k + 2, b, 0, 0) : -1;
	}
	const struct entry *cue = cue_at(st, k);
	if (cue != NULL && !(cue->flags & (CUE_NODIRECT | CUE_ING))) {
		/* said X[, a lecturer at Y] [in a statement] */
		size_t b = attribution_end(st, k + 1, s1);
		size_t h = k + 1;
		/* "said in a statement", not "said Under Secretary ..." */
		while (h < b && !(word_in(st, h, W_COMPLEMENT) && (st->tok[h].flags & TF_LOWER)))
			h++;
		size_t df = b, de = b;
		if (b < s1 && punct_is(st, b, ',')) {
			df = b + 1;
			de = attribution_end(st, df, s1);
		}
		*cp = k;
		return h > k + 1 ? resolve(st, k + 1, h, df, de) : -1;
	}
	/* X said, X, a lecturer at Y, said */
	for (size_t c = k; c < s1 && c < k + MAX_ATTRIBUTION; c++) {
		const struct tok *t = &st->tok[c];
		if (t->kind == TK_OPEN || t->kind == TK_CLOSE || is_stop(t) ||
		    punct_is(st, c, ';') || punct_is(st, c, ':'))
			return -1;
		cue = cue_at(st, c);
		if (cue == NULL)
			continue;
		if (cue->flags & (CUE_NODIRECT | CUE_ING))
			return -1;
		size_t b = attribution_end(st, c + 1, s1);
		size_t x = c + 1;
		if (is_point(st, c) && x < b && word_is(st, x, "out"))
			x++;
		if (!is_complement(st, x, b, cue->flags))
			return -1; /* "X said the talks...": a reported clause */
		*cp = c;
		return subject_before(st, k, c, ap);
	}
	return -1;
}

/* X said: / X told reporters, : the speaker before the colon or comma at
 * p, that a quotation follows.  *cp gets the cue. */
static int speaker_before_mark(struct qstate *st, size_t p, size_t *cp)
{
	if (!punct_is(st, p, ':') && !punct_is(st, p, ','))
		return -1;
	size_t lo = p > MAX_COMPLEMENT + 1 ? p - MAX_COMPLEMENT - 1 : 0;
	for (size_t c = p; c > lo; c--) {
		if (is_boundary(st, c - 1))
			break;
		const struct entry *cue = cue_at(st, c - 1);
		if (cue == NULL)
			continue;
		if (cue->flags & (CUE_NODIRECT | CUE_ING))
			return -1;
		size_t x = c;
		if (x < p && is_point(st, c - 1) && word_is(st, x, "out"))
			x++;
		if (!is_complement(st, x, p, cue->flags))
			return -1;
		size_t f;
		*cp = c - 1;
		return subject_before(st, 0, c - 1, &f);
	}
	/* According to X, "..." */
	size_t f = clause_start(st, 0, p, MAX_SUBJECT);
	if (f != SIZE_MAX && f + 2 < p && word_is(st, f, "according") && word_is(st, f + 1, "to")) {
		*cp = f;
		return resolve(st, f + 2, p, 0, 0);
	}
	return -1;
}

/* X said: "..." / X told reporters, "...": the speaker before quotation
 * qi, which follows a colon or a comma.  *cp gets the cue. */
static int attribution_before(struct qstate *st, size_t qi, size_t *cp)
{
	return speaker_before_mark(st, st->q[qi].open - 1, cp);
}

/* ""...," he cautioned, "and ..."": the quotation that goes on after
 * the attribution of qi, in the same sentence, is the same quote; the
 * last output quote is made to run to its end. */
static void split_quote(struct qstate *st, size_t qi, size_t s1)
{
	const struct qspan *q = &st->q[qi];
	if (qi + 1 >= st->nq || !q->closed || q->close < 1 || !punct_is(st, q->close - 1, ','))
		return;
	struct qspan *n = &st->q[qi + 1];
	if (n->done || n->open >= s1 || n->open > q->close + 2 + MAX_ATTRIBUTION ||
	    !punct_is(st, n->open - 1, ','))
		return;
	for (size_t i = q->close + 1; i + 1 < n->open; i++)
		if (st->tok[i].kind != TK_WORD && !punct_is(st, i, ','))
			return;
	size_t s, e;
	inner_span(st, qi + 1, &s, &e);
	n->done = true;
	st->out[st->nout - 1].text.end = e;
}

/* "a claim Falk calls "true but beside the point"": a person met before
 * names something in their words, quotation qi.  Emits it mixed, from
 * the name on. */
static bool named_by(struct qstate *st, size_t qi)
{
	struct qspan *q = &st->q[qi];
	size_t o = q->open, f = o - 1;
	if (o < 2 || !q->closed || st->tok[o - 1].kind != TK_WORD ||
	    !(st->tok[o - 1].flags & TF_LOWER) ||
	    !(word_is(st, o - 1, "calls") || word_is(st, o - 1, "called")))
		return false;
	while (f > 0 && o - 1 - f < 3 && is_name_word(st, f - 1, f < o - 1))
		f--;
	if (f == o - 1)
		return false;
	int who = resolve(st, f, o - 1, 0, 0);
	if (who < 0 || !st->who[who].person)
		return false;
	char cue[32];
	cue_text(st, o - 1, cue, sizeof(cue));
	q->done = true;
	emit_tokens(st, who, QUOTE_MIXED, cue, f, q->close + 1);
	return true;
}

/* Step 1: a quotation and the speaker next to it. */
static void direct_quote(struct qstate *st, size_t qi, size_t s0, size_t s1)
{
	struct qspan *q = &st->q[qi];
	enum context ctx = quote_context(st, qi);
	size_t c = SIZE_MAX, a = SIZE_MAX;
	int who = -1;
	char cue[32];

	if (q->done)
		return;
	if (ctx == CTX_INTRO)
		who = attribution_before(st, qi, &c);
	if (who < 0)
		who = attribution_after(st, qi, s1, &c, &a);
	if (who < 0 || c == SIZE_MAX)
		return;
	st->tok[c].flags |= TF_USED;
	cue_text(st, c, cue, sizeof(cue));
	if (strcmp(cue, "according") == 0)
		snprintf(cue, sizeof(cue), "according to");
	if (ctx != CTX_EMBEDDED) {
		size_t before = st->nout;
		emit_quote(st, qi, who, cue);
		if (st->nout > before)
			split_quote(st, qi, s1);
		return;
	}
	/* a fragment in running text: the sentence up to the attribution
	 * is reported */
	q->done = true;
	if (a == SIZE_MAX || a <= q->close)
		a = q->close + 1;
	emit_tokens(st, who, QUOTE_MIXED, cue, s0, a);
}

/* The first quotation that opens at or after token k. */
static size_t quote_from(const struct qstate *st, size_t k)
{
	size_t lo = 0, hi = st->nq;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->q[mid].open < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A quotation set off in a reported clause (after a comma or colon, or
 * the clause entire) gives the speaker's words at length: a direct
 * quote, not a fragment. */
static bool is_set_off(const struct qstate *st, size_t qi, size_t k, size_t e)
{
	const struct qspan *q = &st->q[qi];
	size_t o = q->open;
	bool whole = o == k && q->close + 1 >= e;
	bool after_punct = o > 0 && (punct_is(st, o - 1, ',') || punct_is(st, o - 1, ':'));
	return whole || (after_punct && has_words(st, qi, 4));
}

/* Is quotation qi the title of a work ("the report "Section 301
 * Investigation: ..."", "a paper titled "..."") rather than words said? */
static bool is_title(const struct qstate *st, size_t qi)
{
	size_t o = st->q[qi].open;
	if (o == 0)
		return false;
	if (word_is(st, o - 1, "titled") || word_is(st, o - 1, "entitled") ||
	    word_is(st, o - 1, "headlined"))
		return true;
	/* "the report "Section 301 ...""; but "study the report "with great
	 * care"": a title starts with a capital */
	return word_in(st, o - 1, W_DATA) && o + 1 < st->ntok &&
	       (st->tok[o + 1].flags & (TF_CAP | TF_DIGIT));
}

/* The reported clause [k, e) of speaker who: indirect speech; mixed when
 * it holds quoted fragments; direct quotes for quotations set off in it. */
static void report_clause(struct qstate *st, int who, const char *cue, size_t k, size_t e)
{
	while (k < e && punct_is(st, k, ','))
		k++;
	size_t first = quote_from(st, k), last = first;
	while (last < st->nq && st->q[last].open < e) {
		if (st->q[last].close >= e)
			e = st->q[last].closed ? st->q[last].close + 1 : st->q[last].close;
		last++;
	}
	bool set_off = false, fragment = false;
	for (size_t i = first; i < last; i++) {
		if (st->q[i].done)
			continue;
		if (is_set_off(st, i, k, e))
			set_off = true;
		else if (!is_title(st, i))
			fragment = true;
	}
	if (set_off) {
		for (size_t i = first; i < last; i++)
			if (!st->q[i].done && is_set_off(st, i, k, e))
				emit_quote(st, i, who, cue);
		for (size_t i = first; i < last; i++)
			st->q[i].done = true;
		return;
	}
	for (size_t i = first; i < last; i++)
		st->q[i].done = true;
	emit_tokens(st, who, fragment ? QUOTE_MIXED : QUOTE_INDIRECT, cue, k, e);
}

/* A verb that starts a clause of its own: no complement holds it. */
static bool is_finite_verb(const struct qstate *st, size_t i)
{
	const struct tok *k = &st->tok[i];
	if (!(k->flags & TF_LOWER) || k->end - k->start > 6)
		return false;
	for (const char *const *v = finite_verbs; *v != NULL; v++)
		if (word_is_n(st, i, *v, strlen(*v)))
			return true;
	return false;
}

/* Where the reported clause after the cue at c begins, or SIZE_MAX:
 * after "that", which a short complement may precede ("told reporters
 * that", "said in a statement on Thursday that"); right after a verb of
 * saying ("said the talks ..."). */
static size_t clause_after(const struct qstate *st, size_t c, size_t s1, unsigned flags)
{
	size_t k = c + 1;
	if (k < s1 && is_point(st, c) && word_is(st, k, "out"))
		k++;
	if (k >= s1)
		return SIZE_MAX;
	if (word_is(st, k, "that"))
		return k + 1;
	if (word_is(st, k, "of") || word_is(st, k, "about"))
		return SIZE_MAX; /* "warned of a war that ...": no that-clause */
	const struct tok *t = &st->tok[k];
	if (word_in(st, k, W_COMPLEMENT) || is_ly_adverb(st, k) || (flags & CUE_OBJ)) {
		size_t anchor = SIZE_MAX;
		for (size_t j = k; j < s1 && j <= k + MAX_TO_THAT; j++) {
			if (st->tok[j].kind != TK_WORD || (st->tok[j].flags & TF_INQ) ||
			    is_finite_verb(st, j))
				break;
			if (word_is(st, j, "that"))
				return j + 1;
			if (word_in(st, j, W_COMPLEMENT_END))
				anchor = j;
		}
		/* "said in a statement on Thursday it would": the clause
		 * starts after the last word that can end the complement */
		if ((flags & CUE_SAY) && anchor != SIZE_MAX && anchor + 1 < s1 &&
		    st->tok[anchor + 1].kind == TK_WORD && !word_in(st, anchor + 1, W_COMPLEMENT) &&
		    !word_in(st, anchor + 1, W_MODIFIER) && !(st->tok[anchor + 1].flags & TF_INQ))
			return anchor + 1;
		return SIZE_MAX;
	}
	if ((flags & CUE_SAY) && (t->kind == TK_WORD || t->kind == TK_OPEN) &&
	    !word_in(st, k, W_MODIFIER) && !word_is(st, k, "so") && !word_is(st, k, "nothing"))
		return k;
	return SIZE_MAX;
}

/* "told CNBC the tariffs would stay": after told and an audience that is
 * a name or reporters, the clause may follow with no "that". */
static size_t clause_after_audience(const struct qstate *st, size_t c, size_t s1)
{
	size_t k = c + 1;
	if (!word_is(st, c, "told") && !word_is(st, c, "tells"))
		return SIZE_MAX;
	if (k < s1 && (word_is(st, k, "reporters") || word_is(st, k, "journalists") ||
	               word_is(st, k, "lawmakers") || word_is(st, k, "investors")))
		k++;
	else
		while (k < s1 && k < c + 4 && (st->tok[k].flags & TF_CAP) &&
		       st->tok[k].kind == TK_WORD)
			k++;
	if (k == c + 1 || k >= s1 || st->tok[k].kind != TK_WORD || (st->tok[k].flags & TF_INQ) ||
	    word_in(st, k, W_COMPLEMENT | W_MODIFIER))
		return SIZE_MAX;
	return k;
}

/* Does another speaker start after the comma at i (", while Lutnick
 * said")?  A few words, then a cue verb. */
static bool next_speaker(const struct qstate *st, size_t i, size_t s1)
{
	size_t j = i + 1;
	if (j < s1 && word_in(st, j, W_CONNECTIVE))
		j++;
	if (j >= s1 || !((st->tok[j].flags & TF_CAP) || word_is(st, j, "he") ||
	                 word_is(st, j, "she") || word_is(st, j, "they")))
		return false; /* "..., which Trump said were" goes on */
	for (size_t n = 0; j < s1 && n < 6; j++, n++) {
		const struct tok *k = &st->tok[j];
		if (k->kind != TK_WORD || (k->flags & TF_INQ))
			return false;
		const struct entry *cue = cue_at(st, j);
		if (cue != NULL)
			return n > 0 && !(cue->flags & CUE_ING) &&
			       ((cue->flags & CUE_SAY) ||
			        (j + 1 < s1 && word_is(st, j + 1, "that")));
	}
	return false;
}

/* Where the clause of a second cue at c starts: after its "that"
 * ("but warned that"), or at its object when one is urged or asked to
 * do something ("and urged Tokyo to ..."); SIZE_MAX when neither. */
static size_t second_clause(const struct qstate *st, size_t c, size_t s1)
{
	if (c + 1 >= s1)
		return SIZE_MAX;
	if (word_is(st, c + 1, "that"))
		return c + 2;
	const struct entry *cue = cue_at(st, c);
	if (cue == NULL || !(cue->flags & CUE_OBJ))
		return SIZE_MAX;
	for (size_t j = c + 2; j < s1 && j <= c + 5; j++) {
		if (st->tok[j].kind != TK_WORD || (st->tok[j].flags & TF_INQ))
			return SIZE_MAX;
		if (word_is(st, j, "to") || word_is(st, j, "that"))
			return c + 1;
	}
	return SIZE_MAX;
}

/* Is the cue at c joined to the sentence's speaker by "and" or "but",
 * with a clause of its own ("said ... but warned that", "..., and urged
 * Tokyo to")?  A second verb of saying starts a new quote. */
static bool coordinated_cue(const struct qstate *st, size_t c, size_t s0, size_t s1)
{
	size_t j = c;
	if (j > s0 + 1 && word_is(st, j - 1, "also"))
		j--;
	return j > s0 + 1 && (word_is(st, j - 1, "and") || word_is(st, j - 1, "but")) &&
	       second_clause(st, c, s1) != SIZE_MAX;
}

/* The end of a reported clause: the sentence's, an ", adding that", or a
 * "but warned that". */
static size_t clause_end(struct qstate *st, size_t k, size_t s1)
{
	for (size_t i = k; i + 1 < s1; i++) {
		if ((word_is(st, i, "and") || word_is(st, i, "but")) && i + 3 < s1) {
			size_t j = word_is(st, i + 1, "also") ? i + 2 : i + 1;
			const struct entry *cue = cue_at(st, j);
			if (cue != NULL && !(cue->flags & CUE_ING) && coordinated_cue(st, j, k, s1))
				return i;
		}
		if (punct_is(st, i, ',') && next_speaker(st, i, s1))
			return i;
		bool comma = punct_is(st, i, ',');
		if (!comma && !(st->tok[i].kind == TK_CLOSE && i > 0 && punct_is(st, i - 1, ',')))
			continue;
		const struct entry *cue = cue_at(st, i + 1);
		if (cue != NULL && (cue->flags & CUE_ING))
			return comma ? i : i + 1;
		if (i + 2 < s1 && word_is(st, i + 1, "according") && word_is(st, i + 2, "to"))
			return comma ? i : i + 1;
	}
	return s1;
}

/* Where the attribution after a reported clause ends, its verb's
 * complement [k, ...) read: at the sentence's end ("..., Bessent said in
 * a statement."), or at a comma after which the sentence goes on ("...,
 * the ministry said, but will keep", ", adding that").  SIZE_MAX when
 * the verb has a clause of its own. */
static size_t attribution_stop(const struct qstate *st, size_t k, size_t s1, unsigned flags)
{
	size_t b = attribution_end(st, k, s1);
	if (!is_complement(st, k, b, flags))
		return SIZE_MAX;
	if (b == s1 || (b + 1 == s1 && is_stop(&st->tok[b])))
		return s1;
	if (punct_is(st, b, ',') && b + 2 < s1 && st->tok[b + 1].kind == TK_WORD)
		return b;
	return SIZE_MAX;
}

/* "Analysts said", "..., traders say": a trade speaking as one, with a
 * plain verb of saying only ("analysts suggest" sums up, it does not
 * report).  *fp gets its first token. */
/* "lawmakers", "carmakers", "exporters": a plural of who does
 * something, in small letters. */
static bool is_agent_plural(const struct qstate *st, size_t i, size_t s0)
{
	const struct tok *k = &st->tok[i];
	size_t n = k->end - k->start;
	/* in capitals only where the sentence starts: "Lawmakers said" */
	bool small = (k->flags & TF_LOWER) || i == s0;
	return k->kind == TK_WORD && small && !(k->flags & (TF_INQ | TF_ACRO)) && n >= 6 &&
	       memcmp(st->t + k->end - 3, "ers", 3) == 0 && !word_is(st, i, "others") &&
	       !word_in(st, i, W_DATA);
}

static int crowd_before(struct qstate *st, size_t s0, size_t c, size_t *fp)
{
	size_t e = c;
	while (e > s0 && word_in(st, e - 1, W_AUX))
		e--;
	if (e == s0 || is_possessive(st, e - 1))
		return -1;
	bool agents = !word_in(st, e - 1, W_CROWD);
	if (agents && !is_agent_plural(st, e - 1, s0))
		return -1;
	size_t f = e - 1;
	/* "traders and analysts said" */
	if (f > s0 + 1 && (word_is(st, f - 1, "and") || word_is(st, f - 1, "or")) &&
	    word_in(st, f - 2, W_CROWD) && !is_possessive(st, f - 2))
		f -= 2;
	/* "Chinese and European carmakers say", "Some Mexican lawmakers
	 * said": what they are, in capitals */
	for (size_t n = 0; agents && n < 3 && f > s0 && (st->tok[f - 1].flags & TF_CAP) &&
	                   st->tok[f - 1].kind == TK_WORD && !is_possessive(st, f - 1) &&
	                   !word_in(st, f - 1, W_STOPCAP);
	     n++) {
		f--;
		if (f > s0 + 1 && word_is(st, f - 1, "and") && (st->tok[f - 2].flags & TF_CAP))
			f -= 1;
	}
	if (f > s0 && (word_is(st, f - 1, "some") || word_is(st, f - 1, "many") ||
	               word_is(st, f - 1, "most") || word_is(st, f - 1, "several") ||
	               word_is(st, f - 1, "other")))
		f--;
	size_t g = f;
	if (g > s0 && word_in(st, g - 1, W_CONNECTIVE))
		g--;
	if (g > s0 && !is_boundary(st, g - 1))
		return -1; /* "bonds that investors say" */
	/* in small letters, as in running text, though it starts a sentence */
	char buf[48];
	size_t n = st->tok[e - 1].end - st->tok[f].start;
	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, st->t + st->tok[f].start, n);
	if (word_in(st, f, W_STOPCAP | W_CROWD) || f == e - 1)
		buf[0] = (char)lower_ascii((unsigned char)buf[0]);
	*fp = f;
	return add_who(st, buf, n, -1, false); /* no "it" nor "he" later */
}

/* Are the tokens [k, e) only a phrase that sets the scene ("In his speech
 * on Monday, Trump said, ...") rather than a clause that was said? */
static bool is_intro(const struct qstate *st, size_t k, size_t e)
{
	if (!word_in(st, k, W_COMPLEMENT) || e - k > MAX_COMPLEMENT)
		return false;
	for (size_t i = k; i < e; i++)
		if (st->tok[i].kind != TK_WORD || is_finite_verb(st, i))
			return false;
	return true;
}

/* Step 2: the cue verb at c in the sentence [s0, s1).  Returns where to
 * go on reading. */
static size_t reported_speech(struct qstate *st, size_t c, size_t s0, size_t s1)
{
	const struct entry *cue = cue_at(st, c);
	char cuebuf[32];
	size_t f;
	int who;

	cue_text(st, c, cuebuf, sizeof(cuebuf));
	if (cue->flags & CUE_ING) {
		/* "..., adding that ...": the sentence's speaker or subject
		 * goes on */
		who = st->sent_who >= 0 ? st->sent_who : st->sent_subject;
		size_t k = clause_after(st, c, s1, cue->flags);
		if (who < 0 || c == s0 || !punct_is(st, c - 1, ',') || k == SIZE_MAX)
			return c + 1;
		size_t e = clause_end(st, k, s1);
		st->tok[c].flags |= TF_USED;
		report_clause(st, who, cuebuf, k, e);
		return e;
	}
	/* "said the deal helped but warned that ...": the same speaker */
	if (st->sent_who >= 0 && coordinated_cue(st, c, s0, s1)) {
		size_t k = second_clause(st, c, s1);
		size_t e = clause_end(st, k, s1);
		st->tok[c].flags |= TF_USED;
		report_clause(st, st->sent_who, cuebuf, k, e);
		return e;
	}
	/* "..., said Bessent." */
	if (c > s0 + 2 && punct_is(st, c - 1, ',') && !(cue->flags & CUE_NODIRECT)) {
		size_t b = attribution_end(st, c + 1, s1);
		size_t df = b, de = b;
		if (b < s1 && punct_is(st, b, ',')) {
			df = b + 1;
			de = attribution_end(st, df, s1);
		}
		if (b > c + 1 && (de == s1 || (de + 1 == s1 && is_stop(&st->tok[de])))) {
			who = resolve(st, c + 1, b, df, de);
			if (who >= 0) {
				emit_tokens(st, who, QUOTE_INDIRECT, cuebuf, s0, c - 1);
				return s1;
			}
		}
		/* "..., said Local 23 president Mike Brennan, "but not ..."":
		 * the clause goes on in their words, one mixed quote */
		size_t qi = df == de && de < s1 && st->tok[de].kind == TK_OPEN ? quote_from(st, de)
		                                                               : st->nq;
		if (b > c + 1 && qi < st->nq && st->q[qi].open == de && st->q[qi].closed &&
		    !st->q[qi].done &&
		    (st->q[qi].close + 1 == s1 ||
		     (st->q[qi].close + 2 == s1 && is_stop(&st->tok[s1 - 1])))) {
			who = resolve(st, c + 1, b, 0, 0);
			if (who >= 0) {
				st->tok[c].flags |= TF_USED;
				st->q[qi].done = true;
				emit_tokens(st, who, QUOTE_MIXED, cuebuf, s0, st->q[qi].close + 1);
				return s1;
			}
		}
	}
	who = subject_before(st, s0, c, &f);
	if (who < 0 && (cue->flags & CUE_SAY))
		who = crowd_before(st, s0, c, &f);
	if (who < 0)
		return c + 1;
	/* "..., Bessent said." and "..., the ministry said, but ..." */
	size_t stop = f > s0 + 2 && punct_is(st, f - 1, ',')
	                  ? attribution_stop(st, c + 1, s1, cue->flags)
	                  : SIZE_MAX;
	if (stop != SIZE_MAX && (stop == s1 || !is_intro(st, s0, f - 1))) {
		size_t k = s0;
		if (word_in(st, k, W_CONNECTIVE) && punct_is(st, k + 1, ','))
			k += 2;
		st->tok[c].flags |= TF_USED;
		st->sent_who = who;
		report_clause(st, who, cuebuf, k, f - 1);
		return stop;
	}
	size_t k = clause_after(st, c, s1, cue->flags);
	if (k == SIZE_MAX)
		k = clause_after_audience(st, c, s1);
	/* "It urged Brussels to apply ...": who is urged, and to do what */
	if (k == SIZE_MAX && (cue->flags & CUE_OBJ))
		k = second_clause(st, c, s1);
	if (k == SIZE_MAX)
		return c + 1;
	size_t e = clause_end(st, k, s1);
	st->tok[c].flags |= TF_USED;
	st->sent_who = who;
	report_clause(st, who, cuebuf, k, e);
	return e;
}

/* "..., according to Ms. Zhang." / "According to X, ...". */
static size_t according_to(struct qstate *st, size_t c, size_t s0, size_t s1)
{
	size_t b = attribution_end(st, c + 2, s1);
	if (b == c + 2)
		return c + 1;
	int who = resolve(st, c + 2, b, 0, 0);
	if (who < 0)
		return c + 1;
	st->sent_who = who;
	if (c == s0 || (c == s0 + 2 && word_in(st, s0, W_CONNECTIVE))) {
		if (b < s1 && punct_is(st, b, ','))
			report_clause(st, who, "according to", b + 1, clause_end(st, b + 1, s1));
		return s1;
	}
	size_t k = s0, e = c;
	if (word_in(st, k, W_CONNECTIVE) && k + 1 < e && punct_is(st, k + 1, ','))
		k += 2;
	report_clause(st, who, "according to", k, e);
	return b;
}

/* Step 3: a quotation still without speaker. */
static void leftover_quote(struct qstate *st, size_t qi)
{
	struct qspan *q = &st->q[qi];
	if (q->done)
		return;
	q->done = true;
	enum context ctx = quote_context(st, qi);
	if (ctx == CTX_EMBEDDED)
		return; /* a scare quote, a title */
	if (q->open == 0) {
		if (st->carry_who >= 0) {
			emit_quote(st, qi, st->carry_who, st->carry_cue);
			return;
		}
		if (st->prev_para_who >= 0 && only_quotes(st)) {
			emit_quote(st, qi, st->prev_para_who, "");
			return;
		}
	}
	if (st->para_who >= 0) {
		char cue[32];
		memcpy(cue, st->para_cue, sizeof(cue));
		emit_quote(st, qi, st->para_who, cue);
		return;
	}
	if (!q->closed && ctx == CTX_START && qi + 1 == st->nq) {
		/* its speaker may come in the next paragraph */
		q->done = false;
	}
}

/* "Another analyst, Mark O'Donnell of X, was more cautious": a subject
 * with an appositive between the commas at g and before the verb. */
static int appositive_subject(struct qstate *st, size_t s0, size_t g, size_t s1)
{
	size_t j = g + 1, f;
	while (j < s1 && j <= g + MAX_APPOSITIVE && st->tok[j].kind == TK_WORD &&
	       !(st->tok[j].flags & TF_INQ))
		j++;
	if (j == g + 1 || j + 1 >= s1 || !punct_is(st, j, ',') ||
	    !(st->tok[j + 1].flags & TF_LOWER) || cue_at(st, j + 1) != NULL ||
	    word_in(st, j + 1, W_CONNECTIVE))
		return -1; /* no verb after it, or one that a cue verb will read */
	return subject_before(st, s0, j + 1, &f);
}

/* A person or source that a sentence starts with is who a later "he",
 * "she" or "it" may be ("Bessent spoke in Madrid. ... he said"). */
static int note_subject(struct qstate *st, size_t s0, size_t s1)
{
	size_t f = s0;
	if (f < s1 && word_in(st, f, W_STOPCAP | W_COMPLEMENT)) {
		/* "In response, US President Donald Trump ..." */
		for (size_t j = f + 1; j < s1 && j < f + 8; j++) {
			if (punct_is(st, j, ',')) {
				f = j + 1;
				break;
			}
			if (st->tok[j].kind != TK_WORD)
				break;
		}
	}
	while (f < s1 && word_in(st, f, W_CONNECTIVE))
		f++;
	size_t g = f;
	while (g < s1 && g < f + 8 && st->tok[g].kind == TK_WORD && !(st->tok[g].flags & TF_INQ) &&
	       ((st->tok[g].flags & TF_CAP) || word_in(st, g, W_DESCRIBING | W_SOURCE | W_TITLE)))
		g++;
	if (g > f && g < s1 && punct_is(st, g, ','))
		return appositive_subject(st, s0, g, s1);
	if (g == f || g >= s1 || !(st->tok[g].flags & TF_LOWER) || cue_at(st, g) != NULL)
		return -1; /* no name, or one that a cue verb will read */
	if (g == f + 1 && (word_is(st, f, "he") || word_is(st, f, "she") || word_is(st, f, "it")))
		return resolve(st, f, g, 0, 0);
	/* most sentences start with no one: spare them the resolving */
	bool name = (st->tok[g - 1].flags & TF_CAP) && !word_in(st, g - 1, W_STOPCAP | W_TITLE);
	if (!name && !word_in(st, g - 1, W_SOURCE) &&
	    actor_within(st, st->tok[f].start, st->tok[g - 1].end, true) < 0)
		return -1;
	return resolve(st, f, g, 0, 0);
}

static void read_sentence(struct qstate *st, size_t s0, size_t s1, size_t *qi)
{
	size_t qa = *qi;
	while (*qi < st->nq && st->q[*qi].open < s1)
		(*qi)++;
	st->sent_who = -1;
	st->sent_subject = note_subject(st, s0, s1);
	for (size_t j = qa; j < *qi; j++)
		direct_quote(st, j, s0, s1);
	for (size_t j = qa; j < *qi; j++)
		if (!st->q[j].done && st->q[j].open > s0)
			named_by(st, j);
	/* only the words the tokenizer noted may be a cue or "according
	 * to": the others are stepped over */
	for (size_t c = s0, ci = st->cand_next;;) {
		while (ci < st->ncand && st->cand[ci] < c)
			ci++;
		st->cand_next = ci;
		if (ci == st->ncand || st->cand[ci] >= s1)
			break;
		c = st->cand[ci];
		const struct entry *cue = cue_at(st, c);
		if (cue != NULL) {
			c = reported_speech(st, c, s0, s1);
		} else if (c + 1 < s1 && word_is(st, c, "according") && word_is(st, c + 1, "to") &&
		           !(st->tok[c].flags & (TF_INQ | TF_USED))) {
			c = according_to(st, c, s0, s1);
		} else {
			c++;
		}
	}
	for (size_t j = qa; j < *qi; j++)
		leftover_quote(st, j);
}

static int by_start(const void *x, const void *y)
{
	const struct quote *a = x, *b = y;
	if (a->text.start != b->text.start)
		return a->text.start < b->text.start ? -1 : 1;
	return 0;
}

/* Is the paragraph's first word the letter l of an interview's "Q:" or
 * "A:" (or "Q." and "A.")? */
static bool interview_mark(const struct qstate *st, char l)
{
	if (st->ntok <= 2) /* and tok may be NULL: no &tok[0] then */
		return false;
	const struct tok *k = &st->tok[0];
	return k->kind == TK_WORD && st->t[k->start] == l &&
	       k->end - k->start == ((k->flags & TF_ABBR) ? 2u : 1u) &&
	       ((k->flags & TF_ABBR) || punct_is(st, 1, ':'));
}

#define MAX_LABEL 12 /* tokens of a transcript's label, up to its colon */

/* The words [f, e) as a name, in small letters after the first of each
 * word when written in capitals ("MADELEINE KING": "Madeleine King"),
 * into buf of size; their length, or 0 when too long. */
static size_t label_name(const struct qstate *st, size_t f, size_t e, char *buf, size_t size)
{
	size_t n = 0;
	for (size_t i = f; i < e; i++) {
		size_t len;
		const char *w = word_of(st, i, &len);
		if (n + len + 2 > size)
			return 0;
		if (i > f)
			buf[n++] = ' ';
		bool caps = st->tok[i].flags & TF_ACRO;
		for (size_t j = 0; j < len; j++) {
			unsigned char c = (unsigned char)w[j];
			bool first = j == 0 || w[j - 1] == '-';
			buf[n++] = (char)(caps && !first ? lower_ascii(c) : c);
		}
	}
	buf[n] = '\0';
	return n;
}

/* The actor named beside the first mention of name before the byte
 * before, within its paragraph ("THE HON MADELEINE KING MP / MINISTER FOR
 * RESOURCES AND NORTHERN AUSTRALIA"), or -1. */
static int actor_beside(const struct qstate *st, const char *name, size_t len, size_t before)
{
	const char *hit = memmem(st->t, before, name, len);
	if (hit == NULL)
		return -1;
	size_t at = (size_t)(hit - st->t), end = at + len;
	while (end < before && end < at + 300 && !(st->t[end] == '\n' && st->t[end + 1] == '\n'))
		end++;
	return actor_within(st, at, end, true);
}

/* "Köhler: Very little ...", "MADELEINE KING, MINISTER FOR RESOURCES:
 * Well, ...", "Guo Jiakun: We have noted ...": a paragraph labelled with
 * the name of who speaks, as interviews and transcripts label answers
 * (the questions carry the publication's name or "JOURNALIST").  One
 * word must be the name of a person met before; a full name must be
 * known (actors.conf, or met before), or come with a title after a
 * comma.  Their index, or -1; *kp gets the first token after the
 * colon. */
static int label_speaker(struct qstate *st, size_t *kp)
{
	if (st->ntok < 4) /* and tok may be NULL: no &tok[0] then */
		return -1;
	const struct tok *k = &st->tok[0];
	if (k->kind != TK_WORD || !(k->flags & TF_CAP) ||
	    st->t[k->end] == '\n')
		return -1;
	/* most paragraphs have no colon among their first words */
	size_t last = st->ntok < MAX_LABEL ? st->ntok - 1 : MAX_LABEL - 1;
	if (memchr(st->t + k->start, ':', st->tok[last].end - k->start) == NULL)
		return -1;
	size_t colon = 1;
	while (colon < st->ntok && colon < MAX_LABEL && !punct_is(st, colon, ':') &&
	       (st->tok[colon].kind == TK_WORD || punct_is(st, colon, ',')))
		colon++;
	if (colon == st->ntok || colon == MAX_LABEL || !punct_is(st, colon, ':'))
		return -1;
	size_t h = 0;
	colon = 0;
	while (h < st->ntok && h < 4 && st->tok[h].kind == TK_WORD &&
	       (st->tok[h].flags & TF_CAP) && !(st->tok[h].flags & (TF_INQ | TF_DIGIT)) &&
	       !is_possessive(st, h) && !word_in(st, h, W_ORG))
		h++;
	if (h == 0 || h >= st->ntok)
		return -1;
	bool titled = false;
	if (punct_is(st, h, ':')) {
		colon = h;
	} else if (punct_is(st, h, ',')) {
		/* "MADELEINE KING, MINISTER FOR RESOURCES:" */
		for (size_t i = h + 1; i < st->ntok && i < MAX_LABEL; i++) {
			if (punct_is(st, i, ':')) {
				colon = i;
				break;
			}
			if (st->tok[i].kind != TK_WORD || (st->tok[i].flags & TF_INQ))
				return -1;
			titled = titled || word_in(st, i, W_TITLE | W_SOURCE);
		}
		if (colon == 0 || !titled)
			return -1;
	} else {
		return -1;
	}
	if (colon + 2 > st->ntok)
		return -1;
	*kp = colon + 1;
	char name[MAX_PERSON];
	size_t len = label_name(st, 0, h, name, sizeof(name));
	if (len == 0)
		return -1;
	if (h == 1)
		return known_by_word(st, name, len);
	const struct person *p = NULL;
	int actor = st->a != NULL ? actors_person(st->a, name, &p) : -1;
	if (actor >= 0 && p != NULL)
		return add_who(st, p->name, strlen(p->name), actor, true);
	int w = known_by_tail(st, name, len);
	if (w >= 0)
		return w;
	for (size_t i = 0; i < h; i++)
		if (word_in(st, i, W_STOPCAP))
			return -1; /* "The Rules:", "Our Standards:" */
	if (!titled)
		return -1;
	actor = actor_within(st, st->tok[h].start, st->tok[colon].start, true);
	if (actor < 0) {
		size_t n = st->tok[h - 1].end - k->start;
		actor = actor_beside(st, st->t + k->start, n, k->start);
	}
	return add_who(st, name, len, actor, true);
}

/* Interviews: "Q:" paragraphs ask, and "A:" paragraphs are the words of
 * the person introduced before the first question; or the paragraphs
 * are labelled with the names of who speaks.  True when the
 * paragraph is an answer, given as one quote. */
static bool interview_answer(struct qstate *st)
{
	if (interview_mark(st, 'Q')) {
		if (st->interviewee < 0)
			st->interviewee = st->last_person;
		return false;
	}
	int who = st->interviewee;
	size_t k = 0;
	if (who < 0 || !interview_mark(st, 'A'))
		who = label_speaker(st, &k);
	else
		k = punct_is(st, 1, ':') ? 2 : 1;
	if (who < 0)
		return false;
	emit_span(st, who, QUOTE_DIRECT, "", st->tok[k].start, st->tok[st->ntok - 1].end);
	for (size_t i = 0; i < st->nq; i++)
		st->q[i].done = true;
	return true;
}

/* The output quote, from first on, of the paragraph's last quotation. */
static size_t last_quote_out(const struct qstate *st, size_t first)
{
	size_t s, e;
	if (st->q[st->nq - 1].open == 0 && st->extended != SIZE_MAX)
		return st->extended;
	inner_span(st, st->nq - 1, &s, &e);
	for (size_t i = st->nout; i > first; i--)
		if (st->out[i - 1].text.start == s)
			return i - 1;
	return SIZE_MAX;
}

/* What goes on in the next paragraph: an unclosed quotation, with its
 * speaker or still without one, or a quotation announced by "X said:". */
static void carry_over(struct qstate *st, size_t first)
{
	size_t c;
	st->carry_who = -1;
	st->carry_out = SIZE_MAX;
	st->pending = false;
	if (st->nq > 0 && !st->q[st->nq - 1].closed) {
		const struct qspan *q = &st->q[st->nq - 1];
		if (q->done && st->para_who >= 0) {
			st->carry_who = st->para_who;
			memcpy(st->carry_cue, st->para_cue, sizeof(st->carry_cue));
			st->carry_out = last_quote_out(st, first);
		} else if (!q->done) {
			inner_span(st, st->nq - 1, &st->pending_span.start, &st->pending_span.end);
			st->pending = true;
		}
	} else if (st->ntok > 2 && punct_is(st, st->ntok - 1, ':') &&
	           !(st->tok[st->ntok - 1].flags & TF_INQ)) {
		int who = speaker_before_mark(st, st->ntok - 1, &c);
		if (who >= 0) {
			st->carry_who = who;
			cue_text(st, c, st->carry_cue, sizeof(st->carry_cue));
		}
	}
}

/* The words from token k up to token i name who issued the statement,
 * when they hold an actor that is no country: it becomes the issuer. */
static void note_issuer(struct qstate *st, size_t k, size_t i)
{
	int actor = actor_within(st, st->tok[k].start, st->tok[i - 1].end, false);
	const struct actor *ac = actor_of(st, actor);
	if (ac != NULL && ac->kind != ACTOR_COUNTRY)
		st->issuer = actor;
}

/* "BRUSSELS - The European Commission today proposed ...": a press
 * release's lead names its issuer, of whom its office-holders speak. */
#define ISSUER_PARAGRAPHS 3

static void find_issuer(struct qstate *st)
{
	size_t k = 0;
	/* past a dateline: "Strasbourg –", "BRUSSELS, Oct 7 -" */
	for (size_t j = 0; j < st->ntok && j < 6; j++) {
		if (punct_is(st, j, '-')) {
			k = j + 1;
			break;
		}
		if (!(st->tok[j].flags & (TF_CAP | TF_DIGIT)) && !punct_is(st, j, ','))
			break;
	}
	/* "Today, the Department of Commerce's Bureau of Industry and
	 * Security (BIS) added ...": the verb comes after its subject */
	bool today_first = k + 2 < st->ntok && word_is(st, k, "today") && punct_is(st, k + 1, ',');
	if (today_first)
		k += 2;
	if (k < st->ntok && word_is(st, k, "the"))
		k++;
	for (size_t i = k + 1; today_first && i + 1 < st->ntok && i < k + 16; i++) {
		const struct tok *t = &st->tok[i];
		size_t n = t->end - t->start;
		if (t->kind != TK_WORD && !punct_is(st, i, '(') && !punct_is(st, i, ')'))
			return;
		if (!(t->flags & TF_LOWER) || word_in(st, i, W_DESCRIBING | W_MODIFIER))
			continue;
		if (n < 4 || memcmp(st->t + t->end - 2, "ed", 2) != 0)
			return;
		note_issuer(st, k, i);
		return;
	}
	for (size_t i = k + 1; i + 1 < st->ntok && i < k + 12; i++) {
		const struct tok *t = &st->tok[i];
		if (t->kind != TK_WORD && !punct_is(st, i, '(') && !punct_is(st, i, ')'))
			return;
		if (!word_is(st, i, "today"))
			continue;
		size_t n = st->tok[i + 1].end - st->tok[i + 1].start;
		if (!(st->tok[i + 1].flags & TF_LOWER) || n < 4 ||
		    memcmp(st->t + st->tok[i + 1].end - 2, "ed", 2) != 0)
			return;
		note_issuer(st, k, i);
		return;
	}
}

static void read_paragraph(struct qstate *st, size_t ps, size_t pe)
{
	size_t first = st->nout, qi = 0, s0 = 0;

	tokenize(st, ps, pe);
	split_sentences(st);
	st->cand_next = 0;
	st->para_who = st->para_last_who = -1;
	st->para_cue[0] = '\0';
	st->para_last_start = 0;
	st->extended = SIZE_MAX;
	if (st->issuer < 0 && st->paragraphs++ < ISSUER_PARAGRAPHS)
		find_issuer(st);
	bool answer = interview_answer(st);
	for (size_t s = 0; s < st->nsent && !answer; s++) {
		read_sentence(st, s0, st->sent[s], &qi);
		s0 = st->sent[s];
	}
	if (st->nout - first > 1)
		qsort(st->out + first, st->nout - first, sizeof(*st->out), by_start);
	st->prev_para_who = st->nout > first || st->extended != SIZE_MAX ? st->para_last_who : -1;
	carry_over(st, first);
}

void quotes_find(const struct doc *d, const struct actors *a, const struct mention *mentions,
                 size_t nmentions, struct quote **out, size_t *n)
{
	struct qstate st;
	struct person_memo memo[PERSON_MEMO];

	memset(&st, 0, sizeof(st));
	memset(memo, 0, sizeof(memo));
	st.memo = memo;
	st.t = d->text;
	st.a = a;
	st.m = mentions;
	st.nm = mentions != NULL ? nmentions : 0;
	st.last_person = st.last_source = st.prev_para_who = st.carry_who = -1;
	st.interviewee = -1;
	st.issuer = -1;
	st.carry_out = SIZE_MAX;
	st.out = *out;
	st.nout = st.outcap = *n;
	pthread_once(&table_once, build_table);
	if (d->nparagraphs == 0 && d->len > 0) {
		read_paragraph(&st, 0, d->len);
	}
	for (size_t i = 0; i < d->nparagraphs; i++) {
		size_t ps = d->paragraphs[i].start, pe = d->paragraphs[i].end;
		if (pe > d->len)
			pe = d->len;
		if (ps < pe)
			read_paragraph(&st, ps, pe);
	}
	for (size_t i = 0; i < st.nwho; i++)
		free(st.who[i].name);
	free(st.who);
	free(st.tok);
	free(st.q);
	free(st.sent);
	free(st.stop);
	free(st.cand);
	free(st.name_words);
	*out = st.out;
	*n = st.nout;
}
