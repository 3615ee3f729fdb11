"""Alternative: add the column with a server default to fill the existing rows, then drop the
default, as the app's own ab432a7471d8 revision does for hashed_password. Right because the
rows get 0, and the schema then matches the model exactly (whose default is Python-side
only), so an INSERT that forgets the priority fails instead of quietly getting 0.
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
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.alter_column("priority", server_default=None)

def downgrade() -> None:
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_column("priority")
