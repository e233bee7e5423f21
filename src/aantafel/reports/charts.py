"""S6: the charts of the dashboards, drawn on the server as SVG by pygal and inlined in the page.

pygal's SVG is made clean for a page of ours: no script (pygal adds a configuration script
even with `js=[]`), no comments (they name pygal's website), no XML namespaces (an inline SVG in
HTML needs none; this leaves no URL in the SVG at all), no ids of pygal's own (two charts on one
page would repeat them). The SVG gets role="img" and aria-labelledby pointing at the figure's
caption; the table beside each chart is the accessible version of the same numbers, so colour
never carries meaning alone. The colours all reach 3:1 against white (WCAG 1.4.11).
"""

import re
import sys
from typing import Any

import pygal
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

from .dashboards import Kind, Table

# pygal puts an import hook for its map plugins (pygal.maps.*, unused here) on sys.meta_path.
# It lacks find_spec, so every later import it sees raises an ImportWarning: take it out.
sys.meta_path[:] = [
    finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"
]

# Dark enough on white for graphics (3:1 and more), and apart from each other.
COLOURS = (
    "#1f4e79",  # dark blue
    "#b34700",  # dark orange
    "#2e7d32",  # green
    "#6a1b9a",  # purple
    "#c62828",  # red
    "#37474f",  # blue grey
    "#00695c",  # teal
    "#795548",  # brown
    "#ad1457",  # magenta
    "#4e5b00",  # olive
)

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#000000",
    foreground_subtle="#595959",
    opacity="1",
    opacity_hover="1",
    transition="none",
    colors=COLOURS,
    font_family="system-ui, 'Segoe UI', Roboto, Arial, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
    value_font_size=12,
    title_font_size=14,
)

CHART_CLASSES = {
    "stacked": pygal.StackedBar,
    "bar": pygal.Bar,
    "line": pygal.Line,
    "hbar-stacked": pygal.HorizontalStackedBar,
}

_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NAMESPACE = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_PYGAL_ID = re.compile(r'\s+id="activate-serie-\d+"')
_CHART_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def label_of(value: Any, kind: str) -> str:
    """A first-column value as an axis label: "Mar 2026" for a month."""
    if kind == Kind.MONTH:
        return date_format(value, "M Y")
    return str(value)


def clean_svg(svg: str, *, chart_id: str, labelled_by: str) -> str:
    """pygal's SVG without script, comments, namespaces or ids of its own, labelled for
    assistive technology by the element `labelled_by`."""
    svg = _SCRIPT.sub("", svg)
    svg = _COMMENT.sub("", svg)
    svg = _NAMESPACE.sub("", svg)
    svg = _PYGAL_ID.sub("", svg)
    svg = _CHART_ID.sub(chart_id, svg)
    return svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{escape(labelled_by)}" focusable="false" '
        'style="display:block;width:100%;height:auto;max-width:56rem" ',
        1,
    )


def render_chart(table: Table, *, chart_id: str, labelled_by: str) -> SafeString:
    """The table's chart as inline SVG; empty when the table has no chart or no rows."""
    spec = table.chart
    if spec is None or not table.rows:
        return mark_safe("")
    horizontal = spec.kind.startswith("hbar")
    chart = CHART_CLASSES[spec.kind](
        js=[],
        style=STYLE,
        disable_xml_declaration=True,
        explicit_size=False,
        width=800,
        height=max(300, 40 * len(table.rows) + 160) if horizontal else 400,
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(spec.series), 4) or 1,
        truncate_legend=-1,
        truncate_label=-1,
        x_label_rotation=0 if horizontal else (30 if len(table.rows) > 8 else 0),
        show_minor_x_labels=True,
        y_title=str(spec.y_title),
        print_values=False,
        include_x_axis=True,
        min_scale=1,
        dots_size=3,
        tooltip_border_radius=0,
        no_data_text="",
    )
    first = table.columns[0]
    chart.x_labels = [label_of(value, first.kind) for value in table.values(first.key)]
    for key in spec.series:
        column = table.column(key)
        chart.add(str(column.label), table.values(key))
    svg = chart.render(is_unicode=True)
    return mark_safe(clean_svg(svg, chart_id=chart_id, labelled_by=labelled_by))  # noqa: S308
