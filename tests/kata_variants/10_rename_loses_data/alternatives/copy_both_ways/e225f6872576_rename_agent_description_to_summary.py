"""Alternative: add the new column, copy the values with one UPDATE, drop the old column, and
the same backwards in downgrade(). Right because every value crosses in both directions,
including those written after the upgrade; it is the pattern for changes that are more than
a rename (a new type, values transformed on the way), at the cost of rewriting every row.
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
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=True))
    op.execute("UPDATE agents SET description = summary")
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.drop_column('summary')
