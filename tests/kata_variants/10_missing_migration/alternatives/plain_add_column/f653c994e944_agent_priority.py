"""Alternative: op.add_column / op.drop_column without batch mode. Right because both are plain
ALTER TABLE statements that SQLite runs itself (ADD COLUMN always; DROP COLUMN since 3.35)
and PostgreSQL too; batch mode is needed for what SQLite's ALTER TABLE cannot do (change a
column's type or nullability, drop a constraint).
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
    op.add_column("agents", sa.Column("priority", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    op.drop_column("agents", "priority")
