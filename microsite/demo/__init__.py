"""Demo content, built through the models from readable text (no JSON dumps).

Each module has a `build(stdout)` function that is idempotent: running it twice
changes nothing the second time. `manage.py load_demo` calls them in order.
"""
