"""Make the course's figure assets from code: ``python assets/make_assets.py``.

Each file is named after the notebook it illustrates.
"""

from pathlib import Path

from infolib.explorers import EntropyExplorer

HERE = Path(__file__).parent


def main() -> None:
    explorer = EntropyExplorer([0.1, 0.2, 0.3, 0.4], interactive=False)
    (HERE / "01_entropy_explorer.png").write_bytes(explorer.live.png())
    explorer.close()


if __name__ == "__main__":
    main()
