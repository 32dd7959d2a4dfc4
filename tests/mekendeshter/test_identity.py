"""The site's identity: logo, icons, the default sharing image, sponsors by tier, the footer."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum.models import Partnership
from tests.factories import ArticleFactory, EditionFactory, OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_every_page_has_the_logo_icons_and_a_sharing_image(client):
    html = client.get("/ky/news/").content.decode()
    assert re.search(r'<img class="brand__logo"\s+src="/static/img/logo.svg"', html)
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert 'sizes="192x192"' in html
    assert '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in html


def test_an_article_without_a_cover_is_shared_with_the_default_image(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('property="og:image"') == 1
    assert "og-default.png" in html


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 160), "#1a5fb4").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_sponsors_are_a_grid_by_tier_with_logos_or_names(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = EditionFactory(year=2016, start_date="2016-08-01", end_date="2016-08-02")
    media = OrganisationFactory(name_ru="Замандаш")
    fund = OrganisationFactory(name_ru="Фонд «Инициатива»", logo=_png())
    PartnershipFactory(edition=edition, organisation=media, tier=Partnership.Tier.MEDIA)
    PartnershipFactory(edition=edition, organisation=fund, tier=Partnership.Tier.ORGANIZER)
    html = client.get("/ru/forum/2016/").content.decode()
    organizers, media_heading = html.index("Организатор</h3>"), html.index("Информационный партнёр</h3>")
    assert organizers < media_heading
    assert re.search(r'<img src="/media/logos/[^"]+"\s+alt="Фонд «Инициатива»"', html)
    assert re.search(r'<span class="partners__name"\s*>Замандаш</span>', html)


def test_footer_credit_says_what_it_means(client):
    html = client.get("/ky/").content.decode()
    assert "Форумдун 2016-жылкы алгачкы сайтын «InfoPort» компаниясы иштеп чыккан." in html
    html = client.get("/ru/").content.decode()
    assert "Первый сайт форума (2016) разработала компания «InfoPort»." in html
    assert 'id="footer-partners"' not in html
