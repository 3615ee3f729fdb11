"""A Python client for the app's API with an auth store (chapter 07: the seed's authStore,
taught in Python).

    store = AuthStore(on_logout=lambda: print("please log in again"))
    store.set_tokens(access_token=..., refresh_token=...)
    api = ApiClient(httpx.AsyncClient(transport=live.transport(), base_url=BASE_URL), store)
    response = await api.get("/users/me")   # on 401: one refresh, one retry, or logout()
"""

from workbook.client.api_client import ApiClient, SessionExpired
from workbook.client.auth_store import AuthStore

__all__ = ["ApiClient", "AuthStore", "SessionExpired"]
