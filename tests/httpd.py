#!/usr/bin/env python3
"""A loopback HTTP server for retl's refresh tests.

Serves the files of a folder (which tests may change between refreshes)
with ETag and Last-Modified, and answers conditional requests with 304.
Paths with a leading keyword misbehave on purpose:

  /gzip/F            F compressed with Content-Encoding: gzip
  /etag-only/F       validators: only ETag
  /lastmod-only/F    validators: only Last-Modified
  /charset/CS/F      F with Content-Type: ...; charset=CS
  /redirect/N/F      a chain of N redirects (302, then 301...) to /F
  /loop              redirects to itself forever
  /to-file           redirects to file:///etc/passwd
  /to-ftp            redirects to ftp://127.0.0.1/feed.xml
  /status/N          answers status N
  /hang              accepts, then never answers
  /huge              streams zeros forever, without Content-Length
  /huge-declared     declares a 100 MB body
  /gzip-bomb         a small gzip body that inflates to 64 MB
  /auth/F            F behind basic auth (user "reader", password "s3cret")
  /slow/MS/F         F after MS milliseconds
  /gen/KIND          a hostile feed made on the fly (see hostile()): the
                     bytes it managed to send go to DIR/../sent-KIND

Usage: httpd.py DIR PORTFILE [--latency MS]
The chosen port is written to PORTFILE.  Every request is appended to
DIR/../requests.log as "METHOD PATH If-None-Match If-Modified-Since",
and, once answered, to DIR/../timing.log as "HOST START END PATH" (Host
header, seconds since the epoch), to check concurrency and delays.
Files ending in .html are served as text/html.
The server stops by itself after 10 minutes.
"""
import base64
import email.utils
import gzip
import hashlib
import http.server
import io
import os
import socketserver
import sys
import threading
import time

ROOT = None
LATENCY = 0.0
LOG_LOCK = threading.Lock()


def gzip_bomb():
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as z:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):
            z.write(chunk)
    return buf.getvalue()


BOMB = None

GOOD_ITEM = (b"<item><title>Good item</title><guid>hostile-good</guid>"
             b"<link>https://example.org/good</link></item>")


