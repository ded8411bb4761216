"""A request a page sends, sent directly: the form a screen posts when a person presses its button, read from the
page of someone who is offered it, then posted from another person's browser with that person's own page's CSRF
token, as anyone who has once seen the form can. The platform's screens send GraphQL, not forms: where a button is
in no form (as on the platform) there is nothing to post, and the operation is asked through the API instead
(prodready/scenario/refusals.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .base import BasePage, Locator

# The form around an element, as a browser would post it (its fields and the pressed button's own name and value),
# or null when the element is in no form posted to the server.
FORM_AROUND = """
const el = arguments[0];
const form = el.closest('form');
if (!form || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') return null;
const fields = [];
for (const [name, value] of new FormData(form).entries()) if (typeof value === 'string') fields.push([name, value]);
const button = el.closest('button[name], input[type=submit][name]');
if (button && button.form === form) fields.push([button.name, button.value]);
// The attribute, not form.action: a field named "action" hides the property (the reference app's fill form has one).
return {action: new URL(form.getAttribute('action') || location.href, location.href).href, fields: fields};
"""
# Post fields to an address of this page's site with this page's own CSRF token (the field of that name the form
# carried is replaced); the answer's HTTP status (302 for a redirect, which is how a form post is answered when done;
# -1 when nothing answered).
POST = """
const [action, fields, done] = arguments;
const token = document.querySelector('input[name="csrf_token"], input[name="authenticity_token"]');
const body = new URLSearchParams();
for (const [name, value] of fields) if (!token || name !== token.name) body.append(name, value);
if (token) body.append(token.name, token.value);
fetch(action, {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual'})
  .then(answer => done(answer.type === 'opaqueredirect' ? 302 : answer.status), () => done(-1));
"""


@dataclass(frozen=True)
class FormRequest:
    """A form as a screen posts it: where to, and its fields (name, value), in order."""

    action: str
    fields: tuple[tuple[str, str], ...]

    def with_value(self, name: str, value: str) -> FormRequest:
        """The same request with one field's value changed."""
        return FormRequest(self.action, tuple((n, value if n == name else v) for n, v in self.fields))


class DirectRequests(BasePage):
    """Posting a screen's form from the browser of the person the scenario names, bypassing the screen's checks."""

    def form_around(self, locator: Locator) -> FormRequest | None:
        """The form this element (a button, a field) belongs to, as the screen would post it; None when it is in no
        form (the screen sends its request another way)."""
        found = self.driver.execute_script(FORM_AROUND, self.wait_present(locator))
        if not found:
            return None
        return FormRequest(str(found["action"]), tuple((str(n), str(v)) for n, v in found["fields"]))

    def name_of(self, locator: Locator) -> str:
        """The name a field is posted under."""
        return str(self.wait_present(locator).get_attribute("name") or "")

    def post(self, request: FormRequest) -> int:
        """Post the form from this person's page, with their page's own CSRF token; the HTTP status answered."""
        self.driver.set_script_timeout(self.timeout)
        return int(self.driver.execute_async_script(POST, request.action, [list(f) for f in request.fields]))
