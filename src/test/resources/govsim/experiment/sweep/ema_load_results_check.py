"""Opens a govsim ema_results.tar.gz the way ema_workbench.load_results (2.x) does, without the
workbench: metadata.json, experiments.csv cast to the dtypes in the metadata, then each outcome
read by the reader of its class (ScalarOutcome: no header, reshaped to one dimension;
TimeSeriesOutcome: header row, two dimensions). Prints the shapes and dtypes as JSON.

Usage: python3 ema_load_results_check.py ARCHIVE
"""
import json
import sys
import tarfile

import numpy as np
import pandas as pd


def load(file_name):
    with tarfile.open(file_name, "r:gz", encoding="UTF8") as archive:
        metadata = json.loads(archive.extractfile("metadata.json").read().decode())
        experiments = pd.read_csv(archive.extractfile("experiments.csv"))
        for name, dtype in metadata["experiments"].items():
            try:
                dtype = np.dtype(dtype)
            except TypeError:
                dtype = pd.api.types.pandas_dtype(dtype)
            if experiments[name].dtype is not dtype:
                experiments[name] = experiments[name].astype(dtype)
        outcomes = {}
        for outcome_type, name, filename in metadata["outcomes"]:
            f = archive.extractfile(filename)
            if outcome_type == "ScalarOutcome":
                values = pd.read_csv(f, index_col=False, header=None).values
                values = np.reshape(values, (values.shape[0],))
            elif outcome_type == "TimeSeriesOutcome":
                values = pd.read_csv(f, index_col=False, header=0).values
            else:
                raise SystemExit("unknown outcome class " + outcome_type)
            outcomes[name] = values
    return experiments, outcomes


experiments, outcomes = load(sys.argv[1])
print(
    json.dumps(
        {
            "experiments_shape": list(experiments.shape),
            "experiments_columns": list(experiments.columns),
            "experiments_dtypes": [str(t) for t in experiments.dtypes],
            "outcomes": {
                k: {
                    "shape": list(v.shape),
                    "dtype": str(v.dtype),
                    "first": None if np.isnan(v.flat[0]) else float(v.flat[0]),
                    "nan": int(np.isnan(v).sum()),
                }
                for k, v in outcomes.items()
            },
        }
    )
)
