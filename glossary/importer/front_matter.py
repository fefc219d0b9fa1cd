"""YAML front matter read safely: plain data only, shallow, each key once.

``yaml.safe_load`` already refuses Python objects; this loader also refuses what a
front matter never needs and an attacker can abuse: nesting deep enough to exhaust
the stack, anchors and aliases (``&a``, ``*a``), and a key given twice (YAML keeps
the last one silently), and a NUL character written as ``"\\0"`` (no database
column can hold it). Every refusal is a ``yaml.MarkedYAMLError`` with a line.
"""

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

MAX_DEPTH = 8


class FrontMatterLoader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ComposerError(
                None,
                None,
                "anchors and aliases (& and *) are not allowed",
                event.start_mark,
            )
        if self.depth >= MAX_DEPTH:
            raise ComposerError(
                None,
                None,
                f"nested more than {MAX_DEPTH} levels deep",
                event.start_mark,
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        if "\x00" in value:
            raise ConstructorError(
                None, None, "a NUL character is not allowed", node.start_mark
            )
        return value

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise ConstructorError(
                        None,
                        None,
                        f"the key {key_node.value!r} is given twice",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def load_front_matter(source: str):
    """The data in ``source``; raises ``yaml.YAMLError`` (most with a line mark)."""
    return yaml.load(source, Loader=FrontMatterLoader)  # noqa: S506 (a SafeLoader)
