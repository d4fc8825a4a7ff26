from __future__ import annotations

import numpy as np
import pytest

from kapcompanion.audio.envelope import AmbientEnvelope


def test_fades_in_over_three_seconds_and_out_over_four() -> None:
    env = AmbientEnvelope(60.0, 0.5)
    assert env.at(0.0) == 0.0
    assert env.at(1.5) == pytest.approx(0.25)
    assert env.at(3.0) == pytest.approx(0.5)
    assert env.at(30.0) == pytest.approx(0.5)
    assert env.at(58.0) == pytest.approx(0.25)
    assert env.at(60.0) == 0.0


def test_short_practice_shares_the_fades() -> None:
    env = AmbientEnvelope(3.5, 1.0)
    assert env.at(1.5) == pytest.approx(1.0)
    assert env.at(0.75) == pytest.approx(0.5)
    assert env.at(3.5) == 0.0


def test_ducks_about_nine_db_with_ramps_while_voice_plays() -> None:
    env = AmbientEnvelope(60.0, 1.0, [(10.0, 14.0)])
    assert 20 * np.log10(env.at(12.0)) == pytest.approx(-9.0, abs=0.01)
    assert env.at(9.6) == pytest.approx(1.0)  # ramp starts 300 ms before the voice
    assert env.at(14.4) == pytest.approx(1.0)  # and is back 300 ms after
    assert 0.36 < env.at(9.85) < 1.0
    assert env.ducked(12.0) and not env.ducked(20.0)


def test_close_voice_clips_stay_ducked_between() -> None:
    env = AmbientEnvelope(60.0, 1.0, [(10.0, 12.0), (12.4, 15.0)])
    assert env.at(12.2) == pytest.approx(env.at(11.0))


def test_voice_at_start_is_ducked_from_the_first_moment() -> None:
    env = AmbientEnvelope(60.0, 1.0, [(0.0, 5.0)])
    assert env.at(3.0) == pytest.approx(10 ** (-9 / 20))


def test_vector_matches_scalar() -> None:
    env = AmbientEnvelope(40.0, 0.3, [(0.0, 2.0), (10.0, 14.0), (30.0, 38.5)])
    t = np.linspace(-1, 41, 5001)
    assert np.allclose(env.over(t), [env.at(x) for x in t], atol=1e-6)


def test_apply_in_place_equals_the_vector_of_gains() -> None:
    import numpy as np

    env = AmbientEnvelope(60.0, 0.5, [(10.0, 12.5), (12.6, 14.0), (40.0, 41.0)])
    rate = 1000
    for t0 in (0.0, 2.5, 9.6, 12.0, 30.0, 39.9, 55.0):
        n = 5 * rate
        buf = np.ones((n, 2), dtype=np.float32)
        env.apply(buf, t0, rate)
        want = env.over(t0 + np.arange(n) / rate)
        np.testing.assert_allclose(buf[:, 0], want, atol=1e-6)
        np.testing.assert_allclose(buf[:, 1], want, atol=1e-6)
