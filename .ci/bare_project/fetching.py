"""Plain HTTP for the bare-project checks: what a client without JavaScript gets."""

import re
import urllib.error
import urllib.request
from html.parser import HTMLParser


def fetch(url, method="GET"):
    """(status, headers, body) of a plain HTTP request, following no redirect."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, method=method)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


class Addresses(HTMLParser):
    """Every href, src, data-src and form action of a page, with its tag."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "data-src", "action") and value:
                self.found.append((tag, name, value))


def addresses(html):
    parser = Addresses()
    parser.feed(html)
    # <noscript> content is text to the parser's DOM but markup to a browser
    # without JavaScript: read it as markup too.
    for inner in re.findall(r"<noscript>(.*?)</noscript>", html, re.DOTALL):
        parser.feed(inner)
    return parser.found
