"""Settings read from the environment (prefix WORKBOOK_) or passed to create_app()."""

import secrets

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

IN_MEMORY_SQLITE = "sqlite+aiosqlite:///:memory:"


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
