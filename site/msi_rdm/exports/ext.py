"""The exports and citations feature: cached citations answered before the records resource."""


def finalize_api_app(app):
    """Answer cached citations of public records before the records resource loads them."""
    from .fastpath import cached_citation

    app.before_request(cached_citation)
