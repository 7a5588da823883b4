#!/usr/bin/env python3
"""Writes every fixture of tests/feeds/ with its expected output.

The expectations are written by hand, as Python values, from the model in
retl(1) and DESIGN.md; run this after changing one:
    python3 tests/feeds/gen/gen.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from common import OUT, write_all  # noqa: E402
import rss, atom, enc, damage  # noqa: E402,F401

for name in os.listdir(OUT):
    if name.endswith(('.xml', '.json', '.err', '.url')):
        os.remove(os.path.join(OUT, name))
write_all()
