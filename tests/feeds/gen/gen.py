import sys
sys.path.insert(0, '/tmp/gen')
from common import write_all, FIXTURES
import rss, atom, enc, damage
import shutil, os
if os.path.isdir('/work/main/tests/feeds'):
    for f in os.listdir('/work/main/tests/feeds'):
        os.remove(os.path.join('/work/main/tests/feeds', f))
write_all()
