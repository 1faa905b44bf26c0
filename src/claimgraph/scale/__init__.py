"""Scale-out: the pipeline over shards on a dask.distributed cluster, with Parquet partitions.

Local worker processes live in `claimgraph.parallel`. dask and pyarrow are imported only by the
modules that need them, so importing this package costs nothing.
"""
