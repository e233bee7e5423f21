import os
import sys
from pathlib import Path

from django.core.wsgi import get_wsgi_application

# gunicorn runs from the repository root: make `aantafel` importable from src/ as manage.py does.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aantafel.config.settings")
application = get_wsgi_application()
