"""M9: reminds owners of their overdue actions. Run once a day from cron; safe to run twice
(one reminder per action per day at most, and `overdue_actions_to_remind` decides how often)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from aantafel.notifications import services
from aantafel.notifications.messages import Event
from aantafel.notifications.tasks import send_delivery


class Command(BaseCommand):
    help = "Send reminders of overdue actions to their owners."

    def handle(self, *args, **options):
        from aantafel.meetings.queries_follow_up import overdue_actions_to_remind
        from aantafel.meetings.services.outcomes import action_mark_reminded

        today = timezone.localdate()
        actions = list(overdue_actions_to_remind(today))
        pending: list[int] = []
        for action in actions:
            pending += services.event_fan_out(
                event=Event.ACTION_OVERDUE, object_id=action.pk, on=today
            )
        # Marked only once every reminder is on record: a crash in between repeats the loop,
        # and the deliveries' unique key keeps that from sending anything twice.
        action_mark_reminded(action_ids=[a.pk for a in actions], on=today)
        for delivery_id in pending:
            send_delivery.enqueue(delivery_id)
        self.stdout.write(f"{len(actions)} overdue action(s), {len(pending)} reminder(s) queued")
