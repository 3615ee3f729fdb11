"""Decoy: the rename in upgrade(), downgrade() left as `pass`. Wrong because `alembic downgrade
-1` then records the previous revision while the column is still called summary: the
previous release, which reads description, fails on every agent query.
"""

from collections.abc import Sequence

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
    pass
