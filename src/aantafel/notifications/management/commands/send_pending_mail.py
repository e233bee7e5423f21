"""Queues again every e-mail that is still waiting after a failed attempt or a lost task.

Run every few minutes from cron. Safe to run any time: a delivery is sent at most once."""

import datetime

from django.core.management.base import BaseCommand

from aantafel.notifications.queries import deliveries_to_retry
from aantafel.notifications.tasks import send_delivery


class Command(BaseCommand):
    help = "Retry e-mail deliveries that are still pending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=10,
            help="Only deliveries untouched for at least this many minutes (default 10).",
        )

    def handle(self, *args, **options):
        pending = deliveries_to_retry(older_than=datetime.timedelta(minutes=options["min_age"]))
        for delivery_id in pending:
            send_delivery.enqueue(delivery_id)
        self.stdout.write(f"{len(pending)} delivery(ies) queued again")
