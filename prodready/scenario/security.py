"""Who may do what, asked as an attacker would: setting or resetting someone else's password, a token kept
after logging out, a login by e-mail that names a person, another client's payments, and addresses (a
login link, a scanned code) that hide another site. Only people the run itself made are ever at stake.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import quote, urlsplit

from pages.components import SideMenu
from pages.plans import TransactionsTab
from pages.refused import QueryErrorPage
from pages.scan import ScanPage
from prodready.core.config import Credentials, Persona
from prodready.scenario.money import payment_type
from prodready.scenario.payment_setup import client_with_new_plan, pay
from prodready.target.api import LOGIN, PlatformApiError
from prodready.target.people import ADMIN_RESET_PASSWORD, Newcomer, strong_password, unique_phone

USER_CREATE = """mutation userCreate($name: String!, $phoneNumber: String!, $userType: String!, $email: String) {
  userCreate(name: $name, phoneNumber: $phoneNumber, userType: $userType, email: $email, state: "valid") {
    user { id name }
  }
}"""
SET_PASSWORD = """mutation resetPasswordAfterLogin($userId: ID!, $password: String!) {
  resetPasswordAfterLogin(userId: $userId, password: $password) { authToken }
}"""
RESET_BY_EMAIL = "mutation resetPassword($email: String!) { resetPassword(email: $email) { success } }"
LOGIN_BY_EMAIL = """mutation loginEmail($email: String) {
  loginEmail(email: $email) { user { id name userType } }
}"""
WHO_AM_I = "query currentUser { currentUser { id name } }"
PAYMENTS = "query paymentsList { paymentsList(limit: 5) { id } }"
TRANSACTIONS = """query userTransactions($userId: ID!) {
  userTransactions(userId: $userId) { id planPayments { id receiptNumber } }
}"""
RECEIPT = """query paymentReceipt($userId: ID!, $id: ID!) {
  paymentReceipt(userId: $userId, id: $id) { id receiptNumber }
}"""
DEACTIVATE = """mutation userUpdate($id: ID!, $name: String!, $status: String) {
  userUpdate(id: $id, name: $name, status: $status) { user { id } }
}"""
MONTHLY = Decimal("500.00")  # the other client's plan, and what they paid towards it
ELSEWHERE = "elsewhere.invalid"  # another site (.invalid never resolves)
# What a login link puts after /login/ to hide another site (one path segment, as the platform's /login/:next
# takes it), or the next address it names in its query; read as a browser reads them, each is //elsewhere.
LOGIN_TRICKS = {
    "a tab": f"/login/%09%2F%2F{ELSEWHERE}",
    "a newline": f"/login/%0A%2F%2F{ELSEWHERE}",
    "a backslash": f"/login/%5C{ELSEWHERE}",
    "an encoded double slash": f"/login/%2F%2F{ELSEWHERE}",
    "a whole address": f"/login/{quote(f'https://{ELSEWHERE}/', safe='')}",
    "the next parameter": f"/login?next={quote(f'//{ELSEWHERE}/', safe='')}",
}
# A code of the community's own address ({host}: its host name, as the ID card's code has it) that hides
# another site: after a double slash, a backslash, an encoded double slash; or a script address whose
# "comment" ends at a newline, which a browser runs on the page that opens it.
SCAN_TRICKS = {
    "a double slash": "http://{host}//" + ELSEWHERE + "/user/1/1700000000000/dg",
    "a backslash": "http://{host}/\\" + ELSEWHERE + "/user/1/1700000000000/dg",
    "an encoded double slash": "http://{host}/%2F%2F" + ELSEWHERE + "/user/1/1700000000000/dg",
    "a script address": "javascript://{host}/%0Alocation='http://" + ELSEWHERE + "/user/1/1700000000000/dg'",
}


@dataclass(frozen=True)
class Attempt:
    """What the platform answered an attempt: the token it handed out, or its refusal's words."""

    token: str | None
    refusal: str


