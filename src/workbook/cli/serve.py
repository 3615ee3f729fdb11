"""`workbook serve`: the reference app on a real local server, with Swagger UI."""


def run(host: str, port: int) -> int:
    import uvicorn

    print(f"Reference app on http://{host}:{port} (Swagger UI: http://{host}:{port}/docs). Ctrl-C stops it.", flush=True)
    uvicorn.run("workbook.app.main:create_app", factory=True, host=host, port=port)
    return 0
