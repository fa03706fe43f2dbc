"""The public kernel conformance suite, jupyter_kernel_test, with the samples that apply.

code_hello_world is left empty: no command prints to stdout as a stream (results are
execute_result, as in the notebooks ValueBench writes).
"""
import unittest

import jupyter_kernel_test


class ValueBenchKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "valuebench"
    language_name = "valuebench"
    file_extension = ".vbench"

    # Commands that can run any number of times in one session (the suite repeats them).
    code_execute_result = [
        {"code": "set format table", "result": "Results are now printed as table."},
        {"code": "history --last 1", "mime": "application/vnd.valuebench+json"},
    ]
    code_generate_error = "enterprise show Nobody"
    completion_samples = [
        {"text": "enterprise l", "matches": {"list"}},
        {"text": "hel", "matches": {"help"}},
        {"text": "set format c", "matches": {"csv"}},
    ]
    complete_code_samples = ["help", 'enterprise add "Acme Corp"', "enterprise add Acme \\\n  --industry retail"]
    incomplete_code_samples = ['enterprise add "Acme', "enterprise add Acme \\"]
    invalid_code_samples = ['enterprise add "Acme\nhelp']
    code_inspect_sample = "enterprise add"
    code_history_pattern = "set format*"
    supported_history_operations = ("tail", "range", "search")


if __name__ == "__main__":
    unittest.main()
