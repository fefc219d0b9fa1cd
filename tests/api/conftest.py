import pytest

from tests.glossary.conftest import (  # noqa: F401 (fixtures)
    glossary_index,
    make_term,
    make_topic,
)


@pytest.fixture
def term(make_term):  # noqa: F811
    return make_term("Butyrate", "A short-chain fatty acid.")
