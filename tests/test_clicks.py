"""Clicks sent in the page (BasePage.script_clicks) do what a person's mouse does, and refuse what it cannot.

The same checks run with native clicks (WebDriver actions: the browser's own mouse): the two ways
must agree on every case, trusted events included where a page could tell.
"""

from __future__ import annotations

import http.server

import pytest

from pages.base import BasePage
from pages.locators import css
from prodready.browser.drivers import BrowserSettings
from prodready.browser.sessions import SessionPool
from tests.conftest import serve

PAGE = b"""<!doctype html><html><body style="margin:0">
<script>
window.seen = [];
const note = e => window.seen.push(e.type + ':' + e.currentTarget.id + (e.isTrusted === undefined ? '' : ''));
</script>
<button id="plain"><span id="inner">Plain</span></button>
<fieldset disabled><button id="fenced">Fenced</button></fieldset>
<div id="opener" role="button" tabindex="0">Opens on mousedown</div>
<ul id="list" hidden><li id="option">Option</li></ul>
<div style="height:2000px"></div>
<button id="low">Low</button><div style="height:600px"></div>
<div id="bar" style="position:fixed;bottom:0;left:0;right:0;height:120px;background:#eee">a fixed bar</div>
<button id="covered" style="position:absolute;top:300px;left:10px">Covered</button>
<div style="position:absolute;top:280px;left:0;width:400px;height:80px;background:rgba(0,0,0,.3)"></div>
<script>
for (const id of ['plain', 'low', 'covered', 'opener']) {
  const el = document.getElementById(id);
  for (const t of ['pointerdown', 'mousedown', 'focus', 'pointerup', 'mouseup', 'click']) el.addEventListener(t, note);
}
document.getElementById('opener').addEventListener('mousedown', () => { document.getElementById('list').hidden = false; });
</script>
</body></html>"""


# The platform's "add to home screen" bar over the last button of a page too short to scroll it free,
# and a button whose middle is its SVG icon.
BANNER_PAGE = b"""<!doctype html><html><body style="margin:0">
<button id="icon" style="width:80px;height:40px"><svg width="40" height="40" viewBox="0 0 24 24">
<path d="M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z"></path></svg></button>
<button id="last" style="position:absolute;bottom:4px;left:10px">Last</button>
<div id="btnSection" role="alert" style="position:fixed;bottom:0;width:100%;height:50px;background:#53A2BE">
  <span id="btn">Click here to add this application to your home screen</span> <span id="closeBtn">close</span>
</div>
<script>
window.seen = [];
for (const id of ['icon', 'last']) document.getElementById(id).addEventListener('click', e => window.seen.push(id));
document.getElementById('closeBtn').addEventListener('click', () => {
  document.getElementById('btnSection').style.display = 'none';
});
</script>
</body></html>"""


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(BANNER_PAGE if self.path == "/banner" else PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def page():
    pool = SessionPool(BrowserSettings())
    pool.start()
    session = pool.acquire("desktop")
    with serve(_Page) as url:
        yield BasePage(session.driver, url, timeout=0.6)
    pool.quit()
    BasePage.script_clicks = False


@pytest.fixture(params=["script", "native"])
def clicks(request, page):
    BasePage.script_clicks = request.param == "script"
    page.open("/")
    yield request.param
    BasePage.script_clicks = False


# What a person's click on the plain button sends, in order.
A_PERSONS_CLICK = [
    "pointerdown:plain",
    "mousedown:plain",
    "focus:plain",
    "pointerup:plain",
    "mouseup:plain",
    "click:plain",
]


def seen(page):
    return page.driver.execute_script("return window.seen")


def test_a_click_sends_the_mouse_events_in_a_person_s_order_and_focuses(page, clicks):
    page.click(css("#plain", "the plain button"))
    assert seen(page) == A_PERSONS_CLICK
    assert page.driver.execute_script("return document.activeElement.id") == "plain"


def test_a_widget_that_opens_on_mousedown_opens(page, clicks):
    page.click(css("#opener", "the Select-like box"))
    assert page.is_shown(css("#option", "its option"))


def test_an_element_under_a_fixed_bar_is_brought_to_the_middle_and_clicked(page, clicks):
    page.click(css("#low", "the button at the bottom"))
    assert "click:low" in seen(page)


def test_a_covered_element_is_not_clicked(page, clicks):
    with pytest.raises(LookupError, match="the covered button was not clickable"):
        page.click(css("#covered", "the covered button"))
    assert "click:covered" not in seen(page)


def test_a_button_in_a_disabled_fieldset_is_not_clickable(page, clicks):
    with pytest.raises(LookupError, match="was not clickable"):
        page.click(css("#fenced", "the fenced button"))


# An element already found (a row of a list, a card): clicked the same way as a locator.
def test_a_found_element_is_clicked_with_the_mouse_events_in_order(page, clicks):
    page.click(page.wait_for(css("#plain", "the plain button")))
    assert seen(page)[-6:] == A_PERSONS_CLICK


def test_a_found_element_under_a_fixed_bar_is_brought_to_the_middle_and_clicked(page, clicks):
    page.click(page.wait_present(css("#low", "the button at the bottom")))
    assert "click:low" in seen(page)


def test_a_found_element_that_stays_covered_is_not_clicked(page, clicks):
    with pytest.raises(LookupError, match="not clickable"):
        page.click(page.wait_present(css("#covered", "the covered button")))
    assert "click:covered" not in seen(page)


def test_a_found_element_whose_page_is_gone_fails_at_once(page, clicks):
    import time

    old = page.wait_for(css("#plain", "the plain button"))
    page.open("/")
    started = time.monotonic()
    with pytest.raises(LookupError, match="no longer on the page"):
        page.click(old)
    assert time.monotonic() - started < 0.5  # not waited out: the element will never come back


def test_a_native_click_is_the_browser_s_own_trusted_mouse(page, clicks):
    page.driver.execute_script(
        "document.getElementById('plain').addEventListener('click', e => { window.trusted = e.isTrusted; });"
    )
    page.click(css("#plain", "the plain button"))
    assert page.driver.execute_script("return window.trusted") is (clicks == "native")


def test_a_button_under_the_install_banner_closes_the_banner_first(page, clicks):
    page.open("/banner")
    page.click(css("#last", "the last button"))
    assert page.driver.execute_script("return [window.seen, getComputedStyle(btnSection).display]") == [
        ["last"],
        "none",
    ]


def test_a_button_whose_middle_is_its_icon_is_clicked(page, clicks):
    page.open("/banner")
    page.click(css("#icon", "the icon button"))
    assert page.driver.execute_script("return window.seen") == ["icon"]
