"""Decoy: add summary and copy the descriptions into it, but never drop description ("dropping
is how data gets lost"). Wrong because the database then has a column the models do not:
`alembic check` reports it from now on, and the two columns drift apart, since the app
writes only summary.
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


def downgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.drop_column('summary')
