import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone


@pytest.mark.django_db(transaction=True)
def test_existing_registrations_take_the_preferred_language():
    executor = MigrationExecutor(connection)
    # Forum just before registrations carried a language, and what depends on forum's later
    # migrations (news' list indexes, for one) unapplied with them; the rest at its latest.
    after = executor.loader.graph.leaf_nodes()
    executor.migrate([("forum", "0007_registration_proposals")])
    executor.loader.build_graph()
    old = executor.loader.project_state(list(executor.loader.applied_migrations)).apps
    User, Profile = old.get_model("auth", "User"), old.get_model("diaspora", "Profile")
    Edition, Registration = old.get_model("forum", "Edition"), old.get_model("forum", "Registration")
    edition = Edition.objects.create(number=1, year=2030, title_ky="Форум", start_date=datetime.date(2030, 7, 1))
    people = {name: User.objects.create(username=name) for name in ("russian", "english", "no_profile")}
    Profile.objects.create(user=people["russian"], language="ru")
    Profile.objects.create(user=people["english"], language="en")
    for user in people.values():
        Registration.objects.create(
            user=user, edition=edition, first_name="A", last_name="B", country="DE", city="Berlin",
            phone="+49301234567", privacy_consent_at=timezone.now(),
        )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    languages = dict(new.get_model("forum", "Registration").objects.values_list("user__username", "language"))
    assert languages == {"russian": "ru", "english": "en", "no_profile": "ky"}
