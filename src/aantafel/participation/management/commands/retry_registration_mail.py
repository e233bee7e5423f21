"""Queues again every mail of participation still waiting (P2: confirmations, waiting-list
notices, cancellations; P4 and P5: receipts, responses, withdrawal links; safety concerns) after a failed attempt or a lost task. Run every few minutes
from cron; safe to run twice (mail.send sends each mail once)."""

import datetime

from django.core.management.base import BaseCommand

from aantafel.participation import mail
from aantafel.participation.tasks import requeue_pending


class Command(BaseCommand):
    help = "Retry e-mails of participation (registrations, ideas, stories, safety concerns) that are still pending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=int(mail.RETRY_AFTER.total_seconds() // 60),
            help="Only mails untouched for at least this many minutes (default %(default)s).",
        )

    def handle(self, *args, **options):
        count = requeue_pending(datetime.timedelta(minutes=options["min_age"]))
        self.stdout.write(f"{count} participation e-mail(s) queued again")
