"""Domain errors: a rule of PRODUCT.md said no.

Services raise these with a translatable message; the view shows it beside the field named in
`field`, the API answers with problem details that name the same field.
"""

from django.utils.functional import Promise


class DomainError(Exception):
    """A request broke a rule. `field` names the input that caused it, if one did."""

    status_code = 400
    code = "invalid"

    def __init__(
        self, message: str | Promise, *, field: str | None = None, code: str | None = None
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
