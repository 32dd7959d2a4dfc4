"""Render static/img/icon-maskable-{192,512}.png from the emblem (static/img/favicon.svg).

Android crops an installed app's icon to its own shape; a maskable icon fills the whole square and
keeps its drawing inside the central circle of 40% of the size that every shape keeps. Here: the
emblem's scrolls (26.5 of 32 units from the centre) scaled by 0.8, 33% of the size, on a red
square. Run again when the emblem changes: `.venv/bin/python scripts/render_maskable_icons.py`.
"""

import re
from pathlib import Path

from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parent.parent / "static" / "img"
RED = "#c8102e"

svg = (IMG / "favicon.svg").read_text()
inner = svg.split(">", 1)[1].rsplit("</svg>", 1)[0]
inner = re.sub(r"<!--.*?-->", "", inner, flags=re.S)
# The emblem's red disc is the square itself here (its anti-aliased edge would show as a ring).
inner = inner.replace(f'<circle cx="32" cy="32" r="32" fill="{RED}"/>', "")


def document(size):
    return (
        f'<html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="{size}" '
        f'height="{size}" viewBox="0 0 64 64"><rect width="64" height="64" fill="{RED}"/>'
        f'<g transform="translate(32 32) scale(0.8) translate(-32 -32)">{inner}</g></svg></body></html>'
    )


with sync_playwright() as playwright:
    # sRGB, so that the theme colour comes out as exactly #c8102e.
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium", args=["--no-sandbox", "--force-color-profile=srgb"]
    )
    for size in (192, 512):
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(document(size))
        page.screenshot(path=IMG / f"icon-maskable-{size}.png")
    browser.close()
