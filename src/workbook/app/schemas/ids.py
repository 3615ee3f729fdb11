"""Row ids as clients send them (path and query parameters).

A primary key is an INTEGER column: 32 bits on PostgreSQL, 64 on SQLite. A larger number
is no id of any row, but left unchecked it reaches the database driver, which cannot even
send it (SQLite's raises OverflowError, asyncpg refuses a value out of int32 range): a 500
for a mistyped URL. The bounds turn it into the 422 of any other invalid parameter, and
the OpenAPI document says what an id can be (the fuzz run found the 500).
"""

from typing import Annotated

from annotated_types import Ge, Le

MAX_ROW_ID = 2**31 - 1  # PostgreSQL's INTEGER

RowId = Annotated[int, Ge(1), Le(MAX_ROW_ID)]
