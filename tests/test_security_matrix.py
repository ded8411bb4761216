"""The permission matrix of features/security.feature is the platform's own rules, so it cannot drift.

The oracle is the platform's source beside the project (`../shared/platform`), never the reference app:
each operation's rule is written here with the lines of the platform's source that state it (checked to
be there), `mutations.tsv`'s permission column must agree, and who holds a permission is read from
`app/policies/permissions.yml` (the global roles, limited to the modules the platform's rake task loads).
The matrix's table must then say, for someone not logged in and for each persona, exactly what those
rules give. A row whose rule the platform does not apply (a documented defect) states the right rule
and sits in an Examples block tagged with that defect.
"""

from __future__ import annotations

import ast
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from behave.parser import parse_file
from graphql import GraphQLSyntaxError, build_schema, parse, validate

from prodready.core import defects
from prodready.scenario.security_matrix import ANONYMOUS, CALLERS, PROBES

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = ROOT.parent / "shared" / "platform"
SOURCE = PLATFORM / "source"
FEATURE = ROOT / "features" / "security.feature"
MATRIX = "Who may <what>: <operation>"
SUITE = ("prodready", "steps", "pages", "bench", "scripts")
COLUMNS = {"not logged in": ANONYMOUS, "guard": "guard", "custodian": "custodian", "client": "client", "admin": "admin"}
USER_TYPES = {"guard": "security_guard", "custodian": "custodian", "client": "client", "admin": "admin"}
KIT_COMMUNITY = "DoubleGDP"  # the community the platform kit makes (runtime/README.md)

pytestmark = pytest.mark.skipif(
    not SOURCE.is_dir(), reason=f"the platform's source is not beside the project ({SOURCE})"
)


@dataclass(frozen=True)
class Rule:
    """Who may call an operation on someone else's records (the matrix asks about an id nobody has)."""

    says: tuple[tuple[str, str], ...]  # (file of the platform's source, text in it that states the rule)
    logged_in: bool = True
    permission: str = ""  # module.permission the caller's role holds in permissions.yml
    user_types: tuple[str, ...] = ()  # the caller is of one of these user types
    or_admin: bool = False  # an admin may whatever their role holds (permitted?(admin: true, …))
    defect: str = ""  # a documented defect: the platform does not apply this rule, the scenario asserts it


def _permitted(file: str, permission: str) -> Rule:
    module, name = permission.split(".")
    return Rule(((file, f"permitted?(module: :{module}, permission: :{name})"),), permission=permission)


MUTATIONS = "app/graphql/mutations/"
QUERIES = "app/graphql/types/queries/"


def _timesheets(name: str, also_own: bool = False) -> Rule:
    """A time-sheet query: `authorized_to_access_timesheets(:can_fetch_<name>)` (or the person's own, `||`)."""
    check = f"unless authorized_to_access_timesheets(:can_fetch_{name})" + (" ||" if also_own else "")
    return Rule(
        (
            (QUERIES + "time_sheet.rb", check),
            (QUERIES + "time_sheet.rb", "permitted?(module: :timesheet, permission: permission)"),
        ),
        permission=f"timesheet.can_fetch_{name}",
    )


