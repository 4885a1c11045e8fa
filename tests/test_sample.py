"""End to end: the CLI on the reference article yields the hand-annotated facts of its spec.

The spec lives in ../shared/samples/chongqing-singapura.expected.json (read-only material beside the project);
the test reads it from there when it is present and checks the facts against the CLI's own output.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SAMPLE, SHARED, check_mention, read_jsonl

SPEC = SHARED / "samples" / "chongqing-singapura.expected.json"


@pytest.fixture(scope="module")
def spec():
    if not SPEC.is_file():
        pytest.skip(f"{SPEC} not present")
    return json.loads(SPEC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mentions():
    done = subprocess.run(
        [sys.executable, "-m", "factx", "extract", str(SAMPLE), "--format", "jsonl"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return read_jsonl(done.stdout)


@pytest.fixture(scope="module")
def frames():
    done = subprocess.run(
        [sys.executable, "-m", "factx", "extract", str(SAMPLE), "--events", "--format", "jsonl", "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return read_jsonl(done.stdout)


def test_every_record_satisfies_the_contract(mentions):
    source = SAMPLE.read_text(encoding="utf-8")
    assert mentions
    for record in mentions:
        check_mention(record, source)


def pairs(records, kind):
    return [(r["text"], r["value"]) for r in records if r["type"] == kind]


def test_dates(spec, mentions):
    found = pairs(mentions, "DATE")
    for date in spec["dates"]:
        assert (date["text"], date["value"]) in found


def test_durations(spec, mentions):
    found = pairs(mentions, "DURATION")
    for duration in spec["durations"]:
        assert (duration["text"], duration["value"]) in found


def test_money(spec, mentions):
    found = [(r["text"], r["amount"], r["currency"]) for r in mentions if r["type"] == "MONEY"]
    assert sorted(found) == sorted((m["text"], m["amount"], m["currency"]) for m in spec["money"])


def test_orgs(spec, mentions):
    orgs = {r["text"] for r in mentions if r["type"] == "ORG"}
    missing = [org for org in spec["orgs"] if org not in orgs]
    assert not missing
    assert not orgs & set(spec["not_orgs"])


def test_acronym_takes_the_full_name(mentions):
    values = {r["value"] for r in mentions if r["type"] == "ORG" and r["text"] == "SFA"}
    assert values == {"Otoritas Pangan Singapura"}


def test_named_events(spec, mentions):
    events = {r["text"] for r in mentions if r["type"] == "EVENT"}
    for name in spec["named_events"]:
        assert name in events


def test_event_frames(spec, frames):
    """Every frame of the spec is matched by a frame with the same date, and the spec's orgs and amounts in it."""
    for want in spec["events"]:
        candidates = [f for f in frames if f["date"] == want["date"]]
        candidates = [f for f in candidates if all(o in f["orgs"] for o in want.get("orgs", []))]
        candidates = [f for f in candidates if all(p in f["places"] for p in want.get("places", []))]
        money = [[m["amount"], m["currency"]] for f in candidates for m in f["money"]]
        for amount in want.get("money", []):
            assert amount in money, want
        assert candidates, want
