"""`mkdocs serve`, as `make serve` runs it, in a subprocess on a free port of 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_SECONDS = 120  # a first build on two shared cores, other suites running


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    """Status and text of `url`; a request that hangs fails the test after `timeout`."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(condition: Callable[[], bool], seconds: float = 90) -> None:
    """Poll until `condition` holds (a rebuild under serve takes a few seconds)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the served site did not change in time"
        time.sleep(0.3)


@contextmanager
def mkdocs_serve(root: Path, **env_extra: str) -> Iterator[str]:
    """Serve the site at `root` as `make serve` does (`--dirty`); yield its address. The
    server runs in a process group of its own, ended whole when the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_extra}
    env.pop("SITE_URL", None)
    log = (root / "serve.log").open("w")
    process = subprocess.Popen(
        [*command, f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _answers(url):
            assert process.poll() is None, (root / "serve.log").read_text("utf-8")
            assert time.monotonic() < deadline, "mkdocs serve did not start in time"
            time.sleep(0.3)
        yield url
    finally:
        _end(process)
        log.close()


def _end(process: subprocess.Popen) -> None:
    """Ends the server's process group: politely, then for good."""
    for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break  # already gone
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue


def _answers(url: str) -> bool:
    try:
        fetch(url, timeout=2)
    except OSError:
        return False
    return True
