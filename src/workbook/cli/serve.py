"""`workbook serve`: the reference app on a real local server, with Swagger UI."""


def run(host: str, port: int) -> int:
    import uvicorn

    print(f"Reference app on http://{host}:{port} (Swagger UI: http://{host}:{port}/docs). Ctrl-C stops it.", flush=True)
    # proxy_headers=False: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1
    # on its own; which proxies to trust is the app's setting (WORKBOOK_TRUSTED_PROXIES).
    uvicorn.run("workbook.app.main:create_app", factory=True, host=host, port=port, proxy_headers=False)
    return 0
