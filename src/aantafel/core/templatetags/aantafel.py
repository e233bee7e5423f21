import re

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

_BULLET = re.compile(r"^\s*[-·•*]\s+")


@register.filter
def textblock(value: str) -> str:
    """Plain text as written in terms of reference: lines starting with a bullet become a list,
    other lines paragraphs. Everything is escaped."""
    html: list[str] = []
    items: list[str] = []

    def flush():
        if items:
            html.append(
                '<ul class="utrecht-unordered-list">'
                + format_html_join(
                    "", '<li class="utrecht-unordered-list__item">{}</li>', ((i,) for i in items)
                )
                + "</ul>"
            )
            items.clear()

    for line in (value or "").splitlines():
        if not line.strip():
            flush()
        elif _BULLET.match(line):
            items.append(_BULLET.sub("", line))
        else:
            flush()
            html.append(f'<p class="utrecht-paragraph">{escape(line.strip())}</p>')
    flush()
    return mark_safe("".join(html))  # noqa: S308 - every piece above is escaped
