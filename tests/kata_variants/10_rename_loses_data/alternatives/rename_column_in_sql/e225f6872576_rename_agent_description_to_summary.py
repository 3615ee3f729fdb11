"""Alternative: the rename in SQL, `ALTER TABLE agents RENAME COLUMN description TO summary`,
through op.execute. Right because SQLite (3.25 and later) and PostgreSQL both understand
that statement and keep the values; Alembic's alter_column says the same thing without
writing SQL by hand.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'e225f6872576'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE agents RENAME COLUMN description TO summary")


def downgrade() -> None:
    op.execute("ALTER TABLE agents RENAME COLUMN summary TO description")
