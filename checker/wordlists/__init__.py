"""Word lists shipped with reelcheck (see SOURCE.md here)."""
