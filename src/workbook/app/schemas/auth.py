from typing import Literal

from pydantic import BaseModel


class TokenPublic(BaseModel):
    """What POST /auth/token and POST /auth/refresh answer (OAuth 2 token response)."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int  # seconds the access token lives


class RefreshRequest(BaseModel):
    refresh_token: str
