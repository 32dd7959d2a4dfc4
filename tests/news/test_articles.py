"""Articles written in the admin: the editor, HTML cleaned on save, cover thumbnails, hostile input."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mekendeshter.core.sanitize import clean_html
from news import images
from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&#58;alert(1)">x</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">p</p>',
    "<iframe src=//evil.example></iframe><object data=x></object><svg onload=alert(1)>",
    "‮ 𝕏 \u200b e\u0301 👩‍👩‍👧 " + "ы" * 2000,
]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def jpeg(width=1600, height=900):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 16, 46)).save(buffer, "JPEG")
    return SimpleUploadedFile("cover.jpg", buffer.getvalue(), content_type="image/jpeg")


def article_form(**overrides):
    data = {
        "slug": "forum-opens",
        "title_ky": "Форум ачылды",
        "title_ru": "Форум открылся",
        "title_en": "The forum opens",
        "lead_ky": "Кыскача",
        "body_ky": "<p>Текст <strong>калың</strong></p>",
        "body_ru": "",
        "body_en": "",
        "cover_alt_ky": "Ош шаары",
        "category": "news",
        "status": "published",
        "published_at_0": "2026-01-02",
        "published_at_1": "10:00:00",
        "comments_enabled": "on",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("html", HOSTILE)
def test_clean_html_removes_everything_that_runs(html):
    cleaned = clean_html(html)
    for bad in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<object", "style=", "<svg"):
        assert bad not in cleaned.lower()


def test_clean_html_keeps_the_editor_markup():
    html = '<h2>Башы</h2><p><em>a</em> <a href="https://example.org">b</a></p><ul><li>c</li></ul><blockquote>d</blockquote>'
    cleaned = clean_html(html)
    assert "<h2>Башы</h2>" in cleaned and "<em>a</em>" in cleaned and "<li>c</li>" in cleaned
    assert 'href="https://example.org"' in cleaned and 'rel="noopener noreferrer nofollow"' in cleaned


def test_admin_uses_the_rich_text_editor(admin_client):
    html = admin_client.get("/admin/news/article/add/").content.decode()
    assert "data-django-prose-editor-default" in html
    assert "django_prose_editor/editor.js" in html


def test_admin_saves_cleaned_html_and_thumbnails(admin_client, media):
    response = admin_client.post(
        "/admin/news/article/add/",
        article_form(body_ky='<p onclick="x()">Текст</p><script>alert(1)</script>', cover=jpeg()),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.body_ky == "<p>Текст</p>"
    assert article.cover.name.endswith(".webp") and "cover.jpg" not in article.cover.name  # re-encoded, renamed
    for width in (480, 960, 1200):
        thumbnail = media / images.thumbnail_name(article.cover.name, width)
        assert thumbnail.exists()
        assert Image.open(thumbnail).width == width
    html = admin_client.get(f"/en/news/{article.slug}/").content.decode()
    image = f"http://testserver/media/{images.thumbnail_name(article.cover.name, 1200)}"
    assert re.search(rf'<meta property="og:image"\s+content="{re.escape(image)}">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'alt="Ош шаары"\s+lang="ky"', html)
    listing = admin_client.get("/ky/news/").content.decode()
    assert ".480w.jpg" in listing


def test_cover_keeps_no_metadata_and_bad_files_are_refused(admin_client, media):
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8825)[2] = (40.0, 31.0, 20.0)  # GPS latitude
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(buffer, "JPEG", exif=exif.tobytes())
    with_gps = SimpleUploadedFile("trip.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert admin_client.post("/admin/news/article/add/", article_form(cover=with_gps)).status_code == 302
    assert dict(Image.open(media / Article.objects.get().cover.name).getexif()) == {}

    not_an_image = SimpleUploadedFile("cover.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    response = admin_client.post("/admin/news/article/add/", article_form(slug="second", cover=not_an_image))
    assert response.status_code == 200
    assert "cover" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1


def test_replacing_or_deleting_a_cover_removes_its_files(admin_client, media, django_capture_on_commit_callbacks):
    def stored():
        return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post("/admin/news/article/add/", article_form(cover=jpeg()))
    article = Article.objects.get()
    first = article.cover.name
    assert len(stored()) == 4  # the cover and its three widths
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/news/article/{article.pk}/change/", article_form(cover=jpeg(width=1300, height=700))
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.cover.name != first
    assert len(stored()) == 4 and first not in stored()
    assert stored() == sorted(
        [article.cover.name, *(images.thumbnail_name(article.cover.name, w) for w in (480, 960, 1200))]
    )

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.exists()
    assert stored() == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_in_every_admin_field(admin_client, client, media, hostile):
    names = ("title", "lead", "body", "cover_alt")
    fields = {f"{name}_{lang}": hostile for name in names for lang in ("ky", "ru", "en")}
    response = admin_client.post("/admin/news/article/add/", article_form(**fields))
    assert response.status_code in (200, 302)
    for article in Article.objects.all():
        for lang in ("ky", "ru", "en"):
            body = getattr(article, f"body_{lang}")
            assert "<script" not in body and "javascript:" not in body and "onerror" not in body
        for lang in ("ky", "ru", "en"):
            page = client.get(f"/{lang}/news/{article.slug}/")
            assert page.status_code == 200
            html = page.content.decode()
            assert "<script>alert" not in html and "<img src=x onerror" not in html and 'href="javascript' not in html
            assert client.get(f"/{lang}/news/").status_code == 200
            assert client.get(f"/{lang}/news/feed/").status_code == 200


def test_hostile_urls_and_queries_never_fail(client):
    ArticleFactory()
    for path in (
        "/ky/news/?page=<script>",
        "/ky/news/?category=%00&edition=99999999999999999999",
        "/ky/news/%F0%9D%95%8F/",
        "/ky/news/" + "ы" * 300 + "/",
        "/ky/subscribe/confirm/" + "x" * 3000 + "/",
    ):
        assert client.get(path).status_code in (200, 404), path
