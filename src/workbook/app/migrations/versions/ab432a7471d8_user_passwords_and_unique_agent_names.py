"""user passwords and unique agent names

Revision ID: ab432a7471d8
Revises: 781d570ffeaa
Create Date: 2026-11-28 07:48:44.847151

Users gain a password hash and an is_active flag; an owner's agents get unique names.
Users that exist before this revision get the hash "!", which no password matches: they
must set a password before they can log in.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "ab432a7471d8"
down_revision: str | Sequence[str] | None = "781d570ffeaa"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_agents_owner_id_name"), ["owner_id", "name"])

    with op.batch_alter_table("users", schema=None) as batch_op:
        # The server default fills existing rows, then goes: the model has none.
        batch_op.add_column(
            sa.Column("hashed_password", sa.String(length=255), nullable=False, server_default="!")
        )
        batch_op.add_column(sa.Column("is_active", sa.Boolean(), server_default=sa.true(), nullable=False))
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("hashed_password", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("is_active")
        batch_op.drop_column("hashed_password")

    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_agents_owner_id_name"), type_="unique")
