"""Scale-out: the same analysis over partitions of a corpus, in parallel (Dask)."""
