"""prodready installs: the wheel holds every package, the reference app's templates, static files and
schema, and its command works from outside the checkout (the release commands run in CI jobs where the
project is installed, not checked out)."""

from __future__ import annotations

import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtualenv with the built wheel installed (its dependencies seen from the project's
    virtualenv through a path file: the test stays offline and fast)."""
    where = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(where), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=where,
    )
    [wheel] = list(where.glob("prodready-*.whl"))
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    fresh_site = next((venv / "lib").glob("python3*/site-packages"))
    deps = [p for p in site.getsitepackages() if "site-packages" in p]
    (fresh_site / "zz_dependencies.pth").write_text("\n".join(deps) + "\n")
    return venv


def test_the_wheel_holds_every_package_and_the_reference_apps_files():
    packages = {p.relative_to(ROOT).parent.as_posix() for p in ROOT.glob("prodready/**/__init__.py")}
    packages |= {p.relative_to(ROOT).parent.as_posix() for p in ROOT.glob("demo_app/**/__init__.py")}
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, str(ROOT)],
            check=True,
            capture_output=True,
        )
        names = zipfile.ZipFile(next(Path(out).glob("*.whl"))).namelist()
    missing = sorted(p for p in packages if f"{p}/__init__.py" not in names)
    assert not missing, f"packages left out of the wheel: {missing}"
    for wanted in (
        "demo_app/templates/base.html",
        "demo_app/static/mui.js",
        "pages/base.py",
        "prodready/reporting/templates/readiness.html",
        "prodready/reporting/templates/readiness.css",
    ):
        assert wanted in names
    assert any(n.startswith("demo_app/schema/") and n.endswith(".sql") for n in names)


def test_the_installed_command_answers_from_outside_the_checkout(installed, tmp_path):
    command = installed / "bin" / "prodready"
    for args in (["--help"], ["gate", "--help"], ["schedule", "--help"]):
        done = subprocess.run([str(command), *args], capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "usage" in done.stdout.lower()
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import prodready, demo_app, pages; print(prodready.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert str(installed) in where.stdout, where.stdout + where.stderr  # the installed copy, not the checkout


def test_the_installed_reference_app_serves_its_pages(installed, tmp_path):
    code = (
        "from demo_app import create_app\n"
        f"app = create_app({{'DATABASE': r'{tmp_path / 'x.sqlite'}', 'DEFAULT_PASSWORD': 'pw-for-test'}})\n"
        "answer = app.test_client().get('/login')\n"
        "print(answer.status_code, b'login-btn' in answer.data)\n"
    )
    done = subprocess.run([str(installed / "bin" / "python"), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.split() == ["200", "True"], done.stderr[-2000:]


def test_a_release_command_without_a_token_says_what_to_set_from_outside_the_checkout(installed, tmp_path):
    (tmp_path / "prodready.toml").write_text((ROOT / "prodready.toml").read_text())
    done = subprocess.run(
        [str(installed / "bin" / "prodready"), "gate"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 2 and "GITLAB_TOKEN" in done.stderr and "Traceback" not in done.stderr


def test_the_installed_package_renders_the_readiness_report_from_its_templates(installed, tmp_path):
    code = (
        "from pathlib import Path\n"
        "from prodready.reporting.report import build_reports\n"
        f"print(build_reports(Path(r'{tmp_path}'))['verdict'])\n"
    )
    done = subprocess.run([str(installed / "bin" / "python"), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.split() == ["NO-GO"], done.stderr[-2000:]
    html = (tmp_path / "readiness.html").read_text(encoding="utf-8")
    assert 'id="verdict"' in html and 'id="checklist"' in html and ":root{--go:#2e7d32" in html
