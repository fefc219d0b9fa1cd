"""The size of each structure the glossary keeps, for ``make bench``.

``cached_size_report()`` lists ``(name, bytes)``, the bytes being the length of
the structure pickled (``len(pickle.dumps(...))``): a measure of what it costs
to keep or to read back, not of the process's memory exactly. It reads only
this process's memory and the shared cache; it builds nothing (a structure not
built yet by this process is simply absent, so call it after warming pages).

- ``glossary autolink data [locale]``: the auto-link rows in the shared cache
  (read back once per version by each process);
- ``glossary autolink linker [locale]``: the linker each process builds from
  them, with its remembered results;
- ``glossary a_to_z [glossary id]``: a glossary's A–Z kept by this process
  (``glossary.a_to_z``);
- ``glossary sitemap page starts [root paths]``: the count and page starts of
  the glossary's sitemap section kept by this process (``glossary.sitemaps``).
"""

import pickle

from django.core.cache import caches

from glossary import a_to_z, sitemaps
from glossary.autolink import terms as autolink_terms
from glossary.conf import get_setting


def _size(value) -> int:
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def cached_size_report() -> list[tuple[str, int]]:
    report = []
    cache = caches[get_setting("GLOSSARY_AUTOLINK_CACHE")]
    version = cache.get(autolink_terms.VERSION_KEY)
    for locale_id, (_version, linker) in sorted(
        autolink_terms.built_linkers().items(), key=lambda item: str(item[0])
    ):
        label = locale_id or "all"
        if version is not None:
            key = autolink_terms.DATA_KEY.format(version=version, locale_id=label)
            rows = cache.get(key)
            if rows is not None:
                report.append((f"glossary autolink data [{label}]", _size(rows)))
        if linker is not None:
            report.append((f"glossary autolink linker [{label}]", _size(linker.held())))
    for glossary_id, held in sorted(a_to_z.memo().items()):
        report.append((f"glossary a_to_z [{glossary_id}]", _size(held)))
    for (roots, _limit), held in sorted(sitemaps.page_starts().items()):
        name = ",".join(roots)
        report.append((f"glossary sitemap page starts [{name}]", _size(held)))
    return report
