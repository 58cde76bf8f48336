#!/usr/bin/python3
"""What a window manager would do to the app's window, for the e2e suites (Debian's python3-xlib).

  xwin.py close TITLE   ask the window titled TITLE to close, as its title bar's close button does
                        (a WM_DELETE_WINDOW message: the app decides whether to hide or quit)
  xwin.py state TITLE   print {"found", "viewable", "focused"} for that window as JSON

Xvfb runs no window manager, so this stands in for one. "focused" means the X input focus is the
window or one of its children.
"""
import json
import sys

from Xlib import X, display, protocol


def find(d, title):
    """The top-level window titled `title` (GTK puts it in _NET_WM_NAME, UTF-8), or None."""
    net_name = d.intern_atom("_NET_WM_NAME")
    utf8 = d.intern_atom("UTF8_STRING")
    for w in d.screen().root.query_tree().children:
        try:
            prop = w.get_full_property(net_name, utf8)
            name = prop.value.decode() if prop else w.get_wm_name()
        except Exception:  # the window went away meanwhile
            continue
        if name == title:
            return w
    return None


def is_within(w, root, target):
    while w and w != root and w != X.NONE:
        if w == target:
            return True
        try:
            w = w.query_tree().parent
        except Exception:
            return False
    return False


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("close", "state"):
        print(__doc__, file=sys.stderr)
        return 2
    d = display.Display()
    root = d.screen().root
    w = find(d, sys.argv[2])
    if sys.argv[1] == "state":
        if w is None:
            print(json.dumps({"found": False, "viewable": False, "focused": False}))
            return 0
        viewable = w.get_attributes().map_state == X.IsViewable
        focus = d.get_input_focus().focus
        focused = not isinstance(focus, int) and is_within(focus, root, w)
        print(json.dumps({"found": True, "viewable": viewable, "focused": focused}))
        return 0
    if w is None:
        print(f"no window titled {sys.argv[2]!r}", file=sys.stderr)
        return 1
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    msg = protocol.event.ClientMessage(window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    w.send_event(msg, event_mask=X.NoEventMask)
    d.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
