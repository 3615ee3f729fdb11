"""Settings read from the environment (prefix WORKBOOK_) or passed to create_app()."""

import secrets

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

IN_MEMORY_SQLITE = "sqlite+aiosqlite:///:memory:"
# "5/minute", "100 per hour", "10/2 seconds": what limits.parse accepts, checked here so a
# typo fails at start-up rather than on the first request.
RATE_LIMIT_PATTERN = r"^\s*\d+\s*(/|per)\s*(\d+\s*)?(second|minute|hour|day|month|year)s?\s*$"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WORKBOOK_")

    app_name: str = "Backend API Workbook — reference app"
    # SQLite in memory by default: every app instance starts with its own empty database.
    # postgresql+asyncpg://user@host:port/db runs the same app on PostgreSQL.
    database_url: str = IN_MEMORY_SQLITE
    # Create the tables at start-up. Real deployments run `alembic upgrade head` instead.
    create_schema: bool = True
    echo_sql: bool = False
    # Argon2id cost (pwdlib's defaults). Tests lower them: hashing is slow by design.
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    # How long the legacy scoring service takes to answer (chapter 03).
    legacy_delay_s: float = 0.1
    # The key that signs tokens (HS256). No secret is written in the code: unless
    # WORKBOOK_JWT_SECRET is set, every Settings instance draws a random one, so tokens of
    # one app instance mean nothing to another (and none survive a restart). 64 random
    # bytes: RFC 7518 wants at least the hash size (32 for HS256; PyJWT warns below it).
    jwt_secret: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_urlsafe(64)))
    access_token_ttl_s: int = 900  # 15 minutes
    # Broadcasts cross app instances through Redis pub/sub when set; otherwise they stay
    # in this process (chapter 06).
    redis_url: str | None = None
    refresh_token_ttl_s: int = 7 * 24 * 3600  # 7 days
    # OAuth login through an identity provider (chapter 07): where it is, who this app is
    # to it, and the callback URL registered there (matched exactly by the provider).
    oauth_idp_url: str = "http://idp.test"
    oauth_client_id: str = "workbook"
    oauth_redirect_uri: str = "http://live.test/auth/oauth/callback"
    oauth_login_ttl_s: int = 600  # how long a started login may take to come back
    # Monitoring (chapter 09). Traces go over OTLP/HTTP when this is set, e.g.
    # http://127.0.0.1:4318/v1/traces (a collector's, or Jaeger's); otherwise they stay
    # in the process, for whoever attaches an exporter (app.state.tracing.record_spans()).
    otlp_endpoint: str | None = None
    service_name: str = "workbook"

    # Chapter 08: security.
    # Origins (scheme://host[:port]) whose pages may call the API from a browser, cookies
    # included. Empty: no cross-origin access. Never "*": with credentials allowed,
    # Starlette then echoes whatever origin asks. From the environment, a JSON list:
    # WORKBOOK_CORS_ORIGINS='["https://app.example.com"]'.
    cors_origins: list[str] = []
    # The reverse proxies in front of the app (addresses, or networks such as 10.0.0.0/8).
    # X-Forwarded-For is believed only when the peer is one of them; empty: the peer's own
    # address is the client's, whatever the header says.
    trusted_proxies: list[str] = []
    # Rate limits in the `limits` notation ("N/second|minute|hour|day"), per user when the
    # request carries a valid access token, else per client address. Both doors to a
    # session (POST /auth/token and the pages' sign-in) share the login budget.
    rate_limit_login: str = Field(default="60/minute", pattern=RATE_LIMIT_PATTERN)
    rate_limit_search: str = Field(default="60/minute", pattern=RATE_LIMIT_PATTERN)
    # The session cookie of the HTML pages is sent over HTTPS only unless this is False
    # (plain-HTTP local development).
    session_cookie_secure: bool = True
    # Signs the CSRF tokens of the HTML forms (random per instance unless set, as above).
    csrf_secret: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_urlsafe(64)))
