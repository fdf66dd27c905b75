"""Citations, four ways:

- ``finding``: the citations of resolutions and UN documents written in a text (``find_citations``);
- ``formatting``: how to cite a resolution, a paragraph or a footnote (``cite``, the cite box's
  ``citation_forms``), in Chinese and English and, by ``styles``, in French, Spanish, Russian
  and Arabic; ``scripts``: how Arabic and Russian texts write a symbol (217 ألف (د-3), 217 А);
- ``links``: where a citation or a symbol leads (``citation_url``, ``symbol_url``);
- ``pasted``: a citation as a reader pastes it, read back to its resolution and place
  (``read_citation``), and ``resolving``: followed into the archive (``follow_citation``).
"""
