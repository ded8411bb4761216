"""prodready.toml + behave userdata: targets, personas, run settings, and their validation."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from prodready.core.secrets import SecretError, is_reference, resolve

ROOT = Path(__file__).resolve().parents[2]  # the project: prodready/core/config.py → ../..
DEFAULT_CONFIG = ROOT / "prodready.toml"
GATE_MODES = ("off", "warn", "enforce")
BROWSERS = ("chromium", "chrome", "firefox")
ISOLATIONS = ("auto", "contexts", "sessions")
SHELL_CHOICES = ("auto", "on", "off")
CLICKS = ("script", "native")  # a click sent by a script in the page, or through WebDriver's input
CAMERAS = ("auto", "file", "script")  # the guard's camera: Chromium's fake device, or a script's canvas stream


class ConfigError(Exception):
    """Configuration the run cannot start with; the message says what to change or set."""


@dataclass(frozen=True)
class Persona:
    """Someone from the production page's scripts, as configured (credentials still references)."""

    key: str
    role: str
    name: str
    username: str
    password_ref: str | None
    logs_in: bool = True


@dataclass(frozen=True)
class Credentials:
    """A persona's resolved login (the platform logs in by username and password)."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Target:
    """Where the suite runs: the embedded reference app or a deployed platform."""

    name: str
    embedded: bool
    base_url: str | None
    read_only: bool
    gate: str
    shift_wait_seconds: float
    personas: Mapping[str, Persona]
    timezone: str = "Africa/Lusaka"
    test_api: bool = False  # the reference app's test-only API (reset, clock): embedded `demo` only
    settings: Mapping[str, Any] = field(default_factory=dict)  # target facts for scenarios (e.g. script 3's plan)
    clicks: str = "native"  # how this target is clicked unless the run says otherwise (CLICKS)
    # A deployment someone runs themselves (the platform from its source): KEY=VALUE lines that
    # env: references fall back on (the kit's platform.env), and what to run when they are missing.
    env_file: Path | None = None
    env_values: Mapping[str, str] = field(default_factory=dict, repr=False)
    setup_hint: str = ""
    # Seconds an explicit wait may take on this target unless the run says (-D timeout): the platform run
    # here in development mode answers more slowly than a production build.
    wait_seconds: float = 10.0
    # Runs the platform's own code (not the reference app): a failure of a scenario tagged with a
    # documented platform defect is a known defect there (docs/platform-defects.md, the ledger).
    known_defects: bool = False


@dataclass(frozen=True)
class RunSettings:
    """The knobs of one run, from [behave.userdata] and -D overrides."""

    target: str
    browser: str = "chromium"
    headless: bool = True
    remote_url: str | None = None
    gate: str | None = None
    seed: int | None = None
    timeout: float = 10.0
    scenario_timeout: float = 300.0  # seconds a scenario may take before its browser is stopped
    isolation: str = "auto"
    headless_shell: str = "auto"
    clicks: str = "auto"  # auto: the target's choice
    camera: str = "auto"  # auto: file for a local Chromium, script for a remote one (a grid)
    allure: bool = False
    config_path: Path = DEFAULT_CONFIG


def mask_url(url: str) -> str:
    """An address without the credentials it may carry (https://user:key@host → https://host)."""
    parts = urlsplit(url)
    return (
        parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")).geturl()
        if parts.hostname
        else url
    )


def _bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"-D {name}={value}: use true or false")


