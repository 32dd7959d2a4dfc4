import pytest

from forum.models import OutcomeDocument
from tests.factories import ItemFactory


@pytest.fixture
def item():
    return ItemFactory(section__slug="recommendation", section__document__status=OutcomeDocument.Status.OPEN)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
