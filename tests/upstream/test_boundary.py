"""Nothing outside ``msi_rdm.upstream`` changes upstream code or reads its private attributes.

Read from the source (no import): every module of ``site/msi_rdm`` outside the seam package is
parsed, and each of these counts as a breach:

- an assignment, augmented assignment or deletion of an attribute of an upstream name (a module,
  class or proxy imported from outside ``msi_rdm``), or of an object reached from one by
  attribute access alone (``config = current_rdm_records.records_service.config`` then
  ``config.x = ...``); likewise ``setattr``/``delattr`` on them;
- a read of a private attribute (``x._name``, ``getattr(x, "_name")``) of anything but ``self``,
  ``cls``, ``super()`` or a name this package defines itself, except ``item._record`` (the result
  item's record, read by upstream's own views) and werkzeug's ``_get_current_object``;
- an import of a private name from outside ``msi_rdm``.
"""

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "site" / "msi_rdm"
SEAM = PACKAGE / "upstream"
ALLOWED_PRIVATE = {"_record", "_get_current_object"}
"""Private reads outside the seam that upstream's own code and documentation use."""


def modules():
    """Every module of the package outside the seam."""
    return sorted(p for p in PACKAGE.rglob("*.py") if SEAM not in p.parents)


@cache
def own_private_names():
    """Private names the package defines itself (functions, classes, attributes, globals)."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {name for name in names if name.startswith("_")}


def root(node):
    """The name an attribute chain starts from, and whether it is reached by attributes alone."""
    plain = True
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        if isinstance(node, ast.Call):
            plain = False
            node = node.func
        else:
            node = node.value
    return (node.id if isinstance(node, ast.Name) else None), plain


def is_dunder(name):
    return name.startswith("__") and name.endswith("__")


class Breaches(ast.NodeVisitor):
    """Collect the breaches of one module."""

    def __init__(self, path, own_private):
        self.path, self.own_private = path, own_private
        self.upstream = set()  # names bound to upstream modules, classes, proxies or their parts
        self.found = []

    def breach(self, node, what):
        self.found.append(f"{self.path.relative_to(PACKAGE.parent)}:{node.lineno}: {what}")

    def visit_Import(self, node):
        for alias in node.names:
            if not alias.name.startswith("msi_rdm"):
                self.upstream.add((alias.asname or alias.name).split(".")[0])

    def visit_ImportFrom(self, node):
        if node.level or (node.module or "").startswith("msi_rdm"):
            return
        for alias in node.names:
            self.upstream.add(alias.asname or alias.name)
            if alias.name.startswith("_") and not is_dunder(alias.name):
                self.breach(node, f"imports the private {node.module}.{alias.name}")

    def upstream_target(self, node):
        name, plain = root(node)
        return name in self.upstream and (plain or isinstance(node, ast.Attribute))

    def check_store(self, target, node):
        if isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self.check_store(element, node)
        elif isinstance(target, ast.Attribute):
            name, plain = root(target.value)
            if name in self.upstream and plain:
                self.breach(node, f"assigns {ast.unparse(target)}")
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute):
            if target.value.attr == "__dict__":
                self.breach(node, f"assigns into {ast.unparse(target.value)}")

    def visit_Assign(self, node):
        for target in node.targets:
            self.check_store(target, node)
        # A name bound to an upstream object reached by attribute access alone is upstream too.
        name, plain = root(node.value)
        if name in self.upstream and plain and isinstance(node.value, ast.Attribute):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.upstream.add(target.id)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self.check_store(node.target, node)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self.check_store(node.target, node)
        self.generic_visit(node)

    def visit_Delete(self, node):
        for target in node.targets:
            self.check_store(target, node)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("setattr", "delattr") and node.args:
            name, plain = root(node.args[0])
            if name in self.upstream and plain:
                self.breach(node, f"{func.id} on {ast.unparse(node.args[0])}")
        if isinstance(func, ast.Name) and func.id in ("getattr", "hasattr") and len(node.args) > 1:
            key = node.args[1]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                self.check_private(node, node.args[0], key.value)
        self.generic_visit(node)

    def visit_Attribute(self, node):
        self.check_private(node, node.value, node.attr)
        self.generic_visit(node)

    def check_private(self, node, value, attr):
        if not attr.startswith("_") or is_dunder(attr) or attr in ALLOWED_PRIVATE:
            return
        if isinstance(value, ast.Name) and value.id in ("self", "cls"):
            return
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            if value.func.id == "super":
                return
        if attr in self.own_private:
            return
        self.breach(node, f"reads the private {ast.unparse(value)}.{attr}")


def test_the_seam_package_exists_and_holds_the_changes():
    """The seam has one module per change; the rules below would pass vacuously without it."""
    changes = [p for p in SEAM.glob("*.py") if "UpstreamChange(" in p.read_text()]
    assert len(changes) >= 10
    assert len(modules()) > 50


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_runtime_change_of_upstream_outside_the_seam(path):
    """No assignment to upstream classes, modules or objects; no private reads of them."""
    visitor = Breaches(path, own_private_names())
    visitor.visit(ast.parse(path.read_text()))
    assert visitor.found == []


def test_the_rules_find_what_they_are_for(tmp_path):
    """Each rule catches the kind of line it forbids (a module made for the test)."""
    source = """
from invenio_records.dumpers.search import SearchDumper
from invenio_rdm_records.proxies import current_rdm_records
import invenio_records.api
from invenio_records.validators import _create_validator
from flask import jsonify

SearchDumper._deserialize = staticmethod(len)
invenio_records.api.inspect = None
config = current_rdm_records.records_service.config
config.result_list_cls = object
setattr(SearchDumper, "load", None)
x = current_rdm_records.records_service.indexer._prepare_index("i")
y = getattr(current_rdm_records, "_private")
response = jsonify({})
response.status_code = 400
"""
    path = PACKAGE / "probe.py"
    visitor = Breaches(path, own_private_names())
    visitor.visit(ast.parse(source))
    found = "\n".join(visitor.found)
    for expected in (
        "imports the private invenio_records.validators._create_validator",
        "assigns SearchDumper._deserialize",
        "assigns invenio_records.api.inspect",
        "assigns config.result_list_cls",
        "setattr on SearchDumper",
        "reads the private current_rdm_records.records_service.indexer._prepare_index",
        "reads the private current_rdm_records._private",
    ):
        assert expected in found
    assert "status_code" not in found  # an object this code made itself is its own
