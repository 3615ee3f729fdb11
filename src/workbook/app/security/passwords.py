"""Password hashing with Argon2id (pwdlib): slow on purpose, salted, self-describing."""

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from workbook.app.config import Settings


def password_hasher(settings: Settings) -> PasswordHash:
    # The cost parameters live in the hash itself, so raising them later keeps old
    # hashes verifiable (and pwdlib's verify_and_update can rehash on login).
    return PasswordHash(
        (Argon2Hasher(time_cost=settings.argon2_time_cost, memory_cost=settings.argon2_memory_kib),)
    )
