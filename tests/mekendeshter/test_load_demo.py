import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.test import override_settings

from forum.models import Edition, Item, OutcomeDocument, Partnership
from mekendeshter.demo import content
from news.models import Article
from news.views import ARTICLES_PER_PAGE

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("forum", "news", "diaspora")


def snapshot():
    models = [model for app in CONTENT_APPS for model in apps.get_app_config(app).get_models()]
    return {model.__name__: serializers.serialize("json", model.objects.order_by("pk")) for model in models}


def test_load_demo_is_idempotent(demo):
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_load_demo_content(demo):
    assert list(Edition.objects.order_by("number").values_list("year", flat=True))[:3] == [2012, 2014, 2016]
    upcoming = Edition.objects.get(number=4)
    assert upcoming.is_demo and upcoming in Edition.objects.upcoming()
    assert Edition.objects.current() == upcoming
    document = OutcomeDocument.objects.get(edition__year=2016)
    assert Item.objects.filter(section__document=document, section__slug="recommendation").count() == 18
    assert Item.objects.filter(section__document=document, section__slug="result").count() == 8
    assert Partnership.objects.filter(edition__year=2016).count() == 5
    assert Article.objects.published().count() == len(content.ARTICLES) > ARTICLES_PER_PAGE  # pagination shows
    assert Article.objects.filter(category=Article.Category.ANNOUNCEMENT).count() >= 3
    osh = Edition.objects.get(year=2016).venue
    assert osh.address_ru == "г. Ош, ул. Ленина, 331" or "331" in osh.address_ru
    assert osh.latitude and osh.longitude


def test_every_demo_text_is_translated(demo):
    from modeltranslation.translator import translator

    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).get_field_names()
        for obj in model.objects.all():
            for field in fields:
                values = {lang: getattr(obj, f"{field}_{lang}") for lang in ("ky", "ru", "en")}
                if any(values.values()):
                    assert all(values.values()), (model.__name__, obj.pk, field, values)


@override_settings(DEBUG=True)
def test_staff_account_in_development(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    user = get_user_model().objects.get(username="staff@example.org")
    assert user.is_staff and user.check_password("mekendeshter-demo")
    assert "mekendeshter-demo" in out.getvalue()


@override_settings(DEBUG=False)
def test_no_staff_account_in_production(db):
    call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_load_demo_invents_no_people(demo):
    from diaspora.models import DirectoryEntry

    call_command("load_demo", stdout=io.StringIO())
    assert not DirectoryEntry.objects.exists()


def test_demo_outcome_text_can_be_restored_after_an_edit(demo):
    from reversion.models import Version

    item = Item.objects.get(section__document__edition__year=2016, section__slug="recommendation", number=12)
    original = item.text_ky
    versions = Version.objects.get_for_object(item.section)
    assert versions.count() == 1
    Item.objects.filter(pk=item.pk).update(text_ky="Оңдолгон текст")
    versions.first().revision.revert()
    item.refresh_from_db()
    assert item.text_ky == original
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert Version.objects.get_for_object(item.section).count() == 1  # idempotent
