"""Chapter 08's settings come from the environment (prefix WORKBOOK_), and a malformed rate
limit fails when the settings are read, not on the first request."""

import pytest
from pydantic import ValidationError

from workbook.app.config import Settings


def test_origins_proxies_and_limits_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("WORKBOOK_CORS_ORIGINS", '["https://app.example.com"]')
    monkeypatch.setenv("WORKBOOK_TRUSTED_PROXIES", '["10.0.0.0/8", "192.0.2.1"]')
    monkeypatch.setenv("WORKBOOK_RATE_LIMIT_LOGIN", "5/minute")
    monkeypatch.setenv("WORKBOOK_RATE_LIMIT_SEARCH", "100 per hour")
    settings = Settings()
    assert settings.cors_origins == ["https://app.example.com"]
    assert settings.trusted_proxies == ["10.0.0.0/8", "192.0.2.1"]
    assert (settings.rate_limit_login, settings.rate_limit_search) == ("5/minute", "100 per hour")


def test_the_defaults_allow_no_origin_and_trust_no_proxy():
    settings = Settings()
    assert settings.cors_origins == [] and settings.trusted_proxies == []
    assert settings.session_cookie_secure is True


@pytest.mark.parametrize("notation", ["5/minnute", "five/minute", "5", "/minute"])
def test_a_malformed_rate_limit_is_refused_at_start_up(notation):
    with pytest.raises(ValidationError, match="rate_limit_login"):
        Settings(rate_limit_login=notation)
