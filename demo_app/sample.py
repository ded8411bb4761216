"""Sample data for people clicking through the reference app (python -m demo_app).

Written once, into a new database, through the test-data API of a short-lived seeding instance
of the app, so sample data goes through the same validation as test data. The app that then
serves people has no test-data API.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from . import create_app


def add_sample_data(config: dict[str, Any]) -> None:
    """A community with some history: log entries, a guest, a client's plan and payment, tasks, a form, shifts."""
    token = secrets.token_urlsafe(16)
    app = create_app({**config, "TEST_API_TOKEN": token})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}

    def post(path: str, payload: dict[str, Any]) -> dict[str, Any]:
        answer = client.post(f"/__test__{path}", json=payload, headers=headers)
        if answer.status_code >= 400:
            raise RuntimeError(f"sample data {path}: {answer.get_json()}")
        return answer.get_json()

    ids = {u["name"]: u["id"] for u in client.get("/__test__/users", headers=headers).get_json()}
    now = datetime.now(ZoneInfo(app.config["COMMUNITY_TIMEZONE"]))
    today = now.date()
    start = max(now.replace(minute=0) - timedelta(hours=1), now.replace(hour=0, minute=0))
    post("/guests", {"first_name": "Bwalya", "last_name": "Phiri", "phone": "+260977000111",
                     "visit_date": today.isoformat(), "start_time": start.strftime("%H:%M"), "end_time": "23:59"})
    post("/payment_plans", {"user_id": ids["Mary Client"], "installment": "500", "duration": 12,
                                   "plan_type": "basic", "plot_number": "1000001"})
    post("/transactions", {"user_id": ids["Mary Client"], "amount": "1000", "source": "cash",
                           "transaction_number": "SAMPLE-0001"})
    post("/tasks", {"body": "Inspect the borehole", "due_date": (today + timedelta(days=3)).isoformat(),
                    "assignee_id": ids["Mary Client"]})
    post("/tasks", {"body": "Fix the gate light", "due_date": (today - timedelta(days=1)).isoformat(),
                    "assignee_id": ids["An Admin User"]})
    post("/forms", {"title": "Building permit", "description": "Apply before you build on your plot.",
                    "published": True, "fields": [
                        {"name": "Plot number", "type": "text", "required": True},
                        {"name": "Start date", "type": "date", "required": True},
                        {"name": "Kind of work", "type": "dropdown", "required": True,
                         "options": ["New house", "Extension", "Wall"]}]})
    yesterday = today - timedelta(days=1)
    post("/shifts", {"user_id": ids["mama Guard"], "start": f"{yesterday}T06:00", "end": f"{yesterday}T14:30"})
