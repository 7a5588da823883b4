#!/usr/bin/env python3
"""The loopback HTTP/1.1 server of bench/refresh.

Serves the feeds that bench/refresh-gen.py wrote (DIR/manifest.tsv and
DIR/feeds/NNN.xml) at /feeds/NNN.xml, on each of the loopback addresses
127.0.0.1 ... 127.0.0.H (--hosts H, default 20), all on one port, so that
a client's per-host connection limit spreads as it would across real
sites.  It binds only those addresses (never 0.0.0.0).  The port goes to
PORTFILE once every address listens.

- HTTP/1.1 with keep-alive (HTTP/1.0 and "Connection: close" honoured),
  one thread per connection, GET and HEAD.
- Bodies and response headers are made once, at start, in memory: a
  request costs a header parse and one sendmsg().
- Every response carries ETag and Last-Modified (from the manifest).
  If-None-Match (a list, weak or strong, or *) that matches the ETag gives
  304; without If-None-Match, If-Modified-Since at or after Last-Modified
  gives 304 (RFC 9110 13.2.2: If-None-Match wins).
- --latency MS: every response (304 too) waits MS milliseconds first.
- GET /_stats answers "requests=N 200=N 304=N 404=N conns=N" (counts
  since start or since the last /_stats?reset, which this request is not
  part of); /_stats?reset also sets them to zero.
- Stops by itself after --lifetime seconds (default 3600), or as soon as
  the process that started it (--parent PID) is gone.

Usage: refresh-server.py DIR PORTFILE [--latency MS] [--hosts H]
                         [--parent PID] [--lifetime S]
"""

import argparse
import email.utils
import os
import socket
import socketserver
import sys
import threading
import time

FEEDS = {}  # "/feeds/NNN.xml" -> (etag, last-modified as a number, 200 head, body, 304 head)
LATENCY = 0.0
STATS = {"requests": 0, "200": 0, "304": 0, "404": 0, "conns": 0}
STATS_LOCK = threading.Lock()
NOT_FOUND = (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n"
             b"Content-Length: 10\r\n\r\nnot found\n")
IDLE_TIMEOUT = 60  # seconds a kept-alive connection may stay idle


def count(key):
    with STATS_LOCK:
        STATS["requests"] += 1
        STATS[key] += 1


def load(folder):
    with open(os.path.join(folder, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            name, _fmt, ctype, etag, lastmod = line.rstrip("\n").split("\t")[:5]
            with open(os.path.join(folder, "feeds", name + ".xml"), "rb") as b:
                body = b.read()
            common = ("ETag: %s\r\nLast-Modified: %s\r\nCache-Control: no-cache\r\n"
                      % (etag, lastmod))
            head = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n"
                    % (ctype, len(body), common)).encode("ascii")
            head304 = ("HTTP/1.1 304 Not Modified\r\n%s\r\n" % common).encode("ascii")
            lm = email.utils.parsedate_to_datetime(lastmod).timestamp()
            FEEDS["/feeds/%s.xml" % name] = (etag, lm, head, body, head304)


def etag_matches(header, etag):
    """If-None-Match uses the weak comparison: W/ is ignored."""
    strip = etag[2:] if etag.startswith("W/") else etag
    for tag in header.split(","):
        tag = tag.strip()
        if tag == "*":
            return True
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == strip:
            return True
    return False


def not_modified(headers, etag, lastmod):
    inm = headers.get("if-none-match")
    if inm is not None:
        return etag_matches(inm, etag)
    ims = headers.get("if-modified-since")
    if ims is not None:
        try:
            t = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return lastmod <= t
    return False


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        sock = self.request
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(IDLE_TIMEOUT)
        with STATS_LOCK:
            STATS["conns"] += 1
        rfile = sock.makefile("rb", buffering=65536)
        try:
            while self.one_request(sock, rfile):
                pass
        except (OSError, ValueError):
            pass
        finally:
            rfile.close()

    def one_request(self, sock, rfile):
        line = rfile.readline(8192)
        if not line:
            return False
        parts = line.decode("latin-1").split()
        if len(parts) != 3:
            return False
        method, target, version = parts
        headers = {}
        for _ in range(200):
            h = rfile.readline(8192)
            if h in (b"\r\n", b"\n", b""):
                break
            k, _, v = h.decode("latin-1").partition(":")
            headers[k.strip().lower()] = v.strip()
        conn = headers.get("connection", "").lower()
        keep = ("close" not in conn) if version == "HTTP/1.1" else ("keep-alive" in conn)
        path = target.split("?", 1)[0]
        if path == "/_stats":
            with STATS_LOCK:
                text = " ".join("%s=%d" % (k, STATS[k])
                                for k in ("requests", "200", "304", "404", "conns"))
                if "reset" in target:
                    for k in STATS:
                        STATS[k] = 0
            body = (text + "\n").encode("ascii")
            sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            return keep
        if LATENCY > 0:
            time.sleep(LATENCY)
        feed = FEEDS.get(path) if method in ("GET", "HEAD") else None
        if feed is None:
            count("404")
            sock.sendall(NOT_FOUND)
            return keep
        etag, lastmod, head, body, head304 = feed
        if not_modified(headers, etag, lastmod):
            count("304")
            sock.sendall(head304)
        else:
            count("200")
            if method == "HEAD":
                sock.sendall(head)
            else:
                send_all(sock, [head, body])
        return keep


def send_all(sock, chunks):
    """sendmsg() until every byte is out: no copy of the body."""
    views = [memoryview(c) for c in chunks]
    while views:
        n = sock.sendmsg(views)
        while views and n >= len(views[0]):
            n -= len(views[0])
            views.pop(0)
        if views and n:
            views[0] = views[0][n:]


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


def bind_all(hosts):
    """Servers on 127.0.0.1..127.0.0.hosts, all on one free port."""
    for _attempt in range(50):
        first = Server(("127.0.0.1", 0), Handler)
        port = first.server_address[1]
        servers = [first]
        try:
            for i in range(2, hosts + 1):
                servers.append(Server(("127.0.0.%d" % i, port), Handler))
            return port, servers
        except OSError:
            for s in servers:
                s.server_close()
    raise SystemExit("refresh-server: no port free on all %d addresses" % hosts)


def main():
    global LATENCY
    ap = argparse.ArgumentParser(description="bench/refresh's feed server")
    ap.add_argument("dir")
    ap.add_argument("portfile")
    ap.add_argument("--latency", type=float, default=0.0, help="milliseconds per request")
    ap.add_argument("--hosts", type=int, default=20, help="127.0.0.1 to 127.0.0.HOSTS")
    ap.add_argument("--parent", type=int, default=0, help="stop when this process is gone")
    ap.add_argument("--lifetime", type=float, default=3600.0, help="stop after S seconds")
    a = ap.parse_args()
    if not 1 <= a.hosts <= 254 or a.latency < 0:
        ap.error("--hosts is 1 to 254, --latency at least 0")
    LATENCY = a.latency / 1000.0
    load(a.dir)
    port, servers = bind_all(a.hosts)
    for s in servers:
        threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.5},
                         daemon=True).start()
    tmp = a.portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, a.portfile)
    deadline = time.monotonic() + a.lifetime
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if a.parent:
            try:
                os.kill(a.parent, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                pass
    os._exit(0)


if __name__ == "__main__":
    main()
