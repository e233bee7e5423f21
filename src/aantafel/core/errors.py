"""Domain errors: a rule of PRODUCT.md said no.

Services raise these with a translatable message; the view shows it beside the field named in
`field`, the API answers with problem details that name the same field.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class DomainError(Exception):
    """A request broke a rule. `field` names the input that caused it, if one did."""

    status_code = 400
    code = "invalid"

    def __init__(
        self, message: "str | _StrPromise", *, field: str | None = None, code: str | None = None
    ):
        super().__init__(str(message))
        self.message = message
        self.field = field
        if code:
            self.code = code


class ConflictError(DomainError):
    """The request is well-formed but clashes with the current state (409)."""

    status_code = 409
    code = "conflict"
