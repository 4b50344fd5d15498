from pathlib import Path

ADDONS_DIR = Path(__file__).resolve().parent.parent / "addons"
# The suite's addons, from their folders: a new addon is covered by the cross-addon tests as it lands.
SUITE = sorted(path.parent.name for path in ADDONS_DIR.glob("*/__manifest__.py"))
