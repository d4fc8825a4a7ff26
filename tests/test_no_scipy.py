"""Issue 22: the app runs on NumPy alone — SciPy and pyloudnorm are for the tests only.

SciPy (with its own OpenBLAS and Fortran runtime, and numpy.testing, unittest and pydoc
for its array-API layer) put 85 MB into the bundle; pyloudnorm imports it. No module of
the package may import either, at the top, inside a function or under TYPE_CHECKING.
"""

from __future__ import annotations

import subprocess
import sys

from tests.import_graph import imported, modules

TEST_ONLY = ("scipy", "pyloudnorm")


def test_no_module_of_the_package_imports_scipy_or_pyloudnorm() -> None:
    found = [
        f"{name}:{line} imports {target}"
        for name in modules()
        for target, line in imported(name)
        if target.split(".")[0] in TEST_ONLY
    ]
    assert found == []


def test_measuring_and_limiting_load_neither() -> None:
    code = (
        "import sys, numpy as np\n"
        "from kapcompanion.audio.loudness import Limiter, StreamMeter\n"
        "from kapcompanion.core.bs1770 import integrated_loudness\n"
        "import kapcompanion.audio.render, kapcompanion.core.cliplevel\n"
        "x = np.random.default_rng(0).standard_normal((48000, 2)).astype(np.float32)\n"
        "m = StreamMeter(48000, 2); m.feed(x); m.integrated(); integrated_loudness(x, 48000)\n"
        "Limiter(48000, 0.5).apply(x, 2401, 48000 - 4802)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {TEST_ONLY!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
