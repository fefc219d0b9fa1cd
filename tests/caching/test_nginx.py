"""deploy/nginx.conf, run for real in a temporary prefix in front of live_server.

nginx is installed by .ci/run (nginx-light), so these run in CI; on a machine
without it they are skipped with the reason.
"""

import http.client
import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from pytest_django.live_server_helper import LiveServer

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
HOST = "localhost"  # the test site's hostname: purge URLs name it

# Outside CI a developer without nginx may skip these; CI installs nginx, so there a
# missing binary fails the tests instead of hiding them.
pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists() and not os.environ.get("CI"),
    reason="nginx is not installed (.ci/run installs it)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def config_for_test(tmp, app_port, port, purge_port, refresh_port, tls_port) -> str:
    """deploy/nginx.conf with ports and paths moved into ``tmp`` and its TLS lines
    enabled with a throwaway certificate; each replaced line must exist exactly
    once, so a change to the file cannot go untested."""
    text = CONFIG.read_text()
    replacements = {
        "user www-data;\n": "",
        "pid /run/nginx-microsite.pid;": f"pid {tmp}/nginx.pid;",
        "error_log /var/log/nginx/error.log warn;": f"error_log {tmp}/error.log;",
        "/var/log/nginx/access.log": f"{tmp}/access.log",
        "/var/log/nginx/purge.log": f"{tmp}/purge.log",
        "/var/cache/nginx/microsite": f"{tmp}/cache",
        "/srv/microsite/static_collected/": f"{tmp}/static/",
        "/srv/microsite/media/": f"{tmp}/media/",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen 127.0.0.1:8082;": f"listen 127.0.0.1:{refresh_port};",
        "        8082     1;": f"        {refresh_port}     1;",
        "        8082     $http_x_refresh_scheme;": (
            f"        {refresh_port}     $http_x_refresh_scheme;"
        ),
        "proxy_pass http://127.0.0.1:8082;": f"proxy_pass http://127.0.0.1:{refresh_port};",
        "proxy_pass http://127.0.0.1:8082$request_uri;": (
            f"proxy_pass http://127.0.0.1:{refresh_port}$request_uri;"
        ),
        "# listen 443 ssl http2;": f"listen 127.0.0.1:{tls_port} ssl http2;",
        "# ssl_certificate     /etc/letsencrypt/live/example.org/fullchain.pem;": (
            f"ssl_certificate {tmp}/certificate.pem;"
        ),
        "# ssl_certificate_key /etc/letsencrypt/live/example.org/privkey.pem;": (
            f"ssl_certificate_key {tmp}/key.pem;"
        ),
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{purge_port};",
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, f"{old!r} should appear once in {CONFIG}"
        text = text.replace(old, new)
    return text


def make_certificate(tmp: Path):
    """A self-signed certificate for localhost, valid for a day."""
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
         f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
         "-keyout", str(tmp / "key.pem"),
         "-out", str(tmp / "certificate.pem")],
        check=True, capture_output=True,
    )  # fmt: skip


