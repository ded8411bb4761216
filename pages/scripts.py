"""The scripts page objects run in the browser: one round trip each where WebDriver would need several.

Measured (bench/): a journey cost 96 WebDriver round trips through the page objects against 48 in
plain Selenium; finding a visible element, emptying a field or reading a list are one script here.
"""

# Every element matching a locator (css | id | xpath, or a found element) as the array `all`, from
# `by` and `value`, and `laidOut(el)`, the visibility TEXTS and SHOWN ask for: the start of FIND,
# TEXTS and SHOWN.
MATCHING = """let all = [];
const laidOut = el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
if (by === 'element') {
  all.push(value);
} else if (by === 'xpath') {
  const found = document.evaluate(value, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < found.snapshotLength; i++) all.push(found.snapshotItem(i));
} else if (by === 'id') {
  const one = document.getElementById(value); if (one) all.push(one);
} else {
  all = Array.from(document.querySelectorAll(value));
}"""

# Find the first VISIBLE element matching a locator (css | id | xpath), optionally enabled too;
# a TextField's root div stands for its input when `field` is wanted (`fill` also fills it with
# the fourth argument, as FILL does: one round trip to find and fill); `text` / `label` answer its
# shown text / its text as written (textContent), wrapped in a list so that '' is an answer. A
# clickable element found arms the document (see ARM) for the action about to happen.
FIND = """
const [by, value, want, text] = arguments;
MATCHING
const shown = el => {
  if (!el.getClientRects().length) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && parseFloat(style.opacity || '1') > 0;
};
for (let el of all) {
  if ((want === 'field' || want === 'fill') && !['INPUT', 'TEXTAREA'].includes(el.tagName)) {
    el = el.querySelector("input:not([aria-hidden='true']):not([type='hidden']), textarea");
    if (!el) continue;
  }
  if (want === 'present') return el;
  if (!shown(el)) continue;
  const off = el.disabled || el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';
  if (['clickable', 'click', 'field', 'fill'].includes(want) && off) continue;
  if (want === 'fill') { FILL_IT return el; }
  if (want === 'clickable' || want === 'click') {
    // Out of view or under a fixed bar (a snackbar, a banner)? Centre it now: chromedriver would
    // otherwise retry the covered click for a second before giving up.
    const at = () => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
    const inView = ([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    const hitAt = p => inView(p) ? document.elementFromPoint(p[0], p[1]) : null;
    const clear = hit => hit && (hit === el || el.contains(hit) || hit.contains(el));
    let hit = hitAt(at());
    if (!clear(hit)) { el.scrollIntoView({block: 'center', inline: 'center'}); hit = hitAt(at()); }
    // Still covered: under the platform's "add to home screen" bar (fixed at the bottom for its first
    // 10 s), say so, to have it closed; anything else (a dialog opening?): ask again.
    if (!clear(hit)) return hit && hit.closest('#btnSection') ? 'under the install banner' : null;
    { ARM }
    if (want === 'click') { CLICK_IT return el; }
  }
  if (want === 'text') return [el.innerText.trim()];
  if (want === 'label') return [el.textContent.replace(/\\s+/g, ' ').trim()];
  return el;
}
return null;
"""

# FIND's answer for an element to click that stays under the install banner even in the middle of the screen.
UNDER_BANNER = "under the install banner"

# Before an action: watch this document (once) for DOM changes, requests in flight and leaving, and
# note where it is. After the action, SETTLED says when the app has finished answering it, whether
# it loaded a new document (the reference app's forms) or changed the page in place (the
# platform's single-page app: a new route, a dialog, a snackbar).
# Counts the page's requests in flight (fetch and XMLHttpRequest), each with its address and start, from
# the first action on a page (ARM installs it). An app that keeps its own reference to fetch from its
# start (the platform's Apollo client) is not seen: its page objects wait for what an action shows.
NETWORK_WATCH = """
const w = window;
if (!w.__prodready_net) {
  w.__prodready_net = true; w.__prodready_inflight = 0; w.__prodready_last = performance.now();
  w.__prodready_pending = {}; w.__prodready_serial = 0;
  const start = (url) => { const id = ++w.__prodready_serial; w.__prodready_inflight++;
    w.__prodready_pending[id] = [String(url).slice(0, 120), performance.now()]; return id; };
  const done = (id) => { if (!(id in w.__prodready_pending)) return; delete w.__prodready_pending[id];
    w.__prodready_inflight--; w.__prodready_last = performance.now(); };
  if (w.fetch) { const f = w.fetch; w.fetch = function (input) {
    const id = start(input && input.url || input); return f.apply(this, arguments).finally(() => done(id)); }; }
  const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__prodready_url = url; return open.apply(this, arguments); };
  XMLHttpRequest.prototype.send = function () { const id = start(this.__prodready_url);
    this.addEventListener('loadend', () => done(id)); return send.apply(this, arguments); };
}
"""

