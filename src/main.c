/* retl: who did what, when, and who said what, in trade policy.
 * This file reads the command line and hands over to one command. */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include "common/i18n.h"
#include "common/util.h"
#include "conf/feeds_conf.h"
#include "parse/feed.h"
#include "present/feed_json.h"
#include "present/ui.h"
#include "actors_command.h"
#include "demo.h"
#include "extract_command.h"
#include "feeds_command.h"
#include "summarise.h"
#include "article_analysis.h"
#include "refresh.h"
#include "store/store.h"

/* Exit statuses, as retl(1) documents them. */
enum {
	EXIT_OK = 0,
	EXIT_SOME_FAILED = 1,
	EXIT_USAGE = 2,
};

enum command {
	CMD_NONE,
	CMD_PARSE,
	CMD_REFRESH,
	CMD_ANALYZE,
	CMD_REANALYZE,
	CMD_DEMO,
	CMD_SUMMARY,
	CMD_IMPORT_OPML,
	CMD_EXPORT_OPML,
	CMD_LIST_ACTORS,
	CMD_ADD_FEED,
	CMD_EXTRACT,
};

struct args {
	enum command command;
	const char *parse_file;
	const char *extract_file;
	const char *analyze_file;
	const char *opml_file;
	const char *add_url;
	char **settings; /* key=value words after --add-feed URL */
	int nsettings;
	const char *date;
	const char *url;
	size_t max_size;
	struct refresh_args refresh;
	struct summarise_args summary;
};

/* One screen (23 lines of at most 80 columns), grouped by what users do;
 * retl(1) has every detail. */
static void usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"), "retl");
	fputs(_("Follow trade policy in a terminal: who did what, when, and who said what.\n"),
	      out);
	fputs("\n", out);
	fputs(_("Browse     retl                   the timeline (press ? in it for the keys)\n"
		"           retl --demo            the same on the bundled demo corpus\n"),
	      out);
	fputs(_("Fetch      retl -r, --refresh     fetch every feed (--force: ignore intervals,\n"
		"             --wait for a refresh under way, -j, --jobs N transfers at once)\n"),
	      out);
	fputs(_("Feeds      retl --add-feed URL [name=NAME actor=ACTOR tags=TAG,TAG...]\n"
		"           retl --import-opml FILE, --export-opml   from and to other readers\n"),
	      out);
	fputs(_("Summarise  retl --since DATE      what happened from DATE (YYYY[-MM[-DD]]) on;\n"
		"             --until DATE --actor NAME --feed NAME --tag TAG --grep WORDS\n"
		"             --format text|markdown|json|csv|svg --limit N\n"),
	      out);
	fputs(_("Analyse    retl --analyze FILE [--date YYYY-MM-DD]   one article, as JSON\n"
		"           retl --reanalyze       every stored article (after editing actors)\n"
		"           retl --list-actors     the actors in the store, with their events\n"),
	      out);
	fputs(_("Inspect    retl -p, --parse FILE [--url URL] [--max-size SIZE]   a feed as JSON\n"
		"           retl --extract FILE    the article text of a saved web page\n"),
	      out);
	fputs(_("Files      --db PATH          default $RETL_DB, ~/.local/share/retl/retl.db\n"
		"           --config PATH      default $RETL_CONFIG, ~/.config/retl/feeds.conf\n"),
	      out);
	fputs(_("Other      -v, --verbose  -q, --quiet  -h, --help  -V, --version\n"), out);
	fputs(_("Exit status: 0 all well, 1 some work failed, 2 bad usage or configuration.\n"),
	      out);
	fprintf(out, _("Every option, key and file: man retl.\nReport bugs at <%s>.\n"),
		PACKAGE_BUGREPORT);
}

static void version(void)
{
	printf("retl %s\n", PACKAGE_VERSION);
	printf(_("libxml2 %s, %s, SQLite %s\n"), LIBXML_DOTTED_VERSION, curl_version(),
	       sqlite3_libversion());
}

static bool parse_jobs(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 1 || v > 64)
		return false;
	*out = (int)v;
	return true;
}

static bool parse_jobs_limit(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 1 || v > 100000000)
		return false;
	*out = (int)v;
	return true;
}