RULES: dict[str, Rule] = {
    "PropertyCreate": _permitted(MUTATIONS + "land_parcel/property_create.rb", "land_parcel.can_create_land_parcel"),
    "adminResetPassword": Rule(
        ((MUTATIONS + "user/admin_reset_password.rb", "validate_authorization(:user, :can_reset_user_password)"),),
        permission="user.can_reset_user_password",
    ),
    "categoryCreate": _permitted(MUTATIONS + "form/category_create.rb", "forms.can_create_category"),
    "entryRequestCreate": Rule(
        (
            (
                MUTATIONS + "entry_request/entry_request_create.rb",
                "permitted?(module: :entry_request, permission: :can_create_entry_request)",
            ),
            (MUTATIONS + "entry_request/entry_request_create.rb", "request = user.entry_requests.create!("),  # the 500
            (
                MUTATIONS + "entry_request/entry_request_create.rb",
                "raise GraphQL::ExecutionError, request.errors.full_messages unless request.persisted?",
            ),  # what it meant to answer, never reached
        ),
        permission="entry_request.can_create_entry_request",
        defect="application.nameless_visitor_crashes",
    ),
    "entryRequestGrant": _permitted(
        MUTATIONS + "entry_request/entry_request_grant.rb", "entry_request.can_grant_entry"
    ),
    "formCreate": _permitted(MUTATIONS + "form/form_create.rb", "forms.can_create_form"),
    "formPropertiesCreate": _permitted(
        MUTATIONS + "form/form_properties_create.rb", "forms.can_create_form_properties"
    ),
    "formUpdate": _permitted(MUTATIONS + "form/form_update.rb", "forms.can_update_form"),
    "formUserCreate": Rule(
        (
            (MUTATIONS + "form/form_user_create.rb", "return true if permissions_checks? ||"),
            (MUTATIONS + "form/form_user_create.rb", "context[:current_user]&.id.eql?(vals[:user_id])"),  # their own
            (MUTATIONS + "form/form_user_create.rb", "permitted?(module: :forms, permission: :can_create_form_user)"),
        ),
        permission="forms.can_create_form_user",
    ),
    "invitationCreate": _permitted(MUTATIONS + "entry_request/invitation_create.rb", "entry_request.can_invite_guest"),
    "loginUsernamePassword": Rule(((MUTATIONS + "login/login_username_password.rb", "def resolve(vals)"),), False),
    "manageShift": _permitted(MUTATIONS + "timesheet/manage_shift.rb", "timesheet.can_manage_shift"),
    "noteAssign": _permitted(MUTATIONS + "note/note_assign.rb", "note.can_assign_note"),
    "noteCreate": _permitted(MUTATIONS + "note/note_create.rb", "note.can_create_note"),
    "paymentPlanCreate": _permitted(
        MUTATIONS + "payment_plan/payment_plan_create.rb", "payment_plan.can_create_payment_plan"
    ),
    "transactionCreate": _permitted(
        MUTATIONS + "transaction/transaction_create.rb", "payment_records.can_create_transaction"
    ),
    "transactionRevert": _permitted(
        MUTATIONS + "transaction/transaction_revert.rb", "payment_records.can_revert_transaction"
    ),
    "userCreate": Rule(((MUTATIONS + "user/create.rb", "I18n.t('errors.unauthorized') unless current_user"),)),
    "userUpdate": Rule(
        (
            (MUTATIONS + "user/update.rb", "unless permissions_checks? || own_user?(vals)"),
            (MUTATIONS + "user/update.rb", "permitted?(module: :user, permission: :can_update_user_details)"),
            (MUTATIONS + "base_mutation.rb", "raise MutationArgumentError unless user_type"),  # the 500
        ),
        permission="user.can_update_user_details",
        defect="application.anonymous_update_crashes",
    ),
    "activityLogAdd": Rule(
        (
            (MUTATIONS + "activity_log/add.rb", "return true if context[:current_user]"),  # what the platform checks
            (QUERIES + "../../../policies/permissions.yml", "can_grant_entry"),  # who lets people in
        ),
        permission="entry_request.can_grant_entry",
        defect="application.gate_entry_by_anyone",
    ),
    "resetPasswordAfterLogin": Rule(
        (
            (MUTATIONS + "user/reset_password_after_login.rb", "users.find(vals[:user_id])"),  # and no check at all
            (MUTATIONS + "user/admin_reset_password.rb", "validate_authorization(:user, :can_reset_user_password)"),
        ),
        permission="user.can_reset_user_password",
        defect="application.password_takeover",
    ),
    "resetPassword": Rule(((MUTATIONS + "user/reset_password.rb", "users.find_by(email: email)"),), False),
    "loginEmail": Rule(((MUTATIONS + "login/login_email.rb", "users.find_any_via_email(vals[:email])"),), False),
    "allEventLogs": Rule(
        ((QUERIES + "event_log.rb", "role?(%i[security_guard admin security_supervisor])"),),
        user_types=("security_guard", "admin", "security_supervisor"),
    ),
    "communityUpdate": Rule(
        (
            (MUTATIONS + "community/community_update.rb", "permitted?(admin: true, module: :community,"),
            (MUTATIONS + "community/community_update.rb", "permission: :can_update_community_details)"),
            ("app/policies/policy/application_policy.rb", "(args[:admin] && user&.admin?)"),
        ),
        permission="community.can_update_community_details",
        or_admin=True,
    ),
    "currentUser": Rule(
        ((QUERIES + "user.rb", "raise GraphQL::ExecutionError, 'Must be logged in to perform this action'"),)
    ),
    "flaggedNotes": _permitted(QUERIES + "note.rb", "note.can_fetch_flagged_notes"),
    "formUser": Rule(
        (
            (QUERIES + "form.rb", "unless permitted?(module: :forms, permission: :can_view_form_user) ||"),
            (QUERIES + "form.rb", "Forms::FormUser.find_by(id: form_user_id)"),
        ),
        permission="forms.can_view_form_user",
    ),
    "formUserProperties": Rule(
        (
            (QUERIES + "form.rb", "unless form_permissions_check? || context[:current_user]&.id.eql?(user_id)"),
            (QUERIES + "form.rb", "permitted?(module: :forms, permission: :can_view_form_user_properties)"),
            (QUERIES + "form.rb", "Forms::FormUser.find_by(id: form_user_id).user_form_properties"),  # the 500
        ),
        permission="forms.can_view_form_user_properties",
        defect="application.missing_submission_crashes",
    ),
    "scheduledRequests": Rule(
        (
            (QUERIES + "entry_request.rb", "I18n.t('errors.unauthorized') unless can_view_entry_requests?"),
            (
                QUERIES + "helpers/entry_request.rb",
                "permitted?(module: :entry_request, permission: :can_view_entry_requests)",
            ),
        ),
        permission="entry_request.can_view_entry_requests",
    ),
    "task": _permitted(QUERIES + "note.rb", "note.can_fetch_task_by_id"),
    "timeSheetLogs": _timesheets("time_sheet_logs"),
    "userLastShift": _timesheets("user_last_shift"),
    "userSearch": Rule(
        (
            (
                QUERIES + "user.rb",
                "raise GraphQL::ExecutionError, I18n.t('errors.unauthorized') unless context[:current_user]",
            ),
        )
    ),
    "userTimeSheetLogs": _timesheets("user_time_sheet_logs", also_own=True),
    "userTransactions": Rule(
        (
            (QUERIES + "transaction.rb", "validate_user_permissions_for_transactions(:can_fetch_user_transactions)"),
            (QUERIES + "transaction.rb", "permitted?(module: :payment_records, permission: permission)"),
            (
                "app/graphql/types/query_type.rb",
                "context[:current_user]&.id == user_id || context[:current_user]&.admin?",
            ),
        ),
        permission="payment_records.can_fetch_user_transactions",
        user_types=("admin",),
    ),
    "paymentsList": Rule(
        (
            (QUERIES + "plan_payment.rb", "raise_unauthorized_error_for_plan_payments(:can_fetch_payments_list)"),
            (QUERIES + "plan_payment.rb", "permitted?(module: :plan_payment, permission: permission)"),
        ),
        permission="plan_payment.can_fetch_payments_list",
    ),
    "paymentReceipt": Rule(
        (
            (QUERIES + "plan_payment.rb", "user = verified_user(user_id)"),
            (
                "app/graphql/types/query_type.rb",
                "context[:current_user]&.id == user_id || context[:current_user]&.admin?",
            ),
        ),
        user_types=("admin",),
    ),
}


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[dict[str, str], tuple[str, ...]]]:
    """The matrix's rows: operation → (verdict per caller, the tags of its Examples block)."""
    outline = next(s for s in parse_file(str(FEATURE)).scenarios if s.name == MATRIX)
    rows: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {}
    for examples in outline.examples:
        for row in examples.table.rows:
            assert row["operation"] not in rows, f"{row['operation']} is in the matrix twice"
            verdicts = {caller: row[column] for column, caller in COLUMNS.items()}
            rows[row["operation"]] = (verdicts, tuple(examples.tags))
    return rows


