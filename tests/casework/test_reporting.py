"""Issue 5: nothing of a case in error reports beyond its opaque reference."""

import sys

from django.test import RequestFactory
from django.views.debug import ExceptionReporter


def _report(path: str) -> str:
    request = RequestFactory().post(path, {"name": "Lotte Peeters", "question": "Geheim"})
    question = "Wij willen één plan voor Lotte Peeters"  # noqa: F841 (a local in the traceback)
    try:
        raise ValueError("boom")
    except ValueError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        return reporter.get_traceback_text()


def test_c8_error_report_of_a_case_address_holds_no_case_data(settings):
    settings.DEBUG = False
    text = _report("/regio/iroj-limburg/clientoverleg/CO-7KQ3-M9XD/deelnemers/nieuw/")
    assert "CO-7KQ3-M9XD" in text
    assert "Peeters" not in text
    assert "Geheim" not in text


def test_error_report_elsewhere_keeps_its_detail(settings):
    settings.DEBUG = False
    text = _report("/regio/iroj-limburg/signalen/nieuw/")
    assert "Peeters" in text
