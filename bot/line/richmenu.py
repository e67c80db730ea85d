"""The rich menus: the member's and the coordinator's, as the Messaging API's rich menu objects.

Each area is a message action whose text is its label, so tapping it is the same as typing
it. LINE's limits: an image of 2500×843 (one row) or 2500×1686 (two rows), at most 20 areas,
a chat-bar text of at most 14 characters. `itabot demo` installs both on the fake LINE.
"""
from __future__ import annotations

from bot import texts

WIDTH = 2500
ROW_HEIGHT = 843


def menu(name: str, rows: tuple[tuple[str, ...], ...], selected: bool = False) -> dict:
    """A rich menu object: `rows` of labels, each row split into equal areas."""
    areas = []
    for number, labels in enumerate(rows):
        width = WIDTH // len(labels)
        for column, label in enumerate(labels):
            areas.append({"bounds": {"x": column * width, "y": number * ROW_HEIGHT, "width": width,
                                     "height": ROW_HEIGHT},
                          "action": {"type": "message", "label": label, "text": label}})
    return {"size": {"width": WIDTH, "height": ROW_HEIGHT * len(rows)}, "selected": selected, "name": name,
            "chatBarText": texts.RICH_MENU_BAR, "areas": areas}


def member_menu() -> dict:
    return menu("itabot-member", texts.RICH_MENU_MEMBER)


def coordinator_menu() -> dict:
    return menu("itabot-coordinator", texts.RICH_MENU_COORDINATOR)
