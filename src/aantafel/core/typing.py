"""Type names shared by services, queries and permissions."""

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aantafel.accounts.models import User

# Who does something: a person, or None for the system itself (the demo loader, a task).
Actor: TypeAlias = "User | None"
# Whoever asks to see something, logged in or not.
AnyUser: TypeAlias = "User | AnonymousUser"
