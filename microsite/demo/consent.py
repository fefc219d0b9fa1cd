"""Demo content: consent. Filled in by the work on this part of the site."""


def build(stdout):
    return None
