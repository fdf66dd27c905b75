"""What the archive announces to the parts that keep something derived from its texts.

``texts_imported`` is sent by ``import_resolutions`` at the end of a run that stored texts, with
``version_ids``: the language versions stored (the search index has taken them already). The
pages render them ahead of their first reader (``web.rendered``).
"""

from django.dispatch import Signal

texts_imported = Signal()
