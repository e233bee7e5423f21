"""Queues again every e-mail about a signal (S1, S3) that is still waiting after a failed
attempt or a lost task.

Run every few minutes from cron. Safe to run any time, and twice: `feedback.send` locks the
record and sends a mail at most once, and `feedback.pending` leaves out what was sent, what
gave up after the last attempt and what was touched a moment ago (its task may still run)."""

import datetime

from django.core.management.base import BaseCommand

from aantafel.signals import feedback
from aantafel.signals.tasks import send_signal_mail


class Command(BaseCommand):
    help = "Retry e-mails about signals that are still pending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=int(feedback.RETRY_AFTER.total_seconds() // 60),
            help="Only mails untouched for at least this many minutes (default %(default)s).",
        )

    def handle(self, *args, **options):
        pending = list(feedback.pending(older_than=datetime.timedelta(minutes=options["min_age"])))
        for mail_id in pending:
            send_signal_mail.enqueue(mail_id)
        self.stdout.write(f"{len(pending)} signal e-mail(s) queued again")
