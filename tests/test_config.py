"""prodready.toml and userdata validation: every mistake gets one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from prodready.core.config import ConfigError, load_project, run_settings
from prodready.core.credentials import resolve_credentials
from prodready.core.masking import mask
from prodready.core.secrets import SecretError, resolve

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "prodready.toml"
    path.write_text(text)
    return path


BASE = """
[personas.guard]
role = "security_guard"
name = "A Guard"
username = "guard"
"""


def test_the_projects_own_config_loads_every_target(monkeypatch):
    monkeypatch.setenv("PLATFORM_URL", "http://127.0.0.1:9")  # the platform target's address is a reference
    project = load_project(ROOT / "prodready.toml")
    for name in project.targets:
        target = project.target(name)
        assert target.name == name
    assert project.target(None).name == "demo" and project.target("demo").embedded
    assert project.target("production").read_only


def test_unknown_target_names_the_choices():
    with pytest.raises(
        ConfigError, match=r"unknown target 'stagin': choose one of demo, platform, production, staging"
    ):
        load_project(ROOT / "prodready.toml").target("stagin")


def test_a_literal_password_is_refused(tmp_path):
    path = write(
        tmp_path, BASE + '[targets.t]\nbase_url = "https://x.test"\n[targets.t.personas.guard]\npassword = "hunter22"\n'
    )
    with pytest.raises(ConfigError, match="password of persona 'guard' is written in the file"):
        load_project(path).target("t")


def test_a_missing_environment_variable_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("GUARD_PW_FOR_TEST", raising=False)
    path = write(
        tmp_path,
        BASE + '[targets.t]\nbase_url = "https://x.test"\n'
        '[targets.t.personas.guard]\npassword = "env:GUARD_PW_FOR_TEST"\n',
    )
    with pytest.raises(
        ConfigError, match="target 't' needs its logins: set the environment variables GUARD_PW_FOR_TEST"
    ):
        resolve_credentials(load_project(path).target("t"))


def test_credentials_from_the_environment_are_registered_for_masking(tmp_path, monkeypatch):
    monkeypatch.setenv("GUARD_PW_FOR_TEST", "s3cret-value-123")
    path = write(
        tmp_path,
        BASE + '[targets.t]\nbase_url = "https://x.test"\n'
        '[targets.t.personas.guard]\npassword = "env:GUARD_PW_FOR_TEST"\n',
    )
    creds = resolve_credentials(load_project(path).target("t"))
    assert creds["guard"].password == "s3cret-value-123"
    assert "s3cret-value-123" not in repr(creds["guard"])
    assert mask("typed s3cret-value-123 here") == "typed •••••• here"


def test_embedded_targets_get_random_passwords_per_run():
    target = load_project(ROOT / "prodready.toml").target("demo")
    first, second = resolve_credentials(target), resolve_credentials(target)
    assert first["guard"].password != second["guard"].password
    assert "worker" not in first  # mama Guard never logs in


def test_op_reference_without_the_1password_cli_says_what_to_do(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(SecretError, match="needs the 1Password CLI"):
        resolve("op://Developer/item/password", what="password of guard")


def test_bad_base_url_and_gate_are_refused(tmp_path):
    path = write(
        tmp_path, BASE + '[targets.a]\nbase_url = "ftp://x"\n[targets.b]\nbase_url = "https://x.test"\ngate = "maybe"\n'
    )
    with pytest.raises(ConfigError, match="base_url must be an http"):
        load_project(path).target("a")
    with pytest.raises(ConfigError, match="gate must be one of off, warn, enforce"):
        load_project(path).target("b")


def test_broken_toml_is_one_message(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_project(write(tmp_path, "[targets\n"))


@pytest.mark.parametrize(
    "userdata, message",
    [
        ({"browser": "lynx"}, "choose one of chromium"),
        ({"gate": "sometimes"}, "choose one of off, warn, enforce"),
        ({"headless": "perhaps"}, "use true or false"),
        ({"seed": "abc"}, "must be numbers"),
        ({"remote_url": "grid:4444"}, "http"),
        ({"clicks": "mouse"}, "choose one of auto, script, native"),
        ({"timeout": "-3"}, "a wait takes 0–600 s"),
        ({"camera": "webcam"}, "choose one of auto, file, script"),
    ],
)
def test_userdata_mistakes(userdata, message):
    with pytest.raises(ConfigError, match=message):
        run_settings({"target": "demo", **userdata})


def test_userdata_defaults():
    settings = run_settings({"target": "demo", "seed": "42", "headless": "false"})
    # no -D timeout: each target's own wait (10 s; the platform run here in development mode, 20 s)
    assert (settings.seed, settings.headless, settings.browser, settings.timeout) == (42, False, "chromium", 0.0)
    assert run_settings({"target": "demo", "timeout": "15"}).timeout == 15.0
    project = load_project(ROOT / "prodready.toml")
    assert project.target("demo").wait_seconds == 10.0


def test_a_targets_wait_must_be_seconds(tmp_path):
    path = tmp_path / "prodready.toml"
    path.write_text(BASE + '\n[targets.t]\nembedded = true\nwait_seconds = "long"\n')
    with pytest.raises(ConfigError, match="wait_seconds must be a number of seconds from 1 to 600"):
        load_project(path).target("t")


def test_embedded_targets_click_in_the_page_and_live_ones_natively_unless_told(tmp_path):
    project = load_project(ROOT / "prodready.toml")
    assert project.target("demo").clicks == "script"
    assert project.target("twin").clicks == "native"  # configured like a live deployment
    assert project.target("staging").clicks == project.target("production").clicks == "native"
    assert run_settings({"target": "demo"}).clicks == "auto"
    assert run_settings({"target": "demo", "clicks": "NATIVE"}).clicks == "native"
    path = write(tmp_path, BASE + '[targets.a]\nembedded = true\nclicks = "fast"\n')
    with pytest.raises(ConfigError, match="target 'a': clicks must be one of script, native"):
        load_project(path).target("a")


def test_every_missing_variable_is_named_at_once(tmp_path, monkeypatch):
    for var in ("T_GUARD_EMAIL", "T_GUARD_PW"):
        monkeypatch.delenv(var, raising=False)
    path = write(
        tmp_path,
        BASE + '[targets.t]\nbase_url = "https://x.test"\n'
        '[targets.t.personas.guard]\nusername = "env:T_GUARD_USERNAME"\npassword = "env:T_GUARD_PW"\n',
    )
    with pytest.raises(ConfigError) as caught:
        resolve_credentials(load_project(path).target("t"))
    assert (
        str(caught.value) == "target 't' needs its logins: set the environment variables T_GUARD_USERNAME, T_GUARD_PW"
    )


def test_a_target_reads_its_address_and_logins_from_its_env_file(tmp_path, monkeypatch):
    for var in ("PLATFORM_URL", "PLATFORM_GUARD_USERNAME", "PLATFORM_GUARD_PASSWORD", "PRODREADY_ENV_FILE"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "p.env").write_text(
        "# the kit's platform.env\nPLATFORM_URL=http://127.0.0.1:4321/\nexport PLATFORM_GUARD_USERNAME='guard'\n"
        "PLATFORM_GUARD_PASSWORD=Pw-from-the-file\n"
    )
    path = tmp_path / "prodready.toml"
    path.write_text(
        BASE
        + """
