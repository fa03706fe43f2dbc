"""One engine: every example notebook, written by the REPL's `save`, executed by nbclient with
the kernel, gives the outputs it stores (text/plain and the typed JSON of each result, the code
and message of each error)."""
import copy
import pathlib
import shutil
import subprocess

from jupyter_client.kernelspec import KernelSpecManager

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "notebooks"
COMPARED = ("text/plain", "application/vnd.valuebench+json")


def essentials(outputs):
    """What must be equal: per output, its type and the compared parts."""
    kept = []
    for o in outputs:
        if o["output_type"] in ("execute_result", "display_data"):
            kept.append((o["output_type"], {m: o["data"][m] for m in COMPARED if m in o["data"]}))
        elif o["output_type"] == "error":
            kept.append(("error", o["ename"], o["evalue"]))
        elif o["output_type"] == "stream":
            kept.append(("stream", o["name"], o["text"]))
    return kept


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_the_kernel_reproduces_the_stored_outputs(path, tmp_path):
    stored = nbformat.read(path, as_version=4)
    executed = copy.deepcopy(stored)
    # allow_errors: cells tagged raises-exception are expected to fail, as the REPL recorded them.
    NotebookClient(executed, kernel_name="valuebench", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    compared = 0
    for before, after in zip(stored.cells, executed.cells):
        if before.cell_type != "code":
            continue
        assert essentials(after.outputs) == essentials(before.outputs), f"cell {before.get('id')}: {before.source}"
        compared += 1
    assert compared > 0
    # Jupyter stores the kernel's language_info: the same as the REPL's.
    assert executed.metadata.language_info == stored.metadata.language_info
    # And the REPL replays what Jupyter executed and wrote.
    shutil.copytree(NOTEBOOKS / "data", tmp_path / "data")
    nbformat.write(executed, tmp_path / path.name)
    binary = KernelSpecManager().get_kernel_spec("valuebench").argv[0]
    replay = subprocess.run([binary, "-c", f"replay {path.name}"], cwd=tmp_path, capture_output=True, text=True)
    assert replay.returncode == 0, replay.stdout + replay.stderr
