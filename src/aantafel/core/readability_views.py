"""The live reading-level indicator: the text of a client-facing field goes in, the indicator's
content comes out (an htmx fragment of components/readability.html)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .readability import assess

# A pasted book is cut here: the level of the first 100,000 characters is the level of the text.
MAX_CHARS = 100_000
FIELD_PARAMETER = "readability_field"


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def readability(request):
    """Permission: any logged-in user. Nothing is read or stored: it measures the text it is sent.

    The ReadabilityTextarea posts its whole form (so the form's CSRF token comes along) and names
    its own field in `readability_field`; anything else may send the text as `text`.
    """
    data = request.POST if request.method == "POST" else request.GET
    name = data.get(FIELD_PARAMETER) or "text"
    text = data.get(name, "")[:MAX_CHARS]
    return render(request, "components/readability.html#result", {"readability": assess(text)})
