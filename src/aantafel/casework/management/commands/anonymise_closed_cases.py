"""C8: anonymises every closed cliëntoverleg whose retention period is over. Run it daily."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from aantafel.casework.services.privacy import case_anonymise, cases_due_for_anonymisation
from aantafel.core.errors import ConflictError


class Command(BaseCommand):
    help = (
        "Anonymises every closed cliëntoverleg whose retention period (the region's "
        "case_retention_months since closing) is over: names, birth dates, addresses, e-mail "
        "addresses and all free text are overwritten, consents end, the case log keeps that it "
        "happened. Safe to run again: a case is anonymised once. Schedule it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the cases that are due; change nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        now = timezone.now()
        # Only the reference is read: nothing is decrypted to find the cases.
        due = list(cases_due_for_anonymisation(now).only("pk", "reference"))
        if dry_run:
            self.stdout.write(f"{len(due)} closed case(s) due for anonymisation.")
            return
        done = 0
        for case in due:
            try:  # each case in its own transaction: one refusal stops no other
                case_anonymise(actor=None, case=case, now=now)
            except ConflictError:  # anonymised meanwhile by a parallel run
                continue
            done += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"Anonymised {case.reference}.")
        self.stdout.write(self.style.SUCCESS(f"Anonymised {done} closed case(s)."))
