"""Sends each person one e-mail with the messages they chose to get as a daily digest.

Run once a day from cron. Safe to run twice: a person gets at most one digest per day."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from aantafel.notifications import services
from aantafel.notifications.tasks import send_delivery


class Command(BaseCommand):
    help = "Send today's digest e-mails (one per person per day)."

    def handle(self, *args, **options):
        pending = services.digests_prepare(on=timezone.localdate())
        for delivery_id in pending:
            send_delivery.enqueue(delivery_id)
        self.stdout.write(f"{len(pending)} digest(s) queued")
