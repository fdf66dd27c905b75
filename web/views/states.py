"""States and territories named in the resolutions: a list with how many resolutions name each,
and a page per State listing them (/states/, /states/SYR/)."""

from dataclasses import dataclass

from django.db import connection
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from resolutions.models import Resolution
from resolutions.states import State, state

from .browse import resolution_list


@dataclass
class NamedState:
    """A State or territory, with how many resolutions name it."""

    state: State
    count: int
    url: str


def state_counts() -> dict[str, int]:
    """How many resolutions name each State, by alpha-3 code."""
    # The model's own table name, not input: nothing to escape.
    sql = f"SELECT code, count(*) FROM {Resolution._meta.db_table}, unnest(states) AS code GROUP BY code"  # noqa: S608, E501
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def states(request):
    named = [
        NamedState(found, count, reverse("resolutions:state", kwargs={"code": code}))
        for code, count in state_counts().items()
        if (found := state(code)) is not None
    ]
    named.sort(key=lambda item: item.state.sort_key)
    return render(request, "resolutions/states.html", {"states": named})


def state_resolutions(request, code: str):
    found = state(code)
    if found is None:
        raise Http404("No such State or territory")
    if code != found.code:
        return redirect("resolutions:state", code=found.code, permanent=True)
    return resolution_list(
        request,
        Resolution.objects.filter(states__contains=[found.code]),
        f"提及{found.zh}的决议",
        f"Resolutions naming {found.en}",
        parent=("国家和领土", "States and territories", reverse("resolutions:states")),
    )
