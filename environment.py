"""behave hooks: thin on purpose, the work lives in prodready.suite (tested on its own)."""
from prodready import suite, vocabulary

# The domain's words ("the guard", a quoted screen text) and case-insensitive step matching,
# installed before the step modules load.
vocabulary.install()


def before_all(context):
    suite.before_all(context)


def before_scenario(context, scenario):
    suite.before_scenario(context, scenario)


def after_scenario(context, scenario):
    suite.after_scenario(context, scenario)


def after_all(context):
    suite.after_all(context)
