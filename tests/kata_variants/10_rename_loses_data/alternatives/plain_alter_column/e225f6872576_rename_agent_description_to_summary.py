"""Alternative: op.alter_column(..., new_column_name=...) without batch mode. Right because a
rename is something SQLite's own ALTER TABLE can do (RENAME COLUMN, since 3.25), as
PostgreSQL's can: Alembic emits it directly. Batch mode is needed for what SQLite cannot
alter in place (types, nullability, constraints); the batch form stays the one that works
for every operation.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'e225f6872576'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.alter_column('agents', 'description', new_column_name='summary')


def downgrade() -> None:
    op.alter_column('agents', 'summary', new_column_name='description')