def run_settings(userdata: Mapping[str, Any]) -> RunSettings:
    """Validate behave userdata into RunSettings (unknown values name the choices)."""
    config_path = Path(userdata.get("config") or DEFAULT_CONFIG)
    target = str(userdata.get("target") or "")
    browser = str(userdata.get("browser", "chromium")).lower()
    if browser not in BROWSERS:
        raise ConfigError(f"-D browser={browser}: choose one of {', '.join(BROWSERS)}")
    gate = userdata.get("gate") or None
    if gate is not None and gate not in GATE_MODES:
        raise ConfigError(f"-D gate={gate}: choose one of {', '.join(GATE_MODES)}")
    isolation = str(userdata.get("isolation", "auto"))
    if isolation not in ISOLATIONS:
        raise ConfigError(f"-D isolation={isolation}: choose one of {', '.join(ISOLATIONS)}")
    shell = str(userdata.get("headless_shell", "auto")).lower()
    if shell not in SHELL_CHOICES:
        raise ConfigError(f"-D headless_shell={shell}: choose one of {', '.join(SHELL_CHOICES)}")
    clicks = str(userdata.get("clicks", "auto")).lower()
    if clicks not in ("auto", *CLICKS):
        raise ConfigError(f"-D clicks={clicks}: choose one of auto, {', '.join(CLICKS)}")
    camera = str(userdata.get("camera", "auto")).lower()
    if camera not in CAMERAS:
        raise ConfigError(f"-D camera={camera}: choose one of {', '.join(CAMERAS)}")
    if camera == "file" and userdata.get("remote_url"):
        raise ConfigError("-D camera=file needs the browser on this machine; a grid's browser uses camera=script")
    seed_text = userdata.get("seed")
    try:
        seed = int(seed_text) if seed_text not in (None, "") else None
        given = userdata.get("timeout")
        timeout = float(given) if given not in (None, "") else 0.0  # 0: the target's (wait_seconds)
        scenario_timeout = float(userdata.get("scenario_timeout", 300))
    except ValueError as exc:
        raise ConfigError(f"-D seed / -D timeout / -D scenario_timeout must be numbers ({exc})") from exc
    if not 0 <= timeout <= 600 or not timeout < scenario_timeout <= 3600:
        raise ConfigError(
            f"-D timeout={timeout:g} / -D scenario_timeout={scenario_timeout:g}: a wait takes 0–600 s and a "
            "scenario longer than one wait, up to 3600 s"
        )
    remote = userdata.get("remote_url") or None
    if remote and urlsplit(remote).scheme not in ("http", "https"):
        raise ConfigError(f"-D remote_url={mask_url(remote)}: give an http(s) URL of a Selenium Grid")
    if remote and urlsplit(remote).password:
        # A cloud grid's key in its address (https://user:key@hub…) is a secret like any password.
        from prodready.core.secrets import REDACTOR

        REDACTOR.add(urlsplit(remote).password)
    return RunSettings(
        target=target,
        browser=browser,
        headless=_bool(userdata.get("headless", True), "headless"),
        remote_url=remote,
        gate=gate,
        seed=seed,
        timeout=timeout,
        scenario_timeout=scenario_timeout,
        isolation=isolation,
        headless_shell=shell,
        clicks=clicks,
        camera=camera,
        allure=_bool(userdata.get("allure", False), "allure"),
        config_path=config_path,
    )


@dataclass(frozen=True)
class Project:
    """The parsed prodready.toml."""

    path: Path
    default_target: str
    personas: Mapping[str, Persona]
    targets: Mapping[str, Mapping[str, Any]]
    raw: Mapping[str, Any]

    def target(self, name: str | None) -> Target:
        """The named target (or the default), validated."""
        name = name or self.default_target
        if name not in self.targets:
            raise ConfigError(
                f"unknown target '{name}': choose one of {', '.join(sorted(self.targets))} "
                f"(targets live in {self.path.name})"
            )
        return _build_target(name, self.targets[name], self.personas, self.path.parent)


def read_toml(path: Path | str) -> dict[str, Any]:
    """prodready.toml (or another config file) as data: the one reader of the configuration file."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise ConfigError(f"configuration file {path} not found") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path.name} is not valid TOML: {exc}") from exc


def load_project(path: Path | str = DEFAULT_CONFIG) -> Project:
    """Read and check prodready.toml."""
    path = Path(path)
    raw = read_toml(path)
    personas = {}
    for key, spec in (raw.get("personas") or {}).items():
        missing = [k for k in ("role", "name") if not spec.get(k)]
        if missing:
            raise ConfigError(f"{path.name}: [personas.{key}] needs {', '.join(missing)}")
        personas[key] = Persona(
            key=key,
            role=spec["role"],
            name=spec["name"],
            username=spec.get("username", key),
            password_ref=spec.get("password"),
            logs_in=spec.get("logs_in", True),
        )
    targets = raw.get("targets") or {}
    if not targets:
        raise ConfigError(f"{path.name} defines no [targets.*]")
    return Project(
        path=path, default_target=raw.get("default_target", "demo"), personas=personas, targets=targets, raw=raw
    )


def _seconds(target: str, value: Any, key: str) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = -1.0
    if not 0 < seconds <= 600:
        raise ConfigError(f"target '{target}': {key} must be a number of seconds from 1 to 600")
    return seconds


ENV_FILE_VARIABLE = "PRODREADY_ENV_FILE"  # another env file than the target's `env_file`


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines (blank lines, `#` comments and `export ` allowed; quotes around a value dropped)."""
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return values
    for line in text.splitlines():
        line = line.strip().removeprefix("export ").strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def _env_file(name: str, spec: Mapping[str, Any], config_dir: Path) -> tuple[Path | None, dict[str, str]]:
    """The target's env file (PRODREADY_ENV_FILE overrides it) and its values ({} when absent)."""
    import os

    given = os.environ.get(ENV_FILE_VARIABLE) or spec.get("env_file")
    if not given:
        return None, {}
    path = Path(str(given)).expanduser()
    if not path.is_absolute():
        path = config_dir / path
    if os.environ.get(ENV_FILE_VARIABLE) and not path.is_file():
        raise ConfigError(f"target '{name}': {ENV_FILE_VARIABLE}={given} is not a readable file")
    return path, read_env_file(path)


