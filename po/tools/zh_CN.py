# Simplified Chinese translations for retl, as a table that
# po/tools/fill.py writes into po/zh_CN.po.  Terms: feed 订阅源,
# entry/article 条目/文章, refresh 刷新, actor 行为体.
T = {
"retl: out of memory (%zu bytes)\n": "retl：内存不足（%zu 字节）\n",
"unterminated quoted value": "引号内的值没有结束引号",
"control character in the value of '%s'": "“%s”的值中含有控制字符",
"invalid interval '%s' (try 30m, 2h or 1d)": "无效的间隔“%s”（可写作 30m、2h 或 1d）",
"invalid value '%s' for fulltext (yes or no)": "fulltext 的值“%s”无效（应为 yes 或 no）",
"invalid timeout '%s' (try 60 or 2m)": "无效的超时“%s”（可写作 60 或 2m）",
"invalid size '%s' (try 32M)": "无效的大小“%s”（可写作 32M）",
"invalid jobs '%s' (1 to %d)": "无效的并发数“%s”（应为 1 到 %d）",
"unknown feed setting '%s'": "未知的订阅源设置“%s”",
"unknown setting '%s'": "未知的设置“%s”",
"expected key=value, found '%s'": "应为 键=值，却是“%s”",
"'%s' is not an http or https URL": "“%s”不是 http 或 https 网址",
"feed already listed on line %d": "该订阅源已在第 %d 行列出",
"line longer than %d bytes": "行长超过 %d 字节",
"NUL byte in the line": "行中含有 NUL 字节",
"file too large for a configuration file": "文件过大，不像是配置文件",
"(a URL with credentials)": "（含登录凭据的网址）",
"the document is larger than the limit of %zu bytes": "文档超过了 %zu 字节的上限",
"HTTP status %ld": "HTTP 状态码 %ld",
"cannot create a transfer": "无法创建传输",
"interrupted": "已中断",
"Usage: %s [OPTION]...\n": "用法：%s [选项]...\n",
"Follow trade policy in a terminal: who did what, when, and who said what.\n":
    "在终端里跟踪贸易政策：谁在何时做了什么，谁说了什么。\n",
"Feeds:\n": "订阅源：\n",
"  -r, --refresh         fetch every feed in feeds.conf and store what is new\n":
    "  -r, --refresh         获取 feeds.conf 中的所有订阅源并保存新内容\n",
"      --force           refresh feeds whose interval has not passed yet\n":
    "      --force           也刷新尚未到刷新间隔的订阅源\n",
"      --wait            wait for a refresh already running, then run\n":
    "      --wait            等待正在进行的刷新结束后再运行\n",
"  -j, --jobs N          transfers at once (default 8, at most 2 per host)\n":
    "  -j, --jobs N          同时进行的传输数（默认 8，每台主机最多 2 个）\n",
"  -v, --verbose         say what happened to each feed\n":
    "  -v, --verbose         报告每个订阅源的结果\n",
"  -q, --quiet           print only errors\n": "  -q, --quiet           只输出错误\n",
"  -p, --parse FILE      parse one RSS or Atom document (- for standard input)\n"
"                        and print it as JSON\n":
    "  -p, --parse FILE      解析一个 RSS 或 Atom 文档（- 表示标准输入），\n"
    "                        以 JSON 输出\n",
"      --url URL         the document's address, for resolving relative links\n":
    "      --url URL         文档的地址，用于解析相对链接\n",
"      --max-size SIZE   refuse documents larger than SIZE bytes (K, M, G\n"
"                        suffixes; default 32M)\n":
    "      --max-size SIZE   拒绝大于 SIZE 字节的文档（可用 K、M、G 后缀；\n"
    "                        默认 32M）\n",
"Files:\n": "文件：\n",
"      --db PATH         the database (env RETL_DB; default\n"
"                        ~/.local/share/retl/retl.db)\n":
    "      --db PATH         数据库（环境变量 RETL_DB；默认\n"
    "                        ~/.local/share/retl/retl.db）\n",
"      --config PATH     the feed list (env RETL_CONFIG; default\n"
"                        ~/.config/retl/feeds.conf, else the shipped one)\n":
    "      --config PATH     订阅源列表（环境变量 RETL_CONFIG；默认\n"
    "                        ~/.config/retl/feeds.conf，否则用自带的列表）\n",
"Other:\n": "其他：\n",
"  -h, --help            show this help and exit\n": "  -h, --help            显示本帮助并退出\n",
"  -V, --version         show the version and exit\n": "  -V, --version         显示版本并退出\n",
"Exit status: 0 all well, 1 some work failed, 2 bad usage or configuration.\n":
    "退出状态：0 一切正常，1 部分工作失败，2 用法或配置有误。\n",
"See retl(1) for more. Report bugs at <%s>.\n": "详见 retl(1)。请在 <%s> 报告问题。\n",
"libxml2 %s, %s, SQLite %s\n": "libxml2 %s，%s，SQLite %s\n",
"Try 'retl --help' for more information.\n": "请运行“retl --help”了解更多信息。\n",
"invalid number of jobs '%s' (1 to 64)": "无效的并发数“%s”（应为 1 到 64）",
"option '%s' needs an argument": "选项“%s”需要一个参数",
"unknown option '%s'": "未知选项“%s”",
"unexpected argument '%s'": "多余的参数“%s”",
"standard input": "标准输入",
"retl: cannot write the output: %s\n": "retl：无法写出结果：%s\n",
"line %d, column %d: ": "第 %d 行第 %d 列：",
"undeclared HTML entity '&%s;' decoded": "已解码未声明的 HTML 实体“&%s;”",
"elements nested deeper than %u: the rest is ignored": "元素嵌套超过 %u 层：其余部分被忽略",
"not an RSS or Atom feed": "不是 RSS 或 Atom 订阅源",
"root element": "根元素",
"retl: cannot create an XML parser\n": "retl：无法创建 XML 解析器\n",
"document larger than the limit of %zu bytes": "文档超过了 %zu 字节的上限",
"unknown encoding '%s', read as UTF-8": "未知编码“%s”，按 UTF-8 读取",
"%zu invalid %s byte sequence or character replaced":
    ["已替换 %zu 个无效的 %s 字节序列或字符"],
"an HTML page": "一个 HTML 网页",
"no XML root element": "没有 XML 根元素",
"Refreshing: %zu of %zu feeds, %zu new articles, %zu errors":
    "正在刷新：%zu/%zu 个订阅源，%zu 篇新文章，%zu 个错误",
"cannot record the failure: %s": "无法记录失败：%s",
"recovered: %s": "已修复：%s",
"%zu new, %zu updated": "新增 %zu，更新 %zu",
"not modified": "未变更",
"%zu feeds: %zu new articles, %zu updated, %zu failed, %zu not due\n":
    "%zu 个订阅源：新文章 %zu 篇，更新 %zu 篇，失败 %zu 个，未到刷新时间 %zu 个\n",
"retl: another refresh is running; not starting a second one (use --wait to wait for it)\n":
    "retl：另一个刷新正在进行，不再启动第二个（用 --wait 等待它结束）\n",
"retl: %s: cannot take the refresh lock: %s\n": "retl：%s：无法获取刷新锁：%s\n",
"retl: interrupted; the feeds fetched so far are stored\n":
    "retl：已中断；已获取的订阅源均已保存\n",
"the database is of version %d, newer than this retl knows (%d)":
    "数据库版本为 %d，比此 retl 所知的版本（%d）更新",
"cannot open the database": "无法打开数据库",
}
T.update({
"'%s' is already a name of '%s'": "“%s”已是“%s”的名称",
"'%s' has no words": "“%s”中没有词",
"'%s' has more than %d words": "“%s”超过 %d 个词",
"actor '%s' has no kind": "行为体“%s”没有 kind",
"empty person name": "人名为空",
"unknown kind '%s' (country, agency, organisation or person)":
    "未知的类别“%s”（应为 country、agency、organisation 或 person）",
"'aka' without a person before it": "“aka”之前没有人物",
"missing ']'": "缺少“]”",
"text after ']'": "“]”之后有多余文字",
"empty actor name": "行为体名称为空",
"missing key before '='": "“=”之前缺少键",
"'%s' before the first [actor]": "“%s”出现在第一个 [行为体] 之前",
"invalid UTF-8": "无效的 UTF-8",
"the article is larger than 16 MiB": "文章超过 16 MiB",
"retl: --analyze needs --date YYYY-MM-DD, the day the article was written\n":
    "retl：--analyze 需要 --date YYYY-MM-DD，即文章的撰写日期\n",
"Analysing: %zu of %lld articles": "正在分析：%zu/%lld 篇文章",
"%lld articles analysed\n": "已分析 %lld 篇文章\n",
"Analysis:\n": "分析：\n",
"      --analyze FILE    analyse one plain-text article (- for standard input)\n"
"                        and print its actors, quotes, events and documents\n"
"      --date DATE       the day the article was written (YYYY-MM-DD)\n":
    "      --analyze FILE    分析一篇纯文本文章（- 表示标准输入），\n"
    "                        输出其中的行为体、引语、事件和文件\n"
    "      --date DATE       文章的撰写日期（YYYY-MM-DD）\n",
"      --reanalyze       analyse every stored article again (after editing\n"
"                        actors.conf)\n":
    "      --reanalyze       重新分析所有已保存的文章（修改 actors.conf 之后）\n",
"retl: cannot store the analysis: %s\n": "retl：无法保存分析结果：%s\n",
"retl: %s: cannot store the analysis: %s\n": "retl：%s：无法保存分析结果：%s\n",
"retl: cannot start a thread: %s\n": "retl：无法启动线程：%s\n",
"retl: cannot record the feeds that did not change: %s\n": "retl：无法记录未变更的订阅源：%s\n",
"line longer than %d bytes (%s)": "行长超过 %d 字节（%s）",
})
T.update({
"name longer than %d bytes": "名称超过 %d 字节",
"unknown key '%s'": "未知的键“%s”",
"expected 'key = value' or '[actor]'": "应为“键 = 值”或“[行为体]”",
"empty value for '%s'": "“%s”的值为空",
"control character 0x%02x": "控制字符 0x%02x",
"file larger than %zu KiB": "文件超过 %zu KiB",
})
