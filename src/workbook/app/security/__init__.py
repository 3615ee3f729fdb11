"""Security building blocks: password hashing, tokens, and chapter 08's defences (HTML
sanitising, CSRF tokens, rate limits, CORS options, security headers)."""
