"""The fake camera of a run's Chromium: the guard's scanner (script 1.1.2) sees what a step shows it."""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
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
        frame = Image.new("RGB", CAMERA_SIZE, "white" if png else "grey")
        if png:
            picture = Image.open(io.BytesIO(png)).convert("RGB")
            picture.thumbnail((CAMERA_SIZE[0] - 80, CAMERA_SIZE[1] - 80))
            frame.paste(picture, ((CAMERA_SIZE[0] - picture.width) // 2, (CAMERA_SIZE[1] - picture.height) // 2))
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
