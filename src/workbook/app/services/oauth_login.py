"""Logging in through an identity provider: OAuth 2 authorization code with PKCE (chapter 07).

``begin`` makes a fresh ``state`` and ``code_verifier``, remembers the verifier under the
state, and gives the URL to send the browser to (with the verifier's S256 challenge).
``finish`` takes that pending login back by its state (once), redeems the code with the
verifier, asks the provider who signed in, and starts one of the app's own sessions for
the user with that verified email (made on first login).

That the state in the callback is the one *this browser* was given is checked by the route
(it holds the browser's cookie): this service cannot tell browsers apart.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import User
from workbook.app.security.pkce import new_code_verifier, new_state, s256_challenge
from workbook.app.security.tokens import utc_now
from workbook.app.services.auth import AuthService, TokenPair
from workbook.app.services.errors import Unauthorized
from workbook.app.services.identity_provider import IdentityProviderClient, ProviderIdentity

NO_PASSWORD = "!"  # not a hash: matches no password (AuthService treats it so)


@dataclass(frozen=True)
class PendingLogin:
    code_verifier: str
    expires_at: datetime


@dataclass(frozen=True)
class StartedLogin:
    state: str
    authorize_url: str


class PendingLogins:
    """Logins started and not yet back, by state. Kept in this process: with several
    workers they belong in a store they share (Redis or the database, with the same TTL)."""

    def __init__(self, *, ttl: timedelta, now: Callable[[], datetime] = utc_now) -> None:
        self.ttl = ttl
        self.now = now
        self._by_state: dict[str, PendingLogin] = {}

    def add(self, *, state: str, code_verifier: str) -> None:
        now = self.now()
        # Forget the abandoned ones, so the map cannot grow without end.
        self._by_state = {s: p for s, p in self._by_state.items() if p.expires_at > now}
        self._by_state[state] = PendingLogin(code_verifier=code_verifier, expires_at=now + self.ttl)

    def take(self, state: str) -> PendingLogin | None:
        """The login started with this state, once; None if unknown, taken or expired."""
        pending = self._by_state.pop(state, None)
        if pending is None or pending.expires_at <= self.now():
            return None
        return pending


class OAuthLoginService:
    def __init__(
        self, session: AsyncSession, *, auth: AuthService, idp: IdentityProviderClient, pending: PendingLogins
    ) -> None:
        self.session = session
        self.auth = auth
        self.idp = idp
        self.pending = pending

    def begin(self, *, login_hint: str | None = None) -> StartedLogin:
        state, verifier = new_state(), new_code_verifier()
        self.pending.add(state=state, code_verifier=verifier)
        url = self.idp.authorize_url(state=state, code_challenge=s256_challenge(verifier), login_hint=login_hint)
        return StartedLogin(state=state, authorize_url=url)

    async def finish(self, *, state: str, code: str) -> TokenPair:
        pending = self.pending.take(state)
        if pending is None:
            raise Unauthorized("login refused: no login was started with this state, or it expired")
        provider_token = await self.idp.redeem(code=code, code_verifier=pending.code_verifier)
        identity = await self.idp.identity(access_token=provider_token)
        user = await self._user_for(identity)
        return await self.auth.login(user=user)

    async def _user_for(self, identity: ProviderIdentity) -> User:
        """The user with the provider's email; a new one on first login. Only a verified
        email may name an account: anyone can type someone else's address at a provider."""
        if not identity.email_verified:
            raise Unauthorized("login refused: the identity provider has not verified this email")
        user = await self.session.scalar(select(User).where(User.email == identity.email))
        if user is None:
            user = User(email=identity.email, hashed_password=NO_PASSWORD)
            self.session.add(user)
            try:
                await self.session.commit()
            except IntegrityError:  # the same person's other tab made it first
                await self.session.rollback()
                user = await self.session.scalar(select(User).where(User.email == identity.email))
        if user is None or not user.is_active:
            raise Unauthorized("this account is disabled")
        return user
