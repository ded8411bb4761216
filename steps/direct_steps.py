"""What the screens refuse, sent to the server directly all the same: how the platform answered each way the
request was sent (the screen's own request posted directly, the platform's GraphQL operation). The steps that send
one are in the module of their area (payments_direct_steps.py, forms_submit_steps.py, tasks_assign_steps.py)."""

from behave import then


@then("the platform refused it, every way it was sent")
def step_refused_every_way(context):
    """The request just sent directly was refused every way it was sent (and it was sent at least one way).

    Example: Then the platform refused it, every way it was sent
    """
    assert context.notes["sent"].refused, f"the platform did not refuse it: {context.notes['sent']}"


@then("the platform took it, every way it was sent")
def step_took_every_way(context):
    """The request just sent directly was done every way it was sent.

    Example: Then the platform took it, every way it was sent
    """
    sent = context.notes["sent"]
    assert sent.answers and not any(a.refused for a in sent.answers), f"the platform refused it: {sent}"
