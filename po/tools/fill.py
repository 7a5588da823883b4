#!/usr/bin/env python3
"""Fills a PO file's empty translations from a Python dict file.

    python3 po/tools/fill.py po/zh_CN.po po/tools/zh_CN.py

Only entries whose msgstr is empty are filled; the rest stay as they are.
The dict file defines T = {msgid: msgstr}, and for plural entries
T[msgid] = [form0, form1, ...].
"""
import ast
import re
import sys


def unquote(s):
    return ast.literal_eval(s)


def quote(s):
    out = s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')
    return '"' + out + '"'


def main():
    po_path, dict_path = sys.argv[1], sys.argv[2]
    env = {}
    exec(open(dict_path, encoding='utf-8').read(), env)
    table = env['T']
    lines = open(po_path, encoding='utf-8').read().split('\n')
    out = []
    i = 0
    filled = missing = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('msgid "'):
            msgid = unquote(line[6:])
            out.append(line)
            i += 1
            while i < len(lines) and lines[i].startswith('"'):
                msgid += unquote(lines[i])
                out.append(lines[i])
                i += 1
            plural = i < len(lines) and lines[i].startswith('msgid_plural')
            if plural:
                out.append(lines[i])
                i += 1
                while i < len(lines) and lines[i].startswith('"'):
                    out.append(lines[i])
                    i += 1
            # the msgstr block(s)
            strs = []
            while i < len(lines) and (lines[i].startswith('msgstr') or lines[i].startswith('"')):
                strs.append(lines[i])
                i += 1
            current = ''.join(unquote(re.sub(r'^msgstr(\[\d+\])? ', '', s)) for s in strs)
            if msgid and not current and msgid in table:
                t = table[msgid]
                if plural:
                    forms = t if isinstance(t, list) else [t]
                    for n, f in enumerate(forms):
                        out.append('msgstr[%d] %s' % (n, quote(f)))
                else:
                    out.append('msgstr ' + quote(t))
                filled += 1
            else:
                if msgid and not current:
                    missing += 1
                    print('untranslated:', repr(msgid), file=sys.stderr)
                out.extend(strs)
            continue
        out.append(line)
        i += 1
    # Filled entries are no longer fuzzy guesses; leave flags alone otherwise.
    open(po_path, 'w', encoding='utf-8').write('\n'.join(out))
    print('%d filled, %d still untranslated' % (filled, missing))


if __name__ == '__main__':
    main()
