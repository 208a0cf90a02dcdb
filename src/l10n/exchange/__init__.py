"""Exchange with CAT tools: XLIFF (``xliff``, ``incoming``), TMX (``tmx``), TBX (``tbx``)
and a ready OmegaT project (``omegat``).

Every format is written and read with lxml, element by element (never string
templates), and what is written validates against the official schemas (XLIFF 1.2
strict, XLIFF 2.0 core with its metadata module, TMX 1.4b, TBX core structure; the
suite checks it). Reading never loads a DTD, resolves an entity or touches the network.
"""
