"""The guard's fake camera (script 1.1.2): the picture a step shows is a Y4M video Chromium can play."""

from __future__ import annotations

import io

import segno
import zxingcpp
from PIL import Image

from prodready.browser.camera import CAMERA_SIZE, FakeCamera
from prodready.browser.drivers import BrowserSettings, chromium_options


def qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()


def test_the_camera_plays_the_picture_shown_as_one_y4m_frame(tmp_path):
    camera = FakeCamera(tmp_path / "camera.y4m")
    camera.show(qr_png("http://127.0.0.1/user/2/1700000000000/dg"))
    data = camera.path.read_bytes()
    header, _, rest = data.partition(b"\n")
    assert header == b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg"
    width, height = CAMERA_SIZE
    assert rest.startswith(b"FRAME\n") and len(rest) == len(b"FRAME\n") + width * height * 3 // 2
    luma = Image.frombytes("L", CAMERA_SIZE, rest[len(b"FRAME\n") : len(b"FRAME\n") + width * height])
    assert zxingcpp.read_barcodes(luma)[0].text == "http://127.0.0.1/user/2/1700000000000/dg"
    assert not camera.path.with_suffix(".new").exists()
    camera.remove()
    assert not camera.path.exists()


def test_a_blank_camera_and_the_browser_flags(monkeypatch):
    camera = FakeCamera.create()
    try:
        assert camera.path.read_bytes().startswith(b"YUV4MPEG2 ")
        settings = BrowserSettings(camera_file=str(camera.path))
        monkeypatch.setattr("prodready.browser.drivers.find_chromium", lambda settings=None: "/usr/bin/chromium")
        args = chromium_options(settings).arguments
        assert "--use-fake-device-for-media-stream" in args and "--use-fake-ui-for-media-stream" in args
        assert f"--use-file-for-fake-video-capture={camera.path}" in args
        assert not any("fake" in a for a in chromium_options(BrowserSettings()).arguments)
        # a remote grid's browser cannot read a file of this machine: no camera there
        assert not any("fake" in a for a in chromium_options(settings, local=False).arguments)
    finally:
        camera.remove()
