"""B5, as a property: whatever terms people are added with, no day ever has more holders in a
seat than it has places, and every refusal names the seat."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from aantafel.bodies import services
from aantafel.bodies.models import Membership
from aantafel.bodies.services.memberships import MembershipTerms
from aantafel.core.errors import DomainError

from .. import factories as f

BASE = datetime.date(2024, 1, 1)
terms_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 60))), min_size=1, max_size=8
)


class SeatCapacityProperty(TestCase):
    @settings(max_examples=40, deadline=None)
    @given(places=st.integers(1, 3), attempts=terms_strategy)
    def test_b5_no_day_has_more_holders_than_places(self, places, attempts):
        region = f.RegionFactory()
        body = f.BodyFactory(region=region)
        seat = f.SeatFactory(body=body, places=places)
        admin = f.UserFactory()
        refused_fields = set()
        for start, length in attempts:
            begin = BASE + datetime.timedelta(days=start)
            end = None if length is None else begin + datetime.timedelta(days=length)
            try:
                services.membership_add(
                    actor=admin,
                    body=body,
                    user=f.UserFactory(),
                    terms=MembershipTerms(
                        role="member", start_date=begin, end_date=end, seat=seat, seat_role="holder"
                    ),
                )
            except DomainError as error:
                refused_fields.add(error.field)
        assert refused_fields <= {"seat"}
        holders = list(Membership.objects.filter(seat=seat))
        for offset in range(0, 130):
            day = BASE + datetime.timedelta(days=offset)
            assert sum(1 for m in holders if m.is_current(day)) <= places
