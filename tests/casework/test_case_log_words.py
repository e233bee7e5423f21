"""C8: the family reads who looked at or changed what, in their language. Every `what` the code
writes to the case log must be one of the words the catalog holds (casework.log.WHAT)."""

import re
from pathlib import Path

import aantafel.casework
from aantafel.casework.log import WHAT

SOURCE = Path(aantafel.casework.__file__).parent
# what="…" (services, the API) and @case_view("…") (pages), and a conditional what="…" if … else "…".
WRITTEN = re.compile(r'(?:what=|case_view\(\s*)"([^"]+)"(?:\s+if [^\n]+? else "([^"]+)")?')


def _written_words() -> set[str]:
    words: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for match in WRITTEN.finditer(path.read_text()):
            words.update(word for word in match.groups() if word)
    return words


def test_c8_every_case_log_word_is_translatable():
    written = _written_words()
    assert len(written) > 40  # the scan finds the pages and the services
    assert written <= WHAT, sorted(written - WHAT)


def test_c8_no_case_log_word_is_built_from_data():
    """An f-string would put values (and never match the catalog) into the family's log."""
    for path in SOURCE.rglob("*.py"):
        assert not re.search(r'what=f"', path.read_text()), path
