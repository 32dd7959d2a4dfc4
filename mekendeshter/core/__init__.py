"""The shared toolkit every app may import; it imports no app (see DEVELOPERS.md, "Layout")."""
