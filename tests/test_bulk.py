"""The bulk download: the whole archive as gzip-compressed JSON Lines, written atomically, kept up
to date by the import command, offered on /downloads/."""

import gzip
import hashlib
import io
import json

import pytest
from django.core.management import call_command

from resolutions.bulk import FILE_NAME, MANIFEST_NAME, read_manifest, write_bulk
from resolutions.exports import export_version
from resolutions.importer import Status
from resolutions.models import LanguageVersion
from tests.importing import import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(sample_path, english_fixture, french_fixture):
    for path in (sample_path, english_fixture, french_fixture):
        assert import_file(path).status == Status.IMPORTED


@pytest.fixture
def bulk_dir(settings, tmp_path):
    settings.BULK_DIR = tmp_path / "bulk"
    return settings.BULK_DIR


def lines_of(path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_every_line_is_the_export_of_one_language_version(archive, bulk_dir):
    write_bulk(bulk_dir)
    lines = lines_of(bulk_dir / FILE_NAME)
    expected = [
        export_version(version)
        for version in LanguageVersion.objects.with_contents().order_by(
            "resolution__session", "language"
        )
    ]
    assert [(line["symbol"], line["language"]) for line in lines] == [
        ("A/RES/76/127", "zh"),
        ("A/RES/80/501", "en"),
        ("A/RES/80/501", "fr"),
    ]
    assert lines == expected
    assert len(lines[0]["paragraphs"]) == 88


def test_the_manifest_describes_the_file(archive, bulk_dir):
    manifest = write_bulk(bulk_dir)
    data = (bulk_dir / FILE_NAME).read_bytes()
    assert manifest.count == 3
    assert manifest.size == len(data)
    assert manifest.sha256 == hashlib.sha256(data).hexdigest()
    assert json.loads((bulk_dir / MANIFEST_NAME).read_text()) == {
        "file": FILE_NAME,
        "count": 3,
        "generated_at": manifest.generated_at,
        "sha256": manifest.sha256,
        "size": manifest.size,
    }
    assert read_manifest(bulk_dir) == manifest


def test_an_export_that_fails_leaves_the_previous_file_and_nothing_else(archive, bulk_dir):
    previous = write_bulk(bulk_dir)
    before = (bulk_dir / FILE_NAME).read_bytes()

    def fail_halfway(done: int, total: int) -> None:
        if done == 2:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_bulk(bulk_dir, progress=fail_halfway)
    assert sorted(p.name for p in bulk_dir.iterdir()) == sorted([FILE_NAME, MANIFEST_NAME])
    assert (bulk_dir / FILE_NAME).read_bytes() == before
    assert read_manifest(bulk_dir) == previous


def test_a_first_export_that_fails_leaves_no_file(archive, bulk_dir):
    def fail(done: int, total: int) -> None:
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        write_bulk(bulk_dir, progress=fail)
    assert list(bulk_dir.iterdir()) == []
    assert read_manifest(bulk_dir) is None


def test_export_bulk_command_writes_to_bulk_dir_or_the_given_one(archive, bulk_dir, tmp_path):
    out = run("export_bulk")
    assert f"3 language versions written to {bulk_dir / FILE_NAME}" in out
    assert read_manifest(bulk_dir).count == 3
    elsewhere = tmp_path / "elsewhere"
    run("export_bulk", "--dir", str(elsewhere))
    assert len(lines_of(elsewhere / FILE_NAME)) == 3


def test_the_import_command_regenerates_the_file_when_it_changed_something(
    bulk_dir, sample_path, english_fixture
):
    out = run("import_resolutions", str(sample_path))
    assert "bulk download: 1 language versions written" in out
    first = read_manifest(bulk_dir)
    assert [line["symbol"] for line in lines_of(bulk_dir / FILE_NAME)] == ["A/RES/76/127"]

    run("import_resolutions", str(english_fixture))
    assert [line["symbol"] for line in lines_of(bulk_dir / FILE_NAME)] == [
        "A/RES/76/127",
        "A/RES/80/501",
    ]
    second = read_manifest(bulk_dir)
    assert second.sha256 != first.sha256

    # Nothing imported or replaced: the file is left as it is.
    out = run("import_resolutions", str(sample_path), str(english_fixture))
    assert "bulk download" not in out
    assert read_manifest(bulk_dir) == second


def test_no_bulk_leaves_the_file_alone(bulk_dir, sample_path):
    run("import_resolutions", "--no-bulk", str(sample_path))
    assert read_manifest(bulk_dir) is None


# --- The downloads page and the file ------------------------------------------------------------


def test_downloads_page_says_when_the_file_is_not_there_yet(client, bulk_dir):
    page = client.get("/downloads/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "批量下载文件尚未生成" in text
    assert "manage.py export_bulk" in text
    missing = client.get(f"/downloads/{FILE_NAME}")
    assert missing.status_code == 404
    assert "批量下载文件尚未生成" in missing.content.decode()
    assert "The bulk download is not there yet" in missing.content.decode()


def test_downloads_page_offers_the_file_with_its_size_date_and_count(client, archive, bulk_dir):
    manifest = write_bulk(bulk_dir)
    page = client.get("/downloads/").content.decode()
    assert (
        f'<a class="download-link" href="/downloads/{FILE_NAME}" type="application/gzip">' in page
    )
    assert "<dd>3</dd>" in page
    assert manifest.sha256 in page
    assert f'<time datetime="{manifest.generated_at}">' in page
    assert "KB</dd>" in page or "MB</dd>" in page
    assert '<a href="/feeds/resolutions.atom" type="application/atom+xml">' in page
    assert page.index("开放数据") < page.index("Open data")  # Chinese first


def test_the_file_downloads_as_a_gzip_file_not_as_an_encoded_response(client, archive, bulk_dir):
    manifest = write_bulk(bulk_dir)
    response = client.get(f"/downloads/{FILE_NAME}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gzip"
    assert "Content-Encoding" not in response
    assert response["Content-Disposition"] == f'attachment; filename="{FILE_NAME}"'
    assert response["ETag"] == f'"{manifest.sha256}"'
    body = b"".join(response.streaming_content)
    assert body == (bulk_dir / FILE_NAME).read_bytes()
    assert len(gzip.decompress(body).splitlines()) == 3
