"""Security building blocks: password hashing (and, later, tokens)."""
