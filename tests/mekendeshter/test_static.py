import json

import pytest

from tests.factories import AssociationFactory


def test_collectstatic_with_the_manifest_storage(collected_static):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())["paths"]
    # Our own files and the vendored ones, each under a hashed name that exists.
    for name in ("css/site.css", "js/map.js", "vendor/leaflet/leaflet.js", "vendor/leaflet/images/marker-icon.png"):
        assert (collected_static / manifest[name]).is_file()
        assert manifest[name] != name


MARKER_FILES = [
    "vendor/leaflet/images/marker-icon.png",
    "vendor/leaflet/images/marker-icon-2x.png",
    "vendor/leaflet/images/marker-shadow.png",
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_maps_give_leaflet_the_hashed_marker_urls(client, manifest_static, demo, language):
    AssociationFactory(latitude="55.750000", longitude="37.620000")
    manifest = json.loads((manifest_static / "staticfiles.json").read_text())["paths"]
    for url in (f"/{language}/forum/2016/venue/", f"/{language}/directory/"):
        html = client.get(url).content.decode()
        for name in MARKER_FILES:
            assert f'="/static/{manifest[name]}"' in html, (url, name)
