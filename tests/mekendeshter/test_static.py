import json


def test_collectstatic_with_the_manifest_storage(collected_static):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())["paths"]
    # Our own files and the vendored ones, each under a hashed name that exists.
    for name in ("css/site.css", "js/map.js", "vendor/leaflet/leaflet.js", "vendor/leaflet/images/marker-icon.png"):
        assert (collected_static / manifest[name]).is_file()
        assert manifest[name] != name