[targets.p]
base_url = "env:PLATFORM_URL"
env_file = "p.env"
[targets.p.personas.guard]
username = "env:PLATFORM_GUARD_USERNAME"
password = "env:PLATFORM_GUARD_PASSWORD"
"""
    )
    target = load_project(path).target("p")
    assert target.base_url == "http://127.0.0.1:4321"
    assert resolve_credentials(target)["guard"].password == "Pw-from-the-file"
    monkeypatch.setenv("PLATFORM_GUARD_PASSWORD", "exported-wins")  # what a person exports wins over the file
    assert resolve_credentials(load_project(path).target("p"))["guard"].password == "exported-wins"


def test_a_target_without_its_env_file_names_what_to_set_and_how_to_start_it(tmp_path, monkeypatch):
    monkeypatch.delenv("PLATFORM_URL", raising=False)
    monkeypatch.delenv("PRODREADY_ENV_FILE", raising=False)
    path = tmp_path / "prodready.toml"
    path.write_text(
        BASE
        + """
[targets.p]
base_url = "env:PLATFORM_URL"
env_file = "missing.env"
setup_hint = "make platform-up starts it here"
"""
    )
    with pytest.raises(ConfigError, match=r"set the environment variable PLATFORM_URL.*missing.env.*make platform-up"):
        load_project(path).target("p")
    monkeypatch.setenv("PRODREADY_ENV_FILE", str(tmp_path / "nowhere.env"))
    with pytest.raises(ConfigError, match="PRODREADY_ENV_FILE=.*is not a readable file"):
        load_project(path).target("p")


def test_a_cloud_grids_key_in_its_address_is_a_secret():
    from prodready.core.config import mask_url

    settings = run_settings({"target": "demo", "remote_url": "https://alice:s3cr3t-grid-key@hub.example.com/wd/hub"})
    assert settings.remote_url == "https://alice:s3cr3t-grid-key@hub.example.com/wd/hub"
    assert "s3cr3t-grid-key" not in mask("behave -D remote_url=https://alice:s3cr3t-grid-key@hub.example.com/wd/hub")
    assert mask_url(settings.remote_url) == "https://hub.example.com/wd/hub"
