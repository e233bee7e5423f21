def current_region(request):
    """The region a page is about: it sets the theme and the time zone of the page."""
    return {"region": getattr(request, "region", None)}
