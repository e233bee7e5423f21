"""P2: capacity is never exceeded, also when many people register, or cancel, at the same moment.

Real PostgreSQL, real transactions: each thread has its own database connection (closed when the
thread is done) and all of them start at once behind a barrier. The event's row lock makes them
take turns; without it, several would count the same free place.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connections

from aantafel.audit.models import AuditEvent
from aantafel.core.errors import ConflictError
from aantafel.participation import links, mail
from aantafel.participation.models import AudienceType, Registration, RegistrationMail
from aantafel.participation.services import events as services

from .factories_events import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)

CAPACITY = 5
THREADS = 20


def at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Runs work(0) … work(count - 1) in `count` threads that start together; returns what each
    returned, or the ConflictError it raised. Any other error fails the test."""
    barrier = threading.Barrier(count)

    def run(i: int) -> Any:
        try:
            barrier.wait(timeout=60)
            try:
                return work(i)
            except ConflictError as error:
                return error
        finally:
            connections.close_all()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def register(event, i: int) -> Registration:
    return services.registration_submit(
        event=event,
        name=f"Deelnemer {i}",
        email=f"deelnemer{i}@voorbeeld.example",
        audience=AudienceType.YOUNG_PERSON if i % 2 else AudienceType.PARENT,
        accessibility_needs="",
    )


def statuses(event) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in Registration.objects.filter(event=event).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def test_p2_capacity_is_never_exceeded_when_twenty_register_at_the_same_moment(region, mailoutbox):
    event = EventFactory(region=region, capacity=CAPACITY)
    results = at_once(THREADS, lambda i: register(event, i))
    assert all(isinstance(r, Registration) for r in results)  # no error, no refusal
    assert statuses(event) == {"confirmed": CAPACITY, "waiting": THREADS - CAPACITY}
    assert sorted(r.status for r in results).count("confirmed") == CAPACITY
    kinds = sorted(RegistrationMail.objects.values_list("kind", flat=True))
    assert kinds.count(mail.CONFIRMATION) == CAPACITY
    assert kinds.count(mail.WAITING) == THREADS - CAPACITY
    assert len(mailoutbox) == THREADS


def test_p2_every_place_freed_by_cancellations_at_the_same_moment_is_filled_exactly_once(
    region, mailoutbox
):
    event = EventFactory(region=region, capacity=CAPACITY)
    people = [register(event, i) for i in range(CAPACITY + 10)]  # one after another
    confirmed, waiting = people[:CAPACITY], people[CAPACITY:]
    mailoutbox.clear()

    results = at_once(
        CAPACITY, lambda i: services.registration_cancel(key=links.token_for(confirmed[i]))
    )

    assert all(isinstance(r, Registration) for r in results)
    assert statuses(event) == {"cancelled": CAPACITY, "confirmed": CAPACITY, "waiting": 5}
    # The first five of the waiting list moved up, in the order they registered; each once.
    moved_up = Registration.objects.filter(event=event, promoted_at__isnull=False)
    assert sorted(r.pk for r in moved_up) == sorted(r.pk for r in waiting[:CAPACITY])
    assert AuditEvent.objects.filter(action="registration.promote").count() == CAPACITY
    promoted_mails = RegistrationMail.objects.filter(kind=mail.PROMOTED)
    assert sorted(promoted_mails.values_list("registration_id", flat=True)) == sorted(
        r.pk for r in waiting[:CAPACITY]
    )


def test_p2_a_cancel_link_used_at_the_same_moment_in_several_tabs_cancels_once(region):
    event = EventFactory(region=region, capacity=1)
    first = register(event, 0)
    waiting = [register(event, i) for i in (1, 2)]
    token = links.token_for(first)

    results = at_once(4, lambda i: services.registration_cancel(key=token))

    assert sum(isinstance(r, Registration) for r in results) == 1
    assert [r.code for r in results if isinstance(r, ConflictError)] == ["already_cancelled"] * 3
    assert statuses(event) == {"cancelled": 1, "confirmed": 1, "waiting": 1}
    assert Registration.objects.get(pk=waiting[0].pk).status == "confirmed"
