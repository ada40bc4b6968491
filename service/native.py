"""The tagger compiled to C by mypyc, used only while it matches the source beside it.

With it, the per-message parsing and serialising around the tagger (``service.contracts`` and
``service.pipeline``, :data:`PER_MESSAGE`) are compiled too, in the same build, under the same
digest and switch: interpreted, they cost about 30K bytecode instructions a message.

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
DIGEST_NAME = "native.digest"
#: Kept as Python: imported only for the optional spaCy backend, nothing to gain.
PYTHON_ONLY = frozenset({"statistical.py"})
#: Modules beside the package compiled with it: the per-message work outside the tagger.
PER_MESSAGE = ("contracts", "pipeline")
#: mypyc's shared library (``service/tagging__mypyc``, named after the group PACKAGE) holds
#: the code; each module's extension imports it by name, so it lives outside the package it
#: serves (or importing would loop).
LIBRARY = "tagging__mypyc"
ENV = "GEOPULSE_NATIVE"
FAILED = "failed:"


def sources(package_dir: Path | None = None) -> list[Path]:
    """The modules that are compiled, in a stable order: the package's, then PER_MESSAGE."""
    package_dir = package_dir or PACKAGE_DIR
    beside = [package_dir.parent / f"{name}.py" for name in PER_MESSAGE]
    return [
        *sorted(p for p in package_dir.glob("*.py") if p.name not in PYTHON_ONLY),
        *(p for p in beside if p.is_file()),
    ]


def digest(paths: Sequence[Path]) -> str:
    """What the compiled build was made from: names, bytes and the Python it is for."""
    h = hashlib.sha256(sys.version.encode())
    for p in paths:
        name = p.name if p.parent.name == "tagging" else f"../{p.name}"  # PER_MESSAGE's
        h.update(name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def built_files(package_dir: Path | None = None) -> list[Path]:
    """Extension files a build left (any Python version)."""
    package_dir = package_dir or PACKAGE_DIR
    return [
        p
        for suffix in (".so", ".pyd")
        for stem in ("", *PER_MESSAGE)
        for p in (
            package_dir.parent.glob(f"{stem}.*{suffix}")
            if stem
            else [*package_dir.glob(f"*{suffix}"), *package_dir.parent.glob(f"{LIBRARY}*{suffix}")]
        )
    ]


def _extension_suffix() -> str:
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def is_current(package_dir: Path | None = None) -> bool:
    """True when a build for this Python exists and was made from today's sources."""
    package_dir = package_dir or PACKAGE_DIR
    stamp = package_dir / DIGEST_NAME
    if not stamp.is_file():
        return False
    if not (package_dir.parent / f"{LIBRARY}{_extension_suffix()}").is_file():
        return False
    return stamp.read_text().strip() == digest(sources(package_dir))


_SWITCH = {
    **dict.fromkeys(("1", "true", "yes", "on"), True),
    **dict.fromkeys(("0", "false", "no", "off"), False),
}


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
    """Finds ``service.tagging``, its modules and PER_MESSAGE's as ``.py`` files, never as
    extensions."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == PACKAGE:
            init = PACKAGE_DIR / "__init__.py"
            if not init.is_file():  # installed without sources: only the build can serve
                return None
            return importlib.util.spec_from_file_location(
                fullname, init, submodule_search_locations=[str(PACKAGE_DIR)]
            )
        if fullname.startswith(PACKAGE + ".") and fullname.count(".") == 2:
            source = PACKAGE_DIR / (fullname.rsplit(".", 1)[1] + ".py")
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        if fullname in _PER_MESSAGE_NAMES:
            source = PACKAGE_DIR.parent / (fullname.rsplit(".", 1)[1] + ".py")
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        return None


_PER_MESSAGE_NAMES = frozenset(f"service.{name}" for name in PER_MESSAGE)


def guard() -> None:
    """Bypass the compiled modules unless they are current and wanted (cheap: no build, no
    compiled files, returns at once)."""
    if not built_files() or (wanted() and is_current()):
        return
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def active() -> bool:
    """Whether the tagger that is imported is the compiled one (its code lives in mypyc's
    shared library, which only compiled modules load)."""
    importlib.import_module(f"{PACKAGE}.events")
    return f"service.{LIBRARY}" in sys.modules


def build_name() -> str:
    """What logs and metrics call the tagger in use: ``compiled`` or ``python``."""
    return "compiled" if active() else "python"


def clean(package_dir: Path | None = None) -> None:
    package_dir = package_dir or PACKAGE_DIR
    for p in built_files(package_dir):
        p.unlink()
    (package_dir / DIGEST_NAME).unlink(missing_ok=True)


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
            [str(p.relative_to(ROOT)) for p in paths], opt_level="3", group_name=PACKAGE
        )
        # A bare Distribution, so the project's own pyproject.toml is not read as this build's.
        dist = Distribution({"name": "geopulse-native", "ext_modules": extensions})
        dist.script_args = ["-q", "build_ext", "--inplace", "--build-temp", "build/native"]
        dist.parse_command_line()
        dist.run_commands()
    except (Exception, SystemExit) as exc:  # no compiler, or mypyc refused a construct
        clean()
        # a stamp that matches no sources: make retries after the next edit, not every run
        (PACKAGE_DIR / DIGEST_NAME).write_text(f"{FAILED} {exc}\n")
        print(f"native: not built ({exc}); the tagger runs as Python")
        return 0
    finally:
        os.chdir(cwd)
    (PACKAGE_DIR / DIGEST_NAME).write_text(made_from + "\n")
    print(f"native: compiled {len(paths)} modules (the tagger, parsing, serialising) with mypyc")
    return 0


def status() -> int:
    """Print which tagger is in use and why; exit status 0 only when it is the compiled one."""
    stamp = PACKAGE_DIR / DIGEST_NAME
    if stamp.is_file() and stamp.read_text().startswith(FAILED):
        print(f"native: the last build failed ({stamp.read_text().strip()}); the tagger")
        print("  runs as Python; python -m service native build retries")
    elif not built_files():
        print("native: not built; the tagger runs as Python (make native builds it)")
    elif not is_current():
        print("native: built from older sources; the tagger runs as Python until it is rebuilt")
    elif not wanted():
        print(f"native: current, but {ENV}=0; the tagger runs as Python")
    elif active():
        print("native: the tagger runs compiled")
        return 0
    else:
        print("native: current, but the Python source was imported")
    return 1  # 0 only when the compiled tagger runs (the image build relies on it)


def command(action: str) -> int:
    """``python -m service native build|clean|status``."""
    if action == "clean":
        clean()
        return 0
    return build() if action == "build" else status()
