"""`make report` / `sitrep report` in one process: ``cli`` (the command), ``pipeline`` (the
engine: notebooks, render, exit statuses), ``kernels``, ``workdir`` (each run's own folder),
``outfolder`` (refused folders, the manifest, up to date), ``fingerprint`` (what a briefing
depends on), ``lock``, ``publish`` (all or nothing into OUT) and ``signals`` (interrupts)."""
