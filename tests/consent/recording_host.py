"""A tiny HTTP server on a second loopback address (127.0.0.2) that serves the
shield tests' third-party scripts and records every request it receives.

It stands for another company's server: the page's own host is 127.0.0.1 or
localhost, so the browser treats it as another site.
"""

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOST = "127.0.0.2"

# Analytics that follows the plugin's API: it reports the page as the plugin
# describes it (window.consent.page), by loading a script (allowed by the CSP,
# which lets the gated script's own host serve scripts).
ANALYTICS_JS = """
window.demoAnalyticsRuns = (window.demoAnalyticsRuns || 0) + 1;
window.demoAnalyticsSaw = window.consent.page;
var s = document.createElement("script");
s.src = "ORIGIN/collect.js?dl=" + encodeURIComponent(consent.page.location) +
  "&dt=" + encodeURIComponent(consent.page.title);
document.head.appendChild(s);
"""
# A marketing pixel as they are: it sends the real address and title.
PIXEL_JS = """
window.demoMarketingRuns = (window.demoMarketingRuns || 0) + 1;
var s = document.createElement("script");
s.src = "ORIGIN/track.js?u=" + encodeURIComponent(location.href) +
  "&t=" + encodeURIComponent(document.title);
document.head.appendChild(s);
"""
# The planted leak the audit must catch: an "analytics" script that sends the
# title, though an operator marked it safe.
LEAKY_JS = """
var s = document.createElement("script");
s.src = "ORIGIN/beacon.js?title=" + encodeURIComponent(document.title);
document.head.appendChild(s);
"""
SCRIPTS = {"/analytics.js": ANALYTICS_JS, "/pixel.js": PIXEL_JS, "/leaky.js": LEAKY_JS}


@dataclass(frozen=True)
class Received:
    method: str
    url: str  # path and query
    referer: str
    body: bytes

    @property
    def path(self):
        return urlsplit(self.url).path


class RecordingHost:
    def __init__(self):
        self.received: list[Received] = []
        self.lock = threading.Lock()
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.answer(b"")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.answer(self.rfile.read(length))

            def answer(self, body):
                with host.lock:
                    host.received.append(
                        Received(
                            self.command,
                            self.path,
                            self.headers.get("Referer", ""),
                            body,
                        )
                    )
                code = SCRIPTS.get(urlsplit(self.path).path, "")
                payload = code.replace("ORIGIN", host.origin).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.origin = f"http://{HOST}:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def requests(self):
        with self.lock:
            return list(self.received)

    def clear(self):
        with self.lock:
            self.received.clear()