@lru_cache(maxsize=1)
def holders() -> dict[str, set[str]]:
    """module.permission → the user types whose global role holds it, as the platform's rake task loads them."""
    rake = (SOURCE / "lib/tasks/add_permissions_to_global_roles.rake").read_text(encoding="utf-8")
    modules = set(re.search(r"valid_modules = %w\[(.*?)\]", rake, re.S).group(1).split())  # type: ignore[union-attr]
    roles = yaml.safe_load((SOURCE / "app/policies/permissions.yml").read_text(encoding="utf-8"))
    held: dict[str, set[str]] = {}
    for role, by_module in roles.items():
        for module, spec in (by_module or {}).items():
            if module in modules:
                for permission in (spec or {}).get("permissions") or []:
                    held.setdefault(f"{module}.{permission}", set()).add(role)
    return held


def verdict(rule: Rule, caller: str) -> str:
    """What the rule gives a caller: allowed or refused."""
    if caller == ANONYMOUS:
        return "refused" if rule.logged_in else "allowed"
    user_type = USER_TYPES[caller]
    allowed = (not rule.permission or user_type in holders().get(rule.permission, set())) and (
        not rule.user_types or user_type in rule.user_types
    )
    return "allowed" if allowed or (rule.or_admin and user_type == "admin") else "refused"


