"""The platform's own words the values read (prodready.scenario.values): the form builder's field types, the task
form's task types, the roles, the ways to pay; as the platform labels them and the values it stores."""

from __future__ import annotations

from dataclasses import dataclass

# The builder's Field Type options: label (as the builder shows it) → the platform's value (form:field_types.*).
FIELD_TYPES = {"Text": "text", "Multiline Text": "multiline_text", "Radio": "radio", "Checkbox": "checkbox"}
FIELD_TYPES |= {"Dropdown": "dropdown", "Date": "date", "Time": "time", "Date with Time": "datetime"}
FIELD_TYPES |= {
    "File Upload": "file_upload",
    "Signature": "signature",
    "Payment": "payment",
    "Appointment": "appointment",
}
# The task form's Task Type options (label → the platform's value, NotesCategories).
TASK_TYPES = {"Call": "call", "Message": "message", "Email": "email", "To-Do": "to_do", "Form": "form"}
TASK_TYPES |= {"Emergency SOS": "emergency", "Process Template": "template", "Task List": "task_list"}
# The platform's own labels the vocabulary reads (tests/test_contract.py checks them against the platform).
PLATFORM_LABELS = (*FIELD_TYPES, *TASK_TYPES)
# The roles a person may be given (the security steps' new people): the word → the persona's role word.
ROLES = {"admin": "admin", "administrator": "admin", "client": "client", "guard": "guard"}
ROLES |= {"security guard": "guard", "custodian": "custodian", "store custodian": "custodian"}
VERDICTS = ("allowed", "refused")
ANONYMOUS = "someone not logged in"


@dataclass(frozen=True)
class PaymentKind:
    """A way to pay as the scenarios name it: the platform's value (also the Transactions list's "Payment
    Type") and whether it needs bank details."""

    value: str
    cheque: bool = False


PAYMENT_KINDS = {
    "cash": PaymentKind("cash"),
    "mobile money": PaymentKind("mobile_money"),
    "bank transfer": PaymentKind("bank_transfer/eft"),
    "bank deposit": PaymentKind("bank_transfer/cash_deposit"),
    "cheque": PaymentKind("cheque/cashier_cheque", cheque=True),
    "point of sale": PaymentKind("pos"),
}
