"""Domain errors. Services raise these; the API layer maps them to HTTP status codes."""


class DomainError(Exception):
    """Base of every error a service raises on purpose."""


class NotFound(DomainError):
    """The thing asked for does not exist (HTTP 404)."""


class Forbidden(DomainError):
    """The caller is known but may not do this, e.g. change another user's agent (HTTP 403)."""


class Conflict(DomainError):
    """The request contradicts what is stored (HTTP 409)."""


class Unauthorized(DomainError):
    """The caller is not authenticated: no, bad or expired credentials (HTTP 401)."""
