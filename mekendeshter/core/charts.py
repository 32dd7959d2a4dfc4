"""Horizontal bar charts, written as HTML by `includes/_bar_chart.html`: this computes each bar's
length as a percentage of the longest.

A chart library would add a script (which the Content Security Policy keeps out) for what is a
few rectangles, and the page shows the same numbers in a table for screen readers and copying.
The labels and numbers are HTML text at the page's own size, not text inside a scaled drawing: an
SVG drawn for a wide column shrank its text to 6 pixels on a phone. So a group's label can stand
above its bars on a narrow screen and beside them on a wide one (site.css), and a long country name
wraps. Only the bars are SVG, their length an attribute (the CSP forbids style attributes).
"""

# Labels this short (years) stand beside their bars even on a phone: above, each would take a line.
SHORT_LABEL = 8
# Series are coloured by their position (chart__bar--0 … --5 in site.css), repeating after that.
COLOURS = 6


def bar_chart(groups, *, series=(), maximum=None):
    """`groups`: [{"label": str, "values": [{"value": int, "text": str}, ...]}], one value per
    series (a `value` of 0 draws no bar but still writes its `text`, e.g. "fewer than 5").
    `series`: the series' names, written beside each of their bars (none for a single series,
    whose bars are told apart by their group's label alone). Returns, per group, its label and
    bars: each with its series' name, colour, number as text and length in percent (0 to 100);
    and whether every label is short enough to stand beside its bars on a phone."""
    largest = maximum or max((item["value"] for group in groups for item in group["values"]), default=0) or 1
    names = list(series)
    drawn = []
    for group in groups:
        bars = [
            {
                "series": names[index] if index < len(names) else "",
                "colour": index % COLOURS,
                "text": item["text"],
                "percent": round(100 * item["value"] / largest, 1) if item["value"] > 0 else 0,
            }
            for index, item in enumerate(group["values"])
        ]
        drawn.append({"label": group["label"], "bars": bars})
    short = max((len(str(group["label"])) for group in groups), default=0) <= SHORT_LABEL
    return {"series": bool(names), "short_labels": short, "groups": drawn}
