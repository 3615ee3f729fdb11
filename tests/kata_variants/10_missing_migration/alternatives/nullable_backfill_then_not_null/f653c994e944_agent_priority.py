"""Alternative: add the column nullable, fill it with an UPDATE, then make it NOT NULL: the
three-step pattern for a value that must be computed from each row, or filled in batches on
a big table. Right because every existing row has 0 before the constraint arrives, and batch
mode lets SQLite change the nullability (it copies the table).
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
    op.add_column("agents", sa.Column("priority", sa.Integer(), nullable=True))
    op.execute("UPDATE agents SET priority = 0")
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.alter_column("priority", existing_type=sa.Integer(), nullable=False)

def downgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("priority")
