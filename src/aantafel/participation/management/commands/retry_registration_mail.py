"""Queues again every mail of event registrations (P2: confirmations, waiting-list notices,
cancellations) still waiting after a failed attempt or a lost task. Run every few minutes from
cron; safe to run twice (mail.send sends each mail once)."""

import datetime

from django.core.management.base import BaseCommand

from aantafel.participation import mail
from aantafel.participation.tasks import requeue_pending


class Command(BaseCommand):
    help = "Retry e-mails of event registrations that are still pending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=int(mail.RETRY_AFTER.total_seconds() // 60),
            help="Only mails untouched for at least this many minutes (default %(default)s).",
        )

    def handle(self, *args, **options):
        count = requeue_pending(datetime.timedelta(minutes=options["min_age"]))
        self.stdout.write(f"{count} registration e-mail(s) queued again")
