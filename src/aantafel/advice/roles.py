"""S4: who speaks for which constituency of a body, and who leads it. Plain reads, shared by
the services, the permissions' pages and the PDF."""

from aantafel.bodies.models import Constituency, Membership, MembershipRole
from aantafel.core.typing import Actor


def body_roles(actor: Actor, body_id: int) -> set[str]:
    """The roles the actor holds now in the body (chair, supporter, member, guest)."""
    if actor is None or not actor.is_authenticated:
        return set()
    return set(
        Membership.objects.current()
        .filter(body_id=body_id, user_id=actor.pk)
        .values_list("role", flat=True)
    )


def leads_body(actor: Actor, body_id: int) -> bool:
    """S4: the body's supporter or chair (they record views on behalf and give the advice)."""
    return bool(body_roles(actor, body_id) & {MembershipRole.CHAIR, MembershipRole.SUPPORTER})


def seat_constituencies(body_id: int) -> list[Constituency]:
    """S4: the constituencies that must have their say: those of the body's seats."""
    return list(Constituency.objects.filter(seats__body_id=body_id).distinct().order_by("name"))


def represented_by(actor: Actor, body_id: int) -> set[int]:
    """The constituencies (ids) the actor represents now in the body."""
    if actor is None or not actor.is_authenticated:
        return set()
    return set(
        Membership.objects.current()
        .filter(body_id=body_id, user_id=actor.pk, constituency__isnull=False)
        .values_list("constituency_id", flat=True)
    )
