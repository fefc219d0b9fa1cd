"""Rules for the API's query parameters, shared by the views, filters and pagination.

Wagtail checks most parameters, but some values reach the database or the search
backend unchecked and fail there: an offset past 64 bits, a NUL byte (PostgreSQL),
a double quote (SQLite's full-text search), a malformed date. Each rule here turns
such a value into a BadRequestError, which Wagtail's views answer with a 400 and a
JSON message.
"""

import re
import unicodedata

from django.db.backends.base.operations import BaseDatabaseOperations
from wagtail.api.v2.utils import BadRequestError

# Longer than any title, slug or page path the site stores; also keeps Wagtail's
# recursive ?fields= parser well inside the recursion limit.
MAX_VALUE_LENGTH = 1000
# Same as the site search (microsite.home.views): longer queries make SQLite's
# full-text expression too deep.
MAX_SEARCH_LENGTH = 200
# offset and ids: PostgreSQL's integer, whatever the database.
MAX_WHOLE_NUMBER = 2**31 - 1
# Each tag is a join: SQLite allows 64 tables in one.
MAX_TAGS = 10

ASCII_WHOLE_NUMBER = re.compile(r"-?[0-9]+", re.ASCII)


def check_query_string(query, formats):
    """Rules for every parameter: given once, not too long, no control characters."""
    for name, values in query.lists():
        if len(values) > 1:
            raise BadRequestError(f"{name} is given {len(values)} times: give it once")
        [value] = values
        if len(value) > MAX_VALUE_LENGTH:
            raise BadRequestError(
                f"{name} is too long (at most {MAX_VALUE_LENGTH} characters)"
            )
        if has_control_character(name) or has_control_character(value):
            raise BadRequestError(
                f"{name!r} cannot contain control characters (such as NUL)"
            )
    if "format" in query and query["format"] not in formats:
        raise BadRequestError(f"format must be one of: {', '.join(sorted(formats))}")


def check_page_ids(query):
    """``?child_of=`` and its kin: a page id in ASCII digits, or ``root``."""
    for name in ("child_of", "descendant_of", "ancestor_of", "translation_of"):
        if name in query and query[name] != "root":
            whole_number(name, query[name])


def has_control_character(text):
    return any(unicodedata.category(char) == "Cc" for char in text)


def whole_number(name, value, minimum=0, maximum=MAX_WHOLE_NUMBER):
    """``value`` as an int, from ASCII digits only (``int()`` also takes ``٣``)."""
    if not ASCII_WHOLE_NUMBER.fullmatch(value) or not (
        minimum <= int(value) <= maximum
    ):
        raise BadRequestError(
            f"{name} must be a whole number from {minimum} to {maximum}"
        )
    return int(value)


def integer_range(field):
    """The values an integer column holds on every supported database."""
    return BaseDatabaseOperations.integer_field_ranges.get(
        field.get_internal_type(),
        BaseDatabaseOperations.integer_field_ranges["BigIntegerField"],
    )


def check_search(query, operator, operators):
    if '"' in query:
        raise BadRequestError("search cannot contain double quotes")
    if len(query) > MAX_SEARCH_LENGTH:
        raise BadRequestError(
            f"search is too long (at most {MAX_SEARCH_LENGTH} characters)"
        )
    if operator is not None and operator.lower() not in operators:
        raise BadRequestError(f"search_operator must be one of: {', '.join(operators)}")