__attribute__((format(printf, 1, 2))) static int bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("retl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Try 'retl --help' for more information.\n"));
	return EXIT_USAGE;
}

enum {
	OPT_URL = 256,
	OPT_MAX_SIZE,
	OPT_DB,
	OPT_CONFIG,
	OPT_FORCE,
	OPT_WAIT,
	OPT_ANALYZE,
	OPT_DATE,
	OPT_REANALYZE,
	OPT_DEMO,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_ACTOR,
	OPT_FEED,
	OPT_TAG,
	OPT_GREP,
	OPT_FORMAT,
	OPT_LIMIT,
	OPT_IMPORT_OPML,
	OPT_EXPORT_OPML,
	OPT_LIST_ACTORS,
	OPT_ADD_FEED,
	OPT_EXTRACT,
};

static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{"parse", required_argument, NULL, 'p'},
		{"url", required_argument, NULL, OPT_URL},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"refresh", no_argument, NULL, 'r'},
		{"analyze", required_argument, NULL, OPT_ANALYZE},
		{"date", required_argument, NULL, OPT_DATE},
		{"reanalyze", no_argument, NULL, OPT_REANALYZE},
		{"demo", no_argument, NULL, OPT_DEMO},
		{"since", required_argument, NULL, OPT_SINCE},
		{"until", required_argument, NULL, OPT_UNTIL},
		{"actor", required_argument, NULL, OPT_ACTOR},
		{"feed", required_argument, NULL, OPT_FEED},
		{"tag", required_argument, NULL, OPT_TAG},
		{"grep", required_argument, NULL, OPT_GREP},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"limit", required_argument, NULL, OPT_LIMIT},
		{"force", no_argument, NULL, OPT_FORCE},
		{"import-opml", required_argument, NULL, OPT_IMPORT_OPML},
		{"export-opml", no_argument, NULL, OPT_EXPORT_OPML},
		{"list-actors", no_argument, NULL, OPT_LIST_ACTORS},
		{"add-feed", required_argument, NULL, OPT_ADD_FEED},
		{"extract", required_argument, NULL, OPT_EXTRACT},
		{"wait", no_argument, NULL, OPT_WAIT},
		{"jobs", required_argument, NULL, 'j'},
		{"verbose", no_argument, NULL, 'v'},
		{"quiet", no_argument, NULL, 'q'},
		{"db", required_argument, NULL, OPT_DB},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":p:rj:vqhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			a->command = CMD_PARSE;
			a->parse_file = optarg;
			break;
		case OPT_URL:
			a->url = optarg;
			break;
		case OPT_MAX_SIZE:
			if (!parse_size(optarg, &a->max_size))
				return bad_usage(_("invalid size '%s' (try 32M)"), optarg);
			break;
		case 'r':
			a->command = CMD_REFRESH;
			break;
		case OPT_ANALYZE:
			a->command = CMD_ANALYZE;
			a->analyze_file = optarg;
			break;
		case OPT_DATE:
			a->date = optarg;
			break;
		case OPT_REANALYZE:
			a->command = CMD_REANALYZE;
			break;
		case OPT_DEMO:
			a->command = CMD_DEMO;
			break;
		case OPT_IMPORT_OPML:
			a->command = CMD_IMPORT_OPML;
			a->opml_file = optarg;
			break;
		case OPT_EXPORT_OPML:
			a->command = CMD_EXPORT_OPML;
			break;
		case OPT_LIST_ACTORS:
			a->command = CMD_LIST_ACTORS;
			break;
		case OPT_ADD_FEED:
			a->command = CMD_ADD_FEED;
			a->add_url = optarg;
			break;
		case OPT_EXTRACT:
			a->command = CMD_EXTRACT;
			a->extract_file = optarg;
			break;
		case OPT_SINCE:
			a->command = CMD_SUMMARY;
			a->summary.since = optarg;
			break;
		case OPT_UNTIL:
			a->summary.until = optarg;
			break;
		case OPT_ACTOR:
			if (a->summary.nactors >= 16)
				return bad_usage(_("at most 16 --actor options"));
			a->summary.actors[a->summary.nactors++] = optarg;
			break;
		case OPT_FEED:
			a->summary.feed = optarg;
			break;
		case OPT_TAG:
			a->summary.tag = optarg;
			break;
		case OPT_GREP:
			a->summary.grep = optarg;
			break;
		case OPT_FORMAT:
			a->summary.format = optarg;
			break;
		case OPT_LIMIT:
			if (!parse_jobs_limit(optarg, &a->summary.limit))
				return bad_usage(_("--limit needs a positive number, not '%s'"), optarg);
			break;
		case OPT_FORCE:
			a->refresh.force = true;
			break;
		case OPT_WAIT:
			a->refresh.wait = true;
			break;
		case 'j':
			if (!parse_jobs(optarg, &a->refresh.jobs))
				return bad_usage(_("invalid number of jobs '%s' (1 to 64)"), optarg);
			break;
		case 'v':
			a->refresh.verbosity = VERBOSITY_VERBOSE;
			break;
		case 'q':
			a->refresh.verbosity = VERBOSITY_QUIET;
			break;
		case OPT_DB:
			a->refresh.db_path = optarg;
			break;
		case OPT_CONFIG:
			a->refresh.config_path = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		case 'V':
			version();
			exit(EXIT_OK);
		case ':':
			return bad_usage(_("option '%s' needs an argument"), argv[optind - 1]);
		default:
			return bad_usage(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc && a->command == CMD_ADD_FEED) {
		a->settings = argv + optind;
		a->nsettings = argc - optind;
	} else if (optind < argc) {
		return bad_usage(_("unexpected argument '%s'"), argv[optind]);
	}
	return EXIT_OK;
}

