"""S6: a dashboard table as CSV or XLSX, exactly the rows of the table on the page.

CSV: UTF-8 with a byte order mark (so spreadsheet programs read it as UTF-8), months as
2026-03, numbers as numbers, nothing for a number there is none of. A text cell that a
spreadsheet would run as a formula gets a leading apostrophe.
XLSX (xlsxwriter, in memory): the header row bold, numbers as numbers, months as dates.
"""

import csv
import datetime
import io
from typing import Any

from django.http import HttpResponse

from .dashboards import Kind, Period, Table

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filename(table: Table, region_slug: str, period: Period, extension: str) -> str:
    return f"{table.key}-{region_slug}-{period.first:%Y-%m}-{period.last:%Y-%m}.{extension}"


def _csv_cell(value: Any, kind: str) -> str | int | float:
    if value is None:
        return ""
    if kind == Kind.MONTH:
        return f"{value:%Y-%m}"
    if kind in (Kind.TEXT, Kind.QUARTER):
        text = str(value)
        return f"'{text}" if text.startswith(_FORMULA_START) else text
    return value


def csv_response(table: Table, name: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(c.label) for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                _csv_cell(value, column.kind)
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    return response


def xlsx_bytes(table: Table) -> bytes:
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(table.key[:31])
    bold = workbook.add_format({"bold": True})
    month = workbook.add_format({"num_format": "yyyy-mm"})
    decimal = workbook.add_format({"num_format": "0.0"})
    for col, column in enumerate(table.columns):
        sheet.write_string(0, col, str(column.label), bold)
        sheet.set_column(col, col, max(10, min(40, len(str(column.label)) + 2)))
    for r, row in enumerate(table.rows, start=1):
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            if value is None:
                sheet.write_blank(r, col, None)
            elif column.kind == Kind.MONTH:
                moment = datetime.datetime.combine(value, datetime.time())
                sheet.write_datetime(r, col, moment, month)
            elif column.kind in (Kind.TEXT, Kind.QUARTER):
                sheet.write_string(r, col, str(value))
            elif column.kind == Kind.COUNT:
                sheet.write_number(r, col, value)
            else:
                sheet.write_number(r, col, value, decimal)
    sheet.freeze_panes(1, 0)
    workbook.close()
    return output.getvalue()


def xlsx_response(table: Table, name: str) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
