"""Decoy: what `alembic revision --autogenerate` writes for the new column, kept as is: add it
NOT NULL, with no default. Wrong because the database must give every existing row a value
for a NOT NULL column, and nothing says which. On an empty table it goes through (a
developer's fresh database looks fine); once the table has rows, SQLite ("Cannot add a NOT
NULL column with default value NULL") and PostgreSQL alike refuse it. Autogenerate reads the
models, not the data.
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
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=False))

def downgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("priority")