def new_person(context: Any, base_name: str, role: str, with_email: bool = False) -> Newcomer:
    """A new person of that user type (made by the admin), who has set a password of their own: the admin
    resets it, they log in with the one they were given and set their own on the Set Password screen."""
    cast, name = context.cast, context.data.name(base_name)
    rng = random.Random(context.faker.random.random())
    email = f"{'.'.join(name.lower().split())}@example.com" if with_email else None
    user = cast.api_as("admin").call(
        USER_CREATE, {"name": name, "phoneNumber": unique_phone(rng), "userType": role, "email": email}
    )["userCreate"]["user"]
    if role == "admin":
        context.add_cleanup(_deactivate, cast, dict(user))
    given = cast.api_as("admin").call(ADMIN_RESET_PASSWORD, {"userId": user["id"]})["adminResetPassword"]
    first = cast.api.execute(LOGIN, {"username": given["username"], "password": given["password"]})
    own = strong_password(context.faker)
    setting = first["loginUsernamePassword"]["authToken"]
    cast.api.execute(SET_PASSWORD, {"userId": user["id"], "password": own}, token=setting)
    key = f"newcomer-{user['id']}"
    cast.add_person(Persona(key, role, user["name"], given["username"], None), Credentials(given["username"], own))
    context.notes.setdefault("emails", {})[key] = email
    return Newcomer(key, str(user["id"]), user["name"], given["username"], own)


def _deactivate(cast: Any, user: dict[str, Any]) -> None:
    """An admin the run made is deactivated once the scenario is over (a live deployment keeps no such login)."""
    cast.api_as("admin").call(DEACTIVATE, {"id": user["id"], "name": user["name"], "status": "deactivated"})


def _token_of(cast: Any, caller: str | None) -> str | None:
    return None if caller is None else cast.api_as(caller).token


def _attempt(cast: Any, caller: str | None, document: str, variables: dict[str, Any]) -> Any:
    """An operation as `caller` (None: someone not logged in): its data, or the PlatformApiError."""
    try:
        return cast.api.execute(document, variables, token=_token_of(cast, caller))
    except PlatformApiError as refusal:
        return refusal


def set_password_of(cast: Any, caller: str | None, person: Newcomer, faker: Any) -> Attempt:
    """resetPasswordAfterLogin for someone else, as `caller`: a strong password the platform accepts."""
    answer = _attempt(cast, caller, SET_PASSWORD, {"userId": person.user_id, "password": strong_password(faker)})
    if isinstance(answer, PlatformApiError):
        return Attempt(None, _words(answer))
    return Attempt((answer["resetPasswordAfterLogin"] or {}).get("authToken"), "")


def reset_by_email(cast: Any, email: str) -> str:
    """resetPassword for an e-mail address, by someone not logged in: the refusal's words, or ""."""
    answer = _attempt(cast, None, RESET_BY_EMAIL, {"email": email})
    return _words(answer) if isinstance(answer, PlatformApiError) else ""


def password_works(cast: Any, person: Newcomer) -> str:
    """ "" when the person's own password still logs them in, else what the platform said."""
    answer = _attempt(cast, None, LOGIN, {"username": person.username, "password": person.password})
    if isinstance(answer, PlatformApiError):
        return _words(answer)
    user = answer["loginUsernamePassword"]["user"] or {}
    return "" if user.get("hasResetPassword") is not False else "they are asked to set a new password"


def token_opens(cast: Any, token: str) -> str:
    """What a token still opens: the person's name when currentUser answers with it, else ""."""
    try:
        found = cast.api.execute(WHO_AM_I, {}, token=token)["currentUser"]
    except PlatformApiError:
        return ""
    return str((found or {}).get("name") or "")


def login_link_answers(cast: Any, email: str, run_id: str) -> list[Any]:
    """loginEmail for the person's address and for one nobody has, by someone not logged in: each answer's
    user (or None) and error words (or ""), as an attacker reads them."""
    answers = []
    for address in (email, f"nobody-{run_id}@example.invalid"):
        answer = _attempt(cast, None, LOGIN_BY_EMAIL, {"email": address})
        if isinstance(answer, PlatformApiError):
            answers.append((None, _words(answer).replace(address, "<address>")))
        else:
            answers.append(((answer["loginEmail"] or {}).get("user"), ""))
    return answers


