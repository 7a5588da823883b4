import json, os, textwrap
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
FIXTURES = []
MASK = (1 << 64) - 1

def fnv_id(*parts):
    """urn:retl: + FNV-1a-64 over the concatenated parts (link, "\n", title...)."""
    h = 0xcbf29ce484222325
    for part in parts:
        for b in (part or '').encode('utf-8'):
            h ^= b
            h = (h * 0x100000001b3) & MASK
    return 'urn:retl:%016x' % h

def fid(link, title):
    return fnv_id(link, '\n', title)

def doc(s):
    """An XML text written indented in this file: dedent, drop first newline."""
    s = textwrap.dedent(s)
    if s.startswith('\n'):
        s = s[1:]
    return s

def E(id, title=None, link=None, author=None, published=None, updated=None,
      summary=None, content=None, categories=()):
    return {'id': id, 'title': title, 'link': link, 'author': author,
            'published': published, 'updated': updated, 'summary': summary,
            'content': content, 'categories': list(categories)}

def F(format, title=None, link=None, subtitle=None, updated=None, errors=(), entries=()):
    # The order of retl --parse: entries stream out before the feed's own
    # fields, which a feed may set anywhere.
    return {'format': format, 'entries': list(entries), 'title': title, 'link': link,
            'subtitle': subtitle, 'updated': updated, 'errors': list(errors)}

def at(text, needle, nth=1, after=True):
    """'line L, column C' of the character just after (or at) the nth needle."""
    i = -1
    for _ in range(nth):
        i = text.index(needle, i + 1)
    if after:
        i += len(needle)
    line = text.count('\n', 0, i) + 1
    col = i - (text.rfind('\n', 0, i) + 1) + 1
    return 'line %d, column %d' % (line, col)

def fixture(name, xml, expected=None, err=None, url=None, encoding='utf-8'):
    FIXTURES.append((name, xml, expected, err, url, encoding))

def write_all():
    os.makedirs(OUT, exist_ok=True)
    for name, xml, expected, err, url, encoding in FIXTURES:
        data = xml if isinstance(xml, bytes) else xml.encode(encoding)
        open(os.path.join(OUT, name + '.xml'), 'wb').write(data)
        if url is not None:
            open(os.path.join(OUT, name + '.url'), 'w').write(url + '\n')
        if err is not None:
            open(os.path.join(OUT, name + '.err'), 'w').write(err + '\n')
        else:
            open(os.path.join(OUT, name + '.json'), 'w', encoding='utf-8').write(
                json.dumps(expected, indent=2, ensure_ascii=False) + '\n')
    print(len(FIXTURES), 'fixtures')
