"""Everything that knows Korean: the Kiwi analyser, segmentation and its cache, numbers."""
