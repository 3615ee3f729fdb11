"""Decoy: add summary, `UPDATE agents SET summary = description`, drop description; the
downgrade left as autogenerate wrote it. Wrong because only the upgrade carries the values
over: the downgrade drops summary and adds an empty description, so a rollback loses every
description.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'e225f6872576'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary', sa.Text(), nullable=True))
    op.execute("UPDATE agents SET summary = description")
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.drop_column('description')

def downgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.TEXT(), nullable=True))
        batch_op.drop_column('summary')
