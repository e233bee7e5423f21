"""Queues again every e-mail with an advice (S4) that is still waiting after a failed attempt
or a lost task. Run every few minutes from cron; safe to run twice (mail.send sends once)."""

import datetime

from django.core.management.base import BaseCommand

from aantafel.advice import mail
from aantafel.advice.tasks import send_advice_mail


class Command(BaseCommand):
    help = "Retry e-mails with an advice that are still pending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=int(mail.RETRY_AFTER.total_seconds() // 60),
            help="Only mails untouched for at least this many minutes (default %(default)s).",
        )

    def handle(self, *args, **options):
        pending = list(mail.pending(older_than=datetime.timedelta(minutes=options["min_age"])))
        for mail_id in pending:
            send_advice_mail.enqueue(mail_id)
        self.stdout.write(f"{len(pending)} advice e-mail(s) queued again")
