"""`workbook serve`: the reference app on a real local server, with Swagger UI."""

import logging
import sys

DEFAULT_PORT = 8000  # `workbook doctor` checks that it is free


def run(host: str, port: int) -> int:
    import uvicorn

    from workbook.app.observability.logs import ROOT_LOGGER, send_json_logs_to

    print(f"Reference app on http://{host}:{port} (Swagger UI: http://{host}:{port}/docs). Ctrl-C stops it.", flush=True)
    # proxy_headers=False: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1
    # on its own; which proxies to trust is the app's setting (WORKBOOK_TRUSTED_PROXIES).
    # The app's JSON log lines (one per request, and the services' own) go to stdout.
    handler = send_json_logs_to(sys.stdout)
    try:
        uvicorn.run("workbook.app.main:create_app", factory=True, host=host, port=port, proxy_headers=False)
    finally:
        logging.getLogger(ROOT_LOGGER).removeHandler(handler)
    return 0
