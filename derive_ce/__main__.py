from derive_ce.start import main

raise SystemExit(main())
