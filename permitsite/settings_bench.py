"""Production settings plus the benchmark's ceiling view. Only `make bench` uses this module."""

from permitsite.settings import *  # noqa: F403

ROOT_URLCONF = "permitsite.urls_bench"
