"""Every write of advice requests, one function per use case (PRODUCT.md S4)."""

from .advice import advice_give
from .requests import advice_document_add, advice_request_create, advice_request_edit
from .response import (
    advice_close,
    advice_follow_up_add,
    advice_put_on_agenda,
    advice_response_record,
)
from .views import advice_view_record

__all__ = [
    "advice_close",
    "advice_document_add",
    "advice_follow_up_add",
    "advice_give",
    "advice_put_on_agenda",
    "advice_request_create",
    "advice_request_edit",
    "advice_response_record",
    "advice_view_record",
]
