"""S2 as a property: whatever sequence of steps the supporter tries, a signal never reaches a
state the flow forbids, and its timeline always tells how it got where it is."""

import contextlib

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from aantafel.core.errors import DomainError
from aantafel.signals import services
from aantafel.signals.models import Signal, SignalEvent
from aantafel.signals.workflow import TRANSITIONS, SignalStatus

STEPS = ["move", "answer", "close", "publish", "table", "flag"]


@pytest.mark.django_db
def test_s2_no_sequence_of_steps_reaches_a_forbidden_state(region, region_admin, body):
    class Flow(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.signal = services.signal_submit_public(
                region=region, text="Ik wacht al maanden.", contact_email=""
            )

        def _try(self, call):
            with contextlib.suppress(DomainError):  # a ConflictError too: refused, nothing saved
                call()
            self.signal.refresh_from_db()

        @rule(status=st.sampled_from(SignalStatus.values), note=st.text(max_size=20))
        def move(self, status, note):
            self._try(
                lambda: services.signal_move(
                    actor=region_admin, signal=self.signal, status=status, note=note
                )
            )

        @rule(answer=st.sampled_from(["", "  ", "Het IROJ pakt dit op."]))
        def answer(self, answer):
            self._try(
                lambda: services.signal_answer(
                    actor=region_admin, signal=self.signal, answer=answer
                )
            )

        @rule(publishable=st.booleans(), summary=st.sampled_from(["", "Wachten duurt lang."]))
        def close(self, publishable, summary):
            self._try(
                lambda: services.signal_close(
                    actor=region_admin,
                    signal=self.signal,
                    publishable=publishable,
                    public_summary=summary,
                )
            )

        @rule()
        def table(self):
            self._try(
                lambda: services.signal_put_on_table(
                    actor=region_admin, signal=self.signal, body=body, title="Wachttijden"
                )
            )

        @rule()
        def flag(self):
            self._try(lambda: services.signal_flag_safety(actor=region_admin, signal=self.signal))

        @invariant()
        def never_closed_without_an_answer(self):
            if self.signal.status == SignalStatus.CLOSED:
                assert self.signal.answer.strip()

        @invariant()
        def the_timeline_tells_how_it_got_here(self):
            steps = list(
                self.signal.events.filter(kind=SignalEvent.Kind.STATUS).values_list(
                    "from_status", "to_status"
                )
            )
            current = SignalStatus.NEW
            for before, after in steps:
                assert before == current
                assert after in TRANSITIONS[before]
                current = after
            assert self.signal.status == current

        @invariant()
        def never_public_when_unsafe_or_unfinished(self):
            if self.signal.is_public_view_allowed:
                assert self.signal.status == SignalStatus.CLOSED
                assert not self.signal.safety_concern
                assert self.signal.public_summary.strip()

    run_state_machine_as_test(
        Flow,
        settings=settings(
            max_examples=40,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
    assert Signal.objects.filter(region=region).exists()
