"""Decoy: give the new column default=0, as the model does. Wrong because `default=` is a
Python-side default: SQLAlchemy fills it in on its own INSERTs, and it never reaches the
DDL. ALTER TABLE adds a NOT NULL column without a DEFAULT clause, which the rows already
there cannot satisfy (an empty table lets it through); a migration needs `server_default=`.
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
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=False, default=0))

def downgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("priority")
