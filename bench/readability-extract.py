#!/usr/bin/python3
"""Readability's Python port as `retl --extract FILE` is run: the article
text of one saved HTML page, one paragraph per line with a blank line
between them, so that tests/extract_score.py can score it beside retl
(bench/extract-quality).  Needs readability-lxml (Debian package
python3-readability)."""
import re
import sys

import lxml.html
from readability import Document

# Elements whose text is a paragraph of its own; a table row is one line.
BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
          "pre", "table", "tbody", "thead", "tr", "section", "article", "figure",
          "figcaption", "dl", "dt", "dd", "br", "hr", "header", "footer", "main", "aside"}
CELLS = {"td", "th"}


def text_of(summary):
    root = lxml.html.fromstring(summary)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in BLOCKS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
        elif el.tag in CELLS:
            el.tail = " " + (el.tail or "")
    paras = []
    for para in root.text_content().split("\n\n"):
        para = re.sub(r"\s+", " ", para).strip()
        if para:
            paras.append(para)
    return "\n\n".join(paras)


def main():
    args = [a for a in sys.argv[1:] if a != "--extract"]
    if len(args) != 1:
        print("usage: readability-extract.py [--extract] FILE", file=sys.stderr)
        return 2
    with open(args[0], "rb") as f:
        html = f.read()
    try:
        summary = Document(html).summary(html_partial=True)
    except Exception as e:  # readability gives up on some pages
        print("readability: %s: %s" % (args[0], e), file=sys.stderr)
        return 1
    text = text_of(summary)
    if not text:
        return 1
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
