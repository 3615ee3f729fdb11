"""agent priority

Revision ID: f653c994e944
Revises: 8e834660988d
Create Date: 2026-11-28 12:41:28.867139

Agents gain a priority (models.py): every agent has one, 0 unless set.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = 'f653c994e944'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        # NOT NULL on a table that has rows: the server default gives them their value.
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("priority")
