from django.db import transaction
from django.utils.translation import gettext_lazy as _

from aantafel.audit.services import audit_created, audit_record, changes_between, snapshot
from aantafel.core.errors import DomainError
from aantafel.core.typing import Actor

from ..models import Body, Constituency, Membership, Seat, SeatRole
from ._checks import require_same_region

AUDITED = ["constituency", "label", "places"]


def _check_places(places: int) -> int:
    if places is None or int(places) < 1:
        raise DomainError(_("A seat has at least one place."), field="places")
    if int(places) > 100:
        raise DomainError(_("A seat has at most 100 places."), field="places")
    return int(places)


@transaction.atomic
def seat_create(
    *, actor: Actor, body: Body, constituency: Constituency, places: int = 1, label: str = ""
) -> Seat:
    """B4: places in the body's composition for one constituency or sector."""
    if constituency is None:
        raise DomainError(
            _("Choose the constituency or sector of this seat."), field="constituency"
        )
    require_same_region(constituency, body.region, field="constituency")
    places = _check_places(places)
    label = label.strip()
    if Seat.objects.filter(body=body, constituency=constituency, label=label).exists():
        raise DomainError(
            _(
                "This body already has a seat for this constituency. Change its number of places, or give the new seat a label."
            ),
            field="constituency",
        )
    seat = Seat.objects.create(
        region=body.region, body=body, constituency=constituency, label=label, places=places
    )
    audit_created(
        actor=actor, action="seat.create", target=seat, region=body.region, fields=AUDITED
    )
    return seat


@transaction.atomic
def seat_update(*, actor: Actor, seat: Seat, places: int, label: str | None = None) -> Seat:
    """B4: a seat cannot shrink below the number of holders it has now."""
    seat = Seat.objects.select_for_update().select_related("constituency").get(pk=seat.pk)
    before = snapshot(seat, AUDITED)
    places = _check_places(places)
    holders = Membership.objects.current().filter(seat=seat, seat_role=SeatRole.HOLDER).count()
    if places < holders:
        raise DomainError(
            _("This seat has %(count)s holders now; end a membership before you remove places.")
            % {"count": holders},
            field="places",
        )
    seat.places = places
    if label is not None:
        seat.label = label.strip()
    seat.save()
    changes = changes_between(before, snapshot(seat, AUDITED))
    if changes:
        audit_record(
            actor=actor, action="seat.update", target=seat, region=seat.region, changes=changes
        )
    return seat
