"""agent priority

Revision ID: f653c994e944
Revises: 8e834660988d
Create Date: 2026-11-28 12:41:28.867139

Agents gain a priority (models.py): every agent has one, 0 unless set.
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401  (imported by the template, unused while empty)
from alembic import op  # noqa: F401


# revision identifiers, used by Alembic.
revision: str = 'f653c994e944'
down_revision: str | Sequence[str] | None = '8e834660988d'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
