"""Alternative: the app's own route_template (what its logs and default labeller use).

Right because it is the route template, "<unmatched>" when no route matched; the logs and the metrics
then name routes alike.
"""

from starlette.types import Scope

from workbook.app.observability.routes import route_template


def route_label(scope: Scope) -> str:
    return route_template(scope)
