"""`includes`: whether a JSON list of category varnames holds a given varname.

Django's own `contains` lookup on JSONField does not exist on SQLite, and the
records are filtered and counted by category on both SQLite and PostgreSQL.
"""

import json

from django.db import NotSupportedError
from django.db.models import JSONField, Lookup


class ListIncludes(Lookup):
    lookup_name = "includes"
    prepare_rhs = False

    def _parts(self, compiler, connection):
        if not isinstance(self.rhs, str):
            raise TypeError(f"'includes' expects a varname string, not {self.rhs!r}.")
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        return lhs_sql, list(lhs_params)

    def as_sqlite(self, compiler, connection):
        lhs_sql, params = self._parts(compiler, connection)
        sql = (
            f"EXISTS (SELECT 1 FROM json_each({lhs_sql}) AS listed "
            "WHERE listed.value = %s)"
        )
        return sql, (*params, self.rhs)

    def as_postgresql(self, compiler, connection):
        lhs_sql, params = self._parts(compiler, connection)
        return f"{lhs_sql} @> %s::jsonb", (*params, json.dumps([self.rhs]))

    def as_mysql(self, compiler, connection):
        lhs_sql, params = self._parts(compiler, connection)
        return f"JSON_CONTAINS({lhs_sql}, %s)", (*params, json.dumps([self.rhs]))

    def as_sql(self, compiler, connection):
        raise NotSupportedError(
            f"The 'includes' lookup is not implemented for {connection.vendor}."
        )


class CategoryListField(JSONField):
    """A JSON list of cookie category varnames, filterable with `__includes`."""


CategoryListField.register_lookup(ListIncludes)
