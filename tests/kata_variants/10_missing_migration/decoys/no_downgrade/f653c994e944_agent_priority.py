"""Decoy: the right upgrade, and downgrade() left as `pass` ("we never go back"). Wrong because
`alembic downgrade -1` then records the previous revision while the column stays: the
database claims a schema it does not have, and the next `upgrade head` fails on a column
that already exists. Rolling back a bad deploy is exactly when a downgrade runs.
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
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    pass
