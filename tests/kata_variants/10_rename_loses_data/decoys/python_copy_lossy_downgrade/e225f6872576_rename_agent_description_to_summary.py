"""Decoy: add summary, copy every description into it from Python (read the rows, write them
back one by one), then drop description; the downgrade left as autogenerate wrote it. Wrong
because the downgrade is still a drop + add: rolling back brings an empty description column
back and throws every summary away, the ones copied in and the ones written since. (The
upgrade is right, but slow: one UPDATE per row, through Python.)
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
    connection = op.get_bind()
    for agent_id, description in connection.execute(sa.text("SELECT id, description FROM agents")).all():
        connection.execute(
            sa.text("UPDATE agents SET summary = :summary WHERE id = :id"),
            {"summary": description, "id": agent_id},
        )
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.drop_column('description')

def downgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.TEXT(), nullable=True))
        batch_op.drop_column('summary')
