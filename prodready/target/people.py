"""People a scenario brings to the platform through its API (a new client, a worker, a guest)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from prodready.core.config import Credentials, Persona

USER_CREATE = """mutation userCreate($name: String!, $phoneNumber: String!, $userType: String!, $email: String) {
  userCreate(name: $name, phoneNumber: $phoneNumber, userType: $userType, email: $email, state: "valid") {
    user { id name username }
  }
}"""
ADMIN_RESET_PASSWORD = """mutation adminResetPassword($userId: ID!) {
  adminResetPassword(userId: $userId) { username password }
}"""
SPECIALS = "-+_!@#$%^&*.,?"


@dataclass(frozen=True)
class Newcomer:
    """Someone made for this scenario, who can log in."""

    key: str
    user_id: str
    name: str
    username: str
    password: str


def unique_phone(rng: random.Random) -> str:
    """A Zambian mobile number no other run is likely to have used (the platform refuses duplicates)."""
    return "+26097" + "".join(str(rng.randrange(10)) for _ in range(7))


def create_person(cast: Any, name: str, role: str, rng: random.Random | None = None) -> dict[str, Any]:
    """A new person of that user type, made by the admin through userCreate; {id, name, username}."""
    rng = rng or random.Random()
    return cast.api_as("admin").call(USER_CREATE, {"name": name, "phoneNumber": unique_phone(rng), "userType": role})[
        "userCreate"
    ]["user"]


def new_person_with_reset_password(cast: Any, name: str, role: str) -> Newcomer:
    """A new person whose password the admin has just reset (so the platform asks them to set one)."""
    user = create_person(cast, name, role)
    reset = cast.api_as("admin").call(ADMIN_RESET_PASSWORD, {"userId": user["id"]})["adminResetPassword"]
    key = f"newcomer-{user['id']}"
    cast.add_person(
        Persona(key=key, role=role, name=user["name"], username=reset["username"], password_ref=None),
        Credentials(username=reset["username"], password=reset["password"]),
    )
    return Newcomer(key, str(user["id"]), user["name"], reset["username"], reset["password"])


def strong_password(faker: Any) -> str:
    """A password the platform's Set Password screen accepts (10+ characters, every kind)."""
    rng = random.Random(faker.random.random())
    return "Aa1" + rng.choice(SPECIALS) + "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
