"""Look at a page of a target as one of its people: the address, the visible text, every test id and
the markup around it, and a screenshot. A developer's tool for fitting page objects to the platform.

  .venv/bin/python scripts/peek.py --target platform --as guard /guard_home
  .venv/bin/python scripts/peek.py --target platform --as admin /user/ID --html --out /tmp/peek
  .venv/bin/python scripts/peek.py --target platform --as admin /payments --script 'return 1+1'

Secrets are masked in everything it prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from prodready.browser.drivers import BrowserSettings, start_driver  # noqa: E402
from prodready.browser.sessions import plant_prelude  # noqa: E402
from prodready.core.config import load_project  # noqa: E402
from prodready.core.credentials import resolve_credentials  # noqa: E402
from prodready.core.masking import mask  # noqa: E402
from prodready.target.api import PlatformApi  # noqa: E402

TESTIDS = """
const out = [];
for (const el of document.querySelectorAll('[data-testid],[data-test-id],[data-cy]')) {
  const r = el.getBoundingClientRect();
  const id = el.getAttribute('data-testid') || el.getAttribute('data-test-id') || el.getAttribute('data-cy');
  out.push([id, el.tagName.toLowerCase(), (el.className && el.className.baseVal === undefined ? el.className : '')
            .toString().slice(0, 60), r.width > 0 && r.height > 0, (el.innerText || el.value || '').slice(0, 60)]);
}
return out;
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="the address to open, e.g. /guard_home")
    parser.add_argument("--target", default="platform")
    parser.add_argument("--as", dest="persona", default="admin", help="guard, admin, custodian, client")
    parser.add_argument("--html", action="store_true", help="print the page's HTML too")
    parser.add_argument("--script", help="JavaScript to run in the page (its return value is printed)")
    parser.add_argument("--wait", type=float, default=3.0, help="seconds to let the page render")
    parser.add_argument("--out", default="/tmp/peek", help="folder for screenshot.png and page.html")
    parser.add_argument("--phone", action="store_true", help="a phone's screen")
    args = parser.parse_args()

    target = load_project().target(args.target)
    if target.embedded:
        print("peek needs a running target (platform, staging, …), not an embedded one", file=sys.stderr)
        return 2
    creds = resolve_credentials(target)[args.persona]
    token = PlatformApi(target.base_url or "").login(creds.username, creds.password).token
    driver = start_driver(BrowserSettings(browser="chromium", headless=True, bidi=False), phone=args.phone)
    try:
        plant_prelude(driver)
        driver.get(f"{target.base_url}/robots.txt")
        driver.execute_script("localStorage.setItem('dgdp_auth_token', arguments[0])", token)
        driver.get(f"{target.base_url}{args.path}")
        try:
            WebDriverWait(driver, args.wait, poll_frequency=args.wait).until(lambda _d: False)
        except Exception:  # noqa: BLE001 - the wait is only to let the page render
            pass
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out / "screenshot.png"))
        (out / "page.html").write_text(mask(driver.page_source), encoding="utf-8")
        print("URL:", driver.current_url)
        print("TEXT:", mask(" ".join(driver.execute_script("return document.body.innerText").split()))[:3000])
        print("TEST IDS (id, tag, class, shown, text):")
        for row in driver.execute_script(TESTIDS):
            print("  ", mask(" | ".join(str(x) for x in row)))
        if args.script:
            print("SCRIPT:", mask(repr(driver.execute_script(args.script))))
        if args.html:
            print(mask(driver.page_source))
        print(f"screenshot and HTML in {out}")
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
