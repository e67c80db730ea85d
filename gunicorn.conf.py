"""gunicorn, sized for this project's 2-core machines: `itabot serve` uses it, and so does
`gunicorn -c gunicorn.conf.py wsgi:app`. Values can be changed by the environment (GUNICORN_*).

Each worker builds its own app (no preload: database pools and LINE connections are not shared
across a fork) and runs its own outbox thread, which sends again replies LINE did not take.
Bodies over 1 MiB are refused by the app itself (Flask's MAX_CONTENT_LENGTH) from their
Content-Length, before they are read; behind the reverse proxy (docs/deploy.md), slow clients are
buffered there and never hold a worker.
"""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gthread: a LINE webhook waits on the database and on LINE's reply API, not on the CPU.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", 8))
timeout = 30  # a worker silent this long is restarted; a webhook takes milliseconds
graceful_timeout = 20
keepalive = 5  # LINE reuses connections
limit_request_line = 8190
limit_request_fields = 50
limit_request_field_size = 8190
max_requests = 20000  # recycle workers now and then, staggered
max_requests_jitter = 2000
accesslog = None  # the app logs what matters, by webhookEventId; no user ids in access logs
errorlog = "-"


def post_worker_init(worker):
    from bot.web.serve import start_resending  # noqa: PLC0415 - gunicorn loads this file before the app

    start_resending(worker.wsgi)
