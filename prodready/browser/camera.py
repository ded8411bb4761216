"""The fake camera of a run's browser: the guard's scanner (script 1.1.2) sees what a step shows it.

Two kinds, one interface (`show(png)`, `remove()`):
- FakeCamera, for a Chromium on this machine: Chromium's own fake capture device plays a Y4M file;
- ScriptCamera, for a browser elsewhere (a Selenium Grid node, a cloud grid) where no file of this
  machine can be read: a script run before any page's own gives the page a camera whose picture is a
  canvas stream (getUserMedia and enumerateDevices answer as a one-camera device would); a step's
  picture reaches the open pages at once and every page loaded later.
"""

from __future__ import annotations

import base64
import io
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

# Chromium's fake media stream: getUserMedia gets a camera that plays a Y4M file, and the
# permission prompt is answered "allow". The file is named at browser start (per process) and
# read each time capture starts, so a step can put a picture in front of the camera.
CAMERA_FLAGS = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")
CAMERA_SIZE = (640, 480)


@dataclass
class FakeCamera:
    """The camera of the run's browser: a Y4M file whose picture a step changes (see CAMERA_FLAGS)."""

    path: Path

    @classmethod
    def create(cls) -> FakeCamera:
        """A camera file of this process, showing a blank grey picture until a step shows something."""
        handle, name = tempfile.mkstemp(prefix="prodready-camera-", suffix=".y4m")
        os.close(handle)
        camera = cls(Path(name))
        camera.show(None)
        return camera

    def show(self, png: bytes | None) -> None:
        """Hold a picture (PNG bytes; None: blank) in front of the camera, centred on white and scaled to fit.

        Written to a new file then renamed, so a capture starting meanwhile never reads half a video.
        """
        frame = camera_frame(png)
        y, cb, cr = frame.convert("YCbCr").split()
        half = (CAMERA_SIZE[0] // 2, CAMERA_SIZE[1] // 2)
        header = f"YUV4MPEG2 W{CAMERA_SIZE[0]} H{CAMERA_SIZE[1]} F10:1 Ip A1:1 C420jpeg\n".encode()
        body = b"FRAME\n" + y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()
        fresh = self.path.with_suffix(".new")
        fresh.write_bytes(header + body)
        fresh.replace(self.path)

    def remove(self) -> None:
        """Delete the camera's file (end of run)."""
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".new").unlink(missing_ok=True)


def camera_frame(png: bytes | None) -> Image.Image:
    """What the camera sees: the picture centred on white and scaled to fit (grey when nothing is shown)."""
    frame = Image.new("RGB", CAMERA_SIZE, "white" if png else "grey")
    if png:
        picture = Image.open(io.BytesIO(png)).convert("RGB")
        picture.thumbnail((CAMERA_SIZE[0] - 80, CAMERA_SIZE[1] - 80))
        frame.paste(picture, ((CAMERA_SIZE[0] - picture.width) // 2, (CAMERA_SIZE[1] - picture.height) // 2))
    return frame


# Run before every page's own scripts. The picture (a data: URL, or null) is drawn on a canvas whose
# stream is the camera; __prodreadyCamera.show(url) changes it in a page already open.
SCRIPT_CAMERA = """() => {
  const W = WIDTH, H = HEIGHT;
  let picture = PICTURE, image = null, canvas = null, pen = null;
  const draw = () => {
    if (!pen) return;
    pen.fillStyle = picture ? '#ffffff' : '#808080';
    pen.fillRect(0, 0, W, H);
    if (image) pen.drawImage(image, 0, 0, W, H);
  };
  const show = url => {
    picture = url; image = null;
    if (url) {
      const next = new Image();
      next.onload = () => { if (picture === url) { image = next; draw(); } };
      next.src = url;
    }
    draw();
  };
  Object.defineProperty(window, '__prodreadyCamera', {value: {show}, configurable: true});
  if (!navigator.mediaDevices) return;
  const camera = {deviceId: 'prodready-camera', groupId: 'prodready', kind: 'videoinput',
                  label: 'prodready camera (back)', toJSON() { return {...this}; }};
  navigator.mediaDevices.enumerateDevices = async () => [camera];
  navigator.mediaDevices.getUserMedia = async constraints => {
    if (!constraints || !constraints.video) throw new DOMException('Requested device not found', 'NotFoundError');
    if (!canvas) {
      canvas = document.createElement('canvas'); canvas.width = W; canvas.height = H;
      pen = canvas.getContext('2d'); setInterval(draw, 100);
    }
    show(picture);
    return canvas.captureStream(10);
  };
}"""


@dataclass
class ScriptCamera:
    """The camera of a browser that runs elsewhere: a canvas stream the page's scripts see as a camera.

    `install(source)` is given by the session pool: it (re)plants the preload script in every person's
    browser and hands the picture to the pages already open.
    """

    install: Callable[[str, str | None], None] = field(repr=False)
    picture: str | None = None

    def source(self) -> str:
        """The preload script for the picture shown now."""
        return (
            SCRIPT_CAMERA.replace("WIDTH", str(CAMERA_SIZE[0]))
            .replace("HEIGHT", str(CAMERA_SIZE[1]))
            .replace("PICTURE", json.dumps(self.picture))
        )

    def show(self, png: bytes | None) -> None:
        """Hold a picture in front of the camera (the same frame FakeCamera plays), now and for later pages."""
        if png is None:
            self.picture = None
        else:
            out = io.BytesIO()
            camera_frame(png).save(out, format="PNG")
            self.picture = "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()
        self.install(self.source(), self.picture)

    def remove(self) -> None:
        """Nothing to delete: the picture lives in the browsers."""
