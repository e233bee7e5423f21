"""C9: counts the bottleneck tags of closed cliëntoverleggen per region for one quarter and
publishes a system signal for each tag that at least five cases share. Run once after each
quarter from cron (e.g. on the 2nd of January, April, July and October); safe to run twice: a
signal is updated, never added again. Without --quarter: the last finished quarter, in each
region's own time zone."""

import zoneinfo

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from aantafel.core.errors import DomainError
from aantafel.regions.models import Region

from ...services.bottlenecks import (
    bottleneck_signals_publish,
    checked_quarter,
    previous_quarter,
)


class Command(BaseCommand):
    help = "Publish signals of bottlenecks shared by at least five closed cliëntoverleggen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quarter",
            help="The quarter to count, e.g. 2026-Q4 (default: the last finished quarter).",
        )

    def handle(self, *args, **options):
        quarter = options.get("quarter")
        if quarter:
            try:
                quarter = checked_quarter(quarter)
            except DomainError as error:
                raise CommandError(str(error.message)) from error
        for region in Region.objects.order_by("slug"):
            today = timezone.localdate(timezone.now(), zoneinfo.ZoneInfo(region.timezone))
            counted = quarter or previous_quarter(today)
            signals = bottleneck_signals_publish(region=region, quarter=counted)
            self.stdout.write(f"{region.slug} {counted}: {len(signals)} signal(s) published")