class Nginx:
    def __init__(self, tmp: Path, app_port: int):
        self.tmp = tmp
        self.port = free_port()
        self.purge_port = free_port()
        self.refresh_port = free_port()
        self.tls_port = free_port()
        (tmp / "static").mkdir()
        (tmp / "media").mkdir()
        make_certificate(tmp)
        self.config = tmp / "nginx.conf"
        self.config.write_text(
            config_for_test(
                tmp,
                app_port,
                self.port,
                self.purge_port,
                self.refresh_port,
                self.tls_port,
            )
        )
        self.process = None

    def command(self, *args):
        return [NGINX, "-p", str(self.tmp), "-c", str(self.config), *args]

    def start(self):
        self.process = subprocess.Popen(
            self.command("-g", "daemon off; master_process off;"),
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise AssertionError(self.process.stderr.read().decode()) from None
                time.sleep(0.05)
        raise AssertionError("nginx did not start listening")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def request(self, method, path, headers=None, body=None, tls=False):
        if tls:
            connection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.tls_port,
                timeout=10,
                context=ssl.create_default_context(cafile=self.tmp / "certificate.pem"),
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path, body, {"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        response.text = response.read().decode()
        connection.close()
        return response


@pytest.fixture
def nginx(tmp_path, live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    server = Nginx(tmp_path, port)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def term(make_term):
    return make_term("Butyrate", "A short-chain fatty acid.", publish=True)


def test_nginx_accepts_the_deployment_config(tmp_path):
    server = Nginx(tmp_path, app_port=8000)

    result = subprocess.run(server.command("-t"), capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_second_request_for_a_page_is_a_proxy_cache_hit(nginx, term):
    first = nginx.request("GET", term.url)
    second = nginx.request("GET", term.url)

    assert first.status == 200
    assert first.getheader("X-Cache-Status") == "MISS"
    assert second.getheader("X-Cache-Status") == "HIT"
    assert second.text == first.text


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/cookies/", "/cookies/status/", "/admin/login/"])
def test_cookies_and_admin_are_never_cached_by_nginx(nginx, term, path):
    statuses = [
        nginx.request("GET", path).getheader("X-Cache-Status") for _ in range(2)
    ]

    assert statuses == ["BYPASS", "BYPASS"]


@pytest.mark.django_db(transaction=True)
def test_signed_in_users_and_posts_go_past_the_proxy_cache(nginx, term):
    nginx.request("GET", term.url)
    nginx.request("GET", term.url)

    with_session = nginx.request("GET", term.url, {"Cookie": "sessionid=abc"})
    post = nginx.request(
        "POST",
        term.url,
        {"Content-Type": "application/x-www-form-urlencoded"},
        "a=1",
    )

    assert with_session.getheader("X-Cache-Status") == "BYPASS"
    assert post.getheader("X-Cache-Status") != "HIT"


@pytest.mark.django_db(transaction=True)
def test_static_files_are_served_by_nginx_itself(nginx):
    (nginx.tmp / "static" / "site.css").write_text("body{}")

    response = nginx.request("GET", "/static/site.css")

    assert response.status == 200
    assert response.text == "body{}"
    assert "immutable" in response.getheader("Cache-Control")


@pytest.mark.django_db(transaction=True)
def test_publishing_refreshes_the_page_in_nginx_through_a_purge(nginx, term, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{nginx.purge_port}",
        }
    }
    nginx.request("GET", term.url)
    assert nginx.request("GET", term.url).getheader("X-Cache-Status") == "HIT"

    revision_page = term.get_latest_revision_as_object()
    revision_page.definition = "A fatty acid, as revised by the reviewer."
    revision_page.save_revision().publish()
    refreshed = nginx.request("GET", term.url)

    assert refreshed.getheader("X-Cache-Status") == "HIT"
    assert "as revised by the reviewer" in refreshed.text

    term.refresh_from_db()
    term.unpublish()

    assert nginx.request("GET", term.url).status == 404


@pytest.mark.django_db(transaction=True)
def test_purge_is_refused_to_anyone_but_the_app(nginx, term):
    connection = http.client.HTTPConnection("127.0.0.1", nginx.purge_port, timeout=10)
    connection.request("GET", term.url, headers={"Host": HOST})

    assert connection.getresponse().status == 405
    # On the public port no request header can force a refresh.
    nginx.request("GET", term.url)
    forged = nginx.request(
        "GET", term.url, {"X-Cache-Refresh": "1", "Pragma": "no-cache"}
    )
    assert forged.getheader("X-Cache-Status") == "HIT"


def test_nginx_accepts_the_tls_server_block(tmp_path):
    """The TLS lines, enabled, load on the installed nginx (Debian 12: 1.22)."""
    server = Nginx(tmp_path, app_port=8000)

    result = subprocess.run(server.command("-t"), capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert "ssl http2" in server.config.read_text()


@pytest.mark.django_db(transaction=True)
def test_pages_are_served_and_cached_over_https(nginx, term):
    first = nginx.request("GET", term.url, tls=True)
    second = nginx.request("GET", term.url, tls=True)

    assert first.status == 200
    assert "A short-chain fatty acid." in first.text
    assert [first.getheader("X-Cache-Status"), second.getheader("X-Cache-Status")] == [
        "MISS",
        "HIT",
    ]


@pytest.fixture
def redirecting_app(settings):
    """The app as production runs it: plain HTTP redirected to HTTPS, the scheme
    read from nginx's X-Forwarded-Proto. Its own server, because Django's security
    middleware reads these settings once, when a server starts."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    app = LiveServer("127.0.0.1:0")
    yield app
    app.stop()


@pytest.fixture
def nginx_before_redirecting_app(tmp_path, redirecting_app):
    server = Nginx(tmp_path, redirecting_app.thread.port)
    server.start()
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_a_page_cached_over_https_does_not_answer_plain_http(
    nginx_before_redirecting_app, term
):
    nginx = nginx_before_redirecting_app
    nginx.request("GET", term.url, tls=True)
    assert nginx.request("GET", term.url, tls=True).getheader("X-Cache-Status") == (
        "HIT"
    )

    plain = nginx.request("GET", term.url)

    assert plain.status == 301
    assert plain.getheader("Location") == f"https://{HOST}{term.url}"


@pytest.mark.django_db(transaction=True)
def test_publishing_refreshes_the_https_copy_too(nginx, term, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{nginx.purge_port}",
        }
    }
    nginx.request("GET", term.url, tls=True)

    revision_page = term.get_latest_revision_as_object()
    revision_page.definition = "A fatty acid, as revised by the reviewer."
    revision_page.save_revision().publish()
    refreshed = nginx.request("GET", term.url, tls=True)

    assert refreshed.getheader("X-Cache-Status") == "HIT"
    assert "as revised by the reviewer" in refreshed.text


def make_private(page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def move_away(page):
    from wagtail.models import Page

    shelf = (
        page.get_parent()
        .get_parent()
        .add_child(instance=Page(title="Shelf", slug="shelf"))
    )
    page.move(shelf, pos="last-child")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("change", ["private", "unpublish", "move"])
def test_a_term_leaves_every_page_nginx_cached_that_showed_it(
    nginx, term, make_term, make_article, glossary_index, settings, change
):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{nginx.purge_port}",
        }
    }
    acetate = make_term("Acetate", publish=True)
    article = make_article(body_text="Bacteria turn fibre into butyrate.")
    showing = [glossary_index.url, f"{glossary_index.url}?letter=b", acetate.url]
    showing += [article.url, "/sitemap-glossary.xml"]
    url = term.url
    for path in showing:
        nginx.request("GET", path)
        cached = nginx.request("GET", path)
        assert cached.getheader("X-Cache-Status") == "HIT", path
        assert url in cached.text, path

    {"private": make_private, "unpublish": lambda page: page.unpublish()}.get(
        change, move_away
    )(term)

    for path in showing:
        assert url not in nginx.request("GET", path).text, path
