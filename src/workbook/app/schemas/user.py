from pydantic import BaseModel, ConfigDict, Field

from workbook.app.schemas.text import SingleLineText


class UserCreate(BaseModel):
    # One @, no spaces, no control characters.
    email: str = Field(min_length=3, max_length=320, pattern=r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+$")
    full_name: SingleLineText = Field(default="", max_length=200)
    password: str = Field(min_length=8, max_length=128)


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    full_name: str
