"""Demonstration photos, drawn here with Pillow (no third-party pictures): mountains under a
tunduk-like sun in the site's colours, so that the album, the edition page and the photo viewer
can be tried on a fresh demo. Each is captioned as a demonstration image (content.DEMO_ALBUM)."""

import io
import math

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800
# Sky, far ridge, near ridge, sun: four palettes, one per picture.
PALETTES = [
    ((246, 214, 160), (150, 86, 74), (92, 44, 52), (200, 16, 46)),
    ((190, 216, 236), (92, 124, 160), (40, 70, 104), (232, 178, 36)),
    ((250, 232, 200), (184, 120, 60), (112, 64, 36), (200, 16, 46)),
    ((214, 232, 214), (96, 140, 104), (44, 84, 60), (232, 178, 36)),
]


def _ridge(width, height, base, amplitude, phase):
    """A mountain ridge as a closed polygon: a few sine waves, peaks sharpened."""
    points = [(0, height)]
    for x in range(0, width + 1, 20):
        wave = math.sin(x / 170 + phase) + 0.5 * math.sin(x / 61 + 2 * phase) + 0.25 * math.sin(x / 23 + phase)
        points.append((x, base - amplitude * abs(wave)))
    points.append((width, height))
    return points


def _draw(index):
    sky, far, near, sun = PALETTES[index % len(PALETTES)]
    image = Image.new("RGB", (WIDTH, HEIGHT), sky)
    draw = ImageDraw.Draw(image)
    # A sun drawn as a tunduk: a ring crossed by two pairs of bars.
    cx, cy, radius = 300 + 200 * index, 260, 110
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=sun, width=22)
    for angle in (0, math.pi / 2):
        for offset in (-28, 28):
            dx, dy = math.cos(angle), math.sin(angle)
            ox, oy = -dy * offset, dx * offset
            draw.line(
                (cx - dx * radius + ox, cy - dy * radius + oy, cx + dx * radius + ox, cy + dy * radius + oy),
                fill=sun,
                width=12,
            )
    draw.polygon(_ridge(WIDTH, HEIGHT, 560, 220, index), fill=far)
    draw.polygon(_ridge(WIDTH, HEIGHT, 700, 150, index + 1.7), fill=near)
    return image


def demo_photo(index):
    """The `index`-th demonstration picture as an upload (PNG, re-encoded like any upload)."""
    buffer = io.BytesIO()
    _draw(index).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=f"demo-{index + 1}.png")
