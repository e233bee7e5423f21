"""manage.py load_demo: the demo regions, bodies and logins of `make run`. Safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aantafel.core.errors import DomainError
from aantafel.demo.loader import LoadResult, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data of both regions of the source documents (IROJ Limburg and "
        "Jeugdhulp Zuid-Limburg) and print the demo logins. Running it again adds only what "
        "is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet", action="store_true", help="Print nothing, not even the demo logins."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        talk = not options["quiet"] and options["verbosity"] > 0
        if talk:
            # Each new account's password is hashed at full strength: the first run takes a while.
            self.stdout.write("Loading the demo data…")
        try:
            result = load_demo()
        except DomainError as error:
            where = f" ({error.field})" if error.field else ""
            raise CommandError(f"The demo data break a rule{where}: {error.message}") from error
        if talk:
            self._report(result)

    def _report(self, result: LoadResult) -> None:
        if result.created:
            made = ", ".join(f"{count} {kind}" for kind, count in result.created.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already loaded; nothing to add."))
        rows = [
            ("E-mail", "Role", "Region"),
            *((r.email, r.role, r.regions) for r in result.logins),
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(2)]
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo logins"))
        for number, (email, role, regions) in enumerate(rows):
            line = f"  {email:<{widths[0]}}  {role:<{widths[1]}}  {regions}"
            self.stdout.write(self.style.MIGRATE_LABEL(line) if number == 0 else line)
        self.stdout.write("")
        self.stdout.write(
            f"Password of every demo account (the ones above and all other members): "
            f"{self.style.WARNING(result.password)}"
        )