static int run_parse(const struct args *a)
{
	struct feed_options opts = {.url = a->url, .max_size = a->max_size};
	char *reason = NULL;
	const char *name = strcmp(a->parse_file, "-") == 0 ? _("standard input") : a->parse_file;

	enum feed_status status = feed_json_print(a->parse_file, &opts, stdout, &reason);
	if (status != FEED_OK) {
		fprintf(stderr, "retl: %s: %s\n", name, reason);
		free(reason);
		return EXIT_SOME_FAILED;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("retl: cannot write the output: %s\n"), strerror(errno));
		return EXIT_SOME_FAILED;
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	struct args a = {0};

	a.refresh.verbosity = VERBOSITY_NORMAL;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* TEXTDOMAINDIR, as gettext's shell tools read it: translations from
	 * elsewhere than the installed ones (an uninstalled build, a test). */
	const char *domaindir = getenv("TEXTDOMAINDIR");
	bindtextdomain(PACKAGE, domaindir != NULL && *domaindir == '/' ? domaindir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	LIBXML_TEST_VERSION
	curl_global_init(CURL_GLOBAL_DEFAULT);
	store_init();

	int rc = parse_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	switch (a.command) {
	case CMD_PARSE:
		rc = run_parse(&a);
		break;
	case CMD_REFRESH:
		rc = refresh_run(&a.refresh);
		break;
	case CMD_ANALYZE:
		rc = analyze_file_command(a.analyze_file, a.date);
		break;
	case CMD_REANALYZE:
		rc = reanalyze_command(a.refresh.db_path, a.refresh.verbosity);
		break;
	case CMD_DEMO:
		rc = demo_run();
		break;
	case CMD_IMPORT_OPML:
		rc = import_opml_command(a.opml_file, a.refresh.config_path, a.refresh.verbosity);
		break;
	case CMD_EXPORT_OPML:
		rc = export_opml_command(a.refresh.config_path);
		break;
	case CMD_LIST_ACTORS:
		rc = list_actors_command(a.refresh.db_path);
		break;
	case CMD_ADD_FEED:
		rc = add_feed_command(a.add_url, a.settings, a.nsettings, a.refresh.config_path,
				      a.refresh.verbosity);
		break;
	case CMD_EXTRACT:
		rc = extract_command(a.extract_file, a.max_size, a.refresh.verbosity);
		break;
	case CMD_SUMMARY:
		a.summary.db_path = a.refresh.db_path;
		rc = summarise_run(&a.summary);
		break;
	default:
		rc = ui_run(a.refresh.db_path, a.refresh.config_path);
		break;
	}
	xmlCleanupParser();
	curl_global_cleanup();
	return rc;
}
