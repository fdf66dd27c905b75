"""Citations, three ways:

- ``finding``: the citations of resolutions and UN documents written in a text (``find_citations``);
- ``formatting``: how to cite a resolution, a paragraph or a footnote (``cite``, the cite box's
  ``citation_forms``);
- ``links``: where a citation or a symbol leads (``citation_url``, ``symbol_url``).
"""
