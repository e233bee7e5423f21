"""The encrypted fields of case data (ADR 0010), from django-fernet-encrypted-fields.

One adjustment: the library stores an empty value as NULL, so a blank text field would need
`null=True` and read back as None. Here an empty string stays an empty string (it holds nothing
to protect), and every other value is encrypted as the library does."""

from typing import TYPE_CHECKING, Any

from django.db import models
from encrypted_fields import fields

if TYPE_CHECKING:
    # The library ships no type information: to the type checker these are the plain fields
    # they extend, so a value is a str (a date) like any other field's.
    EncryptedCharField = models.CharField
    EncryptedTextField = models.TextField
    EncryptedEmailField = models.EmailField
    EncryptedDateField = models.DateField
else:

    class _EmptyStaysEmpty:
        def get_prep_value(self, value: Any) -> Any:
            if value == "":
                return ""
            return super().get_prep_value(value)

    class EncryptedCharField(_EmptyStaysEmpty, fields.EncryptedCharField):
        pass

    class EncryptedTextField(_EmptyStaysEmpty, fields.EncryptedTextField):
        pass

    class EncryptedEmailField(_EmptyStaysEmpty, fields.EncryptedEmailField):
        pass

    EncryptedDateField = fields.EncryptedDateField


ENCRYPTED_FIELD_TYPES = (fields.EncryptedFieldMixin,)
