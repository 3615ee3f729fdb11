"""Where a client keeps its tokens, and how it says that a login is needed."""

from collections.abc import Callable


class AuthStore:
    """The tokens of one signed-in user, and the end of their session.

    ``logout()`` clears both tokens and signals that the user must log in again: it sets
    ``login_required`` and calls every ``on_logout`` callback (in a web client: the
    redirect to the login page). Nothing is sent to the server here: ending the session
    there is POST /auth/logout, which needs the refresh token this clears.
    """

    def __init__(self, *, on_logout: Callable[[], None] | None = None) -> None:
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.login_required = True  # nobody has logged in yet
        self._listeners: list[Callable[[], None]] = [on_logout] if on_logout else []

    def set_tokens(self, *, access_token: str, refresh_token: str) -> None:
        self.access_token = access_token
        self.refresh_token = refresh_token
        self.login_required = False

    def on_logout(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def logout(self) -> None:
        self.access_token = self.refresh_token = None
        self.login_required = True
        for listener in self._listeners:
            listener()
