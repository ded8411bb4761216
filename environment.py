"""behave hooks: thin on purpose, the work lives in prodready.run.hooks (behave fixtures, tested on
their own). behave.ini names prodready's runner, which checks the run before these hooks run."""

from prodready.run import hooks
from prodready.scenario import vocabulary

# The domain's words ("the guard", a quoted screen text) and case-insensitive step matching,
# installed before the step modules load.
vocabulary.install()


def before_all(context):
    hooks.before_all(context)


def before_scenario(context, scenario):
    hooks.before_scenario(context, scenario)


def after_scenario(context, scenario):
    hooks.after_scenario(context, scenario)
