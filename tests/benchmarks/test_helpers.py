"""The benchmarks' parsing, table and ratio helpers (no timing: these run in CI).

The benchmarks themselves are scripts that print tables (benchmarks/README.md);
what is tested here is that they read wrk's and /proc's output right, and that
their targets table says MET or NOT MET for the right reasons.
"""

import os
import subprocess
import sys

import bare
import benchkit as bk
import footprint
import page_speed
import pytest
import scale
import where_time_goes

WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:8000/glossary/term/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.10ms    2.01ms  30.11ms   80.00%
  Latency Distribution
     50%  650.00us
     75%    7.50ms
     90%    1.20s
     99%    1.50m
  5000 requests in 3.00s, 60.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 12
Requests/sec:   1666.67
Transfer/sec:     20.00MB
"""


def test_parse_wrk_reads_rate_percentiles_in_every_unit_and_errors():
    result = bk.parse_wrk("http://x/", WRK_OUTPUT)
    assert result.requests_per_second == 1666.67
    assert result.percentiles == {
        "50": 0.65,
        "75": 7.5,
        "90": 1200.0,
        "99": 90000.0,
    }
    assert result.requests == 5000
    assert result.non_2xx == 12
    assert result.socket_errors == "connect 0, read 2, write 0, timeout 1"


def test_median_result_takes_medians_and_sums_counts():
    runs = [
        bk.WrkResult("u", 100.0, {"50": 1.0, "99": 9.0}, 10, 0),
        bk.WrkResult("u", 300.0, {"50": 3.0, "99": 3.0}, 30, 1),
        bk.WrkResult("u", 200.0, {"50": 2.0, "99": 5.0}, 20, 2),
    ]
    result = bk.median_result(runs)
    assert result.requests_per_second == 200.0
    assert result.p50 == 2.0
    assert result.p99 == 5.0
    assert (result.requests, result.non_2xx) == (60, 3)
    assert bk.median_result([runs[0]]) is runs[0]
    assert bk.median_result([]) is None


def test_parse_ppid_reads_past_a_command_with_parentheses_and_spaces():
    stat = "4242 (gunicorn: worker (x) ) S 4200 4200 4200 0 -1 4194560"
    assert bk.parse_ppid(stat) == 4200


def test_parse_rss_kib():
    status = "Name:\tgunicorn\nVmPeak:\t  200000 kB\nVmRSS:\t  123456 kB\n"
    assert bk.parse_rss_kib(status) == 123456
    assert bk.parse_rss_kib("Name:\tkthreadd\n") is None


def test_worker_rss_finds_the_children_of_a_process():
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys, time\n"
            "children = [subprocess.Popen([sys.executable, '-c', "
            "'import time; time.sleep(30)']) for _ in range(2)]\n"
            "print(' '.join(str(c.pid) for c in children), flush=True)\n"
            "time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        children = sorted(int(pid) for pid in parent.stdout.readline().split())
        assert bk.child_pids(parent.pid) == children
        sizes = bk.worker_rss(parent.pid)
        assert len(sizes) == 2
        assert all(size > 1024 * 1024 for size in sizes)  # a Python is > 1 MiB
        assert os.getpid() not in bk.child_pids(parent.pid)
    finally:
        for pid in bk.child_pids(parent.pid):
            os.kill(pid, 9)
        parent.kill()
        parent.wait()


@pytest.fixture
def answering():
    """A local HTTP server answering GETs with the statuses of a list, in turn."""
    import http.server
    import threading

    statuses = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(statuses.pop(0) if statuses else 200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield statuses, f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def test_latency_samples_keep_the_first_failure(answering):
    statuses, url = answering
    statuses.extend([200, 500, 404, 200])
    times, status = bk.latency_samples(url, count=4, max_seconds=30)
    assert len(times) == 4
    assert status == 500
    times, status = bk.latency_samples(url, count=2, max_seconds=30)
    assert status == 200


def test_share_median_and_status_text():
    assert bk.share(1, 4) == 0.25
    assert bk.share(None, 4) is None
    assert bk.share(1, 0) is None
    assert bk.median([3, None, 1, 2]) == 2
    assert bk.median([None]) is None
    assert [bk.status_text(v) for v in (True, False, None)] == ["MET", "NOT MET", "-"]


def test_table_right_aligns_figures_under_a_rule():
    text = bk.table(["name", "value"], [("a", "1"), ("longer", "1,000")])
    assert text.splitlines() == [
        "name    value",
        "------  -----",
        "a           1",
        "longer  1,000",
    ]


# --- the bare baseline ------------------------------------------------------


@pytest.mark.parametrize("length", [60, 61, 500, 12345])
def test_padding_is_exactly_as_long_as_asked(length):
    text = bare.padding(length)
    assert len(text) == len(text.encode()) == length
    assert text.startswith(bare.PADDING_OPEN) and text.endswith(bare.PADDING_CLOSE)


def test_padding_too_short_for_its_wrapper_is_empty():
    assert bare.padding(5) == ""


def test_padded_template_puts_the_padding_in_the_content_block():
    original = "{% block content %}\nHi\n{% endblock content %}\n"
    padded = bare.padded_template(original, "<p>pad</p>")
    assert padded == "{% block content %}\nHi\n<p>pad</p>{% endblock content %}\n"
    with pytest.raises(ValueError):
        bare.padded_template("{% block content %}{% endblock %}", "x")


def bare_results(term_rps, bare_rps):
    result = {"rps": None, "p50": 1.0, "p99": 2.0, "errors": 0}
    return {
        "rounds": 2,
        "ratio": bk.share(term_rps, bare_rps),
        "term_bytes": 10_000,
        "bare_bytes": 10_000,
        "bare_status": 200,
        "term": dict(result, rps=term_rps),
        "bare": dict(result, rps=bare_rps),
    }


def test_bare_ratio_is_the_term_page_share_of_the_bare_page():
    out = bare_results(100.0, 400.0)
    assert bare.targets(out) == [
        ("uncached term vs bare wagtail page (req/s)", "25.0 %", "reported", None)
    ]
    assert "25.0 % of the bare page's req/s" in bare.report(out)


def test_paired_ratio_is_the_median_of_each_rounds_ratio():
    # A slow spell in round 2 hits both pages: the ratio of each round holds.
    term, stock = [100.0, 20.0, 110.0], [400.0, 100.0, 400.0]
    assert bare.paired_ratio(term, stock) == pytest.approx(0.25)
    assert bare.paired_ratio([100.0, 50.0], [400.0, 0.0]) == pytest.approx(0.25)
    assert bare.paired_ratio([], []) is None


def test_bare_ratio_without_a_figure_says_so():
    assert bare.targets(bare_results(100.0, None))[0][1] == "n/a %"


# --- where the time goes -----------------------------------------------------

SITE = "/opt/venv/lib/python3.11/site-packages"


@pytest.mark.parametrize(
    ("filename", "function", "group"),
    [
        (f"{SITE}/django/db/models/query.py", "__iter__", "django.db"),
        (f"{SITE}/django/template/base.py", "render", "django.template"),
        (f"{SITE}/django/core/handlers/base.py", "get_response", "django"),
        (f"{SITE}/wagtail/models/pages.py", "serve", "wagtail"),
        (f"{SITE}/cookie_consent/util.py", "f", "cookie_consent"),
        (f"{SITE}/six.py", "f", "six"),
        ("/proj/glossary/models.py", "get_context", "glossary"),
        ("/proj/consent/middleware.py", "__call__", "consent"),
        ("/proj/microsite/caching/middleware.py", "__call__", "microsite"),
        ("/proj/home/models.py", "f", "bare project"),
        ("/proj/manage.py", "f", "project"),
        ("/usr/lib/python3.11/sqlite3/dbapi2.py", "f", "sqlite"),
        ("~", "<method 'execute' of 'sqlite3.Cursor' objects>", "sqlite"),
        ("~", "<built-in method builtins.len>", "python"),
        ("/usr/lib/python3.11/json/encoder.py", "encode", "python"),
    ],
)
def test_package_of(filename, function, group):
    assert where_time_goes.package_of(filename, function, "/proj") == group


def entry(own, cumulative):
    return (1, 1, own, cumulative, {})


def test_summarise_splits_a_request_into_phases_per_request():
    stats = {
        (f"{SITE}/django/core/handlers/wsgi.py", 1, "__call__"): entry(0.2, 2.0),
        (f"{SITE}/django/core/handlers/base.py", 1, "resolve_request"): entry(0.1, 0.1),
        (f"{SITE}/wagtail/views.py", 19, "serve"): entry(0.1, 0.9),
        (f"{SITE}/wagtail/views.py", 15, "serve_chain"): entry(0.0, 0.5),
        (f"{SITE}/django/template/response.py", 82, "rendered_content"): entry(
            0.1, 0.6
        ),
        (f"{SITE}/django/db/backends/utils.py", 88, "_execute_with_wrappers"): entry(
            0.0, 0.3
        ),
        ("/proj/glossary/models.py", 5, "get_context"): entry(0.4, 0.4),
        ("~", 0, "<method 'execute' of 'sqlite3.Cursor' objects>"): entry(0.3, 0.3),
    }
    summary = where_time_goes.summarise(stats, requests=100, project="/proj")
    assert summary["total"] == pytest.approx(20.0)
    phases = summary["phases"]
    # routing: the URL resolver and Wagtail's serve view outside the page's serve
    assert phases["routing & serve hooks"] == pytest.approx(5.0)
    assert phases["view context"] == pytest.approx(5.0)
    assert phases["template render"] == pytest.approx(6.0)
    assert phases["handler & middleware"] == pytest.approx(4.0)
    assert sum(phases.values()) == pytest.approx(summary["total"])
    assert summary["sql"] == pytest.approx(3.0)
    assert summary["packages"]["glossary"] == pytest.approx(4.0)
    assert summary["packages"]["sqlite"] == pytest.approx(3.0)
    assert list(summary["packages"])[0] == "glossary"  # the largest first


def test_builtins_and_standard_library_count_to_the_packages_that_called_them():
    glossary = ("/proj/glossary/models.py", 1, "get_context")
    django = (f"{SITE}/django/db/models/query.py", 1, "__iter__")
    wagtail = (f"{SITE}/wagtail/models/pages.py", 1, "route")
    length = ("~", 0, "<built-in method builtins.len>")
    regex = ("/usr/lib/python3.11/re/__init__.py", 1, "sub")
    compile_ = ("/usr/lib/python3.11/re/_compiler.py", 1, "compile")
    loop_a = ("/usr/lib/python3.11/copy.py", 1, "deepcopy")
    loop_b = ("/usr/lib/python3.11/copy.py", 2, "_deepcopy_dict")
    orphan = ("~", 0, "<built-in method time.perf_counter>")
    stats = {
        glossary: (1, 1, 0.1, 1.0, {}),
        django: (1, 1, 0.1, 1.0, {}),
        wagtail: (1, 1, 0.1, 1.0, {}),
        # len: 0.3 s under glossary, 0.1 s under django
        length: (
            2,
            2,
            0.4,
            0.4,
            {glossary: (1, 1, 0.3, 0.3), django: (1, 1, 0.1, 0.1)},
        ),
        # re.sub called by wagtail; its compile by re.sub: both count to wagtail
        regex: (1, 1, 0.2, 0.5, {wagtail: (1, 1, 0.2, 0.5)}),
        compile_: (1, 1, 0.3, 0.3, {regex: (1, 1, 0.3, 0.3)}),
        # deepcopy recursing through itself, entered from django
        loop_a: (2, 1, 0.2, 0.4, {django: (1, 1, 0.1, 0.4), loop_b: (1, 1, 0.1, 0.2)}),
        loop_b: (1, 1, 0.2, 0.2, {loop_a: (1, 1, 0.2, 0.2)}),
        orphan: (1, 1, 0.1, 0.1, {}),
    }
    shares = where_time_goes.attributed(stats, "/proj")
    assert shares[length] == pytest.approx({"glossary": 0.75, "django.db": 0.25})
    assert shares[regex] == {"wagtail": 1.0}
    assert shares[compile_] == {"wagtail": 1.0}
    assert shares[loop_a] == pytest.approx({"django.db": 1.0})
    assert shares[loop_b] == pytest.approx({"django.db": 1.0})
    assert shares[orphan] == {"python": 1.0}
    packages = where_time_goes.summarise(stats, 1, "/proj")["packages"]
    assert sum(packages.values()) == pytest.approx(
        1000 * sum(e[2] for e in stats.values())
    )
    assert packages["wagtail"] == pytest.approx(600)  # 0.1 own + 0.2 + 0.3


# --- memory and cached structures ---------------------------------------------


@pytest.mark.parametrize(
    ("key", "pattern"),
    [
        (
            "microsite:1:glossary:autolink:data:0123456789abcdef0123456789abcdef:all",
            "glossary:autolink:data:{version}:all",
        ),
        (
            "microsite:1:glossary:autolink:data:abcd:12",
            "glossary:autolink:data:abcd:{n}",
        ),
        ("microsite:1:consent_declarations", "consent_declarations"),
        ("cookie_consent_cache", "cookie_consent_cache"),
    ],
)
def test_key_pattern(key, pattern):
    assert footprint.key_pattern(key) == pattern


def test_group_keys_counts_and_sums_the_largest_first():
    keys = [
        ("microsite:1:a:1", 10),
        ("microsite:1:a:2", 30),
        ("microsite:1:b", 35),
    ]
    assert footprint.group_keys(keys) == [("a:{n}", 2, 40), ("b", 1, 35)]


def scale_results(small_ms, large_ms, small_queries=7, large_queries=7, status=200):
    def result(terms, ms, queries, status):
        return {
            "terms": terms,
            "pages": {
                name: [ms[name], status, queries]
                for name in ("index", "letter", "term", *scale.SITEMAPS)
            },
            "rss": {"workers": [terms * 2**20, 2 * terms * 2**20]},
            "cached": {
                "reports": {"glossary.cache_report": [["autolink", terms * 100]]},
                "groups": [("glossary:autolink:data:{version}:all", 1, terms * 50)],
            },
        }

    return {
        100: result(100, small_ms, small_queries, 200),
        10000: result(10000, large_ms, large_queries, status),
    }


def by_name(rows):
    return {name: (value, target, met) for name, value, target, met in rows}


FAST = {"index": 10, "letter": 10, "term": 10, "sitemap index": 10}


def test_scale_targets_met_within_the_growth_limits():
    small = dict(FAST, **{"sitemap glossary": 10})
    large = {
        "index": 12.5,
        "letter": 12,
        "term": 11,
        "sitemap index": 20,
        "sitemap glossary": 30,
    }
    rows = by_name(scale.targets(scale_results(small, large)))
    assert rows["term p50 @10,000 terms vs @100"] == ("1.10×", "<= 1.25×", True)
    assert rows["index p50 @10,000 terms vs @100"] == ("1.25×", "<= 1.25×", True)
    assert rows["sitemap glossary p50 @10,000 terms vs @100"][2] is True
    assert rows["SQL queries constant 100→10,000"][2] is True
    assert rows["max gunicorn worker RSS @100 terms"] == ("200.0 MiB", "reported", None)
    assert rows["max gunicorn worker RSS @10,000 terms"][0] == "20,000.0 MiB"
    assert rows["glossary.cache_report.cached_size_report() @10,000 terms"] == (
        "1,000,000 B",
        "reported",
        None,
    )
    assert "consent.declarations.cached_size_report() @100 terms" not in rows
    assert rows["cached auto-link data @100 terms"] == ("5,000 B", "reported", None)
    assert rows["cached auto-link data @10,000 terms"][0] == "500,000 B"
    assert rows["cached consent declarations @10,000 terms"][0] == "n/a B"


def test_structure_bytes_sums_the_matching_key_patterns():
    result = {
        "cached": {
            "groups": [
                ("glossary:autolink:data:{version}:all", 1, 300),
                ("glossary:autolink:version", 1, 40),
                ("consent:declarations", 1, 2000),
            ]
        }
    }
    assert footprint.structure_bytes(result, "autolink") == 340
    assert footprint.structure_bytes(result, "consent") == 2000
    assert footprint.structure_bytes(result, "nothing") is None
    assert footprint.structure_bytes({"cached": None}, "autolink") is None


def test_scale_targets_not_met_when_a_page_grows_or_queries_grow():
    small = dict(FAST, **{"sitemap glossary": 10})
    large = {
        "index": 10,
        "letter": 12.6,
        "term": 10,
        "sitemap index": 10,
        "sitemap glossary": 30.1,
    }
    rows = by_name(scale.targets(scale_results(small, large, 7, 8)))
    assert rows["letter p50 @10,000 terms vs @100"] == ("1.26×", "<= 1.25×", False)
    assert rows["sitemap glossary p50 @10,000 terms vs @100"][2] is False
    assert rows["term p50 @10,000 terms vs @100"][2] is True
    assert rows["SQL queries constant 100→10,000"][0].startswith("grow: index")
    assert rows["SQL queries constant 100→10,000"][2] is False


def test_scale_targets_not_met_when_the_large_page_fails():
    small = dict(FAST, **{"sitemap glossary": 10})
    rows = by_name(scale.targets(scale_results(small, small, status=500)))
    assert rows["term p50 @10,000 terms vs @100"] == ("1.00×", "<= 1.25×", False)


def test_sizes_report_lists_each_structure_at_each_size_and_missing_reports():
    small = dict(FAST, **{"sitemap glossary": 10})
    text = footprint.sizes_report(scale_results(small, small))
    lines = text.splitlines()
    assert lines[0].split() == ["cached", "structure,", "bytes", "@100", "@10,000"]
    assert "glossary.cache_report: autolink" in text
    assert "10,000" in lines[2] and "1,000,000" in lines[2]
    assert "no cached_size_report() in consent.declarations" in text


# --- the page cache against the static file ----------------------------------


def wrk_result(rps):
    return bk.WrkResult("u", rps, {"50": 1.0, "99": 2.0})


def test_hit_targets_for_the_file_cache_and_redis_with_gthread():
    out = {
        "static": wrk_result(40_000),
        "nginx": wrk_result(36_000),
        "app_cache": wrk_result(1_000),
        "threaded_cache": wrk_result(3_000),
        "redis_cache": wrk_result(3_300),
        "uncached": {"term": wrk_result(100)},
    }
    rows = by_name(page_speed.targets(out))
    assert rows["app cache hit vs nginx static file, file cache, gthread ×4"] == (
        "7.5 %",
        ">= 8 %",
        False,
    )
    assert rows["app cache hit vs nginx static file, Redis, gthread ×4"] == (
        "8.2 %",
        ">= 8 %",
        True,
    )
    # sync workers: for comparison only
    assert rows["app cache hit vs nginx static file, file cache, sync"] == (
        "2.5 %",
        "reported",
        None,
    )
    assert rows["app cache vs uncached render (term)"][2] is False  # 10× < 15×


def test_floor_rows_give_each_bound_as_a_share_of_the_static_file():
    out = {
        "static": wrk_result(80_000),
        "nginx": wrk_result(70_000),
        "app_cache": wrk_result(3_000),
        "threaded_cache": wrk_result(3_200),
        "ceiling": wrk_result(10_000),
        "django_ceiling": wrk_result(6_400),
        "reads_file": wrk_result(4_400),
        "reads_redis": wrk_result(3_600),
        "read_redis_generation": wrk_result(4_800),
        "uncached": {"term": wrk_result(100)},
    }
    rows = by_name(page_speed.targets(out))
    assert rows["bare WSGI callable vs nginx static file, gthread ×4"][0] == "12.5 %"
    vs_static = " vs nginx static file, gthread ×4"
    assert rows["bare Django (one middleware answering)" + vs_static] == (
        "8.0 %",
        "reported",
        None,
    )
    assert rows["a hit's 2 file-cache reads alone (no Django)" + vs_static][0] == (
        "5.5 %"
    )
    assert rows["a hit's 2 Redis reads alone (no Django)" + vs_static][0] == "4.5 %"
    assert rows["1 Redis read alone (no Django)" + vs_static][0] == "6.0 %"
    assert rows["app cache hit vs bare Django, gthread ×4"][0] == "50.0 %"
    # The page table has a line for each bound.
    out.update(
        urls={},
        queries=dict.fromkeys(page_speed.PAGES, 1),
        page_bytes=18_803,
        notes=[],
    )
    out["uncached"] = {name: wrk_result(100) for name in page_speed.PAGES}
    text = page_speed.report(out)
    for label in ("bare WSGI", "bare Django", "2 file-cache reads", "1 Redis read"):
        assert f"term bytes, {label}" in text


def test_floor_rows_are_left_out_when_not_measured():
    out = {
        "static": wrk_result(80_000),
        "app_cache": wrk_result(3_000),
        "threaded_cache": wrk_result(3_200),
        "uncached": {"term": wrk_result(100)},
    }
    names = " ".join(by_name(page_speed.targets(out)))
    assert "bare" not in names and "no Django" not in names


def test_hit_targets_without_redis_have_no_redis_row():
    out = {
        "static": wrk_result(40_000),
        "nginx": None,
        "app_cache": wrk_result(2_000),
        "threaded_cache": wrk_result(4_000),
        "uncached": {"term": wrk_result(100)},
    }
    rows = by_name(page_speed.targets(out))
    assert "app cache hit vs nginx static file, Redis, gthread ×4" not in rows
    assert rows["app cache hit vs nginx static file, file cache, gthread ×4"][2]
    assert rows["app cache vs uncached render (term)"][2] is True
    assert rows["nginx cache vs static file (term)"][2] is False


def test_the_static_reference_has_the_http_settings_of_the_deployed_nginx():
    """The static file is served with deploy/nginx.conf's http{} settings, so the
    proxy cache is compared with nginx serving a file, not with a better-tuned nginx
    (open_file_cache alone moves each of them by 10-15 %)."""
    deployed = bk.NGINX_CONF.read_text()
    reference = bk.STATIC_NGINX.format(tmp="/tmp/x", port=1)
    for directive in (
        "sendfile",
        "tcp_nopush",
        "keepalive_timeout",
        "server_tokens",
        "open_file_cache",
        "open_file_cache_valid",
        "open_file_cache_min_uses",
        "gzip",
        "gzip_vary",
        "gzip_types",
    ):
        assert lines_of(deployed, directive) == lines_of(reference, directive), (
            directive
        )


def lines_of(config: str, directive: str) -> list[str]:
    """The `directive …;` lines of an nginx config's http{} block, stripped."""
    http = config[config.index("http {") :]
    return [
        line.strip()
        for line in http.splitlines()
        if line.strip().split(" ", 1)[0] == directive
    ]
