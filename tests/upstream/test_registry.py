"""A change to upstream is applied only when switched on and checked on the installed versions."""

import logging
from importlib.metadata import version
from types import SimpleNamespace

import pytest

from msi_rdm.cli import msi
from msi_rdm.upstream import APPLIED, CHANGES, OFF, UNCHECKED, UpstreamChange
from msi_rdm.upstream.replace import replacing


class Target:
    """A stand-in for an upstream class."""

    def answer(self):
        return "upstream"


def changed_answer(self):
    return "changed"


def probe(checked):
    """A change of ``Target.answer``, checked against ``checked``."""
    apply, revert = replacing(Target, "answer", changed_answer)
    return UpstreamChange(
        name="probe-change",
        replaces=("tests.Target.answer",),
        why="a test",
        checked=checked,
        unnecessary_when="never",
        apply=apply,
        revert=revert,
    )


def fake_app(**config):
    return SimpleNamespace(config=config)


def installed_flask_babel():
    return {"flask-babel": (version("flask-babel"),)}


def test_a_checked_and_switched_on_change_is_applied_and_reverted_exactly():
    """Applied, the replacement is in place; reverted, the original is back (as it was)."""
    change = probe(installed_flask_babel())
    original = vars(Target)["answer"]
    change.decide(fake_app())
    assert change.active and change.state == APPLIED
    assert Target().answer() == "changed"
    change.decide(fake_app())  # a second application (the REST API) changes nothing more
    change.decide(fake_app(MSI_UPSTREAM_PROBE_CHANGE=False))
    assert not change.active and change.state == OFF
    assert vars(Target)["answer"] is original


def test_an_unchecked_version_leaves_the_change_out_with_one_warning(caplog):
    """An installed version the change was not checked against: not applied, one warning line
    naming the distribution and the versions checked, however often it is decided."""
    change = probe({"flask-babel": ("0.0.1",)})
    with caplog.at_level(logging.WARNING, logger="msi_rdm.upstream"):
        change.decide(fake_app())
        change.decide(fake_app())
    assert not change.active and change.state == UNCHECKED
    assert Target().answer() == "upstream"
    lines = [r.getMessage() for r in caplog.records if r.name == "msi_rdm.upstream"]
    assert len(lines) == 1
    assert "probe-change not applied" in lines[0] and "flask-babel" in lines[0]
    assert "0.0.1" in lines[0] and version("flask-babel") in lines[0]


def test_a_missing_distribution_counts_as_unchecked():
    """A distribution that is not installed is not a version the change knows."""
    change = probe({"no-such-distribution": ("1.0",)})
    change.decide(fake_app())
    assert change.state == UNCHECKED and "missing" in change.reason


def test_the_global_switch_turns_every_change_off():
    """``MSI_UPSTREAM_ENABLED = False`` leaves a change out whatever its own switch says."""
    change = probe(installed_flask_babel())
    change.decide(fake_app(MSI_UPSTREAM_ENABLED=False, MSI_UPSTREAM_PROBE_CHANGE=True))
    assert change.state == OFF and Target().answer() == "upstream"


def test_every_change_is_described_and_applied_in_the_test_application(app):
    """Each change says what it replaces, why, against which versions, what would make it
    unnecessary, and is in effect on this installation (unless switched off for the run)."""
    assert len(CHANGES) >= 10
    for name, change in CHANGES.items():
        assert change.name == name and change.replaces and change.why and change.checked
        assert change.unnecessary_when
        assert not change.unchecked_versions(), name
        expected = APPLIED if app.config.get("MSI_UPSTREAM_ENABLED", True) else OFF
        assert change.state == expected, (name, change.reason)


def test_the_command_lists_every_change_with_its_state(app):
    """``invenio msi upstream`` names each change, its state, what it replaces and its switch."""
    result = app.test_cli_runner().invoke(msi, ["upstream"])
    assert result.exit_code == 0, result.output
    for change in CHANGES.values():
        assert change.name in result.output and change.switch in result.output
        assert change.replaces[0] in result.output
    assert (APPLIED if app.config.get("MSI_UPSTREAM_ENABLED", True) else OFF) in result.output


@pytest.mark.parametrize("name", ["signatures", "lazy-strings", "vocabulary-terms"])
def test_real_changes_revert_to_upstream_and_come_back(app, name):
    """Taking a real change out restores upstream's object; putting it in replaces it again."""
    from helpers import applications

    change = CHANGES[name]
    if not change.active:
        pytest.skip("changes are switched off in this run")
    targets = {
        "signatures": lambda: __import__("invenio_records.api", fromlist=["x"]).inspect,
        "lazy-strings": lambda: vars(
            __import__("flask_babel.speaklater", fromlist=["x"]).LazyString
        ).get("__deepcopy__"),
        "vocabulary-terms": lambda: vars(
            __import__(
                "invenio_records_resources.records.systemfields.relations", fromlist=["x"]
            ).PIDRelation
        )["resolve"],
    }
    changed = targets[name]()
    change.take_out(applications(app))
    try:
        assert targets[name]() is not changed
    finally:
        change.put_in(applications(app))
    assert targets[name]() is changed
