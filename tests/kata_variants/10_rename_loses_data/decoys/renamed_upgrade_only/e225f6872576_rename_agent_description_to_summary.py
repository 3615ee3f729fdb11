"""Decoy: the upgrade rewritten as a rename, the downgrade left as autogenerate wrote it. Wrong
because the downgrade still drops summary and adds description empty: the upgrade keeps the
data, the rollback destroys it, and a rollback is the one migration nobody tries before
production needs it.
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
        batch_op.alter_column('description', new_column_name='summary')

def downgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.TEXT(), nullable=True))
        batch_op.drop_column('summary')
