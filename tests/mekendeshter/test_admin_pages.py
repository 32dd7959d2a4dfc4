"""Every admin page of every registered model opens in production conditions: hashed static
names from the manifest (a script that is not collected is a 500 there, a mere 404 in development)."""

import datetime
import uuid

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from forum.models import Album, Arrival, ContactRequest, Edition, Person
from mekendeshter.core.models import FailedLetter
from news.models import NewsSettings
from tests import factories

pytestmark = pytest.mark.django_db

# One object for each registered model that the demo content does not have.
CREATE = {
    "auth.Group": lambda: Group.objects.create(name="editors"),
    "account.EmailAddress": lambda: factories.UserFactory().emailaddress_set.get(),
    "socialaccount.SocialApp": lambda: SocialApp.objects.create(provider="google", name="Google", client_id="id"),
    "socialaccount.SocialAccount": lambda: SocialAccount.objects.create(
        user=factories.UserFactory(), provider="google", uid="1"
    ),
    "socialaccount.SocialToken": lambda: SocialToken.objects.create(
        app=SocialApp.objects.first(),
        account=SocialAccount.objects.create(user=factories.UserFactory(), provider="google", uid="2"),
        token="token",
    ),
    "forum.Person": lambda: Person.objects.create(name="Айгүл Асанова"),
    "forum.Album": lambda: Album.objects.create(edition=Edition.objects.get(year=2016), title="Ош, 2016"),
    "forum.ContactRequest": lambda: ContactRequest.objects.create(
        name="Бакыт", email="bakyt@example.org", message="Саламатсызбы!", language="ky"
    ),
    "forum.Registration": factories.RegistrationFactory,
    "forum.Arrival": lambda: Arrival.objects.create(
        registration=factories.RegistrationFactory(),
        day=datetime.date(2030, 7, 1),
        arrived_at=timezone.now(),
        key=uuid.uuid4(),
    ),
    "forum.Proposal": factories.ProposalFactory,
    "news.Comment": factories.CommentFactory,
    "news.NewsSettings": NewsSettings.load,
    "news.Subscription": factories.SubscriptionFactory,
    "news.Newsletter": factories.NewsletterFactory,
    "diaspora.Association": factories.AssociationFactory,
    "diaspora.DirectoryEntry": factories.DirectoryEntryFactory,
    "core.FailedLetter": lambda: FailedLetter.objects.create(
        recipients="aida@example.org", subject="Каттоо", error="SMTPServerDisconnected", attempts=6, letter={}
    ),
}


def test_every_admin_page_of_every_model_opens_with_the_manifest_storage(manifest_static, admin_client, demo):
    pages = 0
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        obj = model.objects.first()
        if obj is None:
            assert label in CREATE, f"{label} is in the admin: add a way to create one to CREATE"
            CREATE[label]()
            obj = model.objects.get()
        info = model._meta.app_label, model._meta.model_name
        for name, args in (("changelist", ()), ("change", (obj.pk,)), ("history", (obj.pk,)), ("add", ())):
            url = reverse("admin:{}_{}_{}".format(*info, name), args=args)
            response = admin_client.get(url)
            if name == "add" and not model_admin.has_add_permission(response.wsgi_request):
                assert response.status_code == 403, url
            else:
                assert response.status_code == 200, url
                pages += 1
        # The spreadsheet import and export pages (django-import-export ships its own static files).
        if hasattr(model_admin, "import_action"):
            for name in ("import", "export"):
                url = reverse("admin:{}_{}_{}".format(*info, name))
                assert admin_client.get(url).status_code == 200, url
                pages += 1
    # Sanity: the loop saw the whole registry (4 pages for nearly every model).
    assert pages > 3 * len(admin.site._registry)
