#!/usr/bin/python3
"""The same roll-up as `tablero rollup`, the way an analyst would write it with pandas + openpyxl.

Reads the three record sheets, drops blank and "Total ..." rows, reads counts typed as text
("1.234" with a Spanish thousands dot), and computes sums of numerators / sums of totals by
department and municipality, municipalities at or above the threshold, SIASAR A-D counts,
bacteriological compliance, chlorination and the providers' yes/no shares.

Usage: /usr/bin/python3 scripts/bench-rollup.py WORKBOOK.xlsx [THRESHOLD]
Prints one JSON object with the figures and the peak memory (ru_maxrss, KB).
Needs Debian's python3-pandas and python3-openpyxl (apt-get install -y python3-pandas python3-openpyxl).
"""
import json
import re
import resource
import sys
import time

import pandas as pd

TOTAL = re.compile(r"^\s*(sub\s*-?\s*)?total(es)?\b", re.IGNORECASE)


def counts(series):
    """Numbers, with counts typed as text read the way a Spanish table means them."""
    def read(v):
        if isinstance(v, str):
            s = re.sub(r"[\s.]", "", v).replace(",", ".")
            try:
                return float(s)
            except ValueError:
                return float("nan")
        return v
    return pd.to_numeric(series.map(read), errors="coerce")


def records(df, label_cols):
    df = df.dropna(how="all")
    for c in label_cols:
        df = df[~df[c].astype(str).str.match(TOTAL)]
    return df


def main():
    path = sys.argv[1]
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.8
    t0 = time.perf_counter()
    # dtype=object: by default pandas turns the text "1.454" into the float 1.454 (not 1454).
    sheets = pd.read_excel(path, sheet_name=["Comunidades", "Sistemas", "Prestadores"], engine="openpyxl", dtype=object)
    t_read = time.perf_counter() - t0

    com = records(sheets["Comunidades"], ["Departamento", "Municipio", "Comunidad"])
    num = ["Viviendas", "Viviendas con agua", "Viviendas con saneamiento", "Escuelas", "Escuelas con APS",
           "Centros de salud", "Centros de salud con APS"]
    for c in num:
        com[c] = counts(com[c])
    by_muni = com.groupby(["Departamento", "Municipio"], sort=False)[num].sum()
    by_dept = com.groupby(["Departamento"], sort=False)[num].sum()
    tot = com[num].sum()
    water_m = by_muni["Viviendas con agua"] / by_muni["Viviendas"]
    san_m = by_muni["Viviendas con saneamiento"] / by_muni["Viviendas"]
    _ = by_dept["Viviendas con agua"] / by_dept["Viviendas"]

    sys_df = records(sheets["Sistemas"], ["Código sistema", "Departamento", "Municipio", "Comunidad"])
    sys_df = sys_df.assign(**{"Muestras analizadas": counts(sys_df["Muestras analizadas"]),
                              "Muestras aptas": counts(sys_df["Muestras aptas"])})
    cat = sys_df["Categoría SIASAR"].astype(str).str.strip().str.upper()
    sys_by_area = pd.crosstab([sys_df["Departamento"], sys_df["Municipio"]], cat)
    both = sys_df[["Muestras analizadas", "Muestras aptas"]].dropna()
    chlor = sys_df["Cloración"].astype(str).str.strip().str.lower().map({"sí": 1, "si": 1, "no": 0})

    prov = records(sheets["Prestadores"], ["Prestador", "Departamento", "Municipio"])
    pcat = prov["Categoría SIASAR"].astype(str).str.strip().str.upper()
    prov_by_area = pd.crosstab([prov["Departamento"], prov["Municipio"]], pcat)
    yes = {}
    for c in ["Cobra tarifa", "Rinde cuentas"]:
        a = prov[c].astype(str).str.strip().str.lower().map({"sí": 1, "si": 1, "no": 0}).dropna()
        yes[c] = float(a.mean())
    _ = (sys_by_area, prov_by_area)

    out = {
        "households": float(tot["Viviendas"]),
        "water": float(tot["Viviendas con agua"] / tot["Viviendas"]),
        "sanitation": float(tot["Viviendas con saneamiento"] / tot["Viviendas"]),
        "municipalities": int(len(by_muni)),
        "waterAbove": int((water_m >= threshold - 1e-12).sum()),
        "sanitationAbove": int((san_m >= threshold - 1e-12).sum()),
        "systems": {k: int((cat == k).sum()) for k in "ABCD"},
        "samples": float(both["Muestras analizadas"].sum()),
        "passed": float(both["Muestras aptas"].sum()),
        "chlorinating": float(chlor.dropna().mean()),
        "providers": {k: int((pcat == k).sum()) for k in "ABCD"},
        "yes": yes,
        "readSeconds": round(t_read, 3),
        "totalSeconds": round(time.perf_counter() - t0, 3),
        "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
