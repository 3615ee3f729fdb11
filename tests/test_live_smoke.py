from workbook.live import LiveApp


async def test_live_app_serves_readiness_on_a_fresh_database(live: LiveApp):
    response = await live.client.get("/health/ready")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready", "database": "ok"}
    users = await live.client.get("/users/1")
    assert users.status_code == 404, f"a fresh database should hold no users, got {users.text}"
