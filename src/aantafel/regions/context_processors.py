from functools import partial

from .permissions import is_region_member


def current_region(request):
    """The region a page is about: it sets the theme and the time zone of the page. The region's
    menu (bodies, search) is for its members; a family or a neighbour on a page of their
    cliëntoverleg sees the region's look without it. Read only when a template asks."""
    region = getattr(request, "region", None)
    member = partial(is_region_member, request.user, region) if region is not None else False
    return {"region": region, "region_member": member}