def _base_url(name: str, spec: Mapping[str, Any], env_values: Mapping[str, str], env_file: Path | None) -> str:
    """The target's address: a URL, or a reference to one (env:PLATFORM_URL), checked."""
    given = spec.get("base_url")
    if isinstance(given, str) and is_reference(given):
        try:
            given = resolve(given, what=f"target '{name}': base_url", env_file=env_values)
        except SecretError as exc:
            where = f" or start it so that {env_file} exists" if env_file else ""
            hint = f" ({spec['setup_hint']})" if spec.get("setup_hint") else ""
            raise ConfigError(f"{exc}{where}{hint}") from None
    url = given if isinstance(given, str) else ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"target '{name}': base_url must be an http(s) URL (got {given!r})")
    return url.rstrip("/")


def _build_target(name: str, spec: Mapping[str, Any], base: Mapping[str, Persona], config_dir: Path = ROOT) -> Target:
    """Merge a target's persona overrides onto the shared personas and check the target."""
    embedded = bool(spec.get("embedded", False))
    env_file, env_values = _env_file(name, spec, config_dir)
    base_url = spec.get("base_url")
    if not embedded:
        base_url = _base_url(name, spec, env_values, env_file)
    gate = spec.get("gate", "off")
    if gate not in GATE_MODES:
        raise ConfigError(f"target '{name}': gate must be one of {', '.join(GATE_MODES)}")
    personas = {}
    for key, persona in base.items():
        override = (spec.get("personas") or {}).get(key, {})
        personas[key] = Persona(
            key=key,
            role=override.get("role", persona.role),
            name=override.get("name", persona.name),
            username=override.get("username", persona.username),
            password_ref=override.get("password", persona.password_ref),
            logs_in=override.get("logs_in", persona.logs_in),
        )
        ref = personas[key].password_ref
        if ref and not is_reference(ref):
            raise ConfigError(
                f"target '{name}': the password of persona '{key}' is written in the file; "
                f"use env:VAR or op://vault/item/field instead"
            )
    test_api = bool(spec.get("test_api", embedded))
    if test_api and not embedded:
        raise ConfigError(f"target '{name}': test_api is the embedded reference app's; a live deployment has none")
    try:
        shift_wait = float(spec.get("shift_wait_seconds", 20))
    except (TypeError, ValueError):
        shift_wait = -1.0
    if not 0 <= shift_wait <= 600:
        raise ConfigError(f"target '{name}': shift_wait_seconds must be a number of seconds from 0 to 600")
    clicks = spec.get("clicks", "script" if embedded else "native")
    if clicks not in CLICKS:
        raise ConfigError(f"target '{name}': clicks must be one of {', '.join(CLICKS)}")
    return Target(
        name=name,
        embedded=embedded,
        base_url=base_url,
        read_only=bool(spec.get("read_only", False)),
        gate=gate,
        shift_wait_seconds=shift_wait,
        personas=personas,
        timezone=spec.get("timezone", "Africa/Lusaka"),
        test_api=test_api,
        settings=dict(spec.get("settings") or {}),
        clicks=clicks,
        env_file=env_file,
        env_values=env_values,
        setup_hint=str(spec.get("setup_hint", "")),
        known_defects=bool(spec.get("known_defects", not embedded)),
        wait_seconds=_seconds(name, spec.get("wait_seconds", 10), "wait_seconds"),
    )
