"""Logging in, and the refresh sessions behind it (chapter 07).

A login starts a *family* of refresh tokens. Each refresh ROTATES the token: the one
presented is revoked (``replaced_by`` names its successor) and a new pair is issued. A
revoked refresh token presented again is a replay, by a thief or by the owner of a stolen
copy, and nobody can tell which: so the whole family is revoked, and both must log in
again. Logout revokes the family too, on the server: a client deleting its tokens is not
a logout.
"""

import secrets
import uuid
import weakref
from dataclasses import dataclass

from pwdlib import PasswordHash
from pwdlib.exceptions import UnknownHashError
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession, User
from workbook.app.security.tokens import InvalidToken, TokenService
from workbook.app.services.errors import Unauthorized
from workbook.app.services.sessions import SessionRevoker, revoke_family, revoke_family_id

BAD_CREDENTIALS = "incorrect email or password"

# One dummy hash per hasher (same algorithm and cost as real hashes), made on first use.
_dummy_hashes: "weakref.WeakKeyDictionary[PasswordHash, str]" = weakref.WeakKeyDictionary()


def dummy_hash(hasher: PasswordHash) -> str:
    if hasher not in _dummy_hashes:
        _dummy_hashes[hasher] = hasher.hash(secrets.token_urlsafe(16))
    return _dummy_hashes[hasher]


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int  # seconds the access token lives


class AuthService:
    def __init__(
        self,
        session: AsyncSession,
        *,
        hasher: PasswordHash,
        tokens: TokenService,
        revoke_session: SessionRevoker = revoke_family,
    ) -> None:
        self.session = session
        self.hasher = hasher
        self.tokens = tokens
        self.revoke_session = revoke_session  # what logout does on the server

    async def authenticate(self, *, email: str, password: str) -> User:
        """The user with this email and password; Unauthorized otherwise.

        An unknown email costs one Argon2 verification, like a known one: without it the
        answer comes back faster and tells who has an account here.
        """
        # No stored email holds NUL (UserCreate refuses control characters), and
        # PostgreSQL cannot even compare text with one: such an email matches nobody.
        user = None if "\x00" in email else await self.session.scalar(select(User).where(User.email == email))
        # Verify first, in both cases: `user is None or not verify(...)` would skip the
        # verification for unknown emails, which is the very shortcut to avoid.
        matches = self._verify(password, None if user is None else user.hashed_password)
        if user is None or not matches:
            raise Unauthorized(BAD_CREDENTIALS)
        if not user.is_active:
            # Only said to someone who knows the password.
            raise Unauthorized("this account is disabled")
        return user

    def _verify(self, password: str, hashed: str | None) -> bool:
        if hashed is not None:
            try:
                return self.hasher.verify(password, hashed)
            except UnknownHashError:
                pass  # e.g. "!" (no password set yet): matches nothing, but costs the same
        self.hasher.verify(password, dummy_hash(self.hasher))
        return False

    async def login(self, *, user: User) -> TokenPair:
        """Start a new session (a new family of refresh tokens) for an authenticated user."""
        pair, _ = self._pair(user_id=user.id, family_id=uuid.uuid4().hex)
        await self.session.commit()
        return pair

    async def refresh(self, *, refresh_token: str) -> TokenPair:
        """Rotate: revoke this refresh token and issue a new pair in its family."""
        stored = await self._stored(refresh_token)
        user = await self.session.get(User, stored.user_id)
        if user is None or not user.is_active:
            await self._revoke_family(stored.family_id)
            raise Unauthorized("invalid refresh token")
        pair, new_jti = self._pair(user_id=stored.user_id, family_id=stored.family_id)
        # Revoke only if nobody revoked it first: two requests racing with one token must
        # not both rotate it. The WHERE makes check-and-revoke one atomic statement.
        rotated = await self.session.execute(
            update(RefreshSession)
            .where(RefreshSession.jti == stored.jti, RefreshSession.revoked_at.is_(None))
            .values(revoked_at=self.tokens.now(), replaced_by=new_jti)
        )
        if rotated.rowcount != 1:
            family_id = stored.family_id  # read it now: rollback expires every loaded object
            await self.session.rollback()
            await self._revoke_family(family_id)
            raise Unauthorized("refresh token reused: the session is revoked")
        await self.session.commit()
        return pair

    async def logout(self, *, refresh_token: str) -> None:
        """Revoke the session this refresh token belongs to (every token of its family)."""
        stored = await self._stored(refresh_token, reuse_is_an_error=False)
        await self.revoke_session(self.session, stored, self.tokens.now())
        await self.session.commit()

    async def _stored(self, refresh_token: str, *, reuse_is_an_error: bool = True) -> RefreshSession:
        try:
            claims = self.tokens.decode(refresh_token, expected_type="refresh")
        except InvalidToken:
            raise Unauthorized("invalid refresh token") from None
        stored = await self.session.get(RefreshSession, claims.jti)
        if stored is None or stored.user_id != claims.user_id or stored.family_id != claims.family_id:
            raise Unauthorized("invalid refresh token")
        if stored.revoked_at is not None and reuse_is_an_error:
            # Reuse detection: a revoked token is back. Revoke what its family still has.
            await self._revoke_family(stored.family_id)
            raise Unauthorized("refresh token reused: the session is revoked")
        return stored

    def _pair(self, *, user_id: int, family_id: str) -> tuple[TokenPair, str]:
        """A new access and refresh token; the refresh token's session is added (not yet
        committed). Returns the pair and the new refresh token's jti."""
        access = self.tokens.issue_access(user_id=user_id)
        refresh = self.tokens.issue_refresh(user_id=user_id, family_id=family_id)
        self.session.add(
            RefreshSession(jti=refresh.jti, user_id=user_id, family_id=family_id, expires_at=refresh.expires_at)
        )
        pair = TokenPair(
            access_token=access.token,
            refresh_token=refresh.token,
            expires_in=int(self.tokens.access_ttl.total_seconds()),
        )
        return pair, refresh.jti

    async def _revoke_family(self, family_id: str) -> None:
        await revoke_family_id(self.session, family_id, self.tokens.now())
        await self.session.commit()