def hostile(kind):
    """The body of /gen/KIND, as a list of chunks (a generator for streams)."""
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    if kind == "billion":
        ents = [b'<!ENTITY l0 "lol">']
        for i in range(1, 10):
            ents.append(b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10))
        return [head, b"<!DOCTYPE rss [", b"".join(ents), b"]>",
                b"<rss version=\"2.0\"><channel><title>&l9;</title>",
                b"<item><title>Laughs &l9;</title><guid>b1</guid>"
                b"<description>&l9;&l9;</description></item>",
                GOOD_ITEM, b"</channel></rss>"]
    if kind == "quadratic":
        # one 100 KB entity referenced 50,000 times: 5 GB if expanded
        refs = b"&a;" * 50000
        return [head, b'<!DOCTYPE rss [<!ENTITY a "', b"a" * 100000, b'">]>',
                b"<rss version=\"2.0\"><channel><title>Quadratic</title>",
                b"<item><title>", refs, b"</title><guid>q1</guid><description>",
                refs, b"</description></item>", GOOD_ITEM, b"</channel></rss>"]
    if kind == "nest":
        return [head, b"<rss version=\"2.0\"><channel><title>Nest</title>",
                b"<item><title>Deep</title><guid>n1</guid><description>",
                b"<x>" * 10000, b"deep", b"</x>" * 10000,
                b"</description></item>", GOOD_ITEM, b"</channel></rss>"]
    if kind in ("100m", "endless"):
        def stream():
            yield head + b"<rss version=\"2.0\"><channel><title>Stream</title>"
            item = b"<item><title>Stream item</title><description>" + \
                b"x" * 4000 + b"</description></item>\n"
            if kind == "100m":
                for _ in range((100 << 20) // len(item)):
                    yield item
            else:
                for _ in range(1200):  # one item every 0.1 s, for 2 minutes
                    time.sleep(0.1)
                    yield item
        return stream()
    if kind == "badutf8":
        bad = b"\xff\xfe\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80\xe2\x82"
        return [b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bad ',
                bad, b"</title><link>https://example.org/", bad, b"</link>",
                b"<item><title>Bad ", bad, b" title</title><guid>u", bad, b"</guid>",
                b"<link>https://example.org/u", bad, b"</link><author>", bad,
                b"</author><category>", bad, b"</category><description>Bad ", bad,
                b" summary</description></item>", GOOD_ITEM, b"</channel></rss>"]
    if kind == "nul":
        return [head, b"<rss version=\"2.0\"><channel><title>Nul\0feed</title>",
                b"<item><title>Nul\0title\0end</title><guid>z\0z</guid>",
                b"<description>Nul\0 summary</description><author>a\0b</author></item>",
                GOOD_ITEM, b"</channel></rss>"]
    if kind == "bigtitle":
        return [head, b"<rss version=\"2.0\"><channel><title>Big</title>",
                b"<item><title>", b"Big title " * 104858, b"</title><guid>t1</guid></item>",
                GOOD_ITEM, b"</channel></rss>"]
    if kind == "many":
        def many():
            yield head + b"<rss version=\"2.0\"><channel><title>Many</title>"
            for i in range(100000):
                yield (b"<item><title>Entry %d</title><guid>m%d</guid>"
                       b"<link>https://example.org/m/%d</link></item>\n" % (i, i, i))
            yield b"</channel></rss>"
        return many()
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log_request_line(self):
        with LOG_LOCK:
            with open(os.path.join(ROOT, "..", "requests.log"), "a") as f:
                f.write("%s %s %s %s\n" % (
                    self.command, self.path,
                    self.headers.get("If-None-Match", "-"),
                    self.headers.get("If-Modified-Since", "-")))

    def send_body(self, status, body, ctype="application/xml", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, status, location):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def serve_file(self, rel, etag=True, lastmod=True, encoding=None, charset=None):
        path = os.path.realpath(os.path.join(ROOT, rel))
        if not path.startswith(os.path.realpath(ROOT)) or not os.path.isfile(path):
            return self.send_body(404, b"not found", "text/plain")
        with open(path, "rb") as f:
            data = f.read()
        st = os.stat(path)
        tag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        modified = email.utils.formatdate(int(st.st_mtime), usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if etag and inm is not None:
            fresh = inm == tag
        elif lastmod and ims is not None:
            fresh = ims == modified
        headers = []
        if etag:
            headers.append(("ETag", tag))
        if lastmod:
            headers.append(("Last-Modified", modified))
        if fresh:
            self.send_response(304)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            return
        ctype = "text/html" if rel.endswith(".html") else "application/rss+xml"
        if charset:
            ctype += "; charset=" + charset
        if encoding == "gzip":
            data = gzip.compress(data)
            headers.append(("Content-Encoding", "gzip"))
        self.send_body(200, data, ctype, headers)

    def do_GET(self):
        start = time.time()
        try:
            self.answer_get()
        finally:
            with LOG_LOCK:
                with open(os.path.join(ROOT, "..", "timing.log"), "a") as f:
                    f.write("%s %.3f %.3f %s\n" % (self.headers.get("Host", "-"), start,
                                                   time.time(), self.path))

    def answer_get(self):
        self.log_request_line()
        if LATENCY:
            time.sleep(LATENCY)
        parts = self.path.lstrip("/").split("/")
        word = parts[0]
        rest = "/".join(parts[1:])
        if word == "gzip":
            return self.serve_file(rest, encoding="gzip")
        if word == "etag-only":
            return self.serve_file(rest, lastmod=False)
        if word == "lastmod-only":
            return self.serve_file(rest, etag=False)
        if word == "charset":
            return self.serve_file("/".join(parts[2:]), charset=parts[1])
        if word == "redirect":
            n = int(parts[1])
            target = "/".join(parts[2:])
            if n <= 0:
                return self.redirect(302, "/" + target)
            return self.redirect(302 if n % 2 else 301,
                                 "/redirect/%d/%s" % (n - 1, target))
        if word == "loop":
            return self.redirect(302, "/loop")
        if word == "to-file":
            return self.redirect(302, "file:///etc/passwd")
        if word == "to-ftp":
            return self.redirect(302, "ftp://127.0.0.1/feed.xml")
        if word == "status":
            return self.send_body(int(parts[1]), b"<html>error</html>", "text/html")
        if word == "hang":
            time.sleep(120)
            return
        if word == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            chunk = b"<rss>" + b" " * 65531
            try:
                for _ in range(4096):  # at most 256 MB, then give up
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
            return
        if word == "huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(100 * 1024 * 1024))
            self.end_headers()
            self.close_connection = True
            return
        if word == "gzip-bomb":
            global BOMB
            if BOMB is None:
                BOMB = gzip_bomb()
            return self.send_body(200, BOMB, "application/xml",
                                  [("Content-Encoding", "gzip")])
        if word == "gen":
            body = hostile(parts[1])
            if body is None:
                return self.send_body(404, b"not found", "text/plain")
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            if isinstance(body, list):
                self.send_header("Content-Length", str(sum(map(len, body))))
            self.end_headers()
            sent = 0
            try:
                for chunk in body:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
            with open(os.path.join(ROOT, "..", "sent-" + parts[1]), "w") as f:
                f.write(str(sent))
            self.close_connection = True
            return
        if word == "auth":
            want = "Basic " + base64.b64encode(b"reader:s3cret").decode()
            if self.headers.get("Authorization") != want:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="t"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.serve_file(rest)
        if word == "slow":
            time.sleep(int(parts[1]) / 1000.0)
            return self.serve_file("/".join(parts[2:]))
        return self.serve_file(self.path.lstrip("/").split("?")[0])


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up early are part of the tests


def main():
    global ROOT, LATENCY
    ROOT = os.path.abspath(sys.argv[1])
    portfile = sys.argv[2]
    if len(sys.argv) > 4 and sys.argv[3] == "--latency":
        LATENCY = int(sys.argv[4]) / 1000.0
    srv = Server(("127.0.0.1", 0), Handler)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    threading.Timer(600, srv.shutdown).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()
