"""The tagger compiled to C by mypyc, used only while it matches the source beside it.

The tagging library stays plain typed Python; mypyc (part of mypy) compiles the same files
into C extensions that run the hot path about 1.5-2x faster. ``python -m service native build``
compiles them in place and writes a digest of the sources it compiled. On import, ``service``
calls :func:`guard`: when a source changed after the build, or ``GEOPULSE_NATIVE=0`` is set, the
compiled modules are bypassed and the Python source runs, so an edit is never shadowed by a
stale build. Without a C compiler or mypyc the build says so and the tagger runs as Python.

Only the standard library is imported here: ``service/__init__`` runs this on every import.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = "service.tagging"
PACKAGE_DIR = Path(__file__).resolve().parent / "tagging"
ROOT = PACKAGE_DIR.parent.parent
DIGEST_FILE = PACKAGE_DIR / "native.digest"
#: Kept as Python: imported only for the optional spaCy backend, nothing to gain.
PYTHON_ONLY = frozenset({"statistical.py"})
#: mypyc's shared library (``service/tagging__mypyc``) holds the code; each module's extension
#: imports it by name, so it lives outside the package it serves (or importing would loop).
GROUP = PACKAGE
LIBRARY = "tagging__mypyc"
ENV = "GEOPULSE_NATIVE"


def sources(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The modules that are compiled, in a stable order."""
    return sorted(p for p in package_dir.glob("*.py") if p.name not in PYTHON_ONLY)


def digest(paths: Sequence[Path]) -> str:
    """What the compiled build was made from: names, bytes and the Python it is for."""
    h = hashlib.sha256(sys.version.encode())
    for p in paths:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def built_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Extension files a build left (any Python version)."""
    return [
        p
        for suffix in (".so", ".pyd")
        for p in [*package_dir.glob(f"*{suffix}"), *package_dir.parent.glob(f"{LIBRARY}*{suffix}")]
    ]


def _extension_suffix() -> str:
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def is_current(package_dir: Path = PACKAGE_DIR) -> bool:
    """True when a build for this Python exists and was made from today's sources."""
    stamp = package_dir / DIGEST_FILE.name
    if not stamp.is_file():
        return False
    if not (package_dir.parent / f"{LIBRARY}{_extension_suffix()}").is_file():
        return False
    return stamp.read_text().strip() == digest(sources(package_dir))


_SWITCH = {"1": True, "true": True, "yes": True, "on": True}
_SWITCH |= {"0": False, "false": False, "no": False, "off": False}


def parse_switch(raw: str) -> bool:
    """``GEOPULSE_NATIVE``'s values; anything else is an error (raised by the settings)."""
    value = _SWITCH.get(raw.strip().lower())
    if value is None:
        raise ValueError("expected 1/0, true/false, yes/no or on/off")
    return value


def wanted() -> bool:
    """``GEOPULSE_NATIVE=0`` runs the Python source even when a current build exists (a bad
    value keeps the build here; loading the settings then stops with a clear error)."""
    return _SWITCH.get(os.environ.get(ENV, "1").strip().lower(), True)


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds ``service.tagging`` and its modules as ``.py`` files, never as extensions."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == PACKAGE:
            return importlib.util.spec_from_file_location(
                fullname,
                PACKAGE_DIR / "__init__.py",
                submodule_search_locations=[str(PACKAGE_DIR)],
            )
        if fullname.startswith(PACKAGE + ".") and fullname.count(".") == 2:
            source = PACKAGE_DIR / (fullname.rsplit(".", 1)[1] + ".py")
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        return None


def guard() -> None:
    """Bypass the compiled modules unless they are current and wanted (cheap: no build, no
    compiled files, returns at once)."""
    if not built_files() or (wanted() and is_current()):
        return
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def active() -> bool:
    """Whether the tagger that is imported is the compiled one."""
    module = sys.modules.get(f"{PACKAGE}.events")
    if module is None:
        module = importlib.import_module(f"{PACKAGE}.events")
    return not (module.__file__ or "").endswith(".py")


def clean(package_dir: Path = PACKAGE_DIR) -> None:
    for p in built_files(package_dir):
        p.unlink()
    (package_dir / DIGEST_FILE.name).unlink(missing_ok=True)


def build() -> int:
    """Compile the tagger in place; 0 also when no compiler is there (the tagger runs as Python)."""
    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError:
        print("native: mypyc or setuptools is not installed; the tagger runs as Python")
        return 0
    clean()
    paths = sources()
    made_from = digest(paths)
    cwd = Path.cwd()
    os.chdir(ROOT)  # mypyc names modules and build_ext places files relative to here
    try:
        extensions = mypycify(
            [str(p.relative_to(ROOT)) for p in paths], opt_level="3", group_name=GROUP
        )
        # A bare Distribution, so the project's own pyproject.toml is not read as this build's.
        dist = Distribution({"name": "geopulse-native", "ext_modules": extensions})
        dist.script_args = ["-q", "build_ext", "--inplace", "--build-temp", "build/native"]
        dist.parse_command_line()
        dist.run_commands()
    except (Exception, SystemExit) as exc:  # no compiler, or mypyc refused a construct
        clean()
        print(f"native: not built ({exc}); the tagger runs as Python")
        return 0
    finally:
        os.chdir(cwd)
    DIGEST_FILE.write_text(made_from + "\n")
    print(f"native: compiled {len(paths)} tagging modules with mypyc")
    return 0


def status() -> int:
    """Print which tagger is in use and why."""
    if not built_files():
        print("native: not built; the tagger runs as Python (make native builds it)")
    elif not is_current():
        print("native: built from older sources; the tagger runs as Python until it is rebuilt")
    elif not wanted():
        print(f"native: current, but {ENV}=0; the tagger runs as Python")
    else:
        print(f"native: the tagger runs compiled ({'yes' if active() else 'no'})")
    return 0


def command(action: str) -> int:
    """``python -m service native build|clean|status``."""
    if action == "clean":
        clean()
        return 0
    return build() if action == "build" else status()
