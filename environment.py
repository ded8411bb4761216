"""behave hooks: thin on purpose, the work lives in prodready.suite (tested on its own)."""
from behave import register_type

from prodready import suite
from prodready.vocabulary import PARSE_TYPES

# Words the steps share ("the guard", "the admin's phone"), registered before steps load.
register_type(**PARSE_TYPES)


def before_all(context):
    suite.before_all(context)


def before_scenario(context, scenario):
    suite.before_scenario(context, scenario)


def after_scenario(context, scenario):
    suite.after_scenario(context, scenario)


def after_all(context):
    suite.after_all(context)
