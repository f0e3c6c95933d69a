"""The Xiaomi data-collection coverage study (2020): Indonesian vs international news.

Stages, one module each, data flowing one way:
sources -> collect (archive) -> extract (duplicates) -> quotes / citations / frames (analyse)
-> compare -> plots; pipeline runs the notebooks with papermill.

Note: this package is deliberately named ``coverage`` (the design card). coverage.py, which
shares the import name, is kept out of the study's environment; see README.
"""

__version__ = "0.1.0"
