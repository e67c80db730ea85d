"""Server-rendered SVG charts, made with pygal: no script, no build step, Thai from the page's fonts."""
from __future__ import annotations

import pygal
from pygal.style import Style

from bot import texts
from bot.ita.province import Week
from bot.thai import thai_strftime

_STYLE = Style(background="transparent", plot_background="transparent", font_family="inherit",
               colors=("#06C755", "#2F6FBA", "#9BE3B4", "#A9C5EA"), label_font_size=11, legend_font_size=12,
               major_label_font_size=11)


def responses_chart(weeks: list[Week], iit_minimum: int, eit_minimum: int) -> str:
    """The province's IIT and EIT responses week by week, against the sums of their minimums."""
    chart = pygal.Line(js=[], style=_STYLE, width=720, height=320, show_dots=len(weeks) < 12, dots_size=3,
                       disable_xml_declaration=True, legend_at_bottom=True, legend_at_bottom_columns=2,
                       x_label_rotation=0, show_minor_x_labels=False, truncate_label=-1, explicit_size=False)
    chart.x_labels = [thai_strftime(w.ends, "%-d %b") for w in weeks]
    chart.x_labels_major = chart.x_labels[::max(1, len(weeks) // 6)]
    chart.add(texts.DASH_CHART_IIT, [w.iit for w in weeks])
    chart.add(texts.DASH_CHART_EIT, [w.eit for w in weeks])
    chart.add(texts.DASH_CHART_IIT_MIN, [iit_minimum] * len(weeks), stroke_style={"dasharray": "6,4"}, show_dots=False)
    chart.add(texts.DASH_CHART_EIT_MIN, [eit_minimum] * len(weeks), stroke_style={"dasharray": "6,4"}, show_dots=False)
    return chart.render(is_unicode=True)
