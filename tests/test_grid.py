"""Past one machine: the script camera (a canvas stream: no file where the browser runs) and a real
Selenium Grid 4 started here (scripts/grid.sh) running scenarios, the camera ones included."""

from __future__ import annotations

import http.server
import io
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from prodready.browser.drivers import BrowserSettings
from prodready.browser.sessions import SessionPool, camera_kind
from tests.conftest import serve

ROOT = Path(__file__).resolve().parent.parent

# A page that films itself: the camera's picture, sampled at its centre and in a corner.
SCANNER = b"""<html><body><video id=v autoplay muted playsinline></video><p id=label></p><script>
navigator.mediaDevices.enumerateDevices().then(d => {
  document.getElementById('label').textContent = d.filter(x => x.kind === 'videoinput').map(x => x.label).join(',');
});
navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}}).then(s => {
  document.getElementById('v').srcObject = s; });
window.sample = () => { const v = document.getElementById('v'); if (!v.videoWidth) return null;
  const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
  const g = c.getContext('2d'); g.drawImage(v, 0, 0);
  return [Array.from(g.getImageData(c.width / 2, c.height / 2, 1, 1).data.slice(0, 3)),
          Array.from(g.getImageData(5, 5, 1, 1).data.slice(0, 3))]; };
</script></body></html>"""


class _Scanner(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(SCANNER)

    def log_message(self, *args):
        pass


def black_square() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 200), "black").save(out, format="PNG")
    return out.getvalue()


def test_the_camera_is_a_file_here_and_a_script_where_the_browser_runs_elsewhere():
    assert camera_kind(BrowserSettings()) == "file"
    assert camera_kind(BrowserSettings(remote_url="http://grid:4444")) == "script"
    assert camera_kind(BrowserSettings(camera="script")) == "script"
    assert camera_kind(BrowserSettings(browser="firefox")) == "none"
    with pytest.raises(ValueError, match="camera=file needs the browser on this machine"):
        camera_kind(BrowserSettings(remote_url="http://grid:4444", camera="file"))


@pytest.mark.parametrize("isolation", ["contexts", "sessions"])
def test_the_script_camera_shows_a_steps_picture_to_pages_open_and_pages_to_come(isolation):
    pool = SessionPool(BrowserSettings(camera="script"), isolation=isolation)
    try:
        with serve(_Scanner) as site:
            guard = pool.acquire("desktop")
            assert pool.camera_available() and pool.mode == isolation
            guard.driver.get(site + "/")
            page = pool_page(guard)
            assert page.wait_until(lambda d: d.find_element("id", "label").text, "no camera listed") == (
                "prodready camera (back)"
            )
            grey = page.wait_until(lambda d: d.execute_script("return window.sample()"), "no picture")
            assert all(abs(c - 128) < 10 for c in grey[0])  # nothing shown yet: grey
            pool.camera.show(black_square())  # the page already open sees it
            centre, corner = page.wait_until(
                lambda d: (f := d.execute_script("return window.sample()")) and max(f[0]) < 40 and f, "no square"
            )
            assert min(corner) > 215  # the picture sits on white, as Chromium's fake device shows it
            guard.driver.get(site + "/again")  # and a page loaded later sees it from the start
            centre, _ = page.wait_until(
                lambda d: (f := d.execute_script("return window.sample()")) and max(f[0]) < 40 and f, "no square later"
            )
            assert max(centre) < 40
    finally:
        pool.quit()


def pool_page(session):
    from pages.base import BasePage

    return BasePage(session.driver, "http://127.0.0.1", timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def grid():
    """A real Selenium Grid 4 started here (scripts/grid.sh) on a free port; its URL."""
    if shutil.which("java") is None:
        pytest.skip("Java is missing (scripts/bootstrap.sh installs the JRE)")
    port = str(free_port())
    env = {**os.environ, "GRID_PORT": port}
    up = subprocess.run(["scripts/grid.sh", "up"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert up.returncode == 0, up.stderr
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run(["scripts/grid.sh", "down"], cwd=ROOT, env=env, capture_output=True, timeout=60)


def test_a_real_grid_runs_scenarios_the_camera_ones_included(grid, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "prodready.run.runner",
            "--workers",
            "1",
            "--reports",
            str(tmp_path),
            "-D",
            f"remote_url={grid}",
            "-t",
            "@camera",
            "features/gate_access.feature",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert f"at {grid}" in output and "camera: a script's canvas stream" in output
    assert "3 scenarios: 3 passed" in output.splitlines()[-1], output[-1500:]


def test_each_persons_browser_on_a_grid_node_is_in_the_communitys_timezone(grid):
    pool = SessionPool(BrowserSettings(remote_url=grid, timezone="Asia/Tokyo"))  # the node's own zone is not
    try:
        with serve(_Scanner) as site:
            person = pool.acquire("desktop")
            assert pool.mode == "contexts"  # the grid forwards BiDi: one session, a context per person
            person.driver.get(site + "/")
            zone, offset = person.driver.execute_script(
                "return [Intl.DateTimeFormat().resolvedOptions().timeZone, new Date().getTimezoneOffset()]"
            )
            assert (zone, offset) == ("Asia/Tokyo", -540)
    finally:
        pool.quit()


def test_the_grid_bench_extrapolates_from_worker_seconds_per_scenario():
    from bench.grid import for_a_thousand, worker_seconds_per_scenario

    run = {"wall_s": 60.0, "workers": 2, "passed": 118, "failed": 2}
    assert worker_seconds_per_scenario(run) == 1.0  # 120 worker-seconds over 120 scenarios
    assert for_a_thousand(1.0, nodes=5, sessions=2) == 100.0  # 1,000 worker-seconds over 10 browsers
    assert worker_seconds_per_scenario({"wall_s": 5.0, "workers": 2, "passed": 0, "failed": 0}) == 0.0
