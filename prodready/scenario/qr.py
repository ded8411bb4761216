"""Read a QR code from a picture, as a phone camera or a hand-held reader would."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image


def decode(png: bytes) -> str:
    """The text of the one QR code in a PNG image."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    if not results:
        raise AssertionError("no QR code could be read from the picture")
    return results[0].text
