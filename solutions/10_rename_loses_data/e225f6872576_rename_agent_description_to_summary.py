"""rename agent description to summary

Revision ID: e225f6872576
Revises: 8e834660988d
Create Date: 2026-11-28 12:41:28.950574

An agent's description is now called its summary (models.py).
"""

from collections.abc import Sequence

from alembic import op


# revision identifiers, used by Alembic.
revision: str = 'e225f6872576'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A rename, not the drop + add autogenerate wrote: the column keeps its values.
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.alter_column('description', new_column_name='summary')


def downgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.alter_column('summary', new_column_name='description')
