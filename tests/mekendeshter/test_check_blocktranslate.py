"""`make lint` refuses a blocktranslate that is not trimmed (scripts/check_blocktranslate.py)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_blocktranslate.py"


def run(root):
    return subprocess.run([sys.executable, SCRIPT, root], capture_output=True, text=True, check=False)


def test_untrimmed_tags_fail_with_their_place(tmp_path):
    (tmp_path / "page.html").write_text(
        "{% load i18n %}\n"
        "{% blocktranslate trimmed %}Fine{% endblocktranslate %}\n"
        "<p>{% blocktranslate with name=x %}Hello {{ name }}{% endblocktranslate %}</p>\n"
        "{% blocktrans count n=3 %}one{% plural %}many{% endblocktrans %}\n",
        encoding="utf-8",
    )
    result = run(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'page.html'}:3: {{% blocktranslate with name=x %}}",
        f"{tmp_path / 'page.html'}:4: {{% blocktrans count n=3 %}}",
    ]


def test_trimmed_tags_pass(tmp_path):
    (tmp_path / "mail.txt").write_text(
        "{% blocktranslate trimmed with name=x %}Hello {{ name }}{% endblocktranslate %}\n"
        "{% blocktranslate count n=3 trimmed %}one{% plural %}many{% endblocktranslate %}\n",
        encoding="utf-8",
    )
    assert run(tmp_path).returncode == 0


def test_the_site_templates_pass():
    result = run(SCRIPT.parents[1] / "templates")
    assert (result.returncode, result.stdout) == (0, "")
