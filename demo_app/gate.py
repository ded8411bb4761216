"""Scan entry: the guard's camera scanner (/scan), its frame decoder, and Log This Entry on a profile."""

from __future__ import annotations

import io
from typing import Any

import zxingcpp
from flask import Blueprint, g, jsonify, redirect, render_template, request
from PIL import Image, UnidentifiedImageError

from .access import GUARD_TYPES, logged_in

bp = Blueprint("gate", __name__)
# containers/Scan.jsx lets these user types scan; everyone else is sent home.
SCANNER_TYPES = ("security_guard", "admin", "custodian", "security_supervisor", "code_scanner")
MAX_FRAME_PIXELS = 2000 * 2000  # a camera frame is 640x480; anything this big is not one
MAX_FRAME_BYTES = 400 * 1024


@bp.route("/scan")
@logged_in
def scan():
    """The scanner: the rear camera's picture, read for a QR code of this site (the page's script)."""
    if g.user["role"] not in SCANNER_TYPES:
        return redirect("/")
    return render_template("gate/scan.html")


@bp.route("/scan/decode", methods=["POST"])
@logged_in
def decode_frame():
    """The text of the QR code in one camera frame (JPEG or PNG bytes), or null when there is none.

    The platform decodes in the browser (react-qr-reader); this app has no JavaScript decoder,
    so the page sends frames here (docs/platform-parity.md).
    """
    if g.user["role"] not in SCANNER_TYPES:
        return jsonify(error="Unauthorized"), 403
    data = request.get_data(cache=False)
    if not data or len(data) > MAX_FRAME_BYTES:
        return jsonify(error="Send one camera frame as a JPEG or PNG image"), 400
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG") or image.width * image.height > MAX_FRAME_PIXELS:
            return jsonify(error="Send one camera frame as a JPEG or PNG image"), 400
        found = zxingcpp.read_barcodes(
            image.convert("L"), formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return jsonify(error="Send one camera frame as a JPEG or PNG image"), 400
    return jsonify(text=found[0].text if found else None)


def profile_part(person: Any, tab: str, scan: dict[str, Any] | None) -> dict[str, Any] | None:
    """Log This Entry and Call Manager: guards looking at an active person's profile (UserInformation.jsx)."""
    user = g.get("user")
    if user is None or user["role"] not in GUARD_TYPES or person["status"] != "active" or tab != "Contacts":
        return None
    return {"template": "gate/_profile.html", "scan": scan or {"tm": None, "digital": False}}
