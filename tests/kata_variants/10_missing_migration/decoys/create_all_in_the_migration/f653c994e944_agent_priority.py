"""Decoy: let the models create what is missing, `Base.metadata.create_all(op.get_bind())`.
Wrong because create_all creates tables that do not exist and never alters one that does (it
checks first): agents exists, so it gets no new column, with the changed model as with the
app's. It also bypasses the migration history: a table created that way has no downgrade.
"""

from collections.abc import Sequence

from alembic import op

from workbook.app.models import Base

# revision identifiers, used by Alembic.
revision: str = 'f653c994e944'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    Base.metadata.create_all(op.get_bind())


def downgrade() -> None:
    pass