def client_who_paid(context: Any, base_name: str) -> dict[str, str]:
    """A new client with a plot, a plan and one cash payment towards it: their id, the transaction's and
    the receipt's (plan payment's) ids."""
    client = client_with_new_plan(context, base_name, "basic", MONTHLY, 12)
    transaction = pay(context, client, MONTHLY, payment_type("cash"))
    found = context.cast.api_as("admin").call(TRANSACTIONS, {"userId": client.user_id})["userTransactions"]
    receipt = next(p["id"] for t in found if str(t["id"]) == str(transaction) for p in t["planPayments"])
    return {"user_id": str(client.user_id), "transaction_id": str(transaction), "receipt_id": str(receipt)}


def payments_asked(cast: Any, who: str, client_id: str) -> dict[str, str]:
    """The community's payments and a client's transactions, as `who` asks for them: each refusal's words,
    or "given" when the platform answered with data."""
    return {
        "the community's payments": _given_or_refusal(cast, who, PAYMENTS, {}),
        "the client's transactions": _given_or_refusal(cast, who, TRANSACTIONS, {"userId": client_id}),
    }


def others_payments_asked(cast: Any, who: str, other: dict[str, str]) -> dict[str, str]:
    """Another client's transactions and one of their receipts, as `who` asks for them."""
    return {
        "their transactions": _given_or_refusal(cast, who, TRANSACTIONS, {"userId": other["user_id"]}),
        "their receipt": _given_or_refusal(cast, who, RECEIPT, {"userId": other["user_id"], "id": other["receipt_id"]}),
    }


def _given_or_refusal(cast: Any, who: str, document: str, variables: dict[str, Any]) -> str:
    answer = _attempt(cast, who, document, variables)
    return _words(answer) if isinstance(answer, PlatformApiError) else "given"


def _words(error: PlatformApiError) -> str:
    """The platform's own words of an error (without the operation's name the API client puts first)."""
    return str(error).split(": ", 1)[-1]


def log_out_from_menu(actor: Any) -> str:
    """Log out through the menu, as the person does; the token their browser held until then."""
    token = actor.cast.api_as(actor.persona.key).token
    actor.page(SideMenu).log_out()
    actor.cast.forget_login(actor.persona.key)
    return str(token)


def scan_code(base_url: str, trick: str) -> str:
    """The text of a code of the community's address (its host name, as the ID card's code has it) hiding
    another site behind `trick`."""
    return SCAN_TRICKS[trick].format(host=urlsplit(base_url).hostname)


def transactions_withheld(actor: Any, user_id: str) -> bool:
    """Whether the address of someone's transactions (their profile's Plans › Transactions) withholds them
    from the actor: the app settles on a refusal or a not-found page, not on the transactions."""
    actor.visit(TransactionsTab, f"/user/{user_id}?tab=Plans&subtab=Transactions")
    return actor.page(QueryErrorPage).withholds(actor.page(TransactionsTab))


def scanner_done(scanner: ScanPage) -> str:
    """Wait until the scanner has refused the code or opened what it holds; the address the browser is on."""
    scanner.wait_until(
        lambda d: (
            not d.current_url.startswith(scanner.base_url + ScanPage.PATH)
            or (scanner.is_shown(ScanPage.ERROR) and scanner.find(ScanPage.ERROR).text.strip())
        ),
        "the scanner did nothing with the code",
        timeout=scanner.timeout * 2,
    )
    return str(scanner.driver.current_url)


def same_site(address: str, base_url: str) -> bool:
    """Whether an address is on the community's own site (scheme, host and port)."""
    here, there = urlsplit(base_url), urlsplit(address)
    return (here.scheme, here.netloc) == (there.scheme, there.netloc)
