"""Helpers shared by the kernel tests: a kernel started by jupyter_client's KernelManager, and
one execute round trip with everything it published."""
import time
from contextlib import contextmanager

from jupyter_client.manager import KernelManager

TIMEOUT = 60


@contextmanager
def kernel(cwd=None, stderr=None):
    """A running ValueBench kernel (found through JUPYTER_PATH) and a blocking client."""
    km = KernelManager(kernel_name="valuebench")
    kwargs = {}
    if cwd:
        kwargs["cwd"] = str(cwd)
    if stderr is not None:
        kwargs["stderr"] = stderr
    km.start_kernel(**kwargs)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Runs `code`; returns (reply content, [(msg_type, content)] published for it until idle)."""
    msg_id = kc.execute(code, **kwargs)
    reply = shell_reply(kc, msg_id, timeout)
    return reply["content"], outputs(kc, msg_id, timeout)


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.01))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def outputs(kc, msg_id, timeout=TIMEOUT):
    got = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return got
            continue
        got.append((msg["msg_type"], msg["content"]))
