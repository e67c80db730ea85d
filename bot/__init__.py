"""itabot: the LINE bot for Thai ITA coordinators.

The app is built by `bot.app.create_app`. The modules at this level (config, clock, db,
context, registry, permissions, audit, texts, thai) are the ground floor every handler
stands on: they import nothing from the subpackages above them. docs/architecture.md
has the map.
"""
