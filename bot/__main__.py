"""`python -m bot` runs the quotebot CLI."""
import sys

from .cli import main

sys.exit(main())
