"""An interrupt over the control channel cancels a long command as Ctrl-C does in the REPL:
the reply comes within 100 ms, the workspace is unchanged, the next cell runs."""
import os
import random
import time

from support import TIMEOUT, execute, kernel, outputs, shell_reply

ROWS = 1_000_000
FACTORS = 12


def write_enterprises(path, n=ROWS, k=FACTORS, seed=7):
    """The shape of /work/shared/bench/gen_enterprises.py's tables: name,industry,price,F1..Fk."""
    rng = random.Random(seed)
    industries = ["batteries", "retail", "saas", "apparel", "automotive"]
    with open(path, "w") as f:
        f.write("name,industry,price," + ",".join(f"F{j + 1}" for j in range(k)) + "\n")
        for i in range(n):
            scores = ",".join(str(rng.getrandbits(4) % 11) for _ in range(k))
            f.write(f"E{i:06d},{industries[i % 5]},{10 + rng.getrandbits(10) % 991},{scores}\n")


def test_interrupting_diff_nearest_on_a_million_rows(tmp_path):
    data = tmp_path / "enterprises.csv"
    write_enterprises(data)
    with kernel(cwd=tmp_path) as (km, kc):
        reply, _ = execute(kc, f'diff import "{data}"', timeout=600)
        assert reply["status"] == "ok", reply
        _, before = execute(kc, "enterprise show E000001 --json\nhistory --json")

        tasks = f"/proc/{km.provisioner.process.pid}/task"
        threads_before = len(os.listdir(tasks))
        msg_id = kc.execute("diff nearest --k 1")
        time.sleep(0.5)  # well into the search
        interrupt = kc.session.msg("interrupt_request", {})
        start = time.monotonic()
        kc.control_channel.send(interrupt)
        control = kc.get_control_msg(timeout=TIMEOUT)
        control_time = time.monotonic() - start
        reply = shell_reply(kc, msg_id)
        reply_time = time.monotonic() - start
        assert control["msg_type"] == "interrupt_reply"
        assert control["content"]["status"] == "ok"
        assert reply["content"]["status"] in ("error", "aborted")
        assert reply["content"].get("ename") == "Interrupted"
        print(f"interrupt_reply after {control_time * 1000:.1f} ms, execute_reply after {reply_time * 1000:.1f} ms")
        assert control_time < 0.1 and reply_time < 0.1
        # The search stopped and its thread ended (it is not left running in the background).
        assert len(os.listdir(tasks)) <= threads_before
        published = outputs(kc, msg_id)
        assert [t for t, _ in published] == ["execute_input", "error"]

        # The kernel is alive, the workspace as before (the interrupted command is not even in the
        # session's history), and the next cell runs.
        reply, after = execute(kc, "enterprise show E000001 --json\nhistory --json")
        assert reply["status"] == "ok"
        results = lambda outs: [c["data"]["application/vnd.valuebench+json"] for t, c in outs if t == "execute_result"]
        (shown_before, history_before), (shown_after, history_after) = results(before), results(after)
        assert shown_after == shown_before
        assert history_after == history_before + ["enterprise show E000001 --json"]
        assert not any(line.startswith("diff nearest") for line in history_after)
