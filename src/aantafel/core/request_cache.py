def per_request(user, name: str) -> dict:
    """A dict that lives as long as this user object, i.e. one request: permission checks ask the
    same question several times per page and should hit the database once."""
    target = getattr(user, "_wrapped", user)  # request.user is a lazy wrapper around the user
    return target.__dict__.setdefault(f"_cache_{name}", {})