ARM = """
const w = window;
if (!w.__prodready_armed) {
  w.__prodready_armed = true; w.__prodready_last = performance.now();
  new MutationObserver(() => { w.__prodready_changed = (w.__prodready_changed || 0) + 1;
                               w.__prodready_last = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  w.addEventListener('beforeunload', () => { w.__prodready_leaving = true; });
  if (!w.__prodready_net) { NETWORK_WATCH }
}
w.__prodready_old = true; w.__prodready_leaving = false; w.__prodready_changed = 0;
w.__prodready_path = location.pathname + location.search; w.__prodready_acted = performance.now();
w.__prodready_since = w.__prodready_serial || 0;
"""

SETTLED = """
const w = window, now = performance.now();
if (!w.__prodready_old) return document.readyState === 'complete';  // a new document has replaced the old
if (w.__prodready_leaving) return false;
// Waiting for an answer: a request the action started (one the page had already started, a refresh of
// its own, is not the action's answer: the platform's task list refetches every row as it pleases).
if (Object.keys(w.__prodready_pending || {}).some(id => +id > (w.__prodready_since || 0))) return false;
const moved = (location.pathname + location.search) !== w.__prodready_path;
if (w.__prodready_changed > 0 || moved) return now - w.__prodready_last > 120;  // changed, then quiet
return now - w.__prodready_acted > 1500;  // nothing at all happened: the action had no visible effect
"""

# Fill a field as a person's typing ends up: the value set through the native setter (so React's
# controlled inputs see it), then input and change events. One call for the whole text.
FILL = """
const [el, text] = arguments;
const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, text);
el.dispatchEvent(new Event('input', {bubbles: true}));
el.dispatchEvent(new Event('change', {bubbles: true}));
"""

# Empty a field only when it holds something, telling the page as typing would.
CLEAR = """
const el = arguments[0];
if (el.value) {
  const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, '');
  el.dispatchEvent(new Event('input', {bubbles: true}));
}
"""


# For each element matching the selector, the texts of the named parts (by data-testid, or by
# CSS when the key starts with "css:").
READ_ROWS = """
const [selector, parts] = arguments;
return Array.from(document.querySelectorAll(selector)).map(row => {
  const out = {};
  for (const [name, key] of Object.entries(parts)) {
    const el = key.startsWith('css:') ? row.querySelector(key.slice(4)) : row.querySelector(`[data-testid="${key}"]`);
    out[name] = el ? el.innerText.replace(/\\s+/g, ' ').trim() : '';
  }
  return out;
});
"""

# The texts of every element matching a locator (css | xpath): shown (innerText) or as written
# (textContent, spaces collapsed), of every element or of the visible ones only.
TEXTS = """
const [by, value, visibleOnly, written] = arguments;
MATCHING
if (visibleOnly) all = all.filter(laidOut);
return all.map(el => written ? el.textContent.replace(/\\s+/g, ' ').trim() : el.innerText.trim());
"""

# Every VISIBLE element matching a locator (css | id | xpath).
SHOWN = """
const [by, value] = arguments;
MATCHING
return all.filter(laidOut);
"""

# What the screen shows, in short, for failure messages.
SCREEN = """
const t = document.querySelector('[data-testid="page_title"]');
return [location.pathname, t ? t.innerText : document.title, document.body ? document.body.innerText : ''];
"""

FIND, TEXTS, SHOWN = (script.replace("MATCHING", MATCHING) for script in (FIND, TEXTS, SHOWN))
ARM = ARM.replace("{ NETWORK_WATCH }", "{" + NETWORK_WATCH.replace("\n", " ") + "}")
FIND = FIND.replace("{ ARM }", "{" + ARM.replace("\n", " ") + "}")
# The mouse's events at the element's centre, then its click, as a person's click sends them (the
# element under the pointer first, focus on mousedown unless the page prevents it): one script
# where WebDriver's click is several round trips and a frame per mouse event.
CLICK_IT = """
const [px, py] = at(), target = hit && el.contains(hit) ? hit : el;
const base = {bubbles: true, cancelable: true, composed: true, view: window, clientX: px, clientY: py, button: 0};
const ptr = {...base, pointerId: 1, pointerType: 'mouse', isPrimary: true};
target.dispatchEvent(new PointerEvent('pointerover', ptr)); target.dispatchEvent(new MouseEvent('mouseover', base));
target.dispatchEvent(new PointerEvent('pointermove', ptr)); target.dispatchEvent(new MouseEvent('mousemove', base));
target.dispatchEvent(new PointerEvent('pointerdown', {...ptr, buttons: 1}));
if (target.dispatchEvent(new MouseEvent('mousedown', {...base, buttons: 1}))) {
  const focusable = target.closest('a[href], button, input, select, textarea, [tabindex]');
  if (focusable) focusable.focus(); else if (document.activeElement) document.activeElement.blur();
}
target.dispatchEvent(new PointerEvent('pointerup', ptr)); target.dispatchEvent(new MouseEvent('mouseup', base));
let clicked = target;  // an SVG icon has no click(): its nearest HTML element clicks for it
while (clicked && typeof clicked.click !== 'function') clicked = clicked.parentElement;
(clicked && clicked.isConnected ? clicked : el).click();
"""
FILL_IT = FILL.replace("const [el, text] = arguments;", "").strip().replace("\n", " ")
FIND = FIND.replace("FILL_IT", FILL_IT + " ")
FIND = FIND.replace("CLICK_IT", CLICK_IT)