def suite_operations() -> set[str]:
    """The name of every operation in a GraphQL document written in the suite's code."""
    names: set[str] = set()
    for package in SUITE:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value.strip()
                    if not re.match(r"(mutation|query)\b", text):
                        continue
                    try:
                        document = parse(text)
                    except GraphQLSyntaxError:
                        continue
                    for definition in document.definitions:
                        names.update(s.name.value for s in definition.selection_set.selections)
    return names


def test_the_matrix_asks_about_every_operation_the_suite_uses_and_has_a_call_and_a_rule_for_each():
    rows = set(table())
    assert not suite_operations() - rows, f"operations the suite uses, not in the matrix: {suite_operations() - rows}"
    assert rows == set(PROBES) == set(RULES), (rows ^ set(PROBES), rows ^ set(RULES))


def test_every_rule_is_stated_in_the_platforms_source():
    missing = [
        f"{operation}: {file} does not say {text!r}"
        for operation, rule in RULES.items()
        for file, text in rule.says
        if text not in (SOURCE / file).resolve().read_text(encoding="utf-8")
    ]
    assert not missing, "\n".join(missing)


def test_mutations_tsv_names_the_same_permission_as_each_rule():
    with (PLATFORM / "mutations.tsv").open(encoding="utf-8", newline="") as handle:
        column = {row["mutation"]: row["permission"] for row in csv.DictReader(handle, delimiter="\t")}
    wrong = {
        operation: (column[operation], rule.permission)
        for operation, rule in RULES.items()
        if operation in column and column[operation] and not rule.defect and column[operation] != rule.permission
    }
    assert not wrong, f"mutations.tsv's permission, the rule's: {wrong}"
    unlisted = {
        op for op, rule in RULES.items() if op in column and not column[op] and rule.permission and not rule.defect
    }
    # where the column is empty (a check its extraction did not read: validate_authorization, a permitted? over two
    # lines), the rule's own source lines must name the permission
    unnamed = {op for op in unlisted if not any(RULES[op].permission.split(".")[1] in t for _f, t in RULES[op].says)}
    assert not unnamed, unnamed


def test_the_table_says_what_the_platforms_rules_give_each_caller():
    wrong = [
        f"{operation}, {caller}: the table says {said}, the rule gives {verdict(RULES[operation], caller)}"
        for operation, (verdicts, _tags) in table().items()
        for caller, said in verdicts.items()
        if said != verdict(RULES[operation], caller)
    ]
    assert not wrong, "\n".join(wrong)
    assert set(CALLERS) == set(COLUMNS.values())


def test_a_row_the_platform_gets_wrong_is_tagged_with_its_documented_defect_and_no_other_row_is():
    documented = defects.ledger()
    for operation, (_verdicts, tags) in table().items():
        rule = RULES[operation]
        assert tags == ((f"defect.{rule.defect}",) if rule.defect else ()), (operation, tags)
        assert not rule.defect or rule.defect in documented, f"{rule.defect} is not in docs/platform-defects.md"


def test_the_kits_community_gives_the_personas_the_global_roles():
    """The platform looks a person's role up in their community first (User#set_role): the kit's community
    must have no role of its own for the personas' user types, or permissions.yml would not be the rule."""
    community = yaml.safe_load((SOURCE / "app/policies/community_permissions.yml").read_text(encoding="utf-8"))
    assert not set(USER_TYPES.values()) & set(community.get(KIT_COMMUNITY) or {})


def test_every_call_of_the_matrix_is_valid_on_the_platforms_schema():
    schema = build_schema((PLATFORM / "schema.graphql").read_text(encoding="utf-8"))
    problems = {op: [e.message for e in validate(schema, parse(p.document))] for op, p in PROBES.items()}
    assert not {op: errors for op, errors in problems.items() if errors}
