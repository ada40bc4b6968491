"""The compiled tagger (service/native.py): same output as the Python source, never stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service import native

DATA = Path(__file__).parent / "data"

# Tags every written article and the hostile texts; prints which build ran and what it found.
_TAG_ALL = """
import json, sys
from pathlib import Path
from service import native
from service.adversarial import adversarial_inputs
from service.tagging import load_tagger
tagger = load_tagger()
texts = [json.loads(line) for p in sorted(Path(sys.argv[1]).glob("written_*.jsonl"))
         for line in p.read_text().splitlines() if line.strip()]
texts += [{"id": k, "body": v} for k, v in adversarial_inputs(20_000).items()]
out = {a["id"]: tagger.tag(a["id"], a["body"], a.get("title", "")) for a in texts}
print(json.dumps({"compiled": native.active(), "out": out}, sort_keys=True))
"""


def _tag_all(native_env: str) -> dict[str, object]:
    env = {**os.environ, native.ENV: native_env}
    done = subprocess.run(
        [sys.executable, "-c", _TAG_ALL, str(DATA)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(not native.is_current(), reason="no current native build (make native)")
def test_compiled_tagger_gives_the_python_taggers_output() -> None:
    compiled, python = _tag_all("1"), _tag_all("0")
    assert compiled["compiled"] is True
    assert python["compiled"] is False
    assert compiled["out"] == python["out"]


def _fake_build(tmp_path: Path) -> Path:
    package = tmp_path / "tagging"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "events.py").write_text("X = 1\n")
    (package / "statistical.py").write_text("Y = 1\n")
    suffix = native._extension_suffix()
    (package / f"events{suffix}").write_bytes(b"")
    (tmp_path / f"{native.LIBRARY}{suffix}").write_bytes(b"")
    (package / native.DIGEST_NAME).write_text(native.digest(native.sources(package)))
    return package


def test_a_build_is_current_until_a_compiled_source_changes(tmp_path: Path) -> None:
    package = _fake_build(tmp_path)
    assert [p.name for p in native.sources(package)] == ["__init__.py", "events.py"]
    assert native.is_current(package)
    (package / "statistical.py").write_text("Y = 2\n")  # not compiled: no effect
    assert native.is_current(package)
    (package / "events.py").write_text("X = 2\n")
    assert not native.is_current(package)


def test_a_build_without_its_library_or_digest_is_not_current(tmp_path: Path) -> None:
    package = _fake_build(tmp_path)
    (tmp_path / f"{native.LIBRARY}{native._extension_suffix()}").unlink()
    assert not native.is_current(package)
    package = _fake_build(tmp_path / "again")
    (package / native.DIGEST_NAME).unlink()
    assert not native.is_current(package)


def test_clean_removes_every_built_file(tmp_path: Path) -> None:
    package = _fake_build(tmp_path)
    assert len(native.built_files(package)) == 2
    native.clean(package)
    assert native.built_files(package) == []
    assert not (package / native.DIGEST_NAME).exists()
    assert (package / "events.py").exists()


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_geopulse_native_off_runs_the_python_source(value: str) -> None:
    code = "import service.tagging.events as e, service.native as n; print(e.__file__, n.active())"
    env = {**os.environ, native.ENV: value}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    path, active = done.stdout.split()
    assert path.endswith("events.py")
    assert active == "False"


def test_status_exits_zero_only_when_the_compiled_tagger_runs() -> None:
    def status(value: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, native.ENV: value}
        return subprocess.run(
            [sys.executable, "-m", "service", "native", "status"],
            env=env,
            capture_output=True,
            text=True,
        )

    off = status("0")
    assert off.returncode == 1 and "runs as Python" in off.stdout
    on = status("1")
    assert on.returncode == (0 if native.is_current() else 1), on.stdout


def test_without_sources_the_finder_leaves_the_build_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(native, "PACKAGE_DIR", tmp_path)  # a package shipped without .py files
    finder = native._SourceFinder()
    assert finder.find_spec(native.PACKAGE, None) is None
    assert finder.find_spec(f"{native.PACKAGE}.events", None) is None
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "events.py").write_text("")
    spec = finder.find_spec(f"{native.PACKAGE}.events", None)
    assert spec is not None and str(spec.origin).endswith("events.py")


def test_a_failed_build_leaves_no_extension_and_a_stamp_that_matches_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mypyc.build

    package = _fake_build(tmp_path)
    monkeypatch.setattr(native, "PACKAGE_DIR", package)
    monkeypatch.setattr(native, "ROOT", tmp_path)

    def no_compiler(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no C compiler")

    monkeypatch.setattr(mypyc.build, "mypycify", no_compiler)
    assert native.build() == 0  # the tagger still runs, as Python
    assert native.built_files(package) == []
    stamp = (package / native.DIGEST_NAME).read_text()
    assert stamp.startswith(native.FAILED) and "no C compiler" in stamp
    assert not native.is_current(package)
