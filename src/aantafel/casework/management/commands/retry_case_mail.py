"""Queues again every e-mail of the cliëntoverleg (notices of the intake, invitations with their
calendar entry, the agreed work plan) still waiting after a failed attempt or a lost task. Run
every few minutes from cron; safe to run twice (each mail is sent once)."""

from django.core.management.base import BaseCommand

from aantafel.casework.tasks import requeue_pending


class Command(BaseCommand):
    help = "Retry e-mails of the cliëntoverleg that are still pending."

    def handle(self, *args, **options):
        self.stdout.write(f"{requeue_pending()} e-mail(s) of the cliëntoverleg queued again")
