#!/usr/bin/env python3
"""Score derive-ce on a held-out attack's twin pairs (default tests/attack16/, issue 16).

Run by hand (a measurement, not a test):
    python3 benchmarks/attack.py [--dce PATH] [--dir tests/attack17]

A FALSE twin is misjudged when its marked line ("expect: failed") is proved or numeric.
A TRUE twin is misjudged when any step is failed/unknown/error (or the file is refused).
Usage: python3 score.py [--reuse] [--batch N] [NAME_SUBSTRING ...]
Raw JSON per batch is kept in results/.
"""
import glob, json, os, subprocess, sys

def _opt(name, default):
    return next((sys.argv[i + 1] for i, a in enumerate(sys.argv[:-1]) if a == name), default)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = _opt("--dir", os.path.join("tests", "attack16"))
HERE = DIR if os.path.isabs(DIR) else os.path.join(ROOT, DIR)
if not os.path.isdir(HERE):
    sys.exit("attack.py: no such directory: %s" % DIR)
DCE = _opt("--dce", ".venv/bin/derive-ce")
TOOL = [DCE, "check", "--no-cache", "--format", "json", "-j", "2"]
RES = os.path.join(__import__("tempfile").gettempdir(), "derive-ce-" + os.path.basename(os.path.normpath(HERE)))
os.makedirs(RES, exist_ok=True)

def marked_line(path):
    for n, line in enumerate(open(path), 1):
        if "expect: failed" in line:
            return n
    return None

def run(files, reuse):
    out = {}
    batch = int(next((a.split("=")[1] for a in sys.argv if a.startswith("--batch=")), 20))
    for b in range(0, len(files), batch):
        chunk = files[b:b + batch]
        import hashlib
        cache = os.path.join(RES, "batch_%s.json" % hashlib.sha1("\n".join(chunk).encode()).hexdigest()[:12])
        data = None
        if reuse and os.path.exists(cache):
            data = json.load(open(cache))
            if sorted(f["path"] for f in data["files"]) != sorted(chunk):
                data = None
        if data is None:
            try:
                p = subprocess.run(["timeout", "1200"] + TOOL + chunk, capture_output=True, text=True)
                data = json.loads(p.stdout)
            except Exception as e:  # noqa
                data = {"files": [{"path": f, "ok": False, "error": "harness: %r" % e, "steps": []} for f in chunk]}
            json.dump(data, open(cache, "w"), indent=1)
        for f in data["files"]:
            out[f["path"]] = f
        print("batch %d done (%d files)" % (b // batch, len(chunk)), file=sys.stderr)
    return out

def main():
    reuse = "--reuse" in sys.argv
    filt = [a for a in sys.argv[1:] if not a.startswith("--") and a not in (DCE, DIR)]
    files = sorted(glob.glob(os.path.join(HERE, "*.true.*")) + glob.glob(os.path.join(HERE, "*.false.*")))
    if filt:
        files = [f for f in files if any(s in f for s in filt)]
    res = run(files, reuse)
    fa_proved, fa_numeric, fa_unreported, tr_rej = [], [], [], []
    npairs = len({os.path.basename(f).split(".")[0] for f in files})
    for f in files:
        r = res.get(f, {"ok": False, "error": "no output", "steps": []})
        name = os.path.basename(f)
        steps = r.get("steps", [])
        if ".false." in name:
            ml = marked_line(f)
            at = [s for s in steps if s["line"] == ml]
            sts = [s["status"] for s in at]
            if "proved" in sts:
                fa_proved.append((name, ml, at))
            elif "numeric" in sts:
                fa_numeric.append((name, ml, at))
            elif not at:
                fa_unreported.append((name, ml, r.get("error"), r.get("not_checked")))
        else:
            bad = [s for s in steps if s["status"] in ("failed", "unknown", "error")]
            if bad or r.get("error"):
                tr_rej.append((name, r.get("error"), bad))
    print("pairs: %d  files: %d" % (npairs, len(files)))
    print("FALSE twins accepted as proved : %d" % len(fa_proved))
    print("FALSE twins accepted as numeric: %d" % len(fa_numeric))
    print("TRUE twins rejected (failed/unknown/error): %d" % len(tr_rej))
    print("(false twins whose marked line got no verdict at all: %d)" % len(fa_unreported))
    for title, lst in (("false-proved", fa_proved), ("false-numeric", fa_numeric)):
        for name, ml, at in lst:
            print("  %s %s:%d  %s" % (title, name, ml, "; ".join("%s %s" % (s["status"], (s.get("message") or "")[:90]) for s in at)))
    for name, ml, err, nc in fa_unreported:
        print("  false-unreported %s:%s  error=%s not_checked=%s" % (name, ml, err, json.dumps(nc)[:150] if nc else None))
    for name, err, bad in tr_rej:
        print("  true-rejected %s  %s" % (name, err or "; ".join("L%d %s: %s" % (s["line"], s["status"], (s.get("message") or "")[:110]) for s in bad)))

if __name__ == "__main__":
    main()
