from derive_ce.cli import main

raise SystemExit(main())
