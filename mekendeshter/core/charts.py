"""Geometry of horizontal bar charts, drawn as inline SVG by `includes/_bar_chart.html`.

A chart library would add a script (which the Content Security Policy keeps out) for what is a
few rectangles: the server computes where each bar goes, the template writes them, and the page
shows the same numbers in a table beside the chart for screen readers and for copying.
"""

# Fixed drawing units: the SVG scales to the page's width through its viewBox.
WIDTH = 640
# Room for the group labels: about 8 units a character at the labels' size (Cyrillic letters are
# wide), within these bounds.
LABEL_CHAR = 8
LABEL_WIDTH = (60, 260)
VALUE_WIDTH = 80
BAR_HEIGHT = 16
BAR_GAP = 3
GROUP_GAP = 14
LEGEND_HEIGHT = 28
# Series are coloured by their position (chart__bar--0 … --5 in site.css), repeating after that.
COLOURS = 6


def bar_chart(groups, *, series=(), maximum=None):
    """`groups`: [{"label": str, "values": [{"value": int, "text": str}, ...]}], one value per
    series (a `value` of 0 draws no bar but still writes its `text`, e.g. "fewer than 5").
    `series`: the names for the legend (none for a single series). Returns the drawing: the
    viewBox size, the legend and, per group, its label and bars with their value labels."""
    largest = maximum or max((item["value"] for group in groups for item in group["values"]), default=0) or 1
    longest = max((len(str(group["label"])) for group in groups), default=0)
    label_width = min(max(longest * LABEL_CHAR + 12, LABEL_WIDTH[0]), LABEL_WIDTH[1])
    plot = WIDTH - label_width - VALUE_WIDTH
    legend = [
        {"name": name, "colour": index % COLOURS, "x": label_width + index * 110, "y": 10}
        for index, name in enumerate(series)
    ]
    y = LEGEND_HEIGHT if legend else 0
    drawn = []
    for group in groups:
        bars = []
        for index, item in enumerate(group["values"]):
            length = round(plot * item["value"] / largest, 1) if item["value"] > 0 else 0
            bars.append(
                {
                    "x": label_width,
                    "y": y,
                    "width": length,
                    "height": BAR_HEIGHT,
                    "colour": index % COLOURS,
                    "text": item["text"],
                    "text_x": label_width + length + 4,
                    "text_y": y + BAR_HEIGHT - 4,
                }
            )
            y += BAR_HEIGHT + BAR_GAP
        block = len(bars) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        # The label beside the middle of its group's bars.
        label_y = y - BAR_GAP - block / 2 + 5
        drawn.append({"label": group["label"], "label_x": label_width - 8, "label_y": label_y, "bars": bars})
        y += GROUP_GAP - BAR_GAP
    return {"width": WIDTH, "height": max(y, 1), "legend": legend, "groups": drawn}
