"""What one change to upstream behaviour is: what it replaces, why, against which versions."""

import logging
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

logger = logging.getLogger("msi_rdm.upstream")

APPLIED, OFF, UNCHECKED = "applied", "off", "unchecked"
"""States of a change: in effect; switched off in config; left out (an unchecked version)."""


@dataclass
class UpstreamChange:
    """A change of upstream behaviour at run time, applied only on versions it was checked on.

    ``apply(app)`` puts it in place and ``revert(app)`` takes it out again; both do nothing when
    there is nothing to do, so a change can be applied by every application of a process (the UI
    and the REST API are two). Changes that live in a subclass of ours ask ``active`` instead of
    replacing anything: their ``apply`` and ``revert`` only flip that state.
    """

    name: str
    """Short name, also the config switch ``MSI_UPSTREAM_<NAME>`` (upper case, ``-`` → ``_``)."""

    replaces: tuple
    """The upstream names whose behaviour changes (dotted paths)."""

    why: str
    """What it gains, as measured."""

    checked: dict
    """Distribution name → the versions the change was checked against."""

    unnecessary_when: str
    """The upstream change that would let this one go."""

    apply: object = None
    revert: object = None
    phase: str = "init"
    """``init``: when the application is created; ``finalize``: once upstream's services exist."""

    active: bool = field(default=False, compare=False)
    state: str = field(default=OFF, compare=False)
    reason: str = field(default="", compare=False)

    @property
    def switch(self):
        """The config key that turns the change on or off."""
        return "MSI_UPSTREAM_" + self.name.upper().replace("-", "_")

    def unchecked_versions(self):
        """``[(distribution, installed version)]`` of the distributions not at a checked version."""
        found = []
        for distribution, versions in self.checked.items():
            try:
                installed = version(distribution)
            except PackageNotFoundError:
                installed = "missing"
            if installed not in versions:
                found.append((distribution, installed))
        return found

    def decide(self, app):
        """Apply or revert the change as ``app``'s config and the installed versions say."""
        if not (app.config.get("MSI_UPSTREAM_ENABLED", True) and app.config.get(self.switch, True)):
            self._take_out(app, OFF, "switched off in config")
            return
        unchecked = self.unchecked_versions()
        if unchecked:
            reason = ", ".join(
                f"{dist} {installed} is not among {', '.join(self.checked[dist])}"
                for dist, installed in unchecked
            )
            if self.state != UNCHECKED:
                logger.warning("msi: upstream change %s not applied: %s", self.name, reason)
            self._take_out(app, UNCHECKED, reason)
            return
        if self.apply is not None:
            self.apply(app)
        self.active, self.state, self.reason = True, APPLIED, ""

    def put_in(self, apps):
        """Apply the change to ``apps`` whatever the config says (tests compare both ways)."""
        for app in apps:
            if self.apply is not None:
                self.apply(app)
        self.active, self.state, self.reason = True, APPLIED, ""

    def take_out(self, apps, reason="taken out"):
        """Revert the change in ``apps``."""
        for app in apps:
            if self.revert is not None:
                self.revert(app)
        self.active, self.state, self.reason = False, OFF, reason

    def _take_out(self, app, state, reason):
        if self.active and self.revert is not None:
            self.revert(app)
        self.active, self.state, self.reason = False, state, reason
