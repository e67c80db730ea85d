"""Configuration from the environment, validated at start-up."""
import pytest

from bot.app import create_app
from bot.config import ConfigError


@pytest.mark.parametrize("env, message", [
    ({"LINE_CHANNEL_ACCESS_TOKEN": "t"}, "LINE_CHANNEL_SECRET is not set"),
    ({"LINE_CHANNEL_SECRET": "s"}, "LINE_CHANNEL_ACCESS_TOKEN is not set"),
    ({"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t", "ITABOT_NOW": "tomorrow"}, "ITABOT_NOW"),
    ({"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t", "LINE_API_BASE_URL": "api.line.me"},
     "LINE_API_BASE_URL"),
    ({"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t", "ITABOT_MODE": "debug"}, "ITABOT_MODE"),
])
def test_bad_settings_stop_start_up_naming_the_variable(monkeypatch, tmp_path, env, message):
    for name in ("LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN", "LINE_API_BASE_URL", "ITABOT_NOW", "ITABOT_MODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'c.sqlite3'}")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as error:
        create_app()
    assert message in str(error.value.code)
    assert "\n" not in str(error.value.code)


def test_itabot_now_freezes_the_clock_in_bangkok(monkeypatch, tmp_path):
    monkeypatch.setenv("ITABOT_NOW", "2025-04-29T23:30:00Z")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'c.sqlite3'}")
    app = create_app({"require_line_credentials": False})
    now = app.extensions["itabot.clock"].now()
    assert (now.date().isoformat(), str(now.tzinfo)) == ("2025-04-30", "Asia/Bangkok")
    from bot.app import shutdown

    shutdown(app)


def test_pythainlp_dictionary_is_loaded_at_start_up_not_on_the_first_message(monkeypatch, tmp_path):
    from bot import thai
    from bot.app import shutdown

    loaded = []
    monkeypatch.setattr(thai, "warm_up", lambda: loaded.append(True))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'w.sqlite3'}")
    app = create_app({"require_line_credentials": False})
    assert loaded == [True]
    shutdown(app)
