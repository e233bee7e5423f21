"""C9: anonymous bottleneck tags of closed cases, counted per quarter and region, reach the
policy table as system signals — but only when at least MIN_CASES cases share a tag, so that no
signal can point at one family.

A signal says how many cases named which bottleneck in which quarter, and nothing else: no
reference, no date, no word of any family. There is one signal per tag, quarter and region
(`system_key`); counting again updates its text instead of adding another, so the command that
publishes them can run as often as it likes.
"""

import datetime
import re
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aantafel.audit.services import audit_record
from aantafel.core.errors import DomainError
from aantafel.regions.models import Region
from aantafel.signals.models import Signal, SignalEvent, SignalSource
from aantafel.signals.services._common import checked_text, lock, record

from ..models import Bottleneck, CaseBottleneck

# C9: a tag becomes a signal only when at least this many closed cases share it.
MIN_CASES = 5

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def quarter_of(moment: datetime.datetime, tz_name: str) -> str:
    """The quarter of a moment in the region's time zone, as "2026-Q4": a case closed on
    1 January at 00:30 in Brussels belongs to Q1, though it is still 31 December in UTC."""
    local = timezone.localtime(moment, zoneinfo.ZoneInfo(tz_name))
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def previous_quarter(day: datetime.date) -> str:
    """The last finished quarter before the quarter of `day`."""
    quarter = (day.month - 1) // 3 + 1
    if quarter == 1:
        return f"{day.year - 1}-Q4"
    return f"{day.year}-Q{quarter - 1}"


def checked_quarter(quarter: str) -> str:
    quarter = (quarter or "").strip().upper()
    if not _QUARTER.match(quarter):
        raise DomainError(
            _("Give the quarter as year and quarter, for example 2026-Q4."),
            field="quarter",
            code="invalid",
        )
    return quarter


def bottleneck_counts(*, region: Region, quarter: str) -> list[tuple[str, int]]:
    """C9: how many closed cases of the region named each bottleneck in the quarter, most
    first. Every tag is counted, also below the threshold: this is for the service itself;
    only `bottleneck_signals_publish` carries counts to the policy level."""
    quarter = checked_quarter(quarter)
    rows = (
        CaseBottleneck.objects.filter(region=region, quarter=quarter)
        .values("tag")
        .annotate(cases=Count("case", distinct=True))
        .order_by("-cases", "tag")
    )
    return [(row["tag"], row["cases"]) for row in rows]


def system_key(tag: str, quarter: str) -> str:
    return f"casework:{tag}:{quarter}"


def signal_text(*, tag: str, quarter: str, count: int) -> str:
    """The words of the signal, in the platform's language (signals are stored as typed)."""
    with translation.override(settings.LANGUAGE_CODE):
        label = str(Bottleneck(tag).label) if tag in Bottleneck.values else tag
        return _(
            "In %(quarter)s, %(count)s cliëntoverleggen in this region named “%(bottleneck)s” "
            "as a bottleneck."
        ) % {"quarter": quarter, "count": count, "bottleneck": label}


@transaction.atomic
def bottleneck_signals_publish(*, region: Region, quarter: str) -> list[Signal]:
    """C9: one system signal per bottleneck that at least MIN_CASES closed cases of the region
    named in the quarter; created as a new signal (status NEW, on its timeline like any other),
    or, when counted before, its text updated to the new count. A tag below the threshold makes
    no signal and leaves an existing one as it is. Returns the signals created or updated."""
    quarter = checked_quarter(quarter)
    changed: list[Signal] = []
    for tag, count in bottleneck_counts(region=region, quarter=quarter):
        if count < MIN_CASES:
            continue
        key = system_key(tag, quarter)
        text = checked_text(signal_text(tag=tag, quarter=quarter, count=count))
        existing = Signal.objects.filter(region=region, system_key=key).first()
        if existing is None:
            signal = Signal.objects.create(
                region=region, text=text, source=SignalSource.SYSTEM, system_key=key
            )
            record(signal, SignalEvent.Kind.SUBMITTED, actor=None, to_status=signal.status)
            # As every new signal: the audit names no person and holds no text.
            audit_record(
                actor=None,
                action="signal.submit",
                target=signal,
                region=region,
                changes={"source": [None, SignalSource.SYSTEM]},
            )
            changed.append(signal)
            continue
        signal = lock(existing)
        if signal.text == text:
            continue
        signal.text = text
        signal.save(update_fields=["text", "updated_at"])
        record(signal, SignalEvent.Kind.NOTE, actor=None, note=text)
        changed.append(signal)
    return changed
